"""Titles by their informative words: shared domain words count, shared role suffixes hardly at all."""

from __future__ import annotations

import pytest

from .builders import fair, position, scores

# A fair where 员, 师, 专员 and 助理 end many titles and 物业 or 出纳 begin a few.
SUFFIXED = [
    "经济研究员", "收银员", "营业员", "仓库管理员", "保安员", "话务员", "质检员", "资料员", "统计员",
    "厨师", "药师", "美容师", "人事专员", "招聘专员", "行政助理", "店长助理",
    "物业管理员", "物业客服", "物业维修工", "出纳", "会计", "焊工",
]  # fmt: skip


def suffixed_fair():
    return fair(*(position(f"P{n:02d}", title) for n, title in enumerate(SUFFIXED)))


def by_title(order: dict[str, float]) -> dict[str, float]:
    return {SUFFIXED[int(pid[1:])]: score for pid, score in order.items()}


def test_a_shared_role_suffix_alone_is_no_match():
    order = by_title(scores(suffixed_fair(), titles=["出纳员"]))
    assert order["出纳"] > 0.9
    assert order["经济研究员"] == 0 and order["统计员"] == 0 and order["收银员"] == 0


def test_a_shared_domain_word_finds_the_trade():
    order = by_title(scores(suffixed_fair(), titles=["物业管家"]))
    for title in ("物业管理员", "物业客服", "物业维修工"):
        assert 0 < order[title] < 0.75, title  # below any title holding the wish whole
    assert max(v for t, v in order.items() if not t.startswith("物业")) == 0


def test_more_of_the_informative_words_ranks_higher():
    index = fair(
        position("BOTH", "商品审核专员"), position("ONE", "广告审核专员"), position("ROLE", "招聘专员"),
        position("X1", "人事专员"), position("X2", "行政专员"), position("X3", "商品陈列员"),
    )  # fmt: skip
    order = scores(index, titles=["商品审核主管"])
    assert order["BOTH"] > order["ONE"] > 0
    assert order["ROLE"] == 0 and order["X1"] == 0


def test_a_wish_naming_a_job_keeps_to_that_job():
    index = fair(position("A", "配送驾驶员"), position("B", "配送专员"), position("C", "仓库配送员"))
    order = scores(index, titles=["配送司机"])
    assert order["A"] > 0 and order["B"] == 0 and order["C"] == 0


@pytest.mark.parametrize("floor", [0.99])
def test_the_floor_is_a_weight(floor):
    index = fair(*(position(f"P{n:02d}", title) for n, title in enumerate(SUFFIXED)),
                 weights=suffixed_fair().weights.with_overrides(title_words_floor=floor))  # fmt: skip
    order = by_title(scores(index, titles=["物业管家"]))
    assert order["物业客服"] == 0


def test_over_http_the_default_fair_finds_the_property_trade(make_app):
    client = make_app(FAIR_LOAD_DEFAULT=True).test_client()
    answer = client.post("/api/v1/matches", json={"titles": ["物业管家"], "limit": 100}).get_json()
    found = {
        r["position"]["title"].split("（")[0]
        for r in answer["results"]
        if not r["explanation"]["below_floor"]
    }
    assert {"物业管理员", "物业客服", "物业维修工"} <= {t.removeprefix("急招") for t in found}
    assert all("物业" in t for t in found)
    cashier = client.post("/api/v1/matches", json={"titles": ["出纳员"], "limit": 100}).get_json()
    titles = [r["position"]["title"] for r in cashier["results"] if not r["explanation"]["below_floor"]]
    assert titles and all("出纳" in t for t in titles)


# Software titles: a language is one Latin word, the job around it two or more Chinese characters.
SOFTWARE = [
    "Java开发工程师", "Java开发工程师", "Go后端开发工程师", "Go后端开发工程师", "Python开发工程师",
    "前端开发工程师", "测试工程师", "运维工程师", "销售代表", "会计",
]  # fmt: skip


@pytest.mark.parametrize("wish", ["Java后端开发", "java后端", "Java实习"])
def test_a_latin_word_of_the_wish_weighs_as_much_as_a_chinese_word(wish):
    index = fair(*(position(f"P{n}", title) for n, title in enumerate(SOFTWARE)))
    order = scores(index, titles=[wish])
    java = min(order["P0"], order["P1"])
    assert java > 0
    assert java > order["P2"] and java > order["P4"]  # Go's 后端 or Python's 开发 alone is less


def test_below_the_floor_the_titles_nearest_the_wish_come_first():
    """Too few matches to fill the page: the rest, all scoring 0, come nearest title first (the shared
    role 策划, then the shared 员 alone), not in list order; positions sharing nothing come last."""
    index = fair(
        position("A1", "产品经理"),
        position("A2", "仓库管理员"),
        position("A3", "市场策划"),
        position("A4", "营销活动策划"),
        position("A5", "网易严选品牌策划"),
        position("A6", "焊工"),
        position("A7", "收银员"),
    )
    order = scores(index, titles=["网易严选品牌策划"])
    assert list(order) == ["A5", "A3", "A4", "A1", "A2", "A6", "A7"]  # then the rest by id
    assert all(v == 0 for pid, v in order.items() if pid != "A5")


def test_nearness_keeps_eligible_positions_before_ineligible_ones():
    index = fair(
        position("A-NONE", "焊工"),
        position("B-EXACT", "品牌策划"),
        position("Z-NEAR", "市场策划", education="master"),
    )
    assert list(scores(index, titles=["品牌策划"])) == ["B-EXACT", "Z-NEAR", "A-NONE"]
    # A near position the seeker cannot apply for comes after those they can.
    assert list(scores(index, titles=["品牌策划"], education="associate")) == ["B-EXACT", "A-NONE", "Z-NEAR"]
