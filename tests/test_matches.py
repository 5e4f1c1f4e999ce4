"""Ranking through the HTTP API: the right position first and the look-alike traps below it."""

from __future__ import annotations

import json

import pytest

from .builders import employer, fair_doc, position, small_fair, trap_fair
from .conftest import DEFAULT_FIXTURE

URL = "/api/v1/matches"


@pytest.fixture
def fair(client, organiser):
    assert (
        client.post("/api/v1/fixtures?mode=replace", json=trap_fair(), headers=organiser).status_code == 200
    )
    return client


def match(client, **profile):
    response = client.post(URL, json=profile)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def ids(answer) -> list[str]:
    return [r["position"]["id"] for r in answer["results"]]


def rank_of(answer, pid: str) -> int:
    return ids(answer).index(pid) if pid in ids(answer) else len(answer["results"]) + 1


def test_answer_has_the_contract_shape(fair):
    profile = {
        "skills": ["Pyhton", "数据分析", "ＥＸＣＥＬ"],
        "titles": ["数据分析师"],
        "industries": ["互联网"],
    }
    answer = match(fair, **profile, education="associate", expected_salary=6000, limit=5)
    assert answer["total"] == 24 and answer["limit"] == 5 and answer["offset"] == 0
    assert answer["profile"]["skills"][0] == {
        **answer["profile"]["skills"][0],
        "input": "Pyhton",
        "matched": "Python",
    }
    assert answer["profile"]["industries"][0]["key"] == "software_it"
    first = answer["results"][0]
    assert first["rank"] == 1 and 0 <= first["score"] <= 1
    assert set(first["position"]) >= {
        "id",
        "title",
        "employer",
        "industry",
        "education",
        "salary_min",
        "openings",
    }
    assert set(first["position"]["employer"]) >= {"id", "name", "ownership", "booth"}
    assert set(first["explanation"]) >= {"skills", "title", "industry", "education", "salary"}
    assert set(first["explanation"]["skills"]) >= {"matched", "missing"}
    scores = [r["score"] for r in answer["results"]]
    assert scores == sorted(scores, reverse=True)
    assert [r["rank"] for r in answer["results"]] == [1, 2, 3, 4, 5]


def test_the_explanation_pairs_each_skill_and_lists_the_missing(fair):
    answer = match(fair, skills=["Pyhton"])
    first = answer["results"][0]
    assert first["position"]["id"] in {"S-PY", "S-ALGO"}
    pair = first["explanation"]["skills"]["matched"][0]
    assert (pair["candidate"], pair["position"]) == ("Pyhton", "Python") and 0.75 <= pair["similarity"] < 1
    assert (
        "Django" in first["explanation"]["skills"]["missing"]
        or "机器学习" in first["explanation"]["skills"]["missing"]
    )


@pytest.mark.parametrize(
    ("skill", "expected"),
    [
        ("java", "S-JAVA"),  # case
        ("ＪＡＶＡ", "S-JAVA"),  # full-width
        ("Javascrpt", "S-JS"),  # typo
        ("JS", "S-JS"),  # abbreviation
        ("spring-boot", "S-JAVA"),  # spacing and hyphens
        ("Spring Boot", "S-JAVA"),
        ("PS", "C-ART"),  # designers' shorthand for Photoshop
        ("k8s", "S-GO"),
        ("golang", "S-GO"),
        ("c#", "S-CS"),
        ("C++", "S-CPP"),
        ("C", "S-C"),
        ("R", "S-R"),
        ("Redis", "S-REDIS"),
        ("淘宝运营", "C-SHOP"),  # inside a longer phrase: 淘宝店铺运营
        ("直播", "C-LIVE"),
        ("PLC", "M-PLC"),
        ("教资", "O-TEACH"),  # nickname of 教师资格证
        ("普通话二甲", "O-TEACH"),
        ("驾照C1", "O-DRIVER"),
        ("會計", "O-ACC"),  # traditional characters
        ("kuaiji", "O-ACC"),  # pinyin
        ("计会", "O-ACC"),  # two characters swapped
        ("数据分析", "S-DATA"),
        ("数据析", "S-DATA"),  # a character left out
        ("有C1驾照", "O-DRIVER"),  # a known skill inside a phrase
        ("持有教资", "O-TEACH"),
    ],
)
def test_a_skill_written_as_people_write_it_finds_its_position_first(fair, skill, expected):
    answer = match(fair, skills=[skill], limit=3)
    assert ids(answer)[0] == expected, (skill, answer["profile"]["skills"], ids(answer))


