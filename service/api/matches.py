"""Ranking the fair's positions for one seeker or a batch of them."""

from __future__ import annotations

from flask import Response, current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from schemas.matching import BatchAnswerSchema, BatchRequestSchema, MatchAnswerSchema, MatchRequestSchema

from ..ranking import current_ranking
from ..store import demand

blp = Blueprint("matches", __name__, description="Rank positions against a candidate profile")


def _json(answer: dict) -> Response:
    # Answers are built as plain data by the engine; MatchAnswerSchema documents them without a second pass.
    return current_app.json.response(answer)


@blp.route("")
class MatchesView(MethodView):
    @blp.arguments(MatchRequestSchema())
    @blp.alt_response(200, schema=MatchAnswerSchema, success=True, description="Ranked positions")
    def post(self, profile: dict) -> Response:
        """Positions ranked for one profile, each explained, with how every input was understood."""
        answer, body = current_ranking().match(profile)
        demand.record(answer["profile"])
        return current_app.response_class(body, mimetype="application/json")


@blp.route("/batch")
class BatchView(MethodView):
    @blp.arguments(BatchRequestSchema())
    @blp.alt_response(
        200, schema=BatchAnswerSchema, success=True, description="Ranked positions per candidate"
    )
    def post(self, body: dict) -> Response:
        """Top positions for up to 1,000 candidates at once (the livestream's job push)."""
        index = current_ranking().index()
        results = index.match_batch(body["candidates"], limit=body["limit"], min_score=body.get("min_score"))
        demand.record(*(item.get("profile") for item in results))
        return _json({"results": results, "data_version": int(index.version)})
