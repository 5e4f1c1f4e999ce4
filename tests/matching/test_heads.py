"""Head-aware containment: a generic word inside a longer skill counts only as the compound's head."""

from __future__ import annotations

import pytest

from matching.similarity import generic_terms, similarity

from .builders import fair, position, result_for


@pytest.mark.parametrize(
    ("short", "long"),
    [("数据", "数据库"), ("管理", "管理软件"), ("销售", "销售数据"), ("分析", "分析报告撰写")],
)
def test_a_generic_word_as_a_modifier_counts_nothing(short, long):
    assert similarity(short, long, heads=True) == 0.0
    assert similarity(short, long) > 0  # the rule is for skills only: titles keep plain containment


@pytest.mark.parametrize(
    ("short", "long"),
    [("管理", "门店日常管理"), ("销售", "电话销售"), ("分析", "数据分析"), ("数据", "大数据")],
)
def test_a_generic_word_as_the_head_still_counts(short, long):
    assert similarity(short, long, heads=True) == similarity(short, long) > 0.75


def test_words_not_listed_as_generic_keep_containment():
    assert "直播" not in generic_terms()
    assert similarity("直播", "直播运营", heads=True) > 0.75


def test_a_seeker_knowing_data_is_not_read_into_a_database_requirement():
    index = fair(position("DB", "后台专员", "数据库", "SQL"), position("DATA", "统计专员", "数据"))
    answer = index.match({"skills": ["数据"]})
    assert answer["matched"] == 1 and answer["results"][0]["position"]["id"] == "DATA"
    assert result_for(answer, "DB")["explanation"]["skills"]["missing"] == ["数据库", "SQL"]


def test_a_posting_asking_only_for_management_is_not_met_by_management_software():
    index = fair(position("MG", "店长", "管理"), position("ERP", "实施顾问", "管理软件"))
    shop = index.match({"skills": ["门店日常管理"]})
    assert shop["results"][0]["position"]["id"] == "MG" and shop["matched"] == 1
    software = index.match({"skills": ["管理"]})
    assert result_for(software, "ERP")["explanation"]["below_floor"]
