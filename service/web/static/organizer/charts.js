// Inline SVG charts for the dashboard: labelled bars (one or two series) and pay ranges.
// Each label sits above its bar, so long Chinese industry names fit a 360 px screen.

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 320;

function el(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function frame(height, label) {
  const svg = el("svg", { viewBox: `0 0 ${WIDTH} ${height}`, role: "img", class: "chart" });
  svg.append(el("title", {}, label));
  return svg;
}

/**
 * Horizontal bars. items: [{label, values: [n, ...], note?}]; series: [{name, colour}] (one per value).
 * Each bar's length is its value against the largest value of its series.
 */
export function bars(items, { series, label, format = String }) {
  const rowHeight = 20 + series.length * 14;
  const svg = frame(items.length * rowHeight + 4, label);
  const maxima = series.map((_, s) => Math.max(1, ...items.map((item) => item.values[s] || 0)));
  items.forEach((item, i) => {
    const y = i * rowHeight;
    const group = el("g", { class: "bar-row" });
    group.append(el("text", { x: 0, y: y + 13, class: "bar-label" }, item.label));
    series.forEach((one, s) => {
      const value = item.values[s] || 0;
      const length = Math.max(value ? 2 : 0, (value / maxima[s]) * (WIDTH - 70));
      const top = y + 18 + s * 14;
      group.append(el("rect", { x: 0, y: top, width: length, height: 11, rx: 2, fill: item.colour || one.colour }));
      group.append(el("text", { x: length + 4, y: top + 10, class: "bar-value" }, format(value)));
    });
    const tip = el("title", {}, `${item.label}: ${item.values.map(format).join(" / ")}`);
    group.append(tip);
    svg.append(group);
  });
  return svg;
}

function niceStep(max) {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((step) => step >= rough) || power * 10;
}

/** Pay ranges: items [{label, min, max, median, medianMin, medianMax}] on one shared axis. */
export function ranges(items, { label, format = String }) {
  const rowHeight = 36;
  const axis = 18;
  const top = Math.max(1, ...items.map((item) => item.max || 0));
  const step = niceStep(top);
  const end = Math.ceil(top / step) * step;
  const x = (value) => 4 + (value / end) * (WIDTH - 12);
  const svg = frame(items.length * rowHeight + axis + 6, label);
  for (let tick = 0; tick <= end; tick += step) {
    svg.append(el("line", { x1: x(tick), x2: x(tick), y1: 0, y2: items.length * rowHeight, class: "grid" }));
    const text = tick >= 1000 ? `${tick / 1000}k` : String(tick);
    svg.append(el("text", { x: x(tick), y: items.length * rowHeight + axis - 4, class: "axis" }, text));
  }
  items.forEach((item, i) => {
    const y = i * rowHeight;
    const group = el("g", { class: "range-row" });
    group.append(el("text", { x: 0, y: y + 12, class: "bar-label" }, item.label));
    if (item.min !== null && item.max !== null) {
      const mid = y + 25;
      group.append(el("line", { x1: x(item.min), x2: x(item.max), y1: mid, y2: mid, class: "range-line" }));
      const low = item.medianMin ?? item.min;
      const high = item.medianMax ?? item.max;
      group.append(el("rect", { x: x(low), y: mid - 5, width: Math.max(2, x(high) - x(low)), height: 10, rx: 2,
        class: "range-box" }));
      if (item.median !== null) {
        group.append(el("line", { x1: x(item.median), x2: x(item.median), y1: mid - 7, y2: mid + 7,
          class: "range-median" }));
      }
    }
    const summary = item.min === null ? "—" : `${format(item.min)} – ${format(item.max)}, ${format(item.median)}`;
    group.append(el("title", {}, `${item.label}: ${summary}`));
    svg.append(group);
  });
  return svg;
}
