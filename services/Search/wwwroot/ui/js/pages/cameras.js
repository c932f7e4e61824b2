// Cameras: live health of every camera (refreshed every 2 s) and, for integrators, adding and
// removing cameras.
import { h, replace, field, setFieldError } from '../dom.js';
import { get, post, del, describeError, ApiError } from '../api.js';
import { setCameras } from '../cameras.js';
import { hasRole, ROLES } from '../session.js';
import { formatAgo, formatDateTime, formatFixed, formatNumber, formatSeconds, parseTimeSpan } from '../format.js';
import { confirmAction, notice, toast } from '../ui.js';

const REFRESH_MS = 2000;
const STATE_KIND = { Streaming: 'ok', Connecting: 'info', Reconnecting: 'warn', Ended: '', Stopped: '' };
const STATE_TEXT = {
  Streaming: 'Frames arrive',
  Connecting: 'Opening the source',
  Reconnecting: 'The source failed or stalled; trying again',
  Ended: 'A file camera read to its end',
  Stopped: 'Removed or shutting down',
};
const COLUMNS = ['Camera', 'State', 'fps in', 'fps out', 'Lag', 'Reconnects', 'Published', 'Dropped', 'Last error', 'Detector'];

export function mountCameras(container) {
  const integrator = hasRole(ROLES.integrator);
  const status = h('p', { class: 'muted small', role: 'status' });
  const problem = h('div');
  const tbody = h('tbody');
  const rows = new Map();
  const table = h('div', { class: 'table-wrap' },
    h('table', { class: 'data', 'aria-label': 'Cameras and their health' },
      h('thead', null, h('tr', null, COLUMNS.map((name, i) => h('th', { scope: 'col', class: i >= 2 && i <= 7 ? 'num' : null, text: name })),
        integrator ? h('th', { scope: 'col', class: 'actions', text: 'Actions' }) : null)),
      tbody));
  const empty = h('div', { class: 'empty', hidden: true },
    h('strong', { text: 'No cameras are registered.' }),
    h('p', { class: 'muted', text: integrator ? 'Add one with the form on the right.' : 'An integrator adds cameras.' }));

  const left = h('section', { 'aria-labelledby': 'cameras-title' },
    h('div', { class: 'page-head' }, h('h1', { id: 'cameras-title', text: 'Cameras' }), h('span', { class: 'spacer' }), status),
    problem, table, empty);
  replace(container, integrator ? h('div', { class: 'columns' }, left, addForm()) : left);

  let timer = 0;
  let stopped = false;

  async function refresh() {
    try {
      const list = await get('/api/cameras');
      if (stopped) return;
      setCameras(list);
      render(list);
      replace(problem);
      status.textContent = `Updated ${new Date().toLocaleTimeString()} · every 2 s`;
    } catch (error) {
      if (stopped) return;
      replace(problem, notice(`Camera health could not be refreshed: ${describeError(error)}`, 'error'));
    } finally {
      if (!stopped) timer = window.setTimeout(refresh, REFRESH_MS);
    }
  }

  function render(list) {
    const ids = new Set(list.map((c) => c.id));
    for (const [id, row] of rows) {
      if (!ids.has(id)) { row.element.remove(); rows.delete(id); }
    }
    list.forEach((camera, index) => {
      let row = rows.get(camera.id);
      if (!row) {
        row = createRow(camera);
        rows.set(camera.id, row);
      }
      updateRow(row, camera);
      // Moved only when out of place: moving a row would take the focus off its Remove button.
      if (tbody.children[index] !== row.element) tbody.insertBefore(row.element, tbody.children[index] || null);
    });
    empty.hidden = list.length > 0;
    table.hidden = list.length === 0;
  }

  function createRow(camera) {
    const cells = {};
    const cell = (name, className) => (cells[name] = h('td', { class: className }));
    const element = h('tr', { dataset: { camera: camera.id } },
      cell('camera'), cell('state'), cell('fpsIn', 'num'), cell('fpsOut', 'num'), cell('lag', 'num'), cell('reconnects', 'num'),
      cell('published', 'num'), cell('dropped', 'num'), cell('error'), cell('detector'),
      integrator ? h('td', { class: 'actions' }, h('button', {
        class: 'button danger small', type: 'button', text: 'Remove', 'aria-label': `Remove camera ${camera.name}`,
        onclick: () => remove(camera),
      })) : null);
    return { element, cells };
  }

  function updateRow(row, camera) {
    const health = camera.health || {};
    const c = row.cells;
    replace(c.camera, h('strong', { text: camera.name }), h('span', { class: 'sub mono', text: camera.id }),
      h('span', { class: 'sub cell-clip', title: camera.source, text: camera.source }));
    const state = String(health.state || 'Connecting');
    replace(c.state, h('span', { class: `pill dot ${STATE_KIND[state] ?? ''}`.trim(), title: STATE_TEXT[state] || state, text: state }));
    c.fpsIn.textContent = formatFixed(health.framesPerSecondIn, 1);
    c.fpsOut.textContent = formatFixed(health.framesPerSecondOut, 1);
    const lag = parseTimeSpan(health.lag);
    c.lag.textContent = lag === null ? '—' : formatSeconds(lag);
    c.reconnects.textContent = formatNumber(health.reconnects);
    c.published.textContent = formatNumber(health.framesPublished);
    c.dropped.textContent = formatNumber(health.framesDropped);
    c.dropped.classList.toggle('error-text', health.framesDropped > 0);
    if (health.lastError) {
      replace(c.error, h('span', { class: 'error-text', text: health.lastError }),
        h('span', { class: 'sub', title: formatDateTime(health.lastErrorAt), text: formatAgo(health.lastErrorAt) }));
    } else {
      replace(c.error, h('span', { class: 'faint', text: 'none' }));
    }
    replace(c.detector, h('span', { text: camera.detector }),
      h('span', { class: 'sub', text: `${formatFixed(camera.sampleRate, camera.sampleRate % 1 ? 1 : 0)} fps sampled${camera.loop ? ' · loop' : ''}` }));
  }

  async function remove(camera) {
    const confirmed = await confirmAction({
      title: `Remove camera ${camera.name}?`,
      message: `The camera “${camera.name}” (${camera.id}) stops and is unregistered. Its crops stay searchable until retention removes them.`,
      confirmLabel: 'Remove camera',
    });
    if (!confirmed) return;
    try {
      await del(`/api/cameras/${encodeURIComponent(camera.id)}`);
      toast('Camera removed', camera.name, 'ok');
      window.clearTimeout(timer);
      refresh();
    } catch (error) {
      toast('The camera was not removed', describeError(error), 'error', 8000);
    }
  }

  function addForm() {
    const id = field('Camera id', h('input', { type: 'text', name: 'id', required: true, autocomplete: 'off', spellcheck: 'false', pattern: '[a-z0-9][a-z0-9-]*' }),
      'Lower-case letters, digits and “-”, e.g. entrance-1.');
    const name = field('Name', h('input', { type: 'text', name: 'name', required: true, autocomplete: 'off' }), 'What operators see, e.g. Main entrance.');
    const source = field('Source', h('input', { type: 'text', name: 'source', required: true, autocomplete: 'off', spellcheck: 'false' }),
      'rtsp://, http(s):// URL or a video file path on the server. Credentials in it are never shown again.');
    const detector = field('Detector', h('select', { name: 'detector' },
      h('option', { value: 'motion', text: 'Motion' }),
      h('option', { value: 'hog', text: 'HOG people' }),
      h('option', { value: 'onnx', text: 'ONNX model' })), 'Motion suits fixed cameras and is the cheapest.');
    const sampleRate = field('Sample rate (fps)', h('input', { type: 'number', name: 'sampleRate', min: '0.1', max: '30', step: '0.1', value: '5' }));
    const loop = h('input', { type: 'checkbox', name: 'loop' });
    const paced = h('input', { type: 'checkbox', name: 'paced', checked: true });
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const submit = h('button', { class: 'button primary', type: 'submit', text: 'Add camera' });
    const entries = { id, name, source, detector, sampleRate };
    const form = h('form', { class: 'form-stack', novalidate: true, 'aria-labelledby': 'add-camera-title' },
      id.field, name.field, source.field,
      h('div', { class: 'form-grid' }, detector.field, sampleRate.field),
      h('div', { class: 'check-row' },
        h('label', { class: 'check' }, loop, 'Loop a file at its end'),
        h('label', { class: 'check' }, paced, 'Play a file at its own speed')),
      error,
      h('div', { class: 'form-actions' }, submit));

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      Object.values(entries).forEach((entry) => setFieldError(entry, ''));
      error.hidden = true;
      const body = {
        id: id.input.value.trim(),
        name: name.input.value.trim(),
        source: source.input.value.trim(),
        detector: detector.input.value,
        sampleRate: Number(sampleRate.input.value),
        loop: loop.checked,
        paced: paced.checked,
      };
      let invalid = false;
      if (!body.id) { setFieldError(id, 'A camera id is required.'); invalid = true; }
      if (!body.name) { setFieldError(name, 'A name is required.'); invalid = true; }
      if (!body.source) { setFieldError(source, 'A source is required.'); invalid = true; }
      if (!Number.isFinite(body.sampleRate) || body.sampleRate <= 0) { setFieldError(sampleRate, 'Give a positive number of frames per second.'); invalid = true; }
      if (invalid) return;
      submit.disabled = true;
      try {
        const camera = await post('/api/cameras', body);
        toast('Camera added', `${camera.name} (${camera.id}) is connecting.`, 'ok');
        form.reset();
        sampleRate.input.value = '5';
        paced.checked = true;
        window.clearTimeout(timer);
        refresh();
      } catch (failure) {
        let placed = false;
        if (failure instanceof ApiError && failure.status === 400) {
          for (const [key, messages] of Object.entries(failure.fieldErrors)) {
            const entry = entries[key] || entries[key.charAt(0).toLowerCase() + key.slice(1)];
            if (entry) { setFieldError(entry, [].concat(messages).join(' ')); placed = true; }
          }
        }
        if (!placed) {
          error.textContent = describeError(failure);
          error.hidden = false;
        }
      } finally {
        submit.disabled = false;
      }
    });

    return h('section', { class: 'panel', 'aria-labelledby': 'add-camera-title' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'add-camera-title', text: 'Add camera' })),
      form);
  }

  refresh();
  return () => {
    stopped = true;
    window.clearTimeout(timer);
  };
}
