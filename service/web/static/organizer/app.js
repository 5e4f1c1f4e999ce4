// The organisers' page: sign in with the token, upload a spreadsheet, check it (a dry run that shows every
// error at its cell, or the counts and mix it would give), publish it, and watch the fair and seekers' demand.
// The token lives in sessionStorage only: never localStorage, never a cookie.

import { bars, ranges } from "./charts.js";
import { $, h } from "../shared/dom.js";
import { applyStatic, formatNumber, initLang, lang, serviceMessage, setLang, t } from "./i18n.js";

const API = "/api/v1";
const TOKEN_KEY = "fairmatch.organiser.token";
const NAME_KEY = "fairmatch.organiser.name";
const OWNERSHIP = ["state_owned", "private", "education_training"];
const COLOURS = { positions: "#234e70", openings: "#e0a526", employers: "#6b8f71", matched: "#234e70", unmatched: "#c0502a" };


const state = { industries: [], checked: null, fair: null };

// --- the token and the organiser's name, for this tab only -------------------------------------------------

const session = {
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

async function call(path, options = {}) {
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

function say(id, text, kind = "") {
  const node = $(id);
  node.textContent = text;
  node.className = `message ${kind}`.trim();
}

function showSignedIn() {
  const signedIn = Boolean(session.token());
  $("signin").hidden = signedIn;
  $("signed-in").hidden = !signedIn;
  $("who").textContent = t("signin.as", { name: session.name() || t("signin.anonymous") });
  for (const node of document.querySelectorAll("#upload button, #upload input, [data-export]")) {
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
  showSignedIn();
  refreshAll();
}

// --- upload, check, publish --------------------------------------------------------------------------------

function chosenMode() {
  return document.querySelector("input[name=mode]:checked").value;
}

async function send(file, mode, dryRun) {
  const form = new FormData();
  form.append("file", file, file.name);
  return call(`/fixtures?mode=${mode}&dry_run=${dryRun}`, { method: "POST", body: form });
}

function resetPreview() {
  state.checked = null;
  $("preview").hidden = true;
  $("confirm").hidden = true;
  $("preview-body").replaceChildren();
}

async function check(event) {
  event.preventDefault();
  resetPreview();
  say("publish-message", "");
  const file = $("file").files[0];
  if (!file) return say("upload-message", t("upload.noFile"), "error");
  if (!session.token()) return say("upload-message", t("signin.needed"), "error");
  say("upload-message", t("upload.checking"));
  $("check").disabled = true;
  const mode = chosenMode();
  const { status, body } = await send(file, mode, true);
  $("check").disabled = false;
  say("upload-message", "");
  if (status === 401 || status === 403) return signOut(), say("signin-message", t("signin.wrong"), "error");
  $("preview").hidden = false;
  if (status === 422) return showErrors(body);
  if (status !== 200) return fillSummary(t("error.generic", { message: body.message || status }), "error");
  state.checked = { file, mode };
  showPreview(body);
}

function fillSummary(text, kind = "") {
  $("preview-summary").textContent = text;
  $("preview-summary").className = `summary ${kind}`.trim();
}

function showErrors(body) {
  const cells = body.cells || [];
  const count = cells.length || Object.values(body.errors || {}).flat().length || 1;
  fillSummary(count === 1 ? t("preview.error") : t("preview.errors", { n: formatNumber(count) }), "error");
  const labels = [t("preview.where"), t("preview.column"), t("preview.value"), t("preview.problem")];
  const line = (where, header, value, message) =>
    h("tr", {}, [where, header, value, message].map((text, i) =>
      h("td", { class: ["where", "", "value", ""][i] || null, "data-label": labels[i] }, text)));
  const rows = cells.length
    ? cells.map((c) => line(c.cell ? `${c.sheet}!${c.cell}` : c.sheet ? `${c.sheet}!${c.row ?? ""}` : "—",
        c.header || "—", c.value || t("preview.empty"), serviceMessage(c.message)))
    : Object.entries(body.errors || { "": [body.message] }).flatMap(([path, messages]) =>
        messages.map((m) => line(path || "—", "—", "—", serviceMessage(m))));
  $("preview-body").replaceChildren(table(labels, rows, "errors"));
}

function table(head, rows, className) {
  return h("div", { class: "scroll" },
    h("table", { class: className },
      h("thead", {}, h("tr", {}, head.map((text) => h("th", { scope: "col" }, text)))),
      h("tbody", {}, rows)));
}

function showPreview(body) {
  fillSummary(t("preview.ok"), "ok");
  const kinds = ["created", "updated", "deleted", "unchanged"];
  const counts = table(["", ...kinds.map((k) => t(`preview.${k}`))],
    ["employers", "positions"].map((what) =>
      h("tr", { "data-kind": what }, h("th", { scope: "row" }, t(`preview.${what}`)),
        kinds.map((k) => h("td", { "data-count": k }, formatNumber(body[what][k] ?? 0))))), "counts");
  const parts = [counts];
  if (body.mix) parts.push(mixTables(body.mix));
  if (body.notes && body.notes.length) {
    parts.push(h("details", { class: "notes" },
      h("summary", {}, t("preview.notes", { n: body.notes.length })),
      h("ul", {}, body.notes.map((n) =>
        h("li", {}, n.cell || n.row ? `${n.sheet}!${n.cell || n.row}: ` : "", n.header ? `${n.header} ` : "",
          serviceMessage(n.message))))));
  }
  $("preview-body").replaceChildren(...parts);
  $("confirm").hidden = false;
  $("confirm").disabled = false;
}

function delta(now, after) {
  const diff = after - now;
  return diff === 0 ? "" : ` (${diff > 0 ? "+" : ""}${formatNumber(diff)})`;
}

function mixTables(mix) {
  const ownershipKeys = [...new Set([...OWNERSHIP, ...Object.keys(mix.new.by_ownership)])];
  const industryKeys = [...new Set([...Object.keys(mix.current.by_industry), ...Object.keys(mix.new.by_industry)])];
  const row = (label, now, after, fields) =>
    h("tr", {}, h("th", { scope: "row" }, label),
      h("td", {}, fields.map((f) => formatNumber(now?.[f] ?? 0)).join(" / ")),
      h("td", {}, fields.map((f) => formatNumber(after?.[f] ?? 0) + delta(now?.[f] ?? 0, after?.[f] ?? 0)).join(" / ")));
  const head = (title) => [title, t("preview.now"), t("preview.after")];
  return h("div", { class: "mix" },
    h("h4", {}, t("preview.mix")),
    table(head(t("preview.byOwnership")), ownershipKeys.map((k) =>
      row(ownershipLabel(k), mix.current.by_ownership[k], mix.new.by_ownership[k], ["employers", "positions"])), "mix-ownership"),
    table(head(t("preview.byIndustry")), industryKeys.map((k) =>
      row(industryLabel(k), mix.current.by_industry[k], mix.new.by_industry[k], ["positions", "openings"])), "mix-industry"));
}

async function publish() {
  if (!state.checked) return;
  const { file, mode } = state.checked;
  if ($("file").files[0] !== file || chosenMode() !== mode) {
    resetPreview();
    return say("publish-message", t("preview.changed"), "error");
  }
  $("confirm").disabled = true;
  say("publish-message", t("preview.publishing"));
  const { status, body } = await send(file, mode, false);
  if (status !== 200) {
    $("confirm").disabled = false;
    if (status === 422) return showErrors(body), say("publish-message", "");
    return say("publish-message", t("preview.failed", { message: body.message || status }), "error");
  }
  resetPreview();
  $("upload").reset();
  const p = body.positions;
  say("publish-message", t("preview.published", { v: body.data_version, c: p.created, u: p.updated, d: p.deleted }), "ok");
  refreshAll();
}

async function download(suffix) {
  const { status, body, response } = await call(`/fixtures/export${suffix}`);
  if (status !== 200) return say("upload-message", t("error.generic", { message: body.message || status }), "error");
  const blob = body instanceof Blob ? body : new Blob([JSON.stringify(body, null, 1)], { type: "application/json" });
  const disposition = response.headers.get("Content-Disposition") || "";
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : /filename="([^"]+)"/.exec(disposition)?.[1] || `fair${suffix || ".json"}`;
  const link = h("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// --- history -----------------------------------------------------------------------------------------------

function sourceLabel(item) {
  if (item.filename && item.source !== "correction") return item.filename;
  if (item.source === "correction") return `${t("history.correction")} ${item.filename || ""}`.trim();
  if (item.source === "default") return t("history.default");
  if (item.source === "cli") return t("history.cli");
  return "—";
}

function triple(counts) {
  return counts ? [counts.created, counts.updated, counts.deleted].map((n) => formatNumber(n ?? 0)).join(" / ") : "—";
}

async function refreshHistory() {
  if (!session.token()) return $("history").replaceChildren(h("tr", {}, h("td", { colspan: 7 }, t("dash.signin"))));
  const { status, body } = await call("/fixtures/history?limit=50");
  if (status !== 200) return;
  const when = new Intl.DateTimeFormat(lang() === "en" ? "en-GB" : "zh-CN", { dateStyle: "short", timeStyle: "medium" });
  const rows = body.items.map((item) =>
    h("tr", {},
      h("td", {}, when.format(new Date(item.at))),
      h("td", { class: "file" }, sourceLabel(item)),
      h("td", {}, t(`mode.${item.mode}`)),
      h("td", {}, triple(item.counts.employers)),
      h("td", {}, triple(item.counts.positions)),
      h("td", {}, item.actor || "—"),
      h("td", {}, String(item.data_version))));
  $("history").replaceChildren(...(rows.length ? rows : [h("tr", {}, h("td", { colspan: 7 }, t("history.none")))]));
}

// --- dashboard ---------------------------------------------------------------------------------------------

function industryLabel(key) {
  const found = state.industries.find((i) => i.key === key);
  return found ? (lang() === "en" ? found.en : found.zh) : key;
}

function ownershipLabel(key) {
  return OWNERSHIP.includes(key) ? t(`ownership.${key}`) : key;
}

function plot(id, content) {
  const target = document.querySelector(`#${id} .plot`);
  target.replaceChildren(typeof content === "string" ? h("p", { class: "empty" }, content) : content);
}

function legend(entries) {
  return h("p", { class: "legend" }, entries.map(([name, colour]) =>
    h("span", {}, h("i", { style: `background:${colour}` }), name)));
}

async function refreshFair() {
  const { status, body } = await call("/fair");
  state.fair = status === 200 ? body : null;
  for (const [id, key] of [["dash-employers", "employers"], ["dash-positions", "positions"], ["dash-openings", "openings"]]) {
    $(id).textContent = state.fair ? formatNumber(state.fair.counts[key]) : "—";
  }
  $("dash-version").textContent = state.fair ? String(state.fair.data_version) : "—";
  if (!state.fair) {
    plot("chart-industry", t("dash.noFair"));
    plot("chart-ownership", t("dash.noFair"));
    return;
  }
  const industryItems = Object.entries(state.fair.counts.by_industry)
    .filter(([, c]) => c.positions > 0)
    .sort((a, b) => b[1].positions - a[1].positions)
    .map(([key, c]) => ({ label: industryLabel(key), values: [c.positions, c.openings] }));
  const series = [{ name: t("legend.positions"), colour: COLOURS.positions }, { name: t("legend.openings"), colour: COLOURS.openings }];
  const industry = h("div", {}, legend(series.map((s) => [s.name, s.colour])),
    bars(industryItems, { series, label: t("dash.industry"), format: formatNumber }));
  plot("chart-industry", industryItems.length ? industry : t("dash.none"));
  const ownershipItems = Object.entries(state.fair.counts.by_ownership)
    .map(([key, c]) => ({ label: ownershipLabel(key), values: [c.employers, c.positions] }));
  const ownershipSeries = [{ name: t("legend.employers"), colour: COLOURS.employers }, { name: t("legend.positions"), colour: COLOURS.positions }];
  plot("chart-ownership", h("div", {}, legend(ownershipSeries.map((s) => [s.name, s.colour])),
    bars(ownershipItems, { series: ownershipSeries, label: t("dash.ownership"), format: formatNumber })));
}

async function refreshPay() {
  if (!session.token()) return plot("chart-pay", t("dash.signin"));
  const { status, body } = await call("/stats/pay");
  if (status !== 200) return plot("chart-pay", t("dash.none"));
  const items = body.industries.filter((i) => i.with_pay > 0).map((i) => ({
    label: industryLabel(i.industry), min: i.min, max: i.max, median: i.median,
    medianMin: i.median_min, medianMax: i.median_max,
  }));
  plot("chart-pay", items.length ? ranges(items, { label: t("dash.pay"), format: (n) => formatNumber(Math.round(n)) }) : t("dash.none"));
}

async function refreshDemand() {
  if (!session.token()) {
    plot("chart-skills", t("dash.signin"));
    return plot("chart-gap", t("dash.signin"));
  }
  const { status, body } = await call("/stats/demand?limit=15");
  if (status !== 200) return;
  const times = (n) => t("unit.times", { n: formatNumber(n) });
  const top = body.top.map((s) => ({ label: s.skill, values: [s.count], colour: s.matched ? COLOURS.matched : COLOURS.unmatched }));
  const series = [{ name: "", colour: COLOURS.matched }];
  plot("chart-skills", top.length
    ? h("div", {}, legend([[t("legend.matched"), COLOURS.matched], [t("legend.unmatched"), COLOURS.unmatched]]),
        bars(top, { series, label: t("dash.skills"), format: times }))
    : t("dash.none"));
  const gap = body.gap.map((s) => ({ label: s.skill, values: [s.count], colour: COLOURS.unmatched }));
  plot("chart-gap", gap.length ? bars(gap, { series, label: t("dash.gap"), format: times }) : t("dash.none"));
}

async function refreshAll() {
  if (!state.industries.length) {
    const { status, body } = await call("/industries");
    if (status === 200) state.industries = body;
  }
  await Promise.all([refreshFair(), refreshPay(), refreshDemand(), refreshHistory()]);
}

// --- start -------------------------------------------------------------------------------------------------

function switchLanguage() {
  setLang(lang() === "en" ? "zh" : "en");
  applyStatic();
  showSignedIn();
  if (state.checked === null) resetPreview();
  refreshAll();
}

function start() {
  initLang();
  applyStatic();
  $("name").value = session.name();
  $("signin").addEventListener("submit", signIn);
  $("signout").addEventListener("click", signOut);
  $("upload").addEventListener("submit", check);
  $("file").addEventListener("change", () => { resetPreview(); say("publish-message", ""); });
  $("confirm").addEventListener("click", publish);
  $("lang").addEventListener("click", switchLanguage);
  for (const button of document.querySelectorAll("[data-export]")) {
    button.addEventListener("click", () => download(button.dataset.export));
  }
  showSignedIn();
  refreshAll();
}

start();
