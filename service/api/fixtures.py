"""Organisers load a fair (a JSON document, or an .xlsx, .xls or .csv sheet of positions) and export it back.

A spreadsheet goes through the same validation as a JSON document; its errors are answered at their document
paths like any other, and also at their cells (`cells`: sheet, row, column, header, value). The templates
are public: they hold no data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import quote

from flask import Response, current_app, jsonify, request
from flask.views import MethodView
from flask_smorest import abort
from marshmallow import RAISE
from sqlmodel import select

from schemas.fair import LoadQuerySchema
from schemas.fixture import FixtureSchema
from schemas.organiser import HistoryQuerySchema, HistorySchema, RestoreQuerySchema, UploadResultSchema

from .. import sheets
from ..auth import actor, organiser_required
from ..errors import FixtureInvalid
from ..guard import parse_json
from ..store.db import session_scope
from ..store.loader import data_version, export_document, load_document, validate_document
from ..store.models import LoadRecord
from ..store.publish import state_document
from ..store.stats import mix_preview
from .blueprint import Blueprint

blp = Blueprint("fixtures", __name__, description="Loading and exporting the fair (organisers only)")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UPLOAD_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": FixtureSchema},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": ".xlsx, .xls, .csv or .json",
                    }
                },
                "required": ["file"],
            }
        },
    },
}


@dataclass
class Upload:
    document: Any
    filename: str | None = None
    kind: str = "json"
    sheet: sheets.SheetDocument | None = None


class SheetInvalid(FixtureInvalid):
    """A spreadsheet with errors: each at its document path, and in `cells` at its sheet, row and column."""

    def __init__(self, problems: list[sheets.Problem], notes: list[sheets.Problem]) -> None:
        count = len(problems)
        super().__init__(
            sheets.problems_by_path(problems),
            f"The file has {count} error{'s' if count != 1 else ''}; nothing was changed.",
        )
        self.cells = [p.as_dict() for p in problems]
        self.notes = [n.as_dict() for n in notes]


@blp.errorhandler(SheetInvalid)
def _sheet_invalid(error: SheetInvalid):
    payload, code, headers = current_app.extensions["fairmatch.api"].handle_http_exception(error)
    return {**payload, "cells": error.cells, "notes": error.notes}, code, headers


def _current_fair() -> dict[str, Any] | None:
    with session_scope() as session:
        return export_document(session)["fair"]


def sheet_limits() -> sheets.Limits:
    config = current_app.config
    return sheets.Limits(
        rows=int(config["FAIR_SHEET_ROWS"]),
        columns=int(config["FAIR_SHEET_COLUMNS"]),
        cells=int(config["FAIR_SHEET_CELLS"]),
        seconds=float(config["FAIR_SHEET_SECONDS"]),
    )


def read_document() -> Upload:
    """The fixture in the request: a JSON body, or a form upload's `file` (.json, .xlsx, .xls, .csv)."""
    if request.is_json:
        document = request.get_json(silent=True)
        if document is None:
            abort(400, message="The request body is not valid JSON.")
        return Upload(document)
    if request.mimetype != "multipart/form-data":
        abort(415, message="Send the fixture as application/json, or a file as multipart/form-data.")
    upload = request.files.get("file")
    if upload is None:
        abort(400, message="Send the file in a form field named 'file'.")
    data, name = upload.read(), upload.filename or ""
    kind = sheets.file_kind(name, data)
    if kind is None:
        abort(415, message=f"{name!r} is not a file the service reads: upload .xlsx, .xls, .csv or .json.")
    if not data.strip():
        abort(400, message=f"{name or 'The file'} is empty.")
    if kind == "json":
        try:
            text = sheets.decode_text(data)
        except sheets.Unreadable:
            abort(400, message=f"{name} is not valid JSON.")
        return Upload(parse_json(text, name), name, kind)  # bounded depth, valid text
    try:
        sheet = sheets.read_file(data, name, kind, fair=_current_fair(), limits=sheet_limits())
    except sheets.Unreadable as err:
        abort(400, message=f"{name}: {err}.")
    except sheets.TooLarge as err:
        abort(413, message=f"{name}: {err}.", errors={f"file.{err.limit}": [str(err)]})
    return Upload(sheet.document, name, kind, sheet)


