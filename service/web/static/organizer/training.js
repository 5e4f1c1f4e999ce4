// The guidance station's figure: the skills that most often stand between seekers and the positions closest
// to them (GET /stats/training, from the demand counts only) — what talks and trainings should cover.

import { bars } from "./charts.js";
import { h } from "../shared/dom.js";
import { call, session } from "./api.js";
import { STRINGS, formatNumber, lang, t } from "./i18n.js";

Object.assign(STRINGS.zh, {
  "dash.training": "培训讲座该讲什么：最常挡在求职者和最接近的岗位之间的技能",
  "dash.trainingAsked": "多见于会 {skills} 的求职者",
});
Object.assign(STRINGS.en, {
  "dash.training": "What talks and trainings should cover: the skills most often between seekers and their closest positions",
  "dash.trainingAsked": "mostly for seekers with {skills}",
});

function plot(content) {
  const target = document.querySelector("#chart-training .plot");
  target.replaceChildren(typeof content === "string" ? h("p", { class: "empty" }, content) : content);
}

export async function refreshTraining() {
  if (!session.token()) return plot(t("dash.signin"));
  const { status, body } = await call("/stats/training?limit=10");
  if (status !== 200) return plot(t("dash.none"));
  if (!body.topics.length) return plot(t("dash.none"));
  const items = body.topics.map((topic) => ({ label: topic.skill, values: [topic.weight] }));
  const series = [{ name: "", colour: "#c0502a" }];
  const sep = lang() === "zh" ? "、" : ", ";
  plot(
    h(
      "div",
      {},
      bars(items, { series, label: t("dash.training"), format: (n) => formatNumber(Math.round(n)) }),
      h("ul", { class: "training-notes" }, body.topics.map((topic) =>
        h("li", {}, `${topic.skill}：${t("dash.trainingAsked", { skills: topic.asked_with.join(sep) })}`))),
    ),
  ); // prettier-ignore
}
