"""Uploading spreadsheets through the HTTP API: loads, errors at their cells, dry runs, templates, exports."""

from __future__ import annotations

import io
import json
from datetime import datetime

import openpyxl
import pytest

from .builders import employer, fair_doc, position, small_fair
from .conftest import DEFAULT_FIXTURE
from .sheet_builders import csv_file, fair_sheet, row, sheets_xlsx, table, xlsx

URL = "/api/v1/fixtures"


def upload(client, data: bytes, name: str, headers: dict, **query):
    params = "&".join(f"{k}={v}" for k, v in query.items())
    return client.post(
        f"{URL}?{params}" if params else URL,
        data={"file": (io.BytesIO(data), name)},
        headers=headers,
        content_type="multipart/form-data",
    )


def export(client, headers, suffix: str = ""):
    response = client.get(f"{URL}/export{suffix}", headers=headers)
    assert response.status_code == 200
    return response.get_json() if not suffix else response.get_data()


def version(client) -> int:
    return client.get("/api/v1/fair").get_json()["data_version"]


def load_small_fair(client, headers):
    assert client.post(f"{URL}?mode=replace", json=small_fair(), headers=headers).status_code == 200


def test_the_default_fair_through_a_workbook_is_the_same_data(client, organiser):
    document = json.loads(DEFAULT_FIXTURE.read_text(encoding="utf-8"))
    assert client.post(f"{URL}?mode=replace", json=document, headers=organiser).status_code == 200
    from_json = export(client, organiser)
    workbook = export(client, organiser, ".xlsx")
    load_small_fair(client, organiser)  # something else in between
    response = upload(client, workbook, "qixing-2023.xlsx", organiser, mode="replace")
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["positions"]["created"] == 3100 and body["positions"]["deleted"] == 5
    assert body["file"] == {"name": "qixing-2023.xlsx", "kind": "xlsx", "sheet": "岗位表", "rows": 3100}
    assert export(client, organiser) == from_json
    again = upload(client, workbook, "qixing-2023.xlsx", organiser, mode="replace").get_json()
    assert again["positions"]["unchanged"] == 3100 and again["employers"]["unchanged"] == 94


def test_json_to_workbook_to_json_round_trip_keeps_unknown_fields(client, organiser):
    doc = small_fair()
    doc["fair"]["note"] = "模拟数据"
    doc["employers"][0]["contact"] = {"person": "李经理"}
    doc["employers"][0]["positions"][0]["skills"] = ["HTML、CSS", "C/C++"]
    client.post(f"{URL}?mode=replace", json=doc, headers=organiser)
    before = export(client, organiser)
    csv_export = export(client, organiser, ".csv")
    assert csv_export.startswith("\ufeff单位编号,单位名称".encode())
    for data, name in ((export(client, organiser, ".xlsx"), "fair.xlsx"), (csv_export, "fair.csv")):
        body = upload(client, data, name, organiser, mode="replace").get_json()
        assert body["positions"]["unchanged"] == 5, (name, body)
        assert export(client, organiser) == before


def test_a_gbk_csv_loads(client, organiser):
    load_small_fair(client, organiser)
    rows = [
        row("E01", "仓库管理员", skills="叉车证、熟练使用Excel", salary="4500～6000", openings="3人"),
        row(
            "E05",
            "店长",
            employer_name="七星区优选超市",
            industry="批发和零售业",
            salary="5千-8千",
            openings="若干",
        ),
        row("E05", "理货员", employer_name="七星区优选超市", industry="批发和零售业", openings="3-5人"),
    ]
    response = upload(client, csv_file(table(rows), encoding="gbk"), "七星区岗位.csv", organiser)
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["positions"]["created"] == 3 and body["employers"]["created"] == 1
    notes = [(n["row"], n["column"], n["path"]) for n in body["notes"]]  # generated ids, 若干, a range
    assert notes == [
        (2, "", "employers[0].positions[0].id"),
        (3, "", "employers[1].positions[0].id"),
        (3, "I", "employers[1].positions[0].openings"),
        (4, "", "employers[1].positions[1].id"),
        (4, "I", "employers[1].positions[1].openings"),
        (2, "B", "employers[0].positions"),  # E01's stored positions the file does not hold, kept
    ]
    assert client.get("/api/v1/positions/E05-F4C706").get_json()["openings"] == 5  # 3-5人: the most it hires
    shop = client.get("/api/v1/employers/E05").get_json()
    assert shop["industry"] == "wholesale_retail"
    store = shop["positions"][0]
    assert (store["id"], store["title"], store["salary_min"], store["salary_max"], store["openings"]) == (
        "E05-31DF8B", "店长", 5000, 8000, 1,
    )  # fmt: skip


