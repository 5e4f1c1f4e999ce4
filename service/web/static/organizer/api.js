// The organisers' API client: the token and name for this tab only (sessionStorage, never localStorage or a
// cookie), and one `call` that answers {status, body, response} and never throws.

import { t } from "./i18n.js";

const API = "/api/v1";
const TOKEN_KEY = "fairmatch.organiser.token";
const NAME_KEY = "fairmatch.organiser.name";

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY) || "",
  name: () => sessionStorage.getItem(NAME_KEY) || "",
  save(token, name) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(NAME_KEY, name);
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(NAME_KEY);
  },
};

function headers() {
  const out = { Accept: "application/json", Authorization: `Bearer ${session.token()}` };
  // A header cannot carry 张三 as it is: the name goes percent-encoded and the service decodes it.
  if (session.name()) out["X-Organiser"] = encodeURIComponent(session.name());
  return out;
}

export async function call(path, options = {}) {
  let response;
  try {
    response = await fetch(API + path, { ...options, headers: { ...headers(), ...(options.headers || {}) } });
  } catch {
    return { status: 0, body: { message: t("error.network") } };
  }
  const type = response.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await response.json().catch(() => ({})) : await response.blob();
  return { status: response.status, body, response };
}

/** A JSON request (PATCH, PUT, POST) with the body serialised. */
export function send(path, method, data) {
  return call(path, { method, body: JSON.stringify(data), headers: { "Content-Type": "application/json" } });
}

/** Tell every view the published fair changed (a publish, a restore, a correction). */
export function changed() {
  document.dispatchEvent(new CustomEvent("fair-changed"));
}
