"""The seeker's major against the majors a position asks for; positions naming none stay neutral."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(("short", "meant"), [("中文", "CHINESE"), ("财会", "ACC")])
def test_a_department_s_everyday_name_reads_as_its_major(short, meant):
    # 中文系 studies 汉语言文学; 财会 is 财务会计.
    index = fair(
        position("CHINESE", "文员", majors=("汉语言文学",)),
        position("ACC", "出纳", majors=("会计",)),
        position("CS", "程序员", majors=("计算机科学与技术",)),
    )
    assert result_for(index.match({"major": short}), meant)["explanation"]["major"]["similarity"] == 1.0
