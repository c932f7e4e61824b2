// Pieces the admin pages share: their tab bar and the roles + camera-scope editor.
import { h, uid } from '../dom.js';
import { cameraList } from '../cameras.js';

const ROLE_TEXT = {
  operator: 'Operator: search, watchlists, alerts',
  integrator: 'Integrator: add and remove cameras',
  ml: 'ML: model details and metrics',
  admin: 'Admin: users, API keys, audit',
};

export function adminTabs(current) {
  const tabs = [['/admin/users', 'Users'], ['/admin/keys', 'API keys'], ['/admin/audit', 'Audit']];
  return h('nav', { class: 'subnav', 'aria-label': 'Administration' },
    tabs.map(([path, text]) => h('a', { href: `#${path}`, 'aria-current': path === current ? 'page' : null, text })));
}

/**
 * Role checkboxes and a camera scope (every camera, or only the ticked ones).
 * Returns { element, roles(), cameras() (null = every camera), set(roles, cameras) }.
 */
export function accessEditor({ roles = ['operator'], cameras = null } = {}) {
  const roleBoxes = Object.keys(ROLE_TEXT).map((role) => ({ role, box: h('input', { type: 'checkbox', value: role, checked: roles.includes(role) }) }));
  const group = uid('scope');
  const all = h('input', { type: 'radio', name: group, value: 'all', checked: cameras === null });
  const only = h('input', { type: 'radio', name: group, value: 'only', checked: cameras !== null });
  const cameraBoxes = cameraList().map((camera) => ({
    id: camera.id,
    box: h('input', { type: 'checkbox', value: camera.id, checked: Array.isArray(cameras) && cameras.includes(camera.id) }),
    name: camera.name,
  }));
  const cameraGroup = h('div', { class: 'check-row camera-choices', hidden: cameras === null },
    cameraBoxes.length ? cameraBoxes.map(({ box, name, id }) => h('label', { class: 'check', title: id }, box, name))
      : h('p', { class: 'muted small', text: 'No cameras are registered yet.' }));
  const sync = () => { cameraGroup.hidden = !only.checked; };
  all.addEventListener('change', sync);
  only.addEventListener('change', sync);

  const element = h('div', { class: 'form-stack' },
    h('fieldset', null, h('legend', { text: 'Roles' }),
      h('div', { class: 'form-stack' }, roleBoxes.map(({ role, box }) => h('label', { class: 'check' }, box, ROLE_TEXT[role])))),
    h('fieldset', null, h('legend', { text: 'Cameras' }),
      h('div', { class: 'check-row' },
        h('label', { class: 'check' }, all, 'Every camera (also those added later)'),
        h('label', { class: 'check' }, only, 'Only these cameras:')),
      cameraGroup));

  return {
    element,
    roles: () => roleBoxes.filter(({ box }) => box.checked).map(({ role }) => role),
    cameras: () => (all.checked ? null : cameraBoxes.filter(({ box }) => box.checked).map(({ id }) => id)),
  };
}

/** "every camera" or the list of names. */
export function describeCameras(cameras) {
  if (cameras === null || cameras === undefined) return 'every camera';
  if (cameras.length === 0) return 'no camera';
  const names = cameraList();
  return cameras.map((id) => (names.find((c) => c.id === id) || { name: id }).name).join(', ');
}
