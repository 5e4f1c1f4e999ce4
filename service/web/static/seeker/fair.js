// The fair at a glance: its counts and two charts.

import { $, h } from "../shared/dom.js";
import { barChart, donutChart } from "./charts.js";
import { get } from "./api.js";
import { fill, industryName, ownershipName } from "./format.js";
import { formatNumber, t } from "./i18n.js";
import { renderFilterOptions } from "./filters.js";
import { renderIndustryChips } from "./profile.js";
import { renderResults } from "./results.js";
import { OWNERSHIP, OWNERSHIP_COLOURS, state } from "./state.js";
import { renderList } from "./visit.js";

export async function loadFair() {
  try {
    const [fairResponse, industryResponse] = await Promise.all([
      get("/fair"),
      get("/industries"),
    ]);
    if (industryResponse.ok) {
      const list = await industryResponse.json();
      const core = list.filter((item) => item.core);
      if (core.length) {
        state.industries = core.map(({ key, zh, en }) => ({ key, zh, en }));
        renderIndustryChips();
        renderFilterOptions();
      }
    }
    if (!fairResponse.ok) throw new Error(String(fairResponse.status));
    state.fair = await fairResponse.json();
    state.fairFailed = false;
  } catch {
    state.fairFailed = true;
  }
  renderFair();
  renderResults();
  if (state.view === "list") renderList(); // the hall plan came with the fair
}

export function renderFair() {
  const counts = state.fair?.counts;
  const placeholder = state.fairFailed ? "—" : "…";
  $("stat-employers").textContent = counts ? formatNumber(counts.employers) : placeholder;
  $("stat-positions").textContent = counts ? formatNumber(counts.positions) : placeholder;
  $("stat-openings").textContent = counts ? formatNumber(counts.openings) : placeholder;
  const industryBox = $("chart-industry");
  const ownershipBox = $("chart-ownership");
  const legend = $("legend-ownership");
  if (!counts) {
    const text = state.fairFailed ? t("fair.error") : t("fair.loading");
    fill(industryBox, h("p", { class: "note", text }));
    fill(ownershipBox);
    fill(legend);
    return;
  }
  const byIndustry = counts.by_industry || {};
  const items = Object.entries(byIndustry)
    .filter(([, value]) => value.positions > 0)
    .map(([key, value]) => ({ label: industryName(key), value: value.positions }))
    .sort((a, b) => b.value - a.value);
  fill(
    industryBox,
    barChart(items, {
      label: `${t("glance.industryDesc")}${t("sep.colon")}${items.map((i) => `${i.label} ${formatNumber(i.value)}`).join(t("sep.list"))}`,
      format: formatNumber,
    }),
  );
  const byOwnership = counts.by_ownership || {};
  const slices = OWNERSHIP.filter((key) => byOwnership[key]).map((key) => ({
    key,
    label: ownershipName(key),
    value: byOwnership[key].employers,
    color: OWNERSHIP_COLOURS[key],
  }));
  const employers = slices.reduce((sum, s) => sum + s.value, 0) || 1;
  fill(
    ownershipBox,
    donutChart(slices, {
      label: `${t("glance.ownershipDesc")}${t("sep.colon")}${slices.map((s) => `${s.label} ${s.value}`).join(t("sep.list"))}`,
      center: formatNumber(counts.employers),
      sub: t("fair.employers"),
    }),
  );
  fill(
    legend,
    ...slices.map((s) =>
      h(
        "li",
        {},
        h("span", { class: "swatch", style: `background:${s.color}`, "aria-hidden": "true" }),
        h("span", { class: "legend-label", text: s.label }),
        h("span", {
          class: "legend-value",
          text: `${t("glance.employers", { n: formatNumber(s.value) })} · ${Math.round((s.value / employers) * 100)}%`,
        }),
      ),
    ),
  );
}
