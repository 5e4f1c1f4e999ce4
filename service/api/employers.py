"""Employers at the fair: a list with filters and paging, and one employer with its positions."""

from __future__ import annotations

import io
from functools import lru_cache
from urllib.parse import quote

import segno
from flask import Response, current_app, request
from flask.views import MethodView
from flask_smorest import abort

from schemas.fair import EmployerDetailSchema, EmployerPageSchema, EmployerQuerySchema

from ..store.db import session_scope
from ..store.queries import get_employer, list_employers
from .blueprint import Blueprint

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


@lru_cache(maxsize=512)
def qr_svg(target: str, title: str) -> bytes:
    """A booth's QR code, drawn once (10 ms each: the organisers' sheet draws every booth's)."""
    out = io.BytesIO()
    segno.make(target, error="m").save(out, kind="svg", scale=8, border=2, title=title)
    return out.getvalue()


@blp.route("/<employer_id>/qr.svg")
class EmployerQrView(MethodView):
    @blp.alt_response(200, success=True, description="An SVG QR code", content_type="image/svg+xml")
    @blp.alt_response(404, success=False, description="No such employer")
    def get(self, employer_id: str) -> Response:
        """The booth's QR code: it opens this employer's view on the seekers' page (base: FAIR_PUBLIC_URL)."""
        with session_scope() as session:
            employer = get_employer(session, employer_id)
        if employer is None:
            abort(404, message=f"No employer {employer_id!r}.")
        base = (current_app.config.get("FAIR_PUBLIC_URL") or request.host_url).rstrip("/")
        target = f"{base}/#employer/{quote(employer_id, safe='')}"
        response = Response(qr_svg(target, employer["name"]), mimetype="image/svg+xml")
        response.headers["X-QR-Target"] = target
        return response
