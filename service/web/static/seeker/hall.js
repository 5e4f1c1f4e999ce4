// The hall plan as inline SVG: zones, booths, the entrance, the saved booths numbered in walking order and
// the walk between them. Drawn with DOM calls and classes only (the page's CSP allows no inline style).

import { t, lang } from "./i18n.js";
import { boothKey } from "./store.js";

const SVG = "http://www.w3.org/2000/svg";
const DEFAULT_BOOTH = { width: 3, height: 2 };

function s(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

const text = (x, y, content, cls) => s("text", { x, y, class: cls }, document.createTextNode(content));

/** Where the walk starts: the plan's entrance, or the middle of its bottom edge. */
export function entranceOf(hall) {
  const e = hall.entrance;
  return e && Number.isFinite(e.x) && Number.isFinite(e.y) ? e : { x: hall.width / 2, y: hall.height };
}

const entranceName = (entrance) => (lang() === "en" || !entrance.label ? t("hall.entrance") : entrance.label);

/** One name for a booth however it is written: A-2, a-02 and A02 are the same booth. */
export function boothName(booth) {
  const key = boothKey(booth);
  return Number.isFinite(key.number) ? `${key.zone}-${key.number}` : key.text;
}

/** Every booth on the plan by its name (see `boothName`), with its size filled in. */
export function boothPlaces(hall) {
  const size = hall.booth_size || DEFAULT_BOOTH;
  const places = new Map();
  for (const zone of hall.zones || []) {
    for (const booth of zone.booths || []) {
      if (!booth || !Number.isFinite(booth.x) || !Number.isFinite(booth.y)) continue;
      places.set(boothName(booth.booth), {
        x: booth.x,
        y: booth.y,
        width: booth.width || size.width,
        height: booth.height || size.height,
      });
    }
  }
  return places;
}

function zoneBox(zone, places, size) {
  if ([zone.x, zone.y, zone.width, zone.height].every(Number.isFinite)) return zone;
  const own = (zone.booths || []).map((b) => places.get(boothName(b.booth))).filter(Boolean);
  if (!own.length) return null;
  const pad = 1;
  const x = Math.min(...own.map((p) => p.x - p.width / 2)) - pad;
  const y = Math.min(...own.map((p) => p.y - p.height / 2)) - pad;
  const right = Math.max(...own.map((p) => p.x + p.width / 2)) + pad;
  const bottom = Math.max(...own.map((p) => p.y + p.height / 2)) + pad;
  return { x, y, width: right - x, height: bottom - y, size };
}

/** The plan with `stops` ([{booth, number}]) marked, and the walk from the entrance through them. */
export function hallPlan(hall, stops) {
  const places = boothPlaces(hall);
  const entrance = entranceOf(hall);
  const saved = new Map(stops.map((stop) => [stop.booth, stop.number]));
  const margin = 2;
  const svg = s("svg", {
    class: "hall-plan",
    viewBox: `${-margin} ${-margin} ${hall.width + 2 * margin} ${hall.height + 2 * margin + 2}`,
    role: "img",
    "aria-labelledby": "hall-plan-title",
    preserveAspectRatio: "xMidYMid meet",
  });
  svg.append(
    s("title", { id: "hall-plan-title" }, document.createTextNode(t("hall.label", { n: stops.length }))),
    s("rect", { class: "hall-floor", x: 0, y: 0, width: hall.width, height: hall.height, rx: 1 }),
  );
  for (const zone of hall.zones || []) {
    const box = zoneBox(zone, places, hall.booth_size);
    if (!box) continue;
    const name = (lang() === "en" && zone.name_en) || zone.name || zone.id;
    svg.append(
      s("rect", { class: "hall-zone", x: box.x, y: box.y, width: box.width, height: box.height, rx: 0.6 }),
      text(box.x + 0.6, box.y - 0.6, name, "hall-zone-name"),
    );
  }
  for (const [booth, place] of places) {
    const number = saved.get(booth);
    const x = place.x - place.width / 2;
    const y = place.y - place.height / 2;
    const rect = s("rect", {
      class: number ? "hall-booth saved" : "hall-booth",
      x,
      y,
      width: place.width,
      height: place.height,
      rx: 0.3,
      "data-booth": booth,
    });
    svg.append(rect);
  }
  const path = [entrance, ...stops.map((stop) => places.get(stop.booth))];
  if (stops.length) {
    svg.append(
      s("polyline", { class: "hall-walk", points: path.map((p) => `${p.x},${p.y}`).join(" ") }),
    );
  }
  stops.forEach((stop) => {
    const place = places.get(stop.booth);
    svg.append(
      s(
        "g",
        { class: "hall-stop", "data-booth": stop.booth, "data-stop": stop.number },
        s("circle", { cx: place.x, cy: place.y, r: 1.5 }),
        text(place.x, place.y + 0.55, String(stop.number), "hall-stop-number"),
      ),
    );
  });
  svg.append(
    s("path", {
      class: "hall-entrance",
      d: `M ${entrance.x - 2} ${entrance.y + 1.6} L ${entrance.x} ${entrance.y - 0.4} L ${entrance.x + 2} ${entrance.y + 1.6} Z`,
    }),
    text(entrance.x + 2.6, entrance.y + 1.4, entranceName(entrance), "hall-entrance-name"),
  );
  return svg;
}
