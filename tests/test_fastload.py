"""Match requests load through plain checks compiled from their schema; the answers are marshmallow's own."""

from __future__ import annotations

import pytest
from marshmallow import Schema, ValidationError

from schemas.fastload import compile_schema
from schemas.matching import BatchRequestSchema, MatchRequestSchema

VALID = [
    {},
    {"skills": ["Pyhton", "数据分析", "ＥＸＣＥＬ"], "titles": ["数据分析师"], "industries": ["互联网"],
     "education": "大专", "major": "统计学", "expected_salary": 6000, "limit": 5, "offset": 10,
     "filters": {"industries": ["software_it", "C39"], "ownership": ["民企"], "min_salary": None}},
    {"education": None, "major": None, "filters": {}},
    {"min_score": 0.3},
    {"min_score": 1},
    {"min_score": None},
]  # fmt: skip
# Not plainly valid: marshmallow coerces some of these and rejects the others, and the fast path leaves both.
ODD = [
    {"limit": "20"},
    {"limit": 20.0},
    {"limit": True},
    {"skills": "Python"},
    {"skills": [""]},
    {"skills": ["x" * 101]},
    {"limit": 0},
    {"education": "博士后"},
    {"filters": {"education_eligible": "yes"}},
    {"unknown": 1},
    {"filters": {"ownership": ["外企"]}},
    [],
    {"min_score": 1.5},
    {"min_score": "0.5"},
]


def full_load(schema: Schema, data):
    try:
        return Schema.load(schema, data)
    except ValidationError as err:
        return ("error", err.messages)


def fast_or_full(schema: Schema, data):
    try:
        return schema.load(data)
    except ValidationError as err:
        return ("error", err.messages)


@pytest.mark.parametrize("data", VALID + ODD)
def test_the_same_answer_as_marshmallow(data):
    schema = MatchRequestSchema()
    assert fast_or_full(schema, data) == full_load(schema, data)


def test_plainly_valid_requests_never_reach_marshmallow(monkeypatch):
    schema = MatchRequestSchema()
    assert compile_schema(schema) is not None
    monkeypatch.setattr(Schema, "load", lambda *a, **k: pytest.fail("marshmallow was asked"))
    for data in VALID:
        schema.load(data)
    batch = BatchRequestSchema()
    loaded = batch.load({"candidates": [{"id": "c1", "skills": ["Java"]}], "compact": True})
    assert loaded == {"candidates": [{"id": "c1", "skills": ["Java"]}], "limit": 10, "compact": True}


def test_errors_still_come_from_the_schema(client):
    response = client.post("/api/v1/matches", json={"skills": [1], "limit": 0})
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert {"skills", "limit"} <= {key.split(".")[0].split("[")[0] for key in errors}, errors


def test_a_long_list_is_checked_in_parts_with_a_pause_between(monkeypatch):
    """A push's candidates are checked PAUSE_EVERY at a time, `pause` between two (the service takes turns
    there), with the same answer as marshmallow's."""
    from schemas import fastload
    from schemas.matching import PushRequestSchema

    pauses: list[int] = []
    monkeypatch.setattr(fastload, "pause", lambda: pauses.append(1))
    body = {"candidates": [{"id": f"c{n}", "skills": ["Excel", f"技能{n}"]} for n in range(450)], "limit": 5}
    schema = PushRequestSchema()
    assert schema.load(body) == Schema.load(schema, body)
    assert len(pauses) == 2  # 200 + 200 + 50
    pauses.clear()
    schema.load({"candidates": body["candidates"][:200]})
    assert pauses == []
