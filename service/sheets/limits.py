"""Bounds on an uploaded sheet, checked before the work that they bound.

An .xlsx of a few KB can declare a merged range over a million cells, or one cell at XFD1048576, and
openpyxl would build every cell of it in memory. So the worksheets' XML is scanned first, streaming, for the
extent of the cells and merged ranges it declares; only a workbook within the limits is handed to openpyxl.
A merged range counts as all of its cells. The same limits, and a deadline, hold while the rows are read.
"""

from __future__ import annotations

import re
import time
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from xml.etree import ElementTree


@dataclass(frozen=True)
class Limits:
    """The furthest row and column, the cells (rows × columns per sheet, summed) and the seconds to read."""

    rows: int = 20_000
    columns: int = 100
    cells: int = 600_000
    seconds: float = 20.0


class TooLarge(ValueError):
    """The sheet is over one of the limits; `limit` names which (rows, columns, cells or seconds)."""

    def __init__(self, limit: str, message: str) -> None:
        super().__init__(message)
        self.limit = limit


class Deadline:
    """Raises TooLarge('seconds') once the time to read a sheet is spent."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise TooLarge(
                "seconds", f"the file takes more than {self.seconds:g} s to read; split it or save it again"
            )


@dataclass
class Extent:
    """How far one sheet reaches: its last row and column, counting merged ranges."""

    rows: int = 0
    columns: int = 0


_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")


def _cell(ref: str) -> tuple[int, int] | None:
    """'B12' → (12, 2); None for what is not a cell reference."""
    found = _REF.match(ref.strip())
    if not found:
        return None
    column = 0
    for letter in found.group(1).upper():
        column = column * 26 + ord(letter) - 64
    return int(found.group(2)), column


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _scan(stream, deadline: Deadline) -> Extent | None:
    """The extent of a worksheet part; None when the part is not a worksheet."""
    extent = Extent()
    row = column = 0
    events = ElementTree.iterparse(stream, events=("start",))
    for seen, (_, element) in enumerate(events):
        name = _local(element.tag)
        if seen == 0 and name != "worksheet":
            return None
        if seen % 4096 == 4095:
            deadline.check()
        if name == "row":
            number = element.get("r")
            row = int(number) if number and number.isdigit() else row + 1
            column = 0
            extent.rows = max(extent.rows, row)
        elif name == "c":
            place = _cell(element.get("r") or "")
            if place:
                row, column = place
            else:
                column += 1
            extent.rows, extent.columns = max(extent.rows, row), max(extent.columns, column)
        elif name == "mergeCell":
            corners = [_cell(part) for part in (element.get("ref") or "").split(":")]
            for corner in corners:
                if corner:
                    extent.rows, extent.columns = max(extent.rows, corner[0]), max(extent.columns, corner[1])
        element.clear()
    return extent


def check_workbook(archive: zipfile.ZipFile, limits: Limits, deadline: Deadline) -> None:
    """Raise TooLarge when any worksheet of the workbook spans more than the limits allow."""
    check_extents(_worksheets(archive, deadline), limits)


def _worksheets(archive: zipfile.ZipFile, deadline: Deadline) -> Iterator[Extent]:
    """The extent of each worksheet of an .xlsx, scanned one at a time (the checks stop at the first too
    large)."""
    for info in archive.infolist():
        if not info.filename.lower().endswith(".xml"):
            continue
        with archive.open(info) as stream:
            try:
                extent = _scan(stream, deadline)
            except ElementTree.ParseError:
                continue  # openpyxl will say the workbook is damaged
        if extent is not None:
            yield extent


def check_extent(rows: int, columns: int, limits: Limits) -> None:
    if rows > limits.rows:
        raise TooLarge(
            "rows",
            f"a sheet reaches row {rows:,}, more than the {limits.rows:,} rows the service reads; "
            "split the file or delete the empty rows below the data",
        )
    if columns > limits.columns:
        raise TooLarge(
            "columns",
            f"a sheet reaches column {columns:,}, more than the {limits.columns:,} columns the service "
            "reads; delete the columns right of the data",
        )


# An .xls (BIFF) sheet's records that place cells, each starting with its row and column (2 bytes each);
# MULRK and MULBLANK end with their last column. MERGEDCELLS lists ranges: first and last row, then column.
_BIFF_CELLS = {0x0006, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00D6}
_BIFF_RUNS = {0x00BD, 0x00BE}
_BIFF_MERGED, _BIFF_EOF = 0x00E5, 0x000A


def scan_biff_sheet(stream: bytes, start: int, deadline: Deadline) -> Extent:
    """The extent of the .xls sheet whose records start at `start` in the workbook stream, read from its
    cell and merge records before xlrd builds a cell of it."""
    extent = Extent()
    position, end, seen = start, len(stream), 0
    while position + 4 <= end:
        code = int.from_bytes(stream[position : position + 2], "little")
        length = int.from_bytes(stream[position + 2 : position + 4], "little")
        body = stream[position + 4 : position + 4 + length]
        position += 4 + length
        seen += 1
        if seen % 4096 == 0:
            deadline.check()
        if code == _BIFF_EOF:
            break
        if (code in _BIFF_CELLS or code in _BIFF_RUNS) and len(body) >= 4:
            last = int.from_bytes(body[-2:] if code in _BIFF_RUNS else body[2:4], "little")
            extent.rows = max(extent.rows, int.from_bytes(body[:2], "little") + 1)
            extent.columns = max(extent.columns, last + 1)
        elif code == _BIFF_MERGED and len(body) >= 2:
            for at in range(2, min(len(body), 2 + 8 * int.from_bytes(body[:2], "little")) - 7, 8):
                extent.rows = max(extent.rows, int.from_bytes(body[at + 2 : at + 4], "little") + 1)
                extent.columns = max(extent.columns, int.from_bytes(body[at + 6 : at + 8], "little") + 1)
    return extent


def check_extents(extents: Iterable[Extent], limits: Limits) -> None:
    """Raise TooLarge when a sheet, or all of them together, span more than the limits allow."""
    cells = 0
    for extent in extents:
        check_extent(extent.rows, extent.columns, limits)
        cells += extent.rows * extent.columns
        if cells > limits.cells:
            raise TooLarge(
                "cells",
                f"the workbook spans more than {limits.cells:,} cells (merged ranges count as all their "
                "cells); remove empty or merged areas, or split the file",
            )
