"""The read API: the fair with its counts, industries, employers and positions with filters and paging."""

from __future__ import annotations

import pytest

from .builders import employer, fair_doc, position, small_fair


@pytest.fixture
def loaded(client, organiser):
    assert (
        client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=organiser).status_code == 200
    )
    return client


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_fair_counts_by_ownership_and_industry(loaded):
    fair = loaded.get("/api/v1/fair").get_json()
    assert fair["id"] == "test-fair" and fair["district"] == "七星区"
    counts = fair["counts"]
    assert (counts["employers"], counts["positions"], counts["openings"]) == (3, 5, 27)
    assert counts["by_ownership"]["state_owned"] == {"employers": 1, "positions": 1, "openings": 1}
    assert counts["by_ownership"]["private"]["openings"] == 23
    assert counts["by_industry"]["software_it"] == {"employers": 0, "positions": 1, "openings": 1}
    assert counts["by_industry"]["education"]["positions"] == 1
    assert set(counts["by_industry"]) >= {"manufacturing", "real_estate", "wholesale_retail", "ecommerce"}


def test_no_fair_is_404(client):
    response = client.get("/api/v1/fair")
    assert response.status_code == 404
    assert response.get_json()["code"] == 404


def test_industries_list_the_six_first_with_gb_anchors(loaded):
    rows = loaded.get("/api/v1/industries").get_json()
    assert [r["key"] for r in rows[:6]] == [
        "manufacturing", "real_estate", "wholesale_retail", "software_it", "education", "ecommerce",
    ]  # fmt: skip
    by_key = {r["key"]: r for r in rows}
    assert by_key["software_it"]["gb"][0] == "I65" and by_key["software_it"]["zh"] == "软件和信息技术服务业"
    assert by_key["ecommerce"]["gb"] == ["F5292", "I643"]
    assert by_key["manufacturing"]["positions"] == 2
    assert all(r["core"] for r in rows[:6]) and not any(r["core"] for r in rows[6:])


def test_employers_are_listed_by_booth_with_filters(loaded):
    body = loaded.get("/api/v1/employers").get_json()
    assert body["total"] == 3
    assert [e["booth"] for e in body["items"]] == ["A-02", "A-10", "B-01"]
    assert body["items"][0]["position_count"] == 2
    only_state = loaded.get("/api/v1/employers?ownership=国企").get_json()
    assert [e["id"] for e in only_state["items"]] == ["E02"]
    assert loaded.get("/api/v1/employers?industry=education,real_estate").get_json()["total"] == 2
    assert loaded.get("/api/v1/employers?q=漓江").get_json()["total"] == 1


def test_employers_sort_by_pinyin_name(client, organiser):
    doc = fair_doc(employer("E01", "中山商贸"), employer("E02", "安达物流"), employer("E03", "桂林电子"))
    client.post("/api/v1/fixtures", json=doc, headers=organiser)
    names = [e["name"] for e in client.get("/api/v1/employers?sort=name").get_json()["items"]]
    assert names == ["安达物流", "桂林电子", "中山商贸"]


def test_employer_detail_with_positions_and_404(loaded):
    body = loaded.get("/api/v1/employers/E01").get_json()
    assert body["name"] == "桂林漓江电子科技有限公司"
    assert [p["id"] for p in body["positions"]] == ["E01-P01", "E01-P02"]
    assert body["positions"][0]["employer"]["booth"] == "A-02"
    missing = loaded.get("/api/v1/employers/NOPE")
    assert missing.status_code == 404 and "NOPE" in missing.get_json()["message"]


def test_positions_filters(loaded):
    def ids(query: str) -> list[str]:
        return [p["id"] for p in loaded.get(f"/api/v1/positions?{query}").get_json()["items"]]

    assert ids("industry=manufacturing") == ["E01-P01", "E01-P02"]
    assert ids("ownership=state_owned") == ["E02-P01"]
    assert ids("education=associate") == ["E01-P01", "E01-P02", "E02-P01"]  # nothing asking for a bachelor's
    assert ids("min_salary=7200") == ["E01-P02", "E02-P01", "E03-P02"]  # negotiable pay stays in
    assert ids("employer=E03") == ["E03-P01", "E03-P02"]
    assert ids("q=普工") == ["E01-P02"]
    assert ids("q=編程") == ["E03-P02"]  # traditional characters find simplified titles


def test_a_title_search_ignores_case_and_full_width(client, organiser):
    doc = fair_doc(
        employer(
            "E01",
            "桂林漓江软件有限公司",
            positions=[position("P1", "Java开发工程师"), position("P2", "UI设计师"), position("P3", "会计")],
        )
    )
    assert client.post("/api/v1/fixtures?mode=replace", json=doc, headers=organiser).status_code == 200

    def ids(q: str) -> list[str]:
        return [p["id"] for p in client.get("/api/v1/positions", query_string={"q": q}).get_json()["items"]]

    assert ids("java") == ids("JAVA") == ids("ＪＡＶＡ") == ["P1"]  # on PostgreSQL too, where LIKE minds case
    assert ids("ｕｉ设计") == ["P2"]
    assert client.get("/api/v1/employers", query_string={"q": "漓江"}).get_json()["total"] == 1


