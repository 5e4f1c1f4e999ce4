"""Spreadsheet import and export for organisers: .xlsx, .xls, .csv in, the fixture document out, and back.

Plain functions, no Flask: `read_file` turns an upload into a `SheetDocument` (the fixture document, the cell
each field came from, cell-level errors and notes); `workbook` and `csv_bytes` write the fair (or, given
None, an empty template) in the layout `read_file` reads.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from .blanks import filler, keep_stored
from .document import Cell, Problem, SheetDocument, problems_by_path
from .limits import Limits, TooLarge
from .reader import read_tables
from .stale import since_export_notes
from .tables import Unreadable, decode_text, read_csv, read_xls, read_xlsx
from .writer import csv_bytes, workbook

__all__ = [
    "Cell",
    "Limits",
    "Problem",
    "SheetDocument",
    "TooLarge",
    "Unreadable",
    "csv_bytes",
    "decode_text",
    "file_kind",
    "filler",
    "keep_stored",
    "problems_by_path",
    "read_file",
    "since_export_notes",
    "workbook",
]

KINDS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".csv": "csv", ".txt": "csv", ".json": "json"}


def file_kind(filename: str | None, data: bytes) -> str | None:
    """'xlsx', 'xls', 'csv' or 'json' by the extension (or, without one, the first bytes), else None."""
    suffix = PurePath(filename or "").suffix.lower()
    if suffix:
        return KINDS.get(suffix)
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE compound file: an Excel 97-2003 workbook
        return "xls"
    if data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith((b"{", b"[")):
        return "json"
    return "csv"


def read_file(
    data: bytes, filename: str, kind: str, *, fair: dict[str, Any] | None, limits: Limits | None = None
) -> SheetDocument:
    """The fixture document in a spreadsheet; `fair` (the current fair) fills in when the file has none.

    Raises Unreadable for a damaged file, TooLarge for one over `limits` (rows, columns, cells, seconds).
    """
    if kind == "xlsx":
        tables = read_xlsx(data, limits)
    elif kind == "xls":
        tables = read_xls(data, limits)
    else:
        tables = read_csv(data, PurePath(filename or "CSV").stem or "CSV", limits)
    return read_tables(tables, fair=fair, source=filename or kind)
