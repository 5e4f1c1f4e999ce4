"""A JSON body's numbers and true/false are taken as JSON writes them (`schemas.fields.JsonBody`): a wrong
type is a 422 naming the field, never a truncated or guessed value; query strings, text by nature, parse."""

from __future__ import annotations

import pytest

from .builders import small_fair

LOAD = "/api/v1/fixtures?mode=replace"
CANDIDATE = {"id": "c1", "skills": ["Python"]}


@pytest.fixture
def fair(client, organiser):
    assert client.post(LOAD, json=small_fair(), headers=organiser).status_code == 200


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/v1/matches", {"limit": 1.5}, "limit"),
        ("/api/v1/matches", {"limit": "5"}, "limit"),
        ("/api/v1/matches", {"offset": "0"}, "offset"),
        ("/api/v1/matches", {"expected_salary": 5000.7}, "expected_salary"),
        ("/api/v1/matches", {"expected_salary": "5000"}, "expected_salary"),
        ("/api/v1/matches", {"filters": {"education_eligible": 0}}, "filters.education_eligible"),
        ("/api/v1/matches", {"filters": {"include_open_majors": "true"}}, "filters.include_open_majors"),
        ("/api/v1/matches", {"filters": {"min_salary": 4500.5}}, "filters.min_salary"),
        ("/api/v1/matches", {"min_score": "0.5"}, "min_score"),
        ("/api/v1/matches", {"min_score": True}, "min_score"),
        ("/api/v1/matches/batch", {"candidates": [CANDIDATE], "compact": 0}, "compact"),
        ("/api/v1/matches/batch", {"candidates": [CANDIDATE], "compact": "false"}, "compact"),
        ("/api/v1/matches/batch", {"candidates": [CANDIDATE], "limit": 2.5}, "limit"),
        ("/api/v1/matches/batch", {"candidates": [{**CANDIDATE, "expected_salary": 4000.9}]},
         "candidates[0].expected_salary"),
        ("/api/v1/pushes", {"candidates": [CANDIDATE], "limit": "10"}, "limit"),
        ("/api/v1/guidance", {"skills": ["Excel"], "limit": 1.5}, "limit"),
    ],
)  # fmt: skip
def test_a_wrong_json_type_is_a_422_naming_the_field(client, fair, path, body, field):
    answer = client.post(path, json={"skills": ["Python"], **body} if "candidates" not in body else body)
    assert answer.status_code == 422, answer.json
    assert list(answer.json["errors"]) == [field]


def test_json_numbers_and_booleans_as_json_writes_them_still_load(client, fair):
    body = {"skills": ["Python"], "expected_salary": 5000.0, "limit": 5, "min_score": 0,
            "filters": {"education_eligible": True, "min_salary": 4000}}  # fmt: skip
    answer = client.post("/api/v1/matches", json=body)
    assert answer.status_code == 200, answer.json
    assert answer.json["limit"] == 5
    batch = client.post(
        "/api/v1/matches/batch", json={"candidates": [CANDIDATE], "compact": False, "limit": 3.0}
    )
    assert batch.status_code == 200, batch.json


def test_query_strings_are_text_and_still_parse(client, fair, organiser):
    answer = client.get("/api/v1/positions?limit=5&offset=0&min_salary=3000&include_open_majors=true")
    assert answer.status_code == 200, answer.json
    assert answer.json["limit"] == 5
    assert client.get("/api/v1/skills/suggest?q=py&limit=3").status_code == 200
    dry = client.post("/api/v1/fixtures?mode=replace&dry_run=true", json=small_fair(), headers=organiser)
    assert dry.status_code == 200 and dry.json["dry_run"] is True
    patch = client.patch("/api/v1/positions/E01-P01?dry_run=1", json={"openings": 4}, headers=organiser)
    assert patch.status_code == 200 and patch.json["dry_run"] is True


def test_a_hall_plan_takes_its_metres_as_json_numbers(client, organiser):
    doc = small_fair()
    doc["fair"]["hall"] = {
        "width": 40,
        "height": "20",
        "zones": [{"id": "A", "booths": [{"booth": "A-02", "x": 3, "y": 3}]}],
    }
    answer = client.post(LOAD, json=doc, headers=organiser)
    assert answer.status_code == 422 and list(answer.json["errors"]) == ["fair.hall.height"], answer.json
