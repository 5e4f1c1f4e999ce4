"""The hall plan (`fair.hall`): optional, validated, stored, served with the fair, exported back."""

from __future__ import annotations

import copy
import io
import json

import pytest

from .builders import employer, fair_doc, position
from .conftest import DEFAULT_FIXTURE

LOAD = "/api/v1/fixtures?mode=replace"


def hall() -> dict:
    return {
        "width": 40,
        "height": 20,
        "entrance": {"x": 20, "y": 20, "label": "入口"},
        "booth_size": {"width": 3, "height": 2},
        "zones": [
            {"id": "A", "name": "A区", "x": 2, "y": 2, "width": 16, "height": 6,
             "booths": [{"booth": "A-01", "x": 4, "y": 4}, {"booth": "A-02", "x": 7.5, "y": 4}]},
            {"id": "B", "name": "B区", "booths": [{"booth": "B-01", "x": 30, "y": 4, "width": 4}]},
        ],
    }  # fmt: skip


def hall_fair(plan: object) -> dict:
    doc = fair_doc(
        employer("E01", booth="A-01", positions=[position("E01-P01")]),
        employer("E02", booth="B-01", positions=[position("E02-P01")]),
    )
    doc["fair"]["hall"] = plan
    return doc


def test_a_hall_plan_is_stored_served_and_exported_back(client, organiser):
    assert client.post(LOAD, json=hall_fair(hall()), headers=organiser).status_code == 200
    fair = client.get("/api/v1/fair").get_json()
    assert fair["hall"] == hall()
    exported = client.get("/api/v1/fixtures/export", headers=organiser).get_json()
    assert exported["fair"]["hall"] == hall()
    assert "hall" not in exported["fair"].get("extra", {})
    again = client.post(LOAD, json=exported, headers=organiser).get_json()
    assert again["changed"] is False


def test_a_fair_without_a_plan_has_none(client, organiser):
    assert client.post(LOAD, json=hall_fair(None), headers=organiser).status_code == 200
    assert client.get("/api/v1/fair").get_json()["hall"] is None
    exported = client.get("/api/v1/fixtures/export", headers=organiser).get_json()
    assert "hall" not in exported["fair"]


def test_a_plan_can_be_dropped_by_the_next_load(client, organiser):
    client.post(LOAD, json=hall_fair(hall()), headers=organiser)
    doc = hall_fair(hall())
    del doc["fair"]["hall"]
    answer = client.post(LOAD, json=doc, headers=organiser).get_json()
    assert answer["changes"]["fair"]["hall"]["new"] is None
    assert client.get("/api/v1/fair").get_json()["hall"] is None


def test_a_plan_written_as_json_text_is_read(client, organiser):
    # A spreadsheet's 招聘会 sheet carries the plan as the JSON text of its cell.
    text = json.dumps(hall(), ensure_ascii=False)
    assert client.post(LOAD, json=hall_fair(text), headers=organiser).status_code == 200
    assert client.get("/api/v1/fair").get_json()["hall"] == hall()


def _broken(change) -> dict:
    plan = copy.deepcopy(hall())
    change(plan)
    return plan


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda p: p.pop("zones"), "fair.hall.zones"),
        (lambda p: p.update(width=0), "fair.hall.width"),
        (lambda p: p["zones"][0]["booths"][1].update(x=41), "fair.hall.zones[0].booths[1]"),
        (lambda p: p["zones"][1]["booths"].append({"booth": "A-01", "x": 1, "y": 1}),
         "fair.hall.zones[1].booths[1]"),
        (lambda p: p["zones"][1].update(id="A"), "fair.hall.zones[1].id"),
        (lambda p: p["zones"][0]["booths"][0].update(y="north"), "fair.hall.zones[0].booths[0].y"),
        (lambda p: p["entrance"].update(y=25), "fair.hall.entrance"),
        (lambda p: p["zones"][0].update(width=39), "fair.hall.zones[0]"),
    ],
)  # fmt: skip
def test_a_bad_plan_is_422_at_its_path(client, organiser, change, path):
    response = client.post(LOAD, json=hall_fair(_broken(change)), headers=organiser)
    assert response.status_code == 422
    assert path in response.get_json()["errors"], response.get_json()["errors"]
    assert client.get("/api/v1/fair").status_code == 404  # nothing was loaded


def test_plan_text_that_is_not_json_is_422(client, organiser):
    response = client.post(LOAD, json=hall_fair("A区在左边"), headers=organiser)
    assert response.status_code == 422
    assert "fair.hall" in response.get_json()["errors"]


def test_the_default_fair_has_a_plan_of_every_employers_booth():
    doc = json.loads(DEFAULT_FIXTURE.read_text(encoding="utf-8"))
    plan = doc["fair"]["hall"]
    on_plan = {b["booth"]: b for zone in plan["zones"] for b in zone["booths"]}
    assert set(on_plan) == {e["booth"] for e in doc["employers"]}
    for zone in plan["zones"]:
        for booth in zone["booths"]:
            assert booth["booth"].startswith(zone["id"] + "-")
            assert zone["x"] <= booth["x"] <= zone["x"] + zone["width"]
            assert zone["y"] <= booth["y"] <= zone["y"] + zone["height"]
    assert plan["entrance"]["y"] == plan["height"]


def test_the_plan_is_documented(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    schemas = spec["components"]["schemas"]
    fair_info = schemas["FairInfo"]["properties"]
    assert "hall" in fair_info
    assert {"width", "height", "entrance", "zones"} <= set(schemas["Hall"]["properties"])
    assert "hall" in schemas["Fair"]["properties"]


def test_the_plan_survives_a_spreadsheet_round_trip(client, organiser):
    assert client.post(LOAD, json=hall_fair(hall()), headers=organiser).status_code == 200
    book = client.get("/api/v1/fixtures/export.xlsx", headers=organiser).data
    upload = {"file": (io.BytesIO(book), "fair.xlsx")}
    answer = client.post(LOAD, data=upload, headers=organiser).get_json()
    assert answer["changed"] is False, answer
    assert client.get("/api/v1/fair").get_json()["hall"] == hall()


def test_a_booth_on_the_plan_is_width_folded_as_employers_booths_are(client, organiser):
    """Ａ－０１ typed on a Chinese keyboard is booth A-01: on the plan once, stored and served folded."""
    plan = hall()
    plan["zones"][0]["booths"][0]["booth"] = "Ａ－０１"
    assert client.post(LOAD, json=hall_fair(plan), headers=organiser).status_code == 200
    assert client.get("/api/v1/fair").get_json()["hall"] == hall()
    plan["zones"][1]["booths"].append({"booth": "A-01", "x": 34, "y": 4})
    answer = client.post(LOAD, json=hall_fair(plan), headers=organiser)
    assert answer.status_code == 422
    assert "more than once" in answer.get_json()["errors"]["fair.hall.zones[1].booths[1]"][0]
