// Hash routes (#/search, #/cameras, ...): each page module exports mount(container) and may return
// a function that stops what it started (timers, listeners) when another page opens.
import { h, replace } from './dom.js';
import { hasAnyRole } from './session.js';

const routes = [];
let stopCurrent = null;
let container = null;
let onChange = null;

/** route: { path: '/search', title, roles: [...] | null, nav: 'Search' | null, navPath, mount }. */
export function addRoute(route) {
  routes.push(route);
}

export function visibleRoutes() {
  return routes.filter((route) => route.nav && hasAnyRole(route.roles));
}

/** The first page this user may open. */
export function homePath() {
  const first = routes.find((route) => route.nav && hasAnyRole(route.roles));
  return first ? first.path : '/cameras';
}

export function currentPath() {
  const hash = window.location.hash.replace(/^#/, '');
  const path = hash.split('?')[0];
  return path && path !== '/' ? path : homePath();
}

export function startRouter(main, changed) {
  container = main;
  onChange = changed;
  window.addEventListener('hashchange', render);
  render();
}

function render() {
  const path = currentPath();
  if (stopCurrent) {
    try { stopCurrent(); } catch (error) { console.error(error); }
    stopCurrent = null;
  }
  const route = routes.find((r) => r.path === path);
  replace(container);
  if (!route) {
    container.append(h('div', { class: 'empty' }, h('strong', { text: 'There is no such page.' }), h('a', { href: `#${homePath()}`, text: 'Go to the start page' })));
    document.title = 'Not found · VfeTps.Stream';
  } else if (!hasAnyRole(route.roles)) {
    container.append(h('div', { class: 'empty' },
      h('strong', { text: 'Your account may not open this page.' }),
      h('p', { class: 'muted', text: `It needs the role ${route.roles.join(' or ')}. Ask an administrator if you need it.` })));
    document.title = `${route.title} · VfeTps.Stream`;
  } else {
    document.title = `${route.title} · VfeTps.Stream`;
    const stop = route.mount(container);
    stopCurrent = typeof stop === 'function' ? stop : null;
  }
  if (onChange) onChange(path, route);
}
