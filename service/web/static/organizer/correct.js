// Correcting one employer or position: find it by id or name, edit its fields, preview the change (a dry-run
// PATCH, validated by the service exactly as the real one), then save it, or delete the row after a confirmation.

import { $, h } from "../shared/dom.js";
import { call, changed, send, session } from "./api.js";
import { changeTable, fieldLabel } from "./changes.js";
import { formatNumber, serviceMessage, t } from "./i18n.js";
import { EDUCATION, educationLabel, industryLabel, OWNERSHIP, ownershipLabel, say, state } from "./labels.js";

const FIELDS = {
  employers: [
    { name: "name", kind: "text", required: true },
    { name: "ownership", kind: "ownership" },
    { name: "industry", kind: "industry" },
    { name: "booth", kind: "text" },
    { name: "description", kind: "long" },
  ],
  positions: [
    { name: "title", kind: "text", required: true },
    { name: "employer_id", kind: "text", hint: "correct.employerHint" },
    { name: "industry", kind: "industry" },
    { name: "education", kind: "education" },
    { name: "skills", kind: "list" },
    { name: "majors", kind: "list" },
    { name: "salary_min", kind: "number" },
    { name: "salary_max", kind: "number" },
    { name: "salary_text", kind: "text", hint: "correct.salaryTextHint" },
    { name: "openings", kind: "number" },
    { name: "benefits", kind: "list" },
    { name: "description", kind: "long" },
  ],
};

// what is open: {kind, id, values (as stored), label}; the previewed body waits for 保存
const editing = { current: null, pending: null };

// --- finding ------------------------------------------------------------------------------------------------

async function find(event) {
  event.preventDefault();
  const q = $("find-q").value.trim();
  $("find-results").replaceChildren();
  if (!q) return say("find-message", t("correct.needQuery"), "error");
  if (!session.token()) return say("find-message", t("signin.needed"), "error");
  say("find-message", t("correct.searching"));
  const asked = encodeURIComponent(q);  // as an id, and as part of a name or title
  const answers = await Promise.all([
    call(`/employers/${asked}`), call(`/positions/${asked}`),
    call(`/employers?q=${asked}&limit=10`), call(`/positions?q=${asked}&limit=10`),
  ]);
  const [employer, position, employers, positions] = answers;
  if (answers.some((a) => a.status === 0)) return say("find-message", t("error.network"), "error");
  const found = new Map();
  const add = (kind, item) => found.set(`${kind}/${item.id}`, { kind, item });
  if (employer.status === 200) {
    add("employers", employer.body);  // an employer's id finds its positions too
    for (const item of employer.body.positions || []) add("positions", { ...item, employer: employer.body });
  }
  if (position.status === 200) add("positions", position.body);
  for (const item of employers.status === 200 ? employers.body.items : []) add("employers", item);
  for (const item of positions.status === 200 ? positions.body.items : []) add("positions", item);
  if (!found.size) return say("find-message", t("correct.none", { q }), "error");
  say("find-message", t("correct.found", { n: formatNumber(found.size) }));
  $("find-results").replaceChildren(...[...found.values()].map(({ kind, item }) =>
    h("li", {}, h("button", { type: "button", class: "result", "data-kind": kind, "data-id": item.id,
      onclick: () => open(kind, item.id) }, resultText(kind, item)))));
}

function resultText(kind, item) {
  if (kind === "employers") {
    return `${t("preview.employers")} · ${item.id} · ${item.name}${item.booth ? ` · ${t("correct.booth", { booth: item.booth })}` : ""}`;
  }
  return `${t("preview.positions")} · ${item.id} · ${item.title} · ${item.employer?.name ?? ""}`;
}

// --- the form -----------------------------------------------------------------------------------------------

async function open(kind, id) {
  const { status, body } = await call(`/${kind}/${encodeURIComponent(id)}`);
  if (status !== 200) return say("find-message", t("error.generic", { message: body.message || status }), "error");
  const values = kind === "positions" ? { ...body, employer_id: body.employer?.id } : body;
  editing.current = { kind, id, values };
  $("find-results").replaceChildren();
  say("find-message", "");
  say("edit-message", "");
  renderForm(values);
  $("edit-heading").focus();
}

