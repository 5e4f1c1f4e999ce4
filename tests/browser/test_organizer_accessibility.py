"""axe-core (through axe-playwright-python) on every view of the organisers' page and the booth-code sheet, at
phone and desktop widths, in Chinese and English: no serious or critical violation. Only dry runs are made, so
the shared server keeps the default fair."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from ..sheet_builders import row, table, xlsx
from .conftest import ORGANISER_TOKEN

AXE = Axe()
OPTIONS = {"rules": {"label-content-name-mismatch": {"enabled": True}}}
CASES = [(360, 740, "zh"), (1280, 900, "zh"), (360, 740, "en")]


def violations(page: Page) -> list[str]:
    result = AXE.run(page, options=OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def views(page: Page, server, tmp_path: Path, language: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    page.goto(f"{server.url}/organizer")
    if language == "en":
        page.locator("#lang").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    found["signed out"] = violations(page)
    page.fill("#token", ORGANISER_TOKEN)
    page.fill("#name", "张三")
    page.click("#signin button[type=submit]")
    expect(page.locator("#history td[data-label]").first).to_be_visible()
    expect(page.locator("#chart-industry svg")).to_be_visible()
    found["dashboard and history"] = violations(page)

    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(xlsx(table([row("E095", "主播", salary="8000-5000", openings="很多")])))
    page.set_input_files("#file", str(bad))
    page.click("#check")
    expect(page.locator("table.errors")).to_be_visible()
    found["check with errors"] = violations(page)
    good = tmp_path / "good.xlsx"
    good.write_bytes(xlsx(table([row("E001", "药店营业员", position_id="E001-P01", salary="4000+提成")])))
    page.check("input[name=mode][value=replace]")
    page.set_input_files("#file", str(good))
    page.click("#check")
    expect(page.locator("#confirm-count")).to_be_visible()
    expect(page.locator("table.mix-industry")).to_be_visible()
    found["check with changes, mix and deletions"] = violations(page)

    page.fill("#find-q", "E001")
    page.press("#find-q", "Enter")
    expect(page.locator("#find-results button").first).to_be_visible()
    found["search results"] = violations(page)
    page.locator("#find-results button[data-id='E001-P01']").click()
    expect(page.locator("#edit")).to_be_visible()
    found["edit form"] = violations(page)
    page.fill("#edit-salary_min", "90000")
    page.click("#edit-preview")
    expect(page.locator("#edit-salary_max[aria-invalid=true]")).to_be_visible()
    found["field errors"] = violations(page)
    page.fill("#edit-salary_min", "")
    page.fill("#edit-openings", "9")
    page.click("#edit-preview")
    expect(page.locator("#edit-save")).to_be_visible()
    found["change preview"] = violations(page)

    page.goto(f"{server.url}/organizer/qr")
    expect(page.locator("#codes li").first).to_be_visible()
    found["booth codes"] = violations(page)
    return found


@pytest.mark.parametrize("width,height,language", CASES, ids=[f"{w}px-{lang}" for w, _, lang in CASES])
def test_no_serious_violation_on_any_organiser_view(
    browser, server, tmp_path: Path, width: int, height: int, language: str
) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        found = views(page, server, tmp_path, language)
        assert {view: v for view, v in found.items() if v} == {}
        assert page.evaluate("() => document.documentElement.scrollWidth") <= max(width, 1280)
    finally:
        context.close()


def test_the_mix_table_and_history_fit_360px_and_take_the_keyboard(browser, server, tmp_path: Path) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(f"{server.url}/organizer")
        page.fill("#token", ORGANISER_TOKEN)
        page.click("#signin button[type=submit]")
        expect(page.locator("#history td[data-label]").first).to_be_visible()
        sheet = tmp_path / "one.xlsx"
        sheet.write_bytes(xlsx(table([row("E001", "药店营业员", position_id="E001-P01")])))
        page.check("input[name=mode][value=replace]")
        page.set_input_files("#file", str(sheet))
        page.click("#check")
        for selector in ("table.mix-ownership", "table.mix-industry", "table.history", "table.changes"):
            box = page.locator(selector).bounding_box()
            # not cut off: the whole table inside the phone's width
            assert box is not None and 0 <= box["x"] <= box["x"] + box["width"] <= 360, selector
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
        # every scrolling region is reachable with Tab: walk the page and note what takes the focus
        regions = page.locator(".scroll").count()
        reached: set[str] = set()
        for _ in range(400):
            page.keyboard.press("Tab")
            label = page.evaluate(
                "() => document.activeElement.classList.contains('scroll') ? "
                "document.activeElement.getAttribute('aria-label') || document.activeElement.id || "
                "document.activeElement.getAttribute('aria-labelledby') : ''"
            )
            if label:
                reached.add(label)
            if len(reached) == regions:
                break
        assert len(reached) == regions, reached
        restore = page.locator("#history button.restore")
        if restore.count():
            restore.first.focus()
            expect(restore.first).to_be_focused()
    finally:
        context.close()
