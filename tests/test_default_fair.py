"""The default fair: loaded on start into an empty database only, with the event's counts and mix."""

from __future__ import annotations

import json

from .builders import small_fair
from .conftest import DEFAULT_FIXTURE


def test_start_loads_the_qixing_fair_into_an_empty_database(make_app):
    client = make_app(FAIR_LOAD_DEFAULT=True).test_client()
    fair = client.get("/api/v1/fair").get_json()
    assert fair["id"] == "qixing-2023"
    assert fair["venue"] == "国贸益华城" and fair["district"] == "七星区"
    counts = fair["counts"]
    assert counts["employers"] == 94
    assert counts["positions"] == 3100
    mix = {key: row["employers"] for key, row in counts["by_ownership"].items()}
    assert mix == {"state_owned": 5, "private": 86, "education_training": 3}
    core = {"manufacturing", "real_estate", "wholesale_retail", "software_it", "education", "ecommerce"}
    assert sum(counts["by_industry"][k]["positions"] for k in core) == 3100
    assert all(counts["by_industry"][k]["positions"] > 0 for k in core)
    assert counts["openings"] >= 3100
    booths = [e["booth"] for e in client.get("/api/v1/employers?limit=100").get_json()["items"]]
    assert len(booths) == 94 and all(booths) and len(set(booths)) == 94


def test_the_default_fair_is_not_loaded_into_a_database_that_has_one(make_app, organiser):
    first = make_app().test_client()
    first.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=organiser)
    client = make_app(FAIR_LOAD_DEFAULT=True).test_client()  # a second start on the same database
    assert client.get("/api/v1/fair").get_json()["id"] == "test-fair"


def test_fair_load_default_0_starts_empty(make_app):
    client = make_app(FAIR_LOAD_DEFAULT=False).test_client()
    assert client.get("/api/v1/fair").status_code == 404


def test_the_default_fair_exports_back_unchanged(make_app, organiser):
    client = make_app(FAIR_LOAD_DEFAULT=True).test_client()
    exported = client.get("/api/v1/fixtures/export", headers=organiser).get_json()
    again = client.post("/api/v1/fixtures?mode=replace", json=exported, headers=organiser).get_json()
    assert again["positions"]["unchanged"] == 3100 and again["employers"]["unchanged"] == 94
    original = json.loads(DEFAULT_FIXTURE.read_text(encoding="utf-8"))
    assert [e["id"] for e in exported["employers"]] == [e["id"] for e in original["employers"]]
    first = original["employers"][0]["positions"][0]
    assert exported["employers"][0]["positions"][0]["skills"] == first.get("skills", [])