def test_a_note_row_above_the_header_changes_no_generated_position_id(client, organiser):
    load_small_fair(client, organiser)
    rows = table([
        row("E09", "主播", salary="5000-8000", skills="直播"),
        row("E09", "运营", salary="4000"),
        row("E09", "主播", salary="6000", skills="带货"),  # the second 主播
    ])  # fmt: skip
    assert upload(client, xlsx(rows), "岗位.xlsx", organiser).status_code == 200
    before = export(client, organiser)
    body = upload(client, xlsx([["（第二批）"], *rows]), "岗位（第二批）.xlsx", organiser).get_json()
    assert body["positions"] == {"created": 0, "updated": 0, "deleted": 0, "unchanged": 3}
    assert body["changed"] is False and export(client, organiser) == before
    body = upload(client, xlsx([["（第二批）"], *rows]), "岗位.xlsx", organiser, mode="replace").get_json()
    assert (body["positions"]["created"], body["positions"]["deleted"]) == (0, 5)  # saved ids still hold
    shop = client.get("/api/v1/employers/E09").get_json()
    assert [(p["id"], p["skills"]) for p in shop["positions"]] == [
        ("E09-265ED1", ["直播"]), ("E09-97FD06", []), ("E09-265ED1-2", ["带货"]),
    ]  # fmt: skip


def test_an_upsert_names_the_stored_positions_its_rows_no_longer_hold(client, organiser):
    stored = employer("E09", positions=[position("E09-R2", "主播"), position("E09-R3", "运营")])
    assert client.post(f"{URL}?mode=replace", json=fair_doc(stored), headers=organiser).status_code == 200
    rows = table([row("E09", "主播"), row("E09", "运营")])  # the row-based ids of earlier versions
    body = upload(client, xlsx(rows), "岗位.xlsx", organiser).get_json()
    assert body["positions"]["created"] == 2
    [note] = [n for n in body["notes"] if n["path"] == "employers[0].positions"]
    assert note["cell"] == "B2" and note["message"].startswith(
        "2 stored position(s) of 'E09' not in this file"
    )
    assert note["message"].endswith("E09-R2 主播、E09-R3 运营")


def test_pay_in_two_columns_loads_as_the_pay_range_and_a_blank_pair_keeps_it(client, organiser):
    load_small_fair(client, organiser)
    shop = ["E09", "桂林直播电商有限公司", "民营企业", "电子商务"]
    rows = [
        ["单位编号", "单位名称", "单位性质", "所属行业", "岗位编号", "岗位名称", "最低月薪", "最高月薪"],
        [*shop, "E09-P1", "主播", 5000, 8000],
        [*shop, "E09-P2", "运营", "4k", ""],
    ]
    response = upload(client, xlsx(rows), "岗位.xlsx", organiser)
    assert response.status_code == 200, response.get_json()
    assert [n for n in response.get_json()["notes"] if n["path"] == "columns"] == []
    pay = {pid: client.get(f"/api/v1/positions/{pid}").get_json() for pid in ("E09-P1", "E09-P2")}
    assert [(p["salary_min"], p["salary_max"]) for p in pay.values()] == [(5000, 8000), (4000, None)]
    rows[1][6:] = ["", ""]  # blank in an upsert: the stored pay stays
    assert upload(client, xlsx(rows), "岗位.xlsx", organiser).get_json()["changed"] is False
    assert client.get("/api/v1/positions/E09-P1").get_json()["salary_max"] == 8000


