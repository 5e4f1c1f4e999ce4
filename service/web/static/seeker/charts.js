// Two small charts drawn as inline SVG: horizontal bars and a donut. No library.

const NS = "http://www.w3.org/2000/svg";

function el(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function frame(width, height, label) {
  const svg = el("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width: "100%",
    role: "img",
    "aria-label": label,
    focusable: "false",
  });
  svg.append(el("title", {}, label));
  return svg;
}

/** Horizontal bars, one row per item: the label above its bar, the value at the bar's end. */
export function barChart(items, { label, format = String, width = 320 } = {}) {
  const row = 40;
  const height = items.length * row + 4;
  const svg = frame(width, height, label);
  const max = Math.max(1, ...items.map((item) => item.value));
  const room = width - 56;
  items.forEach((item, i) => {
    const y = i * row;
    const length = Math.max(3, (item.value / max) * room);
    const g = el("g", { class: "bar" });
    g.append(el("text", { x: 0, y: y + 14, class: "chart-label" }, item.label));
    g.append(el("rect", { x: 0, y: y + 21, width: room, height: 12, rx: 6, class: "chart-track" }));
    g.append(el("rect", { x: 0, y: y + 21, width: length, height: 12, rx: 6, class: "chart-bar" }));
    g.append(
      el("text", { x: width, y: y + 32, "text-anchor": "end", class: "chart-value" }, format(item.value)),
    );
    svg.append(g);
  });
  return svg;
}

/** A donut of shares, with the total in the middle; the legend is left to the page (it is text). */
export function donutChart(items, { label, center = "", sub = "", size = 140 } = {}) {
  const svg = frame(size, size, label);
  const total = items.reduce((sum, item) => sum + item.value, 0) || 1;
  const r = size / 2 - 12;
  const c = size / 2;
  const circumference = 2 * Math.PI * r;
  svg.append(el("circle", { cx: c, cy: c, r, class: "chart-track", fill: "none", "stroke-width": 20 }));
  let offset = 0;
  for (const item of items) {
    const share = (item.value / total) * circumference;
    const gap = items.length > 1 && share > 3 ? 1.5 : 0;
    svg.append(
      el("circle", {
        cx: c,
        cy: c,
        r,
        fill: "none",
        stroke: item.color,
        "stroke-width": 20,
        "stroke-dasharray": `${Math.max(share - gap, 0.5)} ${circumference}`,
        "stroke-dashoffset": -offset,
        transform: `rotate(-90 ${c} ${c})`,
      }),
    );
    offset += share;
  }
  svg.append(el("text", { x: c, y: c + 4, "text-anchor": "middle", class: "chart-center" }, center));
  if (sub) svg.append(el("text", { x: c, y: c + 22, "text-anchor": "middle", class: "chart-sub" }, sub));
  return svg;
}
