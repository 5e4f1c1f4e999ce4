"""The job seekers' page at `/`, in Chromium against the real service with the default fair.

Expected positions come from the JSON API itself (queried here with urllib), never from guesses.
"""

from __future__ import annotations

import json
import re
import urllib.request

import pytest
from playwright.sync_api import Page, expect

# records every aria-busy value the results section takes, to see the loading state however short it is
WATCH_BUSY = """() => {
  const results = document.getElementById("results");
  window.__busy = [];
  new MutationObserver(() => window.__busy.push(results.getAttribute("aria-busy")))
    .observe(results, {attributes: true, subtree: true, childList: true});
}"""
EXAMPLE = {"titles": ["电商运营"], "skills": ["淘宝运营", "Photoshop", "直播"], "education": "associate"}


def api(server, path: str, body: dict | None = None) -> dict:
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode()
    request = urllib.request.Request(
        server.url + path,
        data=data,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def matches(server, profile: dict, **paging) -> dict:
    return api(server, "/api/v1/matches", {**profile, "limit": 20, "offset": 0, **paging})


def booth_key(booth: str | None) -> tuple:
    found = re.match(r"([A-Za-z]*)\s*-?\s*(\d+)", booth or "")
    return (0, found[1].upper(), int(found[2])) if found else (1, "", 0)


def open_page(page: Page, server, hash_: str = "") -> None:
    page.goto(f"{server.url}/{hash_}")
    expect(page.locator("#stat-positions")).not_to_have_text("…")


def wait_settled(page: Page) -> None:
    expect(page.locator("#results")).to_have_attribute("aria-busy", "false", timeout=20_000)


def fill_profile(page: Page, titles: str = "", skills: tuple[str, ...] = (), education: str = "") -> None:
    if titles:
        page.fill("#titles", titles)
    for skill in skills:
        page.fill("#skill-input", skill)
        page.press("#skill-input", "Enter")
    if education:
        page.select_option("#education", education)


def search(page: Page, **profile) -> None:
    fill_profile(page, **profile)
    page.click("#submit")
    wait_settled(page)


def open_filters(page: Page) -> None:
    filters = page.locator("#filters")
    if not filters.evaluate("details => details.open"):
        filters.locator("summary").click()
    expect(page.locator("#f-industry")).to_be_visible()


def header(answer: dict) -> str:
    """The results' header: the positions above the score floor once the service counts them."""
    if "matched" in answer:
        return f"共 {answer['matched']:,} 个匹配岗位"
    return f"共 {answer['total']:,} 个岗位"


ALL_CARDS = "#cards > li.card, #other-cards > li.card"


def card_ids(page: Page) -> list[str]:
    return page.locator(ALL_CARDS).evaluate_all("cards => cards.map(c => c.dataset.position)")


def test_first_visit_offers_the_example_and_shows_the_fair(page: Page, server) -> None:
    fair = api(server, "/api/v1/fair")["counts"]
    open_page(page, server)
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.locator("#stat-employers")).to_have_text(f"{fair['employers']:,}")
    expect(page.locator("#stat-positions")).to_have_text(f"{fair['positions']:,}")
    expect(page.locator("#stat-openings")).to_have_text(f"{fair['openings']:,}")
    industries = [k for k, v in fair["by_industry"].items() if v["positions"]]
    expect(page.locator("#chart-industry svg g.bar")).to_have_count(len(industries))
    expect(page.locator("#chart-ownership svg")).to_be_visible()
    expect(page.locator("#legend-ownership li")).to_have_count(len(fair["by_ownership"]))

    example = page.get_by_role("button", name="用示例试一试")
    expect(example).to_be_visible()
    page.evaluate(WATCH_BUSY)
    example.click()
    wait_settled(page)
    assert "true" in page.evaluate("window.__busy"), "a loading state (aria-busy) was shown"
    expected = matches(server, EXAMPLE)
    expect(page.locator("#titles")).to_have_value("电商运营")
    expect(page.locator("#skill-tags .tag-text")).to_have_text(EXAMPLE["skills"])
    expect(page.locator("#total")).to_have_text(header(expected))
    assert card_ids(page) == [r["position"]["id"] for r in expected["results"]]


