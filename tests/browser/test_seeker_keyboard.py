"""The seekers' page by keyboard alone: after an action whose button goes away, the focus lands where the
reader goes on, not at the start of the page; a phone keyboard's Next key goes on to the next field.
Chromium at desktop width and at 360 px against the real service."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .test_seeker_page import ALL_CARDS, fill_profile, matches, open_page, search, wait_settled

PROFILE = {"titles": ["web前端"], "skills": ["javascrpt", "vue"]}


def focused_card(page: Page) -> str | None:
    return page.evaluate(
        "() => document.activeElement.matches('.position-link') ? "
        "document.activeElement.closest('[data-position]').dataset.position : null"
    )


def test_show_more_leaves_the_focus_on_the_first_new_card(desktop_page: Page, server) -> None:
    page = desktop_page
    answer = matches(server, PROFILE)
    assert 20 < answer["matched"] <= 40  # one press of 显示更多 shows them all, and its button goes
    page_two = matches(server, PROFILE, offset=20)["results"]
    open_page(page, server)
    search(page, titles=PROFILE["titles"][0], skills=tuple(PROFILE["skills"]))
    page.focus("#more")
    page.keyboard.press("Enter")
    expect(page.locator(ALL_CARDS)).to_have_count(40)
    wait_settled(page)
    expect(page.locator("#more")).to_be_hidden()
    assert focused_card(page) == page_two[0]["position"]["id"]
    # and Tab goes on from there, to that card's save button
    page.keyboard.press("Tab")
    expect(page.locator(f'[data-save="{page_two[0]["position"]["id"]}"]')).to_be_focused()


def test_clearing_the_visit_list_leaves_the_focus_on_the_list(desktop_page: Page, server) -> None:
    page = desktop_page
    open_page(page, server)
    search(page, titles="会计")
    page.focus("#cards button.save >> nth=0")
    page.keyboard.press("Enter")
    page.focus("#nav-list")
    page.keyboard.press("Enter")
    expect(page.locator("#route .stop")).to_have_count(1)
    page.focus("#clear-list")
    page.keyboard.press("Enter")
    expect(page.locator("#list-empty")).to_be_visible()
    expect(page.locator("#clear-list")).to_be_hidden()
    expect(page.locator("#list-title")).to_be_focused()


def test_back_through_a_position_and_its_employer_focus_is_on_the_card(desktop_page: Page, server) -> None:
    page = desktop_page
    open_page(page, server)
    search(page, titles="普工")
    card = page.locator("#cards > li.card").nth(2)
    card_id = card.get_attribute("data-position")
    card.locator(".position-link").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#position-title")).to_be_focused()
    page.locator("#position-body .employer-link").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#employer-name")).to_be_focused()
    page.locator("#employer-body .position-link").last.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#position-title")).to_be_focused()
    page.click("#lang")  # the results are drawn anew meanwhile
    for _ in range(3):
        page.locator("main .view:not([hidden]) button.back").click()
    expect(page.locator("#view-home")).to_be_visible()
    assert focused_card(page) == card_id


def test_the_next_key_after_the_desired_job_goes_on_to_the_skills(page: Page, server) -> None:
    # on a phone the keyboard's Enter reads 下一项 / Next in 求职意向 (enterkeyhint="next")
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if request.url.endswith("/matches") else None)
    open_page(page, server)
    expect(page.locator("#titles")).to_have_attribute("enterkeyhint", "next")
    page.locator("#titles").tap()
    page.keyboard.type("会计")
    page.keyboard.press("Enter")
    expect(page.locator("#skill-input")).to_be_focused()
    page.keyboard.type("Excel")
    page.keyboard.press("Enter")
    expect(page.locator("#skill-tags .tag-text")).to_have_text(["Excel"])
    expect(page.locator("#results")).to_be_hidden()
    assert sent == []
    page.locator("#submit").tap()  # the search is the button's
    wait_settled(page)
    assert len(sent) == 1


def test_retry_after_a_failure_leaves_the_focus_on_the_results(desktop_page: Page, server) -> None:
    page = desktop_page
    open_page(page, server)
    page.route("**/api/v1/matches", lambda route: route.fulfill(status=503, json={"code": 503}))
    search(page, titles="会计")
    retry = page.locator("#state").get_by_role("button", name="重试")
    page.unroute("**/api/v1/matches")
    retry.focus()
    page.keyboard.press("Enter")
    wait_settled(page)
    expect(page.locator("#cards > li.card").first).to_be_visible()
    expect(page.locator("#results")).to_be_focused()
    page.keyboard.press("Tab")  # and on from there into the results, not from the page's start
    assert page.evaluate("document.getElementById('results').contains(document.activeElement)")


def test_holding_backspace_to_erase_a_word_keeps_the_skills(desktop_page: Page, server) -> None:
    page = desktop_page
    open_page(page, server)
    fill_profile(page, skills=("Excel", "Word", "PPT"))
    page.focus("#skill-input")
    page.keyboard.type("Pyt")
    cdp = page.context.new_cdp_session(page)
    key = {"key": "Backspace", "code": "Backspace", "windowsVirtualKeyCode": 8}
    cdp.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", **key})
    for _ in range(8):  # the key held down: the keyboard repeats it
        cdp.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", "autoRepeat": True, **key})
    cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", **key})
    expect(page.locator("#skill-input")).to_have_value("")
    expect(page.locator("#skill-tags .tag-text")).to_have_text(["Excel", "Word", "PPT"])
    page.keyboard.press("Backspace")  # a press of its own on the empty input takes the last one
    expect(page.locator("#skill-tags .tag-text")).to_have_text(["Excel", "Word"])


def test_adding_an_advised_skill_leaves_the_focus_on_the_results(desktop_page: Page, server) -> None:
    page = desktop_page
    open_page(page, server)
    search(page, titles="会计、出纳", skills=("Excel",))
    add = page.locator("#guidance .learn-add").first
    expect(add).to_be_visible()
    skill = add.get_attribute("data-learn")
    add.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#skill-tags .tag-text")).to_have_text(["Excel", skill])
    wait_settled(page)
    expect(page.locator("#guidance .learn-add").first).to_be_visible()
    expect(page.locator("#results")).to_be_focused()
