"""The seeker's major against the majors a position asks for; positions naming none stay neutral."""

from __future__ import annotations

import pytest

from matching.majors import major_groups

from .builders import fair, position, ranked, result_for


def test_matching_major_first_unnamed_neutral_other_major_last():
    index = fair(
        position("CS", "程序员", majors=("计算机科学与技术", "软件工程")),
        position("ANY", "程序员"),
        position("ACC", "程序员", majors=("会计学",)),
    )
    assert ranked(index, major="计算机") == ["CS", "ANY", "ACC"]
    answer = index.match({"major": "計算機"})  # traditional script reads the same
    explained = result_for(answer, "CS")["explanation"]["major"]
    assert explained["candidate"] == "計算機" and explained["position"] == "计算机科学与技术"
    assert result_for(answer, "ANY")["explanation"]["major"]["score"] == 0.5
    assert result_for(answer, "ACC")["explanation"]["major"]["score"] == 0.0


def test_a_posting_asking_another_major_does_not_lead_on_one_common_skill():
    # A computer science graduate who knows Python and Excel: the developer's post asking their major and
    # Python (among skills they did not name) comes before a clerk's asking Excel alone and another major.
    # With the major at 0.05 of the score the clerk's came first (every requirement met).
    index = fair(
        position("CLERK", "行政文员", "Excel", majors=("汉语言文学",)),
        position("DEV", "Python开发工程师", "Python", "Linux", "Git", majors=("计算机科学与技术",)),
    )
    assert ranked(index, major="计算机科学与技术", skills=["Python", "Excel"]) == ["DEV", "CLERK"]
    # Without a major the requirements met lead, as before.
    assert ranked(index, skills=["Python", "Excel"]) == ["CLERK", "DEV"]


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("Computer Science", "CS"),
        ("computer science and technology", "CS"),
        ("Accounting", "ACC"),
        ("ＡＣＣＯＵＮＴＩＮＧ", "ACC"),  # full width
        ("Accounting major", "ACC"),
        ("E-commerce", "EC"),
        ("Nursing", "CARE"),
        ("Software Technology", "CS"),  # the vocational major, of the computing field
    ],
)
def test_a_major_written_in_english_reads_as_its_chinese_name(typed, first):
    # A seeker on the English page writes the major in English; before, it met no major a position asks.
    index = fair(
        position("ACC", "会计", majors=("会计学",)),
        position("CS", "程序员", majors=("计算机科学与技术",)),
        position("EC", "网店运营", majors=("电子商务",)),
        position("CARE", "幼儿园保健医", majors=("护理",)),
    )
    answer = index.match({"major": typed})
    assert answer["results"][0]["position"]["id"] == first and answer["matched"] == 1
    assert result_for(answer, first)["explanation"]["major"]["score"] >= major_groups()[0]


def test_no_major_given_means_no_major_component():
    index = fair(position("CS", "程序员", majors=("软件工程",)), position("ANY", "程序员"))
    answer = index.match({"titles": ["程序员"]})
    assert {r["score"] for r in answer["results"]} == {1.0}
    assert "major" not in answer["results"][0]["explanation"]


def test_a_major_by_its_students_short_name_reads_as_its_full_name():
    index = fair(
        position("CS", "程序员", majors=("计算机科学与技术",)),
        position("EC", "网店运营", majors=("电商",)),  # an employer may write the short name too
        position("ACC", "会计", majors=("会计学",)),
    )
    explained = result_for(index.match({"major": "计科"}), "CS")["explanation"]["major"]
    assert (explained["candidate"], explained["position"], explained["similarity"]) == (
        "计科",
        "计算机科学与技术",
        1.0,
    )
    assert ranked(index, major="电子商务")[0] == "EC"
    assert result_for(index.match({"major": "计科"}), "ACC")["explanation"]["major"]["score"] == 0.0


@pytest.fixture(scope="module")
def fields():
    return fair(
        position("CS", "程序员", majors=("计算机科学与技术", "软件工程")),
        position("MECH", "机械设计", majors=("机械设计制造及其自动化",)),
        position("ACC", "会计", majors=("会计学", "财务管理")),
        position("MKT", "市场专员", majors=("市场营销",)),
        position("ANY", "文员"),
    )


