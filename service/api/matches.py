"""Ranking the fair's positions for one seeker or a batch of them."""

from __future__ import annotations

import orjson
from flask import Response, current_app
from flask.views import MethodView

from schemas.matching import (
    BatchAnswerSchema,
    BatchRequestSchema,
    CompactItemSchema,
    MatchAnswerSchema,
    MatchRequestSchema,
)

from .. import turns
from ..pushes import rank_compact
from ..ranking import current_ranking
from ..store import demand
from .blueprint import Blueprint

blp = Blueprint("matches", __name__, description="Rank positions against a candidate profile")
# A batch answers in the full form, or with `"compact": true` in the compact one (as a push's pages do).
BATCH_ANSWER = {
    "oneOf": [
        BatchAnswerSchema,
        {
            "type": "object",
            "description": 'the answer to `"compact": true`',
            "properties": {
                "compact": {"type": "boolean", "enum": [True]},
                "data_version": {"type": "integer"},
                "results": {"type": "array", "items": CompactItemSchema},
            },
            "required": ["compact", "data_version", "results"],
            "additionalProperties": False,
        },
    ]
}


def _json(answer: dict | bytes) -> Response:
    # Answers are built as plain data by the engine; MatchAnswerSchema documents them without a second pass.
    # orjson writes them (the single match's arrives written, from the answer cache), Chinese as UTF-8.
    body = answer if isinstance(answer, bytes) else orjson.dumps(answer, option=orjson.OPT_SERIALIZE_NUMPY)
    return current_app.response_class(body, mimetype="application/json")


@blp.route("")
class MatchesView(MethodView):
    @blp.arguments(MatchRequestSchema())
    @blp.alt_response(200, schema=MatchAnswerSchema, success=True, description="Ranked positions")
    def post(self, profile: dict) -> Response:
        """Positions ranked for one profile, each explained, with how every input was understood."""
        skills, body = current_ranking().match(profile)
        demand.record({"skills": skills})
        return _json(body)


@blp.route("/batch")
class BatchView(MethodView):
    @blp.arguments(BatchRequestSchema())
    @blp.alt_response(200, schema=BATCH_ANSWER, success=True, description="Ranked positions per candidate")
    def post(self, body: dict) -> Response:
        """Top positions for up to 1,000 candidates at once; `"compact": true` answers ids, scores and skills.

        Larger pushes go through `POST /api/v1/pushes`, in the background. Each candidate sent counts against
        the address's budget of candidates (`RATELIMIT_CANDIDATES`: 200,000 an hour; 429 beyond it), an
        organiser's token excepted (`guard.body`)."""
        if body["compact"]:
            version, compact = rank_compact(
                body["candidates"], body["limit"], body.get("min_score"), turns.BATCH_PATIENCE
            )
            return _json({"results": compact, "data_version": version, "compact": True})
        index = current_ranking().index()  # one index, so one data version, for every slice
        limit, floor = body["limit"], body.get("min_score")
        results = []
        for part in turns.in_turns(body["candidates"], turns.BATCH_PATIENCE):
            results += index.match_batch(part, limit=limit, min_score=floor)
        demand.record(*(item.get("profile") for item in results))
        return _json({"results": results, "data_version": int(index.version)})
