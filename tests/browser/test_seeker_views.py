"""The seekers' page, second pass: the position page, only what fits, no scroll jump on a slow answer, and the
page offline after one online visit. Chromium at 390 px against the real service with the default fair."""

from __future__ import annotations

import time

from playwright.sync_api import Page, expect

from .test_seeker_page import EXAMPLE, api, header, matches, open_filters, open_page, wait_settled


def in_view(page: Page, selector: str) -> bool:
    return page.locator(selector).first.evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; }"
    )


def test_a_slow_answer_leaves_the_first_card_in_view(phone: Page, server) -> None:
    def slow(route):
        time.sleep(2)  # the fair's crowded Wi-Fi; Playwright serves routes one at a time on this thread
        route.continue_()

    open_page(phone, server)
    phone.route("**/api/v1/matches", slow)
    phone.get_by_role("button", name="用示例试一试").click()
    wait_settled(phone)
    expect(phone.locator("#cards > li.card").first).to_be_visible()
    phone.wait_for_function("() => !document.querySelector('#cards .skeleton')")
    phone.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert in_view(phone, "#cards > li.card"), phone.evaluate("window.scrollY")


def test_a_card_opens_its_position_page_with_description_benefits_and_reasons(phone: Page, server) -> None:
    top = matches(server, EXAMPLE)["results"][0]
    detail = api(server, f"/api/v1/positions/{top['position']['id']}")
    assert detail["benefits"] and detail["description"]
    open_page(phone, server)
    phone.get_by_role("button", name="用示例试一试").click()
    wait_settled(phone)
    phone.locator("#cards > li.card").first.locator(".position-link").click()
    expect(phone).to_have_url(f"{server.url}/#position/{top['position']['id']}")
    body = phone.locator("#position-body")
    expect(body.locator("#position-title")).to_have_text(detail["title"])
    expect(body.locator(".pos-desc")).to_have_text(detail["description"])
    for benefit in detail["benefits"]:
        expect(body.locator(".benefit", has_text=benefit).first).to_be_visible()
    matched = top["explanation"]["skills"]["matched"]
    expect(body.locator(".why")).to_contain_text("对上的技能")
    expect(body.locator(".why")).to_contain_text(matched[0]["position"])
    # the address is shareable: opened afresh it shows the same position
    phone.goto(f"{server.url}/#position/{top['position']['id']}")
    expect(phone.locator("#position-title")).to_have_text(detail["title"])


def test_positions_that_do_not_fit_are_not_recommended(phone: Page, server) -> None:
    answer = matches(server, {"titles": ["宇航员"]})
    unfit = [r for r in answer["results"] if r["score"] == 0]
    assert unfit  # the default fair has no astronaut jobs: the engine's page is padded with 0 scores
    open_page(phone, server)
    phone.fill("#titles", "宇航员")
    phone.click("#submit")
    wait_settled(phone)
    scores = phone.locator("#cards .score-text").all_inner_texts()
    assert "匹配度 0%" not in scores
    assert phone.locator("#cards > li.card").count() == len(answer["results"]) - len(unfit)
    others = phone.locator("#others")
    expect(others.locator("summary")).to_contain_text("其他岗位")
    assert not others.evaluate("d => d.open")  # collapsed until asked for
    if not scores:  # nothing fits: the page says why and what to try
        expect(phone.locator("#state")).to_contain_text("没有和你的资料对得上的岗位")
    others.locator("summary").click()
    expect(others.locator("li.card").first).to_be_visible()