def test_several_skills_typed_into_one_input_are_read_as_each(fair):
    answer = match(fair, skills=["PPT、Word、Excel"], limit=3)
    echo = answer["profile"]["skills"][0]
    assert (echo["via"], echo["expands"]) == ("list", ["PPT", "Word", "Excel"])
    assert ids(answer)[0] == "O-CLERK"


def test_an_input_reading_as_an_earlier_ones_skill_is_echoed_as_that_skill_not_as_unknown(fair):
    # PS and Photoshop are one skill: searched once, but each input says what it reads as (the page would
    # otherwise flag the second as not recognised).
    echo = match(fair, skills=["PS", "Photoshop", "ps"], limit=1)["profile"]["skills"]
    assert [(e["input"], e["matched"], e["similarity"]) for e in echo] == [
        ("PS", "Photoshop", 1.0),
        ("Photoshop", "Photoshop", 1.0),
        ("ps", "Photoshop", 1.0),
    ]
    assert echo[1]["positions"] == echo[0]["positions"] > 0


def test_skills_run_together_in_a_phrase_are_read_as_each_beside_the_phrase(fair):
    # No list mark between them: the Chinese skill words inside the phrase are found, the phrase kept too.
    answer = match(fair, skills=["有教资普通话二甲"], limit=3)
    echo = answer["profile"]["skills"][0]
    assert (echo["via"], echo["expands"]) == ("phrase", ["教师资格证", "普通话二级甲等", "有教资普通话二甲"])
    assert ids(answer)[0] == "O-TEACH"
    assert ids(match(fair, skills=["会开车有C1驾照"], limit=1)) == ["O-DRIVER"]


def test_a_wish_naming_an_industry_is_read_as_a_preference_for_it(fair):
    # 工厂 is no job of the fair: the graduate wants a factory, whatever the job.
    answer = match(fair, titles=["工厂"], limit=3)
    assert answer["profile"]["titles"][0]["read_as"] == "industries"
    assert answer["profile"]["industries"] == [
        {"input": "工厂", "key": "manufacturing", "keys": ["manufacturing"], "from": "titles"}
    ]
    assert answer["matched"] == 3  # the fair's three manufacturing posts, and no other
    assert {r["position"]["industry"] for r in answer["results"]} == {"manufacturing"}


@pytest.mark.parametrize(
    ("skill", "right", "trap"),
    [
        ("Java", "S-JAVA", "S-JS"),
        ("JavaScript", "S-JS", "S-JAVA"),
        ("C", "S-C", "S-CPP"),
        ("C", "S-C", "S-CS"),
        ("C++", "S-CPP", "S-C"),
        ("C#", "S-CS", "S-CPP"),
        ("Go", "S-GO", "S-GOOGLE"),
        ("R", "S-R", "S-REDIS"),
        ("PS", "C-ART", "O-CLERK"),  # Photoshop is not PPT
    ],
)
def test_short_tokens_are_not_confused(fair, skill, right, trap):
    answer = match(fair, skills=[skill], limit=25)
    assert ids(answer)[0] == right
    trap_result = next((r for r in answer["results"] if r["position"]["id"] == trap), None)
    if trap_result is not None:  # a trap may still rank (on industry, say) but never on that skill
        assert not trap_result["explanation"]["skills"]["matched"], trap_result["explanation"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("淘宝客服", "C-KEFU"),
        ("普工", "M-PG"),
        ("电商美工", "C-ART"),
        ("会计", "O-ACC"),
        ("置业顾问", "O-HOUSE"),
        ("会记", "O-ACC"),  # a wrong character of the same sound
        ("工普", "M-PG"),  # two characters swapped
    ],
)
def test_desired_titles_find_noisy_postings_without_skills(fair, title, expected):
    assert ids(match(fair, titles=[title], limit=3))[0] == expected


