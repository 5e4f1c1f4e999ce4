// Upload, check, publish: a dry run shows every error at its cell, or the counts and mix the load would give;
// 确认发布 sends the same file again for real.

import { $, h } from "../shared/dom.js";
import { call, changed, session } from "./api.js";
import { changeTable } from "./changes.js";
import { formatNumber, serviceMessage, t } from "./i18n.js";
import { industryLabel, OWNERSHIP, ownershipLabel, say, table } from "./labels.js";

const checked = { current: null };

function chosenMode() {
  return document.querySelector("input[name=mode]:checked").value;
}

async function upload(file, mode, dryRun, confirm = null, version = null) {
  const form = new FormData();
  form.append("file", file, file.name);
  const guard = confirm === null ? "" : `&confirm_deletions=${confirm}`;
  // The version the check saw: if the fair changed since (another organiser's load or correction), the
  // service changes nothing and answers 412, instead of publishing something other than what was shown.
  const headers = version === null ? {} : { "If-Match": `"${version}"` };
  return call(`/fixtures?mode=${mode}&dry_run=${dryRun}${guard}`, { method: "POST", body: form, headers });
}

export function resetPreview() {
  checked.current = null;
  $("preview").hidden = true;
  $("confirm").hidden = true;
  $("preview-body").replaceChildren();
}

export function hasCheck() {
  return checked.current !== null;
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
  const { status, body } = await upload(file, mode, true);
  $("check").disabled = false;
  say("upload-message", "");
  if (status === 401 || status === 403) {
    document.dispatchEvent(new CustomEvent("signed-out"));
    return say("signin-message", t("signin.wrong"), "error");
  }
  $("preview").hidden = false;
  if (status === 422) return showErrors(body);
  if (status !== 200) return fillSummary(t("error.generic", { message: serviceMessage(body.message) || status }), "error");
  checked.current = { file, mode, deletions: body.deletions || 0, version: body.data_version ?? null };
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

function showPreview(body) {
  fillSummary(t("preview.ok"), "ok");
  const kinds = ["created", "updated", "deleted", "unchanged"];
  const counts = table(["", ...kinds.map((k) => t(`preview.${k}`))],
    ["employers", "positions"].map((what) =>
      h("tr", { "data-kind": what }, h("th", { scope: "row" }, t(`preview.${what}`)),
        kinds.map((k) => h("td", { "data-count": k }, formatNumber(body[what][k] ?? 0))))), "counts");
  const notes = (body.notes || []).filter((n) => !isSinceExport(n));
  const since = (body.notes || []).filter(isSinceExport);
  const parts = since.length ? [sinceExport(since), counts] : [counts];
  if (body.changed === false) parts.push(h("p", { class: "summary", id: "no-change" }, t("preview.noChange")));
  if (body.blanks && (body.blanks.kept || body.blanks.cleared)) parts.push(blanksLine(body.blanks));
  const change = body.changes && changeTable(body.changes);
  if (change) parts.push(change);
  if (body.mix) parts.push(mixTables(body.mix));
  if (notes.length) {
    parts.push(h("details", { class: "notes" },
      h("summary", {}, t("preview.notes", { n: notes.length })), noteList(notes)));
  }
  if (body.deletions > 0) parts.push(deletionGuard(body.deletions));
  $("preview-body").replaceChildren(...parts);
  $("confirm").hidden = body.changed === false;
  guardConfirm();
}

/** 确认发布 waits for what the check asks: the deletions typed, and an older file's undoings acknowledged. */
function guardConfirm() {
  const count = $("confirm-count");
  const typed = !count || count.value.trim() === count.dataset.expected;
  const seen = document.getElementById("since-export-seen");
  $("confirm").disabled = !typed || (seen !== null && !seen.checked);
}

function isSinceExport(note) {
  return (note.path || "").startsWith("since_export");
}

function noteList(notes) {
  return h("ul", {}, notes.map((n) =>
    h("li", {}, n.cell || n.row ? `${n.sheet}!${n.cell || n.row}: ` : "", n.header ? `${n.header} ` : "",
      serviceMessage(n.message))));
}

/** Last week's file over this week's corrections: what it would undo, in the open, above the change. */
function sinceExport(notes) {
  const seen = h("input", { id: "since-export-seen", type: "checkbox" });
  seen.addEventListener("change", guardConfirm);
  return h("div", { class: "since-export", id: "since-export", role: "alert" },
    h("p", { class: "summary error" }, t("preview.sinceExport")), noteList(notes),
    h("p", {}, seen, " ", h("label", { for: "since-export-seen" }, t("preview.sinceExportSeen"))));
}

/** A sheet's blank cells keep what is stored; cells marked [清空] clear it: the check says how many of each. */
function blanksLine(blanks) {
  const parts = [];
  if (blanks.kept) parts.push(t("preview.blanksKept", { n: formatNumber(blanks.kept) }));
  if (blanks.cleared) parts.push(t("preview.blanksCleared", { n: formatNumber(blanks.cleared) }));
  return h("p", { class: "blanks", id: "blanks" }, parts.join(t("preview.join")));
}

/** A load that deletes asks the clerk to type how many before 确认发布 works. */
function deletionGuard(n) {
  const input = h("input", { id: "confirm-count", type: "text", inputmode: "numeric", autocomplete: "off",
    "data-expected": String(n) });
  input.addEventListener("input", guardConfirm);
  return h("p", { class: "guard" }, h("label", { for: "confirm-count" }, t("preview.typeCount", { n: String(n) })), " ", input);
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
  if (!checked.current) return;
  const { file, mode, deletions, version } = checked.current;
  if ($("file").files[0] !== file || chosenMode() !== mode) {
    resetPreview();
    return say("publish-message", t("preview.changed"), "error");
  }
  $("confirm").disabled = true;
  say("publish-message", t("preview.publishing"));
  // The count the clerk typed goes with the load: if the fair changed since the check, the service refuses.
  const count = deletions > 0 ? $("confirm-count").value.trim() : null;
  const { status, body } = await upload(file, mode, false, count, version);
  if (status !== 200) {
    $("confirm").disabled = false;
    if (status === 422) return showErrors(body), say("publish-message", "");
    if (status === 409 || status === 412) resetPreview(); // the fair changed since the check: check again
    return say("publish-message", t("preview.failed", { message: serviceMessage(body.message) || status }), "error");
  }
  resetPreview();
  $("upload").reset();
  const p = body.positions;
  say("publish-message", t("preview.published", { v: body.data_version, c: p.created, u: p.updated, d: p.deleted }), "ok");
  changed();
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

export function initUpload() {
  $("upload").addEventListener("submit", check);
  $("file").addEventListener("change", () => { resetPreview(); say("publish-message", ""); });
  $("confirm").addEventListener("click", publish);
  for (const button of document.querySelectorAll("[data-export]")) {
    button.addEventListener("click", () => download(button.dataset.export));
  }
}
