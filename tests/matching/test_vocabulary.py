"""Vocabulary grown from real postings: certificate nicknames, English tests, framework families."""

from __future__ import annotations

import pytest

from matching.aliases import skill_aliases
from matching.similarity import credential_ladders
from matching.skills import skill_families

from .builders import fair, position, result_for, scores


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("会计证", "初级会计职称"),
        ("会计从业资格证", "初级会计职称"),
        ("教资", "教师资格证"),
        ("电工资格证", "电工证"),
        ("CET-4", "英语四级"),
        ("cet4", "英语四级"),
        ("英语四级", "英语四级"),
        ("四六级", "英语四级"),
        ("CET-4/6", "英语四级"),
        ("CET-6", "英语六级"),
    ],
)
def test_everyday_names_of_credentials_read_as_the_credential(written, canonical):
    assert skill_aliases().canonicals_of(written) == (canonical,)


def test_a_seeker_with_the_nickname_meets_the_posting_asking_the_credential():
    index = fair(
        position("ACC", "会计", "初级会计职称", "Excel"),
        position("CASH", "出纳", "Excel"),
        position("MID", "财务主管", "中级会计职称"),
    )
    answer = index.match({"skills": ["会计证"]})
    assert answer["results"][0]["position"]["id"] == "ACC"
    met = result_for(answer, "ACC")["explanation"]["skills"]["matched"][0]
    assert (met["position"], met["similarity"]) == ("初级会计职称", 1.0)
    assert result_for(answer, "CASH")["explanation"]["below_floor"]


def test_a_posting_asking_cet4_is_met_by_the_chinese_name_and_the_other_way_round():
    index = fair(position("EN", "外贸专员", "英语四级"), position("OTHER", "外贸专员", "报关"))
    for written in ("CET-4", "四六级", "大学英语四级"):
        assert index.match({"skills": [written]})["results"][0]["position"]["id"] == "EN"
    described = fair(position("D", "外贸专员", description="要求英语四级以上"), position("X", "外贸专员"))
    assert described.match({"skills": ["CET4"]})["matched"] == 1


def test_spring_meets_spring_boot_in_part_and_not_an_unrelated_framework():
    index = fair(
        position("BOOT", "Java开发工程师", "Java", "Spring Boot"),
        position("MVC", "Java开发工程师", "Java", "Spring MVC"),
        position("VUE", "前端开发", "Vue"),
    )
    answer = index.match({"skills": ["Java", "Spring"]})
    boot = result_for(answer, "BOOT")["explanation"]["skills"]
    assert boot["missing"] == [] and boot["matched"][1]["similarity"] == skill_families()[0]
    assert result_for(answer, "VUE")["explanation"]["below_floor"]
    assert result_for(answer, "BOOT")["score"] > 0.8


def test_spring_boot_meets_a_posting_asking_spring_less_than_spring_itself():
    index = fair(position("SP", "后端开发", "Spring"), position("JAVA", "后端开发", "Java"))
    exact = result_for(index.match({"skills": ["Spring"]}), "SP")["score"]
    family = result_for(index.match({"skills": ["SpringBoot"]}), "SP")
    assert 0 < family["score"] < exact and not family["explanation"]["below_floor"]


def test_family_members_are_skills_the_alias_list_knows():
    known = set(skill_aliases().canonical_names())
    for name, members in skill_families()[1].items():
        assert {name, *members} <= known


def _met_and_other(seeker: str, asked: str, other: str) -> tuple[dict, dict]:
    """The explanations of a posting asking ``asked`` and one asking ``other``, for a seeker of one skill."""
    index = fair(position("ASKED", "岗位", asked), position("OTHER", "岗位", other))
    answer = index.match({"skills": [seeker]})
    return result_for(answer, "ASKED")["explanation"], result_for(answer, "OTHER")["explanation"]


@pytest.mark.parametrize(
    ("seeker", "asked", "unrelated"),
    [
        ("J2EE", "Java", "JavaScript"),  # Java EE is Java: no longer a skill found nowhere
        ("Java", "Java EE", "JavaScript"),
        ("nodejs", "JavaScript", "Java"),
        ("TS", "JavaScript", "Java"),
        ("人工智能", "机器学习", "数据分析"),
        ("WPS", "Office", "Excel"),
    ],
)
def test_a_family_member_meets_its_family_in_part_and_nothing_else(seeker, asked, unrelated):
    met, other = _met_and_other(seeker, asked, unrelated)
    assert [m["position"] for m in met["skills"]["matched"]] == [asked]
    assert met["skills"]["matched"][0]["similarity"] == skill_families()[0]
    assert other["below_floor"]


def test_members_of_one_family_do_not_stand_for_each_other():
    index = fair(position("TS", "前端开发", "TypeScript"), position("NODE", "后端开发", "Node.js"))
    assert result_for(index.match({"skills": ["TypeScript"]}), "NODE")["explanation"]["below_floor"]


def test_credential_ladders_name_skills_the_alias_list_knows():
    known = set(skill_aliases().canonical_names())
    for ladder in credential_ladders()[1]:
        assert set(ladder) <= known, ladder


@pytest.mark.parametrize(
    ("held", "lower", "higher"),
    [
        ("英语六级", "英语四级", "英语专业八级"),
        ("CET-6", "CET-4", "专八"),
        ("中级会计师", "初级会计职称", "一级建造师"),
        ("B2驾照", "C1驾照", "A2驾照"),  # a B2 licence also drives C1 vehicles
        ("C1驾照", "驾驶证", "B2驾照"),  # any class is the licence a posting names without one
        ("普通话一级乙等", "普通话二级甲等", "普通话一级甲等"),
        ("一建", "二级建造师", "中级会计职称"),
    ],
)
def test_a_higher_credential_meets_a_posting_asking_a_lower_one(held, lower, higher):
    met, other = _met_and_other(held, lower, higher)
    assert met["skills"]["matched"][0]["similarity"] == credential_ladders()[0]
    assert not met["below_floor"]
    assert other["below_floor"]  # never the other way round


def test_the_credential_asked_for_exactly_ranks_above_a_lower_one():
    index = fair(position("EXACT", "岗位", "英语六级"), position("LOWER", "岗位", "英语四级"))
    order = scores(index, skills=["英语六级"])
    assert order["EXACT"] > order["LOWER"] > 0, order
    assert scores(index, skills=["英语四级"])["EXACT"] == 0
