"""Getting rows out of an uploaded file: the sheets of an .xlsx or an .xls, or a .csv in UTF-8 or GBK."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from .cells import shown_whole, text
from .columns import field_for, fold_header, layout
from .facts import sheet_facts
from .limits import Deadline, Limits, TooLarge, check_extent, check_extents, check_workbook, scan_biff_sheet

MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # an .xlsx is a zip: refuse one that would unpack to more than this
HEADER_SEARCH_ROWS = 10


class Unreadable(ValueError):
    """The file cannot be read as the kind it claims to be (empty, corrupt, unknown encoding)."""


@dataclass
class Table:
    """One sheet's non-empty rows, each with its row number as the spreadsheet shows it."""

    name: str
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)  # row numbers hidden in Excel (or filtered out)
    hidden_columns: set[int] = field(default_factory=set)  # 0-based column indexes hidden in Excel
    # (row, 0-based column) of formulas the file holds no computed value for: read as blank otherwise
    uncomputed: set[tuple[int, int]] = field(default_factory=set)


@contextmanager
def _damaged(kind: str) -> Iterator[None]:
    """A reading library's own errors on a damaged workbook (openpyxl and xlrd raise many kinds) as one
    Unreadable naming the file ``kind``; the limits' errors pass as they are."""
    try:
        yield
    except (Unreadable, TooLarge):
        raise
    except Exception as err:
        kind_of = type(err).__name__
        raise Unreadable(f"not a readable {kind} workbook ({kind_of}); save it again as .xlsx") from None


def read_xlsx(data: bytes, limits: Limits | None = None) -> list[Table]:
    import openpyxl  # imported here: only uploads and exports need it

    if not data:
        raise Unreadable("the file is empty")
    limits = limits or Limits()
    deadline = Deadline(limits.seconds)
    with _damaged(".xlsx"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise Unreadable("the workbook unpacks to more than the service accepts")
            check_workbook(archive, limits, deadline)  # before openpyxl builds a single cell
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    deadline.check()
    tables = []
    for sheet in book.worksheets:
        check_extent(sheet.max_row, sheet.max_column, limits)
        merged = _merged_values(sheet)
        table = Table(sheet.title)
        table.hidden_rows = {number for number, row in sheet.row_dimensions.items() if row.hidden}
        for spec in sheet.column_dimensions.values():
            if spec.hidden and spec.min:
                table.hidden_columns.update(range(spec.min - 1, min(spec.max or spec.min, limits.columns)))
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number % 256 == 0:
                deadline.check()
            row = list(values)
            for col in range(len(row)):
                if (number, col + 1) in merged:
                    row[col] = merged[(number, col + 1)]
            if any(text(v) for v in row):
                table.rows.append((number, row))
        tables.append(table)
    book.close()
    if _has_formulas(data):
        _find_uncomputed(data, tables, deadline)
    return tables


_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formulas(data: bytes) -> bool:
    """Whether a worksheet of the .xlsx holds a formula (a cell's <f>)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if "worksheets/" in info.filename.lower() and info.filename.lower().endswith(".xml"):
                with archive.open(info) as stream:
                    if _FORMULA.search(stream.read()):
                        return True
    return False


def _find_uncomputed(data: bytes, tables: list[Table], deadline: Deadline) -> None:
    """Mark the formulas whose computed value the file lacks: a program that writes formulas without
    calculating them (a script, some converters) leaves them so, and they would read as blank cells, a blank
    岗位编号 making a new id. Excel and WPS save the value with the formula."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    for sheet, table in zip(book.worksheets, tables, strict=True):
        read = dict(table.rows)
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number % 256 == 0:
                deadline.check()
            for col, value in enumerate(values):
                if isinstance(value, str) and value.startswith("="):
                    computed = read.get(number)
                    if computed is None or col >= len(computed) or computed[col] is None:
                        table.uncomputed.add((number, col))
                        read.setdefault(number, [None] * len(values))  # a row of such formulas only: read too
        table.rows = sorted((number, values) for number, values in read.items())
    book.close()


def read_xls(data: bytes, limits: Limits | None = None) -> list[Table]:
    """The sheets of an Excel 97-2003 workbook, as `read_xlsx` gives an .xlsx's: each sheet's extent is read
    from its records and checked against the limits before xlrd builds its cells."""
    import xlrd  # imported here: only uploads need it

    if not data:
        raise Unreadable("the file is empty")
    limits = limits or Limits()
    deadline = Deadline(limits.seconds)
    with _damaged(".xls"):
        book = xlrd.open_workbook(
            file_contents=data, on_demand=True, formatting_info=True, logfile=io.StringIO()
        )
        check_extents([scan_biff_sheet(book.mem, start, deadline) for start in book._sh_abs_posn], limits)
        sheets = [book.sheet_by_index(i) for i in range(book.nsheets)]
    deadline.check()
    tables = []
    for sheet in sheets:
        merged = {}
        for first_row, end_row, first_col, end_col in sheet.merged_cells:
            value = _xls_value(sheet.cell(first_row, first_col), book.datemode)
            merged |= {(r, c): value for r in range(first_row, end_row) for c in range(first_col, end_col)}
        table = Table(sheet.name)
        table.hidden_rows = {r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden}
        table.hidden_columns = {
            c for c, info in sheet.colinfo_map.items() if info.hidden and c < limits.columns
        }
        for r in range(sheet.nrows):
            if r % 256 == 255:
                deadline.check()
            row = [merged.get((r, c), _xls_value(cell, book.datemode)) for c, cell in enumerate(sheet.row(r))]
            if any(text(v) for v in row):
                table.rows.append((r + 1, row))
        tables.append(table)
    book.release_resources()
    return tables


def _xls_value(cell, datemode: int) -> Any:
    """A cell's value as openpyxl gives an .xlsx's: a whole number as int, a date as datetime, an error as
    its text (#N/A), an empty cell as None."""
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return int(cell.value) if float(cell.value).is_integer() else cell.value
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value)
    return cell.value


