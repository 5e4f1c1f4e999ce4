// The organisers' page: sign in with the token, then the views (upload and publish, corrections, the dashboard,
// the history) each in its own module; they tell each other of a new published state with a `fair-changed` event.

import { $ } from "../shared/dom.js";
import { call, session } from "./api.js";
import { closeEditor, initCorrections, relabelEditor } from "./correct.js";
import { refreshDemand, refreshFair, refreshPay } from "./dashboard.js";
import { refreshTraining } from "./training.js";
import { refreshHistory } from "./history.js";
import { applyStatic, initLang, lang, setLang, t } from "./i18n.js";
import { say, state } from "./labels.js";
import { hasCheck, initUpload, resetPreview } from "./upload.js";

function showSignedIn() {
  const signedIn = Boolean(session.token());
  $("signin").hidden = signedIn;
  $("signed-in").hidden = !signedIn;
  $("who").textContent = t("signin.as", { name: session.name() || t("signin.anonymous") });
  for (const node of document.querySelectorAll("#upload button, #upload input, [data-export], #find input, #find button")) {
    node.disabled = !signedIn;
  }
}

async function signIn(event) {
  event.preventDefault();
  const token = $("token").value.trim();
  if (!token) return;
  session.save(token, $("name").value.trim());
  say("signin-message", t("signin.checking"));
  const { status, body } = await call("/fixtures/history?limit=1");
  if (status === 200) {
    $("token").value = "";
    say("signin-message", "");
    showSignedIn();
    refreshAll();
    return;
  }
  session.clear();
  const disabled = (body.message || "").includes("FAIR_ADMIN_TOKEN");
  say("signin-message", status === 0 ? body.message : disabled ? t("signin.disabled") : t("signin.wrong"), "error");
  showSignedIn();
}

function signOut() {
  session.clear();
  resetPreview();
  closeEditor();
  showSignedIn();
  refreshAll();
}

async function refreshAll() {
  if (!state.industries.length) {
    const { status, body } = await call("/industries");
    if (status === 200) state.industries = body;
  }
  await Promise.all([refreshFair(), refreshPay(), refreshDemand(), refreshTraining(), refreshHistory()]);
}

function switchLanguage() {
  setLang(lang() === "en" ? "zh" : "en");
  applyStatic();
  showSignedIn();
  if (!hasCheck()) resetPreview();
  relabelEditor();
  refreshAll();
}

function start() {
  initLang();
  applyStatic();
  $("name").value = session.name();
  $("signin").addEventListener("submit", signIn);
  $("signout").addEventListener("click", signOut);
  $("lang").addEventListener("click", switchLanguage);
  document.addEventListener("fair-changed", refreshAll);
  document.addEventListener("signed-out", signOut);
  initUpload();
  initCorrections();
  showSignedIn();
  refreshAll();
}

start();