def test_typo_and_traditional_skills_put_a_fitting_position_first(page: Page, server) -> None:
    profile = {"titles": ["数据分析师"], "skills": ["Pyhton", "數據分析", "qqxxzz"]}
    expected = matches(server, profile)
    top = expected["results"][0]
    # the top position asks for Python (however it writes it), and the typo is what found it
    assert any(
        m["candidate"] == "Pyhton" and m["position"].lower() == "python"
        for m in top["explanation"]["skills"]["matched"]
    )

    open_page(page, server)
    search(page, titles="数据分析师", skills=("Pyhton", "數據分析", "qqxxzz"))
    first = page.locator("#cards > li.card").first
    expect(first).to_have_attribute("data-position", top["position"]["id"])
    expect(first.locator(".card-title")).to_contain_text(top["position"]["title"])
    expect(first.locator(".skill.hit", has_text="Pyhton → Python")).to_be_visible()
    expect(first.locator(".booth")).to_contain_text(top["position"]["employer"]["booth"])

    understood = page.locator("#understood")
    expect(understood).to_contain_text("我们是这样理解你的")
    *known, nonsense = expected["profile"]["skills"]
    assert nonsense["matched"] is None
    expect(understood.locator(".u-bad")).to_have_text("qqxxzz · 没认出来")
    for entry in known:
        assert entry["matched"], entry
        shown = (
            entry["matched"]
            if entry["matched"] == entry["input"]
            else f"{entry['input']} → {entry['matched']}"
        )
        expect(understood.locator(".u-ok", has_text=shown)).to_be_visible()
    expect(page.locator(".score-text").first).to_have_text(re.compile(r"匹配度 \d+%"))


def test_a_skill_written_as_the_desired_job_is_understood_as_that_skill(page: Page, server) -> None:
    expected = matches(server, {"titles": ["CAD", "qqxxzz"]})
    assert expected["profile"]["skills"][0]["from"] == "titles"
    open_page(page, server)
    search(page, titles="CAD、qqxxzz")
    understood = page.locator("#understood")
    expect(understood.locator(".u-ok", has_text="CAD → AutoCAD")).to_be_visible()
    expect(understood.locator(".u-bad")).to_have_text("qqxxzz · 没认出来")  # CAD is no unknown job
    first = page.locator("#cards > li.card").first
    expect(first).to_have_attribute("data-position", expected["results"][0]["position"]["id"])


def test_a_major_written_as_the_desired_job_is_understood_as_the_major(page: Page, server) -> None:
    expected = matches(server, {"titles": ["机电一体化"]})
    assert expected["profile"]["titles"][0]["read_as"] == "major"
    open_page(page, server)
    search(page, titles="机电一体化")
    understood = page.locator("#understood")
    expect(understood.locator(".u-ok", has_text="机电一体化 → 按专业匹配")).to_be_visible()
    expect(understood.locator(".u-bad")).to_have_count(0)
    first = page.locator("#cards > li.card").first
    expect(first).to_have_attribute("data-position", expected["results"][0]["position"]["id"])


def test_the_major_is_shown_as_it_was_read(page: Page, server) -> None:
    major = matches(server, {"major": "计科"})["profile"]["major"]
    assert major["read_as"] == "计算机科学与技术" and major["positions"]
    open_page(page, server)
    page.fill("#major", "计科")
    page.click("#submit")
    wait_settled(page)
    understood = page.locator("#understood")
    expect(understood.locator(".u-ok", has_text="计科 → 计算机科学与技术")).to_be_visible()
    expect(understood.locator(".u-flag")).to_have_count(0)
    page.fill("#major", "唱歌")  # no position asks for it: said so, and it is no unknown word
    page.click("#submit")
    wait_settled(page)
    expect(understood.locator(".u-ok", has_text="唱歌 · 本场没有岗位点名要这个专业")).to_be_visible()
    expect(understood.locator(".u-bad")).to_have_count(0)