@pytest.mark.parametrize(
    ("major", "asked", "first"),
    [
        ("软件技术", "计算机科学与技术", "CS"),  # a vocational major of the field the degree names
        ("机械设计与制造", "机械设计制造及其自动化", "MECH"),
        ("大数据与会计", "会计学", "ACC"),  # the 2021 name of 会计
        ("会计电算化", "会计学", "ACC"),  # an older one
    ],
)
def test_a_major_of_the_same_field_meets_the_major_asked_for_in_part(fields, major, asked, first):
    answer = fields.match({"major": major})
    assert answer["results"][0]["position"]["id"] == first
    explained = result_for(answer, first)["explanation"]["major"]
    assert explained["position"] == asked and explained["similarity"] >= major_groups()[0]
    assert result_for(answer, "ANY")["explanation"]["major"]["score"] == 0.5  # naming none: neutral


def test_a_major_of_another_field_of_one_catalogue_class_does_not():
    # 会计学 and 市场营销 share the 本科 catalogue's 工商管理类, but an accountant is no marketer.
    answer = fair(position("MKT", "市场专员", majors=("市场营销",))).match({"major": "会计学"})
    assert answer["results"][0]["explanation"]["major"]["score"] == 0.0


def test_major_groups_hold_no_name_twice_in_one_group():
    for name, majors in major_groups()[1].items():
        assert len(set(majors)) == len(majors), name


@pytest.mark.parametrize(("short", "meant"), [("中文", "CHINESE"), ("财会", "ACC")])
def test_a_department_s_everyday_name_reads_as_its_major(short, meant):
    # 中文系 studies 汉语言文学; 财会 is 财务会计.
    index = fair(
        position("CHINESE", "文员", majors=("汉语言文学",)),
        position("ACC", "出纳", majors=("会计",)),
        position("CS", "程序员", majors=("计算机科学与技术",)),
    )
    assert result_for(index.match({"major": short}), meant)["explanation"]["major"]["similarity"] == 1.0


def test_a_wish_naming_a_major_and_no_job_reads_as_the_major():
    # Graduates put their 专业 in the wish field: 机电一体化 is no job of the fair, but positions ask for it.
    index = fair(
        position("MECH", "机修工", majors=("机电一体化技术",)),
        position("ANY", "普工"),
        position("ACC", "会计", majors=("会计学",)),
    )
    answer = index.match({"titles": ["机电一体化"]})
    assert answer["profile"]["titles"][0]["read_as"] == "major"
    assert ranked(index, titles=["机电一体化"]) == ["MECH", "ANY", "ACC"]
    assert answer["matched"] == 1  # the position asking for it is above the floor, the others below
    assert result_for(answer, "MECH")["explanation"]["major"]["candidate"] == "机电一体化"
    # The major the profile names wins: the wish is then a wish that finds nothing.
    named = index.match({"titles": ["机电一体化"], "major": "会计学"})
    assert "read_as" not in named["profile"]["titles"][0]
    assert result_for(named, "ACC")["explanation"]["major"]["candidate"] == "会计学"


@pytest.mark.parametrize(
    ("wish", "major"),
    [
        ("电气工程师", "电气工程及其自动化"),
        ("通信工程师", "通信工程"),
        ("环境工程师", "环境工程"),
        ("机械工程师", "机械设计制造及其自动化"),
        ("自动化工程师", "自动化"),
        ("土木工程师", "土木工程"),
    ],
)
def test_a_wish_for_a_job_the_fair_lacks_reads_its_field_as_the_major(wish, major):
    # An engineer of a field no title names: the positions asking for the field's major are the nearest
    # work (电气工程师 at a fair of 电工 and 设备工程师), before nothing was found.
    index = fair(
        position("FIELD", "设备维护专员", majors=(major,)),
        position("ANY", "普工"),
        position("ACC", "会计", majors=("会计学",)),
    )
    answer = index.match({"titles": [wish]})
    assert answer["profile"]["titles"][0]["read_as"] == "major"
    assert ranked(index, titles=[wish])[0] == "FIELD"
    assert answer["matched"] == 1


