// The job seekers' page: a profile in, a short ranked list of positions out, a route through the booths.
// Uses the public JSON API only; keeps the profile and the visit list on this device.

import { barChart, donutChart } from "./charts.js";
import { $, h } from "../shared/dom.js";
import { formatNumber, initLang, lang, setLang, t } from "./i18n.js";
import * as store from "./store.js";

const API = "/api/v1";
const PAGE = 20;
const TIMEOUT_MS = 20000;
const EDUCATION = [
  "none",
  "junior_high",
  "high_school",
  "secondary_vocational",
  "associate",
  "bachelor",
  "master",
  "doctorate",
];
const OWNERSHIP = ["state_owned", "private", "education_training"];
const OWNERSHIP_COLOURS = { state_owned: "#c0502a", private: "#0b6656", education_training: "#d69a1c" };
const MISSING_SHOWN = 6;
const SALARY_STEPS = [3000, 4000, 5000, 6000, 8000, 10000];
const CORE_INDUSTRIES = [
  { key: "manufacturing", zh: "制造业", en: "Manufacturing" },
  { key: "real_estate", zh: "房地产业", en: "Real estate" },
  { key: "wholesale_retail", zh: "批发和零售业", en: "Wholesale and retail" },
  { key: "software_it", zh: "软件和信息技术服务业", en: "Software and IT services" },
  { key: "education", zh: "教育", en: "Education" },
  { key: "ecommerce", zh: "电子商务", en: "E-commerce" },
];
const EXAMPLE = {
  titles: "电商运营",
  skills: ["淘宝运营", "Photoshop", "直播"],
  industries: [],
  education: "associate",
  salary: "",
  major: "",
};
const SEPARATORS = /[,，、;；\n]+/;


/** Replaces a node's children, skipping the null and false that optional parts leave. */
function fill(node, ...children) {
  node.replaceChildren(
    ...children.flat().filter((child) => child !== null && child !== undefined && child !== false),
  );
}

const emptyProfile = () => ({ titles: "", skills: [], industries: [], education: "", salary: "", major: "" });
const emptyFilters = () => ({ industry: "", ownership: "", minSalary: "", eligible: false });

const state = {
  profile: emptyProfile(),
  filters: emptyFilters(),
  submitted: false,
  industries: CORE_INDUSTRIES,
  fair: null,
  fairFailed: false,
  request: null,
  answer: null,
  status: "idle", // idle | loading | ready | error
  error: null,
  more: { status: "idle", error: null },
  visit: store.loadVisit(),
  employer: null, // {id, status, data}
  view: "home",
  opener: null,
  homeScroll: 0,
  navigated: false,
};
const known = new Map(); // position id -> position, for saving from any list
const understoodSkills = new Map(); // a skill as the seeker wrote it -> the name it was understood as
let searchController = null;

/* ---------- small formatting helpers ---------- */

function industryName(key) {
  const found =
    state.industries.find((item) => item.key === key) || CORE_INDUSTRIES.find((i) => i.key === key);
  if (!found) return key || "";
  return lang() === "en" ? found.en || found.zh : found.zh;
}

function ownershipName(key) {
  return OWNERSHIP.includes(key) ? t(`ownership.${key}`) : key || "";
}

function educationName(key) {
  return EDUCATION.includes(key) ? t(`education.${key}`) : key || "";
}

function pay(position) {
  const lo = position.salary_min;
  const hi = position.salary_max;
  const unit = t("card.perMonth");
  if (lo == null && hi == null) return t("card.negotiable");
  if (lo != null && hi != null) {
    return lo === hi ? `${formatNumber(lo)} ${unit}` : `${formatNumber(lo)}–${formatNumber(hi)} ${unit}`;
  }
  return lo != null ? `≥ ${formatNumber(lo)} ${unit}` : `≤ ${formatNumber(hi)} ${unit}`;
}

function boothText(booth) {
  return booth ? t("card.booth", { booth }) : t("card.noBooth");
}

function announce(text) {
  const node = $("announcer");
  node.textContent = "";
  window.setTimeout(() => {
    node.textContent = text;
  }, 50);
}

function splitTitles(text) {
  const seen = new Set();
  return text
    .split(SEPARATORS)
    .map((part) => part.trim().slice(0, 100))
    .filter((part) => part && !seen.has(part) && seen.add(part))
    .slice(0, 10);
}

/* ---------- language ---------- */

function applyLanguage() {
  const zh = lang() === "zh";
  document.documentElement.lang = zh ? "zh-CN" : "en";
  document.title = t("page.title");
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  }
  const button = $("lang");
  button.textContent = t("lang.switch");
  button.setAttribute("aria-label", t("lang.switchLabel"));
  button.setAttribute("lang", zh ? "en" : "zh-CN");
  document.querySelector(".topnav").setAttribute("aria-label", zh ? "页面导航" : "Page");
}

