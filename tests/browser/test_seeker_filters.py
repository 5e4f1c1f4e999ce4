"""The filters seekers expect, on the page: benefits, major and the order by pay beside the others, sent to
the service as hard filters, in Chinese and English, usable at 360 px (every option readable from 320 px on),
and cleared by the reset; the advice under the results (下一步学什么) stays whatever they are."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from .test_seeker_page import EXAMPLE, api, card_ids, matches, open_filters, open_page, wait_settled


def _requests(page: Page) -> list[dict]:
    sent: list[dict] = []
    page.on(
        "request",
        lambda r: sent.append(json.loads(r.post_data)) if r.url.endswith("/api/v1/matches") else None,
    )
    return sent


# the options of a select whose text is wider than the select leaves it (its width less its padding)
CUT_OPTIONS = """select => {
  const style = getComputedStyle(select);
  const text = document.createElement("canvas").getContext("2d");
  text.font = style.font;
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return [...select.options].filter(o => text.measureText(o.text).width > room).map(o => o.text);
}"""
FILTER_SELECTS = ("f-industry", "f-ownership", "f-salary", "f-major", "f-sort")


def test_benefits_major_and_pay_order_filter_the_results(page: Page, server) -> None:
    sent = _requests(page)
    open_page(page, server)
    page.get_by_role("button", name="用示例试一试").click()
    wait_settled(page)
    open_filters(page)
    page.get_by_role("checkbox", name="五险一金").check()
    wait_settled(page)
    page.get_by_role("checkbox", name="双休").check()
    wait_settled(page)
    assert sent[-1]["filters"]["benefits"] == ["双休", "五险一金"]
    expected = matches(server, {**EXAMPLE, "filters": {"benefits": ["双休", "五险一金"]}})
    assert card_ids(page)[:5] == [r["position"]["id"] for r in expected["results"]][:5]

    page.select_option("#f-sort", "salary")
    wait_settled(page)
    assert sent[-1]["sort"] == "salary"
    by_pay = matches(server, {**EXAMPLE, "filters": {"benefits": ["双休", "五险一金"]}, "sort": "salary"})
    assert card_ids(page)[:5] == [r["position"]["id"] for r in by_pay["results"]][:5]
    expect(page.locator("#filter-count")).to_have_text("3")

    # a major filter needs the profile's major: the page says so, and sends it once given
    page.select_option("#f-major", "only")
    expect(page.locator("#f-major-hint")).to_be_visible()
    page.fill("#major", "电子商务")
    page.click("#submit")
    wait_settled(page)
    expect(page.locator("#f-major-hint")).to_be_hidden()
    assert sent[-1]["filters"]["majors"] == ["电子商务"]
    assert "include_open_majors" not in sent[-1]["filters"]

    # nothing sticks out of a 360 px screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    box = page.locator("#f-benefits").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360

    page.get_by_role("button", name="重置筛选").click()
    wait_settled(page)
    for box_name in ("五险一金", "双休", "包吃住"):
        expect(page.get_by_role("checkbox", name=box_name)).not_to_be_checked()
    expect(page.locator("#f-sort")).to_have_value("match")
    expect(page.locator("#f-major")).to_have_value("")
    expect(page.locator("#f-reset")).to_be_hidden()
    assert "filters" not in sent[-1] and "sort" not in sent[-1]


def test_the_filters_speak_english_and_are_kept_on_the_device(page: Page, server) -> None:
    open_page(page, server)
    page.get_by_role("button", name="用示例试一试").click()
    wait_settled(page)
    open_filters(page)
    page.get_by_role("checkbox", name="包吃住").check()
    wait_settled(page)
    page.click("#lang")
    expect(page.get_by_role("checkbox", name="Meals and housing")).to_be_checked()
    expect(page.locator("#f-sort option[value=salary]")).to_have_text("Best paid first")
    expect(page.locator("label[for=f-major]")).to_have_text("Major")
    page.reload()
    open_page(page, server)
    wait_settled(page)
    open_filters(page)
    expect(page.get_by_role("checkbox", name="Meals and housing")).to_be_checked()


def test_the_advice_stays_when_ordering_by_pay_or_filtering_by_benefits_or_major(page: Page, server) -> None:
    asked: list[dict] = []
    answered: list[int] = []
    guidance = f"{server.url}/api/v1/guidance"
    page.on("request", lambda r: asked.append(r.post_data_json) if r.url == guidance else None)
    page.on("response", lambda r: answered.append(r.status) if r.url == guidance else None)
    advice = page.locator("#guidance .guidance-intro")
    open_page(page, server)
    page.get_by_role("button", name="用示例试一试").click()
    wait_settled(page)
    page.fill("#major", "电子商务")
    page.click("#submit")
    wait_settled(page)
    expect(advice).to_be_visible()
    open_filters(page)

    page.select_option("#f-sort", "salary")
    wait_settled(page)
    expect(advice).to_be_visible()
    page.get_by_role("checkbox", name="双休").check()
    wait_settled(page)
    expect(advice).to_be_visible()
    page.select_option("#f-major", "only")
    wait_settled(page)
    expect(advice).to_be_visible()
    page.select_option("#f-industry", "ecommerce")
    wait_settled(page)
    expect(advice).to_be_visible()

    # guidance is asked the profile and the filters it reads; the order, benefits and majors are the list's
    assert answered and set(answered) == {200}
    assert asked[-1] == {**EXAMPLE, "major": "电子商务", "filters": {"industries": ["ecommerce"]}}
    first = api(server, "/api/v1/guidance", asked[-1])["suggestions"][0]
    expect(page.locator("#guidance .learn-text").first).to_have_text(first["explanation"])


@pytest.mark.parametrize("width", [320, 390])
def test_every_filter_option_fits_its_select_on_a_phone(page: Page, server, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 740})
    open_page(page, server)
    page.get_by_role("button", name="用示例试一试").click()
    wait_settled(page)
    open_filters(page)
    for language in ("zh", "en"):
        cut = {name: page.locator(f"#{name}").evaluate(CUT_OPTIONS) for name in FILTER_SELECTS}
        assert not any(cut.values()), (language, cut)
        page.click("#lang")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
