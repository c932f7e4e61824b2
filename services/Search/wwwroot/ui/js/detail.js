// The detail view of a person (a search result or an alert): the frame with the person boxed,
// the track's sightings on a timeline (click one to see its frame), camera, time, score, and
// "More like this". Esc closes it (native <dialog>); the left and right arrow keys step through
// the sightings.
import { h, replace } from './dom.js';
import { post, describeError } from './api.js';
import { cameraName } from './cameras.js';
import { formatTime, formatDateTime, formatFixed, formatSeconds } from './format.js';
import { openDialog } from './ui.js';

/** A search result as the detail view takes it. */
export function fromResult(result) {
  const best = { cropId: result.cropId, time: result.time, score: result.score, thumbnailUrl: result.thumbnailUrl, frameUrl: result.frameUrl };
  const others = Array.isArray(result.sightings) ? result.sightings : [];
  return {
    cropId: result.cropId,
    cameraId: result.cameraId,
    trackId: result.trackId,
    time: result.time,
    score: result.score,
    scoreLabel: 'Match score',
    thumbnailUrl: result.thumbnailUrl,
    frameUrl: result.frameUrl,
    matchingCrops: result.matchingCrops,
    sightings: [best, ...others.filter((s) => s.cropId !== result.cropId)],
  };
}

/** An alert (watchlist hit) as the detail view takes it; its track's sightings are fetched. */
export function fromHit(hit) {
  return {
    cropId: hit.cropId,
    cameraId: hit.cameraId,
    trackId: hit.trackId,
    time: hit.time,
    score: hit.score,
    scoreLabel: 'Calibrated score',
    similarity: hit.similarity,
    watchlistName: hit.watchlistName,
    thumbnailUrl: hit.thumbnailUrl,
    frameUrl: hit.frameUrl,
    sightings: null,
  };
}

/** The track's own crops, through "more like this" including the same track (the crop's track comes first). */
async function fetchTrackSightings(item) {
  const response = await post('/api/search/similar', {
    cropId: item.cropId, includeSameTrack: true, cameras: [item.cameraId], k: 1, groupByTrack: true, cropsPerTrack: 10,
  });
  const own = (response.results || []).find((r) => r.cameraId === item.cameraId && r.trackId === item.trackId);
  if (!own) return null;
  const crops = [own, ...(own.sightings || [])];
  return crops.map((c) => ({ cropId: c.cropId, time: c.time, score: null, thumbnailUrl: c.thumbnailUrl, frameUrl: c.frameUrl }));
}

/**
 * Opens the detail view. options.onSimilar(crop) runs "more like this"; options.onClose runs when it closes.
 */
