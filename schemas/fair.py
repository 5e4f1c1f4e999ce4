"""Shapes of the read API: the fair with its counts, industries, employers, positions, and their queries."""

from __future__ import annotations

from typing import ClassVar

from marshmallow import Schema, fields, validate
from webargs.fields import DelimitedList

from .benefits import BenefitField, benefits
from .fields import Text, education_field, industry_field, ownership_field
from .hall import HallSchema


class CountsSchema(Schema):
    employers = fields.Integer()
    positions = fields.Integer()
    openings = fields.Integer()


class FairCountsSchema(CountsSchema):
    by_ownership = fields.Dict(keys=fields.String(), values=fields.Nested(CountsSchema))
    by_industry = fields.Dict(keys=fields.String(), values=fields.Nested(CountsSchema))


class FairSchema(Schema):
    id = fields.String()
    name = fields.String()
    city = fields.String(allow_none=True)
    district = fields.String(allow_none=True)
    venue = fields.String(allow_none=True)
    date = fields.String(allow_none=True)
    host = fields.String(allow_none=True)
    note = fields.String(allow_none=True)
    organisers = fields.List(fields.String())
    hall = fields.Nested(HallSchema, allow_none=True, metadata={"description": "the hall plan, when given"})
    data_version = fields.Integer()
    updated_at = fields.DateTime()
    counts = fields.Nested(FairCountsSchema)


class IndustrySchema(Schema):
    key = fields.String()
    zh = fields.String(metadata={"description": "Chinese name"})
    en = fields.String(metadata={"description": "English name"})
    core = fields.Boolean(metadata={"description": "one of the fair's six industries"})
    gb = fields.List(fields.String(), metadata={"description": "GB/T 4754-2017 anchors"})
    aliases = fields.List(fields.String())
    positions = fields.Integer()


class EmployerRefSchema(Schema):
    id = fields.String()
    name = fields.String()
    ownership = fields.String()
    booth = fields.String(allow_none=True)


class PositionSchema(Schema):
    id = fields.String()
    title = fields.String()
    employer = fields.Nested(EmployerRefSchema)
    skills = fields.List(fields.String())
    industry = fields.String()
    education = fields.String()
    majors = fields.List(fields.String())
    salary_min = fields.Integer(allow_none=True)
    salary_max = fields.Integer(allow_none=True)
    salary_text = fields.String(
        allow_none=True, metadata={"description": "the pay as the employer wrote it (4000+提成), when given"}
    )
    openings = fields.Integer()
    benefits = fields.List(fields.String())
    description = fields.String(allow_none=True)


class EmployerSchema(Schema):
    id = fields.String()
    name = fields.String()
    ownership = fields.String()
    industry = fields.String()
    booth = fields.String(allow_none=True)
    description = fields.String(allow_none=True)
    position_count = fields.Integer()


class EmployerDetailSchema(EmployerSchema):
    positions = fields.List(fields.Nested(PositionSchema))


class PageQuerySchema(Schema):
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 100))
    offset = fields.Integer(load_default=0, validate=validate.Range(0, 1_000_000))


class PageSchema(Schema):
    total = fields.Integer(metadata={"description": "matching items, before paging"})
    limit = fields.Integer()
    offset = fields.Integer()


class EmployerQuerySchema(PageQuerySchema):
    ownership = DelimitedList(
        ownership_field(), metadata={"description": "ownership keys or labels, comma separated"}
    )
    industry = DelimitedList(industry_field())
    q = Text(metadata={"description": "part of the employer's name"})
    sort = fields.String(load_default="booth", validate=validate.OneOf(["booth", "name", "id"]))


class PositionQuerySchema(PageQuerySchema):
    industry = DelimitedList(industry_field(), metadata={"description": "industry keys, names or GB/T codes"})
    ownership = DelimitedList(ownership_field())
    education = education_field(
        metadata={"description": "the seeker's level: positions asking for more are left out"}
    )
    min_salary = fields.Integer(validate=validate.Range(0, 1_000_000))
    employer = Text()
    q = Text(metadata={"description": "part of the title"})
    benefits = DelimitedList(
        BenefitField(),
        metadata={
            "description": f"benefits every position must offer, comma separated, each one of "
            f"{', '.join(benefits())} (or its English name), read from the position's benefits, title and "
            "description"
        },
    )
    major = Text(
        validate=validate.Length(max=100),
        metadata={"description": "only positions asking for this major (计算机 finds 计算机科学与技术)"},
    )
    include_open_majors = fields.Boolean(
        load_default=False,
        metadata={"description": "with `major`: also positions that ask for no particular major (专业不限)"},
    )
    sort = fields.String(
        load_default="fair",
        validate=validate.OneOf(["fair", "salary"]),
        metadata={
            "description": "`fair` (booth order, the default) or `salary` (best paid first; negotiable last)"
        },
    )


