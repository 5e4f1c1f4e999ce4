"""Shared and typed links to the seekers' page: whatever follows the #, the page starts and says what it can.
Chromium at 390 px against the real service with the default fair."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .test_seeker_page import open_page, wait_settled


@pytest.mark.parametrize("hash_", ["#position/%E5%", "#employer/E0%", "#%"])
def test_a_link_cut_short_after_a_percent_still_opens_the_page(phone: Page, server, hash_: str) -> None:
    # a link pasted from a chat cut off in the middle of an escape (%E5% is no character)
    errors: list[str] = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    open_page(phone, server, hash_)
    if hash_.startswith("#position/"):
        expect(phone.locator("#position-body h2")).to_have_text("这场招聘会没有这个岗位。")
    elif hash_.startswith("#employer/"):
        expect(phone.locator("#employer-body h2")).to_have_text("这场招聘会没有这家单位。")
    phone.goto(f"{server.url}/#")
    expect(phone.locator("#submit")).to_be_enabled()
    phone.fill("#titles", "会计")
    phone.click("#submit")
    wait_settled(phone)
    expect(phone.locator("#cards > li.card").first).to_be_visible()
    # the same link followed from the page itself (a hash change, not a load)
    phone.evaluate(f"location.hash = {hash_!r}")
    phone.evaluate("location.hash = ''")
    expect(phone.locator("#cards > li.card").first).to_be_visible()
    assert errors == []
