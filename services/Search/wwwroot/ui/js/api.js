// Talks to the site's API: JSON in and out, the session cookie for credentials, RFC 7807 problems
// turned into sentences, and any 401 sends the browser to the login page.

export class ApiError extends Error {
  constructor(status, problem, retryAfterSeconds) {
    super(problem?.title || `The server answered ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || {};
    this.retryAfter = retryAfterSeconds;
  }

  /** Field messages of a ValidationProblem: { field: [messages] }. */
  get fieldErrors() {
    return this.problem && typeof this.problem.errors === 'object' && this.problem.errors ? this.problem.errors : {};
  }
}

export class NetworkError extends Error {
  constructor(cause) {
    super('The site cannot be reached. Check the network connection and try again.');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

let leaving = false;

/** Sends the browser to the login page, keeping the current place (#route) to come back to. */
export function redirectToLogin() {
  if (leaving) return;
  leaving = true;
  window.location.assign(`/login${window.location.hash || ''}`);
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(value) {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * request('POST', '/api/search', body) → parsed JSON (null for 204).
 * options.allowUnauthorized: a 401 is thrown as an ApiError instead of leaving for the login page
 * (the login and password forms use it: there a 401 means "wrong password").
 */
export async function request(method, url, body, options = {}) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin', signal: options.signal };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }

  let response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (error && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }

  if (response.status === 401 && !options.allowUnauthorized) {
    redirectToLogin();
    throw new ApiError(401, { title: 'Your session has ended; sign in again.' }, null);
  }

  if (!response.ok) {
    let problem = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      try { problem = await response.json(); } catch { problem = null; }
    }
    throw new ApiError(response.status, problem, parseRetryAfter(response.headers.get('Retry-After')));
  }

  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const get = (url, options) => request('GET', url, undefined, options);
export const post = (url, body, options) => request('POST', url, body, options);
export const put = (url, body, options) => request('PUT', url, body, options);
export const del = (url, options) => request('DELETE', url, undefined, options);

/** Flattens a ValidationProblem's field messages into sentences. */
function fieldSentences(problem) {
  const errors = problem && problem.errors;
  if (!errors || typeof errors !== 'object') return [];
  const sentences = [];
  for (const messages of Object.values(errors)) {
    for (const message of [].concat(messages)) sentences.push(String(message));
  }
  return sentences;
}

/** What went wrong, in words an operator can act on. */
export function describeError(error) {
  if (error instanceof NetworkError) return error.message;
  if (!(error instanceof ApiError)) return (error && error.message) || 'Something went wrong.';
  const problem = error.problem || {};
  const title = problem.title ? String(problem.title) : '';
  const detail = problem.detail ? String(problem.detail) : '';
  const wait = error.retryAfter !== null && error.retryAfter !== undefined ? ` Try again in ${error.retryAfter} s.` : '';
  switch (error.status) {
    case 400: {
      const fields = fieldSentences(problem);
      const head = title || 'The request is not valid.';
      return fields.length ? `${head} ${fields.join(' ')}` : `${head}${detail ? ` ${detail}` : ''}`;
    }
    case 403:
      return `You are not allowed to do this.${detail ? ` ${detail}` : title && !/forbidden/i.test(title) ? ` ${title}` : ''}`;
    case 404:
      return title || 'Not found: it may have been removed.';
    case 409:
      return [title || 'This conflicts with the current state.', detail].filter(Boolean).join(' ');
    case 413:
      return 'The request is too large.';
    case 429:
      return `Too many requests.${wait || ' Wait a moment and try again.'}`;
    case 503:
      return [title || 'The service is not available right now.', detail].filter(Boolean).join(' ') + wait;
    default:
      return [title || `The server answered ${error.status}.`, detail].filter(Boolean).join(' ');
  }
}
