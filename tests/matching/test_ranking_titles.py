"""Desired titles (求职意向) against noisy posting titles, and industry preferences."""

from __future__ import annotations

import pytest

from .builders import assert_first, fair, position, result_for, scores, trap_fair


@pytest.fixture(scope="module")
def traps():
    return trap_fair()


@pytest.mark.parametrize(
    ("titles", "expected", "traps_below"),
    [
        (["普工"], "PG", ()),  # 急聘普工 7500月包吃住
        (["淘宝客服"], "KEFU", ()),  # 淘宝在线客服提供食宿缴纳五险
        (["电商运营"], "SHOP", ("LIVE",)),  # 电商运营组长（天猫/拼多多）
        (["Java"], "JAVA", ("JS",)),  # Java开发工程师（应届生可） vs JavaScript前端工程师
        (["Java工程师"], "JAVA", ("JS", "CPP")),
        (["數據分析師"], "DATA", ("R",)),  # traditional; 数据分析专员 shares the core
        (["会计"], "ACC", ("EXPO",)),
        (["C++开发"], "CPP", ("C", "CS")),
        (["kuaiji"], "ACC", ("EXPO",)),  # a title spelt in pinyin
        (["pugong"], "PG", ()),
        (["dianshang yunying"], "SHOP", ("LIVE",)),
    ],
)
def test_desired_title_finds_the_noisy_posting(traps, titles, expected, traps_below):
    assert_first(traps, expected, above=traps_below, titles=titles)


def test_a_java_wish_scores_nothing_on_javascript(traps):
    assert scores(traps, titles=["Java"])["JS"] == 0


def test_the_best_of_several_desired_titles_counts_and_is_explained(traps):
    answer = traps.match({"titles": ["电工", "会计"]})
    assert result_for(answer, "ACC")["explanation"]["title"] == {"candidate": "会计", "similarity": 1.0}
    echo = answer["profile"]["titles"]
    assert [e["input"] for e in echo] == ["电工", "会计"]
    assert echo[1]["matched"] == "会计" and echo[1]["positions"] == 1


@pytest.mark.parametrize("wish", ["電商", "电商", "dianshang", "e-commerce"])
def test_industry_preference_ranks_related_industries_partially(wish):
    index = fair(
        position("EC", "运营专员", industry="ecommerce"),
        position("RETAIL", "运营专员", industry="wholesale_retail"),
        position("FACTORY", "运营专员", industry="manufacturing"),
    )
    answer = index.match({"industries": [wish]})
    assert answer["profile"]["industries"][0]["key"] == "ecommerce"
    assert [r["position"]["id"] for r in answer["results"]] == ["EC", "RETAIL", "FACTORY"]
    assert [r["explanation"]["industry"]["score"] for r in answer["results"]] == [1.0, 0.6, 0.0]


def test_unknown_industry_text_is_flagged_and_does_not_rank():
    index = fair(position("A", "文员", industry="ecommerce"), position("B", "文员", industry="education"))
    answer = index.match({"industries": ["量子物理"], "titles": ["文员"]})
    assert answer["profile"]["industries"] == [{"input": "量子物理", "key": None, "keys": []}]
    assert [r["score"] for r in answer["results"]] == [1.0, 1.0]
