"""Loading a fixture document into the database, all or nothing, and exporting it back."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask
from marshmallow import ValidationError
from sqlalchemy import delete, insert, update
from sqlmodel import Session, select
from werkzeug.exceptions import Conflict, PreconditionFailed

from schemas.fixture import fixture_schema

from ..errors import FixtureInvalid, flatten, nul_paths
from .db import session_scope
from .models import Employer, Fair, Position
from .publish import document_changes, is_empty, keep_replaced_state, lock_writes, publish, since_export

Progress = Callable[[int], None]
# Fields in the fixture's order; the stored rows add the owning employer and the unknown fields kept aside.
FAIR_ORDER = ("id", "name", "city", "district", "venue", "date", "organisers", "hall")
EMPLOYER_ORDER = ("id", "name", "ownership", "industry", "booth", "description")
POSITION_ORDER = ("id", "title", "skills", "industry", "education", "majors", "salary_min", "salary_max",
                  "salary_text", "openings", "benefits", "description")  # fmt: skip
EMPLOYER_FIELDS = (*EMPLOYER_ORDER[1:], "extra")
POSITION_FIELDS = ("employer_id", *POSITION_ORDER[1:], "extra")
CHUNK = 1000


class DeletionsUnconfirmed(Conflict):
    """`confirm_deletions` was given and is not the number of employers and positions the load deletes."""

    def __init__(self, deletions: int, confirmed: int) -> None:
        super().__init__()
        self.deletions = deletions
        self.data = {
            "message": f"This load would delete {deletions} employers and positions, not {confirmed}; "
            f"nothing was changed. Send confirm_deletions={deletions} to go ahead.",
            "errors": {"confirm_deletions": [f"the load deletes {deletions}, not {confirmed}"]},
        }


class FairMoved(PreconditionFailed):
    """The load named the data version it was checked against (`If-Match`), and the fair has moved on."""

    def __init__(self, expected: int, actual: int) -> None:
        super().__init__()
        self.data = {
            "message": f"The fair changed since this file was checked (data version {actual}, not "
            f"{expected}); nothing was changed. Check the file again.",
            "errors": {"If-Match": [f"the fair is at data version {actual}, not {expected}"]},
        }


def stored_booth(booth: str | None) -> str | None:
    """A booth as stored: width folded (NFKC), as a spreadsheet's is, so that Ａ－２ typed on a Chinese
    keyboard is booth A-2 in the booth order and on the hall plan; a blank one is none, as a blank cell is."""
    return unicodedata.normalize("NFKC", booth).strip() or None if booth else None


def validate_document(raw: Any) -> dict[str, Any]:
    """The document loaded and checked, or FixtureInvalid listing every error at its path."""
    if not isinstance(raw, dict):
        raise FixtureInvalid({"_schema": ["a fixture is a JSON object with 'fair' and 'employers'"]})
    try:
        doc = fixture_schema.load(raw)
    except ValidationError as err:
        raise FixtureInvalid(flatten(err.messages)) from None
    if nul := nul_paths(raw):  # a spreadsheet cell can carry one; no database column can store it
        raise FixtureInvalid({path: ["text may not contain NUL characters"] for path in nul})
    return doc


def _rows(doc: dict[str, Any]) -> tuple[dict[str, dict], dict[str, dict]]:
    employers, positions = {}, {}
    for i, emp in enumerate(doc["employers"]):
        employers[emp["id"]] = {"id": emp["id"], "sort_order": i, **{f: emp.get(f) for f in EMPLOYER_FIELDS}}
        employers[emp["id"]]["booth"] = stored_booth(emp.get("booth"))
        for j, pos in enumerate(emp["positions"]):
            row = {f: pos.get(f) for f in POSITION_FIELDS}
            positions[pos["id"]] = {**row, "id": pos["id"], "employer_id": emp["id"], "sort_order": j}
    return employers, positions


def _diff(model: type, wanted: dict[str, dict], fields: tuple[str, ...], session: Session, replace: bool):
    """Split the wanted rows into new and changed ones, and list the ids a replace removes."""
    existing = {row.id: row for row in session.exec(select(model))}
    if not replace:  # an upsert keeps the order organisers saw and appends what is new
        base = max((r.sort_order for r in existing.values()), default=-1) + 1
        for key, row in wanted.items():
            row["sort_order"] = existing[key].sort_order if key in existing else base + row["sort_order"]
    new = [row for key, row in wanted.items() if key not in existing]
    changed = [
        row
        for key, row in wanted.items()
        if key in existing and any(getattr(existing[key], f) != row[f] for f in (*fields, "sort_order"))
    ]
    removed = [key for key in existing if key not in wanted] if replace else []
    unchanged = len(wanted) - len(new) - len(changed)
    counts = {"created": len(new), "updated": len(changed), "deleted": len(removed), "unchanged": unchanged}
    return new, changed, removed, counts


def _write(session: Session, model: type, rows: list[dict], statement, progress: Progress | None) -> None:
    # New rows go in through the table (Core): one multi-row INSERT per chunk. Through the ORM, rows are
    # grouped by which of their columns are null, and a fair's 3,100 positions took 312 round trips.
    target = model.__table__ if statement is insert else model
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        session.execute(statement(target), chunk)
        if progress:
            progress(len(chunk))


def apply_document(
    session: Session,
    doc: dict[str, Any],
    *,
    replace: bool,
    progress: Progress | None = None,
    confirm_deletions: int | None = None,
) -> dict[str, Any]:
    """Write a validated document in the caller's transaction; returns the counts. The data version and
    the history are `publish`'s."""
    info = doc["fair"]
    fair = session.exec(select(Fair).with_for_update()).first()
    if fair is not None and fair.id != info["id"] and not replace:
        raise FixtureInvalid(
            {"fair.id": [f"the service holds fair {fair.id!r}; load {info['id']!r} with mode=replace"]}
        )
    employers, positions = _rows(doc)
    e_new, e_changed, e_removed, e_counts = _diff(Employer, employers, EMPLOYER_FIELDS, session, replace)
    p_new, p_changed, p_removed, p_counts = _diff(Position, positions, POSITION_FIELDS, session, replace)
    deletions = e_counts["deleted"] + p_counts["deleted"]
    if confirm_deletions is not None and confirm_deletions != deletions:
        raise DeletionsUnconfirmed(deletions, confirm_deletions)
    result = {"employers": e_counts, "positions": p_counts, "deletions": deletions}
    _write(session, Employer, e_new, insert, None)
    _write(session, Employer, e_changed, update, None)
    _write(session, Position, p_new, insert, progress)
    _write(session, Position, p_changed, update, progress)
    for start in range(0, len(p_removed), CHUNK):
        session.execute(delete(Position).where(Position.id.in_(p_removed[start : start + CHUNK])))
    for start in range(0, len(e_removed), CHUNK):
        chunk = e_removed[start : start + CHUNK]
        session.execute(delete(Position).where(Position.employer_id.in_(chunk)))
        session.execute(delete(Employer).where(Employer.id.in_(chunk)))
    fair_fields = {
        k: info.get(k) for k in ("name", "city", "district", "venue", "date", "organisers", "hall", "extra")
    }
    version = fair.data_version if fair else 0  # `publish` gives the next one if anything changed
    if fair is not None and fair.id != info["id"]:
        session.delete(fair)
        session.flush()
        fair = None
    if fair is None:
        session.add(Fair(id=info["id"], data_version=version, **fair_fields))
    else:
        for key, value in fair_fields.items():
            setattr(fair, key, value)
        session.add(fair)
    session.flush()
    result["data_version"] = version
    return result


