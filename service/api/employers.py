"""Employers at the fair: a list with filters and paging, and one employer with its positions."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint, abort

from schemas.fair import EmployerDetailSchema, EmployerPageSchema, EmployerQuerySchema

from ..store.db import session_scope
from ..store.queries import get_employer, list_employers

blp = Blueprint("employers", __name__, description="Employers and their booths")


@blp.route("")
class EmployersView(MethodView):
    @blp.arguments(EmployerQuerySchema(), location="query")
    @blp.response(200, EmployerPageSchema)
    def get(self, args: dict) -> dict:
        """Employers, by booth (or `sort=name`, in pinyin order), with filters and the total."""
        with session_scope() as session:
            total, items = list_employers(session, **args)
        return {"total": total, "limit": args["limit"], "offset": args["offset"], "items": items}


@blp.route("/<employer_id>")
class EmployerView(MethodView):
    @blp.response(200, EmployerDetailSchema)
    def get(self, employer_id: str) -> dict:
        """One employer with all its positions."""
        with session_scope() as session:
            employer = get_employer(session, employer_id)
        if employer is None:
            abort(404, message=f"No employer {employer_id!r}.")
        return employer
