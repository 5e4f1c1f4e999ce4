"""Double taps on the seekers' page, as a thumb on a phone gives them: the second tap of a double tap does not
undo the first or act on whatever moved under the finger. Chromium at 360 px with touch."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .test_seeker_page import fill_profile, open_page, search


def double_tap(page: Page, locator) -> None:
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.touchscreen.tap(x, y)
    page.touchscreen.tap(x, y)


def test_a_double_tap_on_a_skills_cross_removes_that_skill_only(page: Page, server) -> None:
    open_page(page, server)
    fill_profile(page, skills=("Excel", "Word", "PPT", "会计"))
    double_tap(page, page.get_by_role("button", name="移除技能 Word"))
    expect(page.locator("#skill-tags .tag-text")).to_have_text(["Excel", "PPT", "会计"])


def test_a_double_tap_on_save_saves(page: Page, server) -> None:
    open_page(page, server)
    search(page, titles="会计")
    save = page.locator("#cards button.save").first
    double_tap(page, save)
    expect(save).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#nav-count")).to_have_text("1")
    page.wait_for_timeout(600)  # a tap well after is a tap of its own: it takes the position off again
    save.tap()
    expect(save).to_have_attribute("aria-pressed", "false")