def load_document(
    app: Flask,
    raw: Any,
    *,
    mode: str = "upsert",
    dry_run: bool = False,
    source: str = "api",
    filename: str | None = None,
    actor: str | None = None,
    progress: Progress | None = None,
    confirm_deletions: int | None = None,
    restored_from: int | None = None,
    fill: Callable[[dict[str, Any]], Any] | None = None,
    expected_version: int | None = None,
    exported_version: int | None = None,
) -> dict[str, Any]:
    """Validate and load a fixture document: every change or none, one load at a time.

    A dry run makes the same writes and rolls them back, so its `changes` are exactly what the load would
    do. A load that changes nothing keeps the data version and adds no history row (`changed` is false).
    `fill`, given the stored fair as it stands once this load has its turn, makes the document to load in
    place of `raw` (a sheet's blank cells keep the stored values: not those of a moment before, which a
    correction made meanwhile has changed). `expected_version`, when given, must be the fair's data version
    once this load has its turn (FairMoved otherwise): what a check showed is then what the load does.
    `exported_version`, the data version a file was exported at, adds `since_export`: what this load undoes
    of the loads and corrections published since (`publish.since_export`), for the caller to show.
    """
    doc = validate_document(raw) if fill is None else None
    with session_scope(app) as session:
        lock_writes(session)
        if expected_version is not None:
            fair = session.exec(select(Fair)).first()
            if (actual := fair.data_version if fair else 0) != expected_version:
                raise FairMoved(expected_version, actual)
        before = export_document(session)
        if fill is not None:
            doc = validate_document(fill(before))
        if not dry_run:
            keep_replaced_state(session, before)
        result = apply_document(session, doc, replace=mode == "replace", progress=progress,
                                confirm_deletions=confirm_deletions)  # fmt: skip
        after = export_document(session)
        changes = document_changes(before, after)
        for kind in ("employers", "positions"):  # a row only renumbered among its siblings is no update
            shown = len(changes[kind]["updated"])
            result[kind] |= {
                "updated": shown,
                "unchanged": result[kind]["unchanged"] + result[kind]["updated"] - shown,
            }
        counts = {
            k: {n: result[k][n] for n in ("created", "updated", "deleted")}
            for k in ("employers", "positions")
        }
        record = {"source": source, "filename": filename, "mode": mode, "actor": actor, "counts": counts,
                  "restored_from": restored_from}  # fmt: skip
        result |= {"dry_run": dry_run, "changed": not is_empty(changes), "changes": changes}
        if exported_version is not None:
            now = result["data_version"]  # the version before this load
            result["since_export"] = since_export(session, exported_version, changes, now=now,
                                                  fair_id=doc["fair"]["id"],
                                                  before=(before.get("fair") or {}).get("id"))  # fmt: skip
        if dry_run:
            session.rollback()
        elif result["changed"]:
            keep = app.config.get("FAIR_HISTORY_KEEP") or 0
            result["data_version"] = publish(session, changes=changes, after=after, record=record, keep=keep)
    return result


