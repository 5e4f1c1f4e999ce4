"""A seeker skill naming the job itself (会计, 电工, 普工) found in a title; requirement coverage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matching.index import MatchIndex
from matching.records import positions_from_fixture
from matching.titles import clean_title

from .builders import assert_first, fair, position, result_for, scores

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "qixing-2023.json"


@pytest.fixture(scope="module")
def default_fair():
    return MatchIndex.build(positions_from_fixture(json.loads(FIXTURE.read_text(encoding="utf-8"))))


def top_titles(index: MatchIndex, count: int, **profile) -> list[str]:
    return [r["position"]["title"] for r in index.match(profile, limit=count)["results"]]


def test_a_trade_written_as_a_skill_finds_its_postings_first_on_the_default_fair(default_fair):
    # 出纳 postings list Excel and mention 会计 in their descriptions; 会计 postings are the job itself. A
    # posting asking only for Excel (行政文员) is met in full and may come first.
    titles = top_titles(default_fair, 10, skills=["kuaiji", "Excel"])
    assert not any("出纳" in t for t in titles), titles
    assert sum("会计" in t for t in titles) >= 8, titles
    titles = top_titles(default_fair, 10, skills=["电工", "PLC"])
    assert all("电工" in t for t in titles), titles


def test_a_title_holding_the_skill_as_a_word_helps_on_the_default_fair(default_fair):
    # Android开发工程师 lists Java and one skill more; Java开发工程师 lists Java and two more.
    titles = top_titles(default_fair, 5, skills=["java"], titles=["后端开发"])
    assert all("java" in t.casefold() and "android" not in t.casefold() for t in titles), titles


@pytest.mark.parametrize(
    ("skills", "expected", "traps_below"),
    [
        (["焊工", "看图"], "WELDER", ("SHEET",)),  # 焊工 is the job; 钣金工 lists more of the same skills
        (["出纳", "Excel"], "CASHIER", ("ASSIST",)),  # the title weighs at least as much as a listed skill
        # Python开发工程师: the job; BI lists Python inside a phrase (each asks one thing the seeker lacks)
        (["Python", "SQL"], "PYDEV", ("BI",)),
        (["普工"], "OPERATOR", ("PACKER",)),  # 操作工 through the synonym groups; 包装工 only says 普工 below
        (["司机", "C1驾照"], "DRIVER", ("COURIER",)),
    ],
)
def test_the_job_in_the_title_ranks_first(skills, expected, traps_below):
    index = fair(
        position("WELDER", "焊工（包吃住）", "焊工证", "看图", "氩弧焊"),
        position("SHEET", "钣金工", "焊工证", "看图", "钣金", industry="manufacturing"),
        position("CASHIER", "出纳", "Excel", "网银操作"),
        position("ASSIST", "财务助理", "出纳", "Excel", "网银操作"),
        position("PYDEV", "Python开发工程师", "Django", "SQL"),
        position("BI", "BI工程师", "熟练使用Python进行数据处理", "SQL", "Tableau"),
        position("OPERATOR", "操作工（两班倒）", description="负责设备的上下料"),
        position("PACKER", "包装工", description="岗位职责：产品包装；要求：做过普工优先"),
        position("DRIVER", "驾驶员", "C1驾驶证"),
        position("COURIER", "快递员", "C1驾驶证", description="有驾照，会开车"),
    )
    assert_first(index, expected, above=traps_below, skills=skills)


def test_the_job_in_the_title_weighs_at_least_as_much_as_the_same_skill_listed():
    index = fair(position("TITLED", "电工", "PLC"), position("LISTED", "维修工", "电工", "PLC"))
    order = scores(index, skills=["电工", "PLC"])
    assert order["TITLED"] >= order["LISTED"] > 0
    matched = result_for(index.match({"skills": ["电工"]}), "TITLED")["explanation"]["skills"]["matched"]
    assert matched == [{"candidate": "电工", "position": "电工", "similarity": 1.0, "source": "title"}]


def test_a_skill_only_in_the_titles_notes_counts_less_than_the_job_itself():
    index = fair(position("JOB", "天猫运营"), position("NOTE", "电商运营组长（天猫/拼多多）"))
    order = scores(index, skills=["天猫"])
    assert order["JOB"] > order["NOTE"] > 0


def test_each_seeker_skill_a_description_names_is_a_requirement_met():
    # Postings without skills lists: three of the seeker's skills in a description outweigh one in a title
    # plus one in a description.
    index = fair(
        position("HR", "专员", description="任职要求：熟悉员工关系和劳动法，熟练使用Office。"),
        position("SALES", "销售代表", description="任职要求：熟练使用Office。"),
    )
    assert_first(index, "HR", above=("SALES",), skills=["员工关系", "劳动法", "Office", "销售"])


@pytest.mark.parametrize(
    ("profile", "wished"),
    [
        ({"titles": ["案场内勤"], "skills": ["Office", "Excel"]}, {"案场内勤"}),  # not 销售内勤
        # 网店客服 is the same job by another name (data/title_synonyms.json); not 淘宝在线客服…
        ({"titles": ["电商客服"], "skills": ["淘宝客服", "打字速度"]}, {"电商客服", "网店客服"}),
        ({"titles": ["美工"], "skills": ["Photoshop", "美工设计"]}, {"美工"}),
    ],
)
def test_the_wish_weighs_as_much_as_the_skills_on_the_default_fair(default_fair, profile, wished):
    # With the title at 0.3 of the score against the skills' 0.5, another job listing the same skills came
    # first (销售内勤 for 案场内勤, a 淘宝 service post for 电商客服, 电商美工 for 美工).
    assert clean_title(top_titles(default_fair, 1, **profile)[0]) in wished


def test_a_titles_urgency_and_benefit_words_name_no_skill():
    # 长期招聘普工 says the firm hires factory hands all year; it asks nothing of 招聘 (recruiting). The title
    # as written, searched for the skills it mentions, kept those words, and an HR seeker's 招聘 met it at
    # 0.71 (the default fair put five such posts in a recruiter's top ten). Its notes still count.
    index = fair(
        position("HANDS", "长期招聘普工"),
        position("FOOD", "普工（包吃住）"),
        position("HR", "人事专员", "员工关系"),
        position("NOTE", "行政专员（兼招聘）", "Office"),
    )
    found = scores(index, skills=["招聘"])
    assert found.get("HANDS", 0) == 0 and found.get("FOOD", 0) == 0, found
    assert found["NOTE"] > 0  # a note saying what the job does besides is still evidence
    assert scores(index, skills=["包吃住"]).get("FOOD", 0) == 0
