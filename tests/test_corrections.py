"""Correcting one employer or position: PUT creates or replaces, PATCH changes some fields, DELETE removes."""

from __future__ import annotations

import io

import pytest

from .builders import small_fair

EMPLOYERS = "/api/v1/employers"
POSITIONS = "/api/v1/positions"


@pytest.fixture
def fair_client(client, organiser):
    assert (
        client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=organiser).status_code == 200
    )
    return client


def version(client) -> int:
    return client.get("/api/v1/fair").get_json()["data_version"]


def latest_record(client, organiser) -> dict:
    return client.get("/api/v1/fixtures/history?limit=1", headers=organiser).get_json()["items"][0]


def test_put_creates_an_employer_with_its_positions(fair_client, organiser):
    v = version(fair_client)
    body = {
        "name": "桂林电商产业园有限公司", "ownership": "民企", "industry": "电子商务", "booth": "C-01",
        "positions": [{"id": "E09-P01", "title": "直播运营", "skills": ["抖音运营"], "salary_min": 5000,
                       "salary_max": 9000, "education": "大专"}],
    }  # fmt: skip
    response = fair_client.put(f"{EMPLOYERS}/E09", json=body, headers={**organiser, "X-Organiser": "李四"})
    assert response.status_code == 201
    out = response.get_json()
    assert (out["id"], out["ownership"], out["industry"]) == ("E09", "private", "ecommerce")
    assert out["positions"][0]["industry"] == "ecommerce" and out["positions"][0]["education"] == "associate"
    assert out["data_version"] == v + 1 == version(fair_client)
    record = latest_record(fair_client, organiser)
    assert (record["source"], record["mode"], record["filename"], record["actor"]) == (
        "correction", "put", "employers/E09", "李四",
    )  # fmt: skip
    assert record["counts"]["employers"]["created"] == 1 and record["counts"]["positions"]["created"] == 1


def test_put_replaces_an_employer_and_keeps_its_positions_unless_given(fair_client, organiser):
    body = {"name": "桂林漓江电子（集团）有限公司", "ownership": "国企", "industry": "C39"}
    response = fair_client.put(f"{EMPLOYERS}/E01", json=body, headers=organiser)
    assert response.status_code == 200
    out = response.get_json()
    assert out["booth"] is None  # a PUT replaces: what it leaves out is gone
    assert [p["id"] for p in out["positions"]] == ["E01-P01", "E01-P02"]
    body["positions"] = [
        {"id": "E01-P02", "title": "普工", "openings": 30},
        {"id": "E01-P09", "title": "质检员"},
    ]
    out = fair_client.put(f"{EMPLOYERS}/E01", json=body, headers=organiser).get_json()
    assert [p["id"] for p in out["positions"]] == ["E01-P02", "E01-P09"]
    assert fair_client.get(f"{POSITIONS}/E01-P01").status_code == 404
    assert latest_record(fair_client, organiser)["counts"]["positions"] == {
        "created": 1,
        "updated": 1,
        "deleted": 1,
    }


def test_put_of_an_employer_cannot_take_another_employers_position(fair_client, organiser):
    body = {
        "name": "x",
        "ownership": "民企",
        "industry": "制造业",
        "positions": [{"id": "E02-P01", "title": "y"}],
    }
    response = fair_client.put(f"{EMPLOYERS}/E01", json=body, headers=organiser)
    assert response.status_code == 422
    assert "E02" in response.get_json()["errors"]["positions[0].id"][0]


def test_patch_changes_only_the_given_fields(fair_client, organiser):
    v = version(fair_client)
    response = fair_client.patch(
        f"{EMPLOYERS}/E02", json={"booth": "A-11", "extra": {"contact": "王经理"}}, headers=organiser
    )
    assert response.status_code == 200
    out = response.get_json()
    assert (out["booth"], out["name"], out["ownership"]) == (
        "A-11",
        "桂林七星投资集团有限公司",
        "state_owned",
    )
    exported = fair_client.get("/api/v1/fixtures/export", headers=organiser).get_json()["employers"][1]
    assert exported["contact"] == "王经理"  # fields of one's own are kept, as in a fixture
    assert version(fair_client) == v + 1
    position = fair_client.patch(f"{POSITIONS}/E01-P01", json={"salary_max": 8000, "education": "本科"},
                                 headers=organiser).get_json()  # fmt: skip
    assert (position["salary_min"], position["salary_max"], position["education"]) == (5000, 8000, "bachelor")
    assert position["skills"] == ["SMT工艺", "AutoCAD"] and position["openings"] == 3


