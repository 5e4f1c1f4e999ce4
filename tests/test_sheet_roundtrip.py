"""The round trip an office does: export the fair, edit it in Excel or WPS, upload it back. What Excel does
to the cells on the way (numbers made of ids, formulas, its error values) changes nothing it was not asked
to, or is refused at its cell."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from .builders import employer, fair_doc, position
from .sheet_builders import xls

URL = "/api/v1/fixtures"


def upload(client, data: bytes, name: str, headers: dict, **query):
    params = "&".join(f"{k}={v}" for k, v in query.items())
    return client.post(f"{URL}?{params}", data={"file": (io.BytesIO(data), name)}, headers=headers,
                       content_type="multipart/form-data")  # fmt: skip


def numbered_fair(client, organiser) -> None:
    """Ids and a booth of digits, as offices number them: 007, 0070, and a long registration number."""
    jobs = [
        position("123456789012345678", "普工", salary_min=4000, salary_max=6000, openings=3),
        position("007-02", "质检员", salary_min=4000, salary_text="4000+提成"),
        position("0070", "会计", education="associate", salary_min=5000, salary_max=7000),
    ]
    doc = fair_doc(
        employer("007", "桂林零零七科技有限公司", booth="007", positions=jobs, description="电话 0773555"),
        employer("E002", booth="A-02", positions=[position("E002-P01", "Java开发", skills=["Java"])]),
    )
    assert client.post(f"{URL}?mode=replace", json=doc, headers=organiser).status_code == 200


def export(client, organiser, suffix: str = "") -> bytes:
    return client.get(f"{URL}/export{suffix}", headers=organiser).data


def resaved(data: bytes, edit) -> bytes:
    book = load_workbook(io.BytesIO(data))
    edit(book["岗位表"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def as_excel_saves_csv(data: bytes) -> str:
    """The export opened in Excel and saved as CSV: every number-like cell loses its leading zeros."""
    text = data.decode("utf-8-sig")
    return text.replace("\r\n007,", "\r\n7,").replace(",007,", ",7,").replace(",0070,", ",70,")


def test_a_csv_excel_saved_again_changes_nothing_its_lost_zeros_read_as_the_stored_ids(client, organiser):
    numbered_fair(client, organiser)
    before = client.get(f"{URL}/export", headers=organiser).get_json()
    csv = as_excel_saves_csv(export(client, organiser, ".csv"))
    assert "\r\n7,桂林零零七" in csv and ",70,会计" in csv
    for mode in ("upsert", "replace"):
        out = upload(client, csv.encode("gbk"), "岗位表.csv", organiser, mode=mode)
        body = out.get_json()
        assert out.status_code == 200 and body["changed"] is False, body
        notes = [n["message"] for n in body["notes"]]
        assert "read as '007', the stored id: Excel drops leading zeros (format the column as 文本)" in notes
        assert any(m.startswith("read as '0070', the stored id") for m in notes)
        assert any(m.startswith("read as '007', the stored booth") for m in notes)
    assert client.get(f"{URL}/export", headers=organiser).get_json() == before
    # A new position under the employer, its 岗位编号 left blank: its id is made from the stored employer id.
    added = csv + "7,桂林零零七科技有限公司,民营企业,制造业,7,,,电工,,,,,5000,1,,\r\n"
    body = upload(client, added.encode("gbk"), "岗位表.csv", organiser, dry_run="true").get_json()
    assert [p.split("-")[0] for p in body["changes"]["positions"]["created"]] == ["007"]
    assert not any(body["changes"]["employers"][k] for k in ("created", "updated", "deleted"))


def test_a_booth_retyped_in_excel_keeps_its_zeros_and_a_new_one_is_taken_as_written(client, organiser):
    numbered_fair(client, organiser)

    def retype(sheet):
        for row in (2, 3, 4):
            sheet.cell(row, 5).value = 7  # 007 typed again into a General cell: the number 7

    body = upload(client, resaved(export(client, organiser, ".xlsx"), retype), "e.xlsx", organiser).get_json()
    assert body["changed"] is False
    assert body["notes"][0]["cell"] == "E2" and "stored booth" in body["notes"][0]["message"]

    def move(sheet):
        for row in (2, 3, 4):
            sheet.cell(row, 5).value = 8  # moved to booth 8: nothing says it was 008

    body = upload(client, resaved(export(client, organiser, ".xlsx"), move), "e.xlsx", organiser).get_json()
    assert body["changes"]["employers"]["updated"][0]["fields"] == {"booth": {"old": "007", "new": "8"}}


def test_a_long_id_excel_rounded_or_wrote_in_scientific_notation_is_refused_at_its_cell(client, organiser):
    numbered_fair(client, organiser)
    before = client.get(f"{URL}/export", headers=organiser).get_json()

    def typed_as_number(sheet):
        sheet["G2"] = 123456789012345678  # Excel keeps 123456789012345000

    out = upload(client, resaved(export(client, organiser, ".xlsx"), typed_as_number), "e.xlsx", organiser)
    assert out.status_code == 422
    (cell,) = out.get_json()["cells"]
    assert cell["cell"] == "G2" and "Excel keeps 15 digits of a number" in cell["message"]
    csv = export(client, organiser, ".csv").decode("utf-8-sig").replace("123456789012345678", "1.23457E+17")
    out = upload(client, csv.encode("gbk"), "e.csv", organiser, mode="replace")
    assert out.status_code == 422
    (cell,) = out.get_json()["cells"]
    assert cell["cell"] == "G2" and "Excel saved this long number as 1.23457E+17" in cell["message"]
    assert client.get(f"{URL}/export", headers=organiser).get_json() == before


def test_a_formula_without_its_value_or_with_excels_error_is_refused_never_read_as_blank(client, organiser):
    numbered_fair(client, organiser)
    before = client.get(f"{URL}/export", headers=organiser).get_json()

    def formula(sheet):
        sheet["G2"] = '=H2&""'  # written by a program that does not calculate: no value saved with it

    out = upload(client, resaved(export(client, organiser, ".xlsx"), formula), "e.xlsx", organiser)
    assert out.status_code == 422, out.get_json()
    (cell,) = out.get_json()["cells"]
    assert cell["cell"] == "G2" and cell["message"].startswith("a formula the file holds no value for")

    def whole_row(sheet):
        for col in range(1, 17):
            sheet.cell(6, col).value = f"=VLOOKUP(A{col},Sheet2!A:B,2,0)"

    out = upload(client, resaved(export(client, organiser, ".xlsx"), whole_row), "e.xlsx", organiser,
                 mode="replace")  # fmt: skip
    assert out.status_code == 422 and {c["row"] for c in out.get_json()["cells"]} == {6}

    def not_found(sheet):
        sheet["M3"] = "#N/A"  # what Excel saves for a VLOOKUP that found nothing

    out = upload(client, resaved(export(client, organiser, ".xlsx"), not_found), "e.xlsx", organiser)
    assert out.status_code == 422
    assert any(c["cell"] == "M3" and "Excel's error #N/A" in c["message"] for c in out.get_json()["cells"])
    assert client.get(f"{URL}/export", headers=organiser).get_json() == before


def test_excels_everyday_edits_change_exactly_what_the_clerk_changed(client, organiser):
    """Sorted by 薪资, a row deleted, one inserted in the middle, the employer's cells merged, the sheet
    renamed, trailing spaces and a full-width booth: the check lists the intended changes and nothing else."""
    numbered_fair(client, organiser)

    def edit(sheet):
        sheet.title = "Sheet1"
        sheet["M5"] = "9000-12000 "  # Java开发's pay, with Excel's trailing space
        sheet["E5"] = "Ａ－02"  # typed on a Chinese keyboard: booth A-02
        sheet.delete_rows(3)  # 质检员 withdrawn
        sheet.insert_rows(3)
        for col, value in {1: "007", 8: "电工", 13: "5000", 14: 2}.items():
            sheet.cell(3, col).value = value
        sheet.merge_cells("B2:B4")
        sheet.merge_cells("E2:E4")
        rows = sorted(sheet.iter_rows(min_row=2, values_only=True), key=lambda r: str(r[12]))
        for number, values in enumerate(rows, start=2):
            for col, value in enumerate(values, start=1):
                if sheet.cell(number, col).coordinate not in sheet.merged_cells:
                    sheet.cell(number, col).value = value

    data = resaved(export(client, organiser, ".xlsx"), edit)
    body = upload(client, data, "e.xlsx", organiser, mode="replace", dry_run="true").get_json()
    changes = body["changes"]
    assert not any(changes["employers"][k] for k in ("created", "updated", "deleted"))
    assert changes["positions"]["deleted"] == ["007-02"]
    assert [changes["positions"]["names"][p]["title"] for p in changes["positions"]["created"]] == ["电工"]
    updated = {u["id"]: u["fields"] for u in changes["positions"]["updated"]}
    pay = {"salary_min": {"old": None, "new": 9000}, "salary_max": {"old": None, "new": 12000}}
    assert updated == {"E002-P01": pay} and not changes["fair"]


def this_weeks_corrections(client, organiser) -> None:
    """A correction, a deletion and a new position, each published on its own after the export."""
    assert (
        client.patch("/api/v1/positions/E002-P01", json={"openings": 5}, headers=organiser).status_code == 200
    )
    assert client.delete("/api/v1/positions/007-02", headers=organiser).status_code == 200
    added = {"employer_id": "E002", "title": "运维"}
    assert client.put("/api/v1/positions/E002-P09", json=added, headers=organiser).status_code == 201


def test_last_weeks_export_over_this_weeks_corrections_names_what_it_would_undo(client, organiser):
    numbered_fair(client, organiser)
    last_week = export(client, organiser, ".xlsx")
    this_weeks_corrections(client, organiser)
    before = client.get(f"{URL}/export", headers=organiser).get_json()
    body = upload(client, last_week, "上周.xlsx", organiser, dry_run="true").get_json()
    since = {n["path"]: n for n in body["notes"] if n["path"].startswith("since_export")}
    assert since["since_export"]["message"] == (
        "this file was exported at data version 1; 3 load(s) or correction(s) were published since "
        "(the fair is at 4): check that it does not undo them"
    )
    undone = since["since_export.positions.E002-P01.openings"]
    assert undone["cell"] == "N5" and undone["message"] == (
        "sets openings of position 'E002-P01' back to 1 as exported; since changed to 5"
    )
    assert since["since_export.positions.007-02"]["message"] == (
        "brings back position '007-02', deleted since the file was exported"
    )
    assert body["notes"][0]["path"] == "since_export"  # first: the page shows them above the change
    body = upload(client, last_week, "上周.xlsx", organiser, mode="replace", dry_run="true").get_json()
    assert "deletes position 'E002-P09', added since the file was exported" in [
        n["message"] for n in body["notes"]
    ]
    assert client.get(f"{URL}/export", headers=organiser).get_json() == before  # checks write nothing
    this_week = upload(client, export(client, organiser, ".xlsx"), "本周.xlsx", organiser, dry_run="true")
    assert this_week.get_json()["changed"] is False and this_week.get_json()["notes"] == []


def test_an_id_typed_in_full_width_is_the_stored_id_not_a_new_employer(client, organiser):
    numbered_fair(client, organiser)

    def full_width(sheet):
        sheet["A5"] = "Ｅ００２"  # the input method left in full-width mode
        sheet["G5"] = "Ｅ００２－Ｐ０１"

    body = upload(
        client, resaved(export(client, organiser, ".xlsx"), full_width), "e.xlsx", organiser
    ).get_json()
    assert body["changed"] is False
    assert [(n["cell"], n["message"]) for n in body["notes"]] == [
        ("A5", "read as 'E002', the stored id: written in full width (全角)"),
        ("G5", "read as 'E002-P01', the stored id: written in full width (全角)"),
    ]

    def mixed(sheet):
        sheet["A5"] = "Ｅ００２"  # its first row in full width, a row added under it in half width
        for col, value in {1: "E002", 2: sheet["B5"].value, 8: "运维", 13: "6000"}.items():
            sheet.cell(6, col).value = value

    out = upload(
        client, resaved(export(client, organiser, ".xlsx"), mixed), "e.xlsx", organiser, dry_run="true"
    )
    assert out.status_code == 200, out.get_json()
    changes = out.get_json()["changes"]
    owners = [changes["positions"]["names"][p]["employer_id"] for p in changes["positions"]["created"]]
    assert not changes["employers"]["created"] and owners == ["E002"]


def test_an_export_of_another_fair_is_not_compared_with_this_fairs_history(client, organiser):
    numbered_fair(client, organiser)
    book = load_workbook(io.BytesIO(export(client, organiser, ".xlsx")))
    book["招聘会"]["B2"] = "another-fair"  # the same layout, another fair's file
    other = io.BytesIO()
    book.save(other)
    assert (
        client.patch("/api/v1/positions/E002-P01", json={"openings": 5}, headers=organiser).status_code == 200
    )
    body = upload(
        client, other.getvalue(), "别的招聘会.xlsx", organiser, mode="replace", dry_run="true"
    ).get_json()
    assert body["changes"]["fair"]["id"] == {"old": "test-fair", "new": "another-fair"}
    assert not [n for n in body["notes"] if n["path"].startswith("since_export")]


def test_a_csv_of_another_fair_numbered_the_same_way_is_named_before_it_overwrites(client, organiser):
    numbered_fair(client, organiser)
    other = "\r\n".join([
        "单位编号,单位名称,单位性质,所属行业,岗位编号,岗位名称",
        "007,桂林去年的企业有限公司,民营企业,制造业,007-02,普工",
        "E002,桂林另一家企业有限公司,民营企业,制造业,E002-P01,焊工",
    ]).encode("gbk")  # fmt: skip
    body = upload(client, other, "去年的岗位表.csv", organiser, dry_run="true").get_json()
    assert body["notes"][0]["message"] == (
        "2 of the 2 employers this file shares ids with have another name here "
        "(007 桂林零零七科技有限公司 → 桂林去年的企业有限公司、"
        "E002 桂林测试企业E002有限公司 → 桂林另一家企业有限公司): is it a file of another fair?"
    )
    renamed = "\r\n".join(["单位编号,单位名称,岗位编号,岗位名称", "E002,桂林新名称有限公司,E002-P01,焊工"])
    body = upload(client, renamed.encode("gbk"), "改名.csv", organiser, dry_run="true").get_json()
    assert not any("another fair" in n["message"] for n in body["notes"])  # one employer renamed: no doubt


def test_head_counts_a_csv_shows_in_the_columns_number_format_read_as_the_whole_number(client, organiser):
    numbered_fair(client, organiser)
    csv = export(client, organiser, ".csv").decode("utf-8-sig")
    shown = csv.replace(",4000-6000,3,", ",4000-6000,3.00,")
    shown = shown.replace(",不限,,面议,1,", ',不限,,面议,"1,200",')
    assert ",3.00," in shown and '"1,200"' in shown
    body = upload(client, shown.encode("gbk"), "岗位表.csv", organiser, dry_run="true").get_json()
    updated = {u["id"]: u["fields"] for u in body["changes"]["positions"]["updated"]}
    assert updated == {"E002-P01": {"openings": {"old": 1, "new": 1200}}}


def test_an_export_wps_saved_as_xls_still_names_the_corrections_it_would_undo(client, organiser):
    numbered_fair(client, organiser)
    book = load_workbook(io.BytesIO(export(client, organiser, ".xlsx")))
    as_xls = xls({s.title: [[v if v is not None else "" for v in r] for r in s.iter_rows(values_only=True)]
                  for s in book.worksheets})  # fmt: skip
    assert client.patch("/api/v1/positions/0070", json={"openings": 4}, headers=organiser).status_code == 200
    body = upload(client, as_xls, "岗位表.xls", organiser, dry_run="true").get_json()
    messages = [n["message"] for n in body["notes"]]
    assert "sets openings of position '0070' back to 1 as exported; since changed to 4" in messages


def since_notes(body: dict) -> list[tuple[str, str]]:
    return [(n["path"], n["message"]) for n in body["notes"] if n["path"].startswith("since_export")]


def test_last_weeks_csv_export_names_what_it_would_undo_as_the_xlsx_does(client, organiser):
    numbered_fair(client, organiser)
    last_csv, last_xlsx = export(client, organiser, ".csv"), export(client, organiser, ".xlsx")
    header, *lines = last_csv.decode("utf-8-sig").split("\r\n")[:-1]
    assert header.endswith(",导出版本（请勿修改）") and all(line.endswith(",1") for line in lines)
    this_weeks_corrections(client, organiser)
    before = client.get(f"{URL}/export", headers=organiser).get_json()
    # Excel saves it again as GBK, its zeros lost, the rows sorted the other way, 会计's row deleted
    header, *lines = as_excel_saves_csv(last_csv).split("\r\n")[:-1]
    resaved = "\r\n".join([header, *[line for line in reversed(lines) if ",70,会计" not in line]]) + "\r\n"
    for mode in ("upsert", "replace"):
        from_xlsx = upload(client, last_xlsx, "上周.xlsx", organiser, mode=mode, dry_run="true").get_json()
        response = upload(client, resaved.encode("gbk"), "上周.csv", organiser, mode=mode, dry_run="true")
        body = response.get_json()
        assert response.status_code == 200, body
        assert since_notes(body) == since_notes(from_xlsx)
        assert body["notes"][0]["path"] == "since_export"  # what the page's 已逐条核对 waits for, first
        assert not [n for n in body["notes"] if n["header"] == "导出版本（请勿修改）"]  # not an unread column
    undone = next(n for n in body["notes"] if n["path"] == "since_export.positions.E002-P01.openings")
    assert undone["cell"] == "N2" and "back to 1 as exported; since changed to 5" in undone["message"]
    assert "deletes position 'E002-P09', added since the file was exported" in [
        m for _, m in since_notes(body)
    ]
    assert client.get(f"{URL}/export", headers=organiser).get_json() == before  # checks write nothing
    this_week = upload(client, export(client, organiser, ".csv"), "本周.csv", organiser, dry_run="true")
    assert this_week.get_json()["changed"] is False and this_week.get_json()["notes"] == []


def test_a_csv_export_whose_version_column_excel_shows_as_1_00_is_still_checked(client, organiser):
    """Excel saving a CSV writes each cell as its number format shows it: the version 1 as 1.00, or in
    full-width digits from a Chinese input method retyping it."""
    numbered_fair(client, organiser)
    header, *lines = export(client, organiser, ".csv").decode("utf-8-sig").split("\r\n")[:-1]
    this_weeks_corrections(client, organiser)
    for shown in ("1.00", "１"):
        data = "\r\n".join([header, *[line[: -len(",1")] + f",{shown}" for line in lines]]) + "\r\n"
        body = upload(client, data.encode("gbk"), "上周.csv", organiser, dry_run="true").get_json()
        assert body["notes"][0]["path"] == "since_export", (shown, body["notes"][:2])
        assert "sets openings of position 'E002-P01' back to 1 as exported; since changed to 5" in [
            m for _, m in since_notes(body)
        ]


def test_rows_of_an_older_csv_export_pasted_into_a_newer_one_are_checked_against_the_older(client, organiser):
    numbered_fair(client, organiser)
    older = export(client, organiser, ".csv").decode("utf-8-sig").split("\r\n")
    assert (
        client.patch("/api/v1/positions/E002-P01", json={"openings": 5}, headers=organiser).status_code == 200
    )
    newer = export(client, organiser, ".csv").decode("utf-8-sig").split("\r\n")
    assert newer[4].startswith("E002,") and newer[4].endswith(",2") and older[4].endswith(",1")
    pasted = "\r\n".join([*newer[:4], older[4], *newer[5:]]).encode("utf-8-sig")
    body = upload(client, pasted, "拼接.csv", organiser, dry_run="true").get_json()
    assert [m for _, m in since_notes(body)][1:] == [
        "sets openings of position 'E002-P01' back to 1 as exported; since changed to 5"
    ]


def test_a_csv_export_row_cleared_but_for_its_version_is_an_empty_row(client, organiser):
    numbered_fair(client, organiser)
    header, first, *rest = export(client, organiser, ".csv").decode("utf-8-sig").split("\r\n")
    cleared = "," * header.count(",") + first.rsplit(",", 1)[1]  # Delete pressed on the row's columns A-P
    data = "\r\n".join([header, cleared, *rest]).encode("utf-8-sig")
    body = upload(client, data, "岗位表.csv", organiser, dry_run="true").get_json()
    assert body["changed"] is False and body["file"]["rows"] == 3, body


def test_fair_export_csv_then_fair_load_names_the_corrections_it_would_undo(app, client, organiser, tmp_path):
    numbered_fair(client, organiser)
    runner, older = app.test_cli_runner(), tmp_path / "fair.csv"
    assert runner.invoke(args=["fair", "export", str(older)]).exit_code == 0
    assert client.patch("/api/v1/positions/0070", json={"openings": 4}, headers=organiser).status_code == 200
    result = runner.invoke(args=["fair", "load", str(older), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "this file was exported at data version 1; 1 load(s) or correction(s) were published since" in (
        result.stderr
    )
    assert "sets openings of position '0070' back to 1 as exported; since changed to 4" in result.stderr
    assert runner.invoke(args=["fair", "export", str(older)]).exit_code == 0
    again = runner.invoke(args=["fair", "load", str(older), "--dry-run"])
    assert again.exit_code == 0 and "note:" not in again.stderr
