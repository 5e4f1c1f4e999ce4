"""The fixture document: a whole fair, as organisers write it and as the service exports it."""

from __future__ import annotations

from collections import Counter
from typing import Any

from marshmallow import INCLUDE, ValidationError, fields, post_load, validate, validates_schema

from .fields import JsonBody, Text, WholeNumber, education_field, industry_field, ownership_field, visible_id
from .hall import HallField

MAX_SALARY = 1_000_000
MAX_OPENINGS = 100_000  # far above any fair, and inside every database's integer column


class _KeepsExtra(JsonBody):
    """Unknown keys are kept under `extra`, so an export gives back what organisers wrote."""

    class Meta:
        unknown = INCLUDE

    @post_load
    def _collect_extra(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        known = set(self.fields)
        extra = {k: v for k, v in data.items() if k not in known}
        cleaned = {k: v for k, v in data.items() if k in known}
        cleaned["extra"] = extra
        return cleaned


class FairInfoSchema(_KeepsExtra):
    id = Text(required=True, validate=validate.Length(max=100))
    name = Text(required=True)
    city = Text(allow_none=True)
    district = Text(allow_none=True)
    venue = Text(allow_none=True)
    date = Text(allow_none=True)
    organisers = fields.List(Text(), load_default=list)
    hall = HallField(
        allow_none=True,
        load_default=None,
        metadata={"description": "the hall plan (optional): zones with their booths and the entrance"},
    )


def _no_slash(value: str) -> None:
    if "/" in value:
        raise ValidationError("must not contain '/': no URL (/employers/{id}, /positions/{id}) could name it")


def row_id() -> Text:
    """An employer's or position's id: 1 to 100 characters after trimming, no '/' (URLs name it), and no
    character that cannot be seen (`visible_id`)."""
    return Text(
        required=True,
        validate=[validate.Length(max=100, error="must be at most 100 characters"), _no_slash, visible_id],
        metadata={
            "description": "1 to 100 characters after trimming, without '/' or a character that cannot be "
            "seen (control, zero-width, bidi marks, a space other than the plain one); unique in the document"
        },
    )


def _skill_length(skill: str) -> None:
    if not 1 <= len(skill.strip()) <= 100:
        raise ValidationError("a skill is 1 to 100 characters after trimming")


class PositionInSchema(_KeepsExtra):
    id = row_id()
    title = Text(required=True)
    skills = fields.List(
        fields.String(validate=_skill_length),
        load_default=list,
        validate=validate.Length(max=50, error="at most 50 skills"),
    )
    industry = industry_field(load_default=None)
    education = education_field(load_default="none")
    majors = fields.List(Text(), load_default=list)
    salary_min = WholeNumber(allow_none=True, load_default=None, validate=validate.Range(0, MAX_SALARY))
    salary_max = WholeNumber(allow_none=True, load_default=None, validate=validate.Range(0, MAX_SALARY))
    salary_text = Text(allow_none=True, load_default=None, validate=validate.Length(max=200))
    openings = WholeNumber(load_default=1, validate=validate.Range(1, MAX_OPENINGS))
    benefits = fields.List(Text(), load_default=list)
    description = fields.String(allow_none=True, load_default=None)

    @validates_schema(skip_on_field_errors=True)
    def _salary_order(self, data: dict[str, Any], **_: Any) -> None:
        low, high = data.get("salary_min"), data.get("salary_max")
        if low is not None and high is not None and low > high:
            raise ValidationError(f"must be at least salary_min ({low})", "salary_max")


class EmployerInSchema(_KeepsExtra):
    id = row_id()
    name = Text(required=True)
    ownership = ownership_field(required=True)
    industry = industry_field(required=True)
    booth = Text(allow_none=True, load_default=None)
    description = fields.String(allow_none=True, load_default=None)
    positions = fields.List(fields.Nested(PositionInSchema), load_default=list)

    @post_load
    def _position_industry(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        for position in data.get("positions", []):
            if position.get("industry") is None:
                position["industry"] = data["industry"]
        return data


class FixtureSchema(JsonBody):
    """A whole fair. Ids must be unique within the document: they are what upserts match on."""

    fair = fields.Nested(FairInfoSchema, required=True)
    employers = fields.List(fields.Nested(EmployerInSchema), required=True)

    @validates_schema(pass_original=True, skip_on_field_errors=False)
    def _unique_ids(self, _data: dict[str, Any], original: Any, **_: Any) -> None:
        # Checked on the raw document so that duplicates are reported beside any other error.
        employers = [e for e in _list(original, "employers") if isinstance(e, dict)]
        errors: dict[str, Any] = {}
        employer_ids = Counter(_key(e) for e in employers)
        position_ids = Counter(_key(p) for e in employers for p in _list(e, "positions"))
        for i, employer in enumerate(_list(original, "employers")):
            if _key(employer) is not None and employer_ids[_key(employer)] > 1:
                errors.setdefault(i, {})["id"] = [f"duplicate employer id {employer['id']!r}"]
            for j, position in enumerate(_list(employer, "positions")):
                if _key(position) is not None and position_ids[_key(position)] > 1:
                    slot = errors.setdefault(i, {}).setdefault("positions", {}).setdefault(j, {})
                    slot["id"] = [f"duplicate position id {position['id']!r}"]
        if errors:
            raise ValidationError({"employers": errors})


def _list(value: Any, key: str) -> list:
    found = value.get(key) if isinstance(value, dict) else None
    return found if isinstance(found, list) else []


def _key(item: Any) -> str | None:
    value = item.get("id") if isinstance(item, dict) else None
    return value.strip() if isinstance(value, str) and value.strip() else None


fixture_schema = FixtureSchema()