function renderAll() {
  applyLanguage();
  renderEducation();
  renderIndustryChips();
  renderFilterOptions();
  renderSkillTags();
  renderFair();
  renderResults();
  renderNavCount();
  if (state.view === "employer") renderEmployer();
  if (state.view === "list") renderList();
}

/* ---------- the profile form ---------- */

function renderEducation() {
  const select = $("education");
  fill(
    select,
    h("option", { value: "", text: t("education.unset") }),
    ...EDUCATION.map((key) => h("option", { value: key, text: t(`education.${key}`) })),
  );
  select.value = state.profile.education || "";
}

function renderIndustryChips() {
  const box = $("industry-chips");
  fill(
    box,
    ...state.industries.map((item) =>
      h(
        "label",
        { class: "chip" },
        h("input", {
          type: "checkbox",
          name: "industries",
          value: item.key,
          checked: state.profile.industries.includes(item.key),
          "aria-describedby": "industries-hint",
        }),
        h("span", { text: industryName(item.key) }),
      ),
    ),
  );
}

function renderSkillTags() {
  const list = $("skill-tags");
  fill(
    list,
    ...state.profile.skills.map((skill, index) =>
      h(
        "li",
        { class: "tag" },
        h("span", { class: "tag-text", text: skill }),
        h("button", {
          type: "button",
          class: "tag-remove",
          "aria-label": t("form.removeSkill", { skill }),
          "data-index": index,
          text: "×",
        }),
      ),
    ),
  );
  list.hidden = state.profile.skills.length === 0;
}

function writeForm() {
  $("titles").value = state.profile.titles;
  $("salary").value = state.profile.salary;
  $("major").value = state.profile.major;
  $("skill-input").value = "";
  renderEducation();
  renderIndustryChips();
  renderSkillTags();
  renderFilterOptions();
}

function readForm() {
  state.profile.titles = $("titles").value;
  state.profile.salary = $("salary").value;
  state.profile.major = $("major").value;
  state.profile.education = $("education").value;
  state.profile.industries = [...document.querySelectorAll("#industry-chips input:checked")].map(
    (i) => i.value,
  );
}

function persist() {
  store.saveProfile({ profile: state.profile, filters: state.filters, submitted: state.submitted });
}

function addSkills(text) {
  let added = false;
  for (const raw of String(text).split(SEPARATORS)) {
    const skill = raw.trim().slice(0, 100);
    if (!skill || state.profile.skills.length >= 50) continue;
    if (state.profile.skills.some((s) => s.toLowerCase() === skill.toLowerCase())) continue;
    state.profile.skills.push(skill);
    added = true;
  }
  if (added) {
    renderSkillTags();
    persist();
  }
  return added;
}

function commitPendingSkill() {
  const input = $("skill-input");
  if (input.value.trim()) addSkills(input.value);
  input.value = "";
  closeSuggestions();
}

function buildRequest() {
  const p = state.profile;
  const body = {};
  const titles = splitTitles(p.titles);
  if (titles.length) body.titles = titles;
  if (p.skills.length) body.skills = [...p.skills];
  if (p.industries.length) body.industries = [...p.industries];
  if (p.education) body.education = p.education;
  const salary = Number.parseInt(p.salary, 10);
  if (Number.isFinite(salary) && salary > 0) body.expected_salary = Math.min(salary, 1000000);
  if (p.major.trim()) body.major = p.major.trim().slice(0, 100);
  const f = state.filters;
  const filters = {};
  if (f.industry) filters.industries = [f.industry];
  if (f.ownership) filters.ownership = [f.ownership];
  if (f.minSalary) filters.min_salary = Number.parseInt(f.minSalary, 10);
  if (f.eligible) filters.education_eligible = true;
  if (Object.keys(filters).length) body.filters = filters;
  return body;
}

function profileIsEmpty() {
  const p = state.profile;
  return !splitTitles(p.titles).length && !p.skills.length && !p.industries.length && !p.major.trim();
}

/* ---------- skill autocomplete (a combobox with a listbox) ---------- */

const suggest = { timer: 0, controller: null, items: [], active: -1, seq: 0 };

function closeSuggestions() {
  window.clearTimeout(suggest.timer);
  suggest.items = [];
  suggest.active = -1;
  const input = $("skill-input");
  input.setAttribute("aria-expanded", "false");
  input.removeAttribute("aria-activedescendant");
  $("skill-list").hidden = true;
  fill($("skill-list"));
}

