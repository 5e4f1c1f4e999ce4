"""Ids and booths Excel, or a Chinese keyboard, turned into something else. Typed into a cell not formatted
as text, or read from a CSV that Excel opened and saved again, 007 becomes 7, 0070 becomes 70 and a long
number keeps 15 digits only (shown, and saved in a CSV, as 1.23457E+17); typed with the input method in
full-width mode, E002 is Ｅ００２. A long number has lost digits for good: the reader refuses it at its cell.
The others are put back where the stored fair says which id or booth it was: a written 7 that is no
stored id, where exactly one stored id is 7 with leading zeros (007), is that id, and so is a written
Ｅ００２ that is no stored id where E002 is, each named in a note; so is an employer's booth written 7
where its stored booth is 007."""

from __future__ import annotations

import re
from typing import Any

from .cells import folded_id
from .document import Problem, SheetDocument

DIGITS = re.compile(r"^\d+$")
ZEROS_LOST = "read as {stored!r}, the stored {what}: Excel drops leading zeros (format the column as 文本)"
FULL_WIDTH = "read as {stored!r}, the stored id: written in full width (全角)"


def restore_zeros(sheet: SheetDocument, document: dict[str, Any], stored: dict[str, Any]) -> None:
    """Put back, in `document` (the sheet's, copied), the zeros Excel took off stored ids and booths."""
    employers = {e["id"]: e for e in stored.get("employers") or []}
    positions = {p["id"] for e in employers.values() for p in e.get("positions") or []}
    by_number = _by_number(employers), _by_number(positions)
    for i, emp in enumerate(document.get("employers") or []):
        written = emp["id"]
        emp["id"] = _stored_form(written, employers, by_number[0])
        if emp["id"] != written:
            _note(sheet, f"employers[{i}].id", emp["id"], "id")
        for j, pos in enumerate(emp.get("positions") or []):
            path = f"employers[{i}].positions[{j}].id"
            made = (cell := sheet.cells.get(path)) is not None and not cell.value  # a blank 岗位编号
            old = pos["id"]
            if made and emp["id"] != written and old.startswith(f"{written}-"):
                pos["id"] = emp["id"] + old[len(written) :]  # made from the employer id: from the stored one
            elif not made:
                pos["id"] = _stored_form(old, positions, by_number[1])
                if pos["id"] != old:
                    _note(sheet, path, pos["id"], "id")
            if old in sheet.blank_pay:
                sheet.blank_pay.add(pos["id"])
        booth, kept = emp.get("booth"), (employers.get(emp["id"]) or {}).get("booth")
        if booth and kept and booth != kept and _digits(booth, kept) and int(booth) == int(kept):
            emp["booth"] = kept
            _note(sheet, f"employers[{i}].booth", kept, "booth")


def _digits(*written: str) -> bool:
    return all(DIGITS.match(w) for w in written)


def _by_number(ids: Any) -> dict[str, list[str]]:
    """Stored ids of digits only, by their number without leading zeros."""
    out: dict[str, list[str]] = {}
    for key in ids:
        if DIGITS.match(key):
            out.setdefault(key.lstrip("0") or "0", []).append(key)
    return out


def _stored_form(written: str, stored: Any, by_number: dict[str, list[str]]) -> str:
    if written in stored:
        return written
    if (folded := folded_id(written)) in stored:
        return folded
    if not DIGITS.match(written):
        return written
    found = by_number.get(written.lstrip("0") or "0", [])
    return found[0] if len(found) == 1 else written


def _note(sheet: SheetDocument, path: str, stored: str, what: str) -> None:
    cell = sheet.cell_for(path)
    wide = cell is not None and folded_id(cell.value) == stored
    message = FULL_WIDTH.format(stored=stored) if wide else ZEROS_LOST.format(stored=stored, what=what)
    sheet.notes.append(Problem(message, path, cell))
