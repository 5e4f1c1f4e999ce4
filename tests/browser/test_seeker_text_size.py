"""The seekers' page follows the text size a reader sets in the browser (a larger default font), in every
part of the form and the results, and still fits a 360 px phone. Chromium against the real service."""

from __future__ import annotations

from playwright.sync_api import Page

from .test_seeker_page import open_page, search

# what a reader of large text reads: the labels, what they type, the notes, the buttons, a card's facts
PARTS = ["label[for=titles]", "#titles", ".subtitle", "#clear", "#try-example", "#cards .card-employer",
         "#cards .fact"]  # fmt: skip
SIZES = "parts => parts.map(p => parseFloat(getComputedStyle(document.querySelector(p)).fontSize))"


def sizes(browser, server, default_px: int) -> tuple[list[float], int]:
    context = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True)  # fmt: skip
    try:
        page: Page = context.new_page()
        page.set_default_timeout(10_000)
        cdp = context.new_cdp_session(page)
        cdp.send("Page.enable")
        # the browser's own setting (Chrome's font size), as a reader with poor sight sets it
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": default_px, "fixed": default_px}})
        open_page(page, server)
        search(page, titles="会计")
        return page.evaluate(SIZES, PARTS), page.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()


def test_the_page_grows_with_the_readers_text_size(browser, server) -> None:
    normal, _ = sizes(browser, server, 16)
    large, width = sizes(browser, server, 32)
    ratios = {part: round(b / a, 2) for part, a, b in zip(PARTS, normal, large, strict=True)}
    assert all(ratio >= 1.9 for ratio in ratios.values()), ratios
    assert width <= 360
