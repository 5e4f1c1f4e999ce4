"""POST /api/v1/guidance: what to learn next with exact counts (checked by matching again), the diagnosis,
and GET /api/v1/stats/training for the station's staff, computed from demand counts only."""

from __future__ import annotations

import json

import pytest

from tests.conftest import DEFAULT_FIXTURE
from tests.resume_builders import accounting_fair


@pytest.fixture
def client(app, organiser):
    client = app.test_client()
    assert (
        client.post("/api/v1/fixtures?mode=replace", json=accounting_fair(), headers=organiser).status_code
        == 200
    )
    return client


TITLE_WEAK = 0.45  # data/weights.json: a desired title's positions are those it meets at this or more


def _answers(client, profile: dict) -> list[dict]:
    """Every result of the match answer for ``profile``, over all its pages."""
    results, offset = [], 0
    while True:
        page = client.post("/api/v1/matches", json={**profile, "limit": 100, "offset": offset}).json
        results += page["results"]
        offset += 100
        if offset >= page["total"]:
            return results


def _in_scope(result: dict, scope: str) -> bool:
    """Whether the advice counts a position: every one (``fair``), those of the desired titles (``titles``)
    or those a seeker skill is found in (``skills``), as the match explains them."""
    if scope == "titles":
        return (result["explanation"]["title"]["similarity"] or 0) >= TITLE_WEAK
    return scope == "fair" or bool(result["explanation"]["skills"]["matched"])


def qualified(client, profile: dict, counted: set[str]) -> int:
    """Positions among ``counted`` whose match explanation lists no missing skill."""
    return sum(
        1
        for r in _answers(client, profile)
        if r["position"]["id"] in counted and not r["explanation"]["skills"]["missing"]
    )


def check_counts(client, profile: dict, answer: dict) -> None:
    counted = {r["position"]["id"] for r in _answers(client, profile) if _in_scope(r, answer["scope"])}
    assert answer["considered"] == len(counted)
    before = qualified(client, profile, counted)
    assert answer["qualified"] == before
    for suggestion in answer["suggestions"]:
        more = {**profile, "skills": [*profile.get("skills", []), suggestion["skill"]]}
        assert qualified(client, more, counted) - before == suggestion["adds"], suggestion["skill"]


def test_the_skill_that_opens_most_positions_with_its_exact_count_and_pay(client):
    profile = {"skills": ["Excel", "金蝶"]}
    answer = client.post("/api/v1/guidance", json=profile)
    assert answer.status_code == 200
    first = answer.json["suggestions"][0]
    assert (first["skill"], first["adds"]) == ("数据透视表", 2)  # 会计 E01-P01 and 出纳 E01-P02
    assert first["pay"] == {"min": 4000, "max": 6000}
    assert first["explanation"] == "学会 数据透视表，多 2 个岗位的要求你都满足，月薪 4,000–6,000"
    assert first["explanation_en"] == (
        "Learn 数据透视表: you meet every requirement of 2 more positions, 4,000–6,000 CNY a month"
    )
    one = next(s for s in answer.json["suggestions"] if s["adds"] == 1)
    assert f"Learn {one['skill']}: you meet every requirement of 1 more position, " in one["explanation_en"]
    assert one["explanation_en"].endswith(("CNY a month", "pay negotiable"))
    assert [p["id"] for p in first["positions"]] == ["E01-P01", "E01-P02"]
    # Ties: shorter first. The drivers' post shares nothing with Excel and 金蝶: C1驾驶证 is no advice here.
    assert [s["skill"] for s in answer.json["suggestions"][1:]] == ["用友", "初级会计职称"]
    paper = answer.json["suggestions"][2]
    assert paper["explanation"].startswith("考取 初级会计职称，多 1 个岗位")  # a paper is got, not learnt
    assert paper["explanation_en"].startswith(
        "Get 初级会计职称: you meet every requirement of 1 more position"
    )
    scope = (answer.json["scope"], answer.json["considered"])
    assert scope == ("skills", 4)  # the four posts of E01 ask Excel
    assert answer.json["qualified"] == 0
    check_counts(client, profile, answer.json)


def test_a_skill_held_inside_a_phrase_is_no_advice(client):
    # The match reads 初级会计职称 inside 有初级会计证能做账 and counts it held; the advice read the phrase as
    # written only, and told the seeker to get the paper they had just said they hold.
    profile = {"skills": ["Excel", "有初级会计证能做账"]}
    echo = client.post("/api/v1/matches", json=profile).json["profile"]["skills"]
    assert [s["matched"] for s in echo] == ["Excel", "初级会计职称"]
    answer = client.post("/api/v1/guidance", json=profile).json
    assert "初级会计职称" not in {s["skill"] for s in answer["suggestions"]}
    check_counts(client, profile, answer)


def test_counts_follow_the_profiles_filters(client):
    profile = {"skills": ["Excel"], "education": "associate", "filters": {"education_eligible": True}}
    answer = client.post("/api/v1/guidance", json=profile).json
    assert "初级会计职称" not in [s["skill"] for s in answer["suggestions"]]  # 财务专员 asks for 本科
    check_counts(client, profile, answer)


