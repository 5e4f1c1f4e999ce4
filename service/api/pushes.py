"""Background pushes for the livestream: up to 100,000 candidates, answered later in compact pages."""

from __future__ import annotations

from flask import url_for
from flask.views import MethodView
from flask_smorest import abort

from schemas.matching import PushPageSchema, PushRequestSchema, PushStateSchema

from ..pushes import current_pushes
from .blueprint import Blueprint

blp = Blueprint("pushes", __name__, description="Rank many candidates in the background")
LOCATION = {"Location": {"description": "where its status is", "schema": {"type": "string"}}}


@blp.route("")
class PushesView(MethodView):
    @blp.arguments(PushRequestSchema())
    @blp.response(202, PushStateSchema, headers=LOCATION)
    def post(self, body: dict) -> tuple[dict, dict[str, str]]:
        """Start a push; poll `GET /api/v1/pushes/{id}` (the `Location`) for its progress and, when finished,
        its answers. Its candidates count against the address's budget, as a batch's do (`guard.body`)."""
        accepted = current_pushes().create(body["candidates"], body["limit"], body.get("min_score"))
        return accepted, {"Location": url_for("pushes.PushView", push_id=accepted["id"])}


@blp.route("/<push_id>")
class PushView(MethodView):
    @blp.arguments(PushPageSchema(), location="query")
    @blp.response(200, PushStateSchema)
    def get(self, page: dict, push_id: str) -> dict:
        """A push's status and progress; once finished, a page of compact answers in candidate order."""
        state = current_pushes().state(push_id, page["offset"], page["limit"])
        if state is None:
            abort(404, message=f"No push {push_id!r} (pushes are kept for a day).")
        return state
