// The frame around every page: navigation by role, the signed-in user with sign-out, the live
// alert badge, and the banner asking to change a password someone else chose.
import { h, replace, field, setFieldError } from './dom.js';
import { post, describeError, ApiError } from './api.js';
import { currentUser, hasRole, signOut, markPasswordChanged, ROLES } from './session.js';
import { visibleRoutes } from './router.js';
import { alertState, subscribe } from './alerts-feed.js';
import { openDialog, toast } from './ui.js';

export function renderShell() {
  const nav = document.getElementById('nav');
  replace(nav, visibleRoutes().map((route) =>
    h('li', null, h('a', { href: `#${route.navPath || route.path}`, dataset: { section: route.section || route.path }, text: route.nav }))));

  const me = currentUser();
  const user = document.getElementById('user');
  replace(user,
    h('div', { class: 'user-who' },
      h('div', { class: 'user-name', text: me.name }),
      h('div', { class: 'user-roles', text: (me.roles || []).join(' · ') || 'no roles' })),
    h('button', { class: 'button small', type: 'button', text: 'Sign out', onclick: () => signOut() }));

  if (hasRole(ROLES.operator)) {
    const badge = document.getElementById('alert-badge');
    badge.hidden = false;
    const update = () => {
      const { unread, state } = alertState();
      const count = document.getElementById('alert-count');
      count.textContent = String(unread);
      count.hidden = unread === 0;
      badge.classList.toggle('has-unread', unread > 0);
      badge.classList.toggle('live', state === 'live');
      badge.setAttribute('aria-label', unread > 0 ? `Alerts: ${unread} new` : `Alerts${state === 'live' ? ' (live)' : ''}`);
    };
    subscribe(update);
    update();
  }

  if (me.mustChangePassword) showPasswordBanner();
}

/** Marks the navigation entry of the page shown. */
export function markCurrent(path) {
  for (const link of document.querySelectorAll('#nav a')) {
    const section = link.dataset.section;
    const current = path === section || path.startsWith(`${section}/`);
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function showPasswordBanner() {
  const banners = document.getElementById('banners');
  const banner = h('div', { class: 'banner', role: 'status' },
    h('span', { class: 'banner-text', text: 'Your password was given to you (at first start or by an administrator). Choose your own now.' }),
    h('button', { class: 'button small primary', type: 'button', text: 'Change password', onclick: () => openPasswordDialog(banner) }));
  banners.append(banner);
}

export function openPasswordDialog(banner) {
  const view = openDialog({ title: 'Change your password' });
  const current = field('Current password', h('input', { type: 'password', autocomplete: 'current-password', required: true }));
  const next = field('New password', h('input', { type: 'password', autocomplete: 'new-password', required: true, minlength: 12 }), 'At least 12 characters.');
  const repeat = field('New password again', h('input', { type: 'password', autocomplete: 'new-password', required: true }));
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const form = h('form', { class: 'form-stack', novalidate: true }, current.field, next.field, repeat.field, error);
  const submit = h('button', { class: 'button primary', type: 'submit', text: 'Change password' });
  submit.setAttribute('form', form.id = 'password-form');
  view.body.append(form);
  view.foot.append(h('button', { class: 'button', type: 'button', text: 'Cancel', onclick: () => view.close() }), submit);
  current.input.focus();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const entry of [current, next, repeat]) setFieldError(entry, '');
    error.hidden = true;
    if (!current.input.value) return setFieldError(current, 'Enter your current password.');
    if (next.input.value.length < 12) return setFieldError(next, 'The new password needs at least 12 characters.');
    if (next.input.value !== repeat.input.value) return setFieldError(repeat, 'The two new passwords differ.');
    submit.disabled = true;
    try {
      await post('/api/auth/password', { currentPassword: current.input.value, newPassword: next.input.value }, { allowUnauthorized: true });
      markPasswordChanged();
      if (banner) banner.remove();
      view.close();
      toast('Password changed', 'Use the new password from now on.', 'ok');
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) {
        setFieldError(current, 'The current password is wrong.');
      } else if (failure instanceof ApiError && failure.status === 400) {
        const fields = failure.fieldErrors;
        const newMessages = fields.newPassword || fields.NewPassword;
        const currentMessages = fields.currentPassword || fields.CurrentPassword;
        if (newMessages) setFieldError(next, [].concat(newMessages).join(' '));
        if (currentMessages) setFieldError(current, [].concat(currentMessages).join(' '));
        if (!newMessages && !currentMessages) { error.textContent = describeError(failure); error.hidden = false; }
      } else {
        error.textContent = describeError(failure);
        error.hidden = false;
      }
    } finally {
      submit.disabled = false;
    }
  });
}