class EmployerPageSchema(PageSchema):
    items = fields.List(fields.Nested(EmployerSchema))


class PositionPageSchema(PageSchema):
    items = fields.List(fields.Nested(PositionSchema))


class LoadCountsSchema(Schema):
    created = fields.Integer()
    updated = fields.Integer()
    deleted = fields.Integer()
    unchanged = fields.Integer()


class FieldChangeSchema(Schema):
    old = fields.Raw(allow_none=True)
    new = fields.Raw(allow_none=True)


class RowNameSchema(Schema):
    """What a person knows a row by: an employer's name, or a position's title and its employer."""

    name = fields.String(allow_none=True, metadata={"description": "employers: the employer's name"})
    title = fields.String(allow_none=True, metadata={"description": "positions: the title"})
    employer_id = fields.String(metadata={"description": "positions: the employer's id"})
    employer_name = fields.String(allow_none=True, metadata={"description": "positions: the employer's name"})


class UpdatedRowSchema(Schema):
    id = fields.String()
    fields = fields.Dict(
        keys=fields.String(),
        values=fields.Nested(FieldChangeSchema),
        metadata={
            "description": "each field that changes, old → new; `order` is the row's place in its list"
        },
    )


class RowChangesSchema(Schema):
    created = fields.List(fields.String(), metadata={"description": "ids the load creates"})
    updated = fields.List(fields.Nested(UpdatedRowSchema))
    deleted = fields.List(fields.String(), metadata={"description": "ids the load deletes"})
    names = fields.Dict(
        keys=fields.String(),
        values=fields.Nested(RowNameSchema),
        metadata={
            "description": "each id created, updated or deleted: its name, or its title and employer (as "
            "the row is after the change; a deleted one as it was)"
        },
    )


class ChangesSchema(Schema):
    """What a load (or its dry run) changes, row by row and field by field."""

    fair = fields.Dict(keys=fields.String(), values=fields.Nested(FieldChangeSchema))
    employers = fields.Nested(RowChangesSchema)
    positions = fields.Nested(RowChangesSchema)


class LoadResultSchema(Schema):
    employers = fields.Nested(LoadCountsSchema)
    positions = fields.Nested(LoadCountsSchema)
    dry_run = fields.Boolean()
    data_version = fields.Integer()
    changed = fields.Boolean(
        metadata={"description": "false: the load changes nothing, so no new data version and no history row"}
    )
    deletions = fields.Integer(metadata={"description": "employers plus positions the load deletes"})
    message = fields.String(metadata={"description": "said when the load changes nothing"})
    changes = fields.Nested(ChangesSchema)


class LoadQuerySchema(Schema):
    error_messages: ClassVar = {
        "unknown": "not a parameter of a load (they are mode, dry_run and confirm_deletions)"
    }

    mode = fields.String(
        load_default="upsert",
        validate=validate.OneOf(["upsert", "replace"]),
        metadata={
            "description": (
                "`replace`: the fair becomes exactly the document. `upsert` (the default): "
                "creates and updates by id and deletes nothing. In a JSON upsert each listed "
                "employer and position is replaced whole: an absent optional field takes its "
                "default (null, `[]`, `education: none`, `openings: 1`, a position's industry its"
                " employer's), while employers and positions the document does not list are kept."
                " In a spreadsheet upsert a blank optional cell of a stored row keeps the stored "
                "value instead; `[清空]` clears it. To change some fields only, PATCH the employer "
                "or position."
            )
        },
    )
    dry_run = fields.Boolean(
        load_default=False, metadata={"description": "validate and answer the change; write nothing"}
    )
    confirm_deletions = fields.Integer(
        load_default=None,
        validate=validate.Range(min=0),
        metadata={
            "description": "optional guard: the load is refused with 409 (stating the real number) unless "
            "this is the number of employers plus positions it deletes. Without it a replace deletes "
            "whatever the document leaves out."
        },
    )