function renderSuggestions() {
  const list = $("skill-list");
  const input = $("skill-input");
  if (!suggest.items.length) {
    closeSuggestions();
    return;
  }
  fill(
    list,
    ...suggest.items.map((item, index) =>
      h(
        "li",
        {
          id: `skill-option-${index}`,
          role: "option",
          class: "option",
          "aria-selected": index === suggest.active ? "true" : "false",
          "data-index": index,
        },
        h("span", { class: "option-skill", text: item.skill }),
        h("span", {
          class: "option-meta",
          text: item.positions
            ? t("form.suggestCount", { n: formatNumber(item.positions) })
            : t("form.suggestAlias"),
        }),
      ),
    ),
  );
  list.hidden = false;
  input.setAttribute("aria-expanded", "true");
  if (suggest.active >= 0) {
    input.setAttribute("aria-activedescendant", `skill-option-${suggest.active}`);
    $(`skill-option-${suggest.active}`)?.scrollIntoView({ block: "nearest" });
  } else {
    input.removeAttribute("aria-activedescendant");
  }
}

async function fetchSuggestions(query) {
  const seq = ++suggest.seq;
  suggest.controller?.abort();
  suggest.controller = new AbortController();
  try {
    const url = `${API}/skills/suggest?q=${encodeURIComponent(query)}&limit=8`;
    const response = await fetch(url, {
      signal: suggest.controller.signal,
      headers: { Accept: "application/json" },
    });
    if (!response.ok) return;
    const data = await response.json();
    if (seq !== suggest.seq || $("skill-input").value.trim() !== query) return;
    const have = new Set(state.profile.skills.map((s) => s.toLowerCase()));
    suggest.items = (data.suggestions || []).filter(
      (item) => item.skill && !have.has(item.skill.toLowerCase()),
    );
    suggest.active = -1;
    renderSuggestions();
    if (suggest.items.length && document.activeElement === $("skill-input")) {
      announce(t("form.suggestionsCount", { n: suggest.items.length }));
    }
  } catch {
    /* suggestions are a help, not a need: typing still works */
  }
}

function chooseSuggestion(index) {
  const item = suggest.items[index];
  if (!item) return;
  addSkills(item.skill);
  $("skill-input").value = "";
  closeSuggestions();
  $("skill-input").focus();
}

function bindSkillInput() {
  const input = $("skill-input");
  input.addEventListener("input", () => {
    const value = input.value;
    if (SEPARATORS.test(value)) {
      const parts = value.split(SEPARATORS);
      const rest = parts.pop();
      addSkills(parts.join(","));
      input.value = rest.trimStart();
    }
    const query = input.value.trim();
    window.clearTimeout(suggest.timer);
    if (!query) {
      suggest.seq++;
      closeSuggestions();
      return;
    }
    suggest.timer = window.setTimeout(() => fetchSuggestions(query), 180);
  });
  input.addEventListener("keydown", (event) => {
    const open = !$("skill-list").hidden && suggest.items.length > 0;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!open) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      const count = suggest.items.length;
      suggest.active = suggest.active < 0 && step < 0 ? count - 1 : (suggest.active + step + count) % count;
      renderSuggestions();
    } else if (event.key === "Enter") {
      if (event.isComposing) return;
      if (open && suggest.active >= 0) {
        event.preventDefault();
        chooseSuggestion(suggest.active);
      } else if (input.value.trim()) {
        event.preventDefault();
        commitPendingSkill();
      }
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        closeSuggestions();
      }
    } else if (event.key === "Backspace" && !input.value && state.profile.skills.length) {
      state.profile.skills.pop();
      renderSkillTags();
      persist();
    }
  });
  input.addEventListener("blur", () => window.setTimeout(closeSuggestions, 150));
  const list = $("skill-list");
  list.addEventListener("mousedown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) chooseSuggestion(Number(option.dataset.index));
  });
  $("skill-tags").addEventListener("click", (event) => {
    const button = event.target.closest(".tag-remove");
    if (!button) return;
    state.profile.skills.splice(Number(button.dataset.index), 1);
    renderSkillTags();
    persist();
    input.focus();
  });
  $("tagbox").addEventListener("click", (event) => {
    if (event.target === event.currentTarget) input.focus();
  });
}

/* ---------- filters ---------- */

