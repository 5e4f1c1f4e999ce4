// Every string of the organisers' page, in Chinese (the default) and English. Data stays as it was written.

export const STRINGS = {
  zh: {
    "page.title": "七星区招聘会 · 组织者工作台",
    brand: "七星区招聘会 · 组织者",
    "lang.switch": "EN",
    "lang.switchLabel": "Switch to English",
    "intro.title": "招聘会数据工作台",
    "intro.text": "上传用人单位的岗位表格，先检查，再一键发布；查看招聘会概况和求职者的需求。",
    "signin.title": "登录",
    "signin.token": "组织者口令",
    "signin.tokenHint": "口令只保存在这个浏览器标签页里，关闭标签页即清除。",
    "signin.name": "您的姓名或单位",
    "signin.nameHint": "记入上传记录，例如：七星区人社局 张三",
    "signin.submit": "登录",
    "signin.checking": "正在核对口令…",
    "signin.as": "已登录：{name}",
    "signin.anonymous": "未署名",
    "signin.out": "退出",
    "signin.wrong": "口令不对，请重新输入。",
    "signin.disabled": "服务器没有设置组织者口令，无法在网页上管理数据。",
    "signin.needed": "请先登录。",
    "upload.title": "上传数据",
    "upload.file": "选择文件（.xlsx、.csv 或 .json）",
    "upload.mode": "上传方式",
    "upload.upsert": "增补和更新（不删除表格里没有的单位）",
    "upload.replace": "整体替换（招聘会只保留表格里的单位和岗位）",
    "upload.check": "检查",
    "upload.checking": "正在检查…",
    "upload.templates": "模板：",
    "upload.templateXlsx": "Excel 模板",
    "upload.templateCsv": "CSV 模板",
    "upload.exports": "导出当前数据：",
    "upload.noFile": "请先选择一个文件。",
    "preview.title": "检查结果",
    "preview.ok": "表格没有错误。发布后的变化如下：",
    "preview.errors": "发现 {n} 处错误，数据没有任何改动。请修改表格后重新上传。",
    "preview.error": "发现 1 处错误，数据没有任何改动。请修改表格后重新上传。",
    "preview.where": "位置",
    "preview.column": "栏目",
    "preview.value": "内容",
    "preview.problem": "问题",
    "preview.empty": "（空）",
    "preview.kind": "",
    "preview.created": "新增",
    "preview.updated": "更新",
    "preview.deleted": "删除",
    "preview.unchanged": "不变",
    "preview.employers": "用人单位",
    "preview.positions": "岗位",
    "preview.mix": "构成变化",
    "preview.now": "现在",
    "preview.after": "发布后",
    "preview.byOwnership": "按单位性质（单位数 / 岗位数）",
    "preview.byIndustry": "按行业（岗位数 / 招聘人数）",
    "preview.notes": "{n} 条提示（已按推测处理）",
    "preview.confirm": "确认发布",
    "preview.publishing": "正在发布…",
    "preview.published": "已发布：数据版本 {v}。新增岗位 {c} 个，更新 {u} 个，删除 {d} 个。",
    "preview.failed": "发布失败：{message}",
    "preview.changed": "文件或上传方式已改变，请重新检查。",
    "history.title": "上传记录",
    "history.when": "时间",
    "history.file": "文件",
    "history.mode": "方式",
    "history.employers": "单位 新增/更新/删除",
    "history.positions": "岗位 新增/更新/删除",
    "history.who": "操作人",
    "history.version": "版本",
    "history.none": "还没有记录。",
    "history.default": "默认数据",
    "history.cli": "命令行",
    "history.correction": "单条更正",
    "mode.upsert": "增补",
    "mode.replace": "替换",
    "mode.put": "写入",
    "mode.patch": "修改",
    "mode.delete": "删除",
    "dash.title": "招聘会概况",
    "dash.employers": "家用人单位",
    "dash.positions": "个岗位",
    "dash.openings": "人招聘",
    "dash.version": "数据版本",
    "dash.industry": "各行业岗位数和招聘人数",
    "dash.ownership": "按单位性质",
    "dash.pay": "各行业月薪范围（元）",
    "dash.payNote": "线为最低到最高，方块为中间一半岗位的起薪到顶薪，竖线为中位数；面议岗位不计。",
    "dash.skills": "求职者最常填写的技能",
    "dash.gap": "求职者想要、但现场没有岗位匹配的技能",
    "dash.none": "暂无数据。",
    "dash.signin": "登录后可见。",
    "dash.noFair": "还没有载入招聘会数据。",
    "legend.positions": "岗位数",
    "legend.openings": "招聘人数",
    "legend.employers": "单位数",
    "legend.matched": "有匹配岗位",
    "legend.unmatched": "没有匹配岗位",
    "unit.times": "{n} 次",
    "unit.yuan": "{n} 元",
    "ownership.state_owned": "国有企业",
    "ownership.private": "民营企业",
    "ownership.education_training": "教育培训",
    "error.network": "连不上服务器，请稍后再试。",
    "error.generic": "出错了：{message}",
  },
  en: {
    "page.title": "Qixing job fair · Organisers",
    brand: "Qixing job fair · Organisers",
    "lang.switch": "中文",
    "lang.switchLabel": "切换到中文",
    "intro.title": "Fair data workbench",
    "intro.text": "Upload the employers' spreadsheet, check it, then publish it in one step; see the fair and what seekers ask for.",
    "signin.title": "Sign in",
    "signin.token": "Organiser token",
    "signin.tokenHint": "Kept in this browser tab only; closing the tab forgets it.",
    "signin.name": "Your name or office",
    "signin.nameHint": "Recorded in the load history, e.g. Qixing HR bureau, Zhang San",
    "signin.submit": "Sign in",
    "signin.checking": "Checking the token…",
    "signin.as": "Signed in: {name}",
    "signin.anonymous": "no name given",
    "signin.out": "Sign out",
    "signin.wrong": "The token is wrong; please enter it again.",
    "signin.disabled": "The server has no organiser token set: data cannot be managed from the web.",
    "signin.needed": "Please sign in first.",
    "upload.title": "Upload data",
    "upload.file": "Choose a file (.xlsx, .csv or .json)",
    "upload.mode": "How to load it",
    "upload.upsert": "Add and update (keep employers the file leaves out)",
    "upload.replace": "Replace (the fair keeps only the file's employers and positions)",
    "upload.check": "Check",
    "upload.checking": "Checking…",
    "upload.templates": "Templates:",
    "upload.templateXlsx": "Excel template",
    "upload.templateCsv": "CSV template",
    "upload.exports": "Export the current data:",
    "upload.noFile": "Choose a file first.",
    "preview.title": "Check result",
    "preview.ok": "No errors. Publishing would change:",
    "preview.errors": "{n} errors found; nothing was changed. Fix the sheet and upload it again.",
    "preview.error": "1 error found; nothing was changed. Fix the sheet and upload it again.",
    "preview.where": "Cell",
    "preview.column": "Column",
    "preview.value": "Value",
    "preview.problem": "Problem",
    "preview.empty": "(empty)",
    "preview.kind": "",
    "preview.created": "New",
    "preview.updated": "Updated",
    "preview.deleted": "Deleted",
    "preview.unchanged": "Unchanged",
    "preview.employers": "Employers",
    "preview.positions": "Positions",
    "preview.mix": "Mix",
    "preview.now": "Now",
    "preview.after": "After",
    "preview.byOwnership": "By ownership (employers / positions)",
    "preview.byIndustry": "By industry (positions / openings)",
    "preview.notes": "{n} notes (read with a guess)",
    "preview.confirm": "Publish",
    "preview.publishing": "Publishing…",
    "preview.published": "Published: data version {v}. Positions new {c}, updated {u}, deleted {d}.",
    "preview.failed": "Publishing failed: {message}",
    "preview.changed": "The file or the mode changed; check again.",
    "history.title": "Load history",
    "history.when": "When",
    "history.file": "File",
    "history.mode": "Mode",
    "history.employers": "Employers new/upd./del.",
    "history.positions": "Positions new/upd./del.",
    "history.who": "Who",
    "history.version": "Version",
    "history.none": "Nothing loaded yet.",
    "history.default": "default fair",
    "history.cli": "command line",
    "history.correction": "correction",
    "mode.upsert": "upsert",
    "mode.replace": "replace",
    "mode.put": "put",
    "mode.patch": "patch",
    "mode.delete": "delete",
    "dash.title": "The fair at a glance",
    "dash.employers": "employers",
    "dash.positions": "positions",
    "dash.openings": "openings",
    "dash.version": "data version",
    "dash.industry": "Positions and openings by industry",
    "dash.ownership": "By ownership",
    "dash.pay": "Monthly pay by industry (CNY)",
    "dash.payNote": "Line: lowest to highest; box: median starting to median top pay; tick: median. Negotiable positions left out.",
    "dash.skills": "Skills seekers ask for most",
    "dash.gap": "Skills seekers want that no position at the fair matches",
    "dash.none": "No data yet.",
    "dash.signin": "Sign in to see this.",
    "dash.noFair": "No fair loaded yet.",
    "legend.positions": "positions",
    "legend.openings": "openings",
    "legend.employers": "employers",
    "legend.matched": "matches a position",
    "legend.unmatched": "matches none",
    "unit.times": "{n}×",
    "unit.yuan": "{n} CNY",
    "ownership.state_owned": "State-owned",
    "ownership.private": "Private",
    "ownership.education_training": "Education and training",
    "error.network": "Cannot reach the server; try again shortly.",
    "error.generic": "Something went wrong: {message}",
  },
};

