"""Shapes of the organisers' tools: uploads and their cells, the load history, corrections, stats."""

from __future__ import annotations

from typing import Any, ClassVar

from marshmallow import RAISE, Schema, fields, post_load, validate

from .fair import CountsSchema, EmployerDetailSchema, LoadResultSchema, PositionSchema
from .fields import visible_id
from .fixture import EmployerInSchema, PositionInSchema


class CellProblemSchema(Schema):
    """An error or note at one spreadsheet cell (`cell` is None for what concerns the whole file)."""

    sheet = fields.String(allow_none=True)
    cell = fields.String(allow_none=True, metadata={"description": "e.g. F17"})
    row = fields.Integer(allow_none=True)
    column = fields.String(allow_none=True)
    header = fields.String(allow_none=True)
    value = fields.String(allow_none=True)
    message = fields.String()
    path = fields.String(metadata={"description": "the document path, as in `errors`"})
    text = fields.String(metadata={"description": '岗位表!F17: 薪资 "8000-5000": minimum above maximum'})


class MixSchema(Schema):
    employers = fields.Integer()
    positions = fields.Integer()
    openings = fields.Integer()
    by_ownership = fields.Dict(keys=fields.String(), values=fields.Nested(CountsSchema))
    by_industry = fields.Dict(keys=fields.String(), values=fields.Nested(CountsSchema))


class UploadedFileSchema(Schema):
    name = fields.String(allow_none=True)
    kind = fields.String(metadata={"description": "json, xlsx or csv"})
    sheet = fields.String(allow_none=True)
    rows = fields.Integer(allow_none=True)


class BlanksSchema(Schema):
    kept = fields.Integer(
        metadata={"description": "blank cells of stored rows that kept their value (upserts)"}
    )
    cleared = fields.Integer(metadata={"description": "cells holding the clear mark [清空]"})


class UploadResultSchema(LoadResultSchema):
    file = fields.Nested(UploadedFileSchema)
    blanks = fields.Nested(BlanksSchema)
    notes = fields.List(fields.Nested(CellProblemSchema), metadata={"description": "cells read with a guess"})
    mix = fields.Dict(
        keys=fields.String(),
        values=fields.Nested(MixSchema),
        metadata={"description": "dry runs: the fair's `current` mix and the `new` one the load would give"},
    )


class HistoryQuerySchema(Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 500))


class LoadRecordSchema(Schema):
    id = fields.Integer()
    at = fields.DateTime()
    source = fields.String(metadata={"description": "api, cli, default or correction"})
    filename = fields.String(allow_none=True)
    mode = fields.String()
    actor = fields.String(allow_none=True, metadata={"description": "the name sent as X-Organiser"})
    counts = fields.Dict()
    data_version = fields.Integer()
    changes = fields.Dict(allow_none=True, metadata={"description": "what it changed, as in a dry run"})
    restored_from = fields.Integer(
        allow_none=True, metadata={"description": "the state a restore brought back"}
    )
    kept = fields.Boolean(metadata={"description": "whether the whole state is kept (it can be restored)"})


class RestoreQuerySchema(Schema):
    """A restore takes no parameter: one sent (`?dry_run=true`) is a 422, not a restore that ignored it."""

    error_messages: ClassVar = {"unknown": "not a parameter of a restore (it takes none)"}


class HistorySchema(Schema):
    items = fields.List(fields.Nested(LoadRecordSchema))


class EmployerBodySchema(EmployerInSchema):
    """An employer as a correction sends it (the id comes from the URL); `positions` replace its own."""

    id = fields.String(load_default=None)
    positions = fields.List(fields.Nested(PositionInSchema))


class PositionBodySchema(PositionInSchema):
    """A position as a correction sends it; `employer_id` is required to create one or move it."""

    id = fields.String(load_default=None)
    employer_id = fields.String(validate=[validate.Length(min=1, max=100), visible_id])


class PayStatsSchema(Schema):
    industry = fields.String()
    positions = fields.Integer(metadata={"description": "positions in the industry"})
    with_pay = fields.Integer(metadata={"description": "positions that state any pay (the rest are 面议)"})
    min = fields.Integer(allow_none=True, metadata={"description": "lowest salary_min"})
    median = fields.Float(allow_none=True, metadata={"description": "median of each range's midpoint"})
    median_min = fields.Float(allow_none=True)
    median_max = fields.Float(allow_none=True)
    max = fields.Integer(allow_none=True, metadata={"description": "highest salary_max"})


class PayAnswerSchema(Schema):
    industries = fields.List(fields.Nested(PayStatsSchema))


class DemandQuerySchema(Schema):
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 200))


class SkillCountSchema(Schema):
    skill = fields.String()
    count = fields.Integer()
    matched = fields.Boolean(
        metadata={"description": "whether the engine matched it to some position at the fair"}
    )


class DemandAnswerSchema(Schema):
    top = fields.List(fields.Nested(SkillCountSchema), metadata={"description": "most requested skills"})
    gap = fields.List(
        fields.Nested(SkillCountSchema),
        metadata={"description": "requested skills no position at the fair asks for"},
    )
    requested = fields.Integer(metadata={"description": "skill requests counted in all"})


class _PatchExtra:
    """A PATCH names the fields it sets; one outside the fixture's own goes in `extra` on purpose."""

    extra = fields.Dict(
        keys=fields.String(), metadata={"description": "fields of your own to set, kept as in a fixture"}
    )

    @post_load
    def _collect_extra(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:  # replaces the fixture's
        return data


class EmployerPatchSchema(_PatchExtra, EmployerBodySchema):
    """Some of an employer's fields; its positions are corrected one by one. A field it does not have is
    a 422 naming it (a PATCH that silently set nothing would look like a correction made)."""

    class Meta(EmployerBodySchema.Meta):
        exclude = ("positions",)
        unknown = RAISE

    def __init__(self, **kwargs):
        super().__init__(partial=True, **kwargs)


class PositionPutSchema(PositionBodySchema):
    employer_id = fields.String(required=True, validate=[validate.Length(min=1, max=100), visible_id])


class PositionPatchSchema(_PatchExtra, PositionBodySchema):
    """Some of a position's fields; `employer_id` moves it to another employer. A field it does not have
    is a 422 naming it."""

    class Meta(PositionBodySchema.Meta):
        unknown = RAISE

    def __init__(self, **kwargs):
        super().__init__(partial=True, **kwargs)


class CorrectionQuerySchema(Schema):
    error_messages: ClassVar = {"unknown": "not a parameter of a correction (dry_run is its only one)"}

    dry_run = fields.Boolean(
        load_default=False,
        metadata={"description": "check the correction and answer the change it would make; write nothing"},
    )


class _Corrected(Schema):
    data_version = fields.Integer()
    dry_run = fields.Boolean()
    changed = fields.Boolean(
        metadata={"description": "false: the correction changes nothing (no new version)"}
    )
    changes = fields.Dict(metadata={"description": "what changes, as in a load's dry run"})


class DeletedSchema(_Corrected):
    employers = fields.Integer()
    positions = fields.Integer()


class CorrectedEmployerSchema(EmployerDetailSchema, _Corrected):
    pass


class CorrectedPositionSchema(PositionSchema, _Corrected):
    pass


def _unknown_message(schema: type[Schema], what: str) -> None:
    names = ", ".join(n for n, f in schema._declared_fields.items() if n not in {"id", "positions"})
    schema.error_messages = {"unknown": f"not a field of {what}; the fields are {names}"}


_unknown_message(EmployerPatchSchema, "an employer")
_unknown_message(PositionPatchSchema, "a position")
