"""Vocabulary grown from real postings: certificate nicknames, English tests, framework families."""

from __future__ import annotations

import pytest

from matching.aliases import skill_aliases
from matching.credentials import credential_core, credential_ladders
from matching.skills import skill_families, skill_suites

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
        ("WPS", "Office", "Java"),  # WPS meets Excel too, as a suite its program (below)
        ("弹琴", "弹唱", "舞蹈"),  # a kindergarten posting's 弹唱: piano and singing
        ("唱歌", "弹唱", "舞蹈"),
        ("弹唱", "钢琴", "舞蹈"),
        ("剪映", "视频剪辑", "文案"),  # a tool for the work it does
        ("视频剪辑", "Premiere", "Photoshop"),
        ("Blender", "三维建模", "Photoshop"),
        ("LoadRunner", "性能测试", "功能测试"),
        ("华为认证", "HCIP", "CCNA"),  # a certification for each of its levels
        ("专利", "知识产权", "合同管理"),
        ("氩弧焊", "焊接", "钳工"),  # a kind of welding for welding
        ("焊接", "二保焊", "钳工"),
        ("幼师资格证", "教师资格证", "保育员证"),  # a teacher's certificate for the kindergarten stage
        ("教资", "幼儿园教师资格证", "保育员证"),
        ("天猫运营", "电商运营", "直通车"),  # running a shop on one platform for e-commerce operations
        ("店铺运营", "拼多多运营", "直通车"),
        ("快手", "短视频运营", "直通车"),  # a short-video platform for running its accounts
        ("短视频运营", "抖音运营", "直通车"),
    ],
)
def test_a_family_member_meets_its_family_in_part_and_nothing_else(seeker, asked, unrelated):
    met, other = _met_and_other(seeker, asked, unrelated)
    assert [m["position"] for m in met["skills"]["matched"]] == [asked]
    assert met["skills"]["matched"][0]["similarity"] == skill_families()[0]
    assert other["below_floor"]


@pytest.mark.parametrize(
    ("seeker", "other"),
    [
        ("TypeScript", "Node.js"),
        ("钢琴", "声乐"),
        ("HCIA", "HCIP"),
        ("剪映", "Premiere"),
        ("淘宝运营", "京东运营"),
    ],
)
def test_members_of_one_family_do_not_stand_for_each_other(seeker, other):
    index = fair(position("ONE", "岗位", seeker), position("OTHER", "岗位", other))
    assert result_for(index.match({"skills": [seeker]}), "OTHER")["explanation"]["below_floor"]


@pytest.mark.parametrize(
    ("seeker", "program"),
    [("Office", "Word"), ("办公软件", "Excel"), ("microsoft office", "PPT"), ("WPS", "Excel")],
)
def test_a_suite_meets_a_posting_asking_its_program_in_part(seeker, program):
    met, other = _met_and_other(seeker, program, "Java")
    matched = [(m["position"], m["similarity"]) for m in met["skills"]["matched"]]
    assert matched == [(program, skill_suites()[0])]
    assert not met["below_floor"] and other["below_floor"]


def test_a_program_does_not_stand_for_its_suite():
    met, _ = _met_and_other("Excel", "Office", "Java")
    assert met["below_floor"]


def test_a_seeker_naming_the_suite_meets_a_posting_asking_office_and_word_in_full():
    index = fair(
        position("CLERK", "行政文员", "办公软件", "Word"),
        position("SALES", "销售内勤", "Office"),
    )
    answer = index.match({"skills": ["Office", "打字"], "titles": ["行政文员"]})
    assert answer["results"][0]["position"]["id"] == "CLERK"
    assert result_for(answer, "CLERK")["explanation"]["skills"]["missing"] == []