function stored(kind, values) {
  return Object.fromEntries(FIELDS[kind].map((f) => [f.name, values[f.name] ?? (f.kind === "list" ? [] : null)]));
}

function options(kind, value) {
  const keys = kind === "ownership" ? OWNERSHIP : kind === "education" ? EDUCATION : state.industries.map((i) => i.key);
  const label = kind === "ownership" ? ownershipLabel : kind === "education" ? educationLabel : industryLabel;
  const all = value && !keys.includes(value) ? [value, ...keys] : keys;
  return all.map((key) => h("option", { value: key, selected: key === value }, label(key)));
}

function control(field, value) {
  const id = `edit-${field.name}`;
  const common = { id, name: field.name, "aria-describedby": `${id}-error${field.hint || field.kind === "list" ? ` ${id}-hint` : ""}` };
  if (field.kind === "long") return h("textarea", { ...common, rows: 3 }, value ?? "");
  if (field.kind === "list") {
    const items = value || [];
    return h("textarea", { ...common, rows: Math.min(Math.max(items.length, 2), 8) }, items.join("\n"));
  }
  if (["ownership", "industry", "education"].includes(field.kind)) return h("select", common, options(field.kind, value));
  const input = h("input", { ...common, type: "text", autocomplete: "off", required: field.required,
    inputmode: field.kind === "number" ? "numeric" : null });
  input.value = value ?? "";
  return input;
}

function renderForm(values) {
  const { kind, id } = editing.current;
  const title = kind === "employers" ? values.name : values.title;
  $("edit-heading").textContent = `${t(kind === "employers" ? "correct.editEmployer" : "correct.editPosition")} ${id} · ${title ?? ""}`;
  $("edit-fields").replaceChildren(...FIELDS[kind].map((field) => {
    const hint = field.hint || (field.kind === "list" ? "correct.listHint" : null);
    return h("div", { class: "field", "data-field": field.name },
      h("label", { for: `edit-${field.name}` }, fieldLabel(field.name), field.required ? h("span", { class: "required" }, ` ${t("correct.required")}`) : null),
      control(field, values[field.name]),
      hint ? h("p", { class: "hint", id: `edit-${field.name}-hint` }, t(hint)) : null,
      h("p", { class: "field-error", id: `edit-${field.name}-error` }));
  }));
  $("edit").hidden = false;
  hidePreview();
}

/** What the form now says, in the API's terms: lists split by line, numbers as numbers, blanks as null. */
function formValues() {
  const { kind } = editing.current;
  const out = {};
  for (const field of FIELDS[kind]) {
    const raw = $(`edit-${field.name}`).value;
    const text = raw.trim();
    if (field.kind === "list") out[field.name] = raw.split("\n").map((s) => s.trim()).filter(Boolean);
    else if (field.kind === "number") out[field.name] = text === "" ? null : /^\d+$/.test(text) ? Number(text) : text;
    else if (field.kind === "long" || field.kind === "text") out[field.name] = text === "" && !field.required ? null : text;
    else out[field.name] = raw;
  }
  return out;
}

/** Only the fields the clerk changed: a PATCH names what it sets and nothing else. */
function changedFields() {
  const { kind, values } = editing.current;
  const before = stored(kind, values);
  const now = formValues();
  return Object.fromEntries(Object.entries(now).filter(([name, value]) => JSON.stringify(value) !== JSON.stringify(before[name])));
}

// --- preview, save, delete ----------------------------------------------------------------------------------

function clearErrors() {
  for (const node of document.querySelectorAll("#edit .field-error")) node.textContent = "";
  for (const node of document.querySelectorAll("#edit [aria-invalid]")) node.removeAttribute("aria-invalid");
}

function hidePreview() {
  editing.pending = null;
  $("edit-preview-body").hidden = true;
  $("edit-changes").replaceChildren();
}

