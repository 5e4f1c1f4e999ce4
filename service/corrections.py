"""Correcting one employer or one position without reloading the fair: create or replace, change, remove.

Each correction is one transaction that also bumps the data version (so rankings follow at once) and writes
a `LoadRecord` with source "correction" for the organisers' history. Bodies go through the fixture's own
schemas; a PATCH is laid over the stored row and the result validated whole, so cross-field rules
(salary_min ≤ salary_max) hold after it too.
"""

from __future__ import annotations

from typing import Any, ClassVar

from flask.views import MethodView
from flask_smorest import Blueprint, abort
from marshmallow import Schema, ValidationError
from sqlalchemy import delete, func
from sqlmodel import Session, select

from schemas.organiser import (
    CorrectedEmployerSchema,
    CorrectedPositionSchema,
    DeletedSchema,
    EmployerBodySchema,
    EmployerPatchSchema,
    PositionPatchSchema,
    PositionPutSchema,
)

from .auth import organiser_required
from .db import session_scope
from .errors import FixtureInvalid, flatten
from .fixtures import actor
from .loader import bump_version
from .models import Employer, Fair, LoadRecord, Position
from .queries import get_employer, get_position

blp = Blueprint("corrections", __name__, description="Correcting one employer or position (organisers only)")
INVALID = "The correction is not valid; nothing was changed."
EMPLOYER_COLUMNS = ("name", "ownership", "industry", "booth", "description")
POSITION_COLUMNS = (
    "title", "skills", "industry", "education", "majors", "salary_min", "salary_max", "openings", "benefits",
    "description",
)  # fmt: skip


def _check_id(data: dict[str, Any], path_id: str) -> None:
    if data.get("id") not in (None, path_id):
        raise FixtureInvalid(
            {"id": [f"the body's id {data['id']!r} differs from the URL's {path_id!r}"]}, INVALID
        )


def _patched(row: Employer | Position, names: tuple[str, ...], patch: dict[str, Any], schema: Schema) -> dict:
    """The stored row with the patch laid over it, validated whole by the full schema."""
    patch = dict(patch)
    extra = patch.pop("extra", {})
    merged = {**(row.extra or {}), **{n: getattr(row, n) for n in names}, **patch, **extra}
    try:
        return schema.load(merged)
    except ValidationError as err:
        raise FixtureInvalid(flatten(err.messages), INVALID) from None


def _locked_fair(session: Session) -> Fair:
    fair = session.exec(select(Fair).with_for_update()).first()
    if fair is None:
        abort(409, message="No fair is loaded yet: load one before correcting it.")
    return fair


def _record(session: Session, fair: Fair, target: str, mode: str, counts: dict[str, dict[str, int]]) -> int:
    """Bump the data version and write the history row, in the correction's transaction."""
    version = bump_version(session, fair)
    zero = {"created": 0, "updated": 0, "deleted": 0}
    counts = {kind: {**zero, **counts.get(kind, {})} for kind in ("employers", "positions")}
    name = actor()
    session.add(LoadRecord(source="correction", filename=target, mode=mode, actor=name, counts=counts,
                           data_version=version))  # fmt: skip
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


def save_employer(session: Session, eid: str, data: dict[str, Any], mode: str) -> tuple[bool, int]:
    """Create or replace an employer (and, when `positions` is given, exactly its positions)."""
    fair = _locked_fair(session)
    employer = session.get(Employer, eid)
    created = employer is None
    if employer is None:
        employer = Employer(id=eid, sort_order=_next_order(session, Employer.sort_order))
    for name in EMPLOYER_COLUMNS:
        setattr(employer, name, data.get(name))
    employer.extra = data.get("extra") or {}
    session.add(employer)
    session.flush()
    counts: dict[str, dict[str, int]] = {
        "employers": {"created" if created else "updated": 1},
        "positions": {},
    }
    if "positions" in data:
        _replace_positions(session, employer, data["positions"], counts["positions"])
    return created, _record(session, fair, f"employers/{eid}", mode, counts)