def test_a_dozen_kinds_of_error_are_each_at_their_cell_and_change_nothing(client, organiser):
    load_small_fair(client, organiser)
    before, v = export(client, organiser), version(client)
    rows = [
        row("E01", "会计", salary="8000-5000"),  # row 2
        row("E01", "出纳", salary="五千左右", booth="B-99"),  # row 3: bad pay, disagreeing booth
        row("E01", "", openings="很多"),  # row 4: no title, bad head count
        row("E02", "文员", ownership="外企", industry="制造", openings=0),  # row 5
        row("E02", "司机", education="幼儿园", position_id="DUP"),  # row 6
        row("E02", "保安", position_id="DUP", skills="x" * 101),  # row 7
        row("E03", "教师", skills="、".join(f"技能{i}" for i in range(51))),  # row 8
    ]
    response = upload(client, xlsx(table(rows)), "bad.xlsx", organiser, mode="replace")
    assert response.status_code == 422
    body = response.get_json()
    assert body["code"] == 422 and body["status"] == "Unprocessable Entity"
    assert "nothing was changed" in body["message"]
    cells = {(c["cell"], c["path"]) for c in body["cells"]}
    expected = {
        ("J2", "employers[0].positions[0].salary_min"),
        ("J3", "employers[0].positions[1].salary_min"),
        ("E3", "employers[0].booth"),
        ("G4", "employers[0].positions[2].title"),
        ("K4", "employers[0].positions[2].openings"),
        ("C5", "employers[1].ownership"),
        ("D5", "employers[1].industry"),
        ("K5", "employers[1].positions[0].openings"),
        ("I6", "employers[1].positions[1].education"),
        ("F6", "employers[1].positions[1].id"),
        ("F7", "employers[1].positions[2].id"),
        ("H7", "employers[1].positions[2].skills[0]"),
        ("H8", "employers[2].positions[0].skills"),
    }
    assert expected <= cells, expected - cells
    by_cell = {c["cell"]: c for c in body["cells"]}
    assert by_cell["J2"]["text"] == '岗位表!J2: 薪资 "8000-5000": minimum above maximum'
    assert by_cell["J2"] | {"text": None} == {
        "sheet": "岗位表", "cell": "J2", "row": 2, "column": "J", "header": "薪资", "value": "8000-5000",
        "message": "minimum above maximum", "path": "employers[0].positions[0].salary_min", "text": None,
    }  # fmt: skip
    assert "manufacturing" in by_cell["D5"]["message"]  # the suggestion for 制造
    assert body["errors"]["employers[0].positions[0].salary_min"] == [by_cell["J2"]["text"]]
    assert set(body["errors"]) == {c["path"] for c in body["cells"]}
    assert export(client, organiser) == before and version(client) == v


def test_a_dry_run_previews_counts_and_mix_and_writes_nothing(client, organiser):
    load_small_fair(client, organiser)
    before, v = export(client, organiser), version(client)
    rows = [
        row("E01", "会计", position_id="E01-P01"),
        row("E09", "主播", ownership="国企", industry="电子商务"),
    ]
    response = upload(client, xlsx(table(rows)), "new.xlsx", organiser, mode="replace", dry_run="true")
    assert response.status_code == 200
    body = response.get_json()
    assert body["dry_run"] is True
    assert body["employers"] == {"created": 1, "updated": 1, "deleted": 2, "unchanged": 0}
    assert body["positions"] == {"created": 1, "updated": 1, "deleted": 4, "unchanged": 0}
    current, new = body["mix"]["current"], body["mix"]["new"]
    assert (current["employers"], current["positions"]) == (3, 5)
    assert (new["employers"], new["positions"]) == (2, 2)
    assert new["by_ownership"]["state_owned"] == {"employers": 1, "positions": 1, "openings": 1}
    assert new["by_industry"]["ecommerce"]["positions"] == 1
    assert export(client, organiser) == before and version(client) == v
    assert client.get(f"{URL}/history", headers=organiser).get_json()["items"][0]["filename"] is None