def test_a_title_wish_for_java_does_not_pick_javascript(fair):
    answer = match(fair, titles=["Java开发"], limit=5)
    assert ids(answer)[0] == "S-JAVA"
    assert rank_of(answer, "S-JS") > 0


@pytest.mark.parametrize(
    ("nickname", "key"),
    [("互联网", "software_it"), ("IT", "software_it"), ("电商", "ecommerce"), ("電商", "ecommerce"),
     ("房产", "real_estate"), ("地产", "real_estate"), ("工厂", "manufacturing"), ("制造", "manufacturing"),
     ("零售", "wholesale_retail"), ("超市", "wholesale_retail"), ("教培", "education"),
     ("培训", "education")],
)  # fmt: skip
def test_industry_nicknames_are_understood_and_rank_that_industry_first(fair, nickname, key):
    answer = match(fair, industries=[nickname], limit=3)
    assert answer["profile"]["industries"][0]["key"] == key
    assert answer["results"][0]["position"]["industry"] == key


def test_a_skill_naming_a_trade_the_fair_lists_nowhere_is_echoed_and_ranked_as_that_industry(fair):
    answer = match(fair, skills=["电子商务"], limit=3)
    assert answer["profile"]["skills"][0]["matched"] is None  # still no skill of the fair
    assert answer["profile"]["industries"] == [
        {"input": "电子商务", "key": "ecommerce", "keys": ["ecommerce"], "from": "skills"}
    ]
    assert answer["results"][0]["position"]["industry"] == "ecommerce"


def test_a_wish_naming_a_skill_the_fair_has_in_no_title_is_echoed_and_ranked_as_that_skill(fair):
    answer = match(fair, titles=["PS"], limit=3)
    assert answer["profile"]["skills"][0] | {"positions": None} == {
        "input": "PS", "matched": "Photoshop", "similarity": 1.0, "via": "alias", "from": "titles",
        "positions": None,
    }  # fmt: skip
    assert answer["profile"]["titles"][0]["read_as"] == "skills"
    assert answer["results"][0]["position"]["id"] == "C-ART"


def test_related_industries_rank_above_unrelated_ones(fair):
    answer = match(fair, industries=["电商"], limit=25)
    by_industry = {}
    for r in answer["results"]:
        by_industry.setdefault(r["position"]["industry"], r["score"])
    assert by_industry["ecommerce"] > by_industry["wholesale_retail"] > by_industry["real_estate"]


def test_inputs_that_match_nothing_are_flagged(fair):
    answer = match(fair, skills=["Python", "潜水教练证"], industries=["航天"])
    understood = {s["input"]: s["matched"] for s in answer["profile"]["skills"]}
    assert understood == {"Python": "Python", "潜水教练证": None}
    assert answer["profile"]["industries"][0]["key"] is None


def test_a_position_asking_for_more_education_ranks_below_an_eligible_one(fair):
    answer = match(fair, skills=["Python"], education="associate", limit=5)
    assert rank_of(answer, "S-PY") < rank_of(answer, "S-ALGO")
    algo = next(r for r in answer["results"] if r["position"]["id"] == "S-ALGO")
    assert algo["explanation"]["education"]["eligible"] is False
    eligible_only = match(
        fair, skills=["Python"], education="associate", filters={"education_eligible": True}
    )
    assert (
        "S-ALGO" not in ids(eligible_only) and eligible_only["total"] == 22
    )  # two need a bachelor's or more
    master = match(fair, skills=["Python"], education="硕士", limit=2)
    assert master["results"][0]["explanation"]["education"]["eligible"] is True