function renderFilterOptions() {
  const industry = $("f-industry");
  fill(
    industry,
    h("option", { value: "", text: t("filters.anyIndustry") }),
    ...state.industries.map((item) => h("option", { value: item.key, text: industryName(item.key) })),
  );
  industry.value = state.filters.industry;
  const ownership = $("f-ownership");
  fill(
    ownership,
    h("option", { value: "", text: t("filters.anyOwnership") }),
    ...OWNERSHIP.map((key) => h("option", { value: key, text: ownershipName(key) })),
  );
  ownership.value = state.filters.ownership;
  const salary = $("f-salary");
  fill(
    salary,
    h("option", { value: "", text: t("filters.anySalary") }),
    ...SALARY_STEPS.map((n) => h("option", { value: String(n), text: `≥ ${formatNumber(n)}` })),
  );
  salary.value = state.filters.minSalary;
  $("f-eligible").checked = state.filters.eligible;
  renderEligibleHint();
  renderFilterCount();
}

function renderFilterCount() {
  const count = activeFilterNames().length;
  const badge = $("filter-count");
  badge.textContent = formatNumber(count);
  badge.hidden = count === 0;
}

function renderEligibleHint() {
  const hint = $("f-eligible-hint");
  hint.textContent = t("filters.needEducation");
  hint.hidden = !(state.filters.eligible && !state.profile.education);
}

function activeFilterNames() {
  const f = state.filters;
  const names = [];
  if (f.industry) names.push(`${t("filters.industry")}${t("sep.colon")}${industryName(f.industry)}`);
  if (f.ownership) names.push(`${t("filters.ownership")}${t("sep.colon")}${ownershipName(f.ownership)}`);
  if (f.minSalary) names.push(`${t("filters.minSalary")} ≥ ${formatNumber(Number(f.minSalary))}`);
  if (f.eligible) names.push(t("filters.eligible"));
  return names;
}

function bindFilters() {
  const update = () => {
    state.filters = {
      industry: $("f-industry").value,
      ownership: $("f-ownership").value,
      minSalary: $("f-salary").value,
      eligible: $("f-eligible").checked,
    };
    persist();
    renderEligibleHint();
    renderFilterCount();
    if (state.submitted) search();
  };
  for (const id of ["f-industry", "f-ownership", "f-salary", "f-eligible"])
    $(id).addEventListener("change", update);
}

function clearFilters() {
  state.filters = emptyFilters();
  renderFilterOptions();
  persist();
  search();
}

/* ---------- matching ---------- */

async function search({ append = false } = {}) {
  if (append && (!state.answer || state.more.status === "loading")) return;
  if (!append) {
    state.request = buildRequest();
    state.status = "loading";
    state.error = null;
    state.more = { status: "idle", error: null };
  } else {
    state.more = { status: "loading", error: null };
  }
  renderResults();
  searchController?.abort();
  const controller = new AbortController();
  searchController = controller;
  let timedOut = false;
  const timer = window.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, TIMEOUT_MS);
  const offset = append ? state.answer.results.length : 0;
  try {
    const response = await fetch(`${API}/matches`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ ...state.request, limit: PAGE, offset }),
      signal: controller.signal,
    });
    if (!response.ok) throw Object.assign(new Error("http"), { kind: "server", code: response.status });
    const data = await response.json();
    if (!Array.isArray(data.results)) throw Object.assign(new Error("shape"), { kind: "server", code: 200 });
    if (append) {
      state.answer.results.push(...data.results);
      state.answer.total = data.total;
      state.more = { status: "idle", error: null };
      announce(
        t("results.shown", { shown: formatNumber(state.answer.results.length), n: formatNumber(data.total) }),
      );
    } else {
      state.answer = data;
      state.status = "ready";
      announce(t("results.updated", { n: formatNumber(data.total) }));
    }
  } catch (error) {
    if (controller !== searchController) return; // a newer request took over
    if (error.name === "AbortError" && !timedOut) return;
    const kind = navigator.onLine === false ? "offline" : error.kind || "network";
    const failure = { kind, code: error.code };
    if (append) state.more = { status: "error", error: failure };
    else {
      state.status = "error";
      state.error = failure;
    }
  } finally {
    window.clearTimeout(timer);
  }
  if (controller === searchController) renderResults();
}

function errorText(error) {
  if (!error) return "";
  if (error.kind === "offline") return t("error.offline");
  if (error.kind === "server") return t("error.server", { code: error.code });
  return t("error.network");
}

