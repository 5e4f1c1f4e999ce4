// 下一步学什么, under the results: the skills that would make the seeker meet every requirement of the most
// more positions (exact counts, from POST /guidance), and which of their skills this fair asks for most.

import { $, h } from "../shared/dom.js";
import { post } from "./api.js";
import { fill } from "./format.js";
import { formatNumber, lang, t } from "./i18n.js";
import { state } from "./state.js";
import "./station-i18n.js";

let current = { key: null, data: null, status: "idle" };
let controller = null;

// What POST /guidance reads (GuidanceRequestSchema): the profile and the filters a match of any kind takes.
// It refuses any other field, so the order and the page's own filters (benefits, majors) stay out of it.
const PROFILE_FIELDS = ["titles", "skills", "industries", "education", "major", "expected_salary"];
const FILTER_FIELDS = ["industries", "ownership", "min_salary", "education_eligible"];

const picked = (source, names) =>
  Object.fromEntries(names.filter((name) => source[name] !== undefined).map((name) => [name, source[name]]));

/** The guidance request for a match request: the fields guidance reads, nothing else. */
export function guidanceRequest(request) {
  const body = picked(request || {}, PROFILE_FIELDS);
  const filters = picked(request?.filters || {}, FILTER_FIELDS);
  if (Object.keys(filters).length) body.filters = filters;
  return body;
}

function suggestionItem(s) {
  return h(
    "li",
    { class: "learn" },
    h("p", { class: "learn-text", text: lang() === "zh" ? s.explanation : s.explanation_en }),
    s.positions?.length
      ? h("p", { class: "learn-examples", text: s.positions.map((p) => `${p.title} · ${p.employer.booth || ""}`).join(t("guidance.examplesSep")) })
      : null,
    h("button", {
      type: "button",
      class: "secondary learn-add",
      "data-learn": s.skill,
      text: `${t("guidance.add")}${t("sep.colon")}${s.skill}`,
    }),
  );
}

export function renderGuidance() {
  const box = $("guidance");
  if (!box) return;
  if (state.status !== "ready" || !current.data) {
    box.hidden = state.status !== "ready" || current.status !== "loading";
    if (!box.hidden) fill($("guidance-body"), h("p", { class: "hint", text: t("guidance.loading") }));
    return;
  }
  const data = current.data;
  const intro = { titles: "guidance.introTitles", skills: "guidance.introSkills" }[data.scope] || "guidance.intro";
  const counts = { n: formatNumber(data.qualified), m: formatNumber(data.considered) };
  const parts = [h("p", { class: "guidance-intro", text: t(intro, counts) })];
  parts.push(
    data.suggestions.length
      ? h("ol", { class: "learn-list" }, ...data.suggestions.map(suggestionItem))
      : h("p", { class: "hint", text: t("guidance.none") }),
  );
  const diagnosis = data.diagnosis || {};
  if (diagnosis.asked_most?.length) {
    parts.push(
      h("h3", { text: t("guidance.asked") }),
      h("ul", { class: "asked-list" },
        ...diagnosis.asked_most.slice(0, 5).map((a) =>
          h("li", { text: t("guidance.askedItem", { skill: a.skill, n: formatNumber(a.listed) }) }))),
    ); // prettier-ignore
  }
  if (diagnosis.unused?.length) {
    parts.push(
      h("h3", { text: t("guidance.unused") }),
      h("ul", { class: "unused-list" }, ...diagnosis.unused.map((u) => h("li", { text: u.text[lang()] || u.text.zh }))),
    );
  }
  fill($("guidance-body"), ...parts);
  box.hidden = false;
}

/** Asks for guidance on the profile of the answer just shown (once per distinct request). */
export async function loadGuidance() {
  const request = guidanceRequest(state.request);
  const key = JSON.stringify(request);
  if (key === current.key && current.data) return renderGuidance();
  controller?.abort();
  controller = new AbortController();
  current = { key, data: null, status: "loading" };
  renderGuidance();
  try {
    const response = await post("/guidance", request, { signal: controller.signal });
    if (!response.ok) throw new Error(String(response.status));
    current = { key, data: await response.json(), status: "ready" };
  } catch (error) {
    if (error.name === "AbortError") return;
    current = { key, data: null, status: "error" };
  }
  renderGuidance();
}

/** ``onAdd(skill)``: what pressing 加入我的技能 does (the page adds the skill and matches again). */
export function bindGuidance(onAdd) {
  $("guidance").addEventListener("click", (event) => {
    const button = event.target.closest("[data-learn]");
    if (button) onAdd(button.dataset.learn);
  });
}
