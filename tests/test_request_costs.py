"""What hostile but valid requests cost, counted in work (not time) on the default fair: a long mixed-script
autocomplete, a long major in the positions list, the employers sorted by name, and the advice's candidates
(``bench/request_costs.py`` measures them)."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
import segno
from sqlalchemy import event

import matching.guidance
import matching.pinyin
import service.store.queries
from service.store.db import get_engine

from .conftest import DEFAULT_FIXTURE


@pytest.fixture
def client(make_app):
    return make_app(FAIR_LOAD_DEFAULT=True).test_client()


def counting(monkeypatch, module, name: str) -> list:
    calls: list = []
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_a_long_mixed_query_is_aligned_only_with_the_skills_holding_its_characters(client, monkeypatch):
    # Pinyin then Chinese: every one of the 2,000 Chinese skills and aliases was aligned with it (10 ms).
    aligned = counting(monkeypatch, matching.pinyin, "aligns")
    answer = client.get("/api/v1/skills/suggest?q=" + quote("zhang" * 19 + "会计"))
    assert answer.status_code == 200
    assert len(aligned) <= 100  # the skills holding 会 and 计, of 2,100
    aligned.clear()
    answer = client.get("/api/v1/skills/suggest?q=" + quote("kuai计"))  # still found, as before
    assert "会计" in [s["skill"] for s in answer.json["suggestions"]]
    assert 0 < len(aligned) <= 300


def test_a_long_major_is_read_against_each_major_of_the_fair_once(client, monkeypatch):
    fair = json.loads(DEFAULT_FIXTURE.read_text(encoding="utf-8"))
    positions = [p for e in fair["employers"] for p in e["positions"]]
    names = {m for p in positions for m in p.get("majors") or ()}  # some 100, in some 500 lists
    read = counting(monkeypatch, service.store.queries, "asks_for")
    answer = client.get("/api/v1/positions?major=" + quote("计算机科学与技术" * 12 + "软件工"))
    assert answer.status_code == 200
    assert len(read) <= len(names) < len(positions)
    read.clear()
    answer = client.get("/api/v1/positions?major=" + quote("会计") + "&limit=100")
    assert answer.json["total"] > 0
    assert all(any("会计" in m or "财" in m for m in item["majors"]) for item in answer.json["items"])
    assert len(read) <= len(names)


def test_employers_by_name_read_each_name_in_pinyin_once(client, monkeypatch):
    first = client.get("/api/v1/employers?sort=name&limit=100").json
    read = counting(monkeypatch, service.store.queries, "lazy_pinyin")
    again = client.get("/api/v1/employers?sort=name&limit=100").json
    assert again == first
    assert read == []  # 94 names read again for every request: 20 ms


def test_advice_searches_each_candidate_skill_once_per_fair(client, monkeypatch):
    profile = {"skills": ["Excel", "Word"], "titles": ["文员"]}
    first = client.post("/api/v1/guidance", json=profile).json
    searched = counting(monkeypatch, matching.guidance, "items_hit")
    again = client.post("/api/v1/guidance", json=profile).json
    assert again == first
    assert first["suggestions"]
    assert len(searched) == 1  # the profile's own skills; the candidates' were kept from the first request


def test_a_booth_code_is_drawn_once(client, monkeypatch):
    first = client.get("/api/v1/employers/E001/qr.svg")
    drawn = counting(monkeypatch, segno, "make")
    again = client.get("/api/v1/employers/E001/qr.svg")
    assert again.data == first.data and again.headers["X-QR-Target"] == first.headers["X-QR-Target"]
    assert drawn == []  # 10 ms a request, the same drawing each time
    other = client.get("/api/v1/employers/E001/qr.svg", base_url="http://fair.example.cn")
    assert other.headers["X-QR-Target"] == "http://fair.example.cn/#employer/E001"
    assert len(drawn) == 1 and other.data != first.data


def test_batches_and_pushes_count_their_candidates_against_a_budget(make_app, organiser):
    # A batch or a push was one request of the 3,000 a minute: 50 batches of 1,000 candidates a second
    # (up to 14 s of ranking each) or 20 pushes of 100,000 from one address; a push refused only after its
    # 100,000 candidates are checked costs 5 s of CPU, so a refused body counts too.
    client = make_app(RATELIMIT_CANDIDATES="5 per hour").test_client()
    twice = {"candidates": [{"id": "x", "skills": ["Excel"]}] * 4}
    invalid = client.post("/api/v1/matches/batch", json=twice)
    assert invalid.status_code == 422  # two candidates under one id: 4 of the 5 spent
    assert client.post("/api/v1/pushes", json={"candidates": [{"id": "c1"}]}).status_code == 202
    three = {"candidates": [{"id": f"c{n}", "skills": ["Excel"]} for n in range(3)]}
    over = client.post("/api/v1/matches/batch", json=three)
    assert over.status_code == 429
    assert over.json["code"] == 429 and "candidates" in over.json["errors"]
    assert int(over.headers["Retry-After"]) > 0
    assert client.post("/api/v1/pushes", json={"candidates": [{"id": "c1"}]}).status_code == 429
    assert client.post("/api/v1/matches", json={"skills": ["Excel"]}).status_code == 200  # one seeker: no
    assert client.post("/api/v1/matches/batch", json=three, headers=organiser).status_code == 200
    assert client.post("/api/v1/pushes", json=three, headers=organiser).status_code == 202


def test_the_fair_is_summed_up_once_per_data_version(client, monkeypatch, organiser):
    first = client.get("/api/v1/fair").json
    summed = counting(monkeypatch, service.store.queries, "_summary")
    assert client.get("/api/v1/fair").json == first
    assert summed == []  # 3,100 positions read again for every request: 20 ms
    fair = json.loads(DEFAULT_FIXTURE.read_text(encoding="utf-8"))
    fair["employers"] = fair["employers"][:3]
    assert client.post("/api/v1/fixtures?mode=replace", json=fair, headers=organiser).status_code == 200
    after = client.get("/api/v1/fair").json
    assert after["counts"]["employers"] == 3 and first["counts"]["employers"] == 94
    assert len(summed) == 1


def test_a_title_search_reads_the_titles_once(make_app):
    app = make_app(FAIR_LOAD_DEFAULT=True)
    client = app.test_client()
    statements: list[str] = []
    listen = lambda conn, cursor, statement, *rest: statements.append(statement)  # noqa: E731
    event.listen(get_engine(app), "before_cursor_execute", listen)
    answer = client.get("/api/v1/positions?q=" + quote("普工") + "&offset=20").json
    event.remove(get_engine(app), "before_cursor_execute", listen)
    assert answer["total"] > 40 and len(answer["items"]) == 20
    words = service.store.queries._search_terms("普工", titles=True)
    assert all(any(w.lower() in item["title"].lower() for w in words) for item in answer["items"])
    # 普工 and its synonyms are 23 words, each searched in every title: counted, then paged, that was twice.
    searching = [s for s in statements if "LIKE" in s.upper() and " IN (" not in s.upper()]
    assert len(searching) == 1 and "count(" not in searching[0].lower()


@pytest.mark.parametrize("url", ["/api/v1/matches", "/api/v1/guidance", "/api/v1/matches/batch"])
def test_an_object_of_thousands_of_unknown_keys_names_the_first_twenty(make_app, url):
    client = make_app().test_client()
    body = "{" + ",".join(f'"k{n}":0' for n in range(5000)) + "}"  # 64 KB: each key named was 134 KB
    answer = client.post(url, data=body, content_type="application/json")
    assert answer.status_code == 422
    unknown = {k: v for k, v in answer.json["errors"].items() if v == ["Unknown field."]}
    assert list(unknown) == [f"k{n}" for n in range(20)]
    assert answer.json["errors"]["_schema"] == ["5,000 unknown fields; the first 20 are named."]
    few = client.post(url, json={"k": 1, "j": 2})
    assert few.status_code == 422 and few.json["errors"]["k"] == few.json["errors"]["j"] == ["Unknown field."]


def test_a_candidate_of_thousands_of_unknown_keys_names_the_first_twenty(make_app):
    client = make_app().test_client()
    candidate = {"id": "a", **{f"k{n}": 0 for n in range(3000)}}
    answer = client.post("/api/v1/matches/batch", json={"candidates": [candidate]})
    assert answer.status_code == 422
    assert len(answer.json["errors"]) == 21
    assert answer.json["errors"]["candidates[0]"] == ["3,000 unknown fields; the first 20 are named."]


def test_the_budget_of_candidates_is_set_from_the_environment(make_app, monkeypatch):
    monkeypatch.setenv("RATELIMIT_CANDIDATES", "2 per hour")
    client = make_app().test_client()
    two = {"candidates": [{"id": "a"}, {"id": "b"}]}
    assert client.post("/api/v1/matches/batch", json=two).status_code == 200
    assert client.post("/api/v1/matches/batch", json=two).status_code == 429
