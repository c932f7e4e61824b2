// Admin: the audit trail: filter, page back in time, export, and verify the hash chain.
import { h, replace } from '../dom.js';
import { get, describeError } from '../api.js';
import { formatDateTime, fromLocalInput, formatNumber } from '../format.js';
import { notice } from '../ui.js';
import { adminTabs } from './admin-common.js';

const PAGE = 100;
const OUTCOME_KIND = { Succeeded: 'ok', Refused: 'warn', Failed: 'danger' };

export function mountAudit(container) {
  const actor = h('input', { id: 'audit-actor', type: 'text', placeholder: 'e.g. user:alice', autocomplete: 'off', spellcheck: 'false' });
  const action = h('input', { id: 'audit-action', type: 'text', placeholder: 'e.g. login, or search. for every search', autocomplete: 'off', spellcheck: 'false' });
  const from = h('input', { id: 'audit-from', type: 'datetime-local' });
  const to = h('input', { id: 'audit-to', type: 'datetime-local' });
  const apply = h('button', { class: 'button primary', type: 'submit', text: 'Apply' });
  const csv = h('a', { class: 'button', download: '', text: 'Export CSV' });
  const jsonl = h('a', { class: 'button', download: '', text: 'Export JSONL' });
  const verify = h('button', { class: 'button', type: 'button', text: 'Verify chain' });
  const verifyResult = h('span', { class: 'verify-result', role: 'status' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter the audit trail' },
    h('div', { class: 'field' }, h('label', { for: 'audit-actor', text: 'Actor' }), actor),
    h('div', { class: 'field' }, h('label', { for: 'audit-action', text: 'Action' }), action),
    h('div', { class: 'field' }, h('label', { for: 'audit-from', text: 'From' }), from),
    h('div', { class: 'field' }, h('label', { for: 'audit-to', text: 'To' }), to),
    apply, h('span', { class: 'spacer' }), csv, jsonl, verify, verifyResult);
  const problem = h('div');
  const tbody = h('tbody');
  const table = h('div', { class: 'table-wrap' }, h('table', { class: 'data', 'aria-label': 'Audit entries, newest first' },
    h('thead', null, h('tr', null, ['#', 'Time', 'Actor', 'Action', 'Target', 'Outcome', 'Client', 'Detail'].map((name, i) => h('th', { scope: 'col', class: i === 0 ? 'num' : null, text: name })))),
    tbody));
  const older = h('button', { class: 'button', type: 'button', text: 'Load older entries', hidden: true });
  const count = h('p', { class: 'muted small', role: 'status' });

  replace(container,
    h('div', { class: 'page-head' }, h('h1', { text: 'Administration' })),
    adminTabs('/admin/audit'),
    form, problem, table, h('div', { class: 'form-actions' }, count, h('span', { class: 'spacer' }), older));

  let next = null;
  let shown = 0;
  let stopped = false;

  function query(extra = {}) {
    const params = new URLSearchParams();
    const values = { actor: actor.value.trim(), action: action.value.trim(), from: fromLocalInput(from.value), to: fromLocalInput(to.value), ...extra };
    for (const [key, value] of Object.entries(values)) if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
    return params;
  }

  function updateExports() {
    const params = new URLSearchParams();
    const start = fromLocalInput(from.value);
    const end = fromLocalInput(to.value);
    if (start) params.set('from', start);
    if (end) params.set('to', end);
    params.set('format', 'csv');
    csv.href = `/api/audit/export?${params}`;
    params.set('format', 'jsonl');
    jsonl.href = `/api/audit/export?${params}`;
  }

  async function load(append) {
    older.disabled = true;
    try {
      const params = query({ limit: PAGE, before: append ? next : null });
      const page = await get(`/api/audit?${params}`);
      if (stopped) return;
      replace(problem);
      if (!append) { tbody.replaceChildren(); shown = 0; }
      for (const entry of page.entries || []) tbody.append(row(entry));
      shown += (page.entries || []).length;
      next = page.next ?? null;
      older.hidden = next === null;
      count.textContent = shown === 0 ? 'No entries match.' : `${formatNumber(shown)} ${shown === 1 ? 'entry' : 'entries'} shown${next === null ? ' (all)' : ''}`;
    } catch (error) {
      if (!stopped) replace(problem, notice(`The audit trail could not be loaded: ${describeError(error)}`, 'error'));
    } finally {
      older.disabled = false;
    }
  }

  function row(entry) {
    const detail = entry.detail && typeof entry.detail === 'object' ? Object.entries(entry.detail) : [];
    return h('tr', { dataset: { sequence: String(entry.sequence) } },
      h('td', { class: 'num', text: String(entry.sequence) }),
      h('td', { class: 'nowrap', text: formatDateTime(entry.time) }),
      h('td', null, h('span', { text: entry.actorName || entry.actorId }), h('span', { class: 'sub mono', text: entry.actorId })),
      h('td', { class: 'mono', text: entry.action }),
      h('td', { class: 'cell-clip', title: entry.target || '', text: entry.target || '—' }),
      h('td', null, h('span', { class: `pill ${OUTCOME_KIND[entry.outcome] || ''}`.trim(), text: entry.outcome })),
      h('td', { class: 'mono', text: entry.clientAddress || '—' }),
      h('td', { class: 'detail-kv' }, detail.map(([key, value]) => h('span', { text: `${key}=${value}` }))));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    updateExports();
    load(false);
  });
  from.addEventListener('change', updateExports);
  to.addEventListener('change', updateExports);
  older.addEventListener('click', () => load(true));
  verify.addEventListener('click', async () => {
    verify.disabled = true;
    verifyResult.className = 'verify-result';
    verifyResult.textContent = 'Verifying…';
    try {
      const result = await get('/api/audit/verify');
      verifyResult.replaceChildren(result.intact
        ? h('span', { class: 'pill ok', text: `Chain intact: ${formatNumber(result.entries)} entries (#${result.firstSequence ?? '—'}–#${result.lastSequence ?? '—'})` })
        : h('span', { class: 'pill danger', text: `Chain BROKEN at entry #${result.brokenAt} of ${formatNumber(result.entries)}: the trail was altered` }));
    } catch (error) {
      verifyResult.replaceChildren(h('span', { class: 'pill danger', text: describeError(error) }));
    } finally {
      verify.disabled = false;
    }
  });

  updateExports();
  load(false);
  return () => { stopped = true; };
}
