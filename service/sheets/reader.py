"""Rows of positions become the fixture document the JSON loader takes, with every field's cell remembered.

One row per position, the employer's columns repeated (or merged, or left blank below the first row). A row
with no position columns lists an employer without positions. The sheets of positions are read one after
another into one list: an employer on two sheets is one employer. Position ids left blank are made from the
employer id and the title, never the row, so a row added or moved above keeps every id (`E001-F679D0` for
普工, the employer's second 普工 `E001-F679D0-2`); employer ids left blank from the employer's name. Names
that differ only in width, case or spaces (（集团） and (集团), ＡＢＣ and abc) are one employer, named as
first written. A booth is read with its width folded (NFKC): A－2 and Ａ-2 are booth A-2.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any

from matching.reference import resolve_industry, resolve_ownership

from . import cells
from .cells import CellError, folded_id, folded_name, shown_whole, text
from .columns import columns, fallback_for, field_for, fold_header, layout, letter
from .document import Cell, Problem, SheetDocument
from .facts import sheet_facts
from .tables import HEADER_SEARCH_ROWS, Table, exported_version, fair_table, known_columns, position_tables
from .writer import EXAMPLE, EXAMPLE_MARK, EXPORTED, EXPORTED_COLUMN

OLD_EXAMPLE = ("E001", "E001-P01", EXAMPLE["employer_name"], EXAMPLE["title"])  # templates before the mark
CLEAR_MARKS = {"[清空]", "【清空】", "(清空)", "[clear]"}  # after NFKC: （清空） reads as (清空)
# A totals row under the positions (合计 in its first cell, the head counts summed beside it): no position.
TOTALS = re.compile(r"^(合计|总计|小计|共计|总数)(?:[:(].*)?$")

EMPLOYER_KEYS = {
    "employer_id": "id",
    "employer_name": "name",
    "ownership": "ownership",
    "industry": "industry",
    "booth": "booth",
    "employer_description": "description",
}
PLAIN = {
    "title": "title",
    "position_industry": "industry",
    "education": "education",
    "description": "description",
}
SAME_MEANING = {"ownership": resolve_ownership, "industry": resolve_industry}
PAY_ENDS = {"salary_min": "min", "salary_max": "max"}  # pay split in two columns: 最低月薪, 最高月薪
EXCEL_ERRORS = {"#N/A", "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#SPILL!"}
Row = tuple[int, list[Any]]  # a row's number as the sheet shows it, and its cells


class _Reader:
    def __init__(self, out: SheetDocument) -> None:
        self.out = out
        self.employers: list[dict[str, Any]] = []
        self.by_id: dict[str, int] = {}  # by the id width folded: one employer however its rows write it
        self.by_name: dict[str, int] = {}
        self.table = Table("")  # the sheet being read, its columns and their headers
        self.where: dict[str, int] = {}  # field → column index
        self.headers: dict[str, str] = {}
        self.facts: dict[str, Cell] = {}  # employer columns written above the header (a sheet per employer)
        self.damaged: set[str] = set()  # employer ids and booths Excel made long numbers of, refused once
        self.exported_at: int | None = None  # the sheet's EXPORTED_COLUMN, a CSV export's data version
        self.versions: set[int] = set()  # the versions that column gives, on every sheet read

    def cell(self, row: int, values: list[Any], name: str) -> Cell:
        col = self.where.get(name)
        if col is None and name in self.facts:
            return self.facts[name]
        value = text(values[col]) if col is not None and col < len(values) else ""
        column = letter(col) if col is not None else ""
        return Cell(self.table.name, row, column, self.headers.get(name, ""), value)

    def raw(self, values: list[Any], name: str) -> Any:
        col = self.where.get(name)
        if col is None and name in self.facts:
            return self.facts[name].value
        return values[col] if col is not None and col < len(values) else None

    def error(self, message: str, path: str, cell: Cell | None) -> None:
        self.out.errors.append(Problem(message, path, cell))

    def header(self) -> int | None:
        """Find the header row (title and group rows above it are allowed); map each header to its column.

        The header is the first of the top rows naming the most columns, among those naming a position's
        column if any does: a group row above it (用人单位 merged over the employer's columns, 招聘岗位 over
        the position's) names two, however wide its cells, and a row of the employer's facts (单位名称 |
        桂林… | 单位性质 | 民营企业) names no position column. Facts above the header stand for the columns
        it lacks.
        """
        top = self.table.rows[:HEADER_SEARCH_ROWS]
        best = max(top, key=lambda row: _header_rank(row[1]), default=None)
        if best is None or len(known_columns(best[1])) < 2:
            self.error(
                "no header row found: the first rows should name the columns, such as 单位名称 and 岗位名称",
                "columns",
                Cell(self.table.name, self.table.rows[0][0] if self.table.rows else 1, "", "", ""),
            )
            return None
        number, values = _second_header_row(self.table.rows, best)
        seen: dict[str, str] = {}
        for col, value in enumerate(values):
            written = text(value)
            name = field_for(written)
            here = Cell(self.table.name, number, letter(col), written, written)
            stand_in = fallback_for(written) if name is None else None
            if stand_in and stand_in not in self.where and stand_in not in known_columns(values):
                name = stand_in  # 任职要求 as 岗位描述 where the sheet has no 岗位描述 of its own
            if name is None and fold_header(written) == fold_header(EXPORTED_COLUMN):
                self.exported_at = col  # no field: what the file was exported at
            elif name is None:
                if written:
                    self.out.notes.append(Problem("column not read by the service", "columns", here))
            elif name in self.where:
                self.error(f"the same column as {seen[name]}", f"columns.{name}", here)
            else:
                self.where[name], self.headers[name], seen[name] = col, written, letter(col)
        above = [row for row in top if row[0] < number]
        self.facts = {k: c for k, c in sheet_facts(above, self.table.name).items() if k not in self.where}
        for name in layout()["required"]:
            if name not in self.where and name not in self.facts:
                col = columns()[name]
                here = Cell(self.table.name, number, "", "", "")
                self.error(f"missing column {col.zh} ({col.en})", f"columns.{name}", here)
        return number

    def read(self, table: Table) -> None:
        """Add a sheet's rows to the employers read so far."""
        self.table, self.where, self.headers, self.facts, self.exported_at = table, {}, {}, {}, None
        errors = len(self.out.errors)
        header_row = self.header()
        if header_row is None or len(self.out.errors) > errors:
            return
        employers, by_id, by_name = self.employers, self.by_id, self.by_name
        current: int | None = None
        self.hidden(table, header_row)
        for number, values in table.rows:
            if number <= header_row or self.exported_only(values):
                continue
            self.out.rows += 1
            self.formula_values(number, values)
            eid, name = text(self.raw(values, "employer_id")), text(self.raw(values, "employer_name"))
            if self.example(eid, name, values):
                here = self.cell(number, values, "employer_id")
                self.out.notes.append(Problem("the template's example row, skipped", "employers", here))
                continue
            if skipped := self.no_position(values):
                self.out.notes.append(Problem(skipped, "employers", Cell(table.name, number, "", "", "")))
                continue
            if eid:
                index = by_id.get(folded_id(eid))  # Ｅ００１ on one row, E001 on the next
            elif name:
                index = by_name.get(folded_name(name))
                eid = f"E-{_digest(name)}" if index is None else ""
            else:
                index = current
            if index is None and not eid:
                here = self.cell(number, values, "employer_name")
                self.error("no employer: give 单位编号 or 单位名称", "employers", here)
                continue
            if index is None:
                index = len(employers)
                employers.append({"id": eid, "positions": []})
                by_id[folded_id(eid)] = index
                self.out.cells[f"employers[{index}]"] = self.cell(number, values, "employer_name")
                self.out.cells[f"employers[{index}].id"] = self.cell(number, values, "employer_id")
            current = index
            employer = employers[index]
            if name:
                by_name.setdefault(folded_name(name), index)
            self.employer_columns(employer, index, number, values)
            self.position(employer, index, number, values)

    def exported_only(self, values: list[Any]) -> bool:
        """Note the row's export version; True for a row of nothing else (its other cells cleared)."""
        col = self.exported_at
        if col is None or col >= len(values):
            return False
        if (version := shown_whole(values[col])) is not None:  # 12, or 12.00 as Excel saved its format
            self.versions.add(version)
        return not any(text(value) for c, value in enumerate(values) if c != col)

    def formula_values(self, number: int, values: list[Any]) -> None:
        """A read cell whose formula the file holds no value for, or whose value is Excel's error (#N/A of
        a VLOOKUP that found nothing): an error, never a blank cell or an id #N/A."""
        for name, col in self.where.items():
            written = text(values[col]) if col < len(values) else ""
            if (number, col) in self.table.uncomputed:
                message = (
                    "a formula the file holds no value for (saved by a program that does not calculate): "
                    "open the file in Excel or WPS and save it again, or paste the column as values"
                )
            elif written in EXCEL_ERRORS:
                message = f"the formula's result is Excel's error {written}: correct it or write the value"
            else:
                continue
            here = Cell(self.table.name, number, letter(col), self.headers.get(name, ""), written)
            self.error(message, f"cells.{here.ref}", here)

    def no_position(self, values: list[Any]) -> str | None:
        """Why a row under the header is no position: a totals row (合计 and the head counts summed), or one
        text across the table (备注：…, 一、制造业, 填表人：…, a merged cell as wide as the rows)."""
        filled = {written for value in values if (written := text(value))}
        across = len(filled) == 1 and sum(bool(text(value)) for value in values) > 1
        if (word := _totals(values)) and (across or not text(self.raw(values, "title"))):
            return f"a totals row ({word}), skipped"
        return "one text across the row, no position: skipped" if across else None

    def hidden(self, table: Table, header_row: int) -> None:
        """Rows and columns hidden in Excel (or by a filter) are read as any other: say so, since the clerk
        who hid a withdrawn position did not see it go out again."""
        for name, col in self.where.items():
            if col in table.hidden_columns:
                here = Cell(table.name, header_row, letter(col), self.headers[name], self.headers[name])
                self.out.notes.append(Problem("a hidden column, read as any other", "columns", here))
        rows = [number for number, _ in table.rows if number > header_row and number in table.hidden_rows]
        if rows:
            listed = ", ".join(map(str, rows[:10])) + (" …" if len(rows) > 10 else "")
            message = f"{len(rows)} hidden row(s) read as any other ({listed}): delete those not to publish"
            self.out.notes.append(Problem(message, "employers", Cell(table.name, rows[0], "", "", "")))

    def example(self, eid: str, name: str, values: list[Any]) -> bool:
        written = (eid, text(self.raw(values, "position_id")), name, text(self.raw(values, "title")))
        return eid.startswith(EXAMPLE_MARK) or written == OLD_EXAMPLE

    def employer_columns(self, employer: dict[str, Any], index: int, number: int, values: list[Any]) -> None:
        for column, key in EMPLOYER_KEYS.items():
            here = self.cell(number, values, column)
            path = f"employers[{index}].{key}"
            if not here.value:
                self.out.cells.setdefault(path, here)
                continue
            numbered = column in ("employer_id", "booth")
            if numbered and (damage := cells.number_damage(self.raw(values, column))):
                if path not in self.damaged:  # once for the employer, not on each of its rows
                    self.damaged.add(path)
                    self.error(damage, path, here)
                continue
            if _clears(here.value):
                employer.setdefault(key, None)
                self.out.cells[path] = here
                self.out.cleared += 1
                continue
            # A booth in full width (Ａ－2, A－2) is booth A-2, on the employer's other rows and the hall plan
            value = unicodedata.normalize("NFKC", here.value) if column == "booth" else here.value
            if key not in employer:
                employer[key] = value
                self.out.cells[path] = here
            elif not _same(column, employer[key], value):
                where = _where(self.out.cells[path], here)
                self.error(
                    f"differs from {where} ({employer[key]!r}) for employer {employer['id']!r}", path, here
                )
            elif key == "name" and here.value != employer[key]:  # written otherwise: kept as first written
                where = _where(self.out.cells[path], here)
                self.out.notes.append(
                    Problem(f"read as {employer[key]!r}, the employer of {where}", path, here)
                )
        self.extra(employer, number, values, "employer_extra", f"employers[{index}]")

    def extra(self, target: dict[str, Any], number: int, values: list[Any], column: str, path: str) -> None:
        here = self.cell(number, values, column)
        if not here.value:
            return
        try:
            found = json.loads(here.value)
            if not isinstance(found, dict):
                raise ValueError
        except ValueError:
            self.error('must be a JSON object such as {"contact": "李经理"}', f"{path}.extra", here)
            return
        for key, value in found.items():
            target.setdefault(key, value)

    def position(self, employer: dict[str, Any], index: int, number: int, values: list[Any]) -> None:
        names = [c.field for c in columns().values() if c.level == "position"]
        if not any(text(self.raw(values, n)) for n in names):
            return  # an employer's own row, with no position on it
        j = len(employer["positions"])
        base = f"employers[{index}].positions[{j}]"
        pid = text(self.raw(values, "position_id"))
        item: dict[str, Any] = {"id": pid or _made_id(employer, text(self.raw(values, "title")))}
        if damage := cells.number_damage(self.raw(values, "position_id")):
            self.error(damage, f"{base}.id", self.cell(number, values, "position_id"))
        if not pid:
            here = self.cell(number, values, "position_id")
            self.out.notes.append(Problem(f"id {item['id']} given", f"{base}.id", here))
        for column, key in PLAIN.items():
            here = self.cell(number, values, column)
            self.out.cells[f"{base}.{key}"] = here
            if _clears(here.value):
                item[key] = "none" if key == "education" else None
                self.out.cleared += 1
            elif here.value:
                item[key] = here.value
        self.out.cells[base] = self.cell(number, values, "title")
        self.out.cells[f"{base}.id"] = self.cell(number, values, "position_id")
        for key in ("skills", "majors", "benefits"):
            self.out.cells[f"{base}.{key}"] = self.cell(number, values, key)
            if _clears(text(self.raw(values, key))):
                item[key] = []
                self.out.cleared += 1
            elif items := cells.split_list(self.raw(values, key)):
                item[key] = items
        self.pay(item, base, number, values)
        count = self.out.cells[f"{base}.openings"] = self.cell(number, values, "openings")
        if _clears(count.value):
            item["openings"] = 1
            self.out.cleared += 1
        else:
            self.openings(item, base, count, values)
        extra: dict[str, Any] = {}
        self.extra(extra, number, values, "position_extra", base)
        employer["positions"].append({**extra, **item})

    def pay(self, item: dict[str, Any], base: str, number: int, values: list[Any]) -> None:
        """The pay of 薪资, or of 最低月薪 and 最高月薪. On a row filling both, each end the pair gives
        must be the one 薪资 gives: two pays for one position is an error at the pair's cell, not a guess."""
        names = ("salary", *PAY_ENDS)
        pay, low_cell, high_cell = given = [self.cell(number, values, n) for n in names]
        self.out.cells[f"{base}.salary_min"] = low_cell if low_cell.value else pay
        self.out.cells[f"{base}.salary_max"] = high_cell if high_cell.value else pay
        written = {n: c for n, c in zip(names, given, strict=True) if c.value and not _clears(c.value)}
        cleared = sum(_clears(c.value) for c in given)
        self.out.cleared += cleared
        if not written:
            if cleared:
                item.update(salary_min=None, salary_max=None, salary_text=None)
            else:
                self.out.blank_pay.add(item["id"])
            return
        single = "salary" in written
        try:
            low, high = cells.parse_pay(self.raw(values, "salary")) if single else (None, None)
        except CellError as err:
            self.error(str(err), f"{base}.salary_min", pay)
            return
        wording = cells.pay_wording(self.raw(values, "salary"), low, high) if single else None
        ends = {"salary_min": low, "salary_max": high}
        for key in [k for k in PAY_ENDS if k in written]:
            try:
                amount = cells.parse_pay_end(self.raw(values, key), PAY_ENDS[key])
                if single and amount != ends[key]:
                    raise CellError(
                        f"differs from {pay.header} {pay.value!r}: leave one blank or write the same pay"
                    )
            except CellError as err:
                self.error(str(err), f"{base}.{key}", written[key])
                return
            ends[key] = amount
            if not single and cells.pay_wording(self.raw(values, key), amount, amount):
                wording = "～".join(written[k].value for k in PAY_ENDS if k in written)  # 底薪3000～8000
        low, high = ends.values()
        if low is not None and high is not None and low > high:
            self.error("minimum above maximum", f"{base}.salary_min", self.out.cells[f"{base}.salary_min"])
            return
        item.update({k: v for k, v in ends.items() if v is not None})
        if wording:
            item["salary_text"] = wording

    def openings(self, item: dict[str, Any], base: str, count: Cell, values: list[Any]) -> None:
        try:
            openings, note = cells.parse_openings(self.raw(values, "openings"))
            if openings is not None:
                item["openings"] = openings
            if note:
                self.out.notes.append(Problem(note, f"{base}.openings", count))
        except CellError as err:
            self.error(str(err), f"{base}.openings", count)


def _clears(value: str) -> bool:
    return bool(value) and unicodedata.normalize("NFKC", value).replace(" ", "").casefold() in CLEAR_MARKS


def _second_header_row(rows: list[Row], best: Row) -> Row:
    """A header on two rows: 岗位信息 over 岗位名称 | 招聘人数 | 学历要求 on the row below, the other headers
    (单位名称, 薪资) written once above, unmerged. The row right under names columns only where the header
    names none: the two are one header, ending on the lower row."""
    number, values = best
    below = next((row for row in rows if row[0] == number + 1), None)
    if below is None:
        return best
    lower = below[1]
    width = max(len(values), len(lower))
    upper_names = [field_for(text(values[c])) if c < len(values) else None for c in range(width)]
    lower_names = [field_for(text(lower[c])) if c < len(lower) else None for c in range(width)]
    named_below = [c for c in range(width) if lower_names[c]]
    if len(named_below) < 2 or any(upper_names[c] for c in named_below):
        return best
    if set(filter(None, lower_names)) & set(filter(None, upper_names)):
        return best
    merged = [lower[c] if lower_names[c] else (values[c] if c < len(values) else None) for c in range(width)]
    return below[0], merged


def _header_rank(values: list[Any]) -> tuple[bool, int]:
    """A header names a position's column; a row of the employer's facts names only the employer's."""
    named = known_columns(values)
    return any(columns()[name].level == "position" for name in named), len(named)


def _totals(values: list[Any]) -> str | None:
    """The word (合计, 总计 …) opening a totals row in its first filled cell; None for any other row."""
    first = next((written for value in values if (written := text(value))), "")
    match = TOTALS.match(re.sub(r"\s+", "", unicodedata.normalize("NFKC", first)))
    return match.group(1) if match else None


def _digest(written: str) -> str:
    return hashlib.sha1(written.encode()).hexdigest()[:6].upper()


def _made_id(employer: dict[str, Any], title: str) -> str:
    """A blank 岗位编号: the employer id and a digest of the folded title, with -2, -3 … for the employer's
    second, third position of that title in file order. The row plays no part: a note row inserted above,
    or rows sorted otherwise, must not turn the same positions into new ones."""
    made = f"{employer['id']}-{_digest(folded_name(title))}"
    taken = {p["id"] for p in employer["positions"]}
    ordinal = 1
    while (found := made if ordinal == 1 else f"{made}-{ordinal}") in taken:
        ordinal += 1
    return found


def _where(first: Cell, here: Cell) -> str:
    """Where an earlier cell is, seen from a later one: its row on the same sheet, else its reference."""
    return f"row {first.row}" if first.sheet == here.sheet else first.ref


def _same(column: str, first: str, other: str) -> bool:
    if first == other:
        return True
    if column == "employer_name":
        return folded_name(first) == folded_name(other)
    if column == "employer_id":  # Ｅ００１ on one row, E001 on the next: one employer, as first written
        return folded_id(first) == folded_id(other)
    resolve = SAME_MEANING.get(column)
    return bool(resolve and resolve(first).key and resolve(first).key == resolve(other).key)


def _fair_block(table: Table, out: SheetDocument) -> dict[str, Any]:
    spec = layout()["fair_sheet"]["fields"]
    known = {fold_header(n): f["field"] for f in spec for n in (f["field"], f["zh"])}
    fair: dict[str, Any] = {}
    for number, values in table.rows:
        label, value = text(values[0]) if values else "", values[1] if len(values) > 1 else None
        key = known.get(fold_header(label), label)
        if not label or not text(value) or fold_header(label) in {"字段", "field"}:
            continue
        out.cells[f"fair.{key}"] = Cell(table.name, number, "B", label, text(value))
        if _clears(text(value)):
            fair[key] = None
            out.cleared += 1
        else:
            fair[key] = cells.split_list(value) if key == "organisers" else text(value)
    out.cells["fair"] = Cell(table.name, 1, "", "", "")
    return fair


def read_tables(tables: list[Table], *, fair: dict[str, Any] | None, source: str) -> SheetDocument:
    """The fixture document of a workbook's tables; `fair` is used when the file has no 招聘会 sheet."""
    out = SheetDocument({"fair": fair, "employers": []})
    in_instructions = exported_version(tables, EXPORTED) if len(tables) > 1 else None
    fair_sheet = fair_table(tables) if len(tables) > 1 else None  # a CSV named fair.csv is still positions
    if fair_sheet is not None:
        out.document["fair"] = _fair_block(fair_sheet, out)
        out.own_fair = True
    elif fair is None:
        out.errors.append(Problem("no fair: this file has no 招聘会 sheet and no fair is loaded yet", "fair"))
    found, others = position_tables(tables)
    for table in others:
        message = f"sheet not read: none of its first {HEADER_SEARCH_ROWS} rows names 单位名称 and 岗位名称"
        out.notes.append(Problem(message, "sheets", Cell(table.name, table.rows[0][0], "", "", "")))
    if not found:
        message = f"no sheet of positions found in {source}: expected a 岗位表 sheet"
        out.errors.append(Problem(message, "employers"))
        return out
    reader = _Reader(out)
    for table in found:
        out.sheets.append(table.name)
        reader.read(table)
    out.document["employers"] = reader.employers
    # Rows of an older export pasted among a newer one's are checked too: the oldest version found counts
    versions = reader.versions | ({in_instructions} if in_instructions is not None else set())
    out.exported_version = min(versions, default=None)
    return out
