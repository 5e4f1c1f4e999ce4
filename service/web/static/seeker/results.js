// The ranked results: what the service understood, the cards, the empty and error states, paging.

import { $, h } from "../shared/dom.js";
import { activeFilterNames, clearFilters } from "./filters.js";
import { card } from "./cards.js";
import { fill, industryName, ownershipName, renderOffline } from "./format.js";
import { formatNumber, t } from "./i18n.js";
import { errorText, search } from "./search.js";
import { state, understoodSkills } from "./state.js";

function skeletonCards() {
  return Array.from({ length: 3 }, () =>
    h(
      "li",
      { class: "card skeleton", "aria-hidden": "true" },
      h("span", { class: "sk sk-title" }),
      h("span", { class: "sk sk-line" }),
      h("span", { class: "sk sk-line short" }),
      h("span", { class: "sk sk-bar" }),
    ),
  );
}

function skillTerm(entry) {
  const matched = Array.isArray(entry.matched) ? entry.matched.join("、") : entry.matched;
  return matched || "";
}

function unknownItem(input) {
  return h(
    "li",
    { class: "u u-bad" },
    h("span", { text: input }),
    h("span", { class: "u-flag", text: ` · ${t("understood.unknown")}` }),
  );
}

function renderUnderstood() {
  const box = $("understood");
  const profile = state.answer?.profile;
  if (state.status !== "ready" || !profile) {
    box.hidden = true;
    fill(box);
    return;
  }
  let unknown = false;
  const rows = [];
  const skills = (profile.skills || []).map((entry) => {
    const matched = skillTerm(entry);
    if (!matched) {
      unknown = true;
      return unknownItem(entry.input);
    }
    const same = matched === entry.input;
    return h("li", { class: "u u-ok" }, same ? matched : `${entry.input} → ${matched}`);
  });
  if (skills.length) rows.push([t("understood.skills"), skills]);
  // a desired job read as the skill (CAD) or the industry (互联网) it names shows among those
  const titles = (profile.titles || [])
    .filter((entry) => entry.read_as !== "skills" && entry.read_as !== "industries")
    .map((entry) => {
      // a desired job read as the seeker's major (机电一体化) says so
      if (entry.read_as === "major") {
        return h("li", { class: "u u-ok" }, `${entry.input} → ${t("understood.asMajor")}`);
      }
      // a desired job that resembles no title at the fair says so, like an unknown skill
      if ("matched" in entry && !entry.matched) {
        unknown = true;
        return unknownItem(entry.input);
      }
      return h("li", { class: "u u-ok" }, entry.input);
    });
  if (titles.length) rows.push([t("understood.titles"), titles]);
  const industries = (profile.industries || []).map((entry) => {
    // a kind of employer (国企) is preferred as an industry is
    if (!entry.key && entry.ownership) {
      const kind = ownershipName(entry.ownership);
      return h("li", { class: "u u-ok" }, entry.input === kind ? kind : `${entry.input} → ${kind}`);
    }
    if (!entry.key) {
      unknown = true;
      return unknownItem(entry.input);
    }
    const name = industryName(entry.key);
    return h(
      "li",
      { class: "u u-ok" },
      entry.input === entry.key || entry.input === name ? name : `${entry.input} → ${name}`,
    );
  });
  if (industries.length) rows.push([t("understood.industries"), industries]);
  // the major typed in its own field (a desired job read as the major shows among the jobs)
  const major = profile.major;
  if (major && major.from !== "titles") {
    const read = major.read_as && major.read_as !== major.input ? `${major.input} → ${major.read_as}` : major.input;
    const item = h("li", { class: "u u-ok" }, h("span", { text: read }));
    // no position asks for it: it neither helps nor hurts, unlike an unknown word
    if (!major.positions) item.append(h("span", { class: "u-flag", text: ` · ${t("understood.majorNone")}` }));
    rows.push([t("understood.major"), [item]]);
  }
  if (!rows.length) {
    box.hidden = true;
    return;
  }
  fill(
    box,
    h("h3", { text: t("understood.title") }),
    h(
      "dl",
      {},
      rows.map(([label, items]) =>
        h("div", { class: "u-row" }, h("dt", { text: label }), h("dd", {}, h("ul", {}, items))),
      ),
    ),
    unknown ? h("p", { class: "u-help", text: t("understood.unknownHelp") }) : null,
  );
  box.hidden = false;
}

/** The answer's results split at the score floor: `matched` when the service says it, else a 0 score. */
function split(answer) {
  const matched = Number.isInteger(answer.matched) ? answer.matched : null;
  const fits = (result) => (matched == null ? Number(result.score) > 0 : result.rank <= matched);
  return {
    fits: answer.results.filter(fits),
    others: answer.results.filter((r) => !fits(r)),
    matched,
  };
}

// 其他岗位 shows once the matched positions are all on screen (or once some others are loaded), with the
// count of every other position, loaded or not: opening it is how a seeker asks to see them.
function renderOthers(others, count, shown = others.length > 0) {
  const box = $("others");
  const n = count == null ? others.length : count;
  box.hidden = !shown || n === 0;
  $("others-title").textContent = t("results.others", { n: formatNumber(n) });
  fill($("other-cards"), ...others.map(card));
}

/** The line under the cards and what 显示更多 brings: the matched positions until they are all shown, then,
 * while 其他岗位 is open, the others (their cards land there); a closed 其他岗位 asks for nothing more. */
