"""The résumé reader's plain-text parts: pay, dates, degrees, schools and majors, sections, personal data."""

from __future__ import annotations

import pytest

from matching.personal import MASK, find_personal
from matching.resume_text import date_ranges, degree_in, labelled, major_in, parse_pay, school_in, split_lines


@pytest.mark.parametrize(
    ("text", "pay"),
    [
        ("5-6K", (5000, 6000)),
        ("5k-6k", (5000, 6000)),
        ("5000-6000元/月", (5000, 6000)),
        ("0.5万-0.6万", (5000, 6000)),
        ("4千～5千", (4000, 5000)),
        ("6000", (6000, 6000)),
        ("5-6", (5000, 6000)),
        ("年薪12万", (10000, 10000)),
        ("面议", None),
    ],
)
def test_pay_as_seekers_write_it(text, pay):
    assert parse_pay(text) == pay


def test_date_ranges():
    assert date_ranges("2019.09-2023.06 桂林理工大学") == [
        {"start": "2019-09", "end": "2023-06", "current": False, "months": 46}
    ]
    assert date_ranges("2021年7月 - 至今 某公司")[0] == {
        "start": "2021-07",
        "end": None,
        "current": True,
        "months": None,
    }
    assert date_ranges("2023/07～2023/09")[0]["months"] == 3


def test_education_lines():
    line = "2019.09-2023.06 桂林电子科技大学 计算机科学与技术 本科"
    assert degree_in(line)[1] == "bachelor"
    assert school_in(line) == "桂林电子科技大学"
    assert major_in(line, "桂林电子科技大学", "本科") == "计算机科学与技术"
    assert school_in("广西师范大学漓江学院 会计学") == "广西师范大学漓江学院"
    assert degree_in("桂林航天工业学院 电子商务 专科")[1] == "associate"
    assert degree_in("广西大学 硕士研究生")[1] == "master"


def test_a_tier_or_a_number_inside_a_line_names_no_degree():
    # 985 or 专升本 alone is a bachelor's degree as a seeker's input, but inside a résumé line it is a note on
    # the degree beside it, and 211 may be digits of a phone number.
    assert degree_in("2022.09-2024.06 广西师范大学漓江学院 会计学 本科（专升本）")[:2] == ("本科", "bachelor")
    assert degree_in("电话：13821112345") is None
    assert degree_in("就读于一所二本院校") is None


def test_sections_and_fields():
    lines = split_lines("【教育背景】\n桂林理工大学\n专业技能：熟悉Python\n求职意向：会计 期望薪资：5-6K")
    assert [x.section for x in lines] == ["education", "education", "skills", "intention"]
    assert labelled(lines[3].text) == [("titles", "会计"), ("pay", "5-6K")]
    assert labelled("期望月薪6000") == [("pay", "6000")]


def test_personal_data_is_found_and_masked():
    lines = [
        "王小明",
        "手机：139 7731 2468 | 邮箱：wxm@qq.com",
        "身份证：45030519990101002X",
        "熟悉Excel，王小明",
    ]
    found = find_personal(lines)
    assert found.lines == {0, 1, 2}
    assert found.mask(lines[3]) == f"熟悉Excel，{MASK}"
    assert "七星路12号" not in found.mask("住在七星路12号")
    assert found.scrub({"a": ["13977312468", "wxm@qq.com"]}) == {"a": [MASK, MASK]}