/** 422 errors at their fields (`skills[0]` under 技能要求); what fits no field goes in the message. */
function showErrors(body) {
  const { kind } = editing.current;
  const names = FIELDS[kind].map((f) => f.name);
  const loose = [];
  let first = null;
  for (const [path, messages] of Object.entries(body.errors || {})) {
    const name = path.split(/[.[]/)[0];
    const text = (Array.isArray(messages) ? messages.flat() : [String(messages)]).map(serviceMessage).join("；");
    if (!names.includes(name)) {
      loose.push(`${path}: ${text}`);
      continue;
    }
    const node = $(`edit-${name}-error`);
    node.textContent = node.textContent ? `${node.textContent}；${text}` : text;
    $(`edit-${name}`).setAttribute("aria-invalid", "true");
    first = first || $(`edit-${name}`);
  }
  const count = Object.keys(body.errors || {}).length || 1;
  say("edit-message", [t("correct.invalid", { n: formatNumber(count) }), ...loose].join(" "), "error");
  if (first) first.focus();
}

async function patch(body, dryRun) {
  const { kind, id } = editing.current;
  return send(`/${kind}/${encodeURIComponent(id)}${dryRun ? "?dry_run=true" : ""}`, "PATCH", body);
}

function refused(status, body) {
  if (status === 401 || status === 403) {
    document.dispatchEvent(new CustomEvent("signed-out"));
    say("signin-message", t("signin.wrong"), "error");
    return true;
  }
  if (status !== 200 && status !== 422) {
    say("edit-message", t("error.generic", { message: serviceMessage(body.message) || status }), "error");
    return true;
  }
  return false;
}

async function preview(event) {
  event.preventDefault();
  if (!editing.current) return;
  clearErrors();
  hidePreview();
  const body = changedFields();
  if (!Object.keys(body).length) return say("edit-message", t("correct.noChange"), "ok");
  say("edit-message", t("correct.checking"));
  const { status, body: answer } = await patch(body, true);
  if (refused(status, answer)) return;
  if (status === 422) return showErrors(answer);
  if (answer.changed === false) return say("edit-message", t("correct.noChange"), "ok");
  say("edit-message", t("correct.previewed"));
  editing.pending = body;
  $("edit-changes").replaceChildren(changeTable(answer.changes, "changes edit-changes") || "");
  $("edit-preview-body").hidden = false;
  $("edit-preview-title").focus();
}

async function save() {
  if (!editing.current || !editing.pending) return;
  $("edit-save").disabled = true;
  const { status, body } = await patch(editing.pending, false);
  $("edit-save").disabled = false;
  if (refused(status, body)) return;
  if (status === 422) return hidePreview(), showErrors(body);
  hidePreview();
  const { kind, id } = editing.current;
  editing.current = { kind, id, values: kind === "positions" ? { ...body, employer_id: body.employer?.id } : body };
  renderForm(editing.current.values);
  if (body.changed === false) return say("edit-message", t("correct.noChange"), "ok");
  say("edit-message", t("correct.saved", { v: body.data_version }), "ok");
  changed();
}

async function remove() {
  if (!editing.current) return;
  const { kind, id, values } = editing.current;
  const count = (values.positions || []).length;
  const ask = kind === "employers" ? t("correct.deleteEmployerAsk", { id, n: count }) : t("correct.deletePositionAsk", { id });
  if (!window.confirm(ask)) return;
  const { status, body } = await call(`/${kind}/${encodeURIComponent(id)}`, { method: "DELETE" });
  if (refused(status, body)) return;
  editing.current = null;
  hidePreview();
  $("edit").hidden = true;
  $("find-results").replaceChildren();
  say("edit-message", t("correct.deleted", { id, v: body.data_version }), "ok");
  changed();
}

export function closeEditor() {
  editing.current = null;
  hidePreview();
  $("edit").hidden = true;
  $("find-results").replaceChildren();
  say("find-message", "");
  say("edit-message", "");
}

/** After a language switch: the same form, its labels in the new language, what was typed kept. */
export function relabelEditor() {
  if (!editing.current || $("edit").hidden) return;
  const typed = formValues();
  renderForm({ ...editing.current.values, ...typed });
  say("edit-message", "");
}

export function initCorrections() {
  $("find").addEventListener("submit", find);
  $("edit").addEventListener("submit", preview);
  $("edit").addEventListener("input", () => { if (editing.pending) { hidePreview(); say("edit-message", t("correct.again")); } });
  $("edit-save").addEventListener("click", save);
  $("edit-delete").addEventListener("click", remove);
  $("edit-close").addEventListener("click", closeEditor);
}
