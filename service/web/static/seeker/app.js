// The job seekers' page: a profile in, a short ranked list of positions out, a route through the booths.
// Uses the public JSON API only; keeps the profile and the visit list on this device.
// Wires the modules together: language, the form's events, start-up.

import { $ } from "../shared/dom.js";
import { loadEmployer, renderEmployer } from "./employer.js";
import { formMessage, renderOffline, renderTitle } from "./format.js";
import { loadFair, renderFair } from "./fair.js";
import { activeFilterNames, bindFilters, renderEligibleHint, renderFilterOptions } from "./filters.js";
import { bindGuidance, renderGuidance } from "./guidance.js";
import { initLang, lang, setLang, t } from "./i18n.js";
import {
  addSkills,
  commitPendingSkill,
  profileIsEmpty,
  readForm,
  renderEducation,
  renderIndustryChips,
  renderSkillTags,
  writeForm,
} from "./profile.js";
import { bindResume, renderResumeRead } from "./resume.js";
import { bindOthers, renderResults } from "./results.js";
import { renderNavCount, toggleSaved } from "./saved.js";
import { abortSearch, search } from "./search.js";
import { bindSkillInput } from "./skills.js";
import { EXAMPLE, emptyFilters, emptyProfile, persist, restore, state } from "./state.js";
import * as store from "./store.js";
import { goBack, route } from "./views.js";
import { loadPosition, renderPosition } from "./position.js";
import { refreshVisit, renderList } from "./visit.js";

function applyLanguage() {
  const zh = lang() === "zh";
  document.documentElement.lang = zh ? "zh-CN" : "en";
  renderTitle();
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  }
  const button = $("lang");
  button.textContent = t("lang.switch");
  button.setAttribute("aria-label", t("lang.switchLabel"));
  button.setAttribute("lang", zh ? "en" : "zh-CN");
  document.querySelector(".topnav").setAttribute("aria-label", zh ? "页面导航" : "Page");
}

function renderAll() {
  applyLanguage();
  renderCleared();
  renderOffline();
  renderEducation();
  renderIndustryChips();
  renderFilterOptions();
  renderSkillTags();
  renderFair();
  renderResults();
  renderNavCount();
  renderResumeRead();
  renderGuidance();
  if (state.view === "employer") renderEmployer();
  if (state.view === "list") renderList();
  if (state.view === "position") renderPosition();
}
let cleared = null; // the profile, filters and search 清空 took away, until the seeker writes anew

function renderCleared() {
  $("cleared-text").textContent = cleared ? t(cleared.said) : "";
  $("undo-clear").hidden = !cleared;
}

function forgetCleared() {
  if (!cleared) return;
  cleared = null;
  renderCleared();
}

