"""Matching requests (a candidate profile, a batch of them, a suggest query) and their answers."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate

from .benefits import BenefitField, benefits
from .fair import PositionSchema
from .fastload import FastLoad
from .fields import JsonBody, education_field, industry_field, ownership_field, visible_id


class MatchFiltersSchema(JsonBody):
    """Hard filters: a position that fails one is not ranked at all."""

    industries = fields.List(industry_field(), validate=validate.Length(max=30))
    ownership = fields.List(ownership_field(), validate=validate.Length(max=3))
    min_salary = fields.Integer(validate=validate.Range(0, 1_000_000), allow_none=True)
    education_eligible = fields.Boolean(load_default=False)


def benefits_list() -> fields.List:
    return fields.List(
        BenefitField(),
        validate=validate.Length(max=10),
        metadata={
            "description": f"benefits every position must offer, each one of {', '.join(benefits())} "
            "(or its English name), read from the position's benefits, title and description"
        },
    )


def batch_min_score() -> fields.Float:
    """A batch's or a push's score floor, for the candidates that give none of their own."""
    return fields.Float(
        validate=validate.Range(0, 1),
        allow_none=True,
        metadata={"description": "the score floor for every candidate that gives none of its own"},
    )


class MatchPageFiltersSchema(MatchFiltersSchema):
    """The hard filters of one seeker's request: also benefits and majors."""

    benefits = benefits_list()
    majors = fields.List(
        fields.String(validate=validate.Length(min=1, max=100)),
        validate=validate.Length(max=10),
        metadata={
            "description": "only positions asking for one of these majors, or a close one "
            "(计算机 is in 计算机科学与技术)"
        },
    )
    include_open_majors = fields.Boolean(
        load_default=False,
        metadata={"description": "with `majors`: also positions that ask for no particular major (专业不限)"},
    )


class CandidateProfileSchema(JsonBody):
    """What a seeker says about themselves: all optional; everything but `filters` only ranks."""

    skills = fields.List(
        fields.String(validate=validate.Length(min=1, max=100)), validate=validate.Length(max=50)
    )
    titles = fields.List(
        fields.String(validate=validate.Length(min=1, max=100)),
        validate=validate.Length(max=10),
        metadata={"description": "desired job titles (求职意向)"},
    )
    industries = fields.List(
        fields.String(validate=validate.Length(min=1, max=100)), validate=validate.Length(max=20)
    )
    education = education_field(allow_none=True, metadata={"description": "highest level reached"})
    major = fields.String(validate=validate.Length(max=100), allow_none=True)
    expected_salary = fields.Integer(validate=validate.Range(0, 1_000_000), allow_none=True)
    filters = fields.Nested(MatchFiltersSchema)
    min_score = fields.Float(
        validate=validate.Range(0, 1),
        allow_none=True,
        metadata={
            "description": "a score floor: positions scoring less count as below the floor (not in `matched`)"
        },
    )


class MatchRequestSchema(FastLoad, CandidateProfileSchema):
    filters = fields.Nested(MatchPageFiltersSchema)
    sort = fields.String(
        load_default="match",
        validate=validate.OneOf(["match", "salary"]),
        metadata={
            "description": "`match` (the default): by score. `salary`: the positions above the floor by pay "
            "(top of the range, then its bottom; negotiable last), then the rest by pay; scores then need "
            "not fall down the list"
        },
    )
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 100))
    offset = fields.Integer(load_default=0, validate=validate.Range(0, 100_000))


class BatchCandidateSchema(CandidateProfileSchema):
    id = fields.String(required=True, validate=[validate.Length(min=1, max=100), visible_id])


def distinct_ids(candidates: list[dict]) -> None:
    """Each candidate's answer carries its id: two candidates under one id could not be told apart."""
    first: dict[str, int] = {}
    for at, candidate in enumerate(candidates):
        if (seen := first.setdefault(candidate["id"], at)) != at:
            raise ValidationError(
                f"candidate ids must be distinct: candidates[{seen}] and candidates[{at}] are both "
                f"{candidate['id']!r}"
            )


def candidate_list(most: int) -> fields.List:
    return fields.List(
        fields.Nested(BatchCandidateSchema),
        required=True,
        validate=[validate.Length(1, most), distinct_ids],
        metadata={"description": f"1 to {most:,} candidates, each under an id of its own"},
    )


class BatchRequestSchema(FastLoad, JsonBody):
    candidates = candidate_list(1000)
    limit = fields.Integer(load_default=10, validate=validate.Range(1, 100))
    min_score = batch_min_score()
    compact = fields.Boolean(
        load_default=False,
        metadata={"description": "answer position ids, scores, matched and missing skills only"},
    )


class MatchResultSchema(Schema):
    rank = fields.Integer()
    score = fields.Float(
        metadata={"description": "in [0, 1], higher is better, non-increasing down the list"}
    )
    position = fields.Nested(PositionSchema)
    explanation = fields.Dict(
        metadata={
            "description": "skills.matched / skills.missing, title, industry, education and salary parts; "
            "occupation: the occupation of the 2022 职业分类大典 the position's title names, "
            '{"code": "4-01-02-04", "name": "收银员", "desired": the first desired title naming the same '
            "occupation or null}, or null; "
            "below_floor: true for a position that shares nothing with the profile or scores under min_score"
        }
    )