def test_suites_name_skills_the_alias_list_knows():
    known = set(skill_aliases().canonical_names())
    for name, programs in skill_suites()[1].items():
        assert {name, *programs} <= known


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
        ("注册会计师", "初级会计职称", "一级建造师"),  # the CPA proves the accounting title's first rung
        ("CPA", "中级会计职称", "ACCA"),
        ("ACCA", "初级会计证", "CPA"),
        ("B2驾照", "C1驾照", "A2驾照"),  # a B2 licence also drives C1 vehicles
        ("C1驾照", "驾驶证", "B2驾照"),  # any class is the licence a posting names without one
        ("普通话一级乙等", "普通话二级甲等", "普通话一级甲等"),
        ("一建", "二级建造师", "中级会计职称"),
        ("计算机二级", "计算机基础", "英语四级"),  # the computer examination proves the basics, not they it
        ("专四", "英语六级", "英语专业八级"),  # an English major's test proves more than the college ones
    ],
)
def test_a_higher_credential_meets_a_posting_asking_a_lower_one(held, lower, higher):
    met, other = _met_and_other(held, lower, higher)
    assert met["skills"]["matched"][0]["similarity"] == credential_ladders()[0]
    assert not met["below_floor"]
    assert other["below_floor"]  # never the other way round


@pytest.mark.parametrize(("held", "higher"), [("英语四级", "英语专业四级"), ("四级", "英语专业四级")])
def test_a_lower_credential_never_meets_a_higher_one_however_alike_the_names(held, higher):
    met, _ = _met_and_other(held, higher, "Java")
    assert met["below_floor"] and met["skills"]["matched"] == []


@pytest.mark.parametrize("held", ["驾驶证", "驾照", "有驾照"])
def test_a_licence_of_no_named_class_still_meets_a_posting_asking_a_class(held):
    met, _ = _met_and_other(held, "C1驾驶证", "Java")
    assert not met["below_floor"] and met["skills"]["matched"][0]["position"] == "C1驾驶证"


def test_computer_basics_do_not_meet_a_posting_asking_the_computer_examination():
    met, other = _met_and_other("会用电脑", "计算机基础", "计算机二级")
    assert not met["below_floor"] and other["below_floor"]


def test_the_credential_asked_for_exactly_ranks_above_a_lower_one():
    index = fair(position("EXACT", "岗位", "英语六级"), position("LOWER", "岗位", "英语四级"))
    order = scores(index, skills=["英语六级"])
    assert order["EXACT"] > order["LOWER"] > 0, order
    assert scores(index, skills=["英语四级"])["EXACT"] == 0


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("护士执业证书", "护士执业资格证"),  # no row names it: the core, 护士, does
        ("护士资格证书", "护士执业资格证"),
        ("执业医师证", "医师资格证"),
        ("导游资格证书", "导游证"),
        ("保安员上岗证", "保安证"),
        ("厨师资格证书", "厨师证"),
        ("中级会计证", "中级会计职称"),
    ],
)
def test_a_credential_worded_otherwise_reads_as_the_paper_its_core_names(written, canonical):
    assert skill_aliases().canonicals_of(written) == (canonical,)


@pytest.mark.parametrize(
    ("written", "core"),
    [
        ("护士执业资格证", "护士"),
        ("执业药师证", "药师"),
        ("银行从业资格证", "银行"),
        ("特种作业操作证", "特种作业"),
        ("普通话二级甲等证书", "普通话二级甲等"),
        ("资格证", None),  # no paper named
        ("初级职称", None),  # a level alone names none either
        ("Java", None),  # no credential
    ],
)
def test_a_credentials_core_is_its_name_without_the_words_for_paper(written, core):
    assert credential_core(written) == core


def test_one_paper_worded_two_ways_meets_and_two_papers_alike_in_writing_do_not():
    index = fair(
        position("NURSE", "护士", "护士执业证书", "静脉穿刺"),
        position("DIET", "营养师", "营养师资格证", "膳食搭配"),
        position("PHARM", "执业药师", "执业药师证", "处方审核"),
    )
    nurse = result_for(index.match({"skills": ["护士证"]}), "NURSE")
    assert nurse["explanation"]["skills"]["matched"][0]["similarity"] == 1.0
    # A paper the alias list does not know: the two names' cores are one.
    diet = result_for(index.match({"skills": ["营养师证"]}), "DIET")
    assert diet["explanation"]["skills"]["matched"][0]["similarity"] == 1.0
    # A doctor's licence is no pharmacist's, though the names differ in one character of five.
    answer = index.match({"skills": ["执业医师证"]})
    assert result_for(answer, "PHARM")["explanation"]["below_floor"]
    assert answer["profile"]["skills"][0]["positions"] == 0
