"""A reader who asks their phone for reduced motion: the page jumps to the results instead of gliding there.
Chromium at 360 px against the real service."""

from __future__ import annotations

from playwright.sync_api import expect

from .test_seeker_page import fill_profile, open_page

PRESS_AND_MEASURE = """() => {
  document.getElementById("submit").click();
  return document.getElementById("results").getBoundingClientRect().top;
}"""


def test_reduced_motion_jumps_to_the_results(browser, server) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True, reduced_motion="reduce")  # fmt: skip
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        open_page(page, server)
        fill_profile(page, titles="会计")
        page.evaluate("window.scrollTo(0, 0)")
        # pressed, and read in the same task: a glide would only have begun
        top = page.evaluate(PRESS_AND_MEASURE)
        assert abs(top) < 2, top
        expect(page.locator("#results")).to_be_visible()
    finally:
        context.close()