def test_patch_can_move_a_position_to_another_employer(fair_client, organiser):
    out = fair_client.patch(f"{POSITIONS}/E01-P02", json={"employer_id": "E02"}, headers=organiser).get_json()
    assert out["employer"]["id"] == "E02"
    assert [p["id"] for p in fair_client.get(f"{EMPLOYERS}/E02").get_json()["positions"]] == [
        "E02-P01",
        "E01-P02",
    ]


def test_put_creates_and_replaces_a_position(fair_client, organiser):
    body = {"employer_id": "E03", "title": "少儿美术老师", "skills": ["素描", "水彩"], "salary_min": 4000}
    response = fair_client.put(f"{POSITIONS}/E03-P03", json=body, headers=organiser)
    assert response.status_code == 201
    assert response.get_json()["industry"] == "education"  # its employer's
    again = fair_client.put(f"{POSITIONS}/E03-P03", json={**body, "title": "美术老师"}, headers=organiser)
    assert again.status_code == 200 and again.get_json()["title"] == "美术老师"
    assert fair_client.get("/api/v1/fair").get_json()["counts"]["positions"] == 6


def test_rankings_follow_a_correction_at_once(fair_client, organiser):
    v = version(fair_client)
    fair_client.patch(f"{POSITIONS}/E03-P02", json={"title": "Python少儿编程讲师"}, headers=organiser)
    assert version(fair_client) == v + 1  # every worker's ranking index rebuilds on a new data version
    assert fair_client.get(f"{POSITIONS}?q=Python").get_json()["items"][0]["id"] == "E03-P02"


def test_delete_removes_an_employer_with_its_positions(fair_client, organiser):
    v = version(fair_client)
    response = fair_client.delete(f"{EMPLOYERS}/E01", headers=organiser)
    assert response.status_code == 200
    out = response.get_json()
    assert (out["employers"], out["positions"], out["data_version"]) == (1, 2, v + 1)
    assert out["dry_run"] is False and out["changes"]["positions"]["deleted"] == ["E01-P01", "E01-P02"]
    assert fair_client.get(f"{EMPLOYERS}/E01").status_code == 404
    assert fair_client.get(f"{POSITIONS}/E01-P02").status_code == 404
    assert fair_client.delete(f"{POSITIONS}/E02-P01", headers=organiser).get_json()["positions"] == 1
    counts = fair_client.get("/api/v1/fair").get_json()["counts"]
    assert (counts["employers"], counts["positions"]) == (2, 2)
    assert latest_record(fair_client, organiser)["mode"] == "delete"


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("patch", f"{EMPLOYERS}/E99"),
        ("delete", f"{EMPLOYERS}/E99"),
        ("patch", f"{POSITIONS}/P99"),
        ("delete", f"{POSITIONS}/P99"),
    ],
)
def test_unknown_ids_are_404_and_change_nothing(fair_client, organiser, method, url):
    v = version(fair_client)
    response = getattr(fair_client, method)(
        url,
        json={"name" if "employers" in url else "title": "x"} if method == "patch" else None,
        headers=organiser,
    )
    assert response.status_code == 404
    assert response.get_json()["code"] == 404
    assert version(fair_client) == v


