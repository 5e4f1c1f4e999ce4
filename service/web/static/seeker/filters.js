// The hard filters over the results: their options, the active count, and clearing them.

import { $, h } from "../shared/dom.js";
import { fill, industryName, ownershipName } from "./format.js";
import { formatNumber, t } from "./i18n.js";
import { search } from "./search.js";
import { OWNERSHIP, SALARY_STEPS, emptyFilters, persist, state } from "./state.js";

export function renderFilterOptions() {
  const industry = $("f-industry");
  fill(
    industry,
    h("option", { value: "", text: t("filters.anyIndustry") }),
    ...state.industries.map((item) => h("option", { value: item.key, text: industryName(item.key) })),
  );
  industry.value = state.filters.industry;
  const ownership = $("f-ownership");
  fill(
    ownership,
    h("option", { value: "", text: t("filters.anyOwnership") }),
    ...OWNERSHIP.map((key) => h("option", { value: key, text: ownershipName(key) })),
  );
  ownership.value = state.filters.ownership;
  const salary = $("f-salary");
  fill(
    salary,
    h("option", { value: "", text: t("filters.anySalary") }),
    ...SALARY_STEPS.map((n) => h("option", { value: String(n), text: `≥ ${formatNumber(n)}` })),
  );
  salary.value = state.filters.minSalary;
  $("f-eligible").checked = state.filters.eligible;
  renderEligibleHint();
  renderFilterCount();
}

export function renderFilterCount() {
  const count = activeFilterNames().length;
  const badge = $("filter-count");
  badge.textContent = formatNumber(count);
  badge.hidden = count === 0;
}

export function renderEligibleHint() {
  const hint = $("f-eligible-hint");
  hint.textContent = t("filters.needEducation");
  hint.hidden = !(state.filters.eligible && !state.profile.education);
}

export function activeFilterNames() {
  const f = state.filters;
  const names = [];
  if (f.industry) names.push(`${t("filters.industry")}${t("sep.colon")}${industryName(f.industry)}`);
  if (f.ownership) names.push(`${t("filters.ownership")}${t("sep.colon")}${ownershipName(f.ownership)}`);
  if (f.minSalary) names.push(`${t("filters.minSalary")} ≥ ${formatNumber(Number(f.minSalary))}`);
  if (f.eligible) names.push(t("filters.eligible"));
  return names;
}

export function bindFilters() {
  const update = () => {
    state.filters = {
      industry: $("f-industry").value,
      ownership: $("f-ownership").value,
      minSalary: $("f-salary").value,
      eligible: $("f-eligible").checked,
    };
    persist();
    renderEligibleHint();
    renderFilterCount();
    if (state.submitted) search();
  };
  for (const id of ["f-industry", "f-ownership", "f-salary", "f-eligible"])
    $(id).addEventListener("change", update);
}

export function clearFilters() {
  state.filters = emptyFilters();
  renderFilterOptions();
  persist();
  search();
}
