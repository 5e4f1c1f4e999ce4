"""The organisers' page at `/organizer`, in Chromium against the real service with the default fair."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from datetime import datetime

from playwright.sync_api import Page, expect

from ..sheet_builders import row, table, xlsx
from .conftest import ORGANISER_TOKEN


def api(server, path: str) -> dict:
    with urllib.request.urlopen(server.url + path, timeout=30) as response:
        return json.loads(response.read())


def sign_in(page: Page, server, name: str) -> None:
    page.goto(f"{server.url}/organizer")
    page.fill("#token", ORGANISER_TOKEN)
    page.fill("#name", name)
    page.click("#signin button[type=submit]")
    expect(page.locator("#who")).to_contain_text(name)


def test_upload_check_fix_publish_and_see_the_dashboard(fresh_server, page: Page, tmp_path):
    server = fresh_server()
    sign_in(page, server, "七星区人社局 张三")
    storage = page.evaluate(
        "() => ({session: {...sessionStorage}, local: {...localStorage}, cookie: document.cookie})"
    )
    assert ORGANISER_TOKEN in storage["session"].values()
    assert not any(ORGANISER_TOKEN in value for value in storage["local"].values())
    assert ORGANISER_TOKEN not in storage["cookie"] and not page.context.cookies()
    expect(page.locator("#dash-positions")).to_have_text("3,100")
    expect(page.locator("#chart-industry svg")).to_be_visible()

    shop = {"employer_name": "桂林七星直播电商有限公司", "industry": "电子商务"}
    new_rows = [
        row("E095", "直播运营", **shop, position_id="E095-P01", skills="直播、短视频剪辑", salary="5k-8k",
            openings=2, education="大专"),
        row("E095", "主播助理", **shop, position_id="E095-P02", salary="8000-5000", openings="很多"),
        row("E095", "带货主播", **shop, position_id="E095-P03", salary="10-15万", openings="3-5人"),
        row("E095", "选品专员", **shop, position_id="E095-P04", salary="年薪10万"),
    ]  # fmt: skip
    bad = tmp_path / "新增岗位.xlsx"
    bad.write_bytes(xlsx(table(new_rows)))
    page.set_input_files("#file", str(bad))
    page.click("#check")
    expect(page.locator("#preview-summary")).to_contain_text("4 处错误")
    errors = page.locator("table.errors tbody tr")
    expect(errors).to_have_count(4)
    expect(errors.nth(0)).to_contain_text("岗位表!J3")
    expect(errors.nth(0)).to_contain_text("最低值高于最高值")  # the service says "minimum above maximum"
    expect(errors.nth(1)).to_contain_text("岗位表!K3")
    expect(errors.nth(2)).to_contain_text("岗位表!J4")
    expect(errors.nth(2)).to_contain_text("像是年薪")  # 10-15万 a month: a year's pay, in Chinese
    expect(errors.nth(3)).to_contain_text("“年薪10万”像是年薪，不是月薪")  # a year's pay named as one
    expect(page.locator("#confirm")).to_be_hidden()

    new_rows[1].update(salary="5000-8000", openings=3)
    new_rows[2].update(salary="1-1.5万")
    good = tmp_path / "新增岗位-改.xlsx"
    good.write_bytes(xlsx(table(new_rows[:3])))  # the 年薪 row left out
    page.set_input_files("#file", str(good))
    page.click("#check")
    expect(page.locator("#preview-summary")).to_contain_text("没有错误")
    created = page.locator("table.counts tr[data-kind=positions] td[data-count=created]")
    expect(created).to_have_text("3")
    expect(page.locator("table.mix-industry")).to_contain_text("电子商务")
    assert api(server, "/api/v1/fair")["counts"]["positions"] == 3100  # the check wrote nothing

    page.click("#confirm")
    expect(page.locator("#publish-message")).to_contain_text("已发布")
    expect(page.locator("#dash-positions")).to_have_text("3,103")
    first = page.locator("#history tr").first
    expect(first).to_contain_text("新增岗位-改.xlsx")
    expect(first).to_contain_text("七星区人社局 张三")
    assert api(server, "/api/v1/positions/E095-P02")["salary_max"] == 8000
    assert api(server, "/api/v1/positions/E095-P03")["openings"] == 5  # 3-5人: the most it hires
    assert (
        page.evaluate("() => document.documentElement.scrollWidth") <= 360
    )  # no sideways scrolling on a phone

    page.click("#lang")
    expect(page.locator("h1")).to_have_text("Fair data workbench")
    expect(page.locator("#dash-positions")).to_have_text("3,103")


def test_a_wrong_token_is_refused_and_not_kept(fresh_server, desktop_page: Page):
    server = fresh_server(FAIR_LOAD_DEFAULT="0")
    desktop_page.goto(f"{server.url}/organizer")
    desktop_page.fill("#token", "not-the-token")
    desktop_page.click("#signin button[type=submit]")
    expect(desktop_page.locator("#signin-message")).to_contain_text("口令不对")
    assert desktop_page.evaluate("() => sessionStorage.length") == 0
    expect(desktop_page.locator("#check")).to_be_disabled()


def test_a_replace_shows_its_change_asks_for_the_deletions_and_can_be_restored(
    fresh_server, page: Page, tmp_path
):
    server = fresh_server()
    sign_in(page, server, "七星区人社局 李四")
    expect(page.locator("#dash-positions")).to_have_text("3,100")
    sheet = tmp_path / "只留一家.xlsx"
    sheet.write_bytes(
        xlsx(table([row("E001", "电子工艺工程师", position_id="E001-P01", salary="4000+提成")]))
    )
    page.check("input[name=mode][value=replace]")
    page.set_input_files("#file", str(sheet))
    page.click("#check")
    expect(page.locator("table.changes")).to_contain_text("E002")
    deletions = page.locator("label[for=confirm-count]")
    expect(deletions).to_contain_text("请输入")
    expect(page.locator("#confirm")).to_be_disabled()
    count = api(server, "/api/v1/fair")["counts"]
    page.fill("#confirm-count", "1")
    expect(page.locator("#confirm")).to_be_disabled()
    text = deletions.text_content() or ""
    number = next(part for part in text.replace("。", " ").replace("：", " ").split() if part.isdigit())
    page.fill("#confirm-count", number)
    page.click("#confirm")
    expect(page.locator("#publish-message")).to_contain_text("已发布")
    expect(page.locator("#dash-positions")).to_have_text("1")
    assert int(number) == count["employers"] - 1 + count["positions"] - 1
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#history button.restore").first.click()
    expect(page.locator("#history-message")).to_contain_text("已恢复")
    expect(page.locator("#dash-positions")).to_have_text("3,100")
    region = page.locator("#history-card .scroll")
    assert region.get_attribute("tabindex") == "0"  # the history scrolls from the keyboard too


def test_the_change_names_each_row_beside_its_id(server, page: Page, tmp_path):
    sign_in(page, server, "张三")
    e002 = api(server, "/api/v1/employers/E002")
    sheet = tmp_path / "没有编号.csv"  # no id columns: the ids are made from a digest of the name
    sheet.write_text("单位名称,单位性质,所属行业,岗位名称,薪资\r\n桂林七星新开张商贸有限公司,民营企业,批发和零售业,理货员,4000\r\n",
                     encoding="utf-8")  # fmt: skip
    page.set_input_files("#file", str(sheet))
    page.click("#check")
    created = page.locator("table.changes tr[data-change=新增]")
    expect(created.nth(0)).to_contain_text("桂林七星新开张商贸有限公司")
    expect(created.nth(1)).to_contain_text("理货员 · 桂林七星新开张商贸有限公司")
    page.check("input[name=mode][value=replace]")
    page.click("#check")
    deleted = page.locator("table.changes tr[data-change=删除]", has_text=f"E002 · {e002['name']}")
    expect(deleted).to_have_count(1)
    assert api(server, "/api/v1/fair")["counts"]["positions"] == 3100  # checks write nothing


def test_the_newer_reader_and_field_messages_show_in_chinese(server, desktop_page: Page, tmp_path):
    page = desktop_page
    sign_in(page, server, "张三")
    zone_a = table([row("E01", "操作工", employer_name="桂林旅游（集团）有限公司", booth="A-01")])
    zone_b = table([row("E01", "焊工", employer_name="桂林旅游(集团)有限公司", booth="A-01")])
    sheet = tmp_path / "两个区.xlsx"
    sheet.write_bytes(
        xlsx(zone_b, sheet="B区", extra_sheets={"A区": zone_a, "联系人": [["王经理", "0773-1234567"]]})
    )
    page.set_input_files("#file", str(sheet))
    page.click("#check")
    notes = page.locator("details.notes")
    expect(notes).to_contain_text("这张表没有读取：前 10 行里没有同时写明“单位名称”和“岗位名称”的表头")
    expect(notes).to_contain_text("按 A区!B2 的单位“桂林旅游（集团）有限公司”读取")
    expect(notes).not_to_contain_text("sheet not read")
    expect(notes).not_to_contain_text("read as")

    zone_b = table([row("E01", "焊工", employer_name="桂林旅游（集团）有限公司", booth="B-09")])
    sheet.write_bytes(xlsx(zone_b, sheet="B区", extra_sheets={"A区": zone_a}))
    page.set_input_files("#file", str(sheet))
    page.click("#check")
    expect(page.locator("table.errors")).to_contain_text("与 A区!E2（“A-01”）不一致（单位 E01）")

    page.fill("#find-q", "E001-P01")
    page.press("#find-q", "Enter")
    page.click("#find-results button[data-id='E001-P01']")
    page.fill("#edit-salary_min", "五千")
    page.click("#edit-preview")
    expect(page.locator("#edit-salary_min-error")).to_have_text("应为整数")

    request = urllib.request.Request(f"{server.url}/api/v1/positions/E001-P01?dry_run=true", method="PATCH",
                                     data=json.dumps({"pay": 5000}).encode(),
                                     headers={"Authorization": f"Bearer {ORGANISER_TOKEN}",
                                              "Content-Type": "application/json"})  # fmt: skip
    try:
        urllib.request.urlopen(request, timeout=30)
    except urllib.error.HTTPError as refused:
        message = json.loads(refused.read())["errors"]["pay"][0]
    shown = page.evaluate(
        """async (message) => {
          const src = document.querySelector("script[type=module]").src.replace(/app\\.js$/, "i18n.js");
          return (await import(src)).serviceMessage(message);
        }""",
        message,
    )
    assert message.startswith("not a field of a position") and shown.startswith(
        "岗位没有这一项；可以改的有 title"
    )


def test_a_bureau_summary_sheet_is_checked_on_a_phone_in_chinese(server, page: Page, tmp_path):
    """The bureau's own summary: a merged title, 序号, a totals row, a level with its qualifier (read:
    大专（含）以上); a mistyped level and a head count Excel turned into a date are each an error in Chinese,
    with what to write instead."""
    sign_in(page, server, "张三")
    header = ["序号", "单位名称", "单位性质", "所属行业", "岗位名称", "招聘人数", "学历要求", "薪资"]
    shop = ["桂林七星直播电商有限公司", "民营企业", "电子商务"]
    rows = [["七星区2023年专场招聘会岗位汇总表"], header,
            [1, *shop, "主播", datetime(2023, 3, 5), "大抓及以上", "4000-6000，包吃住"],
            [2, *shop, "运营", "若干", "大专（含）以上", "5000左右"],
            ["合计", "", "", "", "", 6]]  # fmt: skip
    sheet = tmp_path / "汇总表.xlsx"
    sheet.write_bytes(xlsx(rows, merged=["A1:H1"]))
    page.set_input_files("#file", str(sheet))
    page.click("#check")
    errors = page.locator("table.errors tbody tr")
    expect(errors).to_have_count(2)
    expect(errors.nth(0)).to_contain_text("Excel 把这一格变成了日期（3月5日）；如果填的是 3-5")
    expect(errors.nth(1)).to_contain_text("“大抓及以上”不是认可的学历要求；是不是“大专”？")

    rows[2][5:7] = ["3-5人", "大专"]
    sheet.write_bytes(xlsx(rows, merged=["A1:H1"]))
    page.set_input_files("#file", str(sheet))
    page.click("#check")
    expect(page.locator("#preview-summary")).to_contain_text("表格没有错误")
    expect(page.locator("table.counts tr[data-kind=positions] td[data-count=created]")).to_have_text("2")
    expect(page.locator("details.notes")).to_contain_text("这一行是“合计”行，不是岗位，已跳过")
    assert api(server, "/api/v1/fair")["counts"]["positions"] == 3100  # checks write nothing


def test_a_change_of_the_fairs_own_facts_is_named_as_the_fairs(server, desktop_page: Page, tmp_path):
    """The fair's name showed as 单位名称 (an employer's field), its hall plan as 'hall' and long JSON."""
    page = desktop_page
    sign_in(page, server, "张三")
    fair = api(server, "/api/v1/fair")
    e001 = api(server, "/api/v1/employers/E001")
    sheet = tmp_path / "招聘会.xlsx"
    rows = table([row("E001", e001["positions"][0]["title"], position_id="E001-P01")])
    facts = [["字段", "值"], ["编号", fair["id"]], ["名称", "七星区秋季招聘会"], ["hall", "[清空]"]]
    sheet.write_bytes(xlsx(rows, fair=facts))
    page.set_input_files("#file", str(sheet))
    page.click("#check")
    fair_rows = page.locator("table.changes tr", has_text="招聘会")
    expect(fair_rows.filter(has_text="招聘会名称：")).to_contain_text("→ 七星区秋季招聘会")
    plan = fair_rows.filter(has_text="展馆平面图：")
    expect(plan).to_contain_text("→ （清空）")
    assert len(plan.inner_text()) < 200
    expect(page.locator("table.changes")).not_to_contain_text("单位名称：" + fair["name"])
    assert api(server, "/api/v1/fair")["name"] == fair["name"]  # checks write nothing


def test_a_file_the_service_cannot_read_is_explained_in_chinese(server, page: Page, tmp_path):
    """A damaged .xls (Excel 97-2003, as offices save) and a damaged .xlsx: in Chinese, with what to do."""
    sign_in(page, server, "张三")
    old = tmp_path / "岗位汇总.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    page.set_input_files("#file", str(old))
    page.click("#check")
    expect(page.locator("#preview-summary")).to_contain_text("“岗位汇总.xls”不是能读取的 Excel 工作簿")
    expect(page.locator("#preview-summary")).to_contain_text("另存为 .xlsx")
    damaged = tmp_path / "岗位.xlsx"
    damaged.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    page.set_input_files("#file", str(damaged))
    page.click("#check")
    expect(page.locator("#preview-summary")).to_contain_text("“岗位.xlsx”不是能读取的 Excel 工作簿")
    expect(page.locator("#preview-summary")).not_to_contain_text("save it again")


def test_a_publish_after_someone_else_changed_the_fair_asks_for_a_new_check(
    fresh_server, page: Page, tmp_path
):
    """The check showed one change; a correction by another organiser came in before 确认发布: the publish
    changes nothing and says to check again, instead of publishing what was never shown."""
    server = fresh_server()
    sign_in(page, server, "张三")
    job = api(server, "/api/v1/positions/E001-P01")
    sheet = tmp_path / "改薪资.xlsx"
    sheet.write_bytes(xlsx(table([row("E001", job["title"], position_id="E001-P01", salary="6000-9000")])))
    page.set_input_files("#file", str(sheet))
    page.click("#check")
    expect(page.locator("#confirm")).to_be_visible()
    request = urllib.request.Request(f"{server.url}/api/v1/positions/E001-P02", method="PATCH",
                                     data=json.dumps({"openings": 30}).encode(),
                                     headers={"Authorization": f"Bearer {ORGANISER_TOKEN}",
                                              "Content-Type": "application/json"})  # fmt: skip
    urllib.request.urlopen(request, timeout=30)
    page.click("#confirm")
    expect(page.locator("#publish-message")).to_contain_text("检查之后数据有变化")
    expect(page.locator("#preview")).to_be_hidden()
    assert api(server, "/api/v1/positions/E001-P01")["salary_max"] == job["salary_max"]
    page.click("#check")
    page.click("#confirm")
    expect(page.locator("#publish-message")).to_contain_text("已发布")
    assert api(server, "/api/v1/positions/E001-P01")["salary_max"] == 9000


def test_the_readers_newer_notes_show_in_chinese(server, desktop_page: Page):
    page = desktop_page
    sign_in(page, server, "张三")
    messages = [
        "one text across the row, no position: skipped",
        "2 hidden row(s) read as any other (3, 5): delete those not to publish",
        "a hidden column, read as any other",
        "'岗位.pdf' is not a file the service reads: upload .xlsx, .xls, .csv or .json.",
    ]
    shown = page.evaluate(
        """async (messages) => {
          const src = document.querySelector("script[type=module]").src.replace(/app\\.js$/, "i18n.js");
          const { serviceMessage } = await import(src);
          return messages.map(serviceMessage);
        }""",
        messages,
    )
    assert shown == [
        "这一行整行只有一段文字（如备注、分组标题），不是岗位，已跳过",
        "有 2 行在 Excel 里是隐藏的（第 3, 5 行），照样读取了；不要发布的请删除",
        "这一栏在 Excel 里是隐藏的，照样读取了",
        "“岗位.pdf”不是能读取的文件：请上传 .xlsx、.xls、.csv 或 .json",
    ]
