"""What the seekers' page says in the cases the first passes missed: why nothing fits when the filters are the
cause, and English counts of one. Chromium at 390 px against the real service with the default fair."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .test_seeker_page import matches, open_filters, open_page, search, wait_settled


def test_when_the_filters_leave_out_every_fitting_position_the_page_says_so(phone: Page, server) -> None:
    filters = {"ownership": ["education_training"], "min_salary": 10000}
    answer = matches(server, {"titles": ["会计"], "filters": filters})
    assert answer["matched"] == 0 < answer["total"]  # only positions that do not fit pass these filters
    open_page(phone, server)
    search(phone, titles="会计")
    open_filters(phone)
    phone.select_option("#f-ownership", "education_training")
    wait_settled(phone)
    phone.select_option("#f-salary", "10000")
    wait_settled(phone)
    expect(phone.locator("#total")).to_have_text("共 0 个匹配岗位")
    state = phone.locator("#state")
    # not "the fair has none of the jobs you wrote" (it has many 会计 positions): the filters left them out
    expect(state).to_contain_text("在筛选条件（单位性质：教育培训、最低月薪 ≥ 10,000）下")
    expect(state).not_to_contain_text("现场的岗位里都没有找到")
    phone.click("#lang")
    filters_en = "Employer type: Education & training; Minimum pay ≥ 10,000"
    expect(state).to_contain_text(f"Under the filters ({filters_en})")
    state.get_by_role("button", name="Clear filters").click()
    wait_settled(phone)
    expect(phone.locator("#cards > li.card").first).to_be_visible()
    expect(state).to_be_empty()
    # the button went with the message: the results hold the focus, not the page's start
    assert phone.evaluate("document.activeElement.id") == "results"


def test_counts_of_one_are_singular_in_english(phone: Page, server) -> None:
    open_page(phone, server)
    phone.click("#lang")
    search(phone, titles="会计")
    phone.locator("#cards button.save").first.click()
    phone.click("#nav-list")
    expect(phone.locator("#list-summary")).to_contain_text("1 position · 1 booth")
    expect(phone.locator("#hall title").first).to_have_text(
        "Hall plan: from the entrance, visit your 1 saved booth in the numbered order"
    )
    phone.go_back()
    booths = phone.locator("#cards > li.card .booth").all_text_contents()
    other = next(i for i, booth in enumerate(booths) if booth != booths[0])
    phone.locator("#cards button.save").nth(other).click()
    phone.click("#nav-list")
    expect(phone.locator("#list-summary")).to_contain_text("2 positions · 2 booths")


def test_the_forms_message_follows_the_language_switch(phone: Page, server) -> None:
    open_page(phone, server)
    phone.click("#submit")  # nothing written yet
    message = phone.locator("#form-message")
    expect(message).to_have_text("先写下求职意向或至少一项技能，再开始匹配。")
    phone.click("#lang")
    expect(message).not_to_contain_text("先写下")
    expect(message).to_contain_text("job")
    phone.fill("#titles", "会计")  # typing clears it, and a switch brings nothing back
    expect(message).to_be_empty()
    phone.click("#lang")
    expect(message).to_be_empty()


def test_the_position_page_says_a_skill_was_found_in_the_title_as_the_card_does(phone: Page, server) -> None:
    profile = {"titles": ["会计/出纳"], "skills": ["kuaiji"]}
    results = matches(server, profile)["results"]
    top = next(r for r in results if "title" in {m["source"] for m in r["explanation"]["skills"]["matched"]})
    open_page(phone, server)
    search(phone, titles="会计/出纳", skills=("kuaiji",))
    card = phone.locator(f'#cards > li.card[data-position="{top["position"]["id"]}"]')
    expect(card.locator(".skill.hit")).to_contain_text("kuaiji · 岗位名称里有")
    card.locator(".position-link").click()
    line = phone.locator("#position-body .why li").first
    # what the seeker wrote and where it was found, not the position's whole title listed as a skill
    expect(line).to_contain_text("对上的技能：")
    expect(line).to_contain_text("kuaiji · 岗位名称里有")
    expect(line).not_to_contain_text(top["position"]["title"])
    phone.click("#lang")
    expect(line).to_contain_text("kuaiji · in the job title")