def _merged_values(sheet) -> dict[tuple[int, int], Any]:
    """Every cell of a merged range carries the range's value, as a reader of the sheet sees it."""
    values = {}
    for cells in sheet.merged_cells.ranges:
        value = sheet.cell(cells.min_row, cells.min_col).value
        for row in range(cells.min_row, cells.max_row + 1):
            for col in range(cells.min_col, cells.max_col + 1):
                values[(row, col)] = value
    return values


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or else GBK/GB18030, as Chinese Excel saves it."""
    if not data:
        raise Unreadable("the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise Unreadable("the text is neither UTF-8 nor GBK; save the sheet as CSV UTF-8")


def read_csv(data: bytes, name: str, limits: Limits | None = None) -> list[Table]:
    limits = limits or Limits()
    deadline = Deadline(limits.seconds)
    try:
        content = decode_text(data)
    except UnicodeDecodeError:
        raise Unreadable("the text is not valid UTF-8") from None
    if "\x00" in content:
        raise Unreadable("this is not a text file; upload .xlsx, .csv or .json")
    delimiter = _delimiter(content)
    table = Table(name)
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        widest = 0
        for number, row in enumerate(reader, start=1):
            widest = max(widest, len(row))
            if number % 256 == 0:
                deadline.check()
            check_extent(number, widest, limits)
            if number * widest > limits.cells:
                raise TooLarge("cells", f"the file has more than {limits.cells:,} cells; split it")
            if any(cell.strip() for cell in row):
                table.rows.append((number, list(row)))
    except csv.Error as err:
        raise Unreadable(f"not a readable CSV file: {err}") from None
    return [table]


def _delimiter(content: str) -> str:
    """Comma, tab or semicolon: the one whose top rows name the most columns (a title line above the header
    has no separator to count), else the one the first line holds most of."""
    top = content.splitlines()[:HEADER_SEARCH_ROWS]

    def named(delimiter: str) -> int:
        try:
            return max((len(known_columns(row)) for row in csv.reader(top, delimiter=delimiter)), default=0)
        except csv.Error:
            return 0

    return max(",\t;", key=lambda d: (named(d), top[0].count(d) if top else 0))


def _is(name: str, names: list[str]) -> bool:
    return fold_header(name) in {fold_header(n) for n in names}


def known_columns(values: list[Any]) -> set[str]:
    """The columns a row names, each once."""
    return {name for value in values if (name := field_for(text(value)))}


def fair_table(tables: list[Table]) -> Table | None:
    return next((t for t in tables if _is(t.name, layout()["fair_sheet"]["names"])), None)


def _instructions(table: Table) -> bool:
    """The template's 填写说明 sheet, by its name or, renamed, by its first row."""
    first = [written for v in table.rows[0][1] if (written := text(v))] if table.rows else []
    return _is(table.name, [layout()["instructions_sheet"]]) or first == layout()["instructions_header"]


def exported_version(tables: list[Table], label: str) -> int | None:
    """The data version an export wrote on its 填写说明 sheet (the row `label`), or None."""
    for table in tables:
        if _instructions(table):
            for _, values in table.rows:
                if values and text(values[0]) == label and len(values) > 1:
                    return shown_whole(values[1])
    return None


def position_tables(tables: list[Table]) -> tuple[list[Table], list[Table]]:
    """The sheets of positions, in the workbook's order, and the other sheets holding data.

    A sheet of positions is named like 岗位表, or one of its top rows names the required columns (单位名称
    and 岗位名称). Failing any, the first sheet whose top rows name two columns is read, to say what is
    missing. The 招聘会 sheet and the template's 填写说明 are neither.
    """
    if len(tables) == 1:
        return tables, []
    fair, required = fair_table(tables), set(layout()["required"])
    candidates = [t for t in tables if t.rows and t is not fair and not _instructions(t)]
    found = [
        t
        for t in candidates
        if _is(t.name, layout()["position_sheets"]) or any(required <= names | _facts(t) for names in _top(t))
    ]
    if not found:
        found = [t for t in candidates if any(len(names) >= 2 for names in _top(t))][:1]
    return found, [t for t in candidates if t not in found]


def _facts(table: Table) -> set[str]:
    """The employer columns a sheet's top rows give as facts (单位名称：桂林…), for a sheet per employer."""
    return set(sheet_facts(table.rows[:HEADER_SEARCH_ROWS], table.name))


def _top(table: Table) -> list[set[str]]:
    """The columns each of a sheet's top rows names."""
    return [known_columns(values) for _, values in table.rows[:HEADER_SEARCH_ROWS]]
