// The history of published states: when, who, which file, the counts; newest first.

import { $, h } from "../shared/dom.js";
import { call, changed, session } from "./api.js";
import { formatNumber, lang, t } from "./i18n.js";

function sourceLabel(item) {
  if (item.filename && item.source !== "correction") return item.filename;
  if (item.source === "correction") return `${t("history.correction")} ${item.filename || ""}`.trim();
  if (item.source === "default") return t("history.default");
  if (item.source === "cli") return t("history.cli");
  if (item.source === "restore") return `${t("history.restore.source")} ${item.filename || ""}`.trim();
  return "—";
}

function triple(counts) {
  return counts ? [counts.created, counts.updated, counts.deleted].map((n) => formatNumber(n ?? 0)).join(" / ") : "—";
}

export async function refreshHistory() {
  if (!session.token()) return $("history").replaceChildren(h("tr", {}, h("td", { colspan: 8 }, t("dash.signin"))));
  const { status, body } = await call("/fixtures/history?limit=50");
  if (status !== 200) return;
  const when = new Intl.DateTimeFormat(lang() === "en" ? "en-GB" : "zh-CN", { dateStyle: "short", timeStyle: "medium" });
  const heads = ["when", "file", "mode", "employers", "positions", "who", "version", "action"].map((k) => t(`history.${k}`));
  const cell = (i, props, content) => h("td", { ...props, "data-label": heads[i] }, content);
  const rows = body.items.map((item, i) =>
    h("tr", {},
      cell(0, {}, when.format(new Date(item.at))),
      cell(1, { class: "file" }, sourceLabel(item)),
      cell(2, {}, t(`mode.${item.mode}`)),
      cell(3, {}, triple(item.counts.employers)),
      cell(4, {}, triple(item.counts.positions)),
      cell(5, {}, item.actor || "—"),
      cell(6, {}, String(item.data_version)),
      item.kept && i > 0
        ? cell(7, {}, h("button", { type: "button", class: "link restore", onclick: () => restore(item, when) }, t("history.restore")))
        : h("td", { class: "no-action" })));
  $("history").replaceChildren(...(rows.length ? rows : [h("tr", {}, h("td", { colspan: 8 }, t("history.none")))]));
}

/** Make an earlier state the fair again, after the clerk confirms; the restore is itself a new state. */
async function restore(item, when) {
  if (!window.confirm(t("history.restoreAsk", { when: when.format(new Date(item.at)) }))) return;
  const { status, body } = await call(`/fixtures/history/${item.id}/restore`, { method: "POST" });
  const message = $("history-message");
  message.textContent = status === 200 ? t("history.restored", { v: body.data_version }) : t("error.generic", { message: body.message || status });
  message.className = `message ${status === 200 ? "ok" : "error"}`;
  if (status === 200) changed();
}
