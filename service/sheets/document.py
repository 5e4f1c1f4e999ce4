"""Where a fixture document's fields came from in a spreadsheet, and the problems found at those cells."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Cell:
    sheet: str
    row: int
    column: str
    header: str
    value: str

    @property
    def ref(self) -> str:
        return f"{self.sheet}!{self.column}{self.row}" if self.column else f"{self.sheet}!{self.row}"


@dataclass
class Problem:
    """An error or a note, at a document path and, when it has one, a cell."""

    message: str
    path: str
    cell: Cell | None = None

    def describe(self) -> str:
        """`岗位表!J17: 薪资 "8000-5000": minimum above maximum`: where, what was written, what is wrong."""
        if self.cell is None:
            return self.message
        if not self.cell.header:
            return f"{self.cell.ref}: {self.message}"
        value = f'"{self.cell.value}"' if self.cell.value else "(empty)"
        return f"{self.cell.ref}: {self.cell.header} {value}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        c = self.cell
        return {
            "sheet": c.sheet if c else None,
            "cell": f"{c.column}{c.row}" if c and c.column else None,
            "row": c.row if c else None,
            "column": c.column if c else None,
            "header": c.header if c else None,
            "value": c.value if c else None,
            "message": self.message,
            "path": self.path,
            "text": self.describe(),
        }


@dataclass
class SheetDocument:
    """What a sheet says: the fixture document, the cell each of its fields came from, what is wrong."""

    document: dict[str, Any]
    sheets: list[str] = field(default_factory=list)  # the sheets of positions read, in order
    cells: dict[str, Cell] = field(default_factory=dict)
    errors: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    rows: int = 0
    blank_pay: set[str] = field(default_factory=set)  # position ids whose pay cell was blank
    cleared: int = 0  # cells holding the clear mark
    kept: int = 0  # blank cells of an upsert that keep the stored value
    own_fair: bool = False  # the file has a 招聘会 sheet; otherwise its fair is the stored one
    exported_version: int | None = None  # the data version an export was made at (填写说明, or a CSV column)

    @property
    def sheet(self) -> str | None:
        """The sheets read, as an upload's answer names them: `岗位表`, or `A区, B区`."""
        return ", ".join(self.sheets) or None

    def cell_for(self, path: str) -> Cell | None:
        """The cell a document path came from: the field's own cell, else its row's."""
        while path:
            if path in self.cells:
                return self.cells[path]
            shorter = re.sub(r"(\[\d+\]|\.[^.\[\]]+)$", "", path)
            if shorter == path:
                return None
            path = shorter
        return None

    def locate(self, errors: dict[str, list[str]]) -> list[Problem]:
        """Validation errors keyed by document path, each put at its cell."""
        return [Problem(m, path, self.cell_for(path)) for path, ms in errors.items() for m in ms]


def problems_by_path(problems: list[Problem]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for problem in problems:
        out.setdefault(problem.path, []).append(problem.describe())
    return out
