// Saving positions to the visit list: the save buttons, the snapshot kept on the device, the nav count.

import { $, h } from "../shared/dom.js";
import { formatNumber, t } from "./i18n.js";
import * as store from "./store.js";
import { known, state } from "./state.js";

export function saveButton(position) {
  const saved = state.visit.some((item) => item.id === position.id);
  return h(
    "button",
    {
      type: "button",
      class: "save",
      "data-save": position.id,
      "aria-pressed": saved ? "true" : "false",
      "aria-label": t("card.saveLabel", { title: position.title }),
    },
    h("span", { class: "save-star", "aria-hidden": "true", text: saved ? "★" : "☆" }),
    h("span", { class: "save-text", text: saved ? t("card.saved") : t("card.save") }),
  );
}

export function snapshot(position) {
  const e = position.employer || {};
  return {
    id: position.id,
    title: position.title,
    employer: { id: e.id, name: e.name, booth: e.booth ?? null, ownership: e.ownership },
    industry: position.industry,
    education: position.education,
    salary_min: position.salary_min ?? null,
    salary_max: position.salary_max ?? null,
    openings: position.openings ?? 1,
  };
}

export function toggleSaved(id) {
  const index = state.visit.findIndex((item) => item.id === id);
  if (index >= 0) state.visit.splice(index, 1);
  else {
    const position = known.get(id);
    if (!position) return;
    state.visit.push(snapshot(position));
  }
  store.saveVisit(state.visit);
  const saved = index < 0;
  for (const button of document.querySelectorAll(`[data-save="${CSS.escape(id)}"]`)) {
    button.setAttribute("aria-pressed", saved ? "true" : "false");
    button.querySelector(".save-star").textContent = saved ? "★" : "☆";
    button.querySelector(".save-text").textContent = saved ? t("card.saved") : t("card.save");
  }
  renderNavCount();
}

export function renderNavCount() {
  const count = $("nav-count");
  count.textContent = formatNumber(state.visit.length);
  count.hidden = state.visit.length === 0;
}