def test_percent_and_underscore_in_a_search_are_searched_as_written(client, organiser):
    # LIKE reads % and _ as wildcards: q=% listed every position and every employer, q=100% any title with
    # 100 in it.
    doc = fair_doc(
        employer(
            "E01",
            "桂林漓江软件有限公司",
            positions=[position("P1", "销售代表 底薪+100%提成"), position("P2", "销售代表 1000元"),
                       position("P3", "UI_设计师"), position("P4", "UI设计师")],
        ),
        employer("E02", "100%靠谱人力资源", positions=[position("P5", "招聘专员")]),
    )  # fmt: skip
    assert client.post("/api/v1/fixtures?mode=replace", json=doc, headers=organiser).status_code == 200

    def ids(q: str) -> list[str]:
        return [p["id"] for p in client.get("/api/v1/positions", query_string={"q": q}).get_json()["items"]]

    def employers(q: str) -> list[str]:
        return [e["id"] for e in client.get("/api/v1/employers", query_string={"q": q}).get_json()["items"]]

    assert ids("%") == ids("100%") == ["P1"]
    assert ids("_") == ["P3"]
    assert ids("UI") == ["P3", "P4"] and ids("100") == ["P1", "P2"]
    assert employers("%") == employers("100%") == ["E02"]
    assert employers("_") == []


def test_a_title_search_finds_the_job_under_its_other_names(client, organiser):
    doc = fair_doc(
        employer(
            "E01",
            "七星区阳光幼儿园",
            positions=[
                position("P1", "幼儿教师（小班）"),
                position("P2", "小学数学教师"),
                position("P3", "保育员"),
            ],
        )
    )
    assert client.post("/api/v1/fixtures?mode=replace", json=doc, headers=organiser).status_code == 200
    found = client.get("/api/v1/positions", query_string={"q": "幼师"}).get_json()["items"]
    assert [p["id"] for p in found] == ["P1"]  # 幼师 is 幼儿教师 (data/title_synonyms.json), no 小学 teacher


def test_positions_paging_states_the_total(loaded):
    page = loaded.get("/api/v1/positions?limit=2&offset=2").get_json()
    assert (page["total"], page["limit"], page["offset"]) == (5, 2, 2)
    assert [p["id"] for p in page["items"]] == ["E02-P01", "E03-P01"]


@pytest.mark.parametrize(
    "query",
    ["limit=0", "limit=101", "offset=-1", "offset=99999999999999999999", "industry=天文", "education=小学"],
)
def test_bad_query_is_422_with_its_field(loaded, query):
    response = loaded.get(f"/api/v1/positions?{query}")
    assert response.status_code == 422
    field = f"query.{query.split('=')[0]}"
    assert any(path.startswith(field) for path in response.get_json()["errors"])


POSITION_FILTERS = ("industry", "ownership", "education", "min_salary", "employer", "q", "benefits", "major",
                    "include_open_majors", "sort", "limit", "offset")  # fmt: skip


@pytest.mark.parametrize("name", POSITION_FILTERS)
def test_an_empty_position_filter_is_no_filter(loaded, name):
    """An HTML form sends its unset fields empty (`education=`): each is read as absent."""
    bare = loaded.get("/api/v1/positions").get_json()
    for value in ("", " "):
        response = loaded.get("/api/v1/positions", query_string={name: value})
        assert response.status_code == 200, (name, response.get_json())
        assert response.get_json() == bare


def test_empty_query_parameters_are_absent_on_every_list(loaded, organiser):
    every = "&".join(f"{name}=" for name in POSITION_FILTERS)
    assert loaded.get(f"/api/v1/positions?{every}").get_json() == loaded.get("/api/v1/positions").get_json()
    empty_then_set = loaded.get("/api/v1/positions?industry=&industry=manufacturing").get_json()
    assert [p["id"] for p in empty_then_set["items"]] == ["E01-P01", "E01-P02"]
    lists = {"/api/v1/employers": "ownership=&industry=&q=&sort=&limit=&offset=",
             "/api/v1/fixtures/history": "limit=", "/api/v1/stats/demand": "limit=",
             "/api/v1/stats/training": "limit="}  # fmt: skip
    for path, query in lists.items():
        answer = loaded.get(f"{path}?{query}", headers=organiser)
        assert answer.status_code == 200, (path, answer.get_json())
        assert answer.get_json() == loaded.get(path, headers=organiser).get_json(), path
    # A write's query is read as sent: an empty dry_run is no "false".
    refused = loaded.post("/api/v1/fixtures?dry_run=", json=small_fair(), headers=organiser)
    assert refused.status_code == 422 and "query.dry_run" in refused.get_json()["errors"]


def test_position_detail_and_404(loaded):
    body = loaded.get("/api/v1/positions/E02-P01").get_json()
    assert body["title"] == "置业顾问"
    assert body["employer"] == {"id": "E02", "name": "桂林七星投资集团有限公司", "ownership": "state_owned",
                                "booth": "A-10"}  # fmt: skip
    assert loaded.get("/api/v1/positions/NOPE").status_code == 404


def test_position_without_salary_is_negotiable(client, organiser):
    client.post(
        "/api/v1/fixtures", json=fair_doc(employer("E01", positions=[position("P1")])), headers=organiser
    )
    body = client.get("/api/v1/positions/P1").get_json()
    assert body["salary_min"] is None and body["salary_max"] is None and body["openings"] == 1