const LANG_KEY = "fairmatch.organizer.lang";
let current = "zh";

export function initLang() {
  const saved = localStorage.getItem(LANG_KEY);
  current = saved === "en" ? "en" : "zh";
  return current;
}

export function lang() {
  return current;
}

export function setLang(value) {
  current = value === "en" ? "en" : "zh";
  localStorage.setItem(LANG_KEY, current);
}

export function t(key, vars = {}) {
  const text = STRINGS[current][key] ?? STRINGS.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}

export function formatNumber(n) {
  return new Intl.NumberFormat(current === "en" ? "en-GB" : "zh-CN").format(n);
}

/** Fills every element that carries data-i18n (text) or data-i18n-label (aria-label) in the current language. */
export function applyStatic(root = document) {
  document.documentElement.lang = current === "en" ? "en" : "zh-CN";
  document.title = t("page.title");
  for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll("[data-i18n-label]")) {
    node.setAttribute("aria-label", t(node.dataset.i18nLabel));
  }
}

// The service's error and note messages are English; in Chinese the page shows the common ones translated.
// Each pattern matches a message as the service writes it; $1… take the matched parts.
const MESSAGES_ZH = [
  [/^minimum above maximum$/, "最低值高于最高值"],
  [/^not a monthly pay;.*$/, "看不懂的月薪写法；可写 5000-8000、5k-8k、0.5万-0.8万、4000以上、8000以下、6000 或 面议"],
  [/^pay is whole yuan a month.*$/, "月薪应为整数元"],
  [/^a head count is a whole number.*$/, "招聘人数应为整数（或“若干”）"],
  [/^Missing data for required field\.$/, "必填，不能为空"],
  [/^must not be blank$/, "不能为空白"],
  [/^'(.*)' is not an education level.*$/, "“$1”不是认可的学历要求"],
  [/^'(.*)' is not an ownership kind; did you mean '(.*)'\?$/, "“$1”不是认可的单位性质；是不是“$2”？"],
  [/^'(.*)' is not an ownership kind.*$/, "“$1”不是认可的单位性质（国有企业、民营企业、教育培训）"],
  [/^'(.*)' is not a fair industry.*did you mean '(.*)'\?$/, "“$1”不是认可的行业；是不是“$2”？"],
  [/^'(.*)' is not a fair industry.*$/, "“$1”不是认可的行业名称或行业代码"],
  [/^differs from row (\d+) \('(.*)'\) for employer '(.*)'$/, "与第 $1 行（“$2”）不一致（单位 $3）"],
  [/^duplicate position id '(.*)'$/, "岗位编号“$1”重复"],
  [/^duplicate employer id '(.*)'$/, "单位编号“$1”重复"],
  [/^Must be greater than or equal to (\d+)\.$/, "应不小于 $1"],
  [/^Must be greater than or equal to (\d+) and less than or equal to (\d+)\.$/, "应在 $1 到 $2 之间"],
  [/^must be at least salary_min \((\d+)\)$/, "最高薪资应不低于最低薪资（$1）"],
  [/^at most 50 skills$/, "技能最多 50 项"],
  [/^a skill is 1 to 100 characters after trimming$/, "每项技能 1 到 100 个字"],
  [/^missing column (.*) \((.*)\)$/, "缺少“$1”这一栏"],
  [/^the same column as (.*)$/, "与 $1 栏重复"],
  [/^column not read by the service$/, "这一栏不会被读取"],
  [/^no header row found.*$/, "找不到表头：前几行应写明各栏名称，如 单位名称、岗位名称"],
  [/^no employer: .*$/, "这一行没有单位：请填写单位编号或单位名称"],
  [/^id (.*) given$/, "岗位编号留空，已自动编为 $1"],
  [/^'(.*)' counted as 1 opening$/, "“$1”按 1 人计"],
  [/^no fair: .*$/, "没有招聘会信息：文件里没有“招聘会”表，服务器上也还没有招聘会"],
  [/^the service holds fair '(.*)'; load '(.*)' with mode=replace$/, "服务器上是招聘会“$1”；要载入“$2”请选择整体替换"],
];

/** A message from the service, in Chinese when the page is and the message is a known one. */
export function serviceMessage(text) {
  if (current !== "zh" || !text) return text;
  for (const [pattern, zh] of MESSAGES_ZH) {
    if (pattern.test(text)) return text.replace(pattern, zh);
  }
  return text;
}
