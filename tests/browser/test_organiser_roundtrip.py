"""A bureau clerk's week on the organisers' page: download the fair, edit it in Excel, upload it back. The
check says in Chinese what Excel did and what the file would undo of the corrections made since its
download."""

from __future__ import annotations

import io
import json
import urllib.request

from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from .conftest import ORGANISER_TOKEN
from .test_organizer_page import api, sign_in


def correct(server, path: str, change: dict) -> None:
    request = urllib.request.Request(f"{server.url}/api/v1{path}", method="PATCH",
                                     data=json.dumps(change).encode(),
                                     headers={"Authorization": f"Bearer {ORGANISER_TOKEN}",
                                              "Content-Type": "application/json"})  # fmt: skip
    urllib.request.urlopen(request, timeout=30)


def test_last_weeks_download_over_this_weeks_corrections_is_named_in_chinese_before_publishing(
    fresh_server, desktop_page: Page, tmp_path
):
    server = fresh_server()
    page = desktop_page
    sign_in(page, server, "张三")
    with page.expect_download() as download:
        page.click("button[data-export='.xlsx']")
    assert download.value.suggested_filename == "qixing-2023.xlsx"
    book = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    sheet = book["岗位表"]
    assert [c.value for c in sheet[2]][6] == "E001-P01"
    job = api(server, "/api/v1/positions/E001-P01")
    correct(server, "/positions/E001-P01", {"openings": job["openings"] + 10})  # a correction during the week
    sheet.delete_rows(3)  # and the clerk's own edit of last week's file: E001-P02 withdrawn
    sheet["A2"] = "Ｅ００１"  # typed with the input method in full-width mode
    edited = io.BytesIO()
    book.save(edited)
    path = tmp_path / "上周的岗位表.xlsx"
    path.write_bytes(edited.getvalue())
    page.set_input_files("#file", str(path))
    page.click("#check")
    warning = page.locator("#since-export")
    expect(warning).to_contain_text("这个文件是较早导出的", timeout=90_000)  # a check of all 3,100 rows
    expect(warning).to_contain_text(f"岗位“E001-P01”的招聘人数会改回导出时的 {job['openings']}")
    expect(warning).to_contain_text("之后又发布了 1 次导入或更正")
    expect(warning).not_to_contain_text("exported")
    notes = page.locator("details.notes")
    expect(notes).to_contain_text("单位“E001”已有的 1 个岗位不在这个文件里，增补更新会保留它们")
    expect(notes).to_contain_text("按已有的编号“E001”读取（原文是全角字符）")
    expect(notes).not_to_contain_text("stored position")
    assert api(server, "/api/v1/positions/E001-P01")["openings"] == job["openings"] + 10  # nothing written
    expect(page.locator("#confirm")).to_be_disabled()  # until the clerk says the undoings are meant
    page.check("#since-export-seen")
    expect(page.locator("#confirm")).to_be_enabled()
    page.uncheck("#since-export-seen")
    expect(page.locator("#confirm")).to_be_disabled()


def check_csv(page: Page, path, lines: list[str]) -> None:
    """Check a CSV sheet of ``lines`` as a bureau's Excel saves one (GBK, CRLF) on the organiser page."""
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    page.set_input_files("#file", str(path))
    page.click("#check")


def test_the_template_uploaded_unchanged_says_so_in_chinese(server, page: Page, tmp_path):
    sign_in(page, server, "李四")
    with urllib.request.urlopen(f"{server.url}/api/v1/fixtures/template.xlsx", timeout=30) as response:
        (tmp_path / "fair-template.xlsx").write_bytes(response.read())
    page.set_input_files("#file", str(tmp_path / "fair-template.xlsx"))
    page.click("#check")
    expect(page.locator("#no-change")).to_be_visible()
    expect(page.locator("#since-export")).to_have_count(0)
    page.locator("details.notes summary").click()
    expect(page.locator("details.notes")).to_contain_text("这是模板的示例行，已跳过")
    expect(page.locator("details.notes")).not_to_contain_text("example row")


def test_a_file_of_another_fair_is_questioned_in_chinese(server, desktop_page: Page, tmp_path):
    page = desktop_page
    sign_in(page, server, "王五")
    lines = [
        "单位编号,单位名称,单位性质,所属行业,岗位名称",
        "E001,桂林去年的企业有限公司,民营企业,制造业,普工",
        "E002,桂林另一家企业有限公司,民营企业,制造业,焊工",
    ]
    check_csv(page, tmp_path / "去年的岗位表.csv", lines)
    page.locator("details.notes summary").click()
    notes = page.locator("details.notes")
    expect(notes).to_contain_text("文件里有 2 家单位的编号与现有单位相同，其中 2 家名称不同")
    expect(notes).to_contain_text("这是不是别的招聘会的文件？")


def test_pay_in_the_wrong_one_of_two_pay_columns_is_explained_in_chinese(
    server, desktop_page: Page, tmp_path
):
    page = desktop_page
    sign_in(page, server, "王五")
    lines = [
        "单位编号,单位名称,岗位名称,薪资,最低月薪",
        "E001,桂林翠竹医药连锁有限公司,普工,,5000-8000",
        "E001,桂林翠竹医药连锁有限公司,焊工,5000-8000,4000",
    ]
    check_csv(page, tmp_path / "两栏薪资.csv", lines)
    errors = page.locator("table.errors")
    expect(errors).to_contain_text("这一栏只填一个数：最低月薪，如 5000；范围请填在“薪资”栏")
    expect(errors).to_contain_text("与薪资“5000-8000”不一致：留空其中一栏，或填写相同的薪资")
    expect(errors).not_to_contain_text("leave one blank")
