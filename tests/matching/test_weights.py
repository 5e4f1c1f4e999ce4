"""The weights file, overrides and validation."""

from __future__ import annotations

import pytest

from matching.weights import Weights, default_weights

from .builders import fair, position, scores


def test_weights_come_from_the_data_file():
    weights = default_weights()
    assert weights.components["skills"] > weights.components["industry"] > 0
    assert 0 < weights.education_penalty < 1
    assert weights.match_threshold == 0.75


def test_overrides_change_the_ranking():
    index_positions = (
        position("SKILL", "销售", "会计", "用友", industry="manufacturing"),
        position("INDUSTRY", "文员", "Word", industry="ecommerce"),
    )
    profile = {"skills": ["会计", "用友"], "industries": ["电商"]}
    assert next(iter(scores(fair(*index_positions), **profile))) == "SKILL"
    industry_first = default_weights().with_overrides(components={"skills": 0.1, "industry": 1.0})
    assert next(iter(scores(fair(*index_positions, weights=industry_first), **profile))) == "INDUSTRY"


def test_the_wished_job_comes_before_another_job_the_skills_alone_meet():
    # 电商运营 asking none of the seeker's skills against 产品摄影师 asking only PS: at equal weights they
    # tied (0.5 each) and the tie-break put the photographer, listed first, first. The wish weighs a little
    # more than the skills, so the job the seeker named comes first.
    index = fair(
        position("OTHER", "产品摄影师", "PS"),
        position("WISH", "电商运营", "拼多多", "生意参谋"),
    )
    order = scores(index, titles=["电商运营"], skills=["PS"])
    assert list(order) == ["WISH", "OTHER"] and order["WISH"] > order["OTHER"]
    weights = default_weights().components
    assert weights["title"] > weights["skills"]


@pytest.mark.parametrize(
    "change",
    [
        {"components": {"skills": -1}},
        {"components": {"luck": 1}},
        {"match_threshold": 0},
        {"education_penalty": 1.5},
        {"skill_beta": 0},
        {"title_requirement": 1.0},
        {"title_synonym": 0},
    ],
)
def test_invalid_weights_are_refused(change):
    with pytest.raises(ValueError):
        Weights().with_overrides(**change)
