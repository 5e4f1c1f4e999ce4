// The service's public JSON API, as the page calls it.

export const API = "/api/v1";

const ACCEPT = { Accept: "application/json" };

/** GET a path under the API; resolves to the Response (callers check `ok`). */
export function get(path, { signal } = {}) {
  return fetch(`${API}${path}`, { headers: ACCEPT, signal });
}

/** POST a JSON body to a path under the API. */
export function post(path, body, { signal } = {}) {
  return fetch(`${API}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...ACCEPT },
    body: JSON.stringify(body),
    signal,
  });
}
