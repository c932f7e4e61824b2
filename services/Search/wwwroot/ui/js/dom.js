// Builds DOM nodes from data without ever parsing markup: every text from the server or the user
// goes in as textContent, so a camera or watchlist name can never become HTML or script.

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'multiple', 'required', 'readOnly', 'indeterminate', 'open']);

/**
 * h('button', { class: 'button', onclick: fn, 'aria-label': 'Close' }, 'Text', child, [more]).
 * Special props: class, text, dataset (object), style (object, set through CSSOM), on<event> (listener).
 * null, undefined and false props and children are skipped.
 */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') element.className = value;
      else if (key === 'text') element.textContent = String(value);
      else if (key === 'dataset') Object.assign(element.dataset, value);
      else if (key === 'style') Object.assign(element.style, value);
      else if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
      else if (PROPERTIES.has(key)) element[key] = value;
      else element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends strings (as text), nodes and nested arrays; skips null, undefined and false. */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of an element. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

export const $ = (selector, root = document) => root.querySelector(selector);

let uniqueCounter = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix = 'id') {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}

/** A labelled form field: { field, input, error } with the error element wired through aria-describedby. */
export function field(labelText, input, hintText) {
  const id = input.id || uid('field');
  input.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const hint = hintText ? h('p', { class: 'hint', id: `${id}-hint`, text: hintText }) : null;
  input.setAttribute('aria-describedby', [hint ? hint.id : null, error.id].filter(Boolean).join(' '));
  const wrapper = h('div', { class: 'field' }, h('label', { for: id, text: labelText }), input, hint, error);
  return { field: wrapper, input, error };
}

/** Shows a field's error (or clears it with an empty message). */
export function setFieldError(entry, message) {
  entry.error.textContent = message || '';
  entry.error.hidden = !message;
  if (message) entry.input.setAttribute('aria-invalid', 'true');
  else entry.input.removeAttribute('aria-invalid');
}

/** True when the keyboard event's target is a place where typing is text. */
export function isTyping(event) {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(target.type);
  }
  return false;
}
