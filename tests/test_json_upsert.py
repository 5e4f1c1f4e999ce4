"""A JSON upsert replaces each listed employer and position whole: an absent optional field takes its default;
what the document does not list is kept. (A spreadsheet's blank cells keep stored values instead.)"""

from __future__ import annotations

from .builders import employer, fair_doc, position, small_fair

URL = "/api/v1/fixtures"


def test_an_absent_optional_field_takes_its_default(client, organiser):
    stored = small_fair()
    stored["employers"][0]["description"] = "老牌电子企业"
    stored["employers"][0]["positions"][0].update(majors=["电子信息工程"], benefits=["包住"], description="x")
    assert client.post(f"{URL}?mode=replace", json=stored, headers=organiser).status_code == 200
    # E01 and its first position listed with only what is required (and the employer's own columns)
    bare = employer(
        "E01", "桂林漓江电子科技有限公司", booth="A-02", positions=[position("E01-P01", "电子工艺工程师")]
    )
    del bare["booth"]
    answer = client.post(f"{URL}?mode=upsert", json=fair_doc(bare), headers=organiser)
    assert answer.status_code == 200, answer.get_json()
    got = client.get("/api/v1/employers/E01").get_json()
    assert (got["booth"], got["description"]) == (None, None)
    first = client.get("/api/v1/positions/E01-P01").get_json()
    assert first["skills"] == [] and first["majors"] == [] and first["benefits"] == []
    assert (first["education"], first["openings"], first["description"]) == ("none", 1, None)
    assert (first["salary_min"], first["salary_max"], first["salary_text"]) == (None, None, None)
    assert first["industry"] == "manufacturing"  # a position's industry defaults to its employer's
    # what the document does not list stays: E01's other position and the other employers
    assert [p["id"] for p in got["positions"]] == ["E01-P01", "E01-P02"]
    assert client.get("/api/v1/fair").get_json()["counts"]["employers"] == 3


def test_the_openapi_document_says_so(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    params = {p["name"]: p for p in spec["paths"]["/api/v1/fixtures"]["post"]["parameters"]}
    text = params["mode"]["description"]
    assert "absent" in text and "default" in text and "blank" in text
