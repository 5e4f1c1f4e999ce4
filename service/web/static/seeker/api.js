// The service's public JSON API, as the page calls it.

export const API = "/api/v1";

const ACCEPT = { Accept: "application/json" };

/** GET a path under the API; resolves to the Response (callers check `ok`). */
export function get(path, { signal } = {}) {
  return fetch(`${API}${path}`, { headers: ACCEPT, signal });
}

/** Why a read failed (`error` is what `failed` threw, or the network's own error): `missing` (404),
 * `server` (another answer), `offline` (no network, and no copy kept on this device) or `network`. */
export function failure(error) {
  if (error?.status === 404) return "missing";
  if (error?.status) return "server";
  return navigator.onLine === false ? "offline" : "network";
}

/** The error to throw for an answer that is not ok, for `failure` to read. */
export const failed = (response) => Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });

/** POST a JSON body to a path under the API. */
export function post(path, body, { signal } = {}) {
  return fetch(`${API}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...ACCEPT },
    body: JSON.stringify(body),
    signal,
  });
}
