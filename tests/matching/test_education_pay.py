"""Education eligibility (ordering and filter) and pay against the expected salary."""

from __future__ import annotations

import pytest

from .builders import fair, position, ranked, result_for, scores


@pytest.fixture(scope="module")
def levels():
    return fair(
        position("BACHELOR", "会计", "会计", "Excel", education="bachelor"),
        position("ASSOCIATE", "会计", "会计", "Excel", education="associate"),
        position("ANY", "会计", "会计", "Excel", education="none"),
        position("MASTER", "会计", "会计", "Excel", "用友", education="master"),
    )


def test_positions_asking_more_than_the_seeker_has_rank_below_eligible_ones(levels):
    order = ranked(levels, skills=["会计", "Excel"], education="associate")
    # Same fit: the post asking the seeker's level first (by id, ANY came first), then the one asking none.
    assert order[:2] == ["ASSOCIATE", "ANY"]
    assert set(order[2:]) == {"BACHELOR", "MASTER"}
    answer = levels.match({"skills": ["会计", "Excel"], "education": "associate"})
    assert result_for(answer, "BACHELOR")["explanation"]["education"] == {
        "eligible": False,
        "required": "bachelor",
        "candidate": "associate",
    }
    assert result_for(answer, "BACHELOR")["score"] == pytest.approx(result_for(answer, "ANY")["score"] * 0.5)


def test_eligible_filter_drops_them_and_total_counts_what_is_left(levels):
    answer = levels.match({"skills": ["会计"], "education": "大专", "filters": {"education_eligible": True}})
    assert answer["total"] == 2
    assert {r["position"]["id"] for r in answer["results"]} == {"ANY", "ASSOCIATE"}


def test_unknown_seeker_education_means_no_penalty_and_no_filter(levels):
    answer = levels.match({"skills": ["会计", "Excel"], "filters": {"education_eligible": True}})
    assert answer["total"] == 4
    assert len({r["score"] for r in answer["results"] if r["position"]["id"] != "MASTER"}) == 1
    assert all(r["explanation"]["education"]["eligible"] is None for r in answer["results"])


def test_higher_education_than_required_is_eligible(levels):
    assert scores(levels, skills=["会计", "Excel"], education="doctorate")["MASTER"] > 0
    assert ranked(levels, education="doctorate", skills=["会计", "Excel", "用友"])[0] == "MASTER"


@pytest.fixture(scope="module")
def pay():
    return fair(
        position("HIGH", "文员", salary=(5000, 8000)),
        position("RANGE", "文员", salary=(4000, 6000)),
        position("LOW", "文员", salary=(3000, 4000)),
        position("OPEN", "文员"),
        position("FLOOR", "文员", salary=(3000, None)),
    )


def test_pay_below_expectation_loses_in_proportion_and_negotiable_is_neutral(pay):
    answer = pay.match({"expected_salary": 6000})
    salary = {r["position"]["id"]: r["explanation"]["salary"]["score"] for r in answer["results"]}
    assert salary == {"HIGH": 1.0, "RANGE": 1.0, "LOW": pytest.approx(0.67), "OPEN": 0.8, "FLOOR": 0.8}
    assert [r["position"]["id"] for r in answer["results"]] == ["HIGH", "RANGE", "FLOOR", "OPEN", "LOW"]


def test_min_salary_filter_keeps_negotiable_positions(pay):
    answer = pay.match({"filters": {"min_salary": 5000}})
    assert {r["position"]["id"] for r in answer["results"]} == {"HIGH", "RANGE", "OPEN", "FLOOR"}
    assert answer["total"] == 4


def test_pay_does_not_outweigh_fit(pay):
    index = fair(
        position("FIT", "会计", "会计", "用友", salary=(4000, 5000)),
        position("RICH", "销售", "销售", salary=(8000, 15000)),
    )
    assert ranked(index, skills=["会计", "用友"], expected_salary=7000)[0] == "FIT"


def test_equal_scores_put_the_posts_asking_the_seekers_level_first():
    # A graduate giving only education and pay scored 1 on every post paying enough, in id order: a 本科
    # graduate saw posts asking 初中 before those asking 本科. Ties now go to the level they hold.
    index = fair(
        position("A-MIDDLE", "普工", education="junior_high", salary=(5000, 6000)),
        position("B-NONE", "销售", education="none", salary=(5000, 6000)),
        position("C-BACHELOR", "会计", education="bachelor", salary=(5000, 6000)),
        position("D-ASSOCIATE", "出纳", education="associate", salary=(5000, 6000)),
        position("E-MASTER", "研究员", education="master", salary=(5000, 6000)),
    )
    assert ranked(index, education="bachelor", expected_salary=5000) == [
        "C-BACHELOR", "D-ASSOCIATE", "A-MIDDLE", "B-NONE", "E-MASTER",
    ]  # fmt: skip
    by_id = ["A-MIDDLE", "B-NONE", "C-BACHELOR", "D-ASSOCIATE", "E-MASTER"]
    assert ranked(index, expected_salary=5000) == by_id  # no education given: by id, as before
