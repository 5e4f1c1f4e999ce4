"""The visit list after the organisers correct the fair on the day: a saved position's booth and pay are read
again when the list opens, and one taken off the fair is marked. Chromium at 360 px, a server of its own."""

from __future__ import annotations

import json
import urllib.request

from playwright.sync_api import Page, expect

from tests.browser.conftest import ORGANISER_TOKEN

from .test_seeker_page import api, open_page, search


def organiser(server, method: str, path: str, body: dict | None = None) -> None:
    request = urllib.request.Request(
        server.url + path,
        data=None if body is None else json.dumps(body, ensure_ascii=False).encode(),
        method=method,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {ORGANISER_TOKEN}"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status < 300


def test_the_list_shows_a_moved_booth_new_pay_and_a_position_taken_off(fresh_server, page: Page) -> None:
    server = fresh_server()
    open_page(page, server)
    search(page, titles="会计")
    cards = page.locator("#cards > li.card")
    first, second = cards.nth(0).get_attribute("data-position"), cards.nth(1).get_attribute("data-position")
    page.locator(f'[data-save="{first}"]').click()
    page.locator(f'[data-save="{second}"]').click()
    employer = api(server, f"/api/v1/positions/{first}")["employer"]
    # the organisers move the first one's employer to another booth, correct its pay, take the second off
    booths = {e["booth"] for e in api(server, "/api/v1/employers?limit=100")["items"]}
    moved = next(f"D-{n:02d}" for n in range(60, 99) if f"D-{n:02d}" not in booths)
    organiser(server, "PATCH", f"/api/v1/employers/{employer['id']}", {"booth": moved})
    organiser(server, "PATCH", f"/api/v1/positions/{first}", {"salary_min": 7100, "salary_max": 9100})
    organiser(server, "DELETE", f"/api/v1/positions/{second}")
    page.click("#nav-list")
    stop = page.locator(f'#route .stop-position[data-position="{first}"]')
    expect(stop.locator(".stop-meta")).to_contain_text("7,100–9,100 元/月")
    expect(page.locator(f'#route .stop[data-booth="{moved}"]')).to_contain_text(employer["name"])
    expect(page.locator(f'#route .stop-position[data-position="{second}"] .stop-gone')).to_have_text(
        "这个岗位已不在这场招聘会上。"
    )
    # kept so on the device
    page.reload()
    expect(page.locator(f'#route .stop[data-booth="{moved}"]')).to_be_visible()