def save_position(session: Session, pid: str, data: dict[str, Any], mode: str) -> tuple[bool, int]:
    fair = _locked_fair(session)
    employer = session.get(Employer, data["employer_id"])
    if employer is None:
        raise FixtureInvalid({"employer_id": [f"no employer {data['employer_id']!r}"]}, INVALID)
    existing = session.get(Position, pid)
    if existing is not None and existing.employer_id == employer.id:
        order = existing.sort_order
    else:
        order = _next_order(session, Position.sort_order, Position.employer_id == employer.id)
    outcome = _write_position(session, pid, data, employer, order)
    version = _record(session, fair, f"positions/{pid}", mode, {"positions": {outcome: 1}})
    return outcome == "created", version


def _existing(session: Session, model: type, key: str) -> Any:
    """The stored row, or a 404 naming what was asked for."""
    row = session.get(model, key)
    if row is None:
        abort(404, message=f"No {model.__name__.lower()} {key!r}.")
    return row


@blp.route("/employers/<employer_id>")
class EmployerCorrectionView(MethodView):
    decorators: ClassVar = [organiser_required]

    @blp.arguments(EmployerBodySchema())
    @blp.response(200, CorrectedEmployerSchema, description="Replaced")
    @blp.alt_response(201, schema=CorrectedEmployerSchema, description="Created")
    def put(self, data: dict, employer_id: str):
        """Create or replace an employer. With `positions`, they become exactly its positions; without, it
        keeps the ones it has."""
        _check_id(data, employer_id)
        with session_scope() as session:
            created, version = save_employer(session, employer_id, data, "put")
            out = {**get_employer(session, employer_id), "data_version": version}
        return out, 201 if created else 200

    @blp.arguments(EmployerPatchSchema())
    @blp.response(200, CorrectedEmployerSchema)
    def patch(self, patch: dict, employer_id: str):
        """Change some of an employer's fields."""
        _check_id(patch, employer_id)
        if "positions" in patch.get("extra", {}):
            raise FixtureInvalid(
                {"positions": ["PUT the employer, or correct its positions one by one"]}, INVALID
            )
        with session_scope() as session:
            row = _existing(session, Employer, employer_id)
            data = _patched(row, EMPLOYER_COLUMNS, patch, EmployerBodySchema())
            _, version = save_employer(session, employer_id, data, "patch")
            return {**get_employer(session, employer_id), "data_version": version}

    @blp.response(200, DeletedSchema)
    def delete(self, employer_id: str):
        """Remove an employer with all its positions."""
        with session_scope() as session:
            row = _existing(session, Employer, employer_id)
            fair = _locked_fair(session)
            gone = session.execute(delete(Position).where(Position.employer_id == employer_id)).rowcount
            session.delete(row)
            counts = {"employers": {"deleted": 1}, "positions": {"deleted": gone}}
            version = _record(session, fair, f"employers/{employer_id}", "delete", counts)
        return {"employers": 1, "positions": gone, "data_version": version}


@blp.route("/positions/<position_id>")
class PositionCorrectionView(MethodView):
    decorators: ClassVar = [organiser_required]

    @blp.arguments(PositionPutSchema())
    @blp.response(200, CorrectedPositionSchema, description="Replaced")
    @blp.alt_response(201, schema=CorrectedPositionSchema, description="Created")
    def put(self, data: dict, position_id: str):
        """Create or replace a position of the employer `employer_id` (a different one moves it there)."""
        _check_id(data, position_id)
        with session_scope() as session:
            created, version = save_position(session, position_id, data, "put")
            out = {**get_position(session, position_id), "data_version": version}
        return out, 201 if created else 200

    @blp.arguments(PositionPatchSchema())
    @blp.response(200, CorrectedPositionSchema)
    def patch(self, patch: dict, position_id: str):
        """Change some of a position's fields."""
        _check_id(patch, position_id)
        with session_scope() as session:
            row = _existing(session, Position, position_id)
            names = (*POSITION_COLUMNS, "employer_id")
            data = _patched(row, names, patch, PositionPutSchema())
            _, version = save_position(session, position_id, data, "patch")
            return {**get_position(session, position_id), "data_version": version}

    @blp.response(200, DeletedSchema)
    def delete(self, position_id: str):
        """Remove a position."""
        with session_scope() as session:
            row = _existing(session, Position, position_id)
            fair = _locked_fair(session)
            session.delete(row)
            version = _record(
                session, fair, f"positions/{position_id}", "delete", {"positions": {"deleted": 1}}
            )
        return {"employers": 0, "positions": 1, "data_version": version}
