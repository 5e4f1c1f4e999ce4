// How data reads on the page: names of industries, ownership and education, pay, booths; small DOM and
// screen-reader helpers.

import { $, h } from "../shared/dom.js";
import { STRINGS, formatNumber, lang, t } from "./i18n.js";
import { CORE_INDUSTRIES, EDUCATION, OWNERSHIP, SEPARATORS, state, understoodSkills } from "./state.js";

/** Replaces a node's children, skipping the null and false that optional parts leave. */
export function fill(node, ...children) {
  node.replaceChildren(
    ...children.flat().filter((child) => child !== null && child !== undefined && child !== false),
  );
}

export function industryName(key) {
  const found =
    state.industries.find((item) => item.key === key) || CORE_INDUSTRIES.find((i) => i.key === key);
  if (!found) return key || "";
  return lang() === "en" ? found.en || found.zh : found.zh;
}

export function ownershipName(key) {
  return OWNERSHIP.includes(key) ? t(`ownership.${key}`) : key || "";
}

export function educationName(key) {
  return EDUCATION.includes(key) ? t(`education.${key}`) : key || "";
}

/** A benefit as the page names it: the filter's and the fair's usual ones in English, any other wording as
 * the employer wrote it. */
export function benefitName(word) {
  const english = STRINGS.en[`benefit.${word}`];
  return lang() === "en" && english ? english : word;
}

export function pay(position) {
  const lo = position.salary_min;
  const hi = position.salary_max;
  const unit = t("card.perMonth");
  if (lo == null && hi == null) return t("card.negotiable");
  if (lo != null && hi != null) {
    return lo === hi ? `${formatNumber(lo)} ${unit}` : `${formatNumber(lo)}–${formatNumber(hi)} ${unit}`;
  }
  return lo != null ? `≥ ${formatNumber(lo)} ${unit}` : `≤ ${formatNumber(hi)} ${unit}`;
}

/** "招 3 人" / "3 openings", and the singular for one. */
export function openingsText(n) {
  const count = n ?? 1;
  return count === 1 ? t("card.opening") : t("card.openings", { n: formatNumber(count) });
}

export function boothText(booth) {
  return booth ? t("card.booth", { booth }) : t("card.noBooth");
}

/** A view whose data could not be read (`prefix`: employer or position): why, and 重试 unless it does not
 * exist; `reason` as `failure` in api.js names it. */
export function readFailure(prefix, reason, headingId, retry) {
  const missing = reason === "missing";
  return [
    h("h2", { id: headingId, tabindex: "-1", text: t(missing ? `${prefix}.missing` : `${prefix}.error`) }),
    reason === "offline" ? h("p", { class: "offline-note", text: t(`${prefix}.offline`) }) : null,
    missing ? null : h("button", { type: "button", class: "primary", onclick: retry, text: t("error.retry") }),
  ];
}

/** The banner saying the page shows kept copies: the phone is offline, or the results are the kept ones. */
export function renderOffline() {
  const banner = $("offline");
  banner.textContent = t("offline.banner");
  banner.hidden = navigator.onLine !== false && !state.offline;
}

export function announce(text) {
  const node = $("announcer");
  node.textContent = "";
  window.setTimeout(() => {
    node.textContent = text;
  }, 50);
}

/** The first `n` characters of a text as the service counts them (code points): cutting UTF-16 units could
 * halve an emoji and leave a lone surrogate, which the service refuses. */
export function clip(text, n = 100) {
  return Array.from(text).slice(0, n).join("");
}

export function splitTitles(text) {
  const seen = new Set();
  return text
    .split(SEPARATORS)
    .map((part) => clip(part.trim()))
    .filter((part) => part && !seen.has(part) && seen.add(part))
    .slice(0, 10);
}

const fold = (text) =>
  String(text ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "");

/** How one matched skill reads on a card and the position page: what the seeker wrote → what it was
 * understood as, and where the position says it when not among its skills (its title, its description). */
export function matchedText(m) {
  const from = m.candidate ?? "";
  const written = m.position ?? "";
  if (m.source === "title") return [from, h("span", { class: "where", text: ` · ${t("card.inTitle")}` })];
  // the canonical name the seeker's word was read as, when the position writes the same skill (python, EXCEL)
  const canonical = understoodSkills.get(from);
  const target = canonical && fold(canonical) === fold(written) ? canonical : written;
  const text = from && target && from !== target ? `${from} → ${target}` : target || from;
  if (m.source === "description")
    return [text, h("span", { class: "where", text: ` · ${t("card.inDescription")}` })];
  return text;
}

/** The text of what `matchedText` gives, for a sentence. */
export function matchedPlain(m) {
  return [matchedText(m)].flat().map((part) => (typeof part === "string" ? part : part.textContent)).join("");
}

/** The document's title: the open view's own name before the page's, so that history, tabs and a screen
 * reader tell the views apart (a position's title, an employer's name, the visit list). */
export function renderTitle() {
  const ready = (view) => (view?.status === "ready" ? view.data : null);
  const name =
    state.view === "position"
      ? ready(state.position)?.title
      : state.view === "employer"
        ? ready(state.employer)?.name
        : state.view === "list"
          ? t("list.title")
          : null;
  document.title = name ? `${name} · ${t("page.title")}` : t("page.title");
}

/** The form's message by its string's key ("" for none); marked data-i18n, a language switch rewrites it. */
export function formMessage(key) {
  const node = $("form-message");
  if (key) node.dataset.i18n = key;
  else delete node.dataset.i18n;
  node.textContent = key ? t(key) : "";
}