class MatchAnswerSchema(Schema):
    total = fields.Integer(metadata={"description": "positions that pass the hard filters"})
    matched = fields.Integer(
        metadata={
            "description": "positions above the floor: they share a skill or desired title with the profile "
            "(a preferred industry or the major when it gives neither) and score at least min_score; "
            "they come first"
        }
    )
    limit = fields.Integer()
    offset = fields.Integer()
    data_version = fields.Integer()
    profile = fields.Dict(
        metadata={
            "description": "how each input was understood; each desired title also names the occupation "
            'it was read as (titles[].occupation: {"code": "4-01-02-04", "name": "收银员"} or null), and '
            "one joining several jobs by list marks lists them "
            '(会计/出纳: titles[].expands ["会计", "出纳"]); '
            "a skill that names an industry and that the fair has nowhere (电子商务) is also listed under "
            'industries, with "from": "skills"; a preferred industry naming a kind of employer (国企) '
            'says so ("ownership": "state_owned") and prefers that kind; a desired title like no title of '
            "the fair that names a "
            'known skill (CAD, R语言) is read as that skill: listed under skills with "from": "titles", and '
            'its title entry says "read_as": "skills"; one that names a major some positions ask for '
            '(机电一体化) is read as the major ("read_as": "major"), and one that names an industry '
            "or a kind of employer as a whole (互联网, 工厂, 国企) as a preference for it: listed under "
            'industries with "from": "titles", its title entry saying "read_as": "industries". A major '
            'given (or read from a title) is echoed as major: {"input": "计科", "read_as": '
            '"计算机科学与技术", "field": false, "positions": 224} (positions asking it or a major of its '
            'field; "field": true for 计算机相关专业), and an education as the level read, with its names: '
            'education: {"level": "associate", "zh": "大专", "en": "Associate (college)"}'
        }
    )
    results = fields.List(fields.Nested(MatchResultSchema))


class BatchItemSchema(Schema):
    candidate_id = fields.String()
    total = fields.Integer()
    matched = fields.Integer(
        metadata={
            "description": "positions above the floor: they share a skill or desired title with the profile "
            "(a preferred industry or the major when it gives neither) and score at least min_score; "
            "they come first"
        }
    )
    profile = fields.Dict()
    results = fields.List(fields.Nested(MatchResultSchema))


class BatchAnswerSchema(Schema):
    data_version = fields.Integer()
    results = fields.List(fields.Nested(BatchItemSchema))


class SuggestQuerySchema(Schema):
    q = fields.String(required=True, validate=validate.Length(min=1, max=100))
    limit = fields.Integer(load_default=10, validate=validate.Range(1, 50))


class SuggestionSchema(Schema):
    skill = fields.String()
    source = fields.String(
        metadata={"description": "'fair' for a skill positions ask for, 'alias' for a known one"}
    )
    positions = fields.Integer()


class SuggestAnswerSchema(Schema):
    q = fields.String()
    suggestions = fields.List(fields.Nested(SuggestionSchema))


class CompactResultSchema(Schema):
    id = fields.String(metadata={"description": "the position's id"})
    score = fields.Float()
    matched = fields.List(
        fields.String(), metadata={"description": "the position's skills the candidate has"}
    )
    missing = fields.List(fields.String())


class CompactItemSchema(Schema):
    candidate_id = fields.String()
    total = fields.Integer()
    matched = fields.Integer()
    results = fields.List(fields.Nested(CompactResultSchema))


COMPACT_ONLY = (
    "a push answers in the compact form only: send true or leave it out "
    "(the full form is POST /api/v1/matches/batch, up to 1,000 candidates a call)"
)


class PushRequestSchema(FastLoad, JsonBody):
    """The batch request for up to 100,000 candidates, answered in the compact form only."""

    candidates = candidate_list(100_000)
    limit = fields.Integer(load_default=10, validate=validate.Range(1, 100))
    min_score = batch_min_score()
    compact = fields.Boolean(
        load_default=True,
        validate=validate.Equal(True, error=COMPACT_ONLY),
        metadata={
            "description": "true, the only form a push answers in: ids, scores, matched and missing skills"
        },
    )


class PushPageSchema(Schema):
    offset = fields.Integer(load_default=0, validate=validate.Range(0, 100_000))
    limit = fields.Integer(load_default=1000, validate=validate.Range(1, 5000))


class PushProgressSchema(Schema):
    done = fields.Integer()
    total = fields.Integer()


class PushStateSchema(Schema):
    id = fields.String()
    status = fields.String(metadata={"description": "queued, running, finished or failed"})
    runner = fields.String(
        metadata={"description": "'rq' (REDIS_URL set, a worker listening) or 'thread' (the service ranks)"}
    )
    total = fields.Integer(metadata={"description": "candidates in the push"})
    progress = fields.Nested(PushProgressSchema)
    offset = fields.Integer(metadata={"description": "the page asked for (on GET)"})
    limit = fields.Integer(metadata={"description": "the page asked for (on GET)"})
    data_versions = fields.List(
        fields.Integer(),
        metadata={"description": "once finished: the data versions its chunks ranked, whatever the page"},
    )
    error = fields.String(metadata={"description": "when failed: why, and what to do"})
    results = fields.List(
        fields.Nested(CompactItemSchema),
        metadata={
            "description": "only once finished (absent while queued or running, and when failed): the "
            "page's compact answers, in candidate order"
        },
    )