def _check(upload: Upload) -> dict[str, Any]:
    """The validated document; a spreadsheet's errors, cell-level and schema-level, all at once."""
    sheet = upload.sheet
    try:
        doc = validate_document(upload.document)
    except FixtureInvalid as err:
        if sheet is None:
            raise
        raise SheetInvalid([*sheet.errors, *sheet.locate(err.data["errors"])], sheet.notes) from None
    if sheet is not None and sheet.errors:
        raise SheetInvalid(sheet.errors, sheet.notes)
    return doc


@blp.route("")
class FixturesView(MethodView):
    decorators: ClassVar = [organiser_required]

    @blp.arguments(LoadQuerySchema(), location="query", unknown=RAISE)  # `?dryrun=true` must not load
    @blp.doc(requestBody=UPLOAD_BODY)
    @blp.response(200, UploadResultSchema)
    @blp.alt_response(422, description="The document has errors (for a spreadsheet, also at their cells).")
    @blp.alt_response(415, description="Not JSON, and not an .xlsx, .xls, .csv or .json file.")
    @blp.alt_response(412, description="`If-Match` named a data version the fair has left: nothing changed.")
    def post(self, args: dict) -> dict:
        """Load a fair document or spreadsheet: all or nothing. `mode=replace` makes the fair exactly it.

        Send `If-Match: "V"`, V the `data_version` a dry run of the same file answered, and the load changes
        nothing and answers 412 if the fair has changed since: it then does exactly what the check showed.
        """
        upload = read_document()
        extra: dict[str, Any] = {}
        fill = None
        if upload.sheet is not None:
            fill = _sheet_filler(upload, args["mode"])
            if upload.sheet.errors:
                with session_scope() as session:
                    fill(export_document(session))
                _check(upload)  # raises, with the schema's errors beside the cells' own
        try:
            result = load_document(current_app, upload.document, mode=args["mode"], dry_run=args["dry_run"],
                                   filename=upload.filename, actor=actor(), fill=fill,
                                   confirm_deletions=args["confirm_deletions"],
                                   expected_version=_checked_version(),
                                   exported_version=_exported(upload))  # fmt: skip
        except FixtureInvalid as err:
            if upload.sheet is None:
                raise
            raise SheetInvalid(upload.sheet.locate(err.data["errors"]), upload.sheet.notes) from None
        if args["dry_run"]:
            with session_scope() as session:
                doc = validate_document(upload.document)
                extra["mix"] = mix_preview(session, doc, replace=args["mode"] == "replace")
        if upload.sheet is not None:
            found = result.pop("since_export", None)  # last week's file: what it undoes, first
            since = sheets.since_export_notes(upload.sheet, upload.document, found) if found else []
            extra["blanks"] = {"kept": upload.sheet.kept, "cleared": upload.sheet.cleared}
            extra["notes"] = [n.as_dict() for n in (*since, *upload.sheet.notes)]
            extra["file"] = {"name": upload.filename, "kind": upload.kind, "sheet": upload.sheet.sheet,
                             "rows": upload.sheet.rows}  # fmt: skip
        elif upload.filename:
            extra["file"] = {"name": upload.filename, "kind": upload.kind}
        if not result["changed"]:
            result["message"] = "Nothing changes: the fair already holds exactly this."
        return {**result, **extra}


def _exported(upload: Upload) -> int | None:
    return upload.sheet.exported_version if upload.sheet is not None else None


def _checked_version() -> int | None:
    """The data version in `If-Match` (`"12"`, `12`), or None without one (or with `*`)."""
    written = request.headers.get("If-Match")
    if written is None:
        return None
    bare = written.strip().removeprefix("W/").strip('"')
    if bare == "*":  # any version
        return None
    if not bare.isascii() or not bare.isdigit():
        abort(400, message=f'If-Match takes the data_version of a dry run, such as "12"; not {written!r}.')
    return int(bare)


def _sheet_filler(upload: Upload, mode: str) -> Callable[[dict[str, Any]], Any]:
    """The sheet's document against the stored fair, given under the writers' lock, kept as the upload's."""
    assert upload.sheet is not None
    sheet_fill = sheets.filler(upload.sheet, mode)

    def fill(stored: dict[str, Any]) -> Any:
        upload.document = sheet_fill(stored)
        return upload.document

    return fill


def _disposition(filename: str) -> str:
    """An attachment header any browser reads, with the name as is in `filename*` (RFC 6266)."""
    fallback = filename.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"


