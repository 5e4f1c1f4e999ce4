// The hard filters over the results (industry, employer type, pay, education, major, benefits) and the order;
// their options, the active count, and clearing them.

import { $, h } from "../shared/dom.js";
import { benefitName, fill, industryName, ownershipName } from "./format.js";
import { formatNumber, t } from "./i18n.js";
import { search } from "./search.js";
import { BENEFITS, MAJOR_FILTERS, OWNERSHIP, SALARY_STEPS, SORTS, emptyFilters, persist, state } from "./state.js";

const option = (value, text) => h("option", { value, text });

export function renderFilterOptions() {
  const f = state.filters;
  const industry = $("f-industry");
  fill(
    industry,
    option("", t("filters.anyIndustry")),
    ...state.industries.map((item) => option(item.key, industryName(item.key))),
  );
  industry.value = f.industry;
  const ownership = $("f-ownership");
  fill(ownership, option("", t("filters.anyOwnership")), ...OWNERSHIP.map((key) => option(key, ownershipName(key))));
  ownership.value = f.ownership;
  const salary = $("f-salary");
  fill(
    salary,
    option("", t("filters.anySalary")),
    ...SALARY_STEPS.map((n) => option(String(n), `≥ ${formatNumber(n)}`)),
  );
  salary.value = f.minSalary;
  const major = $("f-major");
  fill(major, option("", t("filters.anyMajor")), ...MAJOR_FILTERS.map((key) => option(key, t(`filters.major.${key}`))));
  major.value = f.major;
  const sort = $("f-sort");
  fill(sort, ...SORTS.map((key) => option(key, t(`filters.sort.${key}`))));
  sort.value = f.sort;
  fill(
    $("f-benefits"),
    ...BENEFITS.map((key) =>
      h(
        "label",
        { class: "chip-check" },
        h("input", { type: "checkbox", value: key, checked: f.benefits.includes(key), "data-benefit": key }),
        h("span", { text: benefitName(key) }),
      ),
    ),
  );
  $("f-eligible").checked = f.eligible;
  renderEligibleHint();
  renderFilterCount();
}

export function renderFilterCount() {
  const count = activeFilterNames().length + (state.filters.sort !== "match" ? 1 : 0);
  const badge = $("filter-count");
  badge.textContent = formatNumber(count);
  badge.hidden = count === 0;
  $("f-reset").hidden = count === 0;
}

/** The hints under the filters that need something from the profile (education, major). */
export function renderEligibleHint() {
  const hint = $("f-eligible-hint");
  hint.textContent = t("filters.needEducation");
  hint.hidden = !(state.filters.eligible && !state.profile.education);
  const majorHint = $("f-major-hint");
  majorHint.textContent = t("filters.needMajor");
  majorHint.hidden = !(state.filters.major && !state.profile.major.trim());
}

export function activeFilterNames() {
  const f = state.filters;
  const names = [];
  const named = (label, value) => `${t(label)}${t("sep.colon")}${value}`;
  if (f.industry) names.push(named("filters.industry", industryName(f.industry)));
  if (f.ownership) names.push(named("filters.ownership", ownershipName(f.ownership)));
  if (f.minSalary) names.push(`${t("filters.minSalary")} ≥ ${formatNumber(Number(f.minSalary))}`);
  if (f.eligible) names.push(t("filters.eligible"));
  if (f.major) names.push(named("filters.major", t(`filters.major.${f.major}`)));
  for (const key of f.benefits) names.push(benefitName(key));
  return names;
}

function readFilters() {
  return {
    industry: $("f-industry").value,
    ownership: $("f-ownership").value,
    minSalary: $("f-salary").value,
    eligible: $("f-eligible").checked,
    benefits: BENEFITS.filter((key) => $("f-benefits").querySelector(`[data-benefit="${key}"]`)?.checked),
    major: $("f-major").value,
    sort: $("f-sort").value || "match",
  };
}

export function bindFilters() {
  const update = () => {
    state.filters = readFilters();
    persist();
    renderEligibleHint();
    renderFilterCount();
    if (state.submitted) search();
  };
  for (const id of ["f-industry", "f-ownership", "f-salary", "f-eligible", "f-major", "f-sort", "f-benefits"])
    $(id).addEventListener("change", update);
  $("f-reset").addEventListener("click", () => {
    clearFilters();
    $("f-industry").focus();
  });
}

export function clearFilters() {
  state.filters = emptyFilters();
  renderFilterOptions();
  persist();
  search();
}
