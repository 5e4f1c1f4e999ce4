"""Builders for the spreadsheets organisers upload: rows by column name, written as .xlsx or .csv bytes."""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import Workbook

ZH = {
    "employer_id": "单位编号",
    "employer_name": "单位名称",
    "ownership": "单位性质",
    "industry": "所属行业",
    "booth": "展位号",
    "position_id": "岗位编号",
    "title": "岗位名称",
    "skills": "技能要求",
    "education": "学历要求",
    "majors": "专业要求",
    "salary": "薪资",
    "openings": "招聘人数",
    "benefits": "福利待遇",
    "description": "岗位描述",
}
EN = {key: key for key in ZH}
FIELDS = list(ZH)


def row(
    employer_id: str = "E01",
    title: str = "普工",
    *,
    employer_name: str | None = None,
    ownership: str = "民营企业",
    industry: str = "制造业",
    booth: str = "A-01",
    **fields: Any,
) -> dict[str, Any]:
    """One position's row; employer columns filled the same way for every row of one employer."""
    return {
        "employer_id": employer_id,
        "employer_name": employer_name or f"桂林测试企业{employer_id}有限公司",
        "ownership": ownership,
        "industry": industry,
        "booth": booth,
        "title": title,
        **fields,
    }


def table(rows: list[dict[str, Any]], headers: dict[str, str] = ZH) -> list[list[Any]]:
    """The header row and one list per row, in the template's column order."""
    fields = [f for f in headers if any(f in r for r in rows)] or list(headers)
    return [[headers[f] for f in fields], *[[r.get(f, "") for f in fields] for r in rows]]


def xlsx(
    rows: list[list[Any]],
    *,
    sheet: str = "岗位表",
    fair: list[list[Any]] | None = None,
    merged: list[str] = (),
    extra_sheets: dict[str, list[list[Any]]] | None = None,
    hidden_rows: list[int] = (),
    hidden_columns: list[str] = (),
) -> bytes:
    book = Workbook()
    first = book.active
    first.title = sheet
    for values in rows:
        first.append(values)
    for cells in merged:
        first.merge_cells(cells)
    for number in hidden_rows:
        first.row_dimensions[number].hidden = True
    for column in hidden_columns:
        first.column_dimensions[column].hidden = True
    if fair is not None:
        fair_sheet = book.create_sheet("招聘会")
        for values in fair:
            fair_sheet.append(values)
    for name, values_list in (extra_sheets or {}).items():
        other = book.create_sheet(name, 0)
        for values in values_list:
            other.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_file(rows: list[list[Any]], *, encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def fair_sheet(fair_id: str = "test-fair", name: str = "测试招聘会", **more: str) -> list[list[Any]]:
    return [["字段", "值"], ["编号", fair_id], ["名称", name], *[[k, v] for k, v in more.items()]]


def sheets_xlsx(sheets: dict[str, list[list[Any]]]) -> bytes:
    """A workbook of these sheets, in this order."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for values in rows:
            sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xls(sheets: dict[str, list[list[Any]]], *, merged: list[tuple[int, int, int, int]] = ()) -> bytes:
    """An Excel 97-2003 workbook of these sheets, in this order; `merged` ranges (first row, last row, first
    column, last column, 0-based) are on the first sheet, holding the value of their first cell."""
    import xlwt  # test-only: writes .xls, which the service reads with xlrd

    book = xlwt.Workbook(encoding="utf-8")
    for index, (name, rows) in enumerate(sheets.items()):
        sheet = book.add_sheet(name)
        ranges = merged if index == 0 else []
        covered = {(r, c) for r1, r2, c1, c2 in ranges for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                if value not in ("", None) and (r, c) not in covered:
                    sheet.write(r, c, value)
        for r1, r2, c1, c2 in ranges:  # the range only, as Excel keeps it: no blank record per cell
            sheet.merge(r1, r2, c1, c2)
            if r1 < len(rows) and rows[r1][c1] not in ("", None):
                sheet.write(r1, c1, rows[r1][c1])
    buffer = io.BytesIO()
    book.save(buffer)
    for index in range(len(sheets)):  # xlwt spills long sheets' rows to a temporary file it leaves open
        if (spilled := book.get_sheet(index).row_tempfile) is not None:
            spilled.close()
    return buffer.getvalue()
