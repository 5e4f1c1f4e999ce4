// The change a load or a correction makes, as a table a clerk can read: each row created, deleted or updated,
// with every field that changes, old → new, under its Chinese (or English) name.

import { h } from "../shared/dom.js";
import { formatNumber, t } from "./i18n.js";
import { educationLabel, industryLabel, ownershipLabel, table } from "./labels.js";

const SHOWN = 200;
const SHORT = 80;

function empty(value) {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length);
}

/** A stored value as the clerk would write it: labels for keys, lists joined with 、. */
export function show(value, field = "") {
  if (empty(value)) return t("preview.empty");
  if (field === "ownership") return ownershipLabel(value);
  if (field === "industry") return industryLabel(value);
  if (field === "education") return educationLabel(value);
  if (Array.isArray(value)) return value.join("、");
  if (typeof value !== "object") return String(value);
  const written = JSON.stringify(value); // a hall plan: its opening is enough to tell one from another
  return written.length > SHORT ? `${written.slice(0, SHORT)}…` : written;
}

/** A field's name for people (the fair's own under `fair.`); a field of the organisers' own keeps its name. */
export function fieldLabel(field, kind = "") {
  const key = kind === "fair" ? `fair.${field}` : `field.${field}`;
  const label = t(key);
  return label === key ? field : label;
}

/** One field's change: old → new, with a value emptied said to be cleared. */
export function fieldChange(field, change, kind = "") {
  const cleared = empty(change.new) && !empty(change.old);
  return `${fieldLabel(field, kind)}：${show(change.old, field)} → ${cleared ? t("preview.cleared") : show(change.new, field)}`;
}

/** A row's id with what a person knows it by: the employer's name, or the title and its employer's name
 * (changes recorded before the service named them show the id alone). */
export function rowName(kind, id, named) {
  if (!named) return id;
  const parts = kind === "employers" ? [named.name] : [named.title, named.employer_name ?? named.employer_id];
  return [id, ...parts.filter((part) => !empty(part))].join(" · ");
}

export function changeRows(changes) {
  const rows = [];
  for (const kind of ["employers", "positions"]) {
    const c = changes[kind];
    if (!c) continue;
    const label = t(`preview.${kind}`);
    const name = (id) => rowName(kind, id, c.names?.[id]);
    for (const id of c.created) rows.push([label, name(id), t("preview.created"), ""]);
    for (const id of c.deleted) rows.push([label, name(id), t("preview.deleted"), ""]);
    for (const u of c.updated) {
      rows.push([label, name(u.id), t("preview.updated"), Object.entries(u.fields).map(([f, v]) => fieldChange(f, v))]);
    }
  }
  for (const [f, v] of Object.entries(changes.fair || {})) {
    rows.push([t("preview.fair"), fieldLabel(f, "fair"), t("preview.updated"), [fieldChange(f, v, "fair")]]);
  }
  return rows;
}

/** The change table, or nothing when nothing changes. */
export function changeTable(changes, className = "changes") {
  const rows = changeRows(changes);
  if (!rows.length) return null;
  const head = [t("preview.kind"), t("preview.id"), t("preview.change"), t("preview.field")];
  const cell = (text, i) => h("td", { "data-label": head[i] },
    Array.isArray(text) ? h("ul", { class: "fields" }, text.map((line) => h("li", {}, line))) : text);
  const body = rows.slice(0, SHOWN).map((r) => h("tr", { "data-change": r[2] }, r.map(cell)));
  return h("div", { class: "changes" }, h("h4", {}, t("preview.changes")), table(head, body, className, t("preview.changes")),
    rows.length > SHOWN ? h("p", { class: "hint" }, t("preview.more", { n: formatNumber(rows.length - SHOWN) })) : null);
}
