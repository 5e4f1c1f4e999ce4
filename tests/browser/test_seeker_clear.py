"""清空 on the seekers' page sits beside the search button: a slip of the thumb clears the profile, and 撤销
brings back everything it took (profile, filters, results), in either language. Chromium at 360 px."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .test_seeker_page import fill_profile, open_filters, open_page, search, wait_settled


def test_undo_brings_back_a_cleared_profile_its_filters_and_results(page: Page, server) -> None:
    open_page(page, server)
    search(page, titles="会计、出纳", skills=("Excel", "用友"), education="bachelor")
    page.fill("#major", "会计学")
    open_filters(page)
    page.select_option("#f-salary", "5000")
    wait_settled(page)
    total = page.locator("#total").text_content()
    page.click("#clear")
    expect(page.locator("#titles")).to_have_value("")
    expect(page.locator("#skill-tags .tag")).to_have_count(0)
    expect(page.locator("#cleared")).to_have_text("资料已清空。 撤销")
    page.click("#lang")
    undo = page.get_by_role("button", name="Undo")
    expect(page.locator("#cleared-text")).to_have_text("Your profile is cleared.")
    undo.click()
    expect(page.locator("#titles")).to_have_value("会计、出纳")
    expect(page.locator("#skill-tags .tag-text")).to_have_text(["Excel", "用友"])
    expect(page.locator("#education")).to_have_value("bachelor")
    expect(page.locator("#major")).to_have_value("会计学")
    expect(page.locator("#f-salary")).to_have_value("5000")
    wait_settled(page)
    same = total.replace("共 ", "").replace(" 个匹配岗位", " matching positions")  # same count, English
    expect(page.locator("#total")).to_have_text(same)
    expect(undo).to_be_hidden()
    expect(page.locator("#titles")).to_be_focused()
    # kept on the device as it was before 清空
    page.reload()
    expect(page.locator("#titles")).to_have_value("会计、出纳")
    wait_settled(page)
    expect(page.locator("#cards > li.card").first).to_be_visible()


def test_writing_after_clearing_forgets_the_undo(page: Page, server) -> None:
    open_page(page, server)
    fill_profile(page, titles="会计", skills=("Excel",))
    page.click("#clear")
    expect(page.locator("#undo-clear")).to_be_visible()
    page.fill("#skill-input", "Word")
    expect(page.locator("#undo-clear")).to_be_hidden()
    expect(page.locator("#cleared-text")).to_be_empty()


def test_trying_the_example_over_a_half_written_profile_can_be_undone(page: Page, server) -> None:
    open_page(page, server)
    fill_profile(page, titles="幼师", skills=("普通话", "钢琴"), education="associate")
    page.click("#try-example")  # 第一次来？ above the form: curious, before searching
    wait_settled(page)
    expect(page.locator("#titles")).to_have_value("电商运营")
    expect(page.locator("#cleared-text")).to_have_text("已换成示例资料。")
    page.get_by_role("button", name="撤销").click()
    expect(page.locator("#titles")).to_have_value("幼师")
    expect(page.locator("#skill-tags .tag-text")).to_have_text(["普通话", "钢琴"])
    # not searched yet, as before the example: its results went with it
    expect(page.locator("#results")).to_be_hidden()
    expect(page.locator("#welcome")).to_be_visible()
    # on an empty form the example replaces nothing, and offers nothing to undo
    page.click("#clear")
    page.click("#try-example")
    wait_settled(page)
    expect(page.locator("#undo-clear")).to_be_hidden()
