// Who is signed in (GET /api/auth/me) and what the roles allow; sign-out.
import { get, post } from './api.js';

export const ROLES = Object.freeze({ operator: 'operator', integrator: 'integrator', ml: 'ml', admin: 'admin' });

let me = null;

/** Loads the signed-in principal; a 401 leaves for the login page (api.js). */
export async function loadMe() {
  me = await get('/api/auth/me');
  return me;
}

export function currentUser() {
  return me;
}

export function hasRole(role) {
  return !!me && Array.isArray(me.roles) && me.roles.includes(role);
}

export function hasAnyRole(roles) {
  return !roles || roles.length === 0 || roles.some(hasRole);
}

export function markPasswordChanged() {
  if (me) me.mustChangePassword = false;
}

export async function signOut() {
  try {
    await post('/api/auth/logout', undefined, { allowUnauthorized: true });
  } finally {
    window.location.assign('/login');
  }
}