@pytest.mark.parametrize(
    ("written", "level"),
    [
        ("碩士", "master"),  # traditional script
        ("大專", "associate"),
        ("學歷不限", "none"),
        ("ＢＡＣＨＥＬＯＲ", "bachelor"),  # full width
        ("全日制本科", "bachelor"),  # as résumés and postings write it
        ("MBA", "master"),
        ("PhD", "doctorate"),
        ("本科在读", "bachelor"),  # a final-year student's words around the level
        ("应届本科", "bachelor"),
        ("985本科", "bachelor"),
        ("大专毕业", "associate"),
        ("本科（专升本）", "bachelor"),
        ("硕士研究生在读", "master"),
        ("大专生", "associate"),
        ("二本", "bachelor"),  # a university's tier names the degree it gives
        ("大四", "bachelor"),  # a final-year undergraduate
        ("研二", "master"),
        ("985", "bachelor"),  # alone, a university's tier; beside a level, noise (985硕士)
        ("985硕士", "master"),
        ("专升本", "bachelor"),
        ("Bachelor's degree", "bachelor"),  # the English page's seekers and integration clients
        ("Master’s", "master"),  # a phone keyboard's curly apostrophe
        ("undergraduate", "bachelor"),
        ("High School", "high_school"),
        ("associate degree", "associate"),
    ],
)
def test_education_as_people_write_it_reads_as_its_level(fair, written, level):
    answer = match(fair, skills=["Python"], education=written, limit=1)
    assert answer["results"][0]["explanation"]["education"]["candidate"] == level
    assert answer["profile"]["education"]["level"] == level  # the echo says so too


def test_the_echo_says_how_the_major_and_education_were_read(client, organiser):
    # The echo held skills, titles and industries only: nothing told a seeker that 计科 was read as
    # 计算机科学与技术, 机电一体化 as 机电一体化技术 (96 positions of its field) or 大专 as associate.
    document = json.loads(DEFAULT_FIXTURE.read_text(encoding="utf-8"))
    assert client.post("/api/v1/fixtures?mode=replace", json=document, headers=organiser).status_code == 200
    answer = match(client, major="计科", education="大专", limit=1)
    computing = answer["profile"]["major"]
    assert computing == {**computing, "input": "计科", "read_as": "计算机科学与技术", "field": False}
    assert computing["positions"] == answer["matched"] > 0  # the major alone: the positions it ranks first
    assert answer["profile"]["education"] == {"level": "associate", "zh": "大专", "en": "Associate (college)"}
    field = match(client, major="计算机相关专业", limit=1)["profile"]["major"]
    assert (field["read_as"], field["field"], field["positions"]) == ("计算机", True, computing["positions"])
    wished = match(client, titles=["机电一体化"], limit=1)["profile"]["major"]
    assert wished == {**wished, "read_as": "机电一体化技术", "from": "titles"} and wished["positions"] > 0
    assert "major" not in match(client, skills=["Python"], limit=1)["profile"]


def test_pay_below_expectation_loses_score_in_proportion(client, organiser):
    doc = fair_doc(employer("E01", positions=[
        position("LOW", "Python开发", skills=["Python"], salary_min=3000, salary_max=4000),
        position("MID", "Python开发", skills=["Python"], salary_min=4000, salary_max=6000),
        position("HIGH", "Python开发", skills=["Python"], salary_min=8000, salary_max=10000),
    ]))  # fmt: skip
    client.post("/api/v1/fixtures?mode=replace", json=doc, headers=organiser)
    answer = match(client, skills=["Python"], expected_salary=8000)
    assert ids(answer) == ["HIGH", "MID", "LOW"]
    salary = {r["position"]["id"]: r["explanation"]["salary"]["score"] for r in answer["results"]}
    assert salary["HIGH"] == 1.0 and salary["HIGH"] > salary["MID"] > salary["LOW"]