@pytest.mark.parametrize(
    ("method", "url", "body", "path"),
    [
        ("put", f"{EMPLOYERS}/E01", {"ownership": "民企", "industry": "制造业"}, "name"),
        ("put", f"{EMPLOYERS}/E01", {"name": "x", "ownership": "外企", "industry": "制造业"}, "ownership"),
        (
            "put",
            f"{EMPLOYERS}/E01",
            {"id": "E02", "name": "x", "ownership": "民企", "industry": "制造业"},
            "id",
        ),
        (
            "put",
            f"{EMPLOYERS}/E01",
            {
                "name": "x",
                "ownership": "民企",
                "industry": "制造业",
                "positions": [{"id": "E01/P9", "title": "x"}],
            },
            "positions.0.id",
        ),
        ("patch", f"{EMPLOYERS}/E01", {"industry": "制造"}, "industry"),
        ("patch", f"{EMPLOYERS}/E01", {"positions": []}, "positions"),
        ("put", f"{POSITIONS}/P9", {"title": "x"}, "employer_id"),
        ("put", f"{POSITIONS}/P9", {"title": "x", "employer_id": "E99"}, "employer_id"),
        ("put", f"{POSITIONS}/P9", {"title": "x", "employer_id": "E01", "openings": 0}, "openings"),
        ("patch", f"{POSITIONS}/E01-P01", {"salary_min": 9000}, "salary_max"),
        ("patch", f"{POSITIONS}/E01-P01", {"skills": ["x" * 101]}, "skills.0"),
        ("patch", f"{POSITIONS}/E01-P01", {"title": "  "}, "title"),
    ],
)
def test_invalid_bodies_are_422_at_their_field_and_change_nothing(
    fair_client, organiser, method, url, body, path
):
    v = version(fair_client)
    before = fair_client.get("/api/v1/fixtures/export", headers=organiser).get_json()
    response = getattr(fair_client, method)(url, json=body, headers=organiser)
    assert response.status_code == 422, response.get_json()
    payload = response.get_json()
    assert payload["code"] == 422 and payload["status"] == "Unprocessable Entity"
    assert any(key.replace("[", ".").replace("]", "") == path for key in payload["errors"]), payload["errors"]
    assert version(fair_client) == v
    assert fair_client.get("/api/v1/fixtures/export", headers=organiser).get_json() == before


@pytest.mark.parametrize(
    ("url_id", "problem"),
    [
        ("%20", "blank"),
        ("x" * 101, "100 characters"),
        ("%20E09", "white space"),
        ("中" * 101, "100 characters"),
    ],
)
def test_a_put_to_an_id_a_fixture_load_refuses_is_422_and_creates_nothing(
    fair_client, organiser, url_id, problem
):
    before = export_of(fair_client, organiser)
    employer = {"name": "桂林新单位", "ownership": "民企", "industry": "制造业"}
    position = {"employer_id": "E01", "title": "美术老师"}
    for url, body in ((f"{EMPLOYERS}/{url_id}", employer), (f"{POSITIONS}/{url_id}", position)):
        response = fair_client.put(url, json=body, headers=organiser)
        assert response.status_code == 422, response.get_json()
        assert problem in response.get_json()["errors"]["id"][0]
    assert export_of(fair_client, organiser) == before


def test_corrections_need_a_loaded_fair(client, organiser):
    body = {"name": "x", "ownership": "民企", "industry": "制造业"}
    response = client.put(f"{EMPLOYERS}/E01", json=body, headers=organiser)
    assert response.status_code == 409
    assert "load" in response.get_json()["message"]


def test_reads_still_work_beside_the_corrections(fair_client):
    assert fair_client.get(f"{EMPLOYERS}/E01").status_code == 200
    assert fair_client.get(f"{POSITIONS}/E01-P01").status_code == 200
    assert fair_client.post(f"{EMPLOYERS}/E01").status_code == 405


def export_of(client, organiser) -> dict:
    return client.get("/api/v1/fixtures/export", headers=organiser).get_json()


def test_a_patch_dry_run_answers_the_change_and_writes_nothing(fair_client, organiser):
    v, before = version(fair_client), export_of(fair_client, organiser)
    url = f"{POSITIONS}/E01-P01?dry_run=true"
    response = fair_client.patch(
        url, json={"salary_max": None, "salary_text": "5000+提成"}, headers=organiser
    )
    assert response.status_code == 200
    out = response.get_json()
    assert out["dry_run"] is True and out["changed"] is True and out["data_version"] == v
    assert (out["salary_max"], out["salary_text"]) == (None, "5000+提成")  # the row as it would be
    fields = out["changes"]["positions"]["updated"][0]["fields"]
    assert fields["salary_max"] == {"old": 7000, "new": None}
    assert fields["salary_text"] == {"old": None, "new": "5000+提成"}
    assert version(fair_client) == v and export_of(fair_client, organiser) == before


