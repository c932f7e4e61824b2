// A multi-select of cameras as a disclosure (<details>) with one checkbox per camera: keyboard
// friendly without scripting the focus, and "none ticked" means every camera.
import { h, replace, uid } from './dom.js';

export function createCameraPicker({ label = 'Cameras', selected = [], onChange } = {}) {
  const chosen = new Set(selected);
  let cameras = [];
  const summaryText = h('span', { class: 'picker-summary' });
  const labelId = uid('picker-label');
  const summary = h('summary', { 'aria-describedby': labelId }, summaryText);
  const list = h('div', { class: 'picker-list', role: 'group', 'aria-label': label });
  const clear = h('button', { class: 'button ghost small', type: 'button', text: 'All cameras' });
  const done = h('button', { class: 'button small', type: 'button', text: 'Done' });
  const details = h('details', { class: 'multiselect' }, summary,
    h('div', { class: 'multiselect-menu' }, list, h('div', { class: 'multiselect-foot' }, clear, done)));
  const element = h('div', { class: 'field' }, h('span', { class: 'label', id: labelId, text: label }), details);

  function describe() {
    const names = cameras.filter((c) => chosen.has(c.id)).map((c) => c.name);
    const missing = [...chosen].filter((id) => !cameras.some((c) => c.id === id));
    const all = [...names, ...missing];
    if (all.length === 0) summaryText.textContent = 'All cameras';
    else if (all.length === 1) summaryText.textContent = all[0];
    else summaryText.textContent = `${all.length} cameras`;
    summary.setAttribute('aria-label', `${label}: ${summaryText.textContent}`);
  }

  function renderList() {
    if (cameras.length === 0) {
      replace(list, h('p', { class: 'muted small', text: 'No cameras are registered.' }));
    } else {
      replace(list, cameras.map((camera) => {
        const box = h('input', { type: 'checkbox', value: camera.id, checked: chosen.has(camera.id) });
        box.addEventListener('change', () => {
          if (box.checked) chosen.add(camera.id);
          else chosen.delete(camera.id);
          describe();
          if (onChange) onChange([...chosen]);
        });
        return h('label', { class: 'check' }, box, h('span', { text: camera.name }), h('span', { class: 'sub mono', text: camera.id }));
      }));
    }
    describe();
  }

  clear.addEventListener('click', () => {
    chosen.clear();
    renderList();
    if (onChange) onChange([]);
  });
  done.addEventListener('click', () => { details.open = false; summary.focus(); });
  details.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && details.open) {
      event.preventDefault();
      event.stopPropagation();
      details.open = false;
      summary.focus();
    }
  });
  const closeOutside = (event) => {
    if (details.open && !details.contains(event.target)) details.open = false;
  };
  document.addEventListener('click', closeOutside);

  renderList();
  return {
    element,
    selected: () => [...chosen],
    setCameras(list) { cameras = list || []; renderList(); },
    setSelected(ids) { chosen.clear(); for (const id of ids) chosen.add(id); renderList(); },
    destroy() { document.removeEventListener('click', closeOutside); },
  };
}
