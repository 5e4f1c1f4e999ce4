// The fair at a glance: counts, positions by industry and ownership, pay ranges, and seekers' demand.

import { bars, ranges } from "./charts.js";
import { $, h } from "../shared/dom.js";
import { call, session } from "./api.js";
import { formatNumber, t } from "./i18n.js";
import { industryLabel, ownershipLabel, state } from "./labels.js";

const COLOURS = { positions: "#234e70", openings: "#e0a526", employers: "#6b8f71", matched: "#234e70", unmatched: "#c0502a" };

function plot(id, content) {
  const target = document.querySelector(`#${id} .plot`);
  target.replaceChildren(typeof content === "string" ? h("p", { class: "empty" }, content) : content);
}

function legend(entries) {
  return h("p", { class: "legend" }, entries.map(([name, colour]) =>
    h("span", {}, h("i", { style: `background:${colour}` }), name)));
}

export async function refreshFair() {
  const { status, body } = await call("/fair");
  state.fair = status === 200 ? body : null;
  for (const [id, key] of [["dash-employers", "employers"], ["dash-positions", "positions"], ["dash-openings", "openings"]]) {
    $(id).textContent = state.fair ? formatNumber(state.fair.counts[key]) : "—";
  }
  $("dash-version").textContent = state.fair ? String(state.fair.data_version) : "—";
  if (!state.fair) {
    plot("chart-industry", t("dash.noFair"));
    plot("chart-ownership", t("dash.noFair"));
    return;
  }
  const industryItems = Object.entries(state.fair.counts.by_industry)
    .filter(([, c]) => c.positions > 0)
    .sort((a, b) => b[1].positions - a[1].positions)
    .map(([key, c]) => ({ label: industryLabel(key), values: [c.positions, c.openings] }));
  const series = [{ name: t("legend.positions"), colour: COLOURS.positions }, { name: t("legend.openings"), colour: COLOURS.openings }];
  const industry = h("div", {}, legend(series.map((s) => [s.name, s.colour])),
    bars(industryItems, { series, label: t("dash.industry"), format: formatNumber }));
  plot("chart-industry", industryItems.length ? industry : t("dash.none"));
  const ownershipItems = Object.entries(state.fair.counts.by_ownership)
    .map(([key, c]) => ({ label: ownershipLabel(key), values: [c.employers, c.positions] }));
  const ownershipSeries = [{ name: t("legend.employers"), colour: COLOURS.employers }, { name: t("legend.positions"), colour: COLOURS.positions }];
  plot("chart-ownership", h("div", {}, legend(ownershipSeries.map((s) => [s.name, s.colour])),
    bars(ownershipItems, { series: ownershipSeries, label: t("dash.ownership"), format: formatNumber })));
}

export async function refreshPay() {
  if (!session.token()) return plot("chart-pay", t("dash.signin"));
  const { status, body } = await call("/stats/pay");
  if (status !== 200) return plot("chart-pay", t("dash.none"));
  const items = body.industries.filter((i) => i.with_pay > 0).map((i) => ({
    label: industryLabel(i.industry), min: i.min, max: i.max, median: i.median,
    medianMin: i.median_min, medianMax: i.median_max,
  }));
  plot("chart-pay", items.length ? ranges(items, { label: t("dash.pay"), format: (n) => formatNumber(Math.round(n)) }) : t("dash.none"));
}

export async function refreshDemand() {
  if (!session.token()) {
    plot("chart-skills", t("dash.signin"));
    return plot("chart-gap", t("dash.signin"));
  }
  const { status, body } = await call("/stats/demand?limit=15");
  if (status !== 200) return;
  const times = (n) => t("unit.times", { n: formatNumber(n) });
  const top = body.top.map((s) => ({ label: s.skill, values: [s.count], colour: s.matched ? COLOURS.matched : COLOURS.unmatched }));
  const series = [{ name: "", colour: COLOURS.matched }];
  plot("chart-skills", top.length
    ? h("div", {}, legend([[t("legend.matched"), COLOURS.matched], [t("legend.unmatched"), COLOURS.unmatched]]),
        bars(top, { series, label: t("dash.skills"), format: times }))
    : t("dash.none"));
  const gap = body.gap.map((s) => ({ label: s.skill, values: [s.count], colour: COLOURS.unmatched }));
  plot("chart-gap", gap.length ? bars(gap, { series, label: t("dash.gap"), format: times }) : t("dash.none"));
}