def test_a_trade_written_as_the_desired_job_is_understood_as_a_preferred_industry(page: Page, server) -> None:
    industries = {i["key"]: i["zh"] for i in api(server, "/api/v1/industries")}
    expected = matches(server, {"titles": ["互联网", "国企"]})
    assert [t["read_as"] for t in expected["profile"]["titles"]] == ["industries", "industries"]
    open_page(page, server)
    search(page, titles="互联网、国企")
    understood = page.locator("#understood")
    expect(understood.locator(".u-ok", has_text=f"互联网 → {industries['software_it']}")).to_be_visible()
    expect(understood.locator(".u-ok", has_text="国企")).to_be_visible()  # a kind of employer, not unknown
    expect(understood.locator(".u-bad")).to_have_count(0)
    first = page.locator("#cards > li.card").first
    expect(first).to_have_attribute("data-position", expected["results"][0]["position"]["id"])


def test_an_industry_filter_leaves_only_that_industry(page: Page, server) -> None:
    industries = {i["key"]: i["zh"] for i in api(server, "/api/v1/industries")}
    profile = {**EXAMPLE, "filters": {"industries": ["software_it"]}}
    expected = matches(server, profile)
    assert expected["total"] > 0

    open_page(page, server)
    search(page, titles="电商运营", skills=("淘宝运营", "Photoshop", "直播"), education="associate")
    open_filters(page)
    page.select_option("#f-industry", "software_it")
    wait_settled(page)
    expect(page.locator("#total")).to_have_text(header(expected))
    cards = page.locator(ALL_CARDS)  # those below the floor sit under 其他岗位
    expect(cards).to_have_count(len(expected["results"]))
    assert set(cards.evaluate_all("cs => cs.map(c => c.dataset.industry)")) == {"software_it"}
    for text in cards.locator(".facts").all_text_contents():
        assert industries["software_it"] in text
    assert card_ids(page) == [r["position"]["id"] for r in expected["results"]]


def test_filters_that_leave_nothing_say_so_and_can_be_cleared(page: Page, server) -> None:
    strict = {"industries": ["education"], "ownership": ["state_owned"]}
    assert matches(server, {**EXAMPLE, "filters": strict})["total"] == 0

    open_page(page, server)
    search(page, titles="电商运营", skills=("淘宝运营",))
    open_filters(page)
    page.select_option("#f-industry", "education")
    wait_settled(page)
    page.select_option("#f-ownership", "state_owned")
    wait_settled(page)
    empty = page.locator(".state-empty")
    expect(empty).to_contain_text("没有符合条件的岗位")
    expect(empty).to_contain_text("筛选条件太严了：行业：教育、单位性质：国企。")
    expect(page.locator("#cards > li")).to_have_count(0)
    expect(page.locator("#filter-count")).to_have_text("2")
    empty.get_by_role("button", name="清除筛选").click()
    wait_settled(page)
    expect(page.locator("#cards > li.card")).to_have_count(20)
    expect(page.locator("#f-industry")).to_have_value("")
    expect(page.locator("#filter-count")).to_be_hidden()


def test_show_more_pages_through_the_total(page: Page, server) -> None:
    profile = {"titles": ["普工"]}
    second = matches(server, profile, offset=20)
    open_page(page, server)
    search(page, titles="普工")
    expect(page.locator("#total")).to_have_text(header(second))
    expect(page.locator("#cards > li.card")).to_have_count(20)
    page.get_by_role("button", name="显示更多").click()
    expect(page.locator("#cards > li.card")).to_have_count(40)
    assert card_ids(page)[20:] == [r["position"]["id"] for r in second["results"]]
    expect(page.locator("#shown")).to_have_text(f"匹配岗位已显示 40 / {second['matched']:,}")


