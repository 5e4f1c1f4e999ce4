"""axe-core (through axe-playwright-python, which bundles it) on every view of the seekers' page, at phone and
desktop widths, in Chinese and English: no serious or critical violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .test_seeker_page import open_page, wait_settled

AXE = Axe()
# an experimental rule axe leaves off by default; the page once failed it on the language and save buttons
OPTIONS = {"rules": {"label-content-name-mismatch": {"enabled": True}}}
CASES = [(390, 844, "zh"), (360, 740, "en"), (1280, 900, "zh"), (1280, 900, "en")]


def violations(page) -> list[str]:
    result = AXE.run(page, options=OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("width,height,language", CASES, ids=[f"{w}px-{lang}" for w, _, lang in CASES])
def test_no_serious_violation_on_any_view(browser, server, width: int, height: int, language: str) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        open_page(page, server)
        if language == "en":
            page.locator("#lang").click()
        found = {"home": violations(page)}
        page.locator("#try-example").click()
        wait_settled(page)
        if not page.locator("#filters").evaluate("d => d.open"):
            page.locator("#filters summary").click()
        page.locator("#cards button.save").first.click()
        found["results"] = violations(page)
        page.locator("#cards .position-link").first.click()
        expect(page.locator("#position-title")).to_be_visible()
        found["position"] = violations(page)
        page.locator("#position-body .employer-link").click()
        expect(page.locator("#employer-body .pos").first).to_be_visible()
        found["employer"] = violations(page)
        page.goto(f"{server.url}/#list")
        expect(page.locator("#route .stop").first).to_be_visible()
        found["list"] = violations(page)
        assert {view: v for view, v in found.items() if v} == {}
    finally:
        context.close()
