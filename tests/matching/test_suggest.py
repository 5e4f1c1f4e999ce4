"""Autocomplete: prefix first, then pinyin, mixed input, traditional script and typos; counts and sources."""

from __future__ import annotations

import pytest

from .builders import fair, position


@pytest.fixture(scope="module")
def index():
    return fair(
        position("P1", "Python开发", "Python", "Django"),
        position("P2", "数据分析", "Python", "SQL"),
        position("P3", "爬虫工程师", "网络爬虫"),
        position("A1", "会计", "会计", "用友"),
        position("A2", "出纳", "会计", "出纳"),
        position("D1", "美工", "Photoshop"),
        position("S1", "电商运营", "淘宝店铺运营", "直播运营"),
    )


def names(index, q, limit=10):
    return [s["skill"] for s in index.suggest(q, limit=limit)]


@pytest.mark.parametrize(
    ("q", "first"),
    [
        ("pyt", "Python"),
        ("PY", "Python"),
        ("Ｐｙｔｈ", "Python"),
        ("kuaiji", "会计"),
        ("kuai", "会计"),
        ("会ji", "会计"),
        ("會計", "会计"),
        ("kj", "会计"),
        ("photshop", "Photoshop"),
        ("pyhton", "Python"),
        ("js", "JavaScript"),
    ],
)
def test_first_suggestion(index, q, first):
    assert names(index, q)[0] == first


def test_prefix_ranks_before_fuzzy_and_fair_counts_are_reported(index):
    found = index.suggest("pyth")
    assert found[0] == {"skill": "Python", "source": "fair", "positions": 2}
    assert "爬虫" in names(index, "scra")  # Scrapy is read as 爬虫 through the alias list
    assert "爬虫" in names(index, "pyth")  # python爬虫 names Python and 爬虫: each is offered


def test_alias_canonicals_are_offered_with_their_source(index):
    found = {s["skill"]: s for s in index.suggest("kube")}
    assert found["Kubernetes"] == {"skill": "Kubernetes", "source": "alias", "positions": 0}


def test_empty_query_offers_the_most_wanted_skills_and_limit_holds(index):
    assert names(index, "", limit=2) == ["会计", "Python"]  # two positions each: shorter first
    assert len(index.suggest("a", limit=3)) <= 3


def test_a_word_inside_longer_skills_finds_them(index):
    assert names(index, "运营")[:2] == ["淘宝运营", "直播运营"]  # 淘宝店铺运营 reads as 淘宝运营


def test_suggestions_are_deterministic(index):
    assert index.suggest("会") == index.suggest("会")
    assert fair(*reversed(index.positions)).suggest("运营") == index.suggest("运营")
