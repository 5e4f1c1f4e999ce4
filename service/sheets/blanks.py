"""Blank means unchanged: in an upsert from a sheet, a blank optional cell of an employer or position the
fair already has, or of the fair's own 招聘会 sheet, keeps the stored value; `[清空]` (the reader's clear
mark) is how a clerk clears one. An upsert keeps the stored positions a listed employer's rows no longer
hold, with a note naming them."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from .cells import folded_name
from .document import Problem, SheetDocument
from .zeros import restore_zeros

EMPLOYER_FIELDS = ("name", "ownership", "industry", "booth", "description")
# A position's own industry is left out: blank there means "the employer's", as the template says.
POSITION_FIELDS = ("title", "skills", "education", "majors", "openings", "benefits", "description")
PAY = ("salary_min", "salary_max", "salary_text")


def filler(sheet: SheetDocument, mode: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """What a sheet says against the stored fair (given, under the writers' lock, as a fixture document): the
    stored fair's own facts when the file has no 招聘会 sheet, and in an upsert the stored value of each blank
    cell of a known row and of the same fair's 招聘会 sheet (its hall plan too), counted in `sheet.kept`. A
    replace from a sheet with no rows is an error."""
    if mode == "replace" and not sheet.errors and not sheet.document.get("employers"):
        message = (
            "the file has no rows to publish (the example row is skipped); a replace would empty the fair"
        )
        sheet.errors.append(Problem(message, "employers"))
    notes = list(sheet.notes)

    def fill(stored: dict[str, Any]) -> dict[str, Any]:
        sheet.notes[:] = notes  # the file's own notes, and those of this fill only
        if not sheet.own_fair and stored["fair"] is not None:
            sheet.document["fair"] = stored["fair"]
        document = copy.deepcopy(sheet.document)
        restore_zeros(sheet, document, stored)  # 7 for the stored 007: Excel took the zeros off
        _note_other_fair(sheet, document, stored)
        if mode != "upsert":
            return document
        document, sheet.kept = keep_stored(sheet, stored, document)  # with cell errors: none at a kept blank
        fair, kept = document["fair"], stored["fair"]
        if sheet.own_fair and kept is not None and fair.get("id") == kept["id"]:
            document["fair"] = {**{k: v for k, v in kept.items() if v is not None}, **fair}
            sheet.kept += len(document["fair"]) - len(fair)
        return document

    return fill


def keep_stored(
    sheet: SheetDocument, current: dict[str, Any], document: dict[str, Any] | None = None
) -> tuple[dict[str, Any], int]:
    """The sheet's document (copied), or `document` (the sheet's, copied and amended, filled in place), with
    each blank cell of a known row filled from `current` (the stored fair's document), and how many cells
    kept their value."""
    employers = {e["id"]: e for e in current.get("employers") or []}
    positions = {p["id"]: p for e in employers.values() for p in e.get("positions") or []}
    document = copy.deepcopy(sheet.document) if document is None else document  # given: a copy already
    kept = 0
    for index, emp in enumerate(document.get("employers") or []):
        stored = employers.get(emp.get("id"))
        if stored is not None:
            kept += _fill(emp, stored, EMPLOYER_FIELDS)
            _note_unlisted(sheet, index, emp, stored)
        for pos in emp.get("positions") or []:
            old = positions.get(pos.get("id"))
            if old is None:
                continue
            kept += _fill(pos, old, POSITION_FIELDS)
            if pos["id"] in sheet.blank_pay:
                kept += _fill(pos, old, PAY) and 1
    return document, kept


def _fill(item: dict[str, Any], stored: dict[str, Any], names: tuple[str, ...]) -> int:
    filled = 0
    for name in names:
        if name not in item and stored.get(name) is not None:
            item[name] = copy.deepcopy(stored[name])
            filled += 1
    return filled


def _note_unlisted(sheet: SheetDocument, index: int, emp: dict[str, Any], stored: dict[str, Any]) -> None:
    """Say which stored positions of an employer the file lists positions for are not among them: an upsert
    keeps them, so a position whose id changed (or that the employer withdrew) would stay on beside it."""
    listed = {p.get("id") for p in emp.get("positions") or []}
    unlisted = [p for p in stored.get("positions") or [] if p["id"] not in listed]
    if not listed or not unlisted:
        return
    named = "、".join(f"{p['id']} {p['title']}" for p in unlisted)
    message = (
        f"{len(unlisted)} stored position(s) of {emp['id']!r} not in this file, kept by an upsert "
        f"(a replace, or DELETE /api/v1/positions/ID, removes them): {named}"
    )
    sheet.notes.append(
        Problem(message, f"employers[{index}].positions", sheet.cells.get(f"employers[{index}]"))
    )


def _note_other_fair(sheet: SheetDocument, document: dict[str, Any], stored: dict[str, Any]) -> None:
    """A file of another fair (last year's, another district's) numbers its employers as this one does, E001
    on: most of the employers it shares ids with have other names. Say so before it overwrites them."""
    names = {e["id"]: e.get("name") or "" for e in stored.get("employers") or []}
    shared = [e for e in document.get("employers") or [] if e.get("id") in names and e.get("name")]
    renamed = [e for e in shared if folded_name(e["name"]) != folded_name(names[e["id"]])]
    if len(renamed) >= 2 and len(renamed) * 2 > len(shared):
        listed = "、".join(f"{e['id']} {names[e['id']]} → {e['name']}" for e in renamed[:3])
        message = (
            f"{len(renamed)} of the {len(shared)} employers this file shares ids with have another name here "
            f"({listed}{' …' if len(renamed) > 3 else ''}): is it a file of another fair?"
        )
        sheet.notes.insert(0, Problem(message, "employers"))
