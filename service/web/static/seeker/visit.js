// The visit list: the saved positions grouped by booth, in walking order, printable. With the fair's hall
// plan the order is a short walk from the entrance, drawn on the plan; without one, booth order.

import { $, h } from "../shared/dom.js";
import { get } from "./api.js";
import { boothText, fill, openingsText, pay } from "./format.js";
import { boothName, boothPlaces, entranceOf, hallPlan } from "./hall.js";
import { formatNumber, t } from "./i18n.js";
import { walkingOrder } from "./route.js";
import { snapshot } from "./saved.js";
import * as store from "./store.js";
import { state } from "./state.js";

function usablePlan(hall) {
  return hall && Number.isFinite(hall.width) && Number.isFinite(hall.height) && Array.isArray(hall.zones)
    ? hall
    : null;
}

/** The booth groups in walking order: those on the plan as a short walk, then the others in booth order. */
export function walk(groups, hall) {
  if (!hall) return { groups, onPlan: [] };
  const places = boothPlaces(hall);
  const onPlan = groups.filter((g) => g.booth && places.has(boothName(g.booth)));
  const elsewhere = groups.filter((g) => !onPlan.includes(g));
  const order = walkingOrder(entranceOf(hall), onPlan.map((g) => places.get(boothName(g.booth))));
  return { groups: [...order.map((i) => onPlan[i]), ...elsewhere], onPlan: order.map((i) => onPlan[i]) };
}

function renderPlan(hall, onPlan) {
  const box = $("hall");
  box.hidden = !hall || onPlan.length === 0;
  if (box.hidden) {
    fill(box);
    return;
  }
  const stops = onPlan.map((g, index) => ({ booth: boothName(g.booth), number: index + 1 }));
  fill(box, hallPlan(hall, stops), hallPlan(hall, stops, { turned: true }), h("p", { class: "note hall-note", text: t("hall.note") }));
}

export function renderList() {
  const hall = usablePlan(state.fair?.hall);
  const { groups, onPlan } = walk(store.route(state.visit), hall);
  renderPlan(hall, onPlan);
  const routeBox = $("route");
  $("list-empty").hidden = groups.length > 0;
  $("print").hidden = groups.length === 0;
  $("clear-list").hidden = groups.length === 0;
  fill(
    $("list-summary"),
    groups.length
      ? [
          t(onPlan.length ? "list.introWalk" : "list.intro"),
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
                h("a", { class: "stop-title position-link", href: `#position/${encodeURIComponent(item.id)}`, text: item.title }),
                h("span", {
                  class: "stop-meta",
                  text: `${pay(item)} · ${openingsText(item.openings)}`,
                }),
                item.gone ? h("span", { class: "stop-gone", text: t("list.gone") }) : null,
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

let refreshing = false;
let refreshed = 0; // when the list was last read again: at most every few minutes, as a venue's phones share
const REFRESH_MS = 3 * 60 * 1000; // one address and its rate limit

/** Reads every saved position again, online, when the list opens: the organisers may move a booth or correct
 * the pay on the day, and the list is a copy saved earlier. One the fair no longer has is marked so. */
export async function refreshVisit() {
  if (refreshing || !state.visit.length || navigator.onLine === false) return;
  if (Date.now() - refreshed < REFRESH_MS) return;
  refreshing = true;
  const read = async (id) => {
    try {
      const response = await get(`/positions/${encodeURIComponent(id)}`);
      if (response.headers.get("X-Offline") === "1") return null; // a kept copy says nothing new
      if (response.status === 404) return { id, gone: true };
      return response.ok ? { id, position: await response.json() } : null;
    } catch {
      return null;
    }
  };
  const answers = await Promise.all(state.visit.map((item) => read(item.id)));
  refreshing = false;
  if (answers.some(Boolean)) refreshed = Date.now();
  let changed = false;
  for (const answer of answers) {
    // by id: the list may have changed while these were read
    const index = state.visit.findIndex((item) => item.id === answer?.id);
    if (index < 0) continue;
    const next = answer.gone ? { ...state.visit[index], gone: true } : snapshot(answer.position);
    if (JSON.stringify(next) !== JSON.stringify(state.visit[index])) {
      state.visit[index] = next;
      changed = true;
    }
  }
  if (!changed) return;
  store.saveVisit(state.visit);
  if (state.view === "list") renderList();
}