function footer(answer) {
  const loaded = answer.results.length;
  const { fits, others, matched } = split(answer);
  const more = loaded < answer.total;
  if (matched == null) {
    const text = more ? t("results.shown", { shown: formatNumber(loaded), n: formatNumber(answer.total) }) : "";
    return { text, more: more ? "results.more" : null };
  }
  if (fits.length < matched) {
    const text = t("results.shownMatched", { shown: formatNumber(fits.length), n: formatNumber(matched) });
    return { text, more: more ? "results.more" : null };
  }
  const rest = answer.total - matched;
  if (rest > 0 && $("others").open) {
    const text = t("results.shownOthers", { shown: formatNumber(others.length), n: formatNumber(rest) });
    return { text, more: more ? "results.moreOthers" : null };
  }
  return { text: matched ? t("results.allMatched", { n: formatNumber(matched) }) : "", more: null };
}

/** What the footer says, for the announcement after 显示更多. */
export function shownText(answer) {
  return footer(answer).text;
}

/** The announcement of a new answer: the matched positions, and the others apart. */
export function foundText(answer) {
  if (!Number.isInteger(answer.matched)) return t("results.updated", { n: formatNumber(answer.total) });
  const rest = answer.total - answer.matched;
  return rest > 0
    ? t("results.foundOthers", { n: formatNumber(answer.matched), others: formatNumber(rest) })
    : t("results.found", { n: formatNumber(answer.matched) });
}

function renderFooter() {
  const more = $("more");
  const { text, more: label } = footer(state.answer);
  $("shown").textContent = text;
  more.hidden = !label;
  more.disabled = state.more.status === "loading";
  more.textContent =
    state.more.status === "loading"
      ? t("results.loadingMore")
      : state.more.status === "error"
        ? t("error.retry")
        : t(label || "results.more");
  $("more-error").textContent = label && state.more.status === "error" ? errorText(state.more.error) : "";
}

/** Opening 其他岗位 turns the footer to the others, and loads the first of them when none is loaded yet. */
export function bindOthers() {
  $("others").addEventListener("toggle", () => {
    if (state.status !== "ready" || !state.answer?.results.length) return;
    const { others } = split(state.answer);
    const more = state.answer.results.length < state.answer.total;
    if ($("others").open && !others.length && more) search({ append: true });
    else renderFooter();
  });
}

export function renderResults() {
  renderOffline();
  const started = state.status !== "idle";
  $("filters").hidden = state.status === "error";
  $("welcome").hidden = started;
  $("results").hidden = !started;
  $("results-body").hidden = !started;
  const results = $("results");
  results.setAttribute("aria-busy", state.status === "loading" ? "true" : "false");
  const stateBox = $("state");
  const cards = $("cards");
  const total = $("total");
  const more = $("more");
  const shown = $("shown");
  renderUnderstood();
  const unapplied = $("filters-offline");
  unapplied.hidden = !(state.status === "ready" && state.offline && state.unapplied);
  unapplied.textContent = unapplied.hidden ? "" : t("offline.filters");
  fill(stateBox);
  stateBox.className = "state";
  more.hidden = true;
  shown.textContent = "";
  $("more-error").textContent = "";
  if (state.status !== "ready") renderOthers([], 0);
  if (state.status === "loading") {
    total.textContent = t("results.loading");
    fill(cards, ...skeletonCards());
    return;
  }
  if (state.status === "error") {
    total.textContent = "";
    fill(cards);
    stateBox.className = "state state-error";
    fill(
      stateBox,
      h(
        "div",
        { role: "alert" },
        h("h3", { text: t("error.title") }),
        h("p", { text: errorText(state.error) }),
      ),
      h("button", {
        type: "button",
        class: "primary",
        onclick: () => {
          search();
          $("results").focus(); // the button goes with the error: the results keep the focus meanwhile
        },
        text: t("error.retry"),
      }),
    );
    return;
  }
  if (state.status !== "ready") {
    fill(cards);
    total.textContent = "";
    return;
  }
  const answer = state.answer;
  understoodSkills.clear();
  for (const entry of answer.profile?.skills || []) {
    const matched = skillTerm(entry);
    if (matched) understoodSkills.set(entry.input, matched);
  }
  const { fits, others, matched } = split(answer);
  total.textContent =
    matched == null
      ? t("results.total", { n: formatNumber(answer.total) })
      : t("results.matched", { n: formatNumber(matched) });
  fill(cards, ...fits.map(card));
  const rest = matched == null ? null : answer.total - matched;
  renderOthers(others, rest, others.length > 0 || fits.length === matched);
  const names = activeFilterNames();
  const filtersText = names.join(t("sep.list"));
  // clearing the filters from here: the button goes with the state it stood in, so the results take the focus
  const clearButton = () =>
    h("button", {
      type: "button",
      class: "primary",
      onclick: () => {
        clearFilters();
        $("results").focus();
      },
      text: t("filters.clear"),
    });
  if (answer.results.length && !fits.length) {
    stateBox.className = "state state-empty";
    // with filters on, they are what left out the positions that fit, not the seeker's words
    fill(
      stateBox,
      h("h3", { text: t("nofit.title") }),
      names.length
        ? [h("p", { text: t("nofit.filters", { filters: filtersText }) }), clearButton()]
        : [
            h("p", { text: t("nofit.why") }),
            h("ul", { class: "tips" }, h("li", { text: t("nofit.tip1") }), h("li", { text: t("nofit.tip2") }),
              h("li", { text: t("nofit.tip3") })),
          ],
    );
  }
  if (!answer.results.length) {
    stateBox.className = "state state-empty";
    fill(
      stateBox,
      h("h3", { text: t("noresults.title") }),
      h("p", { text: names.length ? t("noresults.filters", { filters: filtersText }) : t("noresults.plain") }),
      names.length ? clearButton() : null,
    );
    return;
  }
  renderFooter();
}