def test_few_matches_are_counted_apart_and_show_more_goes_on_under_open_others(page: Page, server) -> None:
    first = matches(server, {"titles": ["幼师"]})
    second = matches(server, {"titles": ["幼师"]}, offset=20)
    matched, rest = first["matched"], first["total"] - first["matched"]
    assert 0 < matched < 20 < rest  # every matched position is on the first page
    open_page(page, server)
    search(page, titles="幼师")
    expect(page.locator("#total")).to_have_text(header(first))
    expect(page.locator("#announcer")).to_have_text(f"找到 {matched} 个匹配岗位，另有 {rest:,} 个其他岗位")
    expect(page.locator("#cards > li.card")).to_have_count(matched)
    expect(page.locator("#shown")).to_have_text(f"{matched} 个匹配岗位已全部显示")
    expect(page.locator("#more")).to_be_hidden()  # more cards would only go into the closed 其他岗位

    page.locator("#others summary").click()
    expect(page.locator("#shown")).to_have_text(f"其他岗位已显示 {20 - matched} / {rest:,}")
    page.get_by_role("button", name="显示更多其他岗位").click()
    others = page.locator("#other-cards > li.card")
    expect(others).to_have_count(40 - matched)
    expect(others.nth(20 - matched)).to_be_visible()
    assert card_ids(page)[20:] == [r["position"]["id"] for r in second["results"]]
    expect(page.locator("#announcer")).to_have_text(f"其他岗位已显示 {40 - matched} / {rest:,}")

    page.click("#lang")
    expect(page.locator("#shown")).to_have_text(f"Other positions shown: {40 - matched} of {rest:,}")
    page.locator("#others summary").click()
    expect(page.locator("#shown")).to_have_text(f"Every matching position is shown ({matched})")
    expect(page.locator("#more")).to_be_hidden()


def test_opening_the_others_loads_them_when_the_matched_ones_fill_the_page(page: Page, server) -> None:
    def twenty_match(route) -> None:  # exactly one page of matched positions, as many profiles have
        response = route.fetch()
        route.fulfill(response=response, json={**response.json(), "matched": 20})

    page.route("**/api/v1/matches", twenty_match)
    rest = matches(server, {"titles": ["普工"]})["total"] - 20
    open_page(page, server)
    search(page, titles="普工")
    expect(page.locator("#cards > li.card")).to_have_count(20)
    expect(page.locator("#shown")).to_have_text("20 个匹配岗位已全部显示")
    expect(page.locator("#more")).to_be_hidden()
    expect(page.locator("#others summary")).to_have_text(f"其他岗位（{rest:,}）")
    page.locator("#others summary").click()
    expect(page.locator("#other-cards > li.card")).to_have_count(20)
    expect(page.locator("#other-cards > li.card").first).to_be_visible()
    expect(page.locator("#shown")).to_have_text(f"其他岗位已显示 20 / {rest:,}")
    expect(page.get_by_role("button", name="显示更多其他岗位")).to_be_visible()


def test_a_search_pressed_before_the_scripts_are_ready_sends_nothing(page: Page, server) -> None:
    held = []  # the page's script, kept back: a slow network

    def hold(route) -> None:
        held.append(route)

    page.route("**/seeker/app.js", hold)
    navigations: list[str] = []
    page.on("request", lambda r: navigations.append(r.url) if r.is_navigation_request() else None)
    page.goto(f"{server.url}/", wait_until="commit")
    submit = page.locator("#submit")
    expect(submit).to_be_disabled()
    expect(page.locator("#submit-wait")).to_have_text(
        "页面还在加载，稍等几秒就能开始匹配。你填的资料不会丢。"
    )
    page.fill("#titles", "幼师")
    page.fill("#major", "学前教育")
    submit.click(force=True)
    page.press("#major", "Enter")
    expect(page.locator("#titles")).to_have_value("幼师")
    for route in held:
        route.continue_()
    page.unroute("**/seeker/app.js", hold)

    expect(submit).to_be_enabled()
    expect(page.locator("#submit-wait")).to_be_hidden()
    assert navigations == [f"{server.url}/"] and page.url == f"{server.url}/"
    expect(page.locator("#titles")).to_have_value("幼师")  # what was typed early is kept
    expect(page.locator("#major")).to_have_value("学前教育")
    submit.click()
    wait_settled(page)
    expected = matches(server, {"titles": ["幼师"], "major": "学前教育"})
    expect(page.locator("#total")).to_have_text(header(expected))
    assert page.url == f"{server.url}/"


def test_autocomplete_suggests_python_for_pyt_by_keyboard(page: Page, server) -> None:
    suggested = [s["skill"] for s in api(server, "/api/v1/skills/suggest?q=pyt")["suggestions"]]
    assert "Python" in suggested
    open_page(page, server)
    combo = page.get_by_role("combobox", name="技能")
    combo.press_sequentially("pyt", delay=40)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(combo).to_have_attribute("aria-expanded", "true")
    python = listbox.get_by_role("option").filter(
        has=page.locator(".option-skill", has_text=re.compile("^Python$"))
    )
    expect(python).to_have_count(1)
    for _ in range(suggested.index("Python") + 1):
        combo.press("ArrowDown")
    expect(python).to_have_attribute("aria-selected", "true")
    expect(combo).to_have_attribute("aria-activedescendant", python.get_attribute("id"))
    combo.press("Enter")
    expect(page.locator("#skill-tags .tag-text")).to_have_text(["Python"])
    expect(combo).to_have_value("")
    expect(combo).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("button", name="移除技能 Python")).to_be_visible()


