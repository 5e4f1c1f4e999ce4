// The organisers' printable sheet: every booth's QR code (from the API) with its booth and employer.

import { $, h } from "./dom.js";

async function employers() {
  const all = [];
  for (let offset = 0; ; offset += 100) {
    const response = await fetch(`/api/v1/employers?limit=100&offset=${offset}`);
    if (!response.ok) throw new Error(String(response.status));
    const page = await response.json();
    all.push(...page.items);
    if (all.length >= page.total || !page.items.length) return all;
  }
}

async function start() {
  $("print").addEventListener("click", () => window.print());
  try {
    const list = await employers();
    $("codes").replaceChildren(
      ...list.map((e) =>
        h(
          "li",
          { class: "code", "data-employer": e.id },
          h("img", { src: `/api/v1/employers/${encodeURIComponent(e.id)}/qr.svg`, alt: `${e.name} 的展位二维码` }),
          h("p", { class: "booth", text: e.booth || "—" }),
          h("p", { class: "name", text: e.name }),
        ),
      ),
    );
    $("status").textContent = `共 ${list.length} 个展位`;
  } catch {
    $("status").textContent = "读不到用人单位，请刷新重试。";
  }
}

start();
