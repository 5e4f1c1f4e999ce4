"""Ranking the fair's positions for one seeker or a batch of them."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from schemas.matching import BatchAnswerSchema, BatchRequestSchema, MatchAnswerSchema, MatchRequestSchema

from . import demand
from .ranking import current_index

blp = Blueprint("matches", __name__, description="Rank positions against a candidate profile")


@blp.route("")
class MatchesView(MethodView):
    @blp.arguments(MatchRequestSchema)
    @blp.response(200, MatchAnswerSchema)
    def post(self, profile: dict) -> dict:
        """Positions ranked for one profile, each explained, with how every input was understood."""
        index = current_index()
        limit, offset = profile.pop("limit"), profile.pop("offset")
        answer = index.match(profile, limit=limit, offset=offset)
        demand.record(answer["profile"])
        return {**answer, "data_version": int(index.version)}


@blp.route("/batch")
class BatchView(MethodView):
    @blp.arguments(BatchRequestSchema)
    @blp.response(200, BatchAnswerSchema)
    def post(self, body: dict) -> dict:
        """Top positions for up to 1,000 candidates at once (the livestream's job push)."""
        index = current_index()
        results = index.match_batch(body["candidates"], limit=body["limit"])
        demand.record(*(item.get("profile") for item in results))
        return {"results": results, "data_version": int(index.version)}
