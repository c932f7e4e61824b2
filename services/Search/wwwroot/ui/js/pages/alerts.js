// Alerts: the live alert list (kept hits plus the stream) and the watchlists that raise them.
import { h, replace, field, setFieldError } from '../dom.js';
import { get, post, del, describeError, ApiError } from '../api.js';
import { cameraName, loadCameras } from '../cameras.js';
import { formatTime, formatDateTime, formatFixed, formatAgo } from '../format.js';
import { alertState, subscribe, setViewing } from '../alerts-feed.js';
import { openDetail, fromHit } from '../detail.js';
import { requestSimilar } from '../search-state.js';
import { createCameraPicker } from '../camera-picker.js';
import { confirmAction, notice, toast } from '../ui.js';
import { currentUser } from '../session.js';

const STATE_TEXT = { live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', off: 'Off' };
const WATCHLIST_REFRESH_MS = 5000;

export function mountAlerts(container) {
  setViewing(true);
  let stopPicker = null;
  const streamState = h('span', { class: 'pill dot stream-state' });
  const alertList = h('ol', { class: 'alert-list', 'aria-label': 'Alerts, newest first' });
  const alertEmpty = h('div', { class: 'empty' },
    h('strong', { text: 'No alerts yet.' }),
    h('p', { class: 'muted', text: 'An alert appears here the moment a camera sees someone who matches a watchlist.' }));
  const watchlistBody = h('div');
  const watchlistProblem = h('div');

  replace(container,
    h('div', { class: 'page-head' }, h('h1', { text: 'Alerts' }), h('span', { class: 'spacer' }), streamState),
    h('div', { class: 'columns even' },
      h('section', { class: 'panel', 'aria-labelledby': 'alerts-title' },
        h('div', { class: 'panel-head' }, h('h2', { id: 'alerts-title', text: 'Latest alerts' })),
        alertList, alertEmpty),
      h('section', { class: 'panel', 'aria-labelledby': 'watchlists-title' },
        h('div', { class: 'panel-head' }, h('h2', { id: 'watchlists-title', text: 'Watchlists' })),
        watchlistProblem, watchlistBody,
        createForm())));

  function renderState() {
    const { state } = alertState();
    streamState.textContent = `Alert stream: ${STATE_TEXT[state] || state}`;
    streamState.className = `pill dot stream-state ${state === 'live' ? 'ok' : state === 'off' ? '' : 'warn'}`;
  }

  function renderAlerts() {
    const { hits } = alertState();
    alertEmpty.hidden = hits.length > 0;
    replace(alertList, hits.slice(0, 100).map((hit) => h('li', null, alertItem(hit))));
  }

  function alertItem(hit) {
    const camera = cameraName(hit.cameraId);
    const button = h('button', {
      class: `alert-item${hit.fresh ? ' fresh' : ''}`, type: 'button', dataset: { hit: String(hit.id), crop: hit.cropId },
      'aria-label': `${hit.watchlistName}: ${camera}, ${formatDateTime(hit.time)}, calibrated score ${formatFixed(hit.score, 1)}. Open.`,
    },
    h('img', { src: hit.thumbnailUrl, alt: '', loading: 'lazy' }),
    h('span', null,
      h('span', { class: 'alert-title', text: hit.watchlistName }),
      h('span', { class: 'alert-sub', text: `${camera} · ${formatTime(hit.time)}` })),
    h('span', { class: 'alert-score' },
      h('strong', { text: formatFixed(hit.score, 1) }),
      h('span', { class: 'muted small', text: 'σ above usual' })));
    button.addEventListener('click', () => openDetail(fromHit(hit), { onSimilar: requestSimilar, onClose: () => button.focus() }));
    return button;
  }

  let watchTimer = 0;
  let stopped = false;

  async function loadWatchlists() {
    window.clearTimeout(watchTimer);
    try {
      const list = await get('/api/watchlists');
      if (stopped) return;
      replace(watchlistProblem);
      renderWatchlists(Array.isArray(list) ? list : []);
    } catch (error) {
      if (stopped) return;
      replace(watchlistProblem, notice(`Watchlists could not be loaded: ${describeError(error)}`, 'error'));
    } finally {
      if (!stopped) watchTimer = window.setTimeout(loadWatchlists, WATCHLIST_REFRESH_MS);
    }
  }

  function renderWatchlists(list) {
    if (list.length === 0) {
      replace(watchlistBody, h('p', { class: 'muted', text: 'No watchlists. Create one below: every new person seen by a camera is compared with its description.' }));
      return;
    }
    const active = document.activeElement;
    const focusedId = active && active.dataset ? active.dataset.watchlist : null;
    replace(watchlistBody, h('div', { class: 'table-wrap' }, h('table', { class: 'data', 'aria-label': 'Watchlists' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col', text: 'Name' }), h('th', { scope: 'col', text: 'Threshold', class: 'num' }),
        h('th', { scope: 'col', text: 'Calibration' }), h('th', { scope: 'col', text: 'Hits', class: 'num' }),
        h('th', { scope: 'col', text: 'Last hit' }), h('th', { scope: 'col', class: 'actions', text: '' }))),
      h('tbody', null, list.map(watchlistRow)))));
    if (focusedId) {
      const again = watchlistBody.querySelector(`[data-watchlist="${CSS.escape(focusedId)}"]`);
      if (again) again.focus();
    }
  }

  function watchlistRow(watchlist) {
    const calibration = watchlist.calibration || {};
    const minimum = calibration.minimumCrops ?? calibration.minCrops ?? calibration.required ?? calibration.minimum ?? null;
    const calibrationCell = calibration.ready
      ? h('span', { class: 'pill ok', title: `usual score ${formatFixed(calibration.mean, 3)} ± ${formatFixed(calibration.standardDeviation, 3)} over ${calibration.crops} crops`, text: 'ready' })
      : h('span', { class: 'pill warn', text: minimum ? `calibrating ${calibration.crops ?? 0}/${minimum}` : `calibrating (${calibration.crops ?? 0} crops)` });
    const cameras = describeCameras(watchlist);
    return h('tr', { dataset: { id: String(watchlist.id) } },
      h('td', null, h('strong', { text: watchlist.name }),
        h('span', { class: 'sub', text: watchlist.text }),
        h('span', { class: 'sub', text: `${cameras} · by ${watchlist.createdBy || 'unknown'}` })),
      h('td', { class: 'num', text: formatFixed(watchlist.threshold, 1) }),
      h('td', null, calibrationCell),
      h('td', { class: 'num', text: String(watchlist.hits ?? 0) }),
      h('td', { class: 'nowrap', title: formatDateTime(watchlist.lastHitAt), text: watchlist.lastHitAt ? formatAgo(watchlist.lastHitAt) : 'never' }),
      h('td', { class: 'actions' }, mayDelete(watchlist) ? h('button', {
        class: 'button danger small', type: 'button', text: 'Delete', dataset: { watchlist: String(watchlist.id) },
        'aria-label': `Delete watchlist ${watchlist.name}`, onclick: () => remove(watchlist),
      }) : null));
  }

  // A restricted operator sees only their cameras of a watchlist; the others are counted, never named.
  function describeCameras(watchlist) {
    const hidden = watchlist.hiddenCameras ?? 0;
    if (watchlist.cameras == null) return 'all cameras';
    const shown = watchlist.cameras.map(cameraName).join(', ');
    if (!hidden) return shown;
    const others = `${hidden} camera${hidden === 1 ? '' : 's'} you cannot see`;
    return shown ? `${shown} + ${others}` : others;
  }

  // The site refuses (as if missing) the deletion of a watchlist that watches cameras outside the caller's.
  function mayDelete(watchlist) {
    const restricted = Array.isArray(currentUser()?.cameras);
    return !(watchlist.hiddenCameras > 0 || (restricted && watchlist.cameras == null));
  }

  async function remove(watchlist) {
    const confirmed = await confirmAction({
      title: `Delete watchlist ${watchlist.name}?`,
      message: `“${watchlist.name}” stops raising alerts, and the alerts it raised are deleted with it.`,
      confirmLabel: 'Delete watchlist',
    });
    if (!confirmed) return;
    try {
      await del(`/api/watchlists/${encodeURIComponent(watchlist.id)}`);
      toast('Watchlist deleted', watchlist.name, 'ok');
      loadWatchlists();
    } catch (error) {
      toast('The watchlist was not deleted', describeError(error), 'error', 8000);
    }
  }

  function createForm() {
    const name = field('Name', h('input', { type: 'text', name: 'name', required: true, autocomplete: 'off', maxlength: '100' }));
    const text = field('Description', h('textarea', { name: 'text', rows: '3', required: true }),
      'Who to look for, as you would type a search, e.g. man in a yellow jacket with a red backpack.');
    const threshold = field('Threshold', h('input', { type: 'number', name: 'threshold', step: '0.1', value: '3.0' }),
      'Standard deviations above this description\'s usual score. Lower raises more alerts.');
    const picker = createCameraPicker({ label: 'Cameras' });
    loadCameras().then((list) => picker.setCameras(list)).catch(() => {});
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const submit = h('button', { class: 'button primary', type: 'submit', text: 'Create watchlist' });
    const entries = { name, text, threshold };
    const form = h('form', { class: 'form-stack', novalidate: true, 'aria-labelledby': 'new-watchlist-title' },
      name.field, text.field, h('div', { class: 'form-grid' }, threshold.field, picker.element), error, h('div', { class: 'form-actions' }, submit));

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      Object.values(entries).forEach((entry) => setFieldError(entry, ''));
      error.hidden = true;
      const body = { name: name.input.value.trim(), text: text.input.value.trim() };
      const value = threshold.input.value.trim();
      if (value !== '') body.threshold = Number(value);
      const cameras = picker.selected();
      if (cameras.length) body.cameras = cameras;
      let invalid = false;
      if (!body.name) { setFieldError(name, 'A name is required.'); invalid = true; }
      if (!body.text) { setFieldError(text, 'A description is required.'); invalid = true; }
      if (body.threshold !== undefined && !Number.isFinite(body.threshold)) { setFieldError(threshold, 'Give a number, e.g. 3.0.'); invalid = true; }
      if (invalid) return;
      submit.disabled = true;
      try {
        const created = await post('/api/watchlists', body);
        toast('Watchlist created', `${created.name}: alerts appear here as matching people are seen.`, 'ok');
        form.reset();
        threshold.input.value = '3.0';
        picker.setSelected([]);
        loadWatchlists();
      } catch (failure) {
        let placed = false;
        if (failure instanceof ApiError && failure.status === 400) {
          for (const [key, messages] of Object.entries(failure.fieldErrors)) {
            const entry = entries[key.charAt(0).toLowerCase() + key.slice(1)];
            if (entry) { setFieldError(entry, [].concat(messages).join(' ')); placed = true; }
          }
        }
        if (!placed) { error.textContent = describeError(failure); error.hidden = false; }
      } finally {
        submit.disabled = false;
      }
    });

    stopPicker = () => picker.destroy();
    return h('div', { class: 'new-watchlist' },
      h('h3', { id: 'new-watchlist-title', class: 'section-title', text: 'New watchlist' }),
      form);
  }

  const unsubscribe = subscribe((event) => {
    if (event.type === 'state') renderState();
    if (event.type === 'hits') {
      renderAlerts();
      if (event.live) loadWatchlists();
    }
  });
  renderState();
  renderAlerts();
  loadWatchlists();

  return () => {
    stopped = true;
    window.clearTimeout(watchTimer);
    unsubscribe();
    if (stopPicker) stopPicker();
    setViewing(false);
    for (const hit of alertState().hits) hit.fresh = false;
  };
}