def _attachment(body: bytes, filename: str, mimetype: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = _disposition(filename)
    return response


def _fair_id(document: dict[str, Any]) -> str:
    return (document["fair"] and document["fair"]["id"]) or "fair"


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
        response.headers["Content-Disposition"] = _disposition(f"{_fair_id(document)}.json")
        return response


@blp.route("/export.xlsx")
class ExportXlsxView(MethodView):
    decorators: ClassVar = [organiser_required]

    @blp.doc(responses={"200": {"description": "The fair as a workbook", "content": {XLSX: {}}}})
    def get(self):
        """The fair as a workbook in the template's layout (岗位表, 招聘会, 填写说明); reloads unchanged."""
        with session_scope() as session:
            document, version = export_document(session), data_version(session)
        return _attachment(sheets.workbook(document, version), f"{_fair_id(document)}.xlsx", XLSX)


@blp.route("/export.csv")
class ExportCsvView(MethodView):
    decorators: ClassVar = [organiser_required]

    @blp.doc(
        responses={"200": {"description": "The fair's positions as CSV (UTF-8)", "content": {"text/csv": {}}}}
    )
    def get(self):
        """The fair's positions as a UTF-8 CSV in the template's layout (no 招聘会 sheet: CSV has one), its
        data version in a last column (导出版本): a later upload says what it undoes."""
        with session_scope() as session:
            document, version = export_document(session), data_version(session)
        return _attachment(sheets.csv_bytes(document, version), f"{_fair_id(document)}.csv", "text/csv")


@blp.route("/template.xlsx")
class TemplateXlsxView(MethodView):
    @blp.doc(responses={"200": {"description": "An empty workbook to fill in", "content": {XLSX: {}}}})
    def get(self):
        """The workbook to fill in: Chinese headers, one example row, and the accepted values (public)."""
        return _attachment(sheets.workbook(None), "fair-template.xlsx", XLSX)


@blp.route("/template.csv")
class TemplateCsvView(MethodView):
    @blp.doc(responses={"200": {"description": "An empty CSV to fill in", "content": {"text/csv": {}}}})
    def get(self):
        """The CSV to fill in: Chinese headers and one example row, UTF-8 with a BOM (public)."""
        return _attachment(sheets.csv_bytes(None), "fair-template.csv", "text/csv")


@blp.route("/history")
class HistoryView(MethodView):
    decorators: ClassVar = [organiser_required]

    @blp.arguments(HistoryQuerySchema(), location="query")
    @blp.response(200, HistorySchema)
    def get(self, args: dict) -> dict:
        """Loads and corrections, newest first: when, which file, counts and who."""
        with session_scope() as session:
            rows = session.exec(select(LoadRecord).order_by(LoadRecord.id.desc()).limit(args["limit"])).all()
            items = [
                {**row.model_dump(exclude={"snapshot"}), "kept": row.snapshot is not None} for row in rows
            ]
        return {"items": items}


# History ids are the `loadrecord` table's INTEGER keys: a larger number in the path is no record (404 from
# the router, and `maximum` in the OpenAPI document) rather than a value the database cannot hold (a 500).
RECORD_ID = "<int(max=2147483647):record_id>"


def _state(record_id: int) -> dict[str, Any]:
    with session_scope() as session:
        document = state_document(session, record_id)
    if document is None:
        abort(404, message=f"No kept state {record_id} in the history (never published, or dropped by "
              "FAIR_HISTORY_KEEP).")  # fmt: skip
    return document


@blp.route(f"/history/{RECORD_ID}/document")
class StateDocumentView(MethodView):
    decorators: ClassVar = [organiser_required]

    @blp.doc(responses={"200": {"description": "The fair as this state left it",
                                "content": {"application/json": {"schema": FixtureSchema}}}})  # fmt: skip
    @blp.alt_response(404, description="No such state kept")
    def get(self, record_id: int):
        """A published state of the history as a fixture document (it loads back to exactly that state)."""
        response = jsonify(_state(record_id))
        response.headers["Content-Disposition"] = _disposition(f"state-{record_id}.json")
        return response


@blp.route(f"/history/{RECORD_ID}/restore")
class RestoreView(MethodView):
    decorators: ClassVar = [organiser_required]

    @blp.arguments(RestoreQuerySchema(), location="query", unknown=RAISE)
    @blp.response(200, UploadResultSchema)
    @blp.alt_response(404, description="No such state kept")
    def post(self, _query: dict, record_id: int) -> dict:
        """Make a published state the current fair again: all or nothing, recorded in the history as a new
        state (source `restore`) that can itself be restored."""
        return load_document(current_app, _state(record_id), mode="replace", source="restore",
                             filename=f"#{record_id}", actor=actor(), restored_from=record_id)  # fmt: skip