def load_fixture_file(app: Flask, path: Path, **kwargs: Any) -> dict[str, Any]:
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    return load_document(app, raw, filename=Path(path).name, **kwargs)


def data_version(session: Session) -> int | None:
    """The fair's data version, None with no fair loaded."""
    fair = session.exec(select(Fair)).first()
    return fair.data_version if fair else None


def _as_written(row: object, order: tuple[str, ...]) -> dict[str, Any]:
    """A row in the fixture's field order, unset optional fields left out, unknown fields put back."""
    out = {k: getattr(row, k) for k in order if getattr(row, k) is not None}
    return {**out, **(getattr(row, "extra", None) or {})}


def export_document(session: Session) -> dict[str, Any]:
    """The fair as a fixture document that loads back to the same data."""
    fair = session.exec(select(Fair)).first()
    if fair is None:
        return {"fair": None, "employers": []}
    employers = session.exec(select(Employer).order_by(Employer.sort_order, Employer.id)).all()
    positions = session.exec(select(Position).order_by(Position.sort_order, Position.id)).all()
    by_employer: dict[str, list[dict]] = {}
    for pos in positions:
        by_employer.setdefault(pos.employer_id, []).append(_as_written(pos, POSITION_ORDER))
    return {
        "fair": _as_written(fair, FAIR_ORDER),
        "employers": [
            {**_as_written(emp, EMPLOYER_ORDER), "positions": by_employer.get(emp.id, [])}
            for emp in employers
        ],
    }
