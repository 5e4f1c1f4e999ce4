"""Excel 97-2003 workbooks (.xls, as many HR offices and WPS users still save) are read as an .xlsx is: the
same header detection, notes and errors at their cell, and the same limits, checked before cells are built."""

from __future__ import annotations

import io

import pytest

from .builders import small_fair
from .sheet_builders import fair_sheet, row, table, xls, xlsx

URL = "/api/v1/fixtures"


def upload(client, data: bytes, name: str, headers: dict, **query):
    params = "&".join(f"{k}={v}" for k, v in query.items())
    return client.post(f"{URL}?{params}" if params else URL, data={"file": (io.BytesIO(data), name)},
                       headers=headers, content_type="multipart/form-data")  # fmt: skip


@pytest.fixture
def loaded(client, organiser):
    assert client.post(f"{URL}?mode=replace", json=small_fair(), headers=organiser).status_code == 200
    return client


ROWS = [
    row("E09", "仓库管理员", position_id="E09-P01", salary="4000-6000", openings="3人", education="大专"),
    row("E09", "叉车司机", position_id="E09-P02", salary=5500, openings=2),
]


def test_an_xls_workbook_loads_as_its_xlsx_would(loaded, organiser):
    title = [["七星区2023届高校毕业生招聘会 岗位汇总"]]  # a title row above the header, as offices write
    sheets = {"岗位表": title + table(ROWS), "招聘会": fair_sheet("qixing-2023")}
    old = upload(loaded, xls(sheets), "岗位汇总.xls", organiser, dry_run="true", mode="upsert")
    new_book = xlsx(title + table(ROWS), fair=fair_sheet("qixing-2023"))
    new = upload(loaded, new_book, "岗位汇总.xlsx", organiser, dry_run="true", mode="upsert")
    assert old.status_code == new.status_code == 422  # the fair id differs from the one loaded
    assert old.get_json()["errors"] == new.get_json()["errors"]
    sheets = {"岗位表": title + table(ROWS)}
    answer = upload(loaded, xls(sheets), "岗位汇总.xls", organiser)
    assert answer.status_code == 200, answer.get_json()
    assert answer.get_json()["positions"]["created"] == 2
    got = loaded.get("/api/v1/positions/E09-P01").get_json()
    assert (got["salary_min"], got["salary_max"], got["openings"]) == (4000, 6000, 3)
    assert loaded.get("/api/v1/positions/E09-P02").get_json()["salary_min"] == 5500


def test_an_xls_error_is_at_its_sheet_row_and_column(loaded, organiser):
    bad = [*ROWS, row("E09", "主播", position_id="E09-P03", salary="8000-5000")]
    answer = upload(loaded, xls({"岗位表": table(bad)}), "岗位.xls", organiser).get_json()
    assert answer["code"] == 422
    [cell] = answer["cells"]
    assert (cell["sheet"], cell["row"], cell["header"]) == ("岗位表", 4, "薪资")
    assert cell["message"] == "minimum above maximum"


def test_a_merged_employer_column_is_read_as_in_an_xlsx(loaded, organiser):
    rows = table(ROWS)
    employer_name = rows[0].index("单位名称")
    answer = upload(loaded, xls({"岗位表": rows}, merged=[(1, 2, employer_name, employer_name)]), "a.xls",
                    organiser, dry_run="true")  # fmt: skip
    assert answer.status_code == 200, answer.get_json()
    assert answer.get_json()["positions"]["created"] == 2


@pytest.mark.parametrize(
    ("sheets", "merged", "limit"),
    [
        ({"岗位表": [*table(ROWS), *[[""]] * 25_000, ["x"]]}, [], "rows"),  # one cell far below the data
        ({"岗位表": [[*table(ROWS)[0], *[""] * 150, "x"]]}, [], "columns"),
        ({"岗位表": table(ROWS)}, [(3, 3, 0, 120)], "columns"),  # a merged range reaching column 121
        (
            {"岗位表": table(ROWS), **{f"Sheet{i}": [*[[""]] * 19_999, [""] * 5 + ["x"]] for i in range(6)}},
            [],
            "cells",
        ),  # six sheets of 20,000 × 6: 720,000 cells in all
    ],
)
def test_an_xls_over_the_limits_is_413_before_its_cells_are_built(loaded, organiser, sheets, merged, limit):
    answer = upload(loaded, xls(sheets, merged=merged), "大.xls", organiser)
    assert answer.status_code == 413, answer.get_json()
    assert list(answer.get_json()["errors"]) == [f"file.{limit}"]


def test_a_damaged_xls_is_400(loaded, organiser):
    answer = upload(loaded, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "岗位汇总.xls", organiser)
    assert answer.status_code == 400
    assert "not a readable .xls workbook" in answer.get_json()["message"]