/* ---------- results ---------- */

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
  const titles = (profile.titles || []).map((entry) => {
    // a desired job that resembles no title at the fair says so, like an unknown skill
    if ("matched" in entry && !entry.matched) {
      unknown = true;
      return unknownItem(entry.input);
    }
    return h("li", { class: "u u-ok" }, entry.input);
  });
  if (titles.length) rows.push([t("understood.titles"), titles]);
  const industries = (profile.industries || []).map((entry) => {
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

function saveButton(position) {
  const saved = state.visit.some((item) => item.id === position.id);
  return h(
    "button",
    {
      type: "button",
      class: "save",
      "data-save": position.id,
      "aria-pressed": saved ? "true" : "false",
      "aria-label": t("card.saveLabel", { title: position.title }),
    },
    h("span", { class: "save-star", "aria-hidden": "true", text: saved ? "★" : "☆" }),
    h("span", { class: "save-text", text: saved ? t("card.saved") : t("card.save") }),
  );
}

function facts(position, explanation) {
  const items = [
    h("li", { class: "fact pay" }, pay(position)),
    h("li", { class: "fact" }, t("card.openings", { n: formatNumber(position.openings ?? 1) })),
    h("li", { class: "fact" }, industryName(position.industry)),
  ];
  if (position.employer?.ownership)
    items.push(h("li", { class: "fact" }, ownershipName(position.employer.ownership)));
  if (position.education) {
    const eligible = explanation?.education?.eligible;
    items.push(
      h(
        "li",
        {
          class: `fact${eligible === false ? " fact-warn" : ""}`,
          title: eligible === false ? t("card.eduNo") : null,
        },
        t("card.education", { level: educationName(position.education) }),
        eligible === false ? h("span", { class: "sr-only" }, `（${t("card.eduNo")}）`) : null,
      ),
    );
  }
  return h("ul", { class: "facts" }, items);
}

function skillLines(position, explanation) {
  const matched = explanation?.skills?.matched || [];
  const missing = explanation?.skills?.missing || [];
  if (!matched.length && !missing.length) {
    return (position.skills || []).length ? null : h("p", { class: "skills-none", text: t("card.noSkills") });
  }
  const lines = [];
  if (matched.length) {
    lines.push(
      h(
        "div",
        { class: "skill-line" },
        h("span", { class: "skill-label", text: t("card.matched") }),
        h(
          "ul",
          { class: "skills" },
          matched.map((m) =>
            h(
              "li",
              { class: "skill hit" },
              h("span", { "aria-hidden": "true", class: "tick", text: "✓" }),
              matchedText(m),
            ),
          ),
        ),
      ),
    );
  }
  if (missing.length) {
    lines.push(
      h(
        "div",
        { class: "skill-line" },
        h("span", { class: "skill-label", text: t("card.missing") }),
        h(
          "ul",
          { class: "skills" },
          missing.slice(0, MISSING_SHOWN).map((name) => h("li", { class: "skill miss", text: name })),
          missing.length > MISSING_SHOWN
            ? h(
                "li",
                { class: "skill more", title: missing.slice(MISSING_SHOWN).join("、") },
                t("card.moreSkills", { n: missing.length - MISSING_SHOWN }),
              )
            : null,
        ),
      ),
    );
  }
  return lines;
}

const fold = (text) =>
  String(text ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "");

/** How one matched skill reads on a card: what the seeker wrote → what it was understood as. */
function matchedText(m) {
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

function card(result) {
  const position = result.position;
  known.set(position.id, position);
  const employer = position.employer || {};
  const percent = Math.round(Math.max(0, Math.min(1, Number(result.score) || 0)) * 100);
  return h(
    "li",
    { class: "card", "data-position": position.id, "data-industry": position.industry },
    h(
      "div",
      { class: "card-head" },
      h("span", { class: "rank", "aria-hidden": "true", text: result.rank ?? "" }),
      h(
        "h3",
        { class: "card-title" },
        h("span", { class: "sr-only", text: `${t("card.rank", { n: result.rank })} ` }),
        position.title,
      ),
      saveButton(position),
    ),
    h(
      "p",
      { class: "card-employer" },
      h("a", {
        class: "employer-link",
        href: `#employer/${encodeURIComponent(employer.id)}`,
        "data-employer": employer.id,
        "aria-label": t("card.employerLabel", { name: employer.name }),
        text: employer.name,
      }),
      h("span", { class: "booth", text: boothText(employer.booth) }),
    ),
    facts(position, result.explanation),
    h(
      "div",
      { class: "score" },
      h("span", { class: "score-bar", "aria-hidden": "true" }, h("span", { style: `width:${percent}%` })),
      h("span", { class: "score-text", text: t("card.score", { p: percent }) }),
    ),
    skillLines(position, result.explanation),
  );
}

function renderResults() {
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
  fill(stateBox);
  stateBox.className = "state";
  more.hidden = true;
  shown.textContent = "";
  $("more-error").textContent = "";
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
      h("button", { type: "button", class: "primary", onclick: () => search(), text: t("error.retry") }),
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
  total.textContent = t("results.total", { n: formatNumber(answer.total) });
  fill(cards, ...answer.results.map(card));
  if (!answer.results.length) {
    const names = activeFilterNames();
    stateBox.className = "state state-empty";
    fill(
      stateBox,
      h("h3", { text: t("noresults.title") }),
      h("p", {
        text: names.length
          ? t("noresults.filters", { filters: names.join(t("sep.list")) })
          : t("noresults.plain"),
      }),
      names.length
        ? h("button", { type: "button", class: "primary", onclick: clearFilters, text: t("filters.clear") })
        : null,
    );
    return;
  }
  if (answer.results.length < answer.total) {
    shown.textContent = t("results.shown", {
      shown: formatNumber(answer.results.length),
      n: formatNumber(answer.total),
    });
    more.hidden = false;
    more.disabled = state.more.status === "loading";
    more.textContent =
      state.more.status === "loading"
        ? t("results.loadingMore")
        : state.more.status === "error"
          ? t("error.retry")
          : t("results.more");
    $("more-error").textContent = state.more.status === "error" ? errorText(state.more.error) : "";
  }
}

/* ---------- the fair at a glance ---------- */

async function loadFair() {
  try {
    const [fairResponse, industryResponse] = await Promise.all([
      fetch(`${API}/fair`, { headers: { Accept: "application/json" } }),
      fetch(`${API}/industries`, { headers: { Accept: "application/json" } }),
    ]);
    if (industryResponse.ok) {
      const list = await industryResponse.json();
      const core = list.filter((item) => item.core);
      if (core.length) {
        state.industries = core.map(({ key, zh, en }) => ({ key, zh, en }));
        renderIndustryChips();
        renderFilterOptions();
      }
    }
    if (!fairResponse.ok) throw new Error(String(fairResponse.status));
    state.fair = await fairResponse.json();
    state.fairFailed = false;
  } catch {
    state.fairFailed = true;
  }
  renderFair();
  renderResults();
}

function renderFair() {
  const counts = state.fair?.counts;
  const placeholder = state.fairFailed ? "—" : "…";
  $("stat-employers").textContent = counts ? formatNumber(counts.employers) : placeholder;
  $("stat-positions").textContent = counts ? formatNumber(counts.positions) : placeholder;
  $("stat-openings").textContent = counts ? formatNumber(counts.openings) : placeholder;
  const industryBox = $("chart-industry");
  const ownershipBox = $("chart-ownership");
  const legend = $("legend-ownership");
  if (!counts) {
    const text = state.fairFailed ? t("fair.error") : t("fair.loading");
    fill(industryBox, h("p", { class: "note", text }));
    fill(ownershipBox);
    fill(legend);
    return;
  }
  const byIndustry = counts.by_industry || {};
  const items = Object.entries(byIndustry)
    .filter(([, value]) => value.positions > 0)
    .map(([key, value]) => ({ label: industryName(key), value: value.positions }))
    .sort((a, b) => b.value - a.value);
  fill(
    industryBox,
    barChart(items, {
      label: `${t("glance.industryDesc")}${t("sep.colon")}${items.map((i) => `${i.label} ${formatNumber(i.value)}`).join(t("sep.list"))}`,
      format: formatNumber,
    }),
  );
  const byOwnership = counts.by_ownership || {};
  const slices = OWNERSHIP.filter((key) => byOwnership[key]).map((key) => ({
    key,
    label: ownershipName(key),
    value: byOwnership[key].employers,
    color: OWNERSHIP_COLOURS[key],
  }));
  const employers = slices.reduce((sum, s) => sum + s.value, 0) || 1;
  fill(
    ownershipBox,
    donutChart(slices, {
      label: `${t("glance.ownershipDesc")}${t("sep.colon")}${slices.map((s) => `${s.label} ${s.value}`).join(t("sep.list"))}`,
      center: formatNumber(counts.employers),
      sub: t("fair.employers"),
    }),
  );
  fill(
    legend,
    ...slices.map((s) =>
      h(
        "li",
        {},
        h("span", { class: "swatch", style: `background:${s.color}`, "aria-hidden": "true" }),
        h("span", { class: "legend-label", text: s.label }),
        h("span", {
          class: "legend-value",
          text: `${t("glance.employers", { n: formatNumber(s.value) })} · ${Math.round((s.value / employers) * 100)}%`,
        }),
      ),
    ),
  );
}

/* ---------- saving positions: my visit list ---------- */

function snapshot(position) {
  const e = position.employer || {};
  return {
    id: position.id,
    title: position.title,
    employer: { id: e.id, name: e.name, booth: e.booth ?? null, ownership: e.ownership },
    industry: position.industry,
    education: position.education,
    salary_min: position.salary_min ?? null,
    salary_max: position.salary_max ?? null,
    openings: position.openings ?? 1,
  };
}

function toggleSaved(id) {
  const index = state.visit.findIndex((item) => item.id === id);
  if (index >= 0) state.visit.splice(index, 1);
  else {
    const position = known.get(id);
    if (!position) return;
    state.visit.push(snapshot(position));
  }
  store.saveVisit(state.visit);
  const saved = index < 0;
  for (const button of document.querySelectorAll(`[data-save="${CSS.escape(id)}"]`)) {
    button.setAttribute("aria-pressed", saved ? "true" : "false");
    button.querySelector(".save-star").textContent = saved ? "★" : "☆";
    button.querySelector(".save-text").textContent = saved ? t("card.saved") : t("card.save");
  }
  renderNavCount();
}

function renderNavCount() {
  const count = $("nav-count");
  count.textContent = formatNumber(state.visit.length);
  count.hidden = state.visit.length === 0;
}

function renderList() {
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

/* ---------- the employer view ---------- */

async function loadEmployer(id) {
  state.employer = { id, status: "loading", data: null };
  renderEmployer();
  try {
    const response = await fetch(`${API}/employers/${encodeURIComponent(id)}`, {
      headers: { Accept: "application/json" },
    });
    if (!response.ok) throw new Error(String(response.status));
    const data = await response.json();
    if (state.employer?.id !== id) return;
    state.employer = { id, status: "ready", data };
  } catch {
    if (state.employer?.id !== id) return;
    state.employer = { id, status: "error", data: null };
  }
  renderEmployer();
  if (state.view === "employer") $("employer-name")?.focus();
}

function renderEmployer() {
  const body = $("employer-body");
  const current = state.employer;
  if (!current) return;
  if (current.status === "loading") {
    body.setAttribute("aria-busy", "true");
    fill(body, h("h2", { id: "employer-name", tabindex: "-1", text: t("employer.loading") }));
    return;
  }
  body.setAttribute("aria-busy", "false");
  if (current.status === "error") {
    fill(
      body,
      h("h2", { id: "employer-name", tabindex: "-1", text: t("employer.error") }),
      h("button", {
        type: "button",
        class: "primary",
        onclick: () => loadEmployer(current.id),
        text: t("error.retry"),
      }),
    );
    return;
  }
  const e = current.data;
  const positions = e.positions || [];
  for (const p of positions)
    known.set(p.id, {
      ...p,
      employer: p.employer || { id: e.id, name: e.name, booth: e.booth, ownership: e.ownership },
    });
  fill(
    body,
    h(
      "div",
      { class: "employer-head" },
      h(
        "div",
        { class: "booth-big" },
        h("span", { class: "booth-label", text: t("employer.booth") }),
        h("strong", { text: e.booth || "—" }),
      ),
      h(
        "div",
        { class: "employer-title" },
        h("h2", { id: "employer-name", tabindex: "-1", text: e.name }),
        h(
          "ul",
          { class: "facts" },
          h("li", { class: "fact" }, ownershipName(e.ownership)),
          h("li", { class: "fact" }, industryName(e.industry)),
        ),
      ),
    ),
    e.description ? h("p", { class: "employer-desc", text: e.description }) : null,
    h("h3", {
      class: "employer-positions-title",
      text: t("employer.positions", { n: formatNumber(positions.length) }),
    }),
    h(
      "ul",
      { class: "employer-positions" },
      positions.map((p) => {
        const position = known.get(p.id);
        return h(
          "li",
          { class: "pos", "data-position": p.id },
          h(
            "div",
            { class: "pos-head" },
            h("h4", { class: "pos-title", text: p.title }),
            saveButton(position),
          ),
          h(
            "ul",
            { class: "facts" },
            h("li", { class: "fact pay" }, pay(p)),
            h("li", { class: "fact" }, t("card.openings", { n: formatNumber(p.openings ?? 1) })),
            p.education
              ? h("li", { class: "fact" }, t("card.education", { level: educationName(p.education) }))
              : null,
          ),
          (p.skills || []).length
            ? h(
                "ul",
                { class: "skills" },
                p.skills.map((s) => h("li", { class: "skill", text: s })),
              )
            : null,
        );
      }),
    ),
  );
}

/* ---------- views and routing ---------- */

function show(view) {
  const previous = state.view;
  if (previous === "home" && view !== "home") state.homeScroll = window.scrollY;
  state.view = view;
  $("view-home").hidden = view !== "home";
  $("view-employer").hidden = view !== "employer";
  $("view-list").hidden = view !== "list";
  document.body.dataset.view = view;
  if (view === "home" && previous !== "home") {
    window.scrollTo(0, state.homeScroll);
    const opener = state.opener;
    state.opener = null;
    if (opener && document.contains(opener)) opener.focus({ preventScroll: true });
  } else if (view !== "home") {
    window.scrollTo(0, 0);
  }
}

function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, ""));
  const employer = hash.match(/^employer\/(.+)$/);
  if (employer) {
    show("employer");
    if (state.employer?.id !== employer[1] || state.employer.status === "error") loadEmployer(employer[1]);
    else {
      renderEmployer();
      $("employer-name")?.focus();
    }
  } else if (hash === "list") {
    show("list");
    renderList();
    $("list-title").focus();
  } else {
    show("home");
  }
}

function goBack() {
  if (state.navigated && history.length > 1) history.back();
  else location.hash = "";
}

/* ---------- wiring ---------- */

function bind() {
  const form = $("profile-form");
  form.addEventListener("input", (event) => {
    if (event.target.id === "skill-input") return;
    readForm();
    persist();
    $("form-message").textContent = "";
  });
  form.addEventListener("change", () => {
    readForm();
    persist();
    renderEligibleHint();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    commitPendingSkill();
    readForm();
    if (profileIsEmpty()) {
      $("form-message").textContent = t("form.empty");
      $("titles").focus();
      return;
    }
    $("form-message").textContent = "";
    state.submitted = true;
    persist();
    search();
    if (window.matchMedia("(max-width: 959px)").matches) {
      $("results").scrollIntoView({ behavior: "smooth", block: "start" });
    }
  });
  $("clear").addEventListener("click", () => {
    searchController?.abort();
    state.profile = emptyProfile();
    state.filters = emptyFilters();
    state.submitted = false;
    state.answer = null;
    state.status = "idle";
    writeForm();
    persist();
    renderResults();
    $("titles").focus();
  });
  $("try-example").addEventListener("click", () => {
    state.profile = { ...emptyProfile(), ...EXAMPLE, skills: [...EXAMPLE.skills] };
    writeForm();
    form.requestSubmit();
  });
  $("more").addEventListener("click", () => search({ append: true }));
  $("lang").addEventListener("click", () => {
    setLang(lang() === "zh" ? "en" : "zh");
    renderAll();
  });
  document.addEventListener("click", (event) => {
    const save = event.target.closest("[data-save]");
    if (save) {
      toggleSaved(save.dataset.save);
      return;
    }
    const remove = event.target.closest("[data-remove]");
    if (remove) {
      toggleSaved(remove.dataset.remove);
      renderList();
      $("list-title").focus();
      return;
    }
    const link = event.target.closest(".employer-link");
    if (link) state.opener = link;
    if (event.target.closest("[data-back]")) goBack();
  });
  $("print").addEventListener("click", () => window.print());
  $("clear-list").addEventListener("click", () => {
    state.visit = [];
    store.saveVisit(state.visit);
    renderList();
    renderNavCount();
    renderResults();
  });
  window.addEventListener("hashchange", () => {
    state.navigated = true;
    route();
  });
  window.addEventListener("online", () => {
    if (state.status === "error") search();
  });
  window.addEventListener("storage", (event) => {
    if (event.key === "fairmatch.visit.v1") {
      state.visit = store.loadVisit();
      renderNavCount();
      if (state.view === "list") renderList();
    }
  });
}

function restore() {
  const saved = store.loadProfile();
  if (!saved) return;
  const p = saved.profile || {};
  state.profile = {
    titles: typeof p.titles === "string" ? p.titles : "",
    skills: Array.isArray(p.skills) ? p.skills.filter((s) => typeof s === "string").slice(0, 50) : [],
    industries: Array.isArray(p.industries) ? p.industries.filter((s) => typeof s === "string") : [],
    education: EDUCATION.includes(p.education) ? p.education : "",
    salary: p.salary == null ? "" : String(p.salary),
    major: typeof p.major === "string" ? p.major : "",
  };
  const f = saved.filters || {};
  state.filters = {
    industry: typeof f.industry === "string" ? f.industry : "",
    ownership: OWNERSHIP.includes(f.ownership) ? f.ownership : "",
    minSalary: f.minSalary ? String(f.minSalary) : "",
    eligible: Boolean(f.eligible),
  };
  state.submitted = Boolean(saved.submitted);
}

function start() {
  initLang();
  restore();
  bind();
  bindSkillInput();
  bindFilters();
  writeForm();
  renderAll();
  $("filters").open = activeFilterNames().length > 0 || window.matchMedia("(min-width: 960px)").matches;
  route();
  loadFair();
  if (state.submitted && !profileIsEmpty()) search();
  else state.submitted = false;
  document.body.classList.add("ready");
}

start();
