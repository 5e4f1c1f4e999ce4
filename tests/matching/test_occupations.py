"""Titles read as occupations of the 2022 职业分类大典: one occupation under other names, said in answers."""

from __future__ import annotations

import json

import pytest

from matching.occupations import DATA, occupation_table
from matching.titles import clean_title

from .builders import fair, position, result_for, scores


def read(title: str) -> str | None:
    found = occupation_table().read(clean_title(title))
    return found.code if found else None


def test_the_classification_is_copied_whole_into_the_engine():
    rows = json.loads((DATA / "occupations.json").read_text(encoding="utf-8"))["occupations"]
    assert sum(code.count("-") == 2 for code, _ in rows) == 450
    assert sum(code.count("-") == 3 for code, _ in rows) == 1639
    names = dict(rows)  # spot checks of the OCR-cleaned names the everyday words rely on
    assert names["4-01-02-04"] == "收银员" and names["3-01-01-01"] == "行政办事员"
    assert names["4-07-02-03"] == "客户服务管理员" and names["4-01-06-02"] == "互联网营销师"
    assert names["6-99-00"] == "其他生产制造及有关人员" and names["4-06-01-01"] == "物业管理师"


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("收银员", "4-01-02-04"),
        ("收银员（早班）3500-4500元", "4-01-02-04"),
        ("药店营业员", "4-01-02-03"),  # the head is last: a kind of 营业员
        ("会计专业人员", "2-06-03-00"),
        ("会计助理", "2-06-03-00"),  # the core without its role word
        ("文职", "3-01-01-01"),  # everyday words: not the army's 文职人员 (7-04-00-00)
        ("行政文员", "3-01-01-01"),
        ("急聘普工 7500月包吃住", "6-99-00"),
        ("淘宝客服", "4-07-02-03"),
        ("带货主播（美妆）", "4-01-06-02"),
        ("经济研究员", None),
        ("门店店长", None),
    ],
)
def test_titles_read_as_occupations(title, code):
    assert read(title) == code


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("售楼员", "4-06-02-01"),  # its group's 置业顾问 names 房地产经纪人
        ("房地产销售", "4-06-02-01"),  # the group's, not the 营销员 its ending 销售 names
        ("房产经纪人", "4-06-02-01"),  # its group's 房地产经纪人, the classification's own name
        ("QC", "6-31-03-05"),
        ("保险经纪人", "4-05-03-04"),  # a group whose words name two occupations adds none
        ("保险销售", "4-01-02-01"),  # ... and its other words read as they are written
        ("HRD", None),  # a Latin word's tail is no word (RD, the 程序员 group's)
        ("RD", "2-02-10-03"),
    ],
)
def test_a_synonym_group_word_names_its_groups_occupation(title, code):
    assert read(title) == code


def test_a_desired_title_meets_another_groups_title_of_the_same_occupation():
    index = fair(position("AGENT", "置业顾问"), position("CASH", "收银员"))
    order = scores(index, titles=["房产经纪人"])
    assert order["AGENT"] == pytest.approx(index.weights.title_occupation)
    assert order["CASH"] == 0


def test_every_everyday_word_names_a_known_occupation():
    words = json.loads((DATA / "occupation_words.json").read_text(encoding="utf-8"))["everyday"]
    table = occupation_table()
    assert len(words) >= 50
    for word, code in words:
        assert code in table.names, word
        assert read(word) == code, word


@pytest.mark.parametrize("wish", ["绩效专员", "薪酬专员", "薪资福利专员", "员工关系", "社保专员", "HRBP"])
def test_the_work_of_an_hr_department_names_its_occupation(wish):
    # Performance, pay, employee relations and social insurance are HR work: a 绩效专员 met only titles
    # holding 绩效 and nothing of the HR department where no such title was posted.
    index = fair(position("HR", "人事专员"), position("RECRUIT", "招聘专员"), position("SALES", "销售专员"))
    order = scores(index, titles=[wish])
    assert order["HR"] > 0 and order["RECRUIT"] > 0, order
    assert order["SALES"] == 0, order


def test_a_desired_title_finds_its_occupation_under_other_names():
    index = fair(position("CLERK", "行政文员"), position("INNER", "销售内勤"), position("COOK", "厨师"))
    order = scores(index, titles=["文职"])
    assert order["CLERK"] == order["INNER"] == pytest.approx(index.weights.title_occupation)
    assert order["COOK"] == 0


def test_the_answer_says_which_occupation_it_read():
    index = fair(position("CASH", "收银员（早班）"), position("COOK", "厨师"))
    answer = index.match({"titles": ["收银"]})
    assert answer["profile"]["titles"][0]["occupation"] == {"code": "4-01-02-04", "name": "收银员"}
    explained = result_for(answer, "CASH")["explanation"]
    assert explained["occupation"] == {"code": "4-01-02-04", "name": "收银员", "desired": "收银"}
    assert result_for(answer, "COOK")["explanation"]["occupation"]["desired"] is None
    unknown = index.match({"titles": ["经济研究员"]})
    assert unknown["profile"]["titles"][0]["occupation"] is None


def test_over_http_the_occupation_is_in_the_answer_and_documented(client, organiser):
    positions = [{"id": "E01-P01", "title": "收银员（早班）"}, {"id": "E01-P02", "title": "行政文员"}]
    employer = {"id": "E01", "name": "桂林测试超市", "ownership": "private", "industry": "wholesale_retail",
                "booth": "A-01", "positions": positions}  # fmt: skip
    doc = {"fair": {"id": "F1", "name": "测试招聘会", "date": "2023-08-20"}, "employers": [employer]}
    assert client.post("/api/v1/fixtures?mode=replace", json=doc, headers=organiser).status_code == 200
    answer = client.post("/api/v1/matches", json={"titles": ["文职"]}).get_json()
    assert answer["profile"]["titles"][0]["occupation"] == {"code": "3-01-01-01", "name": "行政办事员"}
    first = answer["results"][0]
    assert first["position"]["id"] == "E01-P02" and first["explanation"]["occupation"]["desired"] == "文职"
    spec = client.get("/api/v1/openapi.json").get_json()
    result = spec["components"]["schemas"]["MatchResult"]["properties"]["explanation"]["description"]
    assert "occupation" in result and "职业分类大典" in result
