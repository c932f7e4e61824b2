// The app: who is signed in, the frame, the pages by role, live alerts, and the '/' shortcut.
import { h, replace, isTyping } from './dom.js';
import { describeError, ApiError } from './api.js';
import { loadMe, hasRole, ROLES } from './session.js';
import { loadCameras } from './cameras.js';
import { addRoute, startRouter } from './router.js';
import { renderShell, markCurrent } from './shell.js';
import { startAlerts, setViewing } from './alerts-feed.js';
import { openDetail, fromHit } from './detail.js';
import { requestSimilar } from './search-state.js';
import { mountSearch } from './pages/search.js';
import { mountAlerts } from './pages/alerts.js';
import { mountCameras } from './pages/cameras.js';
import { mountModels } from './pages/models.js';
import { mountUsers } from './pages/admin-users.js';
import { mountKeys } from './pages/admin-keys.js';
import { mountAudit } from './pages/admin-audit.js';

const operator = [ROLES.operator];
const admin = [ROLES.admin];
addRoute({ path: '/search', title: 'Search', nav: 'Search', roles: operator, mount: mountSearch });
addRoute({ path: '/alerts', title: 'Alerts', nav: 'Alerts', roles: operator, mount: mountAlerts });
addRoute({ path: '/cameras', title: 'Cameras', nav: 'Cameras', roles: null, mount: mountCameras });
addRoute({ path: '/models', title: 'Models', nav: 'Models', roles: null, mount: mountModels });
addRoute({ path: '/admin/users', title: 'Users', nav: 'Admin', section: '/admin', roles: admin, mount: mountUsers });
addRoute({ path: '/admin/keys', title: 'API keys', roles: admin, mount: mountKeys });
addRoute({ path: '/admin/audit', title: 'Audit', roles: admin, mount: mountAudit });
addRoute({ path: '/admin', title: 'Administration', roles: admin, mount: () => { window.location.replace('#/admin/users'); } });

async function start() {
  const main = document.getElementById('main');
  try {
    await loadMe();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return; // on the way to the login page
    replace(main, h('div', { class: 'empty' },
      h('strong', { text: 'The control room cannot start.' }),
      h('p', { class: 'muted', text: describeError(error) }),
      h('button', { class: 'button primary', type: 'button', text: 'Try again', onclick: () => window.location.reload() })));
    return;
  }

  loadCameras().catch(() => { /* each page reports its own failures */ });
  renderShell();
  if (hasRole(ROLES.operator)) {
    startAlerts((hit) => openDetail(fromHit(hit), { onSimilar: requestSimilar }));
  }

  let first = true;
  startRouter(main, (path) => {
    markCurrent(path);
    setViewing(path === '/alerts');
    // After a page change, the reading position starts at the page (unless the page focused a field).
    if (!first && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
    first = false;
    window.scrollTo(0, 0);
  });

  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event)) return;
    if (document.querySelector('dialog[open]') || !hasRole(ROLES.operator)) return;
    event.preventDefault();
    const query = document.getElementById('query');
    if (query) {
      query.focus();
      query.select();
    } else {
      window.location.hash = '#/search';
    }
  });
}

start();