def test_hard_filters_and_total(fair):
    answer = match(fair, skills=["Python"], filters={"industries": ["software_it"], "ownership": ["private"]})
    assert answer["total"] == 12
    assert {r["position"]["industry"] for r in answer["results"]} == {"software_it"}
    pay = match(fair, filters={"min_salary": 10000}, limit=100)
    assert set(ids(pay)) == {"S-ALGO", "O-HOUSE"}
    assert pay["total"] == 2
    labelled = match(fair, filters={"industries": ["电子商务"], "ownership": ["民企"]})
    assert labelled["total"] == 4


def test_paging_continues_the_ranking(fair):
    whole = match(fair, skills=["Python", "Linux"], limit=10)
    page2 = match(fair, skills=["Python", "Linux"], limit=5, offset=5)
    assert ids(page2) == ids(whole)[5:10]
    assert [r["rank"] for r in page2["results"]] == [6, 7, 8, 9, 10]
    assert page2["total"] == whole["total"] == 24


def test_same_request_same_answer(fair):
    profile = {"skills": ["Excel", "沟通能力"], "limit": 25}
    assert match(fair, **profile) == match(fair, **profile)


def test_an_empty_profile_lists_every_position(fair):
    answer = match(fair, limit=100)
    assert answer["total"] == 24 and len(answer["results"]) == 24


def test_a_load_changes_the_ranking_at_once(fair, organiser, make_app):
    other_worker = (
        make_app().test_client()
    )  # a second app on the same database, like a second gunicorn worker
    assert ids(match(other_worker, skills=["Rust"], limit=1))[0] != "NEW"
    doc = fair_doc(
        employer("E09", positions=[position("NEW", "Rust开发工程师", skills=["Rust"])]), fair_id="test-fair"
    )
    assert fair.post("/api/v1/fixtures", json=doc, headers=organiser).status_code == 200
    assert ids(match(fair, skills=["Rust"], limit=1)) == ["NEW"]
    assert ids(match(other_worker, skills=["Rust"], limit=1)) == ["NEW"]


def test_batch_ranks_each_candidate(fair):
    body = {"candidates": [{"id": "a", "skills": ["Java"]}, {"id": "b", "titles": ["普工"]}], "limit": 2}
    response = fair.post(f"{URL}/batch", json=body)
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["candidate_id"] for r in results] == ["a", "b"]
    assert results[0]["results"][0]["position"]["id"] == "S-JAVA"
    assert results[1]["results"][0]["position"]["id"] == "M-PG"
    assert all(len(r["results"]) == 2 for r in results)
    single = match(fair, skills=["Java"], limit=2)
    assert results[0]["results"] == single["results"]
    assert results[0]["profile"] == single["profile"]  # each candidate's inputs, as understood


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"skills": ["x"] * 51}, "skills"),
        ({"skills": ["x" * 101]}, "skills[0]"),
        ({"titles": ["会计"] * 11}, "titles"),
        ({"education": "幼儿园"}, "education"),
        ({"education": "在读"}, "education"),  # words around a level, and no level
        ({"filters": {"ownership": ["外企"]}}, "filters.ownership[0]"),
        ({"expected_salary": -5}, "expected_salary"),
        ({"skills": "Python"}, "skills"),
    ],
)
def test_bad_profiles_are_422_at_their_field(fair, body, field):
    response = fair.post(URL, json=body)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_batch_limits(fair):
    too_many = {"candidates": [{"id": str(i)} for i in range(1001)]}
    assert fair.post(f"{URL}/batch", json=too_many).status_code == 422
    assert fair.post(f"{URL}/batch", json={"candidates": [{"skills": ["Java"]}]}).status_code == 422  # no id