def test_exact_counts_on_the_default_fair(make_app, organiser):
    client = make_app().test_client()
    document = json.loads(DEFAULT_FIXTURE.read_text(encoding="utf-8"))
    assert client.post("/api/v1/fixtures?mode=replace", json=document, headers=organiser).status_code == 200
    profile = {"skills": ["Excel", "会计", "kuaiji"], "education": "associate", "titles": ["会计"]}
    answer = client.post("/api/v1/guidance", json=profile).json
    assert answer["scope"] == "titles"
    assert len(answer["suggestions"]) == 5
    # No single paper or tool completes an accounting post here: the ones most of them ask for, by count.
    first = answer["suggestions"][0]
    assert first["adds"] == 0 and first["asked"] > 10
    assert "初级会计职称" in [s["skill"] for s in answer["suggestions"]]
    assert first["explanation"].startswith(f"你想做的工作里，{first['asked']} 个岗位要求 {first['skill']}")
    assert answer == client.post("/api/v1/guidance", json=profile).json  # deterministic
    check_counts(client, profile, answer)


def test_the_advice_counts_the_positions_of_the_desired_titles(make_app, organiser):
    # A front-end developer is told what the front-end posts ask, not to learn driving for the drivers'.
    client = make_app().test_client()
    document = json.loads(DEFAULT_FIXTURE.read_text(encoding="utf-8"))
    assert client.post("/api/v1/fixtures?mode=replace", json=document, headers=organiser).status_code == 200
    profile = {"titles": ["前端开发"], "skills": ["Python", "JavaScript", "Vue"], "education": "bachelor"}
    answer = client.post("/api/v1/guidance", json=profile).json
    assert answer["scope"] == "titles" and answer["considered"] == 27  # the fair's front-end positions
    assert answer["suggestions"] and not any("驾" in s["skill"] for s in answer["suggestions"])
    check_counts(client, profile, answer)
    # Without a wish, the posts the seeker's skills are found in count: still no driving for a developer.
    skills_only = {"skills": profile["skills"], "education": "bachelor"}
    by_skills = client.post("/api/v1/guidance", json=skills_only).json
    assert by_skills["scope"] == "skills" and 27 < by_skills["considered"] < 300
    assert by_skills["suggestions"] and not any("驾" in s["skill"] for s in by_skills["suggestions"])
    asked = next(s for s in by_skills["suggestions"] if s["adds"] == 0)
    assert asked["explanation"].startswith(
        f"用得上你技能的岗位里，{asked['asked']} 个岗位要求 {asked['skill']}"
    )
    assert asked["explanation_en"].startswith(f"{asked['asked']} of the positions using your skills ask")
    check_counts(client, skills_only, by_skills)
    nothing_found = client.post("/api/v1/guidance", json={"skills": ["量子纠缠"]}).json
    assert nothing_found["scope"] == "fair" and nothing_found["considered"] == 3100


def test_soft_skills_are_no_advice(make_app, organiser):
    client = make_app().test_client()
    document = json.loads(DEFAULT_FIXTURE.read_text(encoding="utf-8"))
    assert client.post("/api/v1/fixtures?mode=replace", json=document, headers=organiser).status_code == 200
    # Warehouse posts list 吃苦耐劳 and 沟通能力 beside the forklift licence; no one is told to learn those.
    answer = client.post("/api/v1/guidance", json={"skills": ["叉车证"]}).json
    missing = {
        m for r in _answers(client, {"skills": ["叉车证"]}) for m in r["explanation"]["skills"]["missing"]
    }
    assert {"吃苦耐劳", "沟通能力"} & missing  # asked, and so they would be advice without the rule
    soft = {"吃苦耐劳", "沟通能力", "责任心强", "团队合作", "服从安排"}
    assert answer["suggestions"] and not soft & {s["skill"] for s in answer["suggestions"]}


def test_the_diagnosis(client):
    profile = {"skills": ["金蝶", "Excel", "会计证", "唱歌"]}
    diagnosis = client.post("/api/v1/guidance", json=profile).json["diagnosis"]
    # 会计证 is read as the fair's 初级会计职称 (an alias), so it counts as asked for, not as unused
    assert [(a["skill"], a["listed"]) for a in diagnosis["asked_most"]] == [
        ("Excel", 4), ("会计证", 1), ("金蝶", 1)
    ]  # fmt: skip
    unused = {u["skill"]: u for u in diagnosis["unused"]}
    assert "会计证" not in unused
    assert unused["唱歌"]["close"] is None


def test_bad_guidance_requests(client):
    assert client.post("/api/v1/guidance", json={"skills": "Excel"}).status_code == 422
    assert client.post("/api/v1/guidance", json={"limit": 6}).json["errors"] == {
        "limit": ["Must be greater than or equal to 1 and less than or equal to 5."]
    }
    assert client.post("/api/v1/guidance", data="{", content_type="application/json").status_code == 400
    assert (
        len(client.post("/api/v1/guidance", json={"skills": ["Excel"], "limit": 2}).json["suggestions"]) == 2
    )


def test_training_topics_from_demand_counts(client, organiser):
    assert client.get("/api/v1/stats/training").status_code == 401
    for _ in range(3):
        client.post("/api/v1/matches", json={"skills": ["Excel"]})
    client.post("/api/v1/matches", json={"skills": ["Python"]})
    answer = client.get("/api/v1/stats/training?limit=3", headers=organiser)
    assert answer.status_code == 200
    topics = answer.json["topics"]
    # Excel (3 requests) is close to four positions; 数据透视表 is missing from two of them: 3 × 2/4 = 1.5,
    # and from the Python seeker's one position (SQL too): 1 × 1/1.
    assert (topics[0]["skill"], topics[0]["weight"]) == ("数据透视表", 2.5)
    assert topics[0]["asked_with"] == ["Excel", "Python"]
    assert (topics[1]["skill"], topics[1]["weight"]) == ("SQL", 1.0)
    assert answer.json["requests"] == 4
    assert client.get("/api/v1/stats/training?limit=0", headers=organiser).status_code == 422