def test_offline_reload_shows_the_page_the_results_and_the_visit_list(phone: Page, server) -> None:
    open_page(phone, server)
    phone.wait_for_function("() => navigator.serviceWorker.ready.then(() => true)")
    phone.reload()  # the worker now controls the page
    expect(phone.locator("#stat-positions")).not_to_have_text("…")
    phone.wait_for_function("() => navigator.serviceWorker.controller !== null")
    phone.get_by_role("button", name="用示例试一试").click()
    wait_settled(phone)
    first = phone.locator("#cards > li.card").first
    title = first.locator(".card-title .position-link").inner_text()
    first.locator("button.save").click()
    phone.context.set_offline(True)
    phone.reload()
    expect(phone.locator("#offline")).to_be_visible()
    expect(phone.locator("#stat-positions")).not_to_have_text("…")
    wait_settled(phone)
    expect(phone.locator("#cards > li.card").first.locator(".card-title")).to_contain_text(title)
    phone.goto(f"{server.url}/#list")
    expect(phone.locator("#route .stop-title").first).to_have_text(title)
    phone.context.set_offline(False)


def test_one_opening_is_singular_in_english(phone: Page, server) -> None:
    open_page(phone, server)
    phone.get_by_role("button", name="Switch to English").click()
    phone.get_by_role("button", name="Try the example").click()
    wait_settled(phone)
    facts = phone.locator("#cards .fact").all_inner_texts()
    assert "1 openings" not in facts


def test_the_organisers_sheet_shows_every_booths_code(phone: Page, server) -> None:
    total = api(server, "/api/v1/employers?limit=1")["total"]
    phone.goto(f"{server.url}/organizer/qr")
    expect(phone.locator("#codes > li.code")).to_have_count(total)
    first = phone.locator("#codes img").first
    expect(first).to_be_visible()
    phone.wait_for_function("() => document.querySelector('#codes img').naturalWidth > 0")


def test_filters_reset_outside_the_empty_state(phone: Page, server) -> None:
    unfiltered = matches(server, EXAMPLE)
    open_page(phone, server)
    phone.get_by_role("button", name="用示例试一试").click()
    wait_settled(phone)
    filters = phone.locator("#filters")
    if not filters.evaluate("d => d.open"):
        filters.locator("summary").click()
    expect(phone.locator("#f-reset")).to_be_hidden()
    phone.select_option("#f-industry", "software_it")
    wait_settled(phone)
    phone.get_by_role("button", name="重置筛选").click()
    wait_settled(phone)
    expect(phone.locator("#f-industry")).to_have_value("")
    expect(phone.locator("#f-reset")).to_be_hidden()
    first = unfiltered["results"][0]["position"]["id"]
    expect(phone.locator("#cards > li.card").first).to_have_attribute("data-position", first)


def test_the_position_page_names_the_usual_benefits_in_english(phone: Page, server) -> None:
    top = matches(server, EXAMPLE)["results"][0]["position"]["id"]
    detail = api(server, f"/api/v1/positions/{top}")
    # the filter's benefits, one of the fair's other usual ones, and an employer's own wording
    benefits = ["五险一金", "双休", "节日福利", "免费班车"]
    answer = {**detail, "benefits": benefits}
    phone.route(f"**/api/v1/positions/{top}", lambda route: route.fulfill(json=answer))
    phone.add_init_script("localStorage.setItem('fairmatch.lang', 'en')")
    open_page(phone, server, f"#position/{top}")
    tags = phone.locator("#position-body .benefit")
    english = ["Social insurance & housing fund", "Weekends off", "Holiday gifts", "免费班车"]
    expect(tags).to_have_text(english)
    # the same names as the filter's
    labels = phone.locator("#f-benefits label").all_inner_texts()
    assert "Social insurance & housing fund" in labels and "Weekends off" in labels
    phone.click("#lang")
    expect(tags).to_have_text(benefits)