def test_a_put_dry_run_that_would_create_answers_201_and_creates_nothing(fair_client, organiser):
    v = version(fair_client)
    body = {"employer_id": "E03", "title": "美术老师"}
    response = fair_client.put(f"{POSITIONS}/E03-P09?dry_run=true", json=body, headers=organiser)
    assert response.status_code == 201
    out = response.get_json()
    assert out["dry_run"] is True and out["changes"]["positions"]["created"] == ["E03-P09"]
    assert fair_client.get(f"{POSITIONS}/E03-P09").status_code == 404 and version(fair_client) == v
    employer = {"name": "桂林新单位", "ownership": "民企", "industry": "制造业"}
    out = fair_client.put(f"{EMPLOYERS}/E01?dry_run=true", json=employer, headers=organiser).get_json()
    assert out["changes"]["employers"]["updated"][0]["fields"]["name"]["new"] == "桂林新单位"
    assert fair_client.get(f"{EMPLOYERS}/E01").get_json()["name"] == "桂林漓江电子科技有限公司"


def test_a_dry_run_validates_like_the_real_thing(fair_client, organiser):
    v = version(fair_client)
    bad = fair_client.patch(f"{POSITIONS}/E01-P01?dry_run=true", json={"salary_min": 9000}, headers=organiser)
    assert bad.status_code == 422 and "salary_max" in bad.get_json()["errors"]
    unknown = fair_client.patch(f"{EMPLOYERS}/E01?dry_run=true", json={"phone": "1"}, headers=organiser)
    assert unknown.status_code == 422 and "phone" in unknown.get_json()["errors"]
    same = fair_client.patch(f"{EMPLOYERS}/E01?dry_run=true", json={"booth": "A-02"}, headers=organiser)
    assert same.status_code == 200 and same.get_json()["changed"] is False
    assert version(fair_client) == v


def test_a_delete_dry_run_answers_what_it_would_remove_and_removes_nothing(fair_client, organiser):
    v, before = version(fair_client), export_of(fair_client, organiser)
    response = fair_client.delete(f"{EMPLOYERS}/E01?dry_run=true", headers=organiser)
    assert response.status_code == 200
    out = response.get_json()
    assert out["dry_run"] is True and out["changed"] is True and out["data_version"] == v
    assert (out["employers"], out["positions"]) == (1, 2)
    assert out["changes"]["employers"]["deleted"] == ["E01"]
    assert out["changes"]["positions"]["deleted"] == ["E01-P01", "E01-P02"]
    out = fair_client.delete(f"{POSITIONS}/E02-P01?dry_run=true", headers=organiser).get_json()
    assert out["dry_run"] is True and out["changes"]["positions"]["deleted"] == ["E02-P01"]
    assert version(fair_client) == v and export_of(fair_client, organiser) == before
    assert latest_record(fair_client, organiser)["source"] != "correction"
    missing = fair_client.delete(f"{POSITIONS}/P99?dry_run=true", headers=organiser)
    assert missing.status_code == 404


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("put", f"{EMPLOYERS}/E01", {"name": "桂林新单位", "ownership": "民企", "industry": "制造业"}),
        ("patch", f"{EMPLOYERS}/E01", {"booth": "Q-1"}),
        ("delete", f"{EMPLOYERS}/E01", None),
        ("put", f"{POSITIONS}/E03-P09", {"employer_id": "E03", "title": "美术老师"}),
        ("patch", f"{POSITIONS}/E01-P01", {"openings": 9}),
        ("delete", f"{POSITIONS}/E01-P01", None),
    ],
)
def test_an_unknown_parameter_is_a_422_naming_it_and_writes_nothing(
    fair_client, organiser, method, url, body
):
    v, before = version(fair_client), export_of(fair_client, organiser)
    response = getattr(fair_client, method)(f"{url}?dryrun=true", json=body, headers=organiser)
    assert response.status_code == 422, response.get_json()
    assert "dry_run" in response.get_json()["errors"]["query.dryrun"][0]
    assert version(fair_client) == v and export_of(fair_client, organiser) == before


