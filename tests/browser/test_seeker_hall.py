"""The visit list on the hall plan: the saved booths marked on an inline SVG of the default fair's hall, in a
short walking order from the entrance, printable, in Chinese and English; offline too."""

from __future__ import annotations

import itertools
import json
import math

import pytest
from playwright.sync_api import Page, expect

from .test_seeker_page import api, open_page

# Far apart on purpose: booth order (A, B, C, D) zigzags across the hall.
SAVED_BOOTHS = ["A-01", "B-12", "C-13", "D-13", "A-24"]
MANY_BOOTHS = ["A-01", "A-07", "A-20", "B-03", "B-12", "B-18", "C-02", "C-13", "C-22", "D-05", "D-13", "D-21"]


def _saved(server, booths: list[str] = SAVED_BOOTHS) -> tuple[list[dict], dict]:
    fair = api(server, "/api/v1/fair")
    employers = {e["booth"]: e for e in api(server, "/api/v1/employers?limit=100")["items"]}
    items = []
    for booth in booths:
        employer = employers[booth]
        position = api(server, f"/api/v1/employers/{employer['id']}")["positions"][0]
        owner = {"id": employer["id"], "name": employer["name"], "booth": booth}
        items.append({"id": position["id"], "title": position["title"], "employer": owner})
    return items, fair["hall"]


def _length(hall: dict, booths: list[str]) -> float:
    places = {b["booth"]: (b["x"], b["y"]) for zone in hall["zones"] for b in zone["booths"]}
    here = (hall["entrance"]["x"], hall["entrance"]["y"])
    total = 0.0
    for booth in booths:
        total += math.dist(here, places[booth])
        here = places[booth]
    return total


def _shortest(hall: dict, booths: list[str]) -> float:
    """The shortest walk from the entrance through every booth (Held-Karp)."""
    places = {b["booth"]: (b["x"], b["y"]) for zone in hall["zones"] for b in zone["booths"]}
    points = [places[b] for b in booths]
    start = (hall["entrance"]["x"], hall["entrance"]["y"])
    best = {(1 << i, i): math.dist(start, p) for i, p in enumerate(points)}
    for size in range(2, len(points) + 1):
        for subset in itertools.combinations(range(len(points)), size):
            mask = sum(1 << i for i in subset)
            for last in subset:
                before = mask & ~(1 << last)
                best[(mask, last)] = min(
                    best[(before, k)] + math.dist(points[k], points[last]) for k in subset if k != last
                )
    full = (1 << len(points)) - 1
    return min(best[(full, i)] for i in range(len(points)))


def _open_list(page: Page, server, items: list[dict]) -> None:
    page.add_init_script(f"localStorage.setItem('fairmatch.visit.v1', {json.dumps(json.dumps(items))})")
    open_page(page, server, "#list")
    expect(page.locator("#hall svg.hall-plan:visible")).to_be_visible()


def test_the_visit_list_walks_the_hall_from_the_entrance(page: Page, server) -> None:
    items, hall = _saved(server)
    _open_list(page, server, items)
    stops = page.locator("#route > li.stop")
    expect(stops).to_have_count(len(SAVED_BOOTHS))
    walk = stops.evaluate_all("stops => stops.map(s => s.dataset.booth)")
    assert sorted(walk) == sorted(SAVED_BOOTHS)
    assert math.isclose(_length(hall, walk), _shortest(hall, SAVED_BOOTHS))  # a few stops: the shortest
    assert _length(hall, walk) < _length(hall, sorted(SAVED_BOOTHS))  # shorter than booth order
    # the plan (turned on a phone): every booth drawn, the saved ones marked and numbered in the list's order
    plan = page.locator("#hall svg.hall-plan:visible")
    expect(plan).to_have_class("hall-plan tall")
    assert plan.locator("rect.hall-booth").count() == sum(len(z["booths"]) for z in hall["zones"])
    expect(plan.locator("rect.hall-booth.saved")).to_have_count(len(SAVED_BOOTHS))
    numbers = plan.locator("g.hall-stop").evaluate_all(
        "gs => gs.map(g => [g.dataset.stop, g.querySelector('text').textContent])"
    )
    assert [n for n, _ in numbers] == [str(i) for i in range(1, len(SAVED_BOOTHS) + 1)]
    marked = plan.locator("g.hall-stop").evaluate_all("gs => gs.map(g => g.dataset.booth)")
    assert marked == [f"{b[0]}-{int(b[2:])}" for b in walk]
    points = plan.locator("polyline.hall-walk").get_attribute("points").split()
    entrance = hall["entrance"]
    assert points[0] == f"{hall['height'] - entrance['y']},{entrance['x']}" and len(points) == len(walk) + 1
    wide = page.locator("#hall svg.hall-plan.wide")
    wide_points = wide.locator("polyline.hall-walk").get_attribute("points").split()
    assert wide_points[0] == f"{entrance['x']},{entrance['y']}"  # paper's plan: the hall as it is
    expect(plan.locator("text.hall-entrance-name")).to_have_text("正门入口")
    expect(plan.locator("title")).to_contain_text("5 个收藏的展位")
    expect(page.locator("#list-summary")).to_contain_text("从入口出发")
    # the page fits a phone, and the plan is drawn from the page's own files (no inline style)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator("#hall [style]").count() == 0

    page.click("#lang")
    expect(plan.locator("text.hall-entrance-name")).to_have_text("Entrance")
    expect(plan.locator("title")).to_contain_text("5 saved booths")
    expect(plan.locator("text.hall-zone-name").first).to_have_text("Zone A")

    page.emulate_media(media="print")
    expect(wide).to_be_visible()  # paper shows the plan as the hall is
    expect(page.locator("#hall svg.hall-plan.tall")).to_be_hidden()
    expect(page.locator(".topbar")).to_be_hidden()
    box = wide.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0


