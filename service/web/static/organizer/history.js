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
  const rows = body.items.map((item, i) =>
    h("tr", {},
      h("td", {}, when.format(new Date(item.at))),
      h("td", { class: "file" }, sourceLabel(item)),
      h("td", {}, t(`mode.${item.mode}`)),
      h("td", {}, triple(item.counts.employers)),
      h("td", {}, triple(item.counts.positions)),
      h("td", {}, item.actor || "—"),
      h("td", {}, String(item.data_version)),
      h("td", {}, item.kept && i > 0
        ? h("button", { type: "button", class: "link restore", onclick: () => restore(item, when) }, t("history.restore"))
        : "")));
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
