"""Back online after the venue's network dropped: the employer or position page that could not be read
offline is read at once, without 重试. Chromium at 390 px with the service worker, against the real
service."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .test_seeker_page import api, open_page


def test_a_page_not_read_offline_is_read_once_back_online(phone: Page, server) -> None:
    employer = api(server, "/api/v1/employers?limit=3")["items"][2]
    position = api(server, f"/api/v1/employers/{employer['id']}")["positions"][0]
    open_page(phone, server)
    phone.wait_for_function("() => navigator.serviceWorker.ready.then(() => true)")
    phone.reload()
    phone.wait_for_function("() => navigator.serviceWorker.controller !== null")
    expect(phone.locator("#stat-positions")).not_to_have_text("…")
    views = (("employer", employer, employer["name"]), ("position", position, position["title"]))
    for kind, item, name in views:
        phone.context.set_offline(True)
        phone.evaluate(f"location.hash = '#{kind}/{item['id']}'")
        body = phone.locator(f"#{kind}-body")
        expect(body.locator(".offline-note")).to_contain_text("现在没有网络")
        phone.context.set_offline(False)
        expect(body.locator("h2")).to_have_text(name, timeout=8_000)
        expect(body.locator(".offline-note")).to_have_count(0)