def test_the_advice_uses_each_languages_punctuation(phone: Page, server) -> None:
    request = {key: EXAMPLE[key] for key in ("titles", "skills", "education")}
    first = api(server, "/api/v1/guidance", request)["suggestions"][0]
    assert first["positions"]
    open_page(phone, server)
    phone.get_by_role("button", name="用示例试一试").click()
    wait_settled(phone)
    advice = phone.locator("#guidance .learn").first
    expect(advice.locator(".learn-add")).to_have_text(f"加入我的技能：{first['skill']}")
    examples = [f"{p['title']} · {p['employer']['booth'] or ''}" for p in first["positions"]]
    expect(advice.locator(".learn-examples")).to_have_text("；".join(examples))
    phone.get_by_role("button", name="Switch to English").click()
    expect(advice.locator(".learn-add")).to_have_text(f"Add to my skills: {first['skill']}")
    expect(advice.locator(".learn-examples")).to_have_text("; ".join(examples))
    for text in (advice.locator(".learn-add").inner_text(), advice.locator(".learn-examples").inner_text()):
        assert "：" not in text and "；" not in text


def test_a_filter_changed_offline_keeps_the_kept_results(phone: Page, server) -> None:
    open_page(phone, server)
    phone.get_by_role("button", name="用示例试一试").click()
    wait_settled(phone)
    cards = phone.locator("#cards > li.card")
    kept = cards.evaluate_all("cards => cards.map(c => c.dataset.position)")
    assert kept
    note = phone.locator("#filters-offline")
    expect(note).to_be_hidden()
    phone.context.set_offline(True)
    open_filters(phone)
    phone.select_option("#f-industry", "software_it")
    wait_settled(phone)
    expect(phone.locator("#state")).not_to_contain_text("暂时没能拿到结果")
    expect(phone.get_by_role("button", name="重试")).to_have_count(0)
    assert cards.evaluate_all("cards => cards.map(c => c.dataset.position)") == kept
    expect(note).to_be_visible()
    expect(note).to_contain_text("没有网络")
    expect(note).to_contain_text("筛选")
    phone.click("#lang")
    expect(note).to_contain_text("filters and order cannot be applied")
    phone.click("#lang")
    # back online, the filter applies
    filtered = matches(server, {**EXAMPLE, "filters": {"industries": ["software_it"]}})
    phone.context.set_offline(False)
    expect(note).to_be_hidden()
    wait_settled(phone)
    expect(phone.locator("#total")).to_have_text(header(filtered))


def test_offline_or_unknown_employers_and_positions_say_why(phone: Page, server) -> None:
    employers = api(server, "/api/v1/employers?limit=2")["items"]
    open_page(phone, server)
    phone.wait_for_function("() => navigator.serviceWorker.ready.then(() => true)")
    phone.reload()
    phone.wait_for_function("() => navigator.serviceWorker.controller !== null")
    expect(phone.locator("#stat-positions")).not_to_have_text("…")
    # an address that names nothing at the fair: not found, and nothing to retry
    missing = {"employer": "这场招聘会没有这家单位。", "position": "这场招聘会没有这个岗位。"}
    for kind, text in missing.items():
        phone.goto(f"{server.url}/#{kind}/NOPE")
        view = phone.locator(f"#{kind}-body")
        expect(view.locator("h2")).to_have_text(text)
        expect(view.get_by_role("button", name="重试")).to_have_count(0)
    # offline, an employer never opened before: the page says it is offline, and offers 重试
    phone.context.set_offline(True)
    phone.goto(f"{server.url}/#employer/{employers[1]['id']}")
    body = phone.locator("#employer-body")
    expect(body.locator("h2")).to_have_text("读不到这家单位的信息。")
    expect(body.locator(".offline-note")).to_contain_text("现在没有网络")
    expect(body.get_by_role("button", name="重试")).to_be_visible()
    phone.click("#lang")
    expect(body.locator(".offline-note")).to_contain_text("You are offline")
    expect(body.get_by_role("button", name="Retry")).to_be_visible()
    phone.goto(f"{server.url}/#position/{employers[1]['id']}-NOPE")
    expect(phone.locator("#position-body .offline-note")).to_contain_text("You are offline")
    phone.context.set_offline(False)
    phone.goto(f"{server.url}/#employer/NOPE")
    expect(phone.locator("#employer-body h2")).to_have_text("This fair has no such employer.")
    expect(phone.locator("#employer-body button")).to_have_count(0)
