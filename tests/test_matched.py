"""`matched` and `min_score`: only what fits is recommended; the rest follows, marked below the floor."""

from __future__ import annotations

import pytest

from .builders import employer, fair_doc, position, trap_fair

URL = "/api/v1/matches"


def load(client, organiser, doc) -> None:
    assert client.post("/api/v1/fixtures?mode=replace", json=doc, headers=organiser).status_code == 200


def match(client, **body):
    response = client.post(URL, json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def pay_fair():
    """A position using the seeker's skill weakly and paying badly, beside unrelated ones paying well."""
    return fair_doc(
        employer(
            "E01",
            industry="software_it",
            positions=[
                position("WEAK", "数据录入员", skills=["Excel", "打字", "档案管理", "Word", "PPT"],
                         salary_min=1000, salary_max=1500),
                position("GUARD", "保安", skills=["消防证"], salary_min=9000, salary_max=12000),
                position("COOK", "厨师", skills=["中式烹调"], salary_min=9000, salary_max=12000),
            ],
        ),
    )  # fmt: skip


def split(answer) -> tuple[list[str], list[str]]:
    above = [r["position"]["id"] for r in answer["results"] if not r["explanation"]["below_floor"]]
    below = [r["position"]["id"] for r in answer["results"] if r["explanation"]["below_floor"]]
    return above, below


def test_matched_counts_what_shares_anything_and_it_comes_first(client, organiser):
    load(client, organiser, trap_fair())
    answer = match(client, skills=["Java"], limit=100)
    assert answer["total"] == 24  # total keeps its meaning: every position passing the filters
    above, below = split(answer)
    assert answer["matched"] == len(above) and 0 < answer["matched"] < answer["total"]
    assert above[0] == "S-JAVA" and "S-JS" in below  # JavaScript shares nothing with Java
    flags = [r["explanation"]["below_floor"] for r in answer["results"]]
    assert flags == sorted(flags)  # every matched position before the first one below the floor
    scores = [r["score"] for r in answer["results"]]
    assert scores == sorted(scores, reverse=True)


def test_below_the_floor_comes_after_a_weak_match_even_when_it_pays_better(client, organiser):
    load(client, organiser, pay_fair())
    answer = match(client, skills=["Excel", "Python", "Java", "SQL"], expected_salary=9000)
    assert answer["matched"] == 1
    assert answer["results"][0]["position"]["id"] == "WEAK"
    weak, *rest = answer["results"]
    assert all(r["explanation"]["below_floor"] and r["score"] <= weak["score"] for r in rest)
    assert weak["explanation"]["below_floor"] is False


def test_pay_alone_shares_with_every_position_and_an_empty_profile_with_none(client, organiser):
    load(client, organiser, pay_fair())
    assert match(client, expected_salary=5000)["matched"] == 3
    empty = match(client)
    assert empty["matched"] == 0 and empty["total"] == 3
    assert all(r["explanation"]["below_floor"] for r in empty["results"])


def test_a_preferred_industry_is_shared_and_a_related_one_is_not(client, organiser):
    doc = fair_doc(
        employer("E01", industry="real_estate", positions=[position("HOUSE", "置业顾问")]),
        employer("E02", industry="wholesale_retail", positions=[position("SHOP", "店员")]),
        employer("E03", industry="manufacturing", positions=[position("PLANT", "普工")]),
    )
    load(client, organiser, doc)
    answer = match(client, industries=["房产"])
    assert answer["matched"] == 1 and split(answer)[0] == ["HOUSE"]


def test_min_score_raises_the_floor(client, organiser):
    load(client, organiser, trap_fair())
    plain = match(client, skills=["Python"], limit=100)
    floor = plain["results"][0]["score"]  # only the best stays above
    strict = match(client, skills=["Python"], min_score=floor, limit=100)
    assert strict["total"] == plain["total"]
    above, _ = split(strict)
    assert strict["matched"] == len(above) < plain["matched"]
    assert all(r["score"] >= floor for r in strict["results"] if not r["explanation"]["below_floor"])
    assert all(r["score"] < floor for r in strict["results"] if r["explanation"]["below_floor"])
    assert [r["position"]["id"] for r in strict["results"]] == [r["position"]["id"] for r in plain["results"]]
    assert match(client, skills=["Java"], min_score=0)["matched"] == match(client, skills=["Java"])["matched"]


def test_paging_keeps_the_count(client, organiser):
    load(client, organiser, trap_fair())
    first = match(client, skills=["Java"], limit=2)
    later = match(client, skills=["Java"], limit=2, offset=10)
    assert first["matched"] == later["matched"]


def test_batch_answers_carry_matched_and_take_min_score(client, organiser):
    load(client, organiser, trap_fair())
    body = {
        "candidates": [{"id": "a", "skills": ["Python"]}, {"id": "b", "skills": ["Python"], "min_score": 0}],
        "limit": 5,
        "min_score": 0.9,
    }
    response = client.post(f"{URL}/batch", json=body)
    assert response.status_code == 200
    a, b = response.get_json()["results"]
    single = match(client, skills=["Python"], limit=5)
    assert b["matched"] == single["matched"] and b["results"] == single["results"]
    strict = match(client, skills=["Python"], limit=5, min_score=0.9)
    assert a["matched"] == strict["matched"] < single["matched"]


@pytest.mark.parametrize("value", [1.5, -0.1, "high", True])
def test_a_min_score_outside_0_to_1_is_422(client, organiser, value):
    load(client, organiser, trap_fair())
    response = client.post(URL, json={"skills": ["Java"], "min_score": value})
    assert response.status_code == 422 and "min_score" in response.get_json()["errors"]
    batch = client.post(f"{URL}/batch", json={"candidates": [{"id": "a"}], "min_score": value})
    assert batch.status_code == 422 and "min_score" in batch.get_json()["errors"]


def test_the_openapi_document_names_matched_and_min_score(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    schemas = spec["components"]["schemas"]
    assert "matched" in schemas["MatchAnswer"]["properties"]
    assert "min_score" in schemas["MatchRequest"]["properties"]
    assert "matched" in schemas["BatchItem"]["properties"]
