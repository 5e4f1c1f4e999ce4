"""Ids may hold no character that cannot be seen or typed (`schemas.fields.visible_id`): `E\\n01`, or E001
with a zero-width space after it, which looks like E001, is a 422 naming the field wherever an id comes in."""

from __future__ import annotations

import pytest

from .builders import employer, fair_doc, position, small_fair

LOAD = "/api/v1/fixtures?mode=replace"
INVISIBLE = ["E\n01", "E001\u200b", "E\u200d01", "\u202eE01", "E\u00a001", "E\u300001", "E\t01", "E\x1f01"]


@pytest.mark.parametrize("bad", INVISIBLE)
def test_a_load_refuses_an_invisible_character_in_an_employer_or_position_id(client, organiser, bad):
    doc = fair_doc(employer(bad, positions=[position(f"{bad}-P01")]))
    answer = client.post(LOAD, json=doc, headers=organiser)
    assert answer.status_code == 422, answer.json
    assert {"employers[0].id", "employers[0].positions[0].id"} == set(answer.json["errors"])
    assert "U+" in answer.json["errors"]["employers[0].id"][0]
    assert client.get("/api/v1/employers").json["total"] == 0


def test_plain_ids_with_a_space_or_chinese_still_load(client, organiser):
    doc = fair_doc(employer("七星 01", positions=[position("七星 01-岗位1")]))
    assert client.post(LOAD, json=doc, headers=organiser).status_code == 200


@pytest.mark.parametrize("bad", ["c\n1", "c1\u200b", "c\u20601"])
def test_a_batch_or_push_refuses_an_invisible_candidate_id(client, organiser, bad):
    assert client.post(LOAD, json=small_fair(), headers=organiser).status_code == 200
    body = {"candidates": [{"id": "ok", "skills": ["Python"]}, {"id": bad, "skills": ["Python"]}]}
    for path in ("/api/v1/matches/batch", "/api/v1/pushes"):
        answer = client.post(path, json=body)
        assert answer.status_code == 422, answer.json
        assert list(answer.json["errors"]) == ["candidates[1].id"]


def test_corrections_refuse_an_invisible_id_in_the_url_or_the_body(client, organiser):
    assert client.post(LOAD, json=small_fair(), headers=organiser).status_code == 200
    body = {"name": "桂林新企业", "ownership": "private", "industry": "manufacturing"}
    put = client.put("/api/v1/employers/E01%E2%80%8B", json=body, headers=organiser)
    assert put.status_code == 422, put.json
    moved = client.patch("/api/v1/positions/E01-P01", json={"employer_id": "E02\u200b"}, headers=organiser)
    assert moved.status_code == 422 and list(moved.json["errors"]) == ["employer_id"], moved.json
    created = client.put("/api/v1/positions/E01-P09", headers=organiser,
                         json={"employer_id": "E\n01", "title": "普工"})  # fmt: skip
    assert created.status_code == 422 and list(created.json["errors"]) == ["employer_id"], created.json
    assert client.get("/api/v1/employers?limit=100").json["total"] == 3
