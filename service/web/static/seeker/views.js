// Which view shows (home, employer, visit list), from the hash; scroll and focus on the way back.

import { $ } from "../shared/dom.js";
import { loadEmployer, renderEmployer } from "./employer.js";
import { renderTitle } from "./format.js";
import { loadPosition, renderPosition } from "./position.js";
import { state } from "./state.js";
import { refreshVisit, renderList } from "./visit.js";

export function show(view) {
  const previous = state.view;
  if (previous === "home" && view !== "home") state.homeScroll = window.scrollY;
  state.view = view;
  $("view-home").hidden = view !== "home";
  $("view-employer").hidden = view !== "employer";
  $("view-list").hidden = view !== "list";
  $("view-position").hidden = view !== "position";
  document.body.dataset.view = view;
  renderTitle();
  if (view === "home" && previous !== "home") {
    window.scrollTo(0, state.homeScroll);
    const opener = state.opener;
    state.opener = null;
    // the same link drawn anew when the results were redrawn meanwhile (a language switch)
    const link = opener && !document.contains(opener) ? sameLink(opener) : opener;
    link?.focus({ preventScroll: true });
  } else if (view !== "home") {
    window.scrollTo(0, 0);
  }
}

/** The hash without its #, decoded; as written when it is no valid escape (a link cut short after a %). */
function readHash() {
  const raw = location.hash.replace(/^#/, "");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function sameLink(link) {
  const href = link.getAttribute("href");
  return [...$("view-home").querySelectorAll(`.${link.className}`)].find((a) => a.getAttribute("href") === href);
}

export function route() {
  const hash = readHash();
  const employer = hash.match(/^employer\/(.+)$/);
  if (employer) {
    show("employer");
    if (state.employer?.id !== employer[1] || state.employer.status === "error") loadEmployer(employer[1]);
    else {
      renderEmployer();
      $("employer-name")?.focus();
    }
  } else if (hash.startsWith("position/")) {
    const id = hash.slice("position/".length);
    show("position");
    if (state.position?.id !== id || state.position.status === "error") loadPosition(id);
    else {
      renderPosition();
      $("position-title")?.focus();
    }
  } else if (hash === "list") {
    show("list");
    renderList();
    $("list-title").focus();
    refreshVisit();
  } else {
    show("home");
  }
}

export function goBack() {
  if (state.navigated && history.length > 1) history.back();
  else location.hash = "";
}