def test_profile_survives_a_reload(page: Page, server) -> None:
    open_page(page, server)
    fill_profile(page, titles="会计、出纳", skills=("會計", "Excel"), education="bachelor")
    page.get_by_label("教育", exact=True).check()
    page.fill("#salary", "5500")
    page.fill("#major", "财务管理")
    page.reload()
    expect(page.locator("#titles")).to_have_value("会计、出纳")
    expect(page.locator("#skill-tags .tag-text")).to_have_text(["會計", "Excel"])
    expect(page.locator("#education")).to_have_value("bachelor")
    expect(page.get_by_label("教育", exact=True)).to_be_checked()
    expect(page.locator("#salary")).to_have_value("5500")
    expect(page.locator("#major")).to_have_value("财务管理")
    expect(page.get_by_role("button", name="用示例试一试")).to_be_visible()  # not searched yet
    page.click("#submit")
    wait_settled(page)
    page.reload()
    wait_settled(page)  # a searched profile shows its results again
    expect(page.locator("#cards > li.card")).to_have_count(20)


def test_the_service_failing_shows_an_error_and_keeps_the_profile(page: Page, server) -> None:
    def fail(route):
        route.fulfill(
            status=500,
            content_type="application/json",
            body=json.dumps(
                {"code": 500, "status": "Internal Server Error", "message": "boom", "errors": {}}
            ),
        )

    page.route("**/api/v1/matches", fail)
    open_page(page, server)
    search(page, titles="数据分析师", skills=("Python",))
    alert = page.locator("#state [role=alert]")
    expect(alert).to_contain_text("暂时没能拿到结果")
    expect(alert).to_contain_text("500")
    expect(alert).to_contain_text("你的资料还在")
    expect(page.locator("#titles")).to_have_value("数据分析师")
    expect(page.locator("#skill-tags .tag-text")).to_have_text(["Python"])
    page.unroute("**/api/v1/matches")
    page.get_by_role("button", name="重试").click()
    wait_settled(page)
    expect(page.locator("#state [role=alert]")).to_have_count(0)
    expect(page.locator("#cards > li.card")).to_have_count(20)


def test_an_employer_view_lists_its_positions(page: Page, server) -> None:
    top = matches(server, {"titles": ["普工"]})["results"][0]["position"]["employer"]
    employer = api(server, f"/api/v1/employers/{top['id']}")
    open_page(page, server)
    search(page, titles="普工")
    page.locator("#cards > li.card").first.locator(".employer-link").click()
    expect(page).to_have_url(re.compile(rf"#employer/{employer['id']}$"))
    view = page.locator("#view-employer")
    expect(view.get_by_role("heading", level=2)).to_have_text(employer["name"])
    expect(view.locator(".booth-big")).to_contain_text(employer["booth"])
    expect(view.locator(".pos")).to_have_count(len(employer["positions"]))
    expect(view.locator(".pos-title")).to_have_text([p["title"] for p in employer["positions"]])
    expect(page.locator("#view-home")).to_be_hidden()
    view.get_by_role("button", name="返回").click()
    expect(page.locator("#view-home")).to_be_visible()
    expect(page.locator("#cards > li.card")).to_have_count(20)


