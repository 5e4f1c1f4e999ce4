// Which view shows (home, employer, visit list), from the hash; scroll and focus on the way back.

import { $ } from "../shared/dom.js";
import { loadEmployer, renderEmployer } from "./employer.js";
import { state } from "./state.js";
import { renderList } from "./visit.js";

export function show(view) {
  const previous = state.view;
  if (previous === "home" && view !== "home") state.homeScroll = window.scrollY;
  state.view = view;
  $("view-home").hidden = view !== "home";
  $("view-employer").hidden = view !== "employer";
  $("view-list").hidden = view !== "list";
  document.body.dataset.view = view;
  if (view === "home" && previous !== "home") {
    window.scrollTo(0, state.homeScroll);
    const opener = state.opener;
    state.opener = null;
    if (opener && document.contains(opener)) opener.focus({ preventScroll: true });
  } else if (view !== "home") {
    window.scrollTo(0, 0);
  }
}

export function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, ""));
  const employer = hash.match(/^employer\/(.+)$/);
  if (employer) {
    show("employer");
    if (state.employer?.id !== employer[1] || state.employer.status === "error") loadEmployer(employer[1]);
    else {
      renderEmployer();
      $("employer-name")?.focus();
    }
  } else if (hash === "list") {
    show("list");
    renderList();
    $("list-title").focus();
  } else {
    show("home");
  }
}

export function goBack() {
  if (state.navigated && history.length > 1) history.back();
  else location.hash = "";
}
