// The sign-in page: POST /api/auth/login, then back to the app (and to the #route the user came for).
import { post, ApiError, describeError } from './api.js';

const form = document.getElementById('login-form');
const username = document.getElementById('username');
const password = document.getElementById('password');
const error = document.getElementById('login-error');
const submit = document.getElementById('login-submit');
let countdown = 0;

function show(message) {
  error.textContent = message;
  error.hidden = false;
}

function waitAndRetry(seconds) {
  window.clearInterval(countdown);
  let left = Math.max(1, seconds);
  submit.disabled = true;
  show(`Too many attempts, try again in ${left} s.`);
  countdown = window.setInterval(() => {
    left -= 1;
    if (left <= 0) {
      window.clearInterval(countdown);
      submit.disabled = false;
      show('You can try again now.');
      return;
    }
    show(`Too many attempts, try again in ${left} s.`);
  }, 1000);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.hidden = true;
  if (!username.value.trim() || !password.value) {
    show('Enter your user name and password.');
    (username.value.trim() ? password : username).focus();
    return;
  }
  submit.disabled = true;
  submit.textContent = 'Signing in…';
  let waiting = false;
  try {
    await post('/api/auth/login', { username: username.value.trim(), password: password.value }, { allowUnauthorized: true });
    const target = window.location.hash && window.location.hash !== '#' ? `/${window.location.hash}` : '/';
    window.location.replace(target);
    return;
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 401) {
      show('Wrong user name or password.');
      password.value = '';
      password.focus();
    } else if (failure instanceof ApiError && failure.status === 429) {
      waiting = true;
      waitAndRetry(failure.retryAfter ?? 30);
    } else {
      show(describeError(failure));
    }
  } finally {
    submit.textContent = 'Sign in';
    if (!waiting) submit.disabled = false;
  }
});
