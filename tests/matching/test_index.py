"""The index's answer: contract shape, hard filters, total, paging, determinism, neutral order, batch."""

from __future__ import annotations

import random

import pytest

from matching.weights import default_weights

from .builders import fair, position, ranked, scores, trap_fair

PROFILE = {"skills": ["Python", "Excel", "数据分析"], "titles": ["数据分析师"], "expected_salary": 6000}


@pytest.fixture(scope="module")
def traps():
    return trap_fair()


def test_answer_has_the_contract_shape(traps):
    answer = traps.match({**PROFILE, "industries": ["互联网"], "education": "bachelor"}, limit=3)
    assert set(answer) >= {"total", "limit", "offset", "profile", "results"}
    assert set(answer["profile"]) >= {"skills", "titles", "industries"}
    first = answer["results"][0]
    assert set(first) >= {"rank", "score", "position", "explanation"}
    assert set(first["position"]) >= {"id", "title", "employer", "industry", "education", "salary_min",
                                      "salary_max", "openings", "skills"}  # fmt: skip
    assert set(first["position"]["employer"]) == {"id", "name", "ownership", "booth"}
    assert set(first["explanation"]) >= {"skills", "title", "industry", "education", "salary"}
    assert set(first["explanation"]["skills"]) == {"matched", "missing"}
    assert {"candidate", "position", "similarity"} <= set(first["explanation"]["skills"]["matched"][0])


def test_scores_are_in_range_non_increasing_and_ranks_count_from_offset(traps):
    answer = traps.match(PROFILE, limit=7, offset=5)
    values = [r["score"] for r in answer["results"]]
    assert all(0 <= v <= 1 for v in values)
    assert values == sorted(values, reverse=True)
    assert [r["rank"] for r in answer["results"]] == list(range(6, 13))


def test_pages_join_up_to_the_full_ranking(traps):
    full = ranked(traps, limit=100, **PROFILE)
    pages = [
        r["position"]["id"]
        for o in range(0, 30, 4)
        for r in traps.match(PROFILE, limit=4, offset=o)["results"]
    ]
    assert pages == full
    assert traps.match(PROFILE, limit=5, offset=100)["results"] == []


def test_hard_filters_and_total(traps):
    every = traps.match({})
    assert every["total"] == len(traps)
    ecommerce = traps.match({**PROFILE, "filters": {"industries": ["ecommerce"]}}, limit=100)
    assert ecommerce["total"] == 5
    assert {r["position"]["industry"] for r in ecommerce["results"]} == {"ecommerce"}
    state = traps.match({"filters": {"ownership": ["state_owned"]}})
    assert state["total"] == 0 and state["results"] == []


def test_ownership_filter():
    index = fair(position("A", "文员", ownership="state_owned"), position("B", "文员", ownership="private"))
    assert ranked(index, filters={"ownership": ["state_owned"]}) == ["A"]


def test_empty_profile_keeps_every_position_in_a_neutral_id_order(traps):
    answer = traps.match({}, limit=100)
    assert [r["position"]["id"] for r in answer["results"]] == sorted(p.id for p in traps.positions)
    assert {r["score"] for r in answer["results"]} == {0.0}


def test_skills_matching_nothing_score_nothing(traps):
    answer = traps.match({"skills": ["量子纠缠", "xyzzy"]}, limit=100)
    assert answer["total"] == len(traps)
    assert {r["score"] for r in answer["results"]} == {0.0}
    assert [e["matched"] for e in answer["profile"]["skills"]] == [None, None]


def test_same_request_same_answer_whatever_the_build_order(traps):
    shuffled = list(traps.positions)
    random.Random(7).shuffle(shuffled)
    again = fair(*shuffled)
    profile = {**PROFILE, "industries": ["電商"], "education": "associate"}
    assert traps.match(profile) == traps.match(profile) == again.match(profile)


def test_missing_components_do_not_dilute_the_score(traps):
    heavy_title = default_weights().with_overrides(components={"skills": 0.5, "title": 5.0, "industry": 3.0})
    index = trap_fair(weights=heavy_title)
    assert scores(index, skills=["Python", "SQL"]) == scores(traps, skills=["Python", "SQL"])
    unread = scores(traps, skills=["Python", "SQL"], industries=["量子物理"], titles=["", " "])
    assert unread == scores(traps, skills=["Python", "SQL"])


def test_matched_and_missing_explain_the_posting_skills(traps):
    answer = traps.match({"skills": ["Pyhton", "sql"]})
    data = next(r for r in answer["results"] if r["position"]["id"] == "DATA")["explanation"]["skills"]
    assert [(m["candidate"], m["position"]) for m in data["matched"]] == [
        ("Pyhton", "熟练使用Python进行数据分析"),
        ("sql", "SQL"),
    ]
    assert data["missing"] == ["Excel"]


def test_batch_gives_each_candidate_the_single_match_results(traps):
    candidates = [{"id": "c1", **PROFILE}, {"id": "c2", "skills": ["JS"]}, {"id": "c3"}]
    answers = traps.match_batch(candidates, limit=4)
    assert [a["candidate_id"] for a in answers] == ["c1", "c2", "c3"]
    for candidate, answer in zip(candidates, answers, strict=True):
        assert answer["results"] == traps.match(candidate, limit=4)["results"]


def test_batch_of_a_thousand_candidates(traps):
    skills = ["Python", "Java", "会计", "PS", "淘宝运营", "Excel", "PLC", "k8s"]
    candidates = [{"id": str(n), "skills": [skills[n % 8], skills[(n * 3) % 8]]} for n in range(1000)]
    answers = traps.match_batch(candidates, limit=3)
    assert len(answers) == 1000 and all(len(a["results"]) == 3 for a in answers)
