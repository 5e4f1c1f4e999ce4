"""Spreadsheet uploads are bounded in rows, columns, cells (a merged range counts as all its cells), seconds.

Each hostile file here is a few KB; read without the limits, the merged one alone builds billions of cells.
"""

from __future__ import annotations

import io
import re
import time
import tracemalloc
import zipfile

import pytest

from service import sheets
from service.sheets import Limits, TooLarge

from .builders import small_fair
from .sheet_builders import csv_file, row, table, xlsx
from .test_uploads import URL, upload, version


def patched(book: bytes, sheet_xml) -> bytes:
    """The workbook with its first sheet's XML rewritten by `sheet_xml`."""
    source = zipfile.ZipFile(io.BytesIO(book))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml(data.decode()).encode()
            target.writestr(info, data)
    return out.getvalue()


def good_book() -> bytes:
    return xlsx(table([row()]))


def huge_merge(xml: str) -> str:
    merge = '<mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>'
    return re.sub(r"</sheetData>", "</sheetData>" + merge, xml, count=1)


def far_cell(xml: str) -> str:
    cell = '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return xml.replace("</sheetData>", cell + "</sheetData>", 1)


def wide_cell(xml: str) -> str:
    cell = '<row r="3"><c r="XFD3" t="inlineStr"><is><t>x</t></is></c></row>'
    return xml.replace("</sheetData>", cell + "</sheetData>", 1)


@pytest.mark.parametrize(
    "rewrite, limit",
    [(huge_merge, "rows"), (far_cell, "rows"), (wide_cell, "columns")],
    ids=["merged-range", "far-row", "far-column"],
)
def test_an_xlsx_beyond_the_limits_is_413_at_once_and_changes_nothing(client, organiser, rewrite, limit):
    hostile = patched(good_book(), rewrite)
    assert len(hostile) < 16_000
    client.post(f"{URL}?mode=replace", json=small_fair(), headers=organiser)
    before = version(client)
    tracemalloc.start()
    started = time.monotonic()
    response = upload(client, hostile, "岗位.xlsx", organiser, mode="upsert")
    elapsed = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert response.status_code == 413, response.get_json()
    body = response.get_json()
    assert f"file.{limit}" in body["errors"]
    assert body["message"].startswith("岗位.xlsx:")
    assert version(client) == before
    assert elapsed < 10 and peak < 100 * 2**20  # read unbounded, these take minutes and gigabytes


def test_the_cells_limit_counts_a_merged_range_as_all_its_cells():
    merged = patched(good_book(), lambda xml: huge_merge(xml).replace("XFD1048576", "CV5000"))
    limits = Limits(rows=20_000, columns=100, cells=100_000)
    with pytest.raises(TooLarge) as raised:
        sheets.read_file(merged, "a.xlsx", "xlsx", fair=None, limits=limits)
    assert raised.value.limit == "cells"
    # the same range within the cells allowed reads, every cell of it carrying the range's value
    small = patched(good_book(), lambda xml: huge_merge(xml).replace("XFD1048576", "B3"))
    sheets.read_file(small, "a.xlsx", "xlsx", fair=None, limits=limits)


def test_a_workbook_within_the_limits_still_loads(client, organiser):
    client.post(f"{URL}?mode=replace", json=small_fair(), headers=organiser)
    response = upload(client, xlsx(table([row()])), "岗位.xlsx", organiser, mode="upsert", dry_run="true")
    assert response.status_code == 200, response.get_json()


def test_a_csv_with_too_many_rows_or_columns_is_413(app, client, organiser):
    client.post(f"{URL}?mode=replace", json=small_fair(), headers=organiser)
    app.config["FAIR_SHEET_ROWS"] = 50
    many = csv_file(table([row(position_id=f"E001-P{n:02d}") for n in range(60)]))
    response = upload(client, many, "岗位.csv", organiser, mode="upsert")
    assert response.status_code == 413 and "file.rows" in response.get_json()["errors"]
    app.config["FAIR_SHEET_ROWS"] = 20_000
    wide = csv_file([["单位编号", *[f"列{n}" for n in range(150)]], ["E001", *["x"] * 150]])
    response = upload(client, wide, "岗位.csv", organiser, mode="upsert")
    assert response.status_code == 413 and "file.columns" in response.get_json()["errors"]


def test_reading_stops_at_the_deadline(app, client, organiser):
    client.post(f"{URL}?mode=replace", json=small_fair(), headers=organiser)
    app.config["FAIR_SHEET_SECONDS"] = 0
    rows = table([row(position_id=f"E001-P{n:03d}") for n in range(300)])
    response = upload(client, xlsx(rows), "岗位.xlsx", organiser, mode="upsert")
    assert response.status_code == 413
    assert "file.seconds" in response.get_json()["errors"]
