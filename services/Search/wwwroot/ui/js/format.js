// Times, durations and numbers as people read them, in the browser's own locale and time zone.

const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const fullDate = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const numberFormat = new Intl.NumberFormat(undefined);

function toDate(value) {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "14:03:27" today, "Tue 12 Mar, 14:03:27" this year, with the year otherwise. */
export function formatTime(value) {
  const date = toDate(value);
  if (!date) return '—';
  const now = new Date();
  if (date.toDateString() === now.toDateString()) return timeOnly.format(date);
  if (date.getFullYear() === now.getFullYear()) return dayAndTime.format(date);
  return fullDate.format(date);
}

/** The full date and time (for tooltips and tables). */
export function formatDateTime(value) {
  const date = toDate(value);
  return date ? fullDate.format(date) : '—';
}

/** "just now", "12 s ago", "5 min ago", "3 h ago", or the date. */
export function formatAgo(value) {
  const date = toDate(value);
  if (!date) return 'never';
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return formatTime(date);
}

/** Seconds as "0.42 s", "12 s", "3 min 5 s", "2 h 4 min". */
export function formatSeconds(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  if (seconds < 10) return `${seconds.toFixed(seconds < 1 ? 2 : 1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

/** A .NET TimeSpan string ("[d.]hh:mm:ss[.fffffff]") in seconds, or null. */
export function parseTimeSpan(value) {
  if (typeof value !== 'string') return null;
  const match = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(value);
  if (!match) return null;
  const [, negative, days, hours, minutes, secs, fraction] = match;
  const total = (Number(days || 0) * 86400) + (Number(hours) * 3600) + (Number(minutes) * 60) + Number(secs) + (fraction ? Number(`0.${fraction}`) : 0);
  return negative ? -total : total;
}

export function formatNumber(value) {
  return value === null || value === undefined || !Number.isFinite(Number(value)) ? '—' : numberFormat.format(Number(value));
}

export function formatFixed(value, digits = 2) {
  return value === null || value === undefined || !Number.isFinite(Number(value)) ? '—' : Number(value).toFixed(digits);
}

/** A Date as the value of an <input type="datetime-local"> (local time, minutes). */
export function toLocalInput(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An <input type="datetime-local"> value as an ISO instant, or null when empty or invalid. */
export function fromLocalInput(value) {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
