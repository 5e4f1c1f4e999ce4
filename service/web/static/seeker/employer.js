// The employer view: its booth, what it is, and all its positions.

import { $, h } from "../shared/dom.js";
import { failed, failure, get } from "./api.js";
import {
  educationName,
  fill,
  industryName,
  openingsText,
  ownershipName,
  pay,
  readFailure,
  renderTitle,
} from "./format.js";
import { formatNumber, t } from "./i18n.js";
import { saveButton } from "./saved.js";
import { known, state } from "./state.js";

export async function loadEmployer(id) {
  state.employer = { id, status: "loading", data: null };
  renderEmployer();
  try {
    const response = await get(`/employers/${encodeURIComponent(id)}`);
    if (!response.ok) throw failed(response);
    const data = await response.json();
    if (state.employer?.id !== id) return;
    state.employer = { id, status: "ready", data };
  } catch (error) {
    if (state.employer?.id !== id) return;
    state.employer = { id, status: "error", data: null, reason: failure(error) };
  }
  renderEmployer();
  if (state.view === "employer") $("employer-name")?.focus();
}

export function renderEmployer() {
  renderTitle();
  const body = $("employer-body");
  const current = state.employer;
  if (!current) return;
  if (current.status === "loading") {
    body.setAttribute("aria-busy", "true");
    fill(body, h("h2", { id: "employer-name", tabindex: "-1", text: t("employer.loading") }));
    return;
  }
  body.setAttribute("aria-busy", "false");
  if (current.status === "error") {
    fill(body, readFailure("employer", current.reason, "employer-name", () => loadEmployer(current.id)));
    return;
  }
  const e = current.data;
  const positions = e.positions || [];
  for (const p of positions)
    known.set(p.id, {
      ...p,
      employer: p.employer || { id: e.id, name: e.name, booth: e.booth, ownership: e.ownership },
    });
  fill(
    body,
    h(
      "div",
      { class: "employer-head" },
      h(
        "div",
        { class: "booth-big" },
        h("span", { class: "booth-label", text: t("employer.booth") }),
        h("strong", { text: e.booth || "—" }),
      ),
      h(
        "div",
        { class: "employer-title" },
        h("h2", { id: "employer-name", tabindex: "-1", text: e.name }),
        h(
          "ul",
          { class: "facts" },
          h("li", { class: "fact" }, ownershipName(e.ownership)),
          h("li", { class: "fact" }, industryName(e.industry)),
        ),
      ),
    ),
    e.description ? h("p", { class: "employer-desc", text: e.description }) : null,
    h("h3", {
      class: "employer-positions-title",
      text: t("employer.positions", { n: formatNumber(positions.length) }),
    }),
    h(
      "ul",
      { class: "employer-positions" },
      positions.map((p) => {
        const position = known.get(p.id);
        return h(
          "li",
          { class: "pos", "data-position": p.id },
          h(
            "div",
            { class: "pos-head" },
            h("h4", { class: "pos-title" }, h("a", { class: "position-link", href: `#position/${encodeURIComponent(p.id)}`, text: p.title })),
            saveButton(position),
          ),
          h(
            "ul",
            { class: "facts" },
            h("li", { class: "fact pay" }, pay(p)),
            h("li", { class: "fact" }, openingsText(p.openings)),
            p.education
              ? h("li", { class: "fact" }, t("card.education", { level: educationName(p.education) }))
              : null,
          ),
          (p.skills || []).length
            ? h(
                "ul",
                { class: "skills" },
                p.skills.map((s) => h("li", { class: "skill", text: s })),
              )
            : null,
        );
      }),
    ),
  );
}
