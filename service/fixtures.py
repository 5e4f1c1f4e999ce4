"""Organisers load a fair document (replace, upsert, dry run) and export it back."""

from __future__ import annotations

from typing import ClassVar

from flask import current_app, jsonify, request
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from schemas.fair import LoadQuerySchema, LoadResultSchema
from schemas.fixture import FixtureSchema

from .auth import organiser_name, organiser_required
from .db import session_scope
from .loader import export_document, load_document

blp = Blueprint("fixtures", __name__, description="Loading and exporting the fair (organisers only)")


def read_document() -> tuple[object, str | None]:
    """The fixture in the request body, and the uploaded file's name if it came as one."""
    if request.is_json:
        document = request.get_json(silent=True)
        if document is None:
            abort(400, message="The request body is not valid JSON.")
        return document, None
    abort(415, message="Send the fixture as application/json.")


@blp.route("")
class FixturesView(MethodView):
    decorators: ClassVar = [organiser_required]

    @blp.arguments(LoadQuerySchema, location="query")
    @blp.doc(requestBody={"required": True, "content": {"application/json": {"schema": FixtureSchema}}})
    @blp.response(200, LoadResultSchema)
    @blp.alt_response(422, description="The document has errors; nothing was changed.")
    def post(self, args: dict) -> dict:
        """Load a fair document: all or nothing. `mode=replace` makes the fair exactly the document."""
        raw, filename = read_document()
        return load_document(
            current_app,
            raw,
            mode=args["mode"],
            dry_run=args["dry_run"],
            filename=filename,
            actor=organiser_name(),
        )


@blp.route("/export")
class ExportView(MethodView):
    decorators: ClassVar = [organiser_required]

    @blp.doc(
        responses={
            "200": {
                "description": "The fair document",
                "content": {"application/json": {"schema": FixtureSchema}},
            }
        }
    )
    def get(self):
        """The fair as a fixture document that loads back to the same data."""
        with session_scope() as session:
            document = export_document(session)
        response = jsonify(document)
        response.headers["Content-Disposition"] = (
            f'attachment; filename="{(document["fair"] and document["fair"]["id"]) or "fair"}.json"'
        )
        return response