@pytest.fixture
def planless(browser) -> Page:
    """A phone page whose fair has no hall plan (its answer is stripped of it; no service worker, which the
    stripping could not reach), for the visit list's fallback: booth order."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True, service_workers="block")  # fmt: skip

    def strip(route) -> None:
        response = route.fetch()
        route.fulfill(response=response, json={**response.json(), "hall": None})

    context.route("**/api/v1/fair", strip)
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    yield pg
    # A page still loading the fair when the test ends must not fail the next test's setup with a route
    # whose answer was disposed by the close.
    context.unroute_all(behavior="ignoreErrors")
    context.close()


def test_saved_positions_make_a_route_ordered_by_booth_without_a_plan(planless: Page, server) -> None:
    page = planless
    results = matches(server, EXAMPLE)["results"]
    booths = [r["position"]["employer"]["booth"] for r in results]
    # two positions saved in the opposite order to the walk, so the list has to reorder them
    first, second = next(
        (i, j)
        for i in range(len(booths))
        for j in range(i + 1, len(booths))
        if booth_key(booths[j]) < booth_key(booths[i])
    )
    open_page(page, server)
    page.get_by_role("button", name="用示例试一试").click()
    wait_settled(page)
    cards = page.locator("#cards > li.card")
    for index in (first, second):
        button = cards.nth(index).locator("button.save")
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#nav-count")).to_have_text("2")
    page.get_by_role("link", name=re.compile("我的清单")).click()
    expect(page.locator("#list-title")).to_be_focused()
    stops = page.locator("#route > li.stop")
    expect(stops).to_have_count(2)
    walk = [results[second]["position"], results[first]["position"]]
    expect(stops.locator(".stop-booth")).to_have_text([re.compile(p["employer"]["booth"]) for p in walk])
    expect(stops.locator(".stop-title")).to_have_text([p["title"] for p in walk])
    expect(page.locator("#hall")).to_be_hidden()
    page.reload()
    expect(stops).to_have_count(2)
    page.emulate_media(media="print")
    expect(page.locator("#view-list")).to_be_visible()
    expect(page.locator(".topbar")).to_be_hidden()


def test_the_route_orders_booths_by_zone_then_number_without_a_plan(planless: Page, server) -> None:
    page = planless
    saved = [
        {
            "id": f"X-{booth or 'none'}",
            "title": f"岗位{booth}",
            "employer": {"id": f"E-{booth}", "name": "单位", "booth": booth},
        }
        for booth in ["B-1", "A-10", None, "A-2", "a-3"]
    ]
    page.add_init_script(f"localStorage.setItem('fairmatch.visit.v1', {json.dumps(json.dumps(saved))})")
    open_page(page, server, "#list")
    expect(page.locator("#route .stop-booth")).to_have_text(
        ["展位 A-2", "展位 a-3", "展位 A-10", "展位 B-1", "展位待定"]
    )
    page.locator("#route li.stop").first.get_by_role("button", name=re.compile("从清单移除")).click()
    expect(page.locator("#route > li.stop")).to_have_count(4)
    expect(page.locator("#nav-count")).to_have_text("4")


def test_english_switch_relabels_the_page_and_persists(page: Page, server) -> None:
    open_page(page, server)
    page.get_by_role("button", name="Switch to English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_label("Jobs I want")).to_be_visible()
    expect(page.get_by_role("button", name="Find positions")).to_be_visible()
    expect(page.get_by_role("button", name="Try the example")).to_be_visible()
    expect(page.locator("#education option[value=associate]")).to_have_text("Associate (大专)")
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#form-title")).to_have_text("About me")
    page.get_by_role("button", name="Try the example").click()
    wait_settled(page)
    expect(page.locator("#total")).to_have_text(re.compile(r"^[\d,]+ (matching positions|positions in all)$"))
    expect(page.locator("#understood h3")).to_have_text("How we understood you")
    page.get_by_role("button", name="切换到中文").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.locator("#form-title")).to_have_text("我的求职资料")


@pytest.mark.parametrize("hash_", ["", "#list"])
def test_nothing_scrolls_sideways_on_a_360_px_phone(page: Page, server, hash_: str) -> None:
    long_skill = "熟练使用各类办公软件以及具备良好的沟通协调能力和团队合作精神" * 2
    open_page(page, server)
    search(page, titles="淘宝在线客服提供食宿缴纳五险", skills=("淘宝客服", long_skill))
    expect(page.locator("#cards .card-title", has_text="淘宝在线客服提供食宿缴纳五险").first).to_be_visible()
    saves = page.locator("#cards button.save")
    for index in range(3):
        saves.nth(index).click()
    if hash_:
        page.goto(f"{server.url}/{hash_}")
        expect(page.locator("#route > li.stop").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.evaluate("document.body.scrollWidth") <= 360