def test_a_json_file_upload_loads_too(client, organiser):
    data = json.dumps(small_fair(), ensure_ascii=False).encode()
    response = upload(client, data, "fair.json", organiser, mode="replace")
    assert response.status_code == 200
    assert response.get_json()["positions"]["created"] == 5
    assert upload(client, b"{oops", "fair.json", organiser).status_code == 400


def test_templates_are_public_and_their_example_row_loads_nothing(client, organiser):
    response = client.get(f"{URL}/template.xlsx")
    assert response.status_code == 200
    assert response.mimetype.endswith("spreadsheetml.sheet")
    book = openpyxl.load_workbook(io.BytesIO(response.get_data()))
    assert book.sheetnames == ["岗位表", "填写说明"]
    headers = [c.value for c in book["岗位表"][1]]
    assert headers[:5] == ["单位编号", "单位名称", "单位性质", "所属行业", "展位号"] and "薪资" in headers
    notes = " ".join(str(c.value) for r in book["填写说明"].iter_rows() for c in r)
    assert "国有企业" in notes and "软件和信息技术服务业" in notes and "本科" in notes and "面议" in notes
    csv_template = client.get(f"{URL}/template.csv")
    assert csv_template.status_code == 200 and csv_template.get_data().startswith("\ufeff单位编号".encode())
    load_small_fair(client, organiser)
    body = upload(client, response.get_data(), "template.xlsx", organiser, dry_run="true").get_json()
    assert body["positions"]["created"] == 0 and body["employers"]["created"] == 0  # the example is skipped
    assert body["changed"] is False and "[清空]" in notes


def test_positions_on_a_sheet_beside_the_templates_own_are_read(client, organiser):
    load_small_fair(client, organiser)
    book = openpyxl.load_workbook(io.BytesIO(client.get(f"{URL}/template.xlsx").get_data()))
    book["填写说明"].title = "说明"  # renamed, still the template's instructions
    data = book.create_sheet("Sheet2", 0)
    for values in table([row("E09", "主播"), row("E09", "运营")]):
        data.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    body = upload(client, buffer.getvalue(), "岗位.xlsx", organiser, dry_run="true").get_json()
    assert body["changed"] is True and body["positions"]["created"] == 2
    assert body["changes"]["positions"]["created"] == ["E09-265ED1", "E09-97FD06"]
    assert body["file"]["sheet"] == "Sheet2, 岗位表" and body["file"]["rows"] == 3
    assert [(n["sheet"], n["message"]) for n in body["notes"] if n["path"] in {"employers", "sheets"}] == [
        ("岗位表", "the template's example row, skipped")
    ]


@pytest.mark.parametrize(
    ("data", "name", "status", "words"),
    [
        (b"%PDF-1.4", "fair.pdf", 415, "xlsx"),
        (b"\xd0\xcf\x11\xe0", "fair.xls", 400, "not a readable .xls workbook"),
        (b"", "fair.xlsx", 400, "empty"),
        (b"PK\x03\x04garbage", "fair.xlsx", 400, "xlsx"),
        (b"\x81\x00\xff\xfe\x00", "fair.csv", 400, "text"),
    ],
)
def test_files_the_service_cannot_read(client, organiser, data, name, status, words):
    response = upload(client, data, name, organiser)
    assert response.status_code == status
    body = response.get_json()
    assert body["code"] == status and words in body["message"]