# the shown plan's text as laid out on the screen, in CSS pixels
PLAN_BOXES = """svg => {
  const box = (node) => {
    const r = node.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, height: r.height};
  };
  return {
    plan: box(svg),
    floor: box(svg.querySelector("rect.hall-floor")),
    entrance: box(svg.querySelector("text.hall-entrance-name")),
    numbers: [...svg.querySelectorAll("text.hall-stop-number")].map((n) => box(n).height),
  };
}"""


def _readable(page: Page) -> dict:
    boxes = page.locator("#hall svg.hall-plan:visible").evaluate(PLAN_BOXES)
    plan, floor, name = boxes["plan"], boxes["floor"], boxes["entrance"]
    # the entrance's name lies wholly inside the drawing, and clear of the hall's walls
    assert plan["left"] <= name["left"] and name["right"] <= plan["right"], boxes
    assert plan["top"] <= name["top"] and name["bottom"] <= plan["bottom"], boxes
    outside = (
        name["top"] >= floor["bottom"] + 1
        or name["bottom"] <= floor["top"] - 1
        or name["left"] >= floor["right"] + 1
        or name["right"] <= floor["left"] - 1
    )
    assert outside, boxes
    return boxes


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_plan_is_readable_on_a_phone_and_a_desktop(page: Page, desktop_page: Page, server, lang) -> None:
    items, _ = _saved(server, MANY_BOOTHS)
    page.set_viewport_size({"width": 390, "height": 844})
    for pg in (page, desktop_page):
        pg.add_init_script(f"localStorage.setItem('fairmatch.lang', '{lang}')")
        _open_list(pg, server, items)
        boxes = _readable(pg)
        assert min(boxes["numbers"]) >= 12, boxes["numbers"]  # the stop numbers, as text is on the page
    expect(page.locator("#hall svg.hall-plan:visible")).to_have_class("hall-plan tall")
    expect(desktop_page.locator("#hall svg.hall-plan:visible")).to_have_class("hall-plan wide")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_removing_a_stop_redraws_the_walk(page: Page, server) -> None:
    items, _ = _saved(server)
    _open_list(page, server, items)
    first = page.locator("#route > li.stop").first
    first.locator("[data-remove]").first.click()
    expect(page.locator("#route > li.stop")).to_have_count(len(SAVED_BOOTHS) - 1)
    expect(page.locator("#hall svg.tall rect.hall-booth.saved")).to_have_count(len(SAVED_BOOTHS) - 1)
    expect(page.locator("#hall svg.tall g.hall-stop")).to_have_count(len(SAVED_BOOTHS) - 1)


def test_the_plan_and_walk_work_offline(page: Page, server) -> None:
    items, _ = _saved(server)
    _open_list(page, server, items)
    page.wait_for_function("() => navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    expect(page.locator("#hall svg.hall-plan:visible")).to_be_visible()
    walk = page.locator("#route > li.stop").evaluate_all("stops => stops.map(s => s.dataset.booth)")
    page.context.set_offline(True)
    page.reload()
    expect(page.locator("#hall svg.hall-plan:visible")).to_be_visible()
    assert page.locator("#route > li.stop").evaluate_all("stops => stops.map(s => s.dataset.booth)") == walk
    page.context.set_offline(False)


def test_a_longer_list_gets_a_short_walk(page: Page, server) -> None:
    items, hall = _saved(server, MANY_BOOTHS)
    _open_list(page, server, items)
    expect(page.locator("#route > li.stop")).to_have_count(len(MANY_BOOTHS))
    walk = page.locator("#route > li.stop").evaluate_all("stops => stops.map(s => s.dataset.booth)")
    assert sorted(walk) == sorted(MANY_BOOTHS)
    assert _length(hall, walk) <= 1.05 * _shortest(hall, MANY_BOOTHS)
    assert _length(hall, walk) < 0.8 * _length(hall, sorted(MANY_BOOTHS))