def test_a_wish_whose_core_only_resembles_a_major_stays_a_wish():
    # 商务 of 商务专员 and 开发 of APP开发经理 are no major nor field: 商务英语 and 房地产开发与管理 are
    # other work.
    index = fair(
        position("TRADE", "外贸跟单", majors=("商务英语",)),
        position("HOUSE", "置业顾问", majors=("房地产开发与管理",)),
        position("ANY", "普工"),
    )
    for wish in ("商务专员", "APP开发经理"):
        answer = index.match({"titles": [wish]})
        assert "read_as" not in answer["profile"]["titles"][0], wish
        assert answer["matched"] == 0, wish


def test_a_wish_that_finds_a_job_or_no_major_stays_a_wish():
    index = fair(
        position("ACC", "会计", majors=("会计",)), position("MECH", "机修工", majors=("机电一体化",))
    )
    assert "read_as" not in index.match({"titles": ["会计"]})["profile"]["titles"][0]  # a job first
    assert "read_as" not in index.match({"titles": ["考古学"]})["profile"]["titles"][0]  # no position asks it
    # Beside a wish that finds nothing (so the wishes are read again), a wish finding its job stays a wish.
    both = index.match({"titles": ["会计", "qqxxzz"]})["profile"]["titles"]
    assert "read_as" not in both[0] and both[0]["matched"] == "会计"


def test_a_wish_naming_a_skill_no_position_shows_and_a_major_reads_as_the_major():
    # 室内设计 is a skill and a major: where no position shows the skill, the positions asking the major are
    # what the seeker meant (before: read as the skill, the wish found nothing).
    index = fair(
        position("HOME", "家装顾问", "CAD", majors=("室内设计",)),
        position("ANY", "普工"),
    )
    answer = index.match({"titles": ["室内设计"]})
    assert answer["profile"]["titles"][0]["read_as"] == "major"
    assert ranked(index, titles=["室内设计"])[0] == "HOME" and answer["matched"] == 1
    # Where a position shows the skill, the wish is read as the skill, as before.
    shown = fair(
        position("DESIGN", "设计助理", "室内设计"), position("HOME", "家装顾问", majors=("室内设计",))
    )
    read = shown.match({"titles": ["室内设计"]})
    assert read["profile"]["titles"][0]["read_as"] == "skills"
    assert ranked(shown, titles=["室内设计"])[0] == "DESIGN"


def test_a_wish_naming_a_major_more_positions_list_than_show_it_as_a_skill_reads_as_the_major():
    # 学前教育 is a skill (幼儿教育) and a major: where more positions list the major than show the skill, the
    # wish means the major (before: read as the skill, it found the one post listing it and lost the rest).
    index = fair(
        position("SKILL", "早教老师", "幼儿教育"),
        *(position(f"K{n}", "幼儿园教师", "弹唱", majors=("学前教育",)) for n in range(3)),
        position("ANY", "普工"),
    )
    answer = index.match({"titles": ["学前教育"]})
    assert answer["profile"]["titles"][0]["read_as"] == "major"
    assert set(ranked(index, titles=["学前教育"])[:3]) == {"K0", "K1", "K2"}
    # With a major of the seeker's own, the wish is the skill, as before.
    own = index.match({"titles": ["学前教育"], "major": "汉语言文学"})
    assert own["profile"]["titles"][0]["read_as"] == "skills"


def test_a_major_merely_like_the_wish_does_not_outweigh_the_skill_it_names():
    # 自动化测试 meets the major 自动化 by containment; no position lists 自动化测试 as a major, so the
    # positions showing the skill are what the seeker meant, however many ask 自动化.
    index = fair(
        position("TEST", "软件测试工程师", "自动化测试"),
        *(position(f"A{n}", "电气工程师", "PLC", majors=("自动化",)) for n in range(3)),
    )
    answer = index.match({"titles": ["自动化测试"]})
    assert answer["profile"]["titles"][0]["read_as"] == "skills"
    assert ranked(index, titles=["自动化测试"])[0] == "TEST"


