"""Correcting one employer or one position without reloading the fair: create or replace, change, remove.

Each correction is one transaction under the writers' lock that publishes a new state (a new data version,
so rankings follow at once, and a history row with source "correction" holding the whole fair); one that
changes nothing publishes nothing. Bodies go through the fixture's own schemas; a PATCH is laid over the
stored row and the result validated whole, so cross-field rules (salary_min ≤ salary_max) hold after it too.
A dry run makes the change, reports it and rolls it back.
"""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError
from sqlalchemy import delete, func
from sqlmodel import Session, select

from schemas.fixture import row_id

from ..errors import FixtureInvalid, Missing, NoFairLoaded, flatten
from .loader import export_document, stored_booth
from .models import Employer, Fair, Position
from .publish import document_changes, is_empty, keep_replaced_state, lock_writes, publish

INVALID = "The correction is not valid; nothing was changed."
EMPLOYER_COLUMNS = ("name", "ownership", "industry", "booth", "description")
POSITION_COLUMNS = (
    "title", "skills", "industry", "education", "majors", "salary_min", "salary_max", "salary_text",
    "openings", "benefits", "description",
)  # fmt: skip


ROW_ID = row_id()


def check_new_id(path_id: str) -> None:
    """The URL's id of a PUT, which may create the row: one a fixture load accepts as written, so the export
    loads back (a PATCH or DELETE only finds a stored row, and an id no row has is a 404)."""
    try:
        trimmed = ROW_ID.deserialize(path_id)
    except ValidationError as err:
        problems = [f"the URL's id {path_id!r} {message}" for message in err.messages]
        raise FixtureInvalid({"id": problems}, INVALID) from None
    if trimmed != path_id:
        problem = f"the URL's id {path_id!r} starts or ends with white space, which a fixture load trims"
        raise FixtureInvalid({"id": [problem]}, INVALID)


def check_id(data: dict[str, Any], path_id: str) -> None:
    if data.get("id") not in (None, path_id):
        raise FixtureInvalid(
            {"id": [f"the body's id {data['id']!r} differs from the URL's {path_id!r}"]}, INVALID
        )


def patched(row: Employer | Position, names: tuple[str, ...], patch: dict[str, Any], schema: Schema) -> dict:
    """The stored row with the patch laid over it, validated whole by the full schema."""
    patch = dict(patch)
    extra = patch.pop("extra", {})
    merged = {**(row.extra or {}), **{n: getattr(row, n) for n in names}, **patch, **extra}
    try:
        return schema.load(merged)
    except ValidationError as err:
        raise FixtureInvalid(flatten(err.messages), INVALID) from None


def _begin(session: Session) -> None:
    """Take the writers' lock and note the fair as it stands, once per correction (before any read)."""
    if "before" not in session.info:
        lock_writes(session)
        session.info["before"] = export_document(session)


def locked_fair(session: Session) -> Fair:
    _begin(session)
    fair = session.exec(select(Fair)).first()
    if fair is None:
        raise NoFairLoaded("No fair is loaded yet: load one before correcting it.")
    return fair


def record(
    session: Session, fair: Fair, target: str, mode: str, counts: dict[str, dict[str, int]], actor: str | None
) -> int:
    """Publish the corrected state (a new version and history row), unless it changed nothing, or only
    note the change for a dry run; the data version the fair then has."""
    before = session.info["before"]
    after = export_document(session)
    changes = session.info["changes"] = document_changes(before, after)
    if is_empty(changes) or session.info.get("dry_run"):
        return fair.data_version
    keep_replaced_state(session, before)
    zero = {"created": 0, "updated": 0, "deleted": 0}
    counts = {kind: {**zero, **counts.get(kind, {})} for kind in ("employers", "positions")}
    record = {"source": "correction", "filename": target, "mode": mode, "actor": actor, "counts": counts}
    keep = session.info.get("keep", 0)
    version = publish(session, changes=changes, after=after, record=record, keep=keep)
    session.refresh(fair)
    return version


def _next_order(session: Session, column, *where) -> int:
    found = session.exec(select(func.max(column)).where(*where)).one()
    return 0 if found is None else found + 1


