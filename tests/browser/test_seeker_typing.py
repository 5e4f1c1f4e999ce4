"""What a seeker types, as the page sends it: a long wish is cut to the service's 100 characters without
halving an emoji, and a skill past the 50th stays typed with a word on why. Chromium at 390 px against the
real service with the default fair."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from .test_seeker_page import open_page, wait_settled


def test_a_long_wish_ending_in_an_emoji_is_cut_whole(phone: Page, server) -> None:
    # the page keeps 100 characters of a wish; an emoji there is two UTF-16 units, and half of one is no text
    sent: list[dict] = []
    phone.on("request", lambda r: sent.append(r.post_data_json) if r.url.endswith("/matches") else None)
    open_page(phone, server)
    wish = "会计" + "财务" * 48 + "x😀😀"  # 101 characters, 102 UTF-16 units: the 100th is an emoji
    phone.fill("#titles", wish)
    phone.click("#submit")
    wait_settled(phone)
    expect(phone.locator("#state")).not_to_contain_text("服务出了点问题")
    assert sent[-1]["titles"] == [wish[:100]]


def test_a_skill_past_the_fiftieth_is_kept_in_the_input_and_the_page_says_why(phone: Page, server) -> None:
    skills = [f"技能{n}" for n in range(50)]
    profile = {"profile": {"skills": skills}, "filters": {}, "submitted": False}
    kept = json.dumps(json.dumps(profile))
    phone.add_init_script(f"localStorage.setItem('fairmatch.profile.v1', {kept})")
    open_page(phone, server)
    expect(phone.locator("#skill-tags .tag")).to_have_count(50)
    phone.fill("#skill-input", "Python")
    phone.press("#skill-input", "Enter")
    expect(phone.locator("#skill-input")).to_have_value("Python")  # not lost
    expect(phone.locator("#form-message")).to_have_text("最多写 50 项技能：先删掉一项，再加这一项。")
    phone.click("#lang")
    expect(phone.locator("#form-message")).to_contain_text("At most 50 skills")
    phone.get_by_role("button", name="Remove skill 技能0").click()
    phone.fill("#skill-input", "Python")
    phone.press("#skill-input", "Enter")
    expect(phone.locator("#skill-tags .tag-text").last).to_have_text("Python")
    expect(phone.locator("#skill-input")).to_have_value("")
    expect(phone.locator("#form-message")).to_be_empty()
