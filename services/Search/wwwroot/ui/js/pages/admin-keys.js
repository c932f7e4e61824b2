// Admin: API keys for integrations: create (the secret is shown once), list, revoke.
import { h, replace, field, setFieldError } from '../dom.js';
import { get, post, del, describeError } from '../api.js';
import { loadCameras } from '../cameras.js';
import { formatAgo, formatDateTime } from '../format.js';
import { confirmAction, notice, openDialog, roleChips, toast } from '../ui.js';
import { adminTabs, accessEditor, describeCameras } from './admin-common.js';
import { showProblem } from './admin-users.js';

export function mountKeys(container) {
  const tableArea = h('div', { class: 'loading', text: 'Loading API keys…' });
  const formArea = h('div');
  replace(container,
    h('div', { class: 'page-head' }, h('h1', { text: 'Administration' })),
    adminTabs('/admin/keys'),
    h('div', { class: 'columns' },
      h('section', { 'aria-labelledby': 'keys-title' }, h('h2', { id: 'keys-title', class: 'visually-hidden', text: 'API keys' }), tableArea),
      h('section', { class: 'panel', 'aria-labelledby': 'new-key-title' },
        h('div', { class: 'panel-head' }, h('h2', { id: 'new-key-title', text: 'New API key' })), formArea)));

  let stopped = false;

  async function load() {
    try {
      const keys = await get('/api/keys');
      if (!stopped) render(keys || []);
    } catch (error) {
      if (!stopped) replace(tableArea, notice(`API keys could not be loaded: ${describeError(error)}`, 'error'));
    }
  }

  function render(keys) {
    tableArea.className = '';
    if (keys.length === 0) {
      replace(tableArea, h('div', { class: 'empty' }, h('strong', { text: 'No API keys.' }),
        h('p', { class: 'muted', text: 'Create one for each system that calls the API (a video wall, an integration).' })));
      return;
    }
    replace(tableArea, h('div', { class: 'table-wrap' }, h('table', { class: 'data', 'aria-label': 'API keys' },
      h('thead', null, h('tr', null, ['Key', 'Owner', 'Roles', 'Cameras', 'Created', 'Last used', 'Status'].map((name) => h('th', { scope: 'col', text: name })),
        h('th', { scope: 'col', class: 'actions', text: '' }))),
      h('tbody', null, keys.map((key) => h('tr', { dataset: { key: String(key.id) } },
        h('td', null, h('strong', { text: key.name }), h('span', { class: 'sub mono', text: key.id })),
        h('td', { text: key.owner || '—' }),
        h('td', null, roleChips(key.roles)),
        h('td', { class: 'cell-clip', text: describeCameras(key.cameras) }),
        h('td', { class: 'nowrap', text: formatDateTime(key.createdAt) }),
        h('td', { class: 'nowrap', title: formatDateTime(key.lastUsedAt), text: key.lastUsedAt ? formatAgo(key.lastUsedAt) : 'never' }),
        h('td', null, key.revokedAt
          ? h('span', { class: 'pill danger', title: formatDateTime(key.revokedAt), text: 'revoked' })
          : h('span', { class: 'pill ok', text: 'active' })),
        h('td', { class: 'actions' }, key.revokedAt ? null : h('button', {
          class: 'button danger small', type: 'button', text: 'Revoke', 'aria-label': `Revoke API key ${key.name}`, onclick: () => revoke(key),
        }))))))));
  }

  function createForm() {
    const name = field('Name', h('input', { type: 'text', autocomplete: 'off', required: true }), 'What the key is for, e.g. video wall in room 2.');
    const access = accessEditor({ roles: ['operator'] });
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const submit = h('button', { class: 'button primary', type: 'submit', text: 'Create API key' });
    const form = h('form', { class: 'form-stack', novalidate: true }, name.field, access.element, error, h('div', { class: 'form-actions' }, submit));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      setFieldError(name, ''); error.hidden = true;
      const body = { name: name.input.value.trim(), roles: access.roles(), cameras: access.cameras() };
      if (!body.name) return setFieldError(name, 'A name is required.');
      if (body.roles.length === 0) { error.textContent = 'Give the key at least one role.'; error.hidden = false; return; }
      submit.disabled = true;
      try {
        const created = await post('/api/keys', body);
        replace(formArea, createForm());
        load();
        showSecret(created);
      } catch (failure) {
        showProblem(failure, { name }, error);
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  function showSecret(created) {
    const view = openDialog({ title: `API key ${created.key ? created.key.name : ''} created` });
    const secret = h('input', { type: 'text', readOnly: true, value: created.secret, 'aria-label': 'The API key secret', spellcheck: 'false' });
    const copied = h('p', { class: 'muted small', role: 'status' });
    const copy = h('button', { class: 'button', type: 'button', text: 'Copy' });
    copy.addEventListener('click', async () => {
      secret.select();
      try {
        if (navigator.clipboard && window.isSecureContext) await navigator.clipboard.writeText(created.secret);
        else if (!document.execCommand('copy')) throw new Error('copy refused');
        copied.textContent = 'Copied to the clipboard.';
      } catch {
        copied.textContent = 'Copying is not allowed here: select the key and copy it by hand.';
      }
    });
    view.body.append(
      notice('Copy this key now: it is shown only once. The site keeps only a hash of it; a lost key cannot be shown again, only revoked and replaced.'),
      h('div', { class: 'secret-box' }, secret, copy),
      copied,
      h('p', { class: 'muted small', text: 'Send it as “Authorization: Bearer <key>” (or “X-Api-Key: <key>”).' }));
    view.foot.append(h('button', { class: 'button primary', type: 'button', text: 'I have stored the key', onclick: () => view.close() }));
    secret.focus();
    secret.select();
  }

  async function revoke(key) {
    const confirmed = await confirmAction({
      title: `Revoke API key ${key.name}?`,
      message: `Calls with “${key.name}” are refused from now on. This cannot be undone; the key stays listed as revoked.`,
      confirmLabel: 'Revoke key',
    });
    if (!confirmed) return;
    try {
      await del(`/api/keys/${encodeURIComponent(key.id)}`);
      toast('API key revoked', key.name, 'ok');
      load();
    } catch (failure) {
      toast('The key was not revoked', describeError(failure), 'error', 9000);
    }
  }

  loadCameras().catch(() => []).then(() => {
    if (stopped) return;
    replace(formArea, createForm());
    load();
  });
  return () => { stopped = true; };
}