def _major_scores(index, major: str) -> dict[str, float]:
    return {
        r["position"]["id"]: r["explanation"]["major"]["score"]
        for r in index.match({"major": major})["results"]
    }


def test_a_field_a_position_asks_is_met_in_full_by_each_of_its_majors():
    # 计算机相关专业 and 计算机类 ask any computing major (the group 计算机 of data/major_groups.json);
    # 财会类专业 any of accounting and finance. Before, 软件工程 met 计算机相关专业 at 0 and 计算机类 at 0.
    index = fair(
        position("RELATED", "程序员", majors=("计算机相关专业",)),
        position("CLASS", "程序员", majors=("计算机类",)),
        position("MONEY", "会计", majors=("财会类专业",)),
        position("EXACT", "程序员", majors=("计算机科学与技术",)),
    )
    software = _major_scores(index, "软件工程")
    assert software["RELATED"] == software["CLASS"] == 1.0 and software["MONEY"] == 0.0
    assert software["EXACT"] == major_groups()[0]  # one major of the field for another: in part, as before
    assert _major_scores(index, "财务管理")["MONEY"] == 1.0
    assert _major_scores(index, "会计学")["RELATED"] == 0.0


def test_a_major_written_with_its_tail_reads_as_the_major_not_a_field():
    # 会计专业优先 asks 会计: 财务管理 meets it in part (its field), not in full as 财会类 would be met.
    index = fair(position("ACC", "会计", majors=("会计专业优先",)), position("ANY", "会计"))
    assert _major_scores(index, "会计")["ACC"] == 1.0
    assert _major_scores(index, "财务管理")["ACC"] == major_groups()[0]
    # The seeker's side: 计算机专业 is the field of computing, 软件工程专业 the major 软件工程, 幼教 学前教育.
    cs = fair(
        position("SE", "程序员", majors=("软件工程",)), position("KG", "幼儿教师", majors=("学前教育",))
    )
    assert _major_scores(cs, "软件工程专业")["SE"] == 1.0
    assert _major_scores(cs, "计算机专业")["SE"] == major_groups()[0]
    assert _major_scores(cs, "幼教")["KG"] == 1.0


def test_any_major_asks_none():
    # 专业不限: any major will do. Before, it was read as a major no one holds: every seeker scored 0 there,
    # below a position naming no major.
    index = fair(position("ANY", "文员", majors=("专业不限",)), position("NONE", "文员"))
    scores = _major_scores(index, "汉语言文学")
    assert scores["ANY"] == scores["NONE"] == index.weights.major_unknown
    assert result_for(index.match({"major": "汉语言文学"}), "ANY")["explanation"]["major"]["position"] is None


def test_a_field_and_the_major_it_is_named_by_stay_apart():
    # 会计 asks the major, 会计类 the field: one position's wording does not widen or narrow the other's,
    # whichever comes first, and each explanation shows its own.
    for order in ((("PLAIN", "会计"), ("FIELD", "会计类")), (("FIELD", "会计类"), ("PLAIN", "会计"))):
        index = fair(*(position(pid, "会计", majors=(major,)) for pid, major in order))
        scores = _major_scores(index, "财务管理")
        assert scores == {"FIELD": 1.0, "PLAIN": major_groups()[0]}, order
        shown = result_for(index.match({"major": "财务管理"}), "FIELD")["explanation"]["major"]["position"]
        assert shown == "会计类"


