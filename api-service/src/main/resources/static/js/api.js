// The one way the UI talks to the API: same origin, JSON in and out. A CSRF header (or anything else every
// request needs once sign-in exists) is added here and nowhere else.

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

/** The whole answer: `{status, headers, data}`; throws {@link ApiError} for a non-2xx status. */
export async function request(path, { method = 'GET', query, body } = {}) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url(path, query), init);
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new ApiError(response.status, data && (data.detail || data.title), data);
  }
  return { status: response.status, headers: response.headers, data };
}

/** Only the JSON body. */
export async function api(path, options) {
  return (await request(path, options)).data;
}

/** A song path as the API's single path segment (`/` as `%2F`). */
export function songUrl(path, suffix = '') {
  return `/api/v1/songs/${encodeURIComponent(path)}${suffix}`;
}
