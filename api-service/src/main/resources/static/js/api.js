// The one way the UI talks to the API: same origin, JSON in and out. With access control on, the browser signs in
// once (a session cookie); every write then carries the CSRF token from the XSRF-TOKEN cookie, added here and
// nowhere else, and any 401 asks the app to show the sign-in form.

/** A non-2xx answer, with the problem body's detail when the API sent one. */
export class ApiError extends Error {
  constructor(status, detail, body) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** `path` with the query parameters that have a value (empty strings and nulls left out). */
export function url(path, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.append(name, value);
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** A cookie's value, or null. */
function cookie(name) {
  const found = document.cookie.split('; ').find(c => c.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

/** The whole answer: `{status, headers, data}`; throws {@link ApiError} for a non-2xx status. */
export async function request(path, { method = 'GET', query, body } = {}) {
  const headers = { Accept: 'application/json' };
  const csrf = method === 'GET' || method === 'HEAD' ? null : cookie('XSRF-TOKEN');
  if (csrf) {
    headers['X-XSRF-TOKEN'] = csrf;
  }
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url(path, query), init);
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    if (response.status === 401 && path !== SESSION) {
      window.dispatchEvent(new CustomEvent('sonority:sign-in-needed'));
    }
    throw new ApiError(response.status, data && (data.detail || data.title), data);
  }
  return { status: response.status, headers: response.headers, data };
}

export const SESSION = '/api/v1/session';

/** Signs in with an API key: the API sets the session and CSRF cookies. */
export async function signIn(key) {
  return (await request(SESSION, { method: 'POST', body: { key } })).data;
}

/** Signs out: the session cookie is cleared. */
export async function signOut() {
  await request(SESSION, { method: 'DELETE' });
}

/** Only the JSON body. */
export async function api(path, options) {
  return (await request(path, options)).data;
}

/** A song path as the API's single path segment (`/` as `%2F`). */
export function songUrl(path, suffix = '') {
  return `/api/v1/songs/${encodeURIComponent(path)}${suffix}`;
}
