// One result as a card: title, employer and booth, the facts, the score, the skills matched and missing.

import { h } from "../shared/dom.js";
import {
  boothText,
  educationName,
  industryName,
  matchedText,
  openingsText,
  ownershipName,
  pay,
} from "./format.js";
import { formatNumber, t } from "./i18n.js";
import { explained } from "./position.js";
import { saveButton } from "./saved.js";
import { MISSING_SHOWN, known } from "./state.js";

export function facts(position, explanation) {
  const items = [
    h("li", { class: "fact pay" }, pay(position)),
    h("li", { class: "fact" }, openingsText(position.openings)),
    h("li", { class: "fact" }, industryName(position.industry)),
  ];
  if (position.employer?.ownership)
    items.push(h("li", { class: "fact" }, ownershipName(position.employer.ownership)));
  if (position.education) {
    const eligible = explanation?.education?.eligible;
    items.push(
      h(
        "li",
        {
          class: `fact${eligible === false ? " fact-warn" : ""}`,
          title: eligible === false ? t("card.eduNo") : null,
        },
        t("card.education", { level: educationName(position.education) }),
        eligible === false ? h("span", { class: "sr-only" }, `（${t("card.eduNo")}）`) : null,
      ),
    );
  }
  return h("ul", { class: "facts" }, items);
}

function skillLines(position, explanation) {
  const matched = explanation?.skills?.matched || [];
  const missing = explanation?.skills?.missing || [];
  if (!matched.length && !missing.length) {
    return (position.skills || []).length ? null : h("p", { class: "skills-none", text: t("card.noSkills") });
  }
  const lines = [];
  if (matched.length) {
    lines.push(
      h(
        "div",
        { class: "skill-line" },
        h("span", { class: "skill-label", text: t("card.matched") }),
        h(
          "ul",
          { class: "skills" },
          matched.map((m) =>
            h(
              "li",
              { class: "skill hit" },
              h("span", { "aria-hidden": "true", class: "tick", text: "✓" }),
              matchedText(m),
            ),
          ),
        ),
      ),
    );
  }
  if (missing.length) {
    lines.push(
      h(
        "div",
        { class: "skill-line" },
        h("span", { class: "skill-label", text: t("card.missing") }),
        h(
          "ul",
          { class: "skills" },
          missing.slice(0, MISSING_SHOWN).map((name) => h("li", { class: "skill miss", text: name })),
          missing.length > MISSING_SHOWN
            ? h(
                "li",
                { class: "skill more", title: missing.slice(MISSING_SHOWN).join("、") },
                t("card.moreSkills", { n: missing.length - MISSING_SHOWN }),
              )
            : null,
        ),
      ),
    );
  }
  return lines;
}

export function card(result) {
  const position = result.position;
  known.set(position.id, position);
  explained.set(position.id, result);
  const employer = position.employer || {};
  const percent = Math.round(Math.max(0, Math.min(1, Number(result.score) || 0)) * 100);
  return h(
    "li",
    { class: "card", "data-position": position.id, "data-industry": position.industry },
    h(
      "div",
      { class: "card-head" },
      h("span", { class: "rank", "aria-hidden": "true", text: result.rank ?? "" }),
      h(
        "h3",
        { class: "card-title" },
        h("span", { class: "sr-only", text: `${t("card.rank", { n: result.rank })} ` }),
        h("a", { class: "position-link", href: `#position/${encodeURIComponent(position.id)}`, text: position.title }),
      ),
      saveButton(position),
    ),
    h(
      "p",
      { class: "card-employer" },
      h("a", {
        class: "employer-link",
        href: `#employer/${encodeURIComponent(employer.id)}`,
        "data-employer": employer.id,
        "aria-label": t("card.employerLabel", { name: employer.name }),
        text: employer.name,
      }),
      h("span", { class: "booth", text: boothText(employer.booth) }),
    ),
    facts(position, result.explanation),
    h(
      "div",
      { class: "score" },
      h("span", { class: "score-bar", "aria-hidden": "true" }, h("span", { style: `width:${percent}%` })),
      h("span", { class: "score-text", text: t("card.score", { p: percent }) }),
    ),
    skillLines(position, result.explanation),
  );
}