def test_dry_run_is_documented_on_every_correction(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for path in ("/api/v1/employers/{employer_id}", "/api/v1/positions/{position_id}"):
        for method in ("put", "patch", "delete"):
            names = {p["name"]: p for p in paths[path][method].get("parameters", [])}
            assert names["dry_run"]["in"] == "query" and "write nothing" in names["dry_run"]["description"]


def reupload(client, organiser, suffix: str) -> dict:
    """The export uploaded back as it came (upsert): what the load answers."""
    exported = client.get(f"/api/v1/fixtures/export{suffix}", headers=organiser)
    if suffix == "":
        return client.post("/api/v1/fixtures", json=exported.get_json(), headers=organiser).get_json()
    upload = {"file": (io.BytesIO(exported.data), f"fair{suffix}")}
    return client.post("/api/v1/fixtures", data=upload, headers=organiser,
                       content_type="multipart/form-data").get_json()  # fmt: skip


def test_a_new_pay_range_drops_the_text_it_contradicts_and_the_export_loads_back_unchanged(
    fair_client, organiser
):
    url = f"{POSITIONS}/E01-P01"
    written = fair_client.patch(url, json={"salary_text": "4000-6000元/月"}, headers=organiser).get_json()
    assert (written["salary_min"], written["salary_max"], written["salary_text"]) == (
        4000,
        6000,
        "4000-6000元/月",
    )
    out = fair_client.patch(url, json={"salary_min": 7000, "salary_max": 9000}, headers=organiser).get_json()
    assert (out["salary_min"], out["salary_max"], out["salary_text"]) == (7000, 9000, None)
    assert out["changes"]["positions"]["updated"][0]["fields"]["salary_text"] == {
        "old": "4000-6000元/月",
        "new": None,
    }
    v = version(fair_client)
    for suffix in (".xlsx", ".csv", ""):
        assert reupload(fair_client, organiser, suffix)["changed"] is False, suffix
    after = fair_client.get(url).get_json()
    assert (after["salary_min"], after["salary_max"], version(fair_client)) == (7000, 9000, v)


def test_a_range_change_keeps_a_text_that_still_reads_as_it(fair_client, organiser):
    url = f"{POSITIONS}/E01-P01"
    fair_client.patch(url, json={"salary_text": "底薪5000+提成"}, headers=organiser)
    out = fair_client.patch(url, json={"salary_max": None}, headers=organiser).get_json()
    assert (out["salary_min"], out["salary_max"], out["salary_text"]) == (5000, None, "底薪5000+提成")


@pytest.mark.parametrize(
    ("text", "low", "high", "kept"),
    [("5k-8k", 5000, 8000, None), ("4000+提成", 4000, None, "4000+提成"), ("面议", None, None, None),
     ("2500-3500（包吃住）", 2500, 3500, "2500-3500（包吃住）")],
)  # fmt: skip
def test_a_pay_text_is_read_into_the_range_as_an_upload_reads_it(
    fair_client, organiser, text, low, high, kept
):
    url = f"{POSITIONS}/E01-P01"
    out = fair_client.patch(url, json={"salary_text": text}, headers=organiser).get_json()
    assert (out["salary_min"], out["salary_max"], out["salary_text"]) == (low, high, kept)
    v = version(fair_client)
    for suffix in (".xlsx", ""):
        assert reupload(fair_client, organiser, suffix)["changed"] is False, suffix
    assert version(fair_client) == v


def test_a_put_reads_its_pay_text_into_the_range(fair_client, organiser):
    body = {"employer_id": "E01", "title": "质检员", "salary_text": "3-5千"}
    out = fair_client.put(f"{POSITIONS}/E01-P09", json=body, headers=organiser).get_json()
    assert (out["salary_min"], out["salary_max"], out["salary_text"]) == (3000, 5000, None)


@pytest.mark.parametrize(
    "body",
    [{"salary_min": 7000, "salary_text": "5k-8k"}, {"salary_text": "按能力定"}, {"salary_text": "10-15万"},
     {"salary_max": 9000, "salary_text": "4000+提成"}],
)  # fmt: skip
def test_a_pay_text_that_cannot_be_read_or_contradicts_the_range_sent_is_422(fair_client, organiser, body):
    v, before = version(fair_client), export_of(fair_client, organiser)
    response = fair_client.patch(f"{POSITIONS}/E01-P01", json=body, headers=organiser)
    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == ["salary_text"]
    assert version(fair_client) == v and export_of(fair_client, organiser) == before


def test_a_booth_typed_in_full_width_is_stored_as_an_upload_reads_it(fair_client, organiser):
    """Ａ－０３ (a Chinese keyboard's full width) is booth A-03: in the booth order, and no change later."""
    out = fair_client.patch(f"{EMPLOYERS}/E02", json={"booth": "Ａ－０３"}, headers=organiser).get_json()
    assert out["booth"] == "A-03"
    booths = [e["booth"] for e in fair_client.get(EMPLOYERS).get_json()["items"]]
    assert booths[:2] == ["A-02", "A-03"]
    again = fair_client.patch(f"{EMPLOYERS}/E02?dry_run=true", json={"booth": "A-03"}, headers=organiser)
    assert again.get_json()["changed"] is False
    body = {"name": "桂林新展商有限公司", "ownership": "民营企业", "industry": "制造业", "booth": "Ｂ－０１"}
    assert fair_client.put(f"{EMPLOYERS}/E09", json=body, headers=organiser).get_json()["booth"] == "B-01"
    document = fair_client.get("/api/v1/fixtures/export", headers=organiser).get_json()
    document["employers"][0]["booth"] = "Ａ－０２"  # a JSON load reads it as the sheet does: no change
    loaded = fair_client.post("/api/v1/fixtures?mode=replace", json=document, headers=organiser).get_json()
    assert loaded["changed"] is False


@pytest.mark.parametrize("blank", ["", "  ", "\u3000"])
def test_a_blank_booth_is_no_booth_as_a_blank_cell_is(fair_client, organiser, blank):
    """PATCH booth "" stored an empty string: a booth named '' where a blank cell gives none."""
    out = fair_client.patch(f"{EMPLOYERS}/E02", json={"booth": blank}, headers=organiser).get_json()
    assert out["booth"] is None and out["changed"] is True
    assert fair_client.get(f"{EMPLOYERS}/E02").get_json()["booth"] is None
    body = {"name": "桂林新展商有限公司", "ownership": "民营企业", "industry": "制造业", "booth": blank}
    assert fair_client.put(f"{EMPLOYERS}/E09", json=body, headers=organiser).get_json()["booth"] is None
    document = fair_client.get("/api/v1/fixtures/export", headers=organiser).get_json()
    document["employers"][0]["booth"] = blank  # a JSON load reads it as none too
    loaded = fair_client.post("/api/v1/fixtures?mode=upsert", json=document, headers=organiser).get_json()
    assert loaded["changed"] is True
    assert fair_client.get(f"{EMPLOYERS}/{document['employers'][0]['id']}").get_json()["booth"] is None


def test_an_unchanged_export_after_a_move_counts_no_update(fair_client, organiser):
    """After a PATCH moved a position to another employer, a replace of the unchanged export answered
    positions `updated` with empty `changes` and `changed` false: it counted the rows whose place among
    their employer's positions only was renumbered. The counts are those of the changes shown."""
    fair_client.patch(f"{POSITIONS}/E01-P01", json={"employer_id": "E02"}, headers=organiser)
    v = version(fair_client)
    xlsx = fair_client.get("/api/v1/fixtures/export.xlsx", headers=organiser).data
    for dry_run in ("true", "false"):
        url = f"/api/v1/fixtures?mode=replace&dry_run={dry_run}"
        data = {"file": (io.BytesIO(xlsx), "export.xlsx")}
        out = fair_client.post(url, data=data, headers=organiser, content_type="multipart/form-data")
        answer = out.get_json()
        assert out.status_code == 200 and answer["changed"] is False, answer
        for kind in ("employers", "positions"):
            assert answer[kind]["updated"] == len(answer["changes"][kind]["updated"]) == 0, answer[kind]
    document = export_of(fair_client, organiser)
    answer = fair_client.post("/api/v1/fixtures?mode=replace", json=document, headers=organiser).get_json()
    assert answer["changed"] is False and answer["positions"]["updated"] == 0, answer["positions"]
    assert version(fair_client) == v