@pytest.mark.parametrize(
    ("written", "asked", "kin"),
    [
        # A vocational major written without the 技术 or 工程 its full name ends in, as students write it: it
        # met only the positions asking exactly it, none of its field (机电一体化: 21 positions of the default
        # fair against 96 for 机电一体化技术).
        ("机电一体化", "机电一体化技术", "电气自动化技术"),
        ("数控", "数控技术", "机械设计与制造"),
        ("物联网", "物联网工程", "软件工程"),
        ("信管", "信息管理与信息系统", None),  # a short name
        # The start of the one major that begins with it: 学前 lay inside 学前教育, met at 0.875 by
        # containment, and met none of its field (小学教育, 教育学).
        ("学前", "学前教育", "小学教育"),
        ("人力", "人力资源管理", "行政管理"),
        ("视觉", "视觉传达设计", "环境设计"),
    ],
)
def test_a_major_written_as_its_students_shorten_it_meets_its_field(written, asked, kin):
    index = fair(
        position("ASKED", "岗位", majors=(asked,)), position("KIN", "岗位", majors=(kin or "汉语言文学",))
    )
    answer = index.match({"major": written})
    assert result_for(answer, "ASKED")["explanation"]["major"]["score"] == 1.0
    assert result_for(answer, "KIN")["explanation"]["major"]["score"] == (major_groups()[0] if kin else 0.0)


def test_a_major_naming_two_full_names_stays_as_written():
    # 软件 is 软件技术 and 软件工程 alike: it is read as neither, and meets both as a part of them.
    index = fair(
        position("TECH", "岗位", majors=("软件技术",)), position("ENG", "岗位", majors=("软件工程",))
    )
    scores = {
        r["position"]["id"]: r["explanation"]["major"] for r in index.match({"major": "软件"})["results"]
    }
    assert scores["TECH"]["score"] == scores["ENG"]["score"] > 0


def test_a_field_written_bare_is_no_major_it_is_part_of():
    # 电子 is the field of electronics (its everyday name): 电子商务 (e-commerce) met it at 0.875, ranking
    # a graduate of electronics on e-commerce posts; nor does 电子商务 meet a post asking 电子.
    index = fair(
        position("EC", "网店运营", majors=("电子商务",)),
        position("EE", "电子工程师", majors=("电子信息工程",)),
        position("FIELD", "测试员", majors=("电子",)),
    )
    electronics = {
        r["position"]["id"]: r["explanation"]["major"]["score"]
        for r in index.match({"major": "电子"})["results"]
    }
    assert electronics["EC"] == 0 and electronics["EE"] > 0 and electronics["FIELD"] == 1.0
    trade = {
        r["position"]["id"]: r["explanation"]["major"]["score"]
        for r in index.match({"major": "电商"})["results"]
    }
    assert trade["EC"] == 1.0 and trade["FIELD"] == 0 and trade["EE"] == 0


@pytest.mark.parametrize(
    ("typed", "read_as"),
    [
        ("jisuanji", "计算机"),  # a field: met by each of its majors
        ("shichang yingxiao", "市场营销"),
        ("Kuaiji", "会计"),
        ("xueqian jiaoyu", "学前教育"),
        ("jisuanjj", "计算机"),  # one slip of the keyboard in six letters or more
    ],
)
def test_a_major_typed_in_pinyin_reads_as_the_chinese_it_spells(typed, read_as):
    # A phone's keyboard leaves the pinyin when the Chinese is not picked: jisuanji met no major at all.
    index = fair(
        position("CS", "程序员", majors=("计算机科学与技术",)),
        position("MKT", "销售代表", majors=("市场营销",)),
        position("ACC", "出纳", majors=("会计学",)),
        position("PRE", "幼儿教师", majors=("学前教育",)),
    )
    answer = index.match({"major": typed})
    assert answer["profile"]["major"]["read_as"] == read_as
    as_chinese = index.match({"major": read_as})
    assert [r["position"]["id"] for r in answer["results"]] == [
        r["position"]["id"] for r in as_chinese["results"]
    ]
    assert answer["results"][0]["explanation"]["major"]["score"] > 0.8
    assert answer["results"][0]["explanation"]["major"] == {
        **as_chinese["results"][0]["explanation"]["major"],
        "candidate": typed,
    }


@pytest.mark.parametrize("typed", ["computer", "jsj", "zhuanye"])
def test_a_latin_major_spelling_no_one_major_stays_as_written(typed):
    # English no name of the majors file gives, initials (many majors share them) and pinyin of no major.
    index = fair(position("CS", "程序员", majors=("计算机科学与技术",)))
    assert index.match({"major": typed})["profile"]["major"]["read_as"] == typed
