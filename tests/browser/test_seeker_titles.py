"""The document's title names the open view (a position, an employer, the visit list), in the page's language,
so that the browser's history, its tabs and a screen reader tell them apart. Chromium at 360 px."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .test_seeker_page import api, open_page, search

PAGE = "七星区高校毕业生招聘会 · 找岗位"
PAGE_EN = "Qixing graduate job fair · Find positions"


def test_each_view_has_a_title_of_its_own(page: Page, server) -> None:
    open_page(page, server)
    expect(page).to_have_title(PAGE)
    search(page, titles="会计")
    card = page.locator("#cards > li.card").first
    position = api(server, f"/api/v1/positions/{card.get_attribute('data-position')}")
    card.locator(".position-link").click()
    expect(page).to_have_title(f"{position['title']} · {PAGE}")
    page.locator("#position-body .employer-link").click()
    expect(page).to_have_title(f"{position['employer']['name']} · {PAGE}")
    page.click("#lang")
    expect(page).to_have_title(f"{position['employer']['name']} · {PAGE_EN}")
    page.click("#nav-list")
    expect(page).to_have_title(f"My visit list · {PAGE_EN}")
    page.go_back()
    page.go_back()
    expect(page).to_have_title(f"{position['title']} · {PAGE_EN}")
    page.go_back()
    expect(page).to_have_title(PAGE_EN)
    # a shared link, opened afresh: the title once the position is read
    page.goto(f"{server.url}/#position/{position['id']}")
    expect(page).to_have_title(f"{position['title']} · {PAGE_EN}")
