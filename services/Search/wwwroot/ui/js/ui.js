// Shared pieces of the interface: toasts, announcements, dialogs and confirmations.
import { h, replace } from './dom.js';

/** Says something to screen readers at once (the visual toast is separate). */
export function announce(message) {
  const announcer = document.getElementById('announcer');
  if (!announcer) return;
  announcer.textContent = '';
  // A new text node after clearing makes screen readers speak it again even when it repeats.
  window.setTimeout(() => { announcer.textContent = message; }, 30);
}

/** A short message in the corner; kind: 'ok' | 'error' | 'info'. */
export function toast(title, subtitle = '', kind = 'info', timeoutMs = 5000) {
  const container = document.getElementById('toasts');
  if (!container) return null;
  const element = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    h('div', { class: 'toast-text' },
      h('div', { class: 'toast-title', text: title }),
      subtitle ? h('div', { class: 'toast-sub', text: subtitle }) : null));
  container.appendChild(element);
  while (container.children.length > 4) container.firstElementChild.remove();
  if (timeoutMs > 0) window.setTimeout(() => element.remove(), timeoutMs);
  return element;
}

/**
 * A modal <dialog> (Esc closes it natively, focus is trapped by the browser).
 * Returns { dialog, body, foot, close }. onClose runs once when it closes, however it closes.
 */
export function openDialog({ title, className = '', labelledBy, onClose, wide = false }) {
  const headingId = labelledBy || `dialog-title-${Math.random().toString(36).slice(2, 8)}`;
  const closeButton = h('button', { class: 'button ghost close-x', type: 'button', 'aria-label': 'Close', text: '×' });
  const body = h('div', { class: 'dialog-body' });
  const foot = h('div', { class: 'dialog-foot' });
  const dialog = h('dialog', { class: `${className}${wide ? ' wide' : ''}`, 'aria-labelledby': headingId },
    h('div', { class: 'dialog-head' }, h('h2', { id: headingId, text: title }), closeButton),
    body, foot);
  document.body.appendChild(dialog);
  const close = () => { if (dialog.open) dialog.close(); };
  closeButton.addEventListener('click', close);
  dialog.addEventListener('click', (event) => { if (event.target === dialog) close(); });
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (onClose) onClose();
  }, { once: true });
  dialog.showModal();
  return { dialog, body, foot, close, heading: dialog.querySelector('h2') };
}

/** Asks before something that cannot be undone; resolves true when confirmed. */
export function confirmAction({ title, message, confirmLabel = 'Confirm', danger = true }) {
  return new Promise((resolve) => {
    let answer = false;
    const view = openDialog({ title, onClose: () => resolve(answer) });
    replace(view.body, h('p', { text: message }));
    const cancel = h('button', { class: 'button', type: 'button', text: 'Cancel', onclick: () => view.close() });
    const confirm = h('button', { class: `button ${danger ? 'danger solid' : 'primary'}`, type: 'button', text: confirmLabel,
      onclick: () => { answer = true; view.close(); } });
    view.foot.append(cancel, confirm);
    cancel.focus();
  });
}

/** A notice box: kind '' (warning), 'info' or 'error'. */
export function notice(text, kind = '') {
  return h('div', { class: `notice ${kind}`.trim(), role: kind === 'error' ? 'alert' : null }, h('div', { text }));
}

/** A role chip list. */
export function roleChips(roles) {
  return h('span', { class: 'chips' }, (roles || []).map((role) => h('span', { class: 'pill role-chip', text: role })));
}
