// The profile form: education, industry chips, skill tags; reading and writing it; the match request
// it makes.

import { $, h } from "../shared/dom.js";
import { clip, fill, formMessage, industryName, splitTitles } from "./format.js";
import { t } from "./i18n.js";
import { closeSuggestions } from "./skills.js";
import { renderFilterOptions } from "./filters.js";
import { EDUCATION, SEPARATORS, persist, state } from "./state.js";

export function renderEducation() {
  const select = $("education");
  fill(
    select,
    h("option", { value: "", text: t("education.unset") }),
    ...EDUCATION.map((key) => h("option", { value: key, text: t(`education.${key}`) })),
  );
  select.value = state.profile.education || "";
}

export function renderIndustryChips() {
  const box = $("industry-chips");
  fill(
    box,
    ...state.industries.map((item) =>
      h(
        "label",
        { class: "chip" },
        h("input", {
          type: "checkbox",
          name: "industries",
          value: item.key,
          checked: state.profile.industries.includes(item.key),
          "aria-describedby": "industries-hint",
        }),
        h("span", { text: industryName(item.key) }),
      ),
    ),
  );
}

export function renderSkillTags() {
  const list = $("skill-tags");
  fill(
    list,
    ...state.profile.skills.map((skill, index) =>
      h(
        "li",
        { class: "tag" },
        h("span", { class: "tag-text", text: skill }),
        h("button", {
          type: "button",
          class: "tag-remove",
          "aria-label": t("form.removeSkill", { skill }),
          "data-index": index,
          text: "×",
        }),
      ),
    ),
  );
  list.hidden = state.profile.skills.length === 0;
}

export function writeForm() {
  $("titles").value = state.profile.titles;
  $("salary").value = state.profile.salary;
  $("major").value = state.profile.major;
  $("skill-input").value = "";
  renderEducation();
  renderIndustryChips();
  renderSkillTags();
  renderFilterOptions();
}

export function readForm() {
  state.profile.titles = $("titles").value;
  state.profile.salary = $("salary").value;
  state.profile.major = $("major").value;
  state.profile.education = $("education").value;
  state.profile.industries = [...document.querySelectorAll("#industry-chips input:checked")].map(
    (i) => i.value,
  );
}

export const MAX_SKILLS = 50; // as many as the service reads

export function addSkills(text) {
  let added = false;
  for (const raw of String(text).split(SEPARATORS)) {
    const skill = clip(raw.trim());
    if (!skill || state.profile.skills.length >= MAX_SKILLS) continue;
    if (state.profile.skills.some((s) => s.toLowerCase() === skill.toLowerCase())) continue;
    state.profile.skills.push(skill);
    added = true;
  }
  if (added) {
    renderSkillTags();
    persist();
  }
  return added;
}

export function commitPendingSkill() {
  const input = $("skill-input");
  if (input.value.trim()) addSkills(input.value);
  // only the cap leaves a skill out: what was typed stays, to put in place of one taken off
  if (!known(input.value)) return formMessage("form.tooManySkills");
  if ($("form-message").dataset.i18n === "form.tooManySkills") formMessage("");
  input.value = "";
  closeSuggestions();
}

/** Whether every skill in a text is among the profile's already (a repeat adds nothing and is no loss). */
function known(text) {
  const have = new Set(state.profile.skills.map((s) => s.toLowerCase()));
  return String(text)
    .split(SEPARATORS)
    .map((raw) => clip(raw.trim()).toLowerCase())
    .every((skill) => !skill || have.has(skill));
}

export function buildRequest() {
  const p = state.profile;
  const body = {};
  const titles = splitTitles(p.titles);
  if (titles.length) body.titles = titles;
  if (p.skills.length) body.skills = [...p.skills];
  if (p.industries.length) body.industries = [...p.industries];
  if (p.education) body.education = p.education;
  const salary = Number.parseInt(p.salary, 10);
  if (Number.isFinite(salary) && salary > 0) body.expected_salary = Math.min(salary, 1000000);
  if (p.major.trim()) body.major = clip(p.major.trim());
  const f = state.filters;
  const filters = {};
  if (f.industry) filters.industries = [f.industry];
  if (f.ownership) filters.ownership = [f.ownership];
  if (f.minSalary) filters.min_salary = Number.parseInt(f.minSalary, 10);
  if (f.eligible) filters.education_eligible = true;
  if (f.benefits.length) filters.benefits = [...f.benefits];
  if (f.major && body.major) {
    filters.majors = [body.major];
    if (f.major === "open") filters.include_open_majors = true;
  }
  if (Object.keys(filters).length) body.filters = filters;
  if (f.sort !== "match") body.sort = f.sort;
  return body;
}

export function profileIsEmpty() {
  const p = state.profile;
  return !splitTitles(p.titles).length && !p.skills.length && !p.industries.length && !p.major.trim();
}
