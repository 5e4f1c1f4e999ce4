// The position page (#position/ID): what the job is, and why it matched, every part of the score in words.

import { $, h } from "../shared/dom.js";
import { failed, failure, get } from "./api.js";
import {
  benefitName,
  boothText,
  educationName,
  fill,
  industryName,
  matchedPlain,
  openingsText,
  ownershipName,
  pay,
  readFailure,
  renderTitle,
} from "./format.js";
import { formatNumber, t } from "./i18n.js";
import { saveButton } from "./saved.js";
import { known, state } from "./state.js";

/** The explanation each position got in the latest answer, by position id. */
export const explained = new Map();

export async function loadPosition(id) {
  state.position = { id, status: "loading", data: null };
  renderPosition();
  try {
    const response = await get(`/positions/${encodeURIComponent(id)}`);
    if (!response.ok) throw failed(response);
    const data = await response.json();
    if (state.position?.id !== id) return;
    state.position = { id, status: "ready", data, offline: response.headers.get("X-Offline") === "1" };
    known.set(id, data);
  } catch (error) {
    if (state.position?.id !== id) return;
    state.position = { id, status: "error", data: null, reason: failure(error) };
  }
  renderPosition();
  if (state.view === "position") $("position-title")?.focus();
}

const percent = (value) => Math.round(Math.max(0, Math.min(1, Number(value) || 0)) * 100);

/** Each part the score used, as a sentence; parts the seeker gave nothing for are left out. */
function reasons(result) {
  const e = result.explanation || {};
  const lines = [];
  const matched = e.skills?.matched || [];
  const missing = e.skills?.missing || [];
  if (matched.length)
    lines.push(t("why.skills", { list: matched.map(matchedPlain).join(t("sep.list")) }));
  if (missing.length) lines.push(t("why.missing", { list: missing.join(t("sep.list")) }));
  if (e.title?.candidate)
    lines.push(t("why.jobTitle", { title: e.title.candidate, p: percent(e.title.similarity) }));
  if (e.industry?.score != null) lines.push(t(e.industry.score > 0 ? "why.industryYes" : "why.industryNo"));
  if (e.education?.eligible === true) lines.push(t("why.eduYes"));
  if (e.education?.eligible === false) lines.push(t("why.eduNo"));
  if (e.salary?.score != null)
    lines.push(t("why.salary", { expected: formatNumber(e.salary.expected ?? 0), p: percent(e.salary.score) }));
  if (e.major?.candidate) {
    lines.push(
      e.major.position
        ? t("why.major", { major: e.major.candidate, position: e.major.position, p: percent(e.major.score) })
        : t("why.majorNo", { major: e.major.candidate }),
    );
  }
  return lines;
}

function why(id) {
  const result = explained.get(id);
  if (!result) return h("p", { class: "note", text: t("why.none") });
  return [
    h("p", { class: "why-score", text: t("card.score", { p: percent(result.score) }) }),
    h(
      "ul",
      { class: "why" },
      reasons(result).map((line) => h("li", { text: line })),
    ),
  ];
}

export function renderPosition() {
  renderTitle();
  const body = $("position-body");
  const current = state.position;
  if (!current) return;
  body.setAttribute("aria-busy", current.status === "loading" ? "true" : "false");
  if (current.status === "loading") {
    fill(body, h("h2", { id: "position-title", tabindex: "-1", text: t("position.loading") }));
    return;
  }
  if (current.status === "error") {
    fill(body, readFailure("position", current.reason, "position-title", () => loadPosition(current.id)));
    return;
  }
  const p = current.data;
  const e = p.employer || {};
  const section = (title, ...content) =>
    h("section", { class: "pos-part" }, h("h3", { text: title }), content.flat());
  fill(
    body,
    current.offline ? h("p", { class: "offline-note", text: t("offline.saved") }) : null,
    h("div", { class: "pos-head" }, h("h2", { id: "position-title", tabindex: "-1", text: p.title }), saveButton(p)),
    h(
      "p",
      { class: "card-employer" },
      h("a", { class: "employer-link", href: `#employer/${encodeURIComponent(e.id)}`, text: e.name }),
      h("span", { class: "booth", text: boothText(e.booth) }),
    ),
    h(
      "ul",
      { class: "facts" },
      h("li", { class: "fact pay" }, pay(p)),
      h("li", { class: "fact" }, openingsText(p.openings)),
      h("li", { class: "fact" }, t("card.education", { level: educationName(p.education) })),
      h("li", { class: "fact" }, industryName(p.industry)),
      e.ownership ? h("li", { class: "fact" }, ownershipName(e.ownership)) : null,
    ),
    (p.benefits || []).length
      ? section(t("position.benefits"), h("ul", { class: "skills benefits" }, p.benefits.map((b) => h("li", { class: "skill benefit", text: benefitName(b) }))))
      : null,
    section(
      t("position.majors"),
      h("p", { text: (p.majors || []).length ? p.majors.join(t("sep.list")) : t("position.anyMajor") }),
    ),
    (p.skills || []).length
      ? section(t("position.skills"), h("ul", { class: "skills" }, p.skills.map((s) => h("li", { class: "skill", text: s }))))
      : null,
    section(t("position.description"), h("p", { class: "pos-desc", text: p.description || t("position.noDescription") })),
    section(t("why.title"), why(p.id)),
  );
}