export function openDetail(item, options = {}) {
  const camera = cameraName(item.cameraId);
  const view = openDialog({ title: item.watchlistName ? `Alert: ${item.watchlistName}` : `Person on ${camera}`, className: 'detail', onClose: options.onClose });
  view.dialog.setAttribute('data-crop', item.cropId);

  const frameImage = h('img', { class: 'frame-image', alt: '' });
  const frameStatus = h('p', { class: 'frame-status', role: 'status', text: 'Loading frame…' });
  const cropImage = h('img', { class: 'crop-preview', alt: `The person as cropped from ${camera}` });
  const facts = h('dl', { class: 'facts' });
  const similarButton = h('button', { class: 'button primary large wide', type: 'button', text: 'More like this' });
  const frameLink = h('a', { class: 'button ghost small', target: '_blank', rel: 'noopener', text: 'Open frame in a new tab' });
  const timelineBlock = h('section', { class: 'timeline-block', 'aria-label': 'Sightings of this person' });

  replace(view.body);
  view.body.className = 'detail-body';
  view.foot.remove();
  view.body.append(
    h('div', { class: 'detail-layout' },
      h('div', { class: 'detail-frame' }, frameStatus, frameImage),
      h('div', { class: 'detail-side' },
        h('div', { class: 'crop-row' }, cropImage),
        facts,
        h('div', { class: 'detail-actions' }, similarButton, frameLink))),
    timelineBlock);

  let sightings = item.sightings && item.sightings.length ? sortByTime(item.sightings) : [{ ...item }];
  let current = sightings.find((s) => s.cropId === item.cropId) || sightings[0];

  frameImage.addEventListener('load', () => { frameStatus.hidden = true; frameImage.hidden = false; });
  frameImage.addEventListener('error', () => {
    frameImage.hidden = true;
    frameStatus.hidden = false;
    frameStatus.textContent = 'This frame is not available: retention may have removed it.';
  });

  function show(sighting) {
    current = sighting;
    frameStatus.hidden = false;
    frameStatus.textContent = 'Loading frame…';
    frameImage.alt = `Frame from ${camera} at ${formatDateTime(sighting.time)}, the person boxed in green`;
    frameImage.src = sighting.frameUrl;
    cropImage.src = sighting.thumbnailUrl;
    frameLink.href = sighting.frameUrl;
    renderFacts();
    for (const button of timelineBlock.querySelectorAll('[data-crop]')) {
      button.setAttribute('aria-pressed', String(button.dataset.crop === sighting.cropId));
    }
  }

  function renderFacts() {
    const rows = [
      ['Camera', camera],
      ['Time', formatDateTime(current.time)],
      ['Track', `${item.cameraId} · ${item.trackId}`],
    ];
    if (item.watchlistName) rows.push(['Watchlist', item.watchlistName]);
    if (item.score !== null && item.score !== undefined) {
      rows.push([item.scoreLabel, current.cropId === item.cropId || current.score === null || current.score === undefined
        ? formatFixed(item.score, item.scoreLabel === 'Calibrated score' ? 1 : 3)
        : formatFixed(current.score, 3)]);
    }
    if (item.similarity !== null && item.similarity !== undefined) rows.push(['Similarity', formatFixed(item.similarity, 3)]);
    if (item.matchingCrops) rows.push(['Matching crops', String(item.matchingCrops)]);
    rows.push(['Crop', current.cropId]);
    replace(facts, rows.map(([term, value]) => [h('dt', { text: term }), h('dd', { class: term === 'Crop' ? 'mono' : null, text: value })]));
  }

  function renderTimeline() {
    const times = sightings.map((s) => Date.parse(s.time));
    const first = Math.min(...times);
    const last = Math.max(...times);
    const span = last - first;
    const dots = sightings.map((s, index) => {
      const fraction = span > 0 ? (times[index] - first) / span : 0.5;
      const dot = h('button', {
        class: 'timeline-dot', type: 'button', dataset: { crop: s.cropId },
        'aria-label': `Sighting at ${formatTime(s.time)}`, title: formatTime(s.time), 'aria-pressed': 'false',
        onclick: () => show(s),
      });
      dot.style.left = `${(fraction * 100).toFixed(2)}%`;
      return dot;
    });
    const strip = sightings.map((s) => h('button', {
      class: 'sighting', type: 'button', dataset: { crop: s.cropId }, 'aria-pressed': 'false',
      'aria-label': `Sighting at ${formatTime(s.time)}`, onclick: () => show(s),
    }, h('img', { src: s.thumbnailUrl, alt: '' }), h('span', { text: formatTime(s.time) })));
    replace(timelineBlock,
      h('div', { class: 'timeline-head' },
        h('h3', { text: sightings.length === 1 ? '1 sighting' : `${sightings.length} sightings` }),
        h('span', { class: 'muted small', text: span > 0 ? `over ${formatSeconds(span / 1000)}` : '' })),
      h('div', { class: 'timeline-track', role: 'group', 'aria-label': 'Sightings by time' }, dots),
      h('div', { class: 'timeline-ends' }, h('span', { text: formatTime(first) }), h('span', { text: span > 0 ? formatTime(last) : '' })),
      h('div', { class: 'sighting-strip', role: 'group', 'aria-label': 'Sightings' }, strip));
  }

  similarButton.addEventListener('click', () => {
    const crop = { cropId: current.cropId, cameraId: item.cameraId, trackId: item.trackId, time: current.time, thumbnailUrl: current.thumbnailUrl };
    view.close();
    if (options.onSimilar) options.onSimilar(crop);
  });

  view.dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    if (event.target instanceof HTMLInputElement) return;
    const index = sightings.indexOf(current);
    const next = sightings[index + (event.key === 'ArrowRight' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      show(next);
    }
  });

  renderTimeline();
  show(current);
  similarButton.focus();

  if (!item.sightings) {
    fetchTrackSightings(item).then((crops) => {
      if (!crops || !view.dialog.open) return;
      if (!crops.some((c) => c.cropId === item.cropId)) crops.push({ ...item, score: null });
      sightings = sortByTime(crops);
      current = sightings.find((s) => s.cropId === current.cropId) || current;
      renderTimeline();
      show(current);
    }).catch((error) => {
      timelineBlock.append(h('p', { class: 'muted small', text: `The track's other sightings could not be loaded: ${describeError(error)}` }));
    });
  }
  return view;
}

function sortByTime(list) {
  return [...list].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}
