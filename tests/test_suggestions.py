"""A suggestion for a value close to a known one names it in Chinese too (制造业, not only manufacturing)."""

from __future__ import annotations

from tests.builders import employer, fair_doc, position


def test_a_close_industry_is_suggested_with_its_chinese_name(client, organiser):
    doc = fair_doc(employer("E01", industry="制造"))
    answer = client.post("/api/v1/fixtures?dry_run=true", json=doc, headers=organiser)
    assert answer.status_code == 422
    (message,) = answer.get_json()["errors"]["employers[0].industry"]
    assert "did you mean 'manufacturing' (制造业)?" in message


def test_education_with_its_qualifier_and_a_bracketed_note_is_read_as_its_level(client, organiser):
    written = {
        "A": ("大专（含）以上", "associate"),
        "B": ("高中/中专及以上", "high_school"),  # alternatives: the lowest is the minimum
        "C": ("本科及以上（985/211优先）", "bachelor"),
        "D": ("本科及以上学历，985/211优先", "bachelor"),
    }
    jobs = [position(pid, "会计", skills=["会计"], education=text) for pid, (text, _) in written.items()]
    answer = client.post(
        "/api/v1/fixtures?mode=replace", json=fair_doc(employer("E01", positions=jobs)), headers=organiser
    )
    assert answer.status_code == 200, answer.get_json()
    for text, level in written.values():
        answer = client.post("/api/v1/matches", json={"skills": ["会计"], "education": text})
        assert answer.status_code == 200, answer.get_json()
        results = {r["position"]["id"]: r["explanation"]["education"] for r in answer.get_json()["results"]}
        assert {pid: results[pid]["required"] for pid in written} == {p: lv for p, (_, lv) in written.items()}
        assert {r["candidate"] for r in results.values()} == {level}


def test_an_alias_suggestion_counts_the_positions_a_seeker_typing_it_gets(client, organiser):
    jobs = [
        position("A1", "会计", skills=["用友"]),
        position("A2", "财务会计", skills=["金蝶"], description="负责公司日常会计核算"),
        position("A3", "会计助理", skills=["Excel"]),
        position("B1", "普工"),
    ]
    answer = client.post(
        "/api/v1/fixtures?mode=replace", json=fair_doc(employer("E01", positions=jobs)), headers=organiser
    )
    assert answer.status_code == 200, answer.get_json()
    (suggestion,) = [
        s
        for s in client.get("/api/v1/skills/suggest?q=做账").get_json()["suggestions"]
        if s["skill"] == "会计"
    ]  # 做账 is an alias of 会计
    match = client.post("/api/v1/matches", json={"skills": [suggestion["skill"]]}).get_json()
    (echo,) = match["profile"]["skills"]
    assert echo["positions"] >= 3
    assert suggestion["positions"] == echo["positions"]
