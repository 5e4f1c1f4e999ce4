"""Positions at the fair: a list with filters and paging, and one position."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from schemas.fair import PositionPageSchema, PositionQuerySchema, PositionSchema

from ..store.db import session_scope
from ..store.queries import get_position, list_positions
from .blueprint import Blueprint

blp = Blueprint("positions", __name__, description="Positions offered at the fair")


@blp.route("")
class PositionsView(MethodView):
    @blp.arguments(PositionQuerySchema(), location="query")
    @blp.response(200, PositionPageSchema)
    def get(self, args: dict) -> dict:
        """Positions in fair order, filtered by industry, ownership, the seeker's education and pay."""
        with session_scope() as session:
            total, items = list_positions(session, **args)
        return {"total": total, "limit": args["limit"], "offset": args["offset"], "items": items}


@blp.route("/<position_id>")
class PositionView(MethodView):
    @blp.response(200, PositionSchema)
    def get(self, position_id: str) -> dict:
        """One position, with its employer."""
        with session_scope() as session:
            position = get_position(session, position_id)
        if position is None:
            abort(404, message=f"No position {position_id!r}.")
        return position
