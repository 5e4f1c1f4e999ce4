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

// Sizes in the plan's units (a booth is 3 × 2). The turned drawing is about twice as large on a phone.
const STOP_RADIUS = 1.5;
const TEXT = { wide: { number: 1.6, label: 1.8 }, tall: { number: 1.8, label: 1.8 } };
const WALL_GAP = 0.5; // between the wall's line and the entrance's name

/** How wide a line of text is, about: a Chinese character is an em, a Latin letter a little over half. */
const textWidth = (content, size) =>
  [...content].reduce((sum, ch) => sum + (/[\u2e80-\uffef]/.test(ch) ? size : 0.62 * size), 0);

/** The plan as drawn: `wide` as the hall is; `tall` turned a quarter clockwise, its long side down the page. */
function drawing(hall, turned) {
  if (!turned) return { width: hall.width, height: hall.height, at: (x, y) => ({ x, y }), box: (b) => b };
  return {
    width: hall.height,
    height: hall.width,
    at: (x, y) => ({ x: hall.height - y, y: x }),
    box: (b) => ({ x: hall.height - b.y - b.height, y: b.x, width: b.height, height: b.width }),
  };
}

/** The entrance's marker, pointing into the hall from the wall it is on, and its name outside that wall. */
function entranceMark(view, entrance, name, size) {
  const e = view.at(entrance.x, entrance.y);
  const gaps = { left: e.x, right: view.width - e.x, top: e.y, bottom: view.height - e.y };
  const side = Object.keys(gaps).reduce((a, b) => (gaps[b] < gaps[a] ? b : a));
  const out = { left: [-1, 0], right: [1, 0], top: [0, -1], bottom: [0, 1] }[side];
  const along = [Math.abs(out[1]), Math.abs(out[0])];
  const point = (o, a) => `${e.x + out[0] * o + along[0] * a} ${e.y + out[1] * o + along[1] * a}`;
  const marker = s("path", {
    class: "hall-entrance",
    d: `M ${point(1.6, -2)} L ${point(-0.4, 0)} L ${point(1.6, 2)} Z`,
  });
  const width = textWidth(name, size);
  const ascent = 0.9 * size;
  const descent = 0.25 * size;
  // beside the marker below or above the hall; under the marker beside it (the name is wider than the gap)
  const spot = {
    bottom: { x: e.x + 2.6, y: e.y + WALL_GAP + ascent, anchor: "start" },
    top: { x: e.x + 2.6, y: e.y - WALL_GAP - descent, anchor: "start" },
    left: { x: e.x - WALL_GAP, y: e.y + 2 + WALL_GAP + ascent, anchor: "end" },
    right: { x: e.x + WALL_GAP, y: e.y + 2 + WALL_GAP + ascent, anchor: "start" },
  }[side];
  const label = s(
    "text",
    { x: spot.x, y: spot.y, class: "hall-entrance-name", "font-size": size, "text-anchor": spot.anchor },
    document.createTextNode(name),
  );
  const left = spot.anchor === "end" ? spot.x - width : spot.x;
  const bounds = { left, right: left + width, top: spot.y - ascent, bottom: spot.y + descent };
  return { nodes: [marker, label], bounds };
}

/** The plan with `stops` ([{booth, number}]) marked, and the walk from the entrance through them; `turned`
 * draws it a quarter turned, for a phone (the page shows one of the two). */
export function hallPlan(hall, stops, { turned = false } = {}) {
  const view = drawing(hall, turned);
  const sizes = TEXT[turned ? "tall" : "wide"];
  const places = boothPlaces(hall);
  const entrance = entranceOf(hall);
  const saved = new Map(stops.map((stop) => [stop.booth, stop.number]));
  const mark = entranceMark(view, entrance, entranceName(entrance), sizes.label);
  // the hall and a margin round it, grown to hold the entrance's name wherever it sits
  const margin = 2;
  const left = Math.min(-margin, mark.bounds.left - 0.5);
  const top = Math.min(-margin, mark.bounds.top - 0.5);
  const right = Math.max(view.width + margin, mark.bounds.right + 0.5);
  const bottom = Math.max(view.height + margin, mark.bounds.bottom + 0.5);
  const titleId = turned ? "hall-plan-title-tall" : "hall-plan-title";
  const svg = s("svg", {
    class: turned ? "hall-plan tall" : "hall-plan wide",
    viewBox: `${left} ${top} ${right - left} ${bottom - top}`,
    role: "img",
    "aria-labelledby": titleId,
    preserveAspectRatio: "xMidYMid meet",
  });
  svg.append(
    s("title", { id: titleId }, document.createTextNode(t("hall.label", { n: stops.length }))),
    s("rect", { class: "hall-floor", x: 0, y: 0, width: view.width, height: view.height, rx: 1 }),
  );
  for (const zone of hall.zones || []) {
    const found = zoneBox(zone, places, hall.booth_size);
    if (!found) continue;
    const box = view.box(found);
    const name = (lang() === "en" && zone.name_en) || zone.name || zone.id;
    svg.append(
      s("rect", { class: "hall-zone", x: box.x, y: box.y, width: box.width, height: box.height, rx: 0.6 }),
      text(box.x + 0.6, box.y - 0.6, name, "hall-zone-name"),
    );
  }
  for (const [booth, place] of places) {
    const number = saved.get(booth);
    const box = view.box({
      x: place.x - place.width / 2,
      y: place.y - place.height / 2,
      width: place.width,
      height: place.height,
    });
    svg.append(
      s("rect", { class: number ? "hall-booth saved" : "hall-booth", ...box, rx: 0.3, "data-booth": booth }),
    );
  }
  const path = [entrance, ...stops.map((stop) => places.get(stop.booth))].map((p) => view.at(p.x, p.y));
  if (stops.length) {
    svg.append(
      s("polyline", { class: "hall-walk", points: path.map((p) => `${p.x},${p.y}`).join(" ") }),
    );
  }
  stops.forEach((stop, index) => {
    const at = path[index + 1];
    const number = text(at.x, at.y + 0.35 * sizes.number, String(stop.number), "hall-stop-number");
    number.setAttribute("font-size", sizes.number);
    svg.append(
      s(
        "g",
        { class: "hall-stop", "data-booth": stop.booth, "data-stop": stop.number },
        s("circle", { cx: at.x, cy: at.y, r: STOP_RADIUS }),
        number,
      ),
    );
  });
  svg.append(...mark.nodes);
  return svg;
}
