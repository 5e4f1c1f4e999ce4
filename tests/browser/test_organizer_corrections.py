"""Corrections on the organisers' page, in Chromium against the real service: find an employer or position,
edit it, see the change before saving, errors at their fields, a save that changes nothing says so; and a
sheet's check showing the cells it keeps and clears and the pay as written."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .test_organizer_page import api, sign_in


def version(server) -> int:
    return api(server, "/api/v1/fair")["data_version"]


def find_and_open(page: Page, query: str, kind: str, rid: str) -> None:
    page.fill("#find-q", query)
    page.press("#find-q", "Enter")  # the search works from the keyboard
    result = page.locator(f"#find-results button[data-kind={kind}][data-id='{rid}']")
    expect(result).to_be_visible()
    result.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#edit-heading")).to_contain_text(rid)
    expect(page.locator("#edit-heading")).to_be_focused()


def test_edit_a_position_preview_the_change_fix_an_error_and_save(fresh_server, page: Page):
    server = fresh_server()
    sign_in(page, server, "七星区人社局 王五")
    before, v = api(server, "/api/v1/positions/E001-P01"), version(server)
    find_and_open(page, "E001-P01", "positions", "E001-P01")
    expect(page.locator("#edit-openings")).to_have_value(str(before["openings"]))
    expect(page.locator("#edit-skills")).to_have_value("\n".join(before["skills"]))

    page.fill("#edit-salary_min", "9000")
    page.click("#edit-preview")
    error = page.locator("#edit-salary_max-error")
    expect(error).to_contain_text("最高薪资应不低于最低薪资")  # the service's 422, at its field, in Chinese
    expect(page.locator("#edit-salary_max")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#edit-message")).to_contain_text("数据没有任何改动")
    expect(page.locator("#edit-save")).to_be_hidden()

    page.fill("#edit-salary_min", str(before["salary_min"]))
    page.fill("#edit-openings", "9")
    page.fill("#edit-salary_text", "4000+提成")
    page.fill("#edit-skills", "\n".join([*before["skills"], "Excel"]))
    page.click("#edit-preview")
    changes = page.locator("table.edit-changes")
    expect(changes).to_contain_text(f"招聘人数：{before['openings']} → 9")
    expect(changes).to_contain_text("薪资原文：（空） → 4000+提成")
    expect(changes).to_contain_text("Excel")
    expect(error).to_be_empty()
    assert (
        version(server) == v and api(server, "/api/v1/positions/E001-P01")["openings"] == before["openings"]
    )
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360

    page.click("#edit-save")
    expect(page.locator("#edit-message")).to_contain_text("已保存")
    after = api(server, "/api/v1/positions/E001-P01")
    assert (after["openings"], after["salary_text"], after["skills"][-1]) == (9, "4000+提成", "Excel")
    assert version(server) == v + 1
    first = page.locator("#history tr").first
    expect(first).to_contain_text("positions/E001-P01")
    expect(first).to_contain_text("王五")

    page.click("#edit-preview")  # the form now holds what was saved: nothing left to change
    expect(page.locator("#edit-message")).to_contain_text("没有改动")
    assert version(server) == v + 1


def test_a_change_the_service_finds_empty_says_so_and_keeps_the_version(fresh_server, desktop_page: Page):
    page = desktop_page
    server = fresh_server()
    sign_in(page, server, "张三")
    booth = api(server, "/api/v1/employers/E001")["booth"]
    find_and_open(page, "E001", "employers", "E001")
    v = version(server)
    page.fill("#edit-booth", f"  {booth}  ")  # trimmed by the service: the same booth
    page.fill("#edit-name", api(server, "/api/v1/employers/E001")["name"] + " ")
    page.click("#edit-preview")
    expect(page.locator("#edit-message")).to_contain_text("没有改动")
    expect(page.locator("#edit-save")).to_be_hidden()
    page.select_option("#edit-ownership", "state_owned")
    page.click("#edit-preview")
    expect(page.locator("table.edit-changes")).to_contain_text("单位性质：民营企业 → 国有企业")
    page.fill("#edit-booth", "Z-99")  # editing after the preview asks for a new one
    expect(page.locator("#edit-save")).to_be_hidden()
    expect(page.locator("#edit-message")).to_contain_text("重新预览")
    assert version(server) == v

    page.click("#lang")
    expect(page.locator("label[for=edit-booth]")).to_have_text("Booth")
    expect(page.locator("#edit-booth")).to_have_value("Z-99")  # what was typed stays
    page.click("#lang")


def test_find_by_name_and_delete_after_a_confirmation(fresh_server, page: Page):
    server = fresh_server()
    sign_in(page, server, "张三")
    employer = api(server, "/api/v1/employers/E002")
    find_and_open(page, employer["name"][2:6], "employers", "E002")
    asked: list[str] = []

    def answer(dialog) -> None:
        asked.append(dialog.message)
        dialog.accept()

    page.once("dialog", answer)
    page.click("#edit-delete")
    expect(page.locator("#edit-message")).to_contain_text("已删除 E002")
    assert f"{len(employer['positions'])} 个岗位" in asked[0]
    expect(page.locator("#edit")).to_be_hidden()
    expect(page.locator("#dash-positions")).to_have_text(f"{3100 - len(employer['positions']):,}")


def test_a_sheet_check_shows_cells_kept_and_cleared_and_the_pay_as_written(
    fresh_server, page: Page, tmp_path
):
    server = fresh_server()
    sign_in(page, server, "张三")
    stored = api(server, "/api/v1/employers/E001")
    head = [
        "单位编号",
        "单位名称",
        "单位性质",
        "所属行业",
        "单位简介",
        "岗位编号",
        "岗位名称",
        "薪资",
        "福利待遇",
    ]
    sheet = tmp_path / "改薪资.csv"
    cells = [
        "E001",
        stored["name"],
        "民营企业",
        "批发和零售业",
        "",
        "E001-P01",
        "药店营业员",
        "4000+提成",
        "[清空]",
    ]
    sheet.write_text(",".join(head) + "\r\n" + ",".join(cells) + "\r\n", encoding="utf-8")
    page.set_input_files("#file", str(sheet))
    page.click("#check")
    expect(page.locator("#preview-summary")).to_contain_text("没有错误")
    blanks = page.locator("#blanks")
    expect(blanks).to_contain_text("空白单元格保留原有内容")
    expect(blanks).to_contain_text("1 个单元格标记了 [清空]")
    changes = page.locator("table.changes")
    expect(changes).to_contain_text("薪资原文：（空） → 4000+提成")
    expect(changes).to_contain_text("福利待遇：")
    expect(changes).to_contain_text("（清空）")
    expect(changes).not_to_contain_text("简介或描述")  # the blank description cell keeps the description
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360


def test_pay_wording_alone_sets_the_range_and_a_new_range_clears_the_old_wording(fresh_server, page: Page):
    server = fresh_server()
    sign_in(page, server, "张三")
    before = api(server, "/api/v1/positions/E001-P02")
    find_and_open(page, "E001-P02", "positions", "E001-P02")
    page.fill("#edit-salary_text", "5k-8k")
    page.fill("#edit-salary_max", "9000")
    page.click("#edit-preview")
    expect(page.locator("#edit-salary_text-error")).to_contain_text(
        "读作 5000-8000，与填写的最低、最高月薪不符"
    )

    page.fill("#edit-salary_max", str(before["salary_max"]))
    page.fill("#edit-salary_text", "4000-6000元/月")
    page.click("#edit-preview")
    changes = page.locator("table.edit-changes")
    expect(changes).to_contain_text("最低月薪（元）")
    expect(changes).to_contain_text("→ 4000")
    expect(changes).to_contain_text("→ 6000")
    page.click("#edit-save")
    expect(page.locator("#edit-message")).to_contain_text("已保存")

    page.fill("#edit-salary_min", "7000")
    page.fill("#edit-salary_max", "9000")
    page.click("#edit-preview")
    expect(changes).to_contain_text("薪资原文：4000-6000元/月 → （清空）")
    page.click("#edit-save")
    expect(page.locator("#edit-message")).to_contain_text("已保存")
    expect(page.locator("#edit-salary_text")).to_have_value("")
    after = api(server, "/api/v1/positions/E001-P02")
    assert (after["salary_min"], after["salary_max"], after["salary_text"]) == (7000, 9000, None)
