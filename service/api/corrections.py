"""Correcting one employer or one position without reloading the fair: create or replace, change, remove.

The views are thin: the writes, the history row and the version bump are in `service.store.corrections`.
Pay is kept coherent here, where the spreadsheet cell reader is at hand: a pay text is read into the range
as an upload reads it, and a range changed without a text drops the stored text that says otherwise.
"""

from __future__ import annotations

from typing import ClassVar

from flask import current_app
from flask.views import MethodView
from marshmallow import RAISE
from sqlmodel import Session

from schemas.fixture import MAX_SALARY
from schemas.organiser import (
    CorrectedEmployerSchema,
    CorrectedPositionSchema,
    CorrectionQuerySchema,
    DeletedSchema,
    EmployerBodySchema,
    EmployerPatchSchema,
    PositionPatchSchema,
    PositionPutSchema,
)

from ..auth import actor, organiser_required
from ..errors import FixtureInvalid
from ..sheets.cells import CellError, format_pay, parse_pay, pay_wording
from ..store.corrections import (
    EMPLOYER_COLUMNS,
    INVALID,
    POSITION_COLUMNS,
    check_id,
    check_new_id,
    delete_employer,
    delete_position,
    existing,
    patched,
    save_employer,
    save_position,
)
from ..store.db import session_scope
from ..store.models import Employer, Position
from ..store.queries import get_employer, get_position
from .blueprint import Blueprint

blp = Blueprint("corrections", __name__, description="Correcting one employer or position (organisers only)")
QUERY = CorrectionQuerySchema()
RANGE = ("salary_min", "salary_max")


def _query():
    """`dry_run`; any other parameter (`?dryrun=true`, a typo) is a 422 naming it, not a write made."""
    return blp.arguments(QUERY, location="query", unknown=RAISE)


def _start(session: Session, query: dict) -> None:
    session.info["dry_run"] = query["dry_run"]
    session.info["keep"] = current_app.config.get("FAIR_HISTORY_KEEP") or 0


def _answer(session: Session, out: dict, version: int) -> dict:
    """The corrected row with what changed; a dry run's change is rolled back."""
    changes = session.info.get("changes") or {}
    changed = bool(changes) and any(
        changes.get(k, {}).get(w)
        for k in ("employers", "positions")
        for w in ("created", "updated", "deleted")
    )
    out = {**out, "data_version": version, "dry_run": session.info["dry_run"], "changes": changes,
           "changed": changed or bool(changes.get("fair"))}  # fmt: skip
    if session.info["dry_run"]:
        session.rollback()
    return out


def coherent_pay(data: dict, given: set[str], at: str = "") -> dict:
    """The position with its pay text and range saying the same, as an upload of its export would read it.

    A text sent (`given`) is read as a spreadsheet's pay cell: it sets the range, and a salary_min or
    salary_max sent beside it that says otherwise is a 422; the text is kept only where it says more than
    the range (4000+提成), as an upload keeps it. A range sent without a text drops a stored text that no
    longer reads as that range: the export writes the text, so it would bring the old pay back."""
    written = data.get("salary_text")
    if "salary_text" in given and not written:
        return {**data, "salary_text": None}
    if "salary_text" in given:
        try:
            low, high = parse_pay(written)
        except CellError as err:
            raise FixtureInvalid({f"{at}salary_text": [str(err)]}, INVALID) from None
        read = {"salary_min": low, "salary_max": high}
        sent = {k: data.get(k) for k in RANGE if k in given}
        if any(read[k] != v for k, v in sent.items()):
            problem = f"reads as {format_pay(low, high)}, not as the salary_min and salary_max sent with it"
            raise FixtureInvalid({f"{at}salary_text": [problem]}, INVALID)
        if max(low or 0, high or 0) > MAX_SALARY:
            raise FixtureInvalid({f"{at}salary_text": [f"more than {MAX_SALARY} yuan a month"]}, INVALID)
        return {**data, **read, "salary_text": pay_wording(written, low, high)}
    if written and given & set(RANGE):
        try:
            agrees = parse_pay(written) == (data.get("salary_min"), data.get("salary_max"))
        except CellError:
            agrees = False
        if not agrees:
            return {**data, "salary_text": None}
    return data


