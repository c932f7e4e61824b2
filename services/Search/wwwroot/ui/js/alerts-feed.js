// Live watchlist alerts: the kept hits (GET /api/watchlists/hits) plus the stream
// (EventSource /api/alerts/stream). The browser reconnects a dropped stream by itself and sends
// Last-Event-ID, so the server replays what was missed; when the stream is refused outright the
// feed checks the session (a 401 leaves for the login page), backs off, and fills the gap from the
// kept hits. Hits are kept once each (by id), newest first.
import { get } from './api.js';
import { cameraName, refreshIfUnknown } from './cameras.js';
import { formatTime, formatFixed } from './format.js';
import { h } from './dom.js';
import { announce } from './ui.js';

const MAX_KEPT = 300;
const hits = [];
const seen = new Set();
const listeners = new Set();
let unread = 0;
let state = 'off';
let source = null;
let retryDelayMs = 2000;
let retryTimer = 0;
let viewing = false;
let onOpen = null;

/** Current state for the badge and the alerts page. */
export function alertState() {
  return { hits, unread, state };
}

/** listener(event) with event.type 'hits' | 'state' | 'unread'; returns an unsubscribe function. */
export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event) {
  for (const listener of listeners) {
    try { listener(event); } catch (error) { console.error(error); }
  }
}

/** While the alerts page is shown, new hits are not counted as unread. */
export function setViewing(value) {
  viewing = value;
  if (viewing && unread !== 0) {
    unread = 0;
    emit({ type: 'unread' });
  }
}

/** Starts the feed once; openHit(hit) is what clicking a toast does. */
export function startAlerts(openHit) {
  onOpen = openHit;
  if (source || state !== 'off') return;
  connect();
  refill();
}

function setState(next) {
  if (state === next) return;
  state = next;
  emit({ type: 'state' });
}

function connect() {
  window.clearTimeout(retryTimer);
  setState('connecting');
  source = new EventSource('/api/alerts/stream');
  source.addEventListener('open', () => {
    retryDelayMs = 2000;
    setState('live');
    // Hits raised while the stream was (re)connecting are in the kept list.
    refill();
  });
  source.addEventListener('hit', (event) => {
    let hit;
    try { hit = JSON.parse(event.data); } catch { return; }
    add([hit], true);
  });
  source.addEventListener('error', () => {
    if (source && source.readyState === EventSource.CLOSED) {
      // Refused (not a dropped connection): the browser will not retry by itself.
      source = null;
      setState('reconnecting');
      scheduleReconnect();
    } else {
      setState('reconnecting');
    }
  });
}

async function scheduleReconnect() {
  try {
    await get('/api/auth/me'); // a 401 leaves for the login page
  } catch {
    // Unreachable or failing: try again later all the same.
  }
  retryTimer = window.setTimeout(connect, retryDelayMs);
  retryDelayMs = Math.min(retryDelayMs * 2, 30000);
}

/** Loads the kept hits (newest first) and merges them in. */
export async function refill() {
  try {
    const list = await get('/api/watchlists/hits?limit=100');
    if (Array.isArray(list)) add(list, false);
  } catch {
    // The live stream still delivers; the page shows the error when it loads hits itself.
  }
}

function add(list, live) {
  const fresh = [];
  for (const hit of list) {
    if (!hit || hit.id === undefined || hit.id === null) continue;
    const key = String(hit.id);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(hit);
  }
  if (fresh.length === 0) return;
  hits.push(...fresh);
  hits.sort((a, b) => timeOf(b) - timeOf(a));
  while (hits.length > MAX_KEPT) seen.delete(String(hits.pop().id));
  if (live) {
    for (const hit of fresh) {
      hit.fresh = true;
      if (!viewing || document.hidden) unread += 1;
      showToast(hit);
    }
    emit({ type: 'unread' });
  }
  emit({ type: 'hits', live, fresh });
  refreshIfUnknown(fresh.map((hit) => hit.cameraId)).then((reloaded) => {
    if (reloaded) emit({ type: 'hits', live: false, fresh: [] });
  });
}

function timeOf(hit) {
  const time = Date.parse(hit.raisedAt || hit.time);
  return Number.isNaN(time) ? 0 : time;
}

function showToast(hit) {
  const container = document.getElementById('toasts');
  const camera = cameraName(hit.cameraId);
  const text = `Alert: ${hit.watchlistName} on ${camera} at ${formatTime(hit.time)}`;
  announce(text);
  if (!container) return;
  const element = h('button', { class: 'toast alert', type: 'button', 'aria-label': `${text}. Open.` },
    h('img', { src: hit.thumbnailUrl, alt: '' }),
    h('div', { class: 'toast-text' },
      h('div', { class: 'toast-title', text: hit.watchlistName }),
      h('div', { class: 'toast-sub', text: `${camera} · ${formatTime(hit.time)} · score ${formatFixed(hit.score, 1)}` })));
  element.addEventListener('click', () => {
    element.remove();
    if (onOpen) onOpen(hit);
  });
  container.appendChild(element);
  while (container.children.length > 3) container.firstElementChild.remove();
  window.setTimeout(() => element.remove(), 8000);
}