def _write_position(session: Session, pid: str, data: dict[str, Any], employer: Employer, order: int) -> str:
    """Create or replace one position row; says which it was."""
    values = {n: data.get(n) for n in POSITION_COLUMNS}
    values["industry"] = values["industry"] or employer.industry
    values |= {"employer_id": employer.id, "extra": data.get("extra") or {}, "sort_order": order}
    row = session.get(Position, pid)
    if row is None:
        session.add(Position(id=pid, **values))
        return "created"
    for name, value in values.items():
        setattr(row, name, value)
    session.add(row)
    return "updated"


def _replace_positions(session: Session, employer: Employer, positions: list[dict], counts: dict) -> None:
    """Make the employer's positions exactly `positions`; ids owned by another employer are refused."""
    ids = [p["id"] for p in positions]
    owners = dict(session.exec(select(Position.id, Position.employer_id).where(Position.id.in_(ids))).all())
    errors: dict[str, list[str]] = {}
    for j, pid in enumerate(ids):
        if ids.count(pid) > 1:
            errors[f"positions[{j}].id"] = [f"duplicate position id {pid!r}"]
        elif owners.get(pid, employer.id) != employer.id:
            errors[f"positions[{j}].id"] = [f"position {pid!r} belongs to employer {owners[pid]!r}"]
    if errors:
        raise FixtureInvalid(errors, INVALID)
    stale = delete(Position).where(Position.employer_id == employer.id, Position.id.not_in(ids))
    counts["deleted"] = session.execute(stale).rowcount
    for j, data in enumerate(positions):
        outcome = _write_position(session, data["id"], data, employer, j)
        counts[outcome] = counts.get(outcome, 0) + 1


def save_employer(
    session: Session, eid: str, data: dict[str, Any], mode: str, actor: str | None
) -> tuple[bool, int]:
    """Create or replace an employer (and, when `positions` is given, exactly its positions)."""
    fair = locked_fair(session)
    employer = session.get(Employer, eid)
    created = employer is None
    if employer is None:
        employer = Employer(id=eid, sort_order=_next_order(session, Employer.sort_order))
    for name in EMPLOYER_COLUMNS:
        setattr(employer, name, stored_booth(data.get(name)) if name == "booth" else data.get(name))
    employer.extra = data.get("extra") or {}
    session.add(employer)
    session.flush()
    counts: dict[str, dict[str, int]] = {
        "employers": {"created" if created else "updated": 1},
        "positions": {},
    }
    if "positions" in data:
        _replace_positions(session, employer, data["positions"], counts["positions"])
    return created, record(session, fair, f"employers/{eid}", mode, counts, actor)


def save_position(
    session: Session, pid: str, data: dict[str, Any], mode: str, actor: str | None
) -> tuple[bool, int]:
    fair = locked_fair(session)
    employer = session.get(Employer, data["employer_id"])
    if employer is None:
        raise FixtureInvalid({"employer_id": [f"no employer {data['employer_id']!r}"]}, INVALID)
    existing = session.get(Position, pid)
    if existing is not None and existing.employer_id == employer.id:
        order = existing.sort_order
    else:
        order = _next_order(session, Position.sort_order, Position.employer_id == employer.id)
    outcome = _write_position(session, pid, data, employer, order)
    version = record(session, fair, f"positions/{pid}", mode, {"positions": {outcome: 1}}, actor)
    return outcome == "created", version


def existing(session: Session, model: type, key: str) -> Any:
    """The stored row, or a 404 naming what was asked for."""
    _begin(session)
    row = session.get(model, key)
    if row is None:
        raise Missing(f"No {model.__name__.lower()} {key!r}.")
    return row


def delete_employer(session: Session, eid: str, actor: str | None) -> tuple[int, int]:
    """Remove an employer with all its positions; the number of positions removed and the new version."""
    row = existing(session, Employer, eid)
    fair = locked_fair(session)
    gone = session.execute(delete(Position).where(Position.employer_id == eid)).rowcount
    session.delete(row)
    counts = {"employers": {"deleted": 1}, "positions": {"deleted": gone}}
    return gone, record(session, fair, f"employers/{eid}", "delete", counts, actor)


def delete_position(session: Session, pid: str, actor: str | None) -> int:
    """Remove a position; the new data version."""
    row = existing(session, Position, pid)
    fair = locked_fair(session)
    session.delete(row)
    return record(session, fair, f"positions/{pid}", "delete", {"positions": {"deleted": 1}}, actor)
