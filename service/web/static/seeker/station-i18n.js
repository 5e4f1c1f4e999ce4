// The guidance station's strings (résumé upload, what to learn next), added to the page's string table.

import { STRINGS } from "./i18n.js";

Object.assign(STRINGS.zh, {
  "resume.upload": "上传简历",
  "resume.hint": "PDF、Word（.docx）或文本，2 MB 以内。只读取技能、学历、专业和求职意向，不保存文件，也不读姓名和电话。",
  "resume.reading": "正在读取简历…",
  "resume.done": "已从简历读出 {n} 项技能，可在下面的技能里删改，再点“帮我找岗位”。",
  "resume.failed": "读取失败：{message}",
  "resume.network": "网络不通，请稍后再试。",
  "resume.readTitle": "简历里读到的内容",
  "resume.from": "来自：{line}",
  "resume.education": "学历",
  "resume.major": "专业",
  "resume.titles": "求职意向",
  "resume.salary": "期望月薪",
  "guidance.title": "下一步学什么",
  "guidance.intro": "现在有 {n} 个岗位的技能要求你都满足。",
  "guidance.none": "暂时没有一项技能能让你多满足某个岗位的全部要求。",
  "guidance.add": "加入我的技能",
  "guidance.asked": "这场招聘会最需要你的",
  "guidance.askedItem": "{skill}：{n} 个岗位写了",
  "guidance.unused": "没有岗位用到的写法",
  "guidance.loading": "正在计算…",
});

Object.assign(STRINGS.en, {
  "resume.upload": "Upload a résumé",
  "resume.hint": "PDF, Word (.docx) or text, up to 2 MB. Only skills, education, major and wished-for jobs are read; the file is not kept, and no name or phone is read.",
  "resume.reading": "Reading the résumé…",
  "resume.done": "{n} skills read from the résumé: edit them below, then press “Find positions”.",
  "resume.failed": "Could not read it: {message}",
  "resume.network": "No connection; try again later.",
  "resume.readTitle": "What the résumé says",
  "resume.from": "From: {line}",
  "resume.education": "Education",
  "resume.major": "Major",
  "resume.titles": "Wished-for jobs",
  "resume.salary": "Expected pay",
  "guidance.title": "What to learn next",
  "guidance.intro": "You meet every skill requirement of {n} positions now.",
  "guidance.none": "No single skill would make you meet every requirement of another position yet.",
  "guidance.add": "Add to my skills",
  "guidance.asked": "Your skills this fair asks for most",
  "guidance.askedItem": "{skill}: listed by {n} positions",
  "guidance.unused": "Words no posting uses",
  "guidance.loading": "Working it out…",
});
