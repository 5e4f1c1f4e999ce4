"""Loading and exporting fixture documents through the HTTP API."""

from __future__ import annotations

import copy

import pytest

from .builders import employer, fair_doc, position, small_fair

URL = "/api/v1/fixtures"


def load(client, doc, headers, **query):
    params = "&".join(f"{k}={v}" for k, v in query.items())
    return client.post(f"{URL}?{params}" if params else URL, json=doc, headers=headers)


def export(client, headers):
    response = client.get(f"{URL}/export", headers=headers)
    assert response.status_code == 200
    return response.get_json()


def test_replace_creates_everything_and_reports_counts(client, organiser):
    response = load(client, small_fair(), organiser, mode="replace")
    assert response.status_code == 200
    body = response.get_json()
    assert body["employers"] == {"created": 3, "updated": 0, "deleted": 0, "unchanged": 0}
    assert body["positions"]["created"] == 5
    assert body["dry_run"] is False
    fair = client.get("/api/v1/fair").get_json()
    assert fair["counts"]["employers"] == 3
    assert fair["counts"]["positions"] == 5


def test_labels_are_stored_as_keys(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    e02 = client.get("/api/v1/employers/E02").get_json()
    assert (e02["ownership"], e02["industry"]) == ("state_owned", "real_estate")
    assert e02["positions"][0]["education"] == "associate"
    e03 = client.get("/api/v1/employers/E03").get_json()
    assert (e03["ownership"], e03["industry"]) == ("education_training", "education")
    # a position without an industry takes its employer's; one with its own keeps it
    by_id = {p["id"]: p for p in e03["positions"]}
    assert by_id["E03-P01"]["industry"] == "education"
    assert by_id["E03-P02"]["industry"] == "software_it"


CONTRACT_LABELS = [
    ("ownership", "国有企业", "state_owned"), ("ownership", "国企", "state_owned"),
    ("ownership", "民营企业", "private"), ("ownership", "民企", "private"),
    ("ownership", "教育培训", "education_training"),
    ("education", "不限", "none"), ("education", "初中", "junior_high"), ("education", "高中", "high_school"),
    ("education", "中专", "secondary_vocational"), ("education", "中职", "secondary_vocational"),
    ("education", "中专/中职", "secondary_vocational"), ("education", "大专", "associate"),
    ("education", "本科", "bachelor"), ("education", "硕士", "master"), ("education", "研究生", "master"),
    ("education", "硕士/研究生", "master"), ("education", "博士", "doctorate"),
    ("industry", "制造业", "manufacturing"), ("industry", "房地产业", "real_estate"),
    ("industry", "批发和零售业", "wholesale_retail"), ("industry", "软件和信息技术服务业", "software_it"),
    ("industry", "教育", "education"), ("industry", "电子商务", "ecommerce"),
    ("industry", "I643", "ecommerce"),
]  # fmt: skip


@pytest.mark.parametrize(("field", "label", "key"), CONTRACT_LABELS)
def test_every_label_the_contract_names_is_stored_as_its_key(client, organiser, field, label, key):
    pos = position("P1", **({"education": label} if field == "education" else {}))
    emp = employer("E01", positions=[pos], **({field: label} if field != "education" else {}))
    assert load(client, fair_doc(emp), organiser).status_code == 200
    stored = client.get("/api/v1/positions/P1").get_json()
    value = (
        stored["education"] if field == "education" else client.get("/api/v1/employers/E01").get_json()[field]
    )
    assert value == key


def test_gb_codes_map_to_fair_industries(client, organiser):
    doc = fair_doc(
        employer(
            "E01",
            industry="C39",
            positions=[position("P1", industry="F5292"), position("P2", industry="I64")],
        ),
        employer("E02", industry="65"),
    )
    assert load(client, doc, organiser).status_code == 200
    positions = {p["id"]: p["industry"] for p in client.get("/api/v1/positions").get_json()["items"]}
    assert positions == {"P1": "ecommerce", "P2": "software_it"}
    assert client.get("/api/v1/employers/E01").get_json()["industry"] == "manufacturing"
    assert client.get("/api/v1/employers/E02").get_json()["industry"] == "software_it"


def test_skills_are_kept_exactly_as_written_in_order(client, organiser):
    skills = ["ＥＸＣＥＬ", "Spring Boot", "會計", "c++"]
    load(client, fair_doc(employer("E01", positions=[position("P1", skills=skills)])), organiser)
    assert client.get("/api/v1/positions/P1").get_json()["skills"] == skills


def test_many_errors_are_all_reported_at_their_paths_and_nothing_changes(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    before = export(client, organiser)
    version = client.get("/api/v1/fair").get_json()["data_version"]
    bad = small_fair()
    bad["employers"][0]["positions"][0]["salary_min"] = 9000  # above its maximum of 7000
    bad["employers"][1]["industry"] = "制造"
    bad["employers"][1]["ownership"] = "外企"
    bad["employers"][2]["name"] = "   "
    bad["employers"][2]["positions"][1]["openings"] = 0
    bad["employers"][2]["positions"][0]["education"] = "幼儿园"
    bad["employers"][0]["positions"][1]["id"] = "E01-P01"
    bad["employers"][0]["positions"][1]["skills"] = ["x" * 101]
    response = load(client, bad, organiser, mode="replace")
    assert response.status_code == 422
    body = response.get_json()
    assert body["code"] == 422 and body["status"] == "Unprocessable Entity"
    errors = body["errors"]
    assert "employers[0].positions[0].salary_max" in errors
    assert "manufacturing" in errors["employers[1].industry"][0]  # the suggestion
    assert "employers[1].ownership" in errors
    assert "employers[2].name" in errors
    assert "employers[2].positions[1].openings" in errors
    assert "employers[2].positions[0].education" in errors
    assert "employers[0].positions[1].id" in errors and "employers[0].positions[0].id" in errors
    assert "employers[0].positions[1].skills[0]" in errors
    assert export(client, organiser) == before
    assert client.get("/api/v1/fair").get_json()["data_version"] == version


def test_an_id_with_a_slash_no_url_could_name_is_422_at_its_path(client, organiser):
    doc = fair_doc(
        employer("E/01", positions=[position("E01-P01")]), employer("E02", positions=[position("P/1")])
    )
    response = load(client, doc, organiser, mode="replace")
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert set(errors) == {"employers[0].id", "employers[1].positions[0].id"}
    assert "'/'" in errors["employers[0].id"][0]
    assert export(client, organiser)["employers"] == []


def test_dry_run_counts_and_writes_nothing(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    before = export(client, organiser)
    doc = small_fair()
    doc["employers"].pop()  # E03 and its two positions would go
    doc["employers"][0]["positions"][0]["openings"] = 9
    doc["employers"].append(employer("E09", positions=[position("E09-P01")]))
    response = load(client, doc, organiser, mode="replace", dry_run="true")
    assert response.status_code == 200
    body = response.get_json()
    assert body["dry_run"] is True
    assert body["employers"] == {"created": 1, "updated": 0, "deleted": 1, "unchanged": 2}
    assert body["positions"] == {"created": 1, "updated": 1, "deleted": 2, "unchanged": 2}
    assert export(client, organiser) == before


def test_an_unknown_parameter_is_a_422_naming_it_and_loads_nothing(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    before = export(client, organiser)
    response = load(client, fair_doc(employer("E09")), organiser, mode="replace", dryrun="true")
    assert response.status_code == 422
    assert "dry_run" in response.get_json()["errors"]["query.dryrun"][0]
    assert export(client, organiser) == before


def test_upsert_creates_and_updates_but_deletes_nothing(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    doc = fair_doc(
        employer("E01", "桂林漓江电子科技有限公司", booth="A-02",
                 positions=[position("E01-P01", "电子工艺工程师（急聘）", openings=5)]),
        employer("E04", positions=[position("E04-P01", "仓管员")]),
    )  # fmt: skip
    response = load(client, doc, organiser)  # upsert is the default
    assert response.status_code == 200
    body = response.get_json()
    assert body["employers"]["created"] == 1 and body["employers"]["deleted"] == 0
    assert body["positions"]["created"] == 1 and body["positions"]["updated"] == 1
    assert client.get("/api/v1/positions/E01-P01").get_json()["openings"] == 5
    assert client.get("/api/v1/positions/E03-P02").status_code == 200
    assert client.get("/api/v1/fair").get_json()["counts"]["positions"] == 6


def test_replace_removes_what_the_document_leaves_out(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    doc = small_fair()
    doc["employers"] = doc["employers"][:1]
    body = load(client, doc, organiser, mode="replace").get_json()
    assert body["employers"]["deleted"] == 2 and body["positions"]["deleted"] == 3
    assert client.get("/api/v1/employers/E02").status_code == 404
    assert client.get("/api/v1/positions/E03-P01").status_code == 404


def test_replace_export_load_round_trip_is_identical(client, organiser):
    doc = small_fair()
    doc["employers"][0]["contact"] = {"person": "李经理"}  # unknown fields survive too
    load(client, doc, organiser, mode="replace")
    first = export(client, organiser)
    assert first["employers"][0]["contact"] == {"person": "李经理"}
    again = load(client, copy.deepcopy(first), organiser, mode="replace").get_json()
    assert again["positions"]["updated"] == 0 and again["positions"]["unchanged"] == 5
    assert export(client, organiser) == first


def test_every_load_that_changes_something_changes_the_data_version(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    v1 = client.get("/api/v1/fair").get_json()["data_version"]
    same = load(client, small_fair(), organiser).get_json()
    assert same["changed"] is False and same["data_version"] == v1  # nothing changed: no new version
    assert client.get("/api/v1/fair").get_json()["data_version"] == v1
    doc = small_fair()
    doc["employers"][0]["booth"] = "Z-99"
    assert load(client, doc, organiser).get_json()["changed"] is True
    assert client.get("/api/v1/fair").get_json()["data_version"] > v1


def test_upsert_of_another_fair_is_refused(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    response = load(client, fair_doc(employer("E01"), fair_id="other"), organiser)
    assert response.status_code == 422
    assert "fair.id" in response.get_json()["errors"]


def test_organiser_endpoints_need_the_token(client, organiser):
    doc = small_fair()
    assert client.post(URL, json=doc).status_code == 401
    assert client.post(URL, json=doc).headers["WWW-Authenticate"].startswith("Bearer")
    assert client.post(URL, json=doc, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert client.get(f"{URL}/export").status_code == 401
    assert client.get(f"{URL}/export", headers={"Authorization": "Bearer nope"}).status_code == 403
    assert client.get("/api/v1/fair").status_code == 404  # nothing was loaded


def test_without_a_configured_token_organiser_endpoints_answer_403(make_app, organiser):
    client = make_app(FAIR_ADMIN_TOKEN=None).test_client()
    response = client.post(URL, json=small_fair(), headers=organiser)
    assert response.status_code == 403
    assert "FAIR_ADMIN_TOKEN" in response.get_json()["message"]
    assert client.get(f"{URL}/export", headers=organiser).status_code == 403


def test_malformed_json_is_400(client, organiser):
    response = client.post(URL, data='{"fair": ', headers={**organiser, "Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.get_json()["message"] == "The request body is not valid JSON."


def test_a_document_that_is_not_an_object_is_422(client, organiser):
    response = client.post(URL, json=[1, 2], headers=organiser)
    assert response.status_code == 422


def test_wrong_media_type_is_415(client, organiser):
    response = client.post(URL, data="fair", headers={**organiser, "Content-Type": "text/plain"})
    assert response.status_code == 415


def test_oversize_body_is_413(make_app, organiser):
    client = make_app(MAX_CONTENT_LENGTH=2_000).test_client()
    doc = fair_doc(
        employer("E01", positions=[position(f"P{i}", description="很长的描述" * 20) for i in range(40)])
    )
    response = client.post(URL, json=doc, headers=organiser)
    assert response.status_code == 413
    assert response.get_json()["code"] == 413


def test_numbers_beyond_any_column_are_422(client, organiser):
    doc = fair_doc(employer("E01", positions=[position("P1", openings=10**12, salary_max=10**15)]))
    response = load(client, doc, organiser)
    assert response.status_code == 422
    assert {"employers[0].positions[0].openings", "employers[0].positions[0].salary_max"} <= set(
        response.get_json()["errors"]
    )


def test_bad_mode_is_422(client, organiser):
    response = load(client, small_fair(), organiser, mode="merge")
    assert response.status_code == 422
    assert "query.mode" in response.get_json()["errors"]
