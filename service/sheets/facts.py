"""An employer's facts written above a sheet's header, as on a form filled in per employer: 单位名称 beside
its value (or 单位名称：桂林… in one cell), 单位性质, 所属行业, 展位号 … Every row of that sheet's table takes
them as the employer's columns it does not have."""

from __future__ import annotations

import re
from typing import Any

from .cells import text
from .columns import columns, field_for, letter
from .document import Cell

_LABELLED = re.compile(r"^(?P<label>[^:：]{1,12})[:：]\s*(?P<value>\S.*)$", re.S)
_PARTS = re.compile(r"\s{2,}|\t|\n")  # 单位名称：桂林…    单位性质：民营企业 in one cell


def employer_field(label: str) -> str | None:
    """The employer's column a label names (单位名称, 单位性质：), or None."""
    name = field_for(label.strip().rstrip(":："))
    found = columns().get(name) if name else None
    return name if found and found.level == "employer" and not name.endswith("_extra") else None


def sheet_facts(rows: list[tuple[int, list[Any]]], sheet: str) -> dict[str, Cell]:
    """The employer facts the rows hold, each at the cell its value is in (the first one written wins)."""
    found: dict[str, Cell] = {}
    for number, values in rows:
        written = [text(value) for value in values]
        for col, cell in enumerate(written):
            for part in _PARTS.split(cell) if cell else []:
                match = _LABELLED.match(part.strip())
                if match and (name := employer_field(match["label"])):
                    here = Cell(sheet, number, letter(col), match["label"].strip(), match["value"].strip())
                    found.setdefault(name, here)
            name = employer_field(cell) if cell else None
            after = next((c for c in range(col + 1, len(written)) if written[c] and written[c] != cell), None)
            if name and after is not None and field_for(written[after].rstrip(":：")) is None:
                found.setdefault(name, Cell(sheet, number, letter(after), cell.rstrip(":："), written[after]))
    return found