def test_a_form_without_the_file_field_is_400(client, organiser):
    response = client.post(URL, data={"other": "x"}, headers=organiser, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "'file'" in response.get_json()["message"]


def test_a_csv_needs_a_loaded_fair(client, organiser):
    response = upload(client, csv_file(table([row()])), "fair.csv", organiser)
    assert response.status_code == 422
    assert "fair" in response.get_json()["errors"]


def test_an_upsert_of_another_fair_points_at_the_fair_sheet(client, organiser):
    load_small_fair(client, organiser)
    data = xlsx(table([row()]), fair=fair_sheet("other-fair"))
    body = upload(client, data, "other.xlsx", organiser).get_json()
    assert [c["cell"] for c in body["cells"]] == ["B2"] and body["cells"][0]["sheet"] == "招聘会"


def test_history_lists_loads_with_file_counts_and_who(client, organiser):
    load_small_fair(client, organiser)
    headers = {**organiser, "X-Organiser": "七星区人社局 张三"}
    upload(client, xlsx(table([row("E01", "会计")])), "补充岗位.xlsx", headers)
    items = client.get(f"{URL}/history?limit=5", headers=organiser).get_json()["items"]
    assert [i["filename"] for i in items] == ["补充岗位.xlsx", None]
    latest = items[0]
    assert latest["actor"] == "七星区人社局 张三" and latest["source"] == "api" and latest["mode"] == "upsert"
    assert latest["counts"]["positions"]["created"] == 1
    assert latest["data_version"] == version(client)


@pytest.mark.parametrize(
    "header",
    [
        "%E4%B8%83%E6%98%9F%E5%8C%BA%20%E7%8E%8B%E4%BA%94",  # percent-encoded, as the page sends it
        "七星区 王五".encode().decode("latin-1"),  # raw UTF-8 from curl, as the server first reads it
    ],
)
def test_the_organisers_name_is_read_however_it_was_sent(client, organiser, header):
    response = client.post(
        f"{URL}?mode=replace", json=small_fair(), headers={**organiser, "X-Organiser": header}
    )
    assert response.status_code == 200
    assert client.get(f"{URL}/history", headers=organiser).get_json()["items"][0]["actor"] == "七星区 王五"


def test_exports_are_named_after_the_fair_even_in_chinese(client, organiser):
    doc = small_fair()
    doc["fair"]["id"] = "七星区-2023"
    client.post(f"{URL}?mode=replace", json=doc, headers=organiser)
    for suffix in ("", ".xlsx", ".csv"):
        disposition = client.get(f"{URL}/export{suffix}", headers=organiser).headers["Content-Disposition"]
        disposition.encode("latin-1")  # a header must be Latin-1 to reach the browser
        assert "filename*=UTF-8''%E4%B8%83%E6%98%9F%E5%8C%BA-2023" in disposition


@pytest.mark.parametrize("totals", [["合计", "", "", "", "", 25], ["", "总 计：", "", "", "", "25人"]])
def test_a_totals_row_under_the_positions_is_skipped_with_a_note(client, organiser, totals):
    load_small_fair(client, organiser)
    rows = [
        ["七星区2023年专场招聘会岗位汇总表"],
        ["序号", "单位名称", "单位性质", "所属行业", "岗位名称", "招聘人数", "薪资待遇（元/月）"],
        [1, "桂林直播电商有限公司", "民营企业", "电子商务", "主播", "5人", "5000-8000"],
        [2, "", "", "", "运营", 20, "4k-6k"],
        totals,  # the head counts summed under the positions
    ]
    body = upload(client, xlsx(rows, merged=["A1:G1"]), "汇总表.xlsx", organiser, dry_run="true").get_json()
    assert body["positions"]["created"] == 2, body
    [note] = [n for n in body["notes"] if "totals" in n["message"]]
    assert (note["sheet"], note["row"]) == ("岗位表", 5) and note["message"] in {
        "a totals row (合计), skipped",
        "a totals row (总计), skipped",
    }
    assert upload(client, xlsx(rows), "汇总表.xlsx", organiser).status_code == 200
    [shop] = [e for e in export(client, organiser)["employers"] if e["name"] == "桂林直播电商有限公司"]
    assert [(p["title"], p["openings"]) for p in shop["positions"]] == [("主播", 5), ("运营", 20)]


def employer_form(facts: list[list], *positions: list) -> list[list]:
    """A sheet as an employer fills it in: a title, its facts above the header, then its positions."""
    return [["用人单位招聘岗位信息表"], *facts, ["序号", "岗位名称", "招聘人数", "学历要求", "薪资待遇"],
            *[[i, *p] for i, p in enumerate(positions, start=1)]]  # fmt: skip


def test_a_workbook_of_one_sheet_per_employer_with_its_facts_above_the_header(client, organiser):
    load_small_fair(client, organiser)
    shop = employer_form(
        [
            ["单位名称", "桂林直播电商有限公司", "单位性质", "民营企业"],
            ["所属行业：", "电子商务", "联系人：张三"],
        ],
        ["主播", "3-5名", "大专及以上", "5000-8000"],
        ["运营", "若干", "不限", "4k-6k"],
    )
    school = employer_form(
        [["单位名称：桂林七星培训学校      单位性质：教育培训      所属行业：教育"]],
        ["语文教师", 2, "本科以上", "5000以上"],
    )
    data = sheets_xlsx({"直播电商": shop, "七星培训": school})
    body = upload(client, data, "各单位岗位.xlsx", organiser, dry_run="true").get_json()
    assert (body["employers"]["created"], body["positions"]["created"]) == (2, 3), body
    assert not [n for n in body["notes"] if n["path"] == "sheets"]  # both sheets read
    assert upload(client, data, "各单位岗位.xlsx", organiser).status_code == 200
    stored = {e["name"]: e for e in export(client, organiser)["employers"]}
    assert [p["title"] for p in stored["桂林直播电商有限公司"]["positions"]] == ["主播", "运营"]
    teacher = stored["桂林七星培训学校"]
    assert (teacher["ownership"], teacher["industry"]) == ("education_training", "education")
    assert [(p["title"], p["salary_min"]) for p in teacher["positions"]] == [("语文教师", 5000)]

    school[1] = ["单位名称：桂林七星培训学校      单位性质：事业单位      所属行业：教育"]
    wrong = upload(client, sheets_xlsx({"七星培训": school}), "七星培训.xlsx", organiser, dry_run="true")
    [error] = wrong.get_json()["cells"]
    assert (error["sheet"], error["cell"], error["header"], error["value"]) == (
        "七星培训",
        "A2",
        "单位性质",
        "事业单位",
    )


def test_a_head_count_or_pay_that_excel_turned_into_a_date_says_so(client, organiser):
    """3-5 typed in 招聘人数 is stored by Excel as the date 3月5日: the error says that, at the cell."""
    load_small_fair(client, organiser)
    rows = table([row("E09", "主播", openings=datetime(2023, 3, 5), salary=datetime(2023, 5, 8))])
    answer = upload(client, xlsx(rows), "岗位.xlsx", organiser)
    assert answer.status_code == 422
    cells = {c["header"]: c for c in answer.get_json()["cells"]}
    turned = "Excel turned this cell into a date (3月5日); if 3-5 was typed"
    assert cells["招聘人数"]["message"].startswith(turned)
    assert cells["薪资"]["message"].startswith("Excel turned this cell into a date (5月8日)")


def test_headers_as_other_offices_write_them_are_read_not_left_as_notes(client, organiser):
    """薪酬待遇, 拟招人数, 学历层次 … were notes ('column not read') and their positions loaded negotiable,
    one opening, any education: every such header is now its column."""
    load_small_fair(client, organiser)
    written = {"企业全称": "桂林直播电商有限公司", "单位类型": "民营企业", "行业类型": "电子商务",
               "摊位号": "C-08", "招聘职位": "主播", "拟招人数": "3人", "文化程度": "大专",
               "需求专业": "电子商务", "薪酬待遇": "5k-8k"}  # fmt: skip
    body = upload(client, xlsx([list(written), list(written.values())]), "岗位.xlsx", organiser).get_json()
    assert [n["header"] for n in body["notes"] if n["path"] == "columns"] == [], body
    [shop] = [e for e in export(client, organiser)["employers"] if e["name"] == "桂林直播电商有限公司"]
    [job] = shop["positions"]
    assert (shop["booth"], job["openings"], job["education"]) == ("C-08", 3, "associate")
    assert (job["majors"], job["salary_min"], job["salary_max"]) == (["电子商务"], 5000, 8000)


def test_hidden_rows_and_columns_are_read_and_named_in_a_note(client, organiser):
    """A clerk who hides a withdrawn position's row sees, before publishing, that it is read all the same."""
    load_small_fair(client, organiser)
    rows = table([row("E09", title, salary="5000") for title in ("主播", "运营", "剪辑", "客服")])
    data = xlsx(rows, hidden_rows=[3, 5], hidden_columns=["G"])
    body = upload(client, data, "岗位.xlsx", organiser, dry_run="true").get_json()
    assert body["positions"]["created"] == 4
    notes = {n["message"]: n for n in body["notes"]}
    assert notes["2 hidden row(s) read as any other (3, 5): delete those not to publish"]["row"] == 3
    assert notes["a hidden column, read as any other"]["cell"] == "G1"


@pytest.mark.parametrize(
    ("delimiter", "encoding", "name"),
    [(";", "gbk", "岗位.csv"), ("\t", "gb18030", "岗位.csv"), ("\t", "utf-16", "岗位.txt")],
)
def test_a_text_file_with_a_title_line_above_its_header_is_read_whatever_its_separator(
    client, organiser, delimiter, encoding, name
):
    """The separator was counted on the first line alone: a title there has none, so a tab or semicolon file
    read as one column and had 'no header row'."""
    load_small_fair(client, organiser)
    rows = table([row("E09", "主播", salary="5000-8000"), row("E09", "运营", salary="4k-6k")])
    text = "七星区2023年招聘会岗位汇总表\r\n" + csv_file(rows, delimiter=delimiter).decode()
    data = text.encode(encoding)
    body = upload(client, data, name, organiser, dry_run="true").get_json()
    assert body.get("positions", {}).get("created") == 2, body


def test_rows_of_one_merged_text_across_the_table_are_no_positions(client, organiser):
    """A group heading (一、电子商务), 合计：3人, 备注：… and 填表人：… merged across the table were read as
    an employer with a position, every column an error; they are skipped, each with a note."""
    load_small_fair(client, organiser)
    header = ["序号", "单位名称", "单位性质", "所属行业", "岗位名称", "招聘人数", "薪资"]
    shop = [1, "桂林直播电商有限公司", "民营企业", "电子商务", "主播", 3, "5000-8000"]
    rows = [header, ["一、电子商务"], shop, ["合计：3人"], ["备注：以上岗位缴纳五险一金。"], ["填表人：张"]]
    data = xlsx(rows, merged=[f"A{n}:G{n}" for n in (2, 4, 5, 6)])
    body = upload(client, data, "汇总表.xlsx", organiser, dry_run="true").get_json()
    assert body.get("positions", {}).get("created") == 1, body
    skipped = {n["row"]: n["message"] for n in body["notes"] if "skipped" in n["message"]}
    across = "one text across the row, no position: skipped"
    assert skipped == {2: across, 4: "a totals row (合计), skipped", 5: across, 6: across}


def test_a_load_sent_with_its_checks_version_refuses_once_the_fair_has_moved(client, organiser):
    """If-Match: the dry run's data_version. A correction in between makes the load a 412 changing nothing."""
    load_small_fair(client, organiser)
    data = xlsx(table([row("E01", "电子工艺工程师", position_id="E01-P01", salary="6000-9000")]))
    checked = upload(client, data, "岗位.xlsx", organiser, dry_run="true").get_json()["data_version"]
    fixed = client.patch("/api/v1/positions/E01-P02", json={"openings": 30}, headers=organiser)
    assert fixed.status_code == 200
    before = export(client, organiser)
    refused = upload(client, data, "岗位.xlsx", {**organiser, "If-Match": f'"{checked}"'})
    assert refused.status_code == 412
    assert refused.get_json()["message"].startswith("The fair changed since this file was checked")
    assert export(client, organiser) == before
    again = upload(client, data, "岗位.xlsx", organiser, dry_run="true").get_json()["data_version"]
    assert upload(client, data, "岗位.xlsx", {**organiser, "If-Match": f'"{again}"'}).status_code == 200
    assert client.get("/api/v1/positions/E01-P01").get_json()["salary_max"] == 9000
    bad = upload(client, data, "岗位.xlsx", {**organiser, "If-Match": "v12"})
    assert bad.status_code == 400 and "If-Match" in bad.get_json()["message"]


def test_a_header_whose_title_column_is_not_known_says_so_under_a_group_row(client, organiser):
    """用人单位 / 招聘岗位 merged above a header naming its title 工种: the error is the missing 岗位名称,
    not the group row taken for the header and each of its merged cells a repeated column."""
    load_small_fair(client, organiser)
    group = ["用人单位", "", "", "招聘岗位", "", ""]
    header = ["单位名称", "单位性质", "所属行业", "工种", "招聘人数", "薪资"]
    rows = [group, header, ["桂林直播电商有限公司", "民营企业", "电子商务", "主播", 3, "5000-8000"]]
    answer = upload(client, xlsx(rows, merged=["A1:C1", "D1:F1"]), "岗位.xlsx", organiser, dry_run="true")
    assert [(c["row"], c["message"]) for c in answer.get_json()["cells"]] == [
        (2, "missing column 岗位名称 (title)")
    ]


def test_requirements_are_the_description_of_a_sheet_without_one(client, organiser):
    """任职要求 was a note 'column not read', its text (大专以上，熟练使用Excel) lost to the page and the
    ranking; it is the position's description where the sheet has no 岗位职责, and a note beside one."""
    load_small_fair(client, organiser)
    header = ["单位名称", "单位性质", "所属行业", "岗位名称", "任职要求", "岗位要求"]
    shop = ["桂林直播电商有限公司", "民营企业", "电子商务"]
    rows = [header, [*shop, "运营", "大专以上，熟练使用Excel", "能吃苦"]]
    body = upload(client, xlsx(rows), "岗位.xlsx", organiser).get_json()
    assert [n["header"] for n in body["notes"] if n["path"] == "columns"] == ["岗位要求"]
    [shop_stored] = [e for e in export(client, organiser)["employers"] if e["name"] == "桂林直播电商有限公司"]
    assert shop_stored["positions"][0]["description"] == "大专以上，熟练使用Excel"
    rows = [[*header, "岗位职责"], [*shop, "运营", "大专以上", "能吃苦", "负责店铺运营"]]
    body = upload(client, xlsx(rows), "岗位.xlsx", organiser, dry_run="true").get_json()
    assert [n["header"] for n in body["notes"] if n["path"] == "columns"] == ["任职要求", "岗位要求"]


def test_a_header_on_two_rows_left_unmerged_is_one_header(client, organiser):
    """岗位信息 over 岗位名称 | 招聘人数 | 学历要求, the other headers written once on the row above: it said
    'missing column 岗位名称'; the two rows are one header."""
    load_small_fair(client, organiser)
    rows = [["单位名称", "单位性质", "所属行业", "岗位信息", "", "", "薪资待遇"],
            ["", "", "", "岗位名称", "招聘人数", "学历要求", ""],
            ["桂林直播电商有限公司", "民营企业", "电子商务", "主播", 3, "大专", "5000-8000"]]  # fmt: skip
    body = upload(client, xlsx(rows), "岗位.xlsx", organiser).get_json()
    assert body.get("positions", {}).get("created") == 1, body
    [shop] = [e for e in export(client, organiser)["employers"] if e["name"] == "桂林直播电商有限公司"]
    [job] = shop["positions"]
    assert (job["title"], job["openings"], job["education"]) == ("主播", 3, "associate")
    assert job["salary_max"] == 8000
