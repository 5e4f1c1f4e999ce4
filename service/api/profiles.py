"""Résumé in, profile out (POST /profiles/read): read in memory, answered, forgotten. Nothing is stored or
logged, and the answer carries no name, phone, e-mail, ID-card number or address."""

from __future__ import annotations

from flask import current_app, request
from flask.views import MethodView
from flask_smorest import abort
from marshmallow import ValidationError

from matching.resume import read_resume
from schemas.guidance import ResumeAnswerSchema, ResumeTextSchema

from ..documents import MAX_BYTES, DocumentRejected, read_document
from ..ranking import current_index
from .blueprint import Blueprint

blp = Blueprint("profiles", __name__, description="Read a résumé into a matching profile (nothing stored)")
FORM_OVERHEAD = 64 * 1024  # multipart boundaries and headers around the file
_TEXT = ResumeTextSchema()

UPLOAD_BODY = {
    "content": {
        "multipart/form-data": {
            "schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}
        },
        "application/json": {"schema": ResumeTextSchema},
    }
}


def _resume_text() -> tuple[str, dict]:
    """The résumé's text and where it came from: a JSON ``text``, or a ``file`` (.pdf, .docx, .txt)."""
    if request.content_length and request.content_length > MAX_BYTES + FORM_OVERHEAD:
        abort(413, message="简历文件不能超过 2 MB。 The résumé file may be at most 2 MB.")
    if request.is_json:
        body = request.get_json(silent=True)
        if body is None:
            abort(400, message="The request body is not valid JSON.")
        try:
            text = _TEXT.load(body)["text"]
        except ValidationError as err:
            abort(422, errors=err.messages)
        return text, {"kind": "text"}
    if request.mimetype != "multipart/form-data":
        abort(415, message="Send a file as multipart/form-data (field 'file'), or JSON {\"text\": ...}.")
    upload = request.files.get("file")
    if upload is None:
        abort(400, message="Send the résumé in a form field named 'file'.")
    data = upload.stream.read(MAX_BYTES + 1)
    seconds = float(current_app.config.get("FAIR_RESUME_SECONDS", 10))
    try:
        extracted = read_document(upload.filename or "", data, seconds=seconds)
    except DocumentRejected as err:
        abort(err.status, message=err.message, errors={"file": [err.reason]})
    return extracted.text, {"kind": extracted.kind, "pages": extracted.pages}


@blp.route("/read")
class ReadView(MethodView):
    @blp.doc(requestBody=UPLOAD_BODY)
    @blp.response(200, ResumeAnswerSchema)
    @blp.alt_response(413, description="Over 2 MB.")
    @blp.alt_response(415, description="Not a PDF, DOCX or TXT file (or an old .doc).")
    @blp.alt_response(422, description="A scanned PDF with no text layer, an encrypted PDF, over 10 pages.")
    def post(self) -> dict:
        """A résumé (PDF, DOCX, TXT, or JSON text) read into a profile, each value with its evidence."""
        text, source = _resume_text()
        answer = read_resume(current_index(), text)
        answer["source"] = {**source, "characters": len(text)}
        answer["stored"] = False
        return answer
