"""The fair itself: its facts and counts, the industries, and liveness."""

from __future__ import annotations

from flask import Blueprint
from flask.views import MethodView
from flask_smorest import abort
from sqlalchemy import func
from sqlmodel import select

from matching.reference import industries
from schemas.fair import FairSchema, IndustrySchema

from ..store.db import get_engine, session_scope
from ..store.models import Position
from ..store.queries import fair_summary
from .blueprint import Blueprint as ApiBlueprint

blp = ApiBlueprint("fair", __name__, description="The fair and its industries")
health = Blueprint("health", __name__)


@health.get("/healthz")
def healthz() -> dict:
    """Liveness: the process answers (the database is not asked)."""
    return {"status": "ok"}


@health.get("/readyz")
def readyz() -> dict:
    """Readiness: the database answers within its timeouts; otherwise 503 in the JSON error shape."""
    with get_engine().connect() as connection:
        connection.exec_driver_sql("SELECT 1").scalar()
    return {"status": "ready"}


@blp.route("/fair")
class FairView(MethodView):
    @blp.response(200, FairSchema)
    def get(self) -> dict:
        """The fair with counts: employers, positions, openings, by ownership and by industry."""
        with session_scope() as session:
            summary = fair_summary(session)
        if summary is None:
            abort(404, message="No fair is loaded yet.")
        return summary


@blp.route("/industries")
class IndustriesView(MethodView):
    @blp.response(200, IndustrySchema(many=True))
    def get(self) -> list[dict]:
        """Fair industries (the six core ones first), with GB/T 4754-2017 anchors and position counts."""
        with session_scope() as session:
            counts = dict(
                session.exec(select(Position.industry, func.count()).group_by(Position.industry)).all()
            )
        return [{**vars(ind), "positions": counts.get(ind.key, 0)} for ind in industries()]