def _sent(data: dict) -> set[str]:
    """The pay fields a whole body (a PUT) gives: an absent one is loaded as None."""
    return {k for k in (*RANGE, "salary_text") if data.get(k) is not None}


@blp.route("/employers/<employer_id>")
class EmployerCorrectionView(MethodView):
    decorators: ClassVar = [organiser_required]

    @_query()
    @blp.arguments(EmployerBodySchema())
    @blp.response(200, CorrectedEmployerSchema, description="Replaced")
    @blp.alt_response(201, schema=CorrectedEmployerSchema, description="Created")
    def put(self, query: dict, data: dict, employer_id: str):
        """Create or replace an employer. With `positions`, they become exactly its positions; without, it
        keeps the ones it has."""
        check_new_id(employer_id)
        check_id(data, employer_id)
        if "positions" in data:
            data["positions"] = [
                coherent_pay(p, _sent(p), f"positions[{j}].") for j, p in enumerate(data["positions"])
            ]
        with session_scope() as session:
            _start(session, query)
            created, version = save_employer(session, employer_id, data, "put", actor())
            out = _answer(session, get_employer(session, employer_id), version)
        return out, 201 if created else 200

    @_query()
    @blp.arguments(EmployerPatchSchema())
    @blp.response(200, CorrectedEmployerSchema)
    def patch(self, query: dict, patch: dict, employer_id: str):
        """Change some of an employer's fields; a field it does not have is a 422 naming it. A change that
        changes nothing publishes nothing (`changed` false, the same data version)."""
        check_id(patch, employer_id)
        if "positions" in patch.get("extra", {}):
            raise FixtureInvalid(
                {"positions": ["PUT the employer, or correct its positions one by one"]}, INVALID
            )
        with session_scope() as session:
            _start(session, query)
            row = existing(session, Employer, employer_id)
            data = patched(row, EMPLOYER_COLUMNS, patch, EmployerBodySchema())
            _, version = save_employer(session, employer_id, data, "patch", actor())
            return _answer(session, get_employer(session, employer_id), version)

    @_query()
    @blp.response(200, DeletedSchema)
    def delete(self, query: dict, employer_id: str):
        """Remove an employer with all its positions."""
        with session_scope() as session:
            _start(session, query)
            gone, version = delete_employer(session, employer_id, actor())
            return _answer(session, {"employers": 1, "positions": gone}, version)


@blp.route("/positions/<position_id>")
class PositionCorrectionView(MethodView):
    decorators: ClassVar = [organiser_required]

    @_query()
    @blp.arguments(PositionPutSchema())
    @blp.response(200, CorrectedPositionSchema, description="Replaced")
    @blp.alt_response(201, schema=CorrectedPositionSchema, description="Created")
    def put(self, query: dict, data: dict, position_id: str):
        """Create or replace a position of the employer `employer_id` (a different one moves it there)."""
        check_new_id(position_id)
        check_id(data, position_id)
        data = coherent_pay(data, _sent(data))
        with session_scope() as session:
            _start(session, query)
            created, version = save_position(session, position_id, data, "put", actor())
            out = _answer(session, get_position(session, position_id), version)
        return out, 201 if created else 200

    @_query()
    @blp.arguments(PositionPatchSchema())
    @blp.response(200, CorrectedPositionSchema)
    def patch(self, query: dict, patch: dict, position_id: str):
        """Change some of a position's fields; a field it does not have is a 422 naming it. A change that
        changes nothing publishes nothing (`changed` false, the same data version)."""
        check_id(patch, position_id)
        with session_scope() as session:
            _start(session, query)
            row = existing(session, Position, position_id)
            names = (*POSITION_COLUMNS, "employer_id")
            data = coherent_pay(patched(row, names, patch, PositionPutSchema()), set(patch))
            _, version = save_position(session, position_id, data, "patch", actor())
            return _answer(session, get_position(session, position_id), version)

    @_query()
    @blp.response(200, DeletedSchema)
    def delete(self, query: dict, position_id: str):
        """Remove a position."""
        with session_scope() as session:
            _start(session, query)
            version = delete_position(session, position_id, actor())
            return _answer(session, {"employers": 0, "positions": 1}, version)
