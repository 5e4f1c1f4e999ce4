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