@pytest.mark.parametrize("compact", [False, True])
def test_a_batch_naming_one_candidate_id_twice_is_422_naming_both(fair, compact):
    candidates = [{"id": "a", "skills": ["Java"]}, {"id": "b"}, {"id": "a", "titles": ["普工"]}]
    response = fair.post(f"{URL}/batch", json={"candidates": candidates, "compact": compact})
    assert response.status_code == 422
    [message] = response.get_json()["errors"]["candidates"]
    assert "candidates[0] and candidates[2]" in message and "'a'" in message
    candidates[2]["id"] = "c"  # ids differing only in case are distinct ids, as everywhere in the API
    candidates[1]["id"] = "A"
    assert fair.post(f"{URL}/batch", json={"candidates": candidates, "compact": compact}).status_code == 200


def test_a_body_that_is_not_json_is_415(fair):
    response = fair.post(URL, data="skills=Python", headers={"Content-Type": "text/plain"})
    assert response.status_code == 415


def test_malformed_json_is_400(fair):
    response = fair.post(URL, data="{skills: [", headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.get_json()["message"] == "The request body is not valid JSON."


def test_matching_with_no_fair_loaded_answers_an_empty_list(client):
    answer = match(client, skills=["Java"])
    assert answer["total"] == 0 and answer["results"] == []


SUGGEST = [("pyt", "Python"), ("Pyth", "Python"), ("會計", "会计"), ("kuaiji", "会计"), ("会ji", "会计"),
           ("photshop", "Photoshop")]  # fmt: skip


@pytest.mark.parametrize(("q", "expected"), SUGGEST)
def test_suggest_completes_typos_pinyin_and_traditional(fair, q, expected):
    response = fair.get(f"/api/v1/skills/suggest?q={q}")
    assert response.status_code == 200
    assert expected in [s["skill"] for s in response.get_json()["suggestions"][:3]]


def test_suggest_needs_a_query(fair):
    assert fair.get("/api/v1/skills/suggest").status_code == 422


def test_the_same_answer_in_every_worker_process():
    """Workers are separate processes with their own hash seeds; none may change an answer."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import json; from matching.index import MatchIndex;"
        "from matching.records import positions_from_fixture; from tests.builders import trap_fair;"
        "index = MatchIndex.build(positions_from_fixture(trap_fair()), version='1');"
        "profiles = [{'skills': ['Pyhton', '數據分析', 'C', 'Go'], 'titles': ['普工'],"
        "             'industries': ['电商', 'IT']}, {'skills': ['Excel', '沟通能力']}, {}];"
        "print(json.dumps([index.match(p, limit=24) for p in profiles], ensure_ascii=False))"
    )
    root = Path(__file__).resolve().parent.parent
    answers = {
        subprocess.run(
            [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }  # fmt: skip
    assert len(answers) == 1
    assert json.loads(answers.pop())[0]["results"]


def test_a_desired_title_joining_several_jobs_reads_as_each(fair):
    # 求职意向 fields often name two jobs: each is wished for in full, not a blend of both.
    answer = match(fair, titles=["会计/行政文员"], limit=5)
    echo = answer["profile"]["titles"][0]
    assert (echo["input"], echo["expands"]) == ("会计/行政文员", ["会计", "行政文员"])
    assert set(ids(answer)[:2]) == {"O-ACC", "O-CLERK"}
    assert [r["score"] for r in answer["results"][:2]] == [1.0, 1.0]
    assert answer["results"][0]["explanation"]["title"]["candidate"] == "会计/行政文员"


def test_a_kind_of_employer_typed_among_the_industries_is_echoed_and_preferred(client, organiser):
    loaded = client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=organiser)
    assert loaded.status_code == 200
    answer = match(client, industries=["国企"], limit=10)
    assert answer["profile"]["industries"] == [
        {"input": "国企", "key": None, "keys": [], "ownership": "state_owned"}
    ]
    first = answer["results"][0]
    assert (first["position"]["id"], first["position"]["employer"]["ownership"]) == ("E02-P01", "state_owned")
    assert first["score"] > 0 and all(r["score"] == 0 for r in answer["results"][1:])


@pytest.mark.parametrize(
    ("skill", "listed"),
    [
        ("会计", "全盘做账"),  # 做账 is an alias of 会计
        ("做账", "全盘做账"),
        ("客户维护", "客户关系维护"),  # 客户维护 reads as 客户关系管理, whose alias the listed skill holds
        ("品管", "品管经验"),
        ("CRM", "CRM系统操作"),
    ],
)
def test_a_listed_skill_holding_an_alias_of_the_seekers_skill_is_met(client, organiser, skill, listed):
    doc = fair_doc(employer("E01", positions=[
        position("HELD", "专员", skills=[listed, "驾驶证"]),
        position("OTHER", "专员", skills=["出纳", "驾驶证"]),
    ]))  # fmt: skip
    assert client.post("/api/v1/fixtures?mode=replace", json=doc, headers=organiser).status_code == 200
    answer = match(client, skills=[skill])
    first = answer["results"][0]
    assert first["position"]["id"] == "HELD" and first["score"] > 0
    matched = first["explanation"]["skills"]["matched"]
    assert [(m["candidate"], m["position"]) for m in matched] == [(skill, listed)]
    assert matched[0]["similarity"] >= 0.8
    assert first["explanation"]["skills"]["missing"] == ["驾驶证"]


def test_a_listed_skill_inside_an_alias_is_not_met_by_it(client, organiser):
    """office三件套 is an alias of Word (with Excel and PPT): a posting asking Office is not met by Word
    alone, though the alias holds the word."""
    doc = fair_doc(employer("E01", positions=[position("OFFICE", "文员", skills=["办公软件"])]))
    assert client.post("/api/v1/fixtures?mode=replace", json=doc, headers=organiser).status_code == 200
    answer = match(client, skills=["Word"])
    assert answer["results"][0]["explanation"]["skills"]["matched"] == []


def test_benefits_and_conditions_in_a_skills_list_are_no_requirements(client, organiser):
    """Employers' tag lists carry perks, pay and open conditions beside skills (五险一金, 周末双休, 应届生可,
    3年以上经验): the seeker is not asked them, and they are not shown missing; a tag holding a skill besides
    (五险一金办理, an HR task) still is one."""
    doc = fair_doc(employer("E01", positions=[
        position("PERKS", "Java开发", skills=["Java", "MySQL", "五险一金", "周末双休、包吃住", "应届生可",
                                              "3年以上工作经验"]),
        position("PLAIN", "Java开发", skills=["Java", "MySQL"]),
        position("MORE", "Java开发", skills=["Java", "MySQL", "Redis"]),
        position("HR", "人事专员", skills=["五险一金办理"]),
    ]))  # fmt: skip
    assert client.post("/api/v1/fixtures?mode=replace", json=doc, headers=organiser).status_code == 200
    answer = match(client, skills=["Java", "MySQL"])
    by_id = {r["position"]["id"]: r for r in answer["results"]}
    assert by_id["PERKS"]["score"] == by_id["PLAIN"]["score"] > by_id["MORE"]["score"]
    assert by_id["PERKS"]["explanation"]["skills"]["missing"] == []
    assert by_id["PERKS"]["position"]["skills"][2:] == [
        "五险一金",
        "周末双休、包吃住",
        "应届生可",
        "3年以上工作经验",
    ]
    assert by_id["HR"]["explanation"]["skills"]["missing"] == ["五险一金办理"]
    compact = client.post(
        f"{URL}/batch", json={"candidates": [{"id": "c", "skills": ["Java"]}], "compact": True}
    )
    assert compact.status_code == 200
    rows = {r["id"]: r for r in compact.get_json()["results"][0]["results"]}
    assert rows["PERKS"]["missing"] == ["MySQL"] and rows["PERKS"]["score"] == rows["PLAIN"]["score"]
