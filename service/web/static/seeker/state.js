// The page's state: the profile and filters, the last answer, the open view; what is kept on the device.

import * as store from "./store.js";

export const PAGE = 20;
export const TIMEOUT_MS = 20000;
export const EDUCATION = [
  "none",
  "junior_high",
  "high_school",
  "secondary_vocational",
  "associate",
  "bachelor",
  "master",
  "doctorate",
];
export const OWNERSHIP = ["state_owned", "private", "education_training"];
export const OWNERSHIP_COLOURS = {
  state_owned: "#c0502a",
  private: "#0b6656",
  education_training: "#d69a1c",
};
export const MISSING_SHOWN = 6;
export const SALARY_STEPS = [3000, 4000, 5000, 6000, 8000, 10000];
// The benefits the service filters on (its keys, as employers write them); their English names are in i18n.
export const BENEFITS = ["双休", "五险一金", "包吃住"];
export const MAJOR_FILTERS = ["open", "only"]; // asking for my major or for none; asking for mine
export const SORTS = ["match", "salary"];
export const CORE_INDUSTRIES = [
  { key: "manufacturing", zh: "制造业", en: "Manufacturing" },
  { key: "real_estate", zh: "房地产业", en: "Real estate" },
  { key: "wholesale_retail", zh: "批发和零售业", en: "Wholesale and retail" },
  { key: "software_it", zh: "软件和信息技术服务业", en: "Software and IT services" },
  { key: "education", zh: "教育", en: "Education" },
  { key: "ecommerce", zh: "电子商务", en: "E-commerce" },
];
export const EXAMPLE = {
  titles: "电商运营",
  skills: ["淘宝运营", "Photoshop", "直播"],
  industries: [],
  education: "associate",
  salary: "",
  major: "",
};
export const SEPARATORS = /[,，、;；\n]+/;

export const emptyProfile = () => ({
  titles: "",
  skills: [],
  industries: [],
  education: "",
  salary: "",
  major: "",
});
export const emptyFilters = () => ({
  industry: "",
  ownership: "",
  minSalary: "",
  eligible: false,
  benefits: [],
  major: "",
  sort: "match",
});

export const state = {
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
  position: null, // {id, status, data}
  offline: false, // the results on screen are the kept copy
  unapplied: false, // …kept for the same profile under other filters or order, changed while offline
  view: "home",
  opener: null,
  homeScroll: 0,
  navigated: false,
};
export const known = new Map(); // position id -> position, for saving from any list
export const understoodSkills = new Map(); // a skill as the seeker wrote it -> the name it was understood as

export function persist() {
  store.saveProfile({ profile: state.profile, filters: state.filters, submitted: state.submitted });
}

export function restore() {
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
    benefits: Array.isArray(f.benefits) ? BENEFITS.filter((b) => f.benefits.includes(b)) : [],
    major: MAJOR_FILTERS.includes(f.major) ? f.major : "",
    sort: SORTS.includes(f.sort) ? f.sort : "match",
  };
  state.submitted = Boolean(saved.submitted);
}