function bind() {
  const form = $("profile-form");
  form.addEventListener("input", (event) => {
    forgetCleared();
    if (event.target.id === "skill-input") return;
    readForm();
    persist();
    formMessage("");
  });
  // the phone's keyboard labels Enter in 求职意向 "next" (enterkeyhint): it goes on to the skills, not searching
  $("titles").addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.isComposing) return;
    event.preventDefault();
    $("skill-input").focus();
  });
  form.addEventListener("change", () => {
    readForm();
    persist();
    renderEligibleHint();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    forgetCleared();
    commitPendingSkill();
    readForm();
    if (profileIsEmpty()) {
      formMessage("form.empty");
      $("titles").focus();
      return;
    }
    formMessage("");
    state.submitted = true;
    persist();
    search();
    if (window.matchMedia("(max-width: 959px)").matches) {
      const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches; // the reader's setting
      $("results").scrollIntoView({ behavior: still ? "auto" : "smooth", block: "start" });
    }
  });
  $("clear").addEventListener("click", () => {
    abortSearch();
    // 清空 sits beside the search button: one slip of the thumb must not lose what was typed
    cleared = { profile: state.profile, filters: state.filters, submitted: state.submitted, said: "form.cleared" };
    state.profile = emptyProfile();
    state.filters = emptyFilters();
    state.submitted = false;
    state.answer = null;
    state.status = "idle";
    writeForm();
    persist();
    renderResults();
    renderCleared();
    $("titles").focus();
  });
  $("undo-clear").addEventListener("click", () => {
    ({ profile: state.profile, filters: state.filters, submitted: state.submitted } = cleared);
    cleared = null;
    writeForm();
    persist();
    renderCleared();
    $("titles").focus();
    if (state.submitted) search();
    else {
      // the example's results go with the example
      abortSearch();
      state.answer = null;
      state.status = "idle";
      renderResults();
    }
  });
  $("try-example").addEventListener("click", () => {
    readForm();
    // a profile half written when the example is tried is kept for 撤销, as 清空 keeps it
    const written = !profileIsEmpty() || state.profile.education || state.profile.salary;
    const { profile, filters, submitted } = state;
    const before = written ? { profile, filters, submitted, said: "form.replaced" } : null;
    state.profile = { ...emptyProfile(), ...EXAMPLE, skills: [...EXAMPLE.skills] };
    writeForm();
    form.requestSubmit();
    cleared = before;
    renderCleared();
  });
  $("more").addEventListener("click", () => search({ append: true }));
  $("lang").addEventListener("click", () => {
    setLang(lang() === "zh" ? "en" : "zh");
    renderAll();
  });
  document.addEventListener("click", (event) => {
    const save = event.target.closest("[data-save]");
    // the second tap of a double tap (detail 2) would undo the first, or remove the stop moved under the finger
    if (event.detail > 1 && event.target.closest("[data-save], [data-remove]")) return;
    if (save) {
      toggleSaved(save.dataset.save);
      return;
    }
    const remove = event.target.closest("[data-remove]");
    if (remove) {
      toggleSaved(remove.dataset.remove);
      renderList();
      $("list-title").focus();
      return;
    }
    const link = event.target.closest(".employer-link, .position-link");
    // the link that left the results, for the focus to come back to (not one followed further on)
    if (link?.closest("#view-home")) state.opener = link;
    if (event.target.closest("[data-back]")) goBack();
  });
  $("print").addEventListener("click", () => window.print());
  $("clear-list").addEventListener("click", () => {
    state.visit = [];
    store.saveVisit(state.visit);
    renderList();
    renderNavCount();
    renderResults();
    $("list-title").focus(); // the button is gone with the list
  });
  window.addEventListener("hashchange", () => {
    state.navigated = true;
    route();
  });
  window.addEventListener("online", () => {
    renderOffline();
    if (state.status === "error" || state.offline) search();
    // the view that could not be read offline is read now, as 重试 would; once more a little later, as a
    // network often comes back in steps (the event before the first request gets through)
    const reread = () => {
      if (state.view === "employer" && state.employer?.status === "error") loadEmployer(state.employer.id);
      if (state.view === "position" && state.position?.status === "error") loadPosition(state.position.id);
    };
    reread();
    window.setTimeout(reread, 2000);
    if (state.view === "list") refreshVisit();
  });
  window.addEventListener("offline", renderOffline);
  window.addEventListener("storage", (event) => {
    if (event.key === "fairmatch.visit.v1") {
      state.visit = store.loadVisit();
      renderNavCount();
      if (state.view === "list") renderList();
    }
  });
}
/** Keeps what was typed while the scripts loaded (the form is filled from the device next); answers the
 * skill being typed, for the skill input. */
function keepEarlyInput() {
  const early = ["titles", "salary", "major"].filter((id) => $(id).value.trim());
  for (const id of early) state.profile[id] = $(id).value;
  if (early.length) persist();
  return $("skill-input").value;
}

function start() {
  initLang();
  restore();
  const typingSkill = keepEarlyInput();
  bind();
  bindSkillInput();
  bindFilters();
  bindOthers();
  bindResume();
  bindGuidance((skill) => {
    if (!addSkills(skill)) return;
    $("profile-form").requestSubmit();
    $("results").focus({ preventScroll: true }); // the button goes with the advice it stood in
  });
  writeForm();
  $("skill-input").value = typingSkill;
  renderAll();
  $("filters").open = activeFilterNames().length > 0 || window.matchMedia("(min-width: 960px)").matches;
  route();
  loadFair();
  if (state.submitted && !profileIsEmpty()) search();
  else state.submitted = false;
  // The page's buttons wait for this moment (disabled in the HTML), so an early press never sends the form.
  $("submit").disabled = false;
  $("submit").removeAttribute("aria-describedby");
  $("submit-wait").hidden = true;
  $("try-example").disabled = false;
  document.body.classList.add("ready");
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => undefined);
}

start();
