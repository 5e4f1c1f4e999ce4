"""The guidance station's requests and answers: a résumé read into a profile, and what to learn next."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from .fields import JsonBody
from .matching import CandidateProfileSchema

MAX_RESUME_CHARACTERS = 60_000


class ResumeTextSchema(JsonBody):
    """A résumé pasted as text (the JSON form of ``POST /profiles/read``)."""

    text = fields.String(required=True, validate=validate.Length(min=1, max=MAX_RESUME_CHARACTERS))


class ReadValueSchema(Schema):
    """One value read from a résumé, with the line it came from and how it was read."""

    value = fields.Raw(metadata={"description": "what goes into the profile"})
    written = fields.String(metadata={"description": "as the résumé wrote it (C1驾照 for C1驾驶证)"})
    evidence = fields.String(metadata={"description": "the résumé line, personal data masked"})
    section = fields.String(metadata={"description": "education, skills, certificates, experience…"})
    via = fields.String(metadata={"description": "text, alias, phrase, typo, pinyin or list"})
    echo = fields.Dict(metadata={"description": "how a match reads the value (matched, similarity…)"})


class ResumeAnswerSchema(Schema):
    profile = fields.Nested(CandidateProfileSchema, metadata={"description": "ready for POST /matches"})
    read = fields.Dict(
        metadata={"description": "skills, titles, industries (lists), education, major, expected_salary"}
    )
    experience = fields.Dict(metadata={"description": "dated items of 实习/工作经历 and their months"})
    sections = fields.List(fields.String())
    source = fields.Dict(metadata={"description": "kind (pdf, docx, txt, text), pages, characters"})
    stored = fields.Boolean(metadata={"description": "always false: nothing is kept"})


class GuidanceRequestSchema(CandidateProfileSchema):
    limit = fields.Integer(load_default=5, validate=validate.Range(1, 5))


class LearnNextSchema(Schema):
    skill = fields.String()
    adds = fields.Integer(metadata={"description": "positions with no missing skill it adds, exactly"})
    asked = fields.Integer(
        metadata={
            "description": "where it adds none: positions of the desired titles asking it, still lacked"
        }
    )
    openings = fields.Integer()
    pay = fields.Dict()
    positions = fields.List(fields.Dict(), metadata={"description": "a few of those positions"})
    explanation = fields.String()
    explanation_en = fields.String()


class GuidanceAnswerSchema(Schema):
    qualified = fields.Integer(metadata={"description": "positions with no missing skill now"})
    considered = fields.Integer(
        metadata={"description": "positions counted: passing the profile's filters, of its desired titles"}
    )
    scope = fields.String(
        metadata={"description": "titles: the positions the desired titles meet; fair: the whole fair"}
    )
    suggestions = fields.List(fields.Nested(LearnNextSchema))
    diagnosis = fields.Dict(metadata={"description": "asked_most and unused (with the fair's close wording)"})
    data_version = fields.Integer()


class TrainingQuerySchema(Schema):
    limit = fields.Integer(load_default=10, validate=validate.Range(1, 50))
