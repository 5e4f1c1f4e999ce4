// 上传简历: a résumé file read by the service into the profile form (skills as editable tags, titles,
// education, pay, major), with the line each value came from. The file is sent once and not kept.

import { $, h } from "../shared/dom.js";
import { API } from "./api.js";
import { fill, pay } from "./format.js";
import { lang, t } from "./i18n.js";
import { writeForm } from "./profile.js";
import { EDUCATION, persist, state } from "./state.js";
import "./station-i18n.js";

let lastRead = null; // the last answer, to redraw on a language switch
// what the status line says, to redraw on a language switch: {key, vars} of a string, or the service's
// {message} (Chinese, then English) when reading failed
let status = null;
const RESUME_MAX_BYTES = 2 * 1024 * 1024; // the largest file POST /profiles/read takes

function renderStatus() {
  const node = $("resume-status");
  let text = "";
  if (status?.message != null) {
    // the service answers Chinese, then English: show the reader's half
    const half = status.message.split(/(?<=[。！])\s+/);
    text = t("resume.failed", { message: lang() === "en" ? half.at(-1) : half[0] });
  } else if (status) text = t(status.key, status.vars);
  node.textContent = text;
  node.className = status?.bad ? "resume-status bad" : "resume-status";
}

function setStatus(next) {
  status = next;
  renderStatus();
}

function evidenceItem(label, value, evidence) {
  return h(
    "li",
    { class: "read-item" },
    h("span", { class: "read-value", text: label ? `${label}${t("sep.colon")}${value}` : value }),
    evidence ? h("span", { class: "read-evidence", text: t("resume.from", { line: evidence }) }) : null,
  );
}

export function renderResumeRead() {
  const box = $("resume-read");
  if (!box) return;
  renderStatus();
  if (!lastRead) {
    box.hidden = true;
    return;
  }
  const read = lastRead.read || {};
  const items = [];
  if (read.titles?.length) {
    items.push(evidenceItem(t("resume.titles"), read.titles.map((x) => x.value).join("、"), read.titles[0].evidence));
  }
  if (read.education) {
    items.push(evidenceItem(t("resume.education"), t(`education.${read.education.value}`), read.education.evidence));
  }
  if (read.major) items.push(evidenceItem(t("resume.major"), read.major.value, read.major.evidence));
  if (read.expected_salary) {
    const { min, max, evidence } = read.expected_salary;
    items.push(evidenceItem(t("resume.salary"), pay({ salary_min: min, salary_max: max }), evidence));
  }
  for (const skill of read.skills || []) items.push(evidenceItem("", skill.value, skill.evidence));
  fill(box, h("h3", { class: "read-title", text: t("resume.readTitle") }), h("ul", { class: "read-list" }, ...items));
  box.hidden = false;
}

function applyProfile(answer) {
  const profile = answer.profile || {};
  const skills = [...state.profile.skills];
  for (const skill of profile.skills || []) {
    if (skills.length < 50 && !skills.some((s) => s.toLowerCase() === skill.toLowerCase())) skills.push(skill);
  }
  state.profile.skills = skills;
  if (profile.titles?.length) state.profile.titles = profile.titles.join("、");
  if (EDUCATION.includes(profile.education)) state.profile.education = profile.education;
  if (profile.expected_salary) state.profile.salary = String(profile.expected_salary);
  if (profile.major) state.profile.major = profile.major;
  const keys = (answer.read?.industries || []).map((i) => i.echo?.key).filter(Boolean);
  for (const key of keys) if (!state.profile.industries.includes(key)) state.profile.industries.push(key);
  writeForm();
  persist();
}

async function upload(file) {
  // a file the service would refuse is not sent (on the fair's Wi-Fi that is minutes for nothing)
  if (file.size > RESUME_MAX_BYTES) return setStatus({ key: "resume.tooBig", bad: true });
  setStatus({ key: "resume.reading" });
  const form = new FormData();
  form.append("file", file);
  let response;
  try {
    response = await fetch(`${API}/profiles/read`, { method: "POST", body: form, headers: { Accept: "application/json" } });
  } catch {
    setStatus({ key: "resume.network", bad: true });
    return;
  }
  const data = await response.json().catch(() => ({}));
  // 413 is also a small file that inflates too far (errors.file: unpacked_too_large): that says so itself
  const reason = data.errors?.file?.[0];
  if (response.status === 413 && (reason === undefined || reason === "too_large")) {
    return setStatus({ key: "resume.tooBig", bad: true });
  }
  if (!response.ok) return setStatus({ message: String(data.message || response.status), bad: true });
  lastRead = data;
  applyProfile(data);
  renderResumeRead();
  setStatus({ key: "resume.done", vars: { n: (data.profile?.skills || []).length } });
  $("skill-input").focus({ preventScroll: true });
}

export function bindResume() {
  const input = $("resume-file");
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) upload(file);
    input.value = ""; // the same file may be picked again
  });
  $("clear").addEventListener("click", () => {
    lastRead = null;
    status = null;
    renderResumeRead();
  });
}
