// Search by description: query, camera and time filters, one card per tracked person, keyboard
// selection (arrows, j/k, Enter), the detail view, and "more like this" with a way back.
import { h, replace, isTyping } from '../dom.js';
import { post, describeError } from '../api.js';
import { loadCameras, cameraList, cameraName, refreshIfUnknown } from '../cameras.js';
import { loadModel, isSyntheticOnly, SYNTHETIC_NOTICE } from '../model.js';
import { formatTime, formatDateTime, formatFixed, fromLocalInput, toLocalInput } from '../format.js';
import { createCameraPicker } from '../camera-picker.js';
import { openDetail, fromResult } from '../detail.js';
import { notice } from '../ui.js';
import { searchState } from '../search-state.js';

const RESULT_COUNT = 48;
const CROPS_PER_TRACK = 10;
const RANGES = [
  ['any', 'Any time'],
  ['15m', 'Last 15 minutes'],
  ['1h', 'Last hour'],
  ['24h', 'Last 24 hours'],
  ['custom', 'Custom range…'],
];
const RANGE_MS = { '15m': 15 * 60 * 1000, '1h': 60 * 60 * 1000, '24h': 24 * 60 * 60 * 1000 };

export function mountSearch(container) {
  const state = searchState;
  let sequence = 0;
  let detailOpen = false;

  const query = h('input', {
    id: 'query', class: 'query', type: 'search', name: 'text', value: state.text, autocomplete: 'off', spellcheck: 'false',
    placeholder: 'Describe the person: clothes, colours, bags… e.g. woman in a red coat with a black backpack',
    'aria-keyshortcuts': '/',
  });
  const picker = createCameraPicker({ label: 'Cameras', selected: state.cameras, onChange: (ids) => { state.cameras = ids; } });
  const range = h('select', { id: 'time-range', name: 'range' }, RANGES.map(([value, text]) => h('option', { value, text, selected: value === state.range })));
  const from = h('input', { id: 'time-from', type: 'datetime-local', value: state.customFrom });
  const to = h('input', { id: 'time-to', type: 'datetime-local', value: state.customTo });
  const customRow = h('div', { class: 'custom-range', hidden: state.range !== 'custom' },
    h('div', { class: 'field' }, h('label', { for: 'time-from', text: 'From' }), from),
    h('div', { class: 'field' }, h('label', { for: 'time-to', text: 'To' }), to),
    h('p', { class: 'muted small', text: 'Either end may stay empty.' }));
  const submit = h('button', { class: 'button primary large', type: 'submit', text: 'Search' });
  const form = h('form', { class: 'searchbar', role: 'search', 'aria-label': 'Search people' },
    h('div', { class: 'field' }, h('label', { for: 'query', text: 'Description' }), query),
    picker.element,
    h('div', { class: 'field' }, h('label', { for: 'time-range', text: 'Time' }), range),
    submit);

  const modelNotice = h('div');
  const headSummary = h('span', { class: 'summary', role: 'status' });
  const chipSlot = h('span');
  const meta = h('span', { class: 'meta' });
  const results = h('div', { class: 'results-area' });
  const hints = h('p', { class: 'keyhints' },
    h('kbd', { text: '/' }), ' search  ', h('kbd', { text: '←' }), h('kbd', { text: '→' }), h('kbd', { text: '↑' }), h('kbd', { text: '↓' }),
    ' or ', h('kbd', { text: 'j' }), h('kbd', { text: 'k' }), ' move  ', h('kbd', { text: 'Enter' }), ' open  ', h('kbd', { text: 'Esc' }), ' close');

  replace(container,
    h('h1', { class: 'visually-hidden', text: 'Search' }),
    modelNotice,
    form,
    customRow,
    h('div', { class: 'results-head' }, headSummary, chipSlot, meta),
    results,
    hints);

  loadModel().then((model) => {
    if (isSyntheticOnly(model)) replace(modelNotice, notice(SYNTHETIC_NOTICE));
  }).catch(() => { /* the models page says why; searching still works */ });

  loadCameras().then((list) => picker.setCameras(list)).catch((error) => {
    replace(results, notice(`The camera list could not be loaded: ${describeError(error)}`, 'error'));
  });
  picker.setCameras(cameraList());

  range.addEventListener('change', () => {
    state.range = range.value;
    customRow.hidden = range.value !== 'custom';
    if (range.value === 'custom' && !from.value) {
      from.value = toLocalInput(new Date(Date.now() - 60 * 60 * 1000));
      from.focus();
    }
  });
  from.addEventListener('change', () => { state.customFrom = from.value; });
  to.addEventListener('change', () => { state.customTo = to.value; });
  query.addEventListener('input', () => { state.text = query.value; });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    runText();
  });

  query.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && state.response && state.response.results.length) {
      event.preventDefault();
      select(Math.min(state.selected, state.response.results.length - 1), true);
    }
  });

  /** The filters as the API takes them, or a message when they are not valid. */
  function filters() {
    const body = {};
    const cameras = picker.selected();
    if (cameras.length) body.cameras = cameras;
    if (range.value in RANGE_MS) {
      body.from = new Date(Date.now() - RANGE_MS[range.value]).toISOString();
    } else if (range.value === 'custom') {
      const start = fromLocalInput(from.value);
      const end = fromLocalInput(to.value);
      if (start) body.from = start;
      if (end) body.to = end;
      if (start && end && start >= end) return { error: 'The time range ends before it starts.' };
    }
    return { body };
  }

  async function runText() {
    const text = query.value.trim();
    if (!text) {
      headSummary.textContent = '';
      replace(results, notice('Type a description of the person first, for example “man in a blue jacket with a backpack”.', 'info'));
      query.focus();
      return;
    }
    const { body, error } = filters();
    if (error) {
      replace(results, notice(error, 'error'));
      return;
    }
    state.similarTo = null;
    state.previous = null;
    await run('/api/search', { text, ...body, k: RESULT_COUNT, groupByTrack: true, cropsPerTrack: CROPS_PER_TRACK }, { text });
  }

  async function runSimilar(crop) {
    const { body, error } = filters();
    if (error) {
      replace(results, notice(error, 'error'));
      return;
    }
    if (!state.similarTo && state.response) {
      state.previous = { response: state.response, text: state.response.query?.text ?? state.text, selected: state.selected };
    }
    state.similarTo = crop;
    await run('/api/search/similar', { cropId: crop.cropId, ...body, k: RESULT_COUNT, groupByTrack: true, cropsPerTrack: CROPS_PER_TRACK }, { similar: crop });
  }

  async function run(url, body, queryInfo) {
    const mine = ++sequence;
    submit.disabled = true;
    results.setAttribute('aria-busy', 'true');
    headSummary.textContent = queryInfo.similar ? 'Looking for similar people…' : 'Searching…';
    try {
      const response = await post(url, body);
      if (mine !== sequence) return;
      response.query = queryInfo;
      state.response = response;
      state.selected = 0;
      render();
      refreshIfUnknown((response.results || []).map((r) => r.cameraId)).then((reloaded) => {
        if (reloaded && state.response === response) {
          picker.setCameras(cameraList());
          const focused = results.contains(document.activeElement);
          render();
          if (focused) markSelected(true);
        }
      });
    } catch (failure) {
      if (mine !== sequence) return;
      state.response = null;
      headSummary.textContent = '';
      meta.textContent = '';
      replace(results, notice(describeError(failure), 'error'));
      renderChip();
    } finally {
      if (mine === sequence) {
        submit.disabled = false;
        results.removeAttribute('aria-busy');
      }
    }
  }

  function renderChip() {
    replace(chipSlot);
    const crop = state.similarTo;
    if (!crop) return;
    const back = h('button', {
      class: 'button ghost small', type: 'button',
      text: state.previous ? `Back to “${truncate(state.previous.text, 40)}”` : 'Clear',
      'aria-label': state.previous ? `Back to the results for ${state.previous.text}` : 'Clear similar search',
      onclick: goBack,
    });
    chipSlot.append(h('span', { class: 'chip-similar' },
      crop.thumbnailUrl ? h('img', { src: crop.thumbnailUrl, alt: '' }) : null,
      h('span', { text: `Similar to the person on ${cameraName(crop.cameraId)} at ${formatTime(crop.time)}` }),
      back));
  }

  function goBack() {
    const previous = state.previous;
    state.similarTo = null;
    state.previous = null;
    sequence += 1;
    if (previous) {
      state.response = previous.response;
      state.selected = previous.selected || 0;
      query.value = state.text = previous.text || state.text;
      render();
      select(state.selected, true);
    } else {
      state.response = null;
      render();
      query.focus();
    }
  }

  function render() {
    renderChip();
    const response = state.response;
    if (!response) {
      headSummary.textContent = '';
      meta.textContent = '';
      replace(results, h('div', { class: 'empty' },
        h('strong', { text: 'Describe a person and press Enter.' }),
        h('p', { class: 'muted', text: 'Clothes, colours, bags and shoes work best. Results show one card per tracked person, best match first.' })));
      return;
    }
    const list = response.results || [];
    const elapsed = response.elapsedMs ?? response.tookMs;
    meta.textContent = `model ${response.modelVersion}${elapsed !== undefined ? ` · ${formatFixed(elapsed, elapsed < 10 ? 1 : 0)} ms` : ''}`;
    meta.title = 'The model that answered, and the time the server took';
    const kind = response.groupedByTrack === false ? 'sighting' : 'person';
    headSummary.textContent = list.length === 0 ? 'No one found'
      : `${list.length} ${list.length === 1 ? kind : kind === 'person' ? 'people' : 'sightings'} found, best match first`;
    if (list.length === 0) {
      replace(results, h('div', { class: 'empty' },
        h('strong', { text: 'No one matched.' }),
        h('p', { class: 'muted', text: 'Try fewer details, all cameras, or a longer time range.' })));
      return;
    }
    const top = Math.max(...list.map((r) => r.score), 1e-6);
    const listbox = h('ol', { class: 'results', role: 'listbox', 'aria-label': 'Results, best match first' });
    list.forEach((result, index) => listbox.append(card(result, index, top)));
    listbox.addEventListener('keydown', onListKey);
    replace(results, listbox);
    markSelected(false);
  }

  function card(result, index, top) {
    const camera = cameraName(result.cameraId);
    const sightings = result.matchingCrops ?? ((result.sightings ? result.sightings.length : 0) + 1);
    const bar = h('span');
    bar.style.width = `${Math.max(4, Math.min(100, (result.score / top) * 100)).toFixed(1)}%`;
    const item = h('li', {
      class: 'result', role: 'option', tabindex: '-1', 'aria-selected': 'false', dataset: { index: String(index), crop: result.cropId, camera: result.cameraId, track: String(result.trackId) },
      'aria-label': `${index + 1}. ${camera}, ${formatDateTime(result.time)}, score ${formatFixed(result.score, 3)}, ${sightings} ${sightings === 1 ? 'sighting' : 'sightings'}`,
    },
    h('div', { class: 'thumb' }, h('img', { src: result.thumbnailUrl, alt: '', loading: 'lazy', decoding: 'async' })),
    h('span', { class: 'rank', text: String(index + 1) }),
    h('span', { class: 'sightings-count', text: `${sightings} ${sightings === 1 ? 'sighting' : 'sightings'}` }),
    h('div', { class: 'info' },
      h('span', { class: 'camera', text: camera, title: `${camera} (${result.cameraId})` }),
      h('span', { class: 'time', text: formatTime(result.time), title: formatDateTime(result.time) }),
      h('span', { class: 'scoreline' }, h('span', { class: 'scorebar' }, bar), h('span', { text: formatFixed(result.score, 3) }))));
    item.addEventListener('click', () => {
      select(index, true);
      open(index);
    });
    return item;
  }

  function items() {
    return [...results.querySelectorAll('.result')];
  }

  function columns() {
    const listbox = results.querySelector('.results');
    if (!listbox) return 1;
    return Math.max(1, getComputedStyle(listbox).gridTemplateColumns.split(' ').filter(Boolean).length);
  }

  function markSelected(focus) {
    items().forEach((element, index) => {
      const selected = index === state.selected;
      element.setAttribute('aria-selected', String(selected));
      element.tabIndex = selected ? 0 : -1;
      if (selected && focus) {
        element.focus({ preventScroll: true });
        element.scrollIntoView({ block: 'nearest' });
      }
    });
  }

  function select(index, focus) {
    const count = items().length;
    if (count === 0) return;
    state.selected = Math.max(0, Math.min(count - 1, index));
    markSelected(focus);
  }

  function open(index) {
    const result = state.response && state.response.results[index];
    if (!result) return;
    detailOpen = true;
    openDetail(fromResult(result), {
      onSimilar: (crop) => runSimilar(crop),
      onClose: () => {
        detailOpen = false;
        if (!state.similarTo || state.response?.results[state.selected]) markSelected(true);
      },
    });
  }

  /** Moves the selection for a key; true when the key was one of ours. */
  function move(key) {
    const step = { ArrowRight: 1, ArrowLeft: -1, j: 1, k: -1, ArrowDown: columns(), ArrowUp: -columns() }[key];
    if (step !== undefined) {
      if (key === 'ArrowUp' && state.selected - columns() < 0) {
        query.focus();
        return true;
      }
      select(state.selected + step, true);
      return true;
    }
    if (key === 'Home') { select(0, true); return true; }
    if (key === 'End') { select(items().length - 1, true); return true; }
    return false;
  }

  function onListKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(state.selected);
    } else if (move(event.key)) {
      event.preventDefault();
    }
  }

  // Arrows and j/k also work when the focus is elsewhere on the page (not in a text field).
  function onDocumentKey(event) {
    if (detailOpen || document.querySelector('dialog[open]') || isTyping(event)) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (results.contains(event.target)) return;
    if (!items().length) return;
    if (['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'j', 'k'].includes(event.key)) {
      event.preventDefault();
      if (!results.contains(document.activeElement)) select(state.selected, true);
      else move(event.key);
    }
  }
  document.addEventListener('keydown', onDocumentKey);

  const onSimilarRequest = () => {
    const crop = state.pendingSimilar;
    state.pendingSimilar = null;
    if (crop) runSimilar(crop);
  };
  window.addEventListener('vfetps:similar', onSimilarRequest);

  render();
  if (state.pendingSimilar) onSimilarRequest();
  else if (state.response) markSelected(false);
  query.focus();

  return () => {
    sequence += 1;
    picker.destroy();
    document.removeEventListener('keydown', onDocumentKey);
    window.removeEventListener('vfetps:similar', onSimilarRequest);
  };
}

function truncate(text, length) {
  const value = String(text || '');
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}
