// Asking the service for matches: the first page, more pages, time-outs and failures.

import { post } from "./api.js";
import { announce } from "./format.js";
import { loadGuidance } from "./guidance.js";
import { t } from "./i18n.js";
import { buildRequest } from "./profile.js";
import { foundText, renderResults, shownText } from "./results.js";
import { PAGE, TIMEOUT_MS, state } from "./state.js";
import * as store from "./store.js";

let searchController = null;

/** Stops the request in flight, if any (its answer is no longer wanted). */
export function abortSearch() {
  searchController?.abort();
}

export async function search({ append = false } = {}) {
  if (append && (!state.answer || state.more.status === "loading")) return;
  if (!append) {
    state.request = buildRequest();
    state.status = "loading";
    state.error = null;
    state.more = { status: "idle", error: null };
  } else {
    state.more = { status: "loading", error: null };
  }
  renderResults();
  searchController?.abort();
  const controller = new AbortController();
  searchController = controller;
  let timedOut = false;
  const timer = window.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, TIMEOUT_MS);
  const offset = append ? state.answer.results.length : 0;
  try {
    const body = { ...state.request, limit: PAGE, offset };
    const response = await post("/matches", body, { signal: controller.signal });
    if (!response.ok) throw Object.assign(new Error("http"), { kind: "server", code: response.status });
    const data = await response.json();
    if (!Array.isArray(data.results)) throw Object.assign(new Error("shape"), { kind: "server", code: 200 });
    if (append) {
      state.answer.results.push(...data.results);
      state.answer.total = data.total;
      state.more = { status: "idle", error: null };
      announce(shownText(state.answer));
    } else {
      state.answer = data;
      state.status = "ready";
      state.offline = false;
      state.unapplied = false;
      announce(foundText(data));
      loadGuidance();
    }
  } catch (error) {
    if (controller !== searchController) return; // a newer request took over
    if (error.name === "AbortError" && !timedOut) return;
    const kind = navigator.onLine === false ? "offline" : error.kind || "network";
    const failure = { kind, code: error.code };
    const kept = store.loadAnswer();
    if (append) state.more = { status: "error", error: failure };
    else if (kind !== "server" && kept && sameProfile(kept.request, state.request)) {
      // the venue's network dropped: show the last answer to this same profile, marked as offline, and say
      // so when the filters or the order have changed since (they apply once the network is back)
      state.answer = kept.answer;
      state.status = "ready";
      state.offline = true;
      state.unapplied = kept.request !== JSON.stringify(state.request);
    } else {
      state.status = "error";
      state.error = failure;
    }
  } finally {
    window.clearTimeout(timer);
  }
  if (controller === searchController) {
    if (state.status === "ready" && !state.offline) store.saveAnswer(state.request, state.answer);
    renderResults();
    if (append && state.more.status === "idle") focusCard(state.answer.results[offset]);
  }
}

/** Puts the focus on a card's link, where the reader goes on after 显示更多 (whose button may be gone). */
function focusCard(result) {
  const id = result?.position?.id;
  if (id == null) return;
  document.querySelector(`[data-position="${CSS.escape(id)}"] .position-link`)?.focus();
}

/** Whether a kept request (as saved, a JSON string) asked for the same profile, whatever its filters and order. */
function sameProfile(keptRequest, request) {
  const profile = ({ filters, sort, ...rest }) => JSON.stringify(rest);
  try {
    return profile(JSON.parse(keptRequest)) === profile(request);
  } catch {
    return false;
  }
}

export function errorText(error) {
  if (!error) return "";
  if (error.kind === "offline") return t("error.offline");
  if (error.kind === "server") return t("error.server", { code: error.code });
  return t("error.network");
}
