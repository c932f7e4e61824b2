// Admin: user accounts: create (roles, optional camera restriction), edit, disable, delete.
import { h, replace, field, setFieldError } from '../dom.js';
import { get, post, put, del, describeError, ApiError } from '../api.js';
import { loadCameras } from '../cameras.js';
import { currentUser } from '../session.js';
import { formatAgo, formatDateTime } from '../format.js';
import { confirmAction, notice, openDialog, roleChips, toast } from '../ui.js';
import { adminTabs, accessEditor, describeCameras } from './admin-common.js';

export function mountUsers(container) {
  const tableArea = h('div', { class: 'loading', text: 'Loading users…' });
  const formArea = h('div');
  replace(container,
    h('div', { class: 'page-head' }, h('h1', { text: 'Administration' })),
    adminTabs('/admin/users'),
    h('div', { class: 'columns' },
      h('section', { 'aria-labelledby': 'users-title' }, h('h2', { id: 'users-title', class: 'visually-hidden', text: 'Users' }), tableArea),
      h('section', { class: 'panel', 'aria-labelledby': 'new-user-title' },
        h('div', { class: 'panel-head' }, h('h2', { id: 'new-user-title', text: 'New user' })), formArea)));

  let stopped = false;

  async function load() {
    try {
      const users = await get('/api/users');
      if (!stopped) render(users || []);
    } catch (error) {
      if (!stopped) replace(tableArea, notice(`Users could not be loaded: ${describeError(error)}`, 'error'));
    }
  }

  function render(users) {
    tableArea.className = '';
    const me = currentUser();
    replace(tableArea, h('div', { class: 'table-wrap' }, h('table', { class: 'data', 'aria-label': 'Users' },
      h('thead', null, h('tr', null, ['User', 'Roles', 'Cameras', 'Status', 'Created', 'Last sign-in'].map((name) => h('th', { scope: 'col', text: name })),
        h('th', { scope: 'col', class: 'actions', text: '' }))),
      h('tbody', null, users.map((user) => h('tr', { dataset: { user: user.name } },
        h('td', null, h('strong', { text: user.name }), me && me.name === user.name ? h('span', { class: 'sub', text: 'you' }) : null),
        h('td', null, roleChips(user.roles)),
        h('td', { class: 'cell-clip', text: describeCameras(user.cameras) }),
        h('td', null, h('span', { class: `pill ${user.disabled ? 'danger' : 'ok'}`, text: user.disabled ? 'disabled' : 'active' })),
        h('td', { class: 'nowrap', text: formatDateTime(user.createdAt) }),
        h('td', { class: 'nowrap', title: formatDateTime(user.lastLoginAt), text: user.lastLoginAt ? formatAgo(user.lastLoginAt) : 'never' }),
        h('td', { class: 'actions' },
          h('button', { class: 'button small', type: 'button', text: 'Edit', 'aria-label': `Edit user ${user.name}`, onclick: () => edit(user) }),
          h('button', { class: 'button danger small', type: 'button', text: 'Delete', 'aria-label': `Delete user ${user.name}`, onclick: () => remove(user) }))))))));
  }

  function createForm() {
    const name = field('User name', h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', required: true }));
    const password = field('Initial password', h('input', { type: 'password', autocomplete: 'new-password', required: true, minlength: '12' }),
      'At least 12 characters. Give it to the person over a separate channel.');
    const access = accessEditor();
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const submit = h('button', { class: 'button primary', type: 'submit', text: 'Create user' });
    const form = h('form', { class: 'form-stack', novalidate: true }, name.field, password.field, access.element, error, h('div', { class: 'form-actions' }, submit));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      setFieldError(name, ''); setFieldError(password, ''); error.hidden = true;
      const body = { name: name.input.value.trim(), password: password.input.value, roles: access.roles(), cameras: access.cameras() };
      if (!body.name) return setFieldError(name, 'A user name is required.');
      if (body.password.length < 12) return setFieldError(password, 'The password needs at least 12 characters.');
      if (body.roles.length === 0) { error.textContent = 'Give the user at least one role.'; error.hidden = false; return; }
      submit.disabled = true;
      try {
        const user = await post('/api/users', body);
        toast('User created', `${user.name}: ${user.roles.join(', ')}`, 'ok');
        replace(formArea, createForm());
        load();
      } catch (failure) {
        showProblem(failure, { name, password }, error);
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  function edit(user) {
    const view = openDialog({ title: `Edit user ${user.name}` });
    const access = accessEditor({ roles: user.roles || [], cameras: user.cameras ?? null });
    const disabled = h('input', { type: 'checkbox', checked: !!user.disabled });
    const password = field('New password (optional)', h('input', { type: 'password', autocomplete: 'new-password', minlength: '12' }), 'Leave empty to keep the current one.');
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const form = h('form', { class: 'form-stack', novalidate: true, id: 'edit-user-form' },
      access.element, h('label', { class: 'check' }, disabled, 'Disabled (cannot sign in; sessions end)'), password.field, error);
    view.body.append(form);
    const save = h('button', { class: 'button primary', type: 'submit', form: 'edit-user-form', text: 'Save' });
    view.foot.append(h('button', { class: 'button', type: 'button', text: 'Cancel', onclick: () => view.close() }), save);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.hidden = true; setFieldError(password, '');
      const body = { roles: access.roles(), cameras: access.cameras(), disabled: disabled.checked };
      if (password.input.value) {
        if (password.input.value.length < 12) return setFieldError(password, 'The password needs at least 12 characters.');
        body.password = password.input.value;
      }
      if (body.roles.length === 0) { error.textContent = 'Give the user at least one role.'; error.hidden = false; return; }
      save.disabled = true;
      try {
        await put(`/api/users/${encodeURIComponent(user.name)}`, body);
        view.close();
        toast('User saved', user.name, 'ok');
        load();
      } catch (failure) {
        showProblem(failure, { password }, error);
      } finally {
        save.disabled = false;
      }
    });
  }

  async function remove(user) {
    const confirmed = await confirmAction({
      title: `Delete user ${user.name}?`,
      message: `${user.name} can no longer sign in and their sessions end. Their entries in the audit trail stay.`,
      confirmLabel: 'Delete user',
    });
    if (!confirmed) return;
    try {
      await del(`/api/users/${encodeURIComponent(user.name)}`);
      toast('User deleted', user.name, 'ok');
      load();
    } catch (failure) {
      toast('The user was not deleted', describeError(failure), 'error', 9000);
    }
  }

  loadCameras().catch(() => []).then(() => {
    if (stopped) return;
    replace(formArea, createForm());
    load();
  });
  return () => { stopped = true; };
}

/** Puts a ProblemDetails on the fields it names, or in the form's error line. */
export function showProblem(failure, entries, errorLine) {
  let placed = false;
  if (failure instanceof ApiError && failure.status === 400) {
    for (const [key, messages] of Object.entries(failure.fieldErrors)) {
      const entry = entries[key.charAt(0).toLowerCase() + key.slice(1)];
      if (entry) { setFieldError(entry, [].concat(messages).join(' ')); placed = true; }
    }
  }
  if (!placed) {
    errorLine.textContent = describeError(failure);
    errorLine.hidden = false;
  }
}
