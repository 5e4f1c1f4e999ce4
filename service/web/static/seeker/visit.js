// The visit list: the saved positions grouped by booth, in walking order, printable.

import { $, h } from "../shared/dom.js";
import { boothText, fill, pay } from "./format.js";
import { formatNumber, t } from "./i18n.js";
import * as store from "./store.js";
import { state } from "./state.js";

export function renderList() {
  const groups = store.route(state.visit);
  const routeBox = $("route");
  $("list-empty").hidden = groups.length > 0;
  $("print").hidden = groups.length === 0;
  $("clear-list").hidden = groups.length === 0;
  fill(
    $("list-summary"),
    groups.length
      ? [
          t("list.intro"),
          h("br"),
          t("list.count", { n: formatNumber(state.visit.length), b: formatNumber(groups.length) }),
        ]
      : [],
  );
  fill(
    routeBox,
    ...groups.map((group, index) =>
      h(
        "li",
        { class: "stop", "data-booth": group.booth || "" },
        h(
          "div",
          { class: "stop-head" },
          h("span", { class: "stop-number", "aria-hidden": "true", text: index + 1 }),
          h(
            "div",
            { class: "stop-where" },
            h("span", { class: "sr-only", text: t("list.stop", { n: index + 1 }) }),
            h("span", { class: "stop-booth", text: boothText(group.booth) }),
            ...group.employers.map((e) =>
              h("a", { class: "stop-employer", href: `#employer/${encodeURIComponent(e.id)}`, text: e.name }),
            ),
          ),
        ),
        h(
          "ul",
          { class: "stop-positions" },
          group.positions.map((item) =>
            h(
              "li",
              { class: "stop-position", "data-position": item.id },
              h(
                "div",
                { class: "stop-text" },
                h("span", { class: "stop-title", text: item.title }),
                h("span", {
                  class: "stop-meta",
                  text: `${pay(item)} · ${t("card.openings", { n: item.openings ?? 1 })}`,
                }),
              ),
              h("button", {
                type: "button",
                class: "ghost small no-print",
                "aria-label": t("list.removeLabel", { title: item.title }),
                "data-remove": item.id,
                text: t("list.remove"),
              }),
            ),
          ),
        ),
      ),
    ),
  );
}
