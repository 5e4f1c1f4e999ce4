// What the views share: the fair's industries (read once), labels for keys, a status line, a table.

import { $, h } from "../shared/dom.js";
import { lang, t } from "./i18n.js";

export const OWNERSHIP = ["state_owned", "private", "education_training"];
export const EDUCATION = ["none", "junior_high", "high_school", "secondary_vocational", "associate", "bachelor", "master",
  "doctorate"];
export const state = { industries: [], fair: null };

export function industryLabel(key) {
  const found = state.industries.find((i) => i.key === key);
  return found ? (lang() === "en" ? found.en : found.zh) : key;
}

export function ownershipLabel(key) {
  return OWNERSHIP.includes(key) ? t(`ownership.${key}`) : key;
}

export function educationLabel(key) {
  return EDUCATION.includes(key) ? t(`education.${key}`) : key;
}

export function say(id, text, kind = "") {
  const node = $(id);
  node.textContent = text;
  node.className = `message ${kind}`.trim();
}

/** A table in a region that scrolls sideways on a phone and, being focusable, from the keyboard too. */
export function table(head, rows, className, label = "") {
  return h("div", { class: "scroll", tabindex: 0, role: "region", "aria-label": label || head.filter(Boolean).join(" · ") },
    h("table", { class: className },
      h("thead", {}, h("tr", {}, head.map((text) => h("th", { scope: "col" }, text)))),
      h("tbody", {}, rows)));
}
