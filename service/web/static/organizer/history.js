// The history of published states: when, who, which file, the counts; newest first.

import { $, h } from "../shared/dom.js";
import { call, session } from "./api.js";
import { formatNumber, lang, t } from "./i18n.js";

function sourceLabel(item) {
  if (item.filename && item.source !== "correction") return item.filename;
  if (item.source === "correction") return `${t("history.correction")} ${item.filename || ""}`.trim();
  if (item.source === "default") return t("history.default");
  if (item.source === "cli") return t("history.cli");
  return "—";
}

function triple(counts) {
  return counts ? [counts.created, counts.updated, counts.deleted].map((n) => formatNumber(n ?? 0)).join(" / ") : "—";
}

export async function refreshHistory() {
  if (!session.token()) return $("history").replaceChildren(h("tr", {}, h("td", { colspan: 7 }, t("dash.signin"))));
  const { status, body } = await call("/fixtures/history?limit=50");
  if (status !== 200) return;
  const when = new Intl.DateTimeFormat(lang() === "en" ? "en-GB" : "zh-CN", { dateStyle: "short", timeStyle: "medium" });
  const rows = body.items.map((item) =>
    h("tr", {},
      h("td", {}, when.format(new Date(item.at))),
      h("td", { class: "file" }, sourceLabel(item)),
      h("td", {}, t(`mode.${item.mode}`)),
      h("td", {}, triple(item.counts.employers)),
      h("td", {}, triple(item.counts.positions)),
      h("td", {}, item.actor || "—"),
      h("td", {}, String(item.data_version))));
  $("history").replaceChildren(...(rows.length ? rows : [h("tr", {}, h("td", { colspan: 7 }, t("history.none")))]));
}
