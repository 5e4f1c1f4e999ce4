"""Figures for the organisers' dashboard: pay by industry, what seekers ask for, and a load's new mix."""

from __future__ import annotations

from typing import ClassVar

from flask.views import MethodView

from schemas.organiser import DemandAnswerSchema, DemandQuerySchema, PayAnswerSchema

from ..auth import organiser_required
from ..store import demand
from ..store.db import session_scope
from ..store.stats import pay_by_industry
from .blueprint import Blueprint

blp = Blueprint("stats", __name__, description="Dashboard figures (organisers only)")


@blp.route("/pay")
class PayView(MethodView):
    decorators: ClassVar = [organiser_required]

    @blp.response(200, PayAnswerSchema)
    def get(self) -> dict:
        """Monthly pay by industry: lowest, median (of each range's midpoint) and highest."""
        with session_scope() as session:
            return {"industries": pay_by_industry(session)}


@blp.route("/demand")
class DemandView(MethodView):
    decorators: ClassVar = [organiser_required]

    @blp.arguments(DemandQuerySchema(), location="query")
    @blp.response(200, DemandAnswerSchema)
    def get(self, args: dict) -> dict:
        """The skills seekers ask for most, and those that match no position at the fair (the demand gap)."""
        counter = demand.counter()
        if counter is not None:
            counter.flush()
        with session_scope() as session:
            return demand.read(session, limit=args["limit"])
