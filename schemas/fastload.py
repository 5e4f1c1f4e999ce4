"""A fast path for loading request schemas, compiled from the schema's own fields (one definition).

A match request costs marshmallow about 100 µs to load; most of that is the schema machinery, not the checks.
`FastLoad` compiles the same fields into plain checks — exact JSON types, the fields' own validators, their
defaults — and uses them when the input is plainly valid. Anything else (a wrong type, a failed validator,
an unknown key, a value marshmallow would coerce such as "20" for an integer) falls back to the full
marshmallow load, so errors, coercions and the OpenAPI document stay exactly those of the schema.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, missing

Check = Callable[[Any], Any]
# A long list (a push's 100,000 candidates) is checked PAUSE_EVERY items at a time with ``pause()`` between
# two: the service sets it to let a gevent worker's other connections run (`service.turns`). Nothing here.
PAUSE_EVERY = 200


def _no_pause() -> None:
    pass


pause: Callable[[], None] = _no_pause


class Fallback(Exception):
    """The input is not plainly valid: let marshmallow load it (and word any error)."""


def _exact(kind: type) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise Fallback
        return value

    return check


def finite_float(value: Any) -> float:
    if type(value) not in (int, float) or not math.isfinite(value):
        raise Fallback
    return float(value)


def _generic(field: fields.Field) -> Check:
    def check(value: Any) -> Any:
        try:
            return field.deserialize(value)
        except ValidationError:
            raise Fallback from None

    return check


def _list(inner: Check) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not list:
            raise Fallback
        out = [inner(item) for item in value[:PAUSE_EVERY]]
        for start in range(PAUSE_EVERY, len(value), PAUSE_EVERY):
            pause()
            out += [inner(item) for item in value[start : start + PAUSE_EVERY]]
        return out

    return check


def _validated(field: fields.Field, convert: Check) -> Check:
    validators, allow_none = tuple(field.validators), field.allow_none

    def check(value: Any) -> Any:
        if value is None:
            if allow_none:
                return None
            raise Fallback
        value = convert(value)
        for validator in validators:
            try:
                if validator(value) is False:
                    raise Fallback
            except ValidationError:
                raise Fallback from None
        return value

    return check


def _field(field: fields.Field) -> Check | None:
    kind = type(field)
    if hasattr(field, "plain_load"):  # a field of ours with its own plain check (schemas.fields.Coded)
        convert: Check | None = field.plain_load
    elif kind in (fields.String, fields.Str):
        convert = _exact(str)
    elif kind in (fields.Integer, fields.Int) and not field.strict:
        convert = _exact(int)
    elif kind in (fields.Float,) and not field.allow_nan:
        convert = finite_float
    elif kind in (fields.Boolean, fields.Bool):
        convert = _exact(bool)
    elif kind is fields.List:
        inner = _field(field.inner)
        convert = _list(inner) if inner else None
    elif kind is fields.Nested and not field.many and isinstance(field.schema, Schema):
        convert = compile_schema(field.schema)
    elif kind.__module__.startswith("marshmallow"):
        return None  # a marshmallow field with its own load rules: not compiled, the schema falls back
    else:
        # One of ours (schemas.fields): its own deserialize, which runs its validators too.
        return _generic(field)
    return _validated(field, convert) if convert else None


def compile_schema(schema: Schema) -> Check | None:
    """Plain checks equivalent to `schema.load` for plainly valid input, or None where not compilable."""
    if schema.many or schema.unknown != RAISE or any(schema._hooks.values()):
        return None
    plan = []
    for name, field in schema.load_fields.items():
        if field.data_key not in (None, name) or field.attribute not in (None, name):
            return None
        check = _field(field)
        if check is None:
            return None
        plan.append((name, check, field.required, field.load_default))

    def load(data: Any) -> dict[str, Any]:
        if type(data) is not dict:
            raise Fallback
        out, seen = {}, 0
        for name, check, required, default in plan:
            if name in data:
                out[name] = check(data[name])
                seen += 1
            elif required:
                raise Fallback
            elif default is not missing:
                out[name] = default() if callable(default) else default
        if seen != len(data):
            raise Fallback  # an unknown key: marshmallow says which
        return out

    return load


class FastLoad:
    """Mix into a Schema (first) to load plainly valid input through the compiled checks."""

    def load(self, data: Any, *, many: bool | None = None, partial: Any = None, unknown: str | None = None):
        if many is None and partial is None and unknown in (None, RAISE):
            fast = self.__dict__.get("_fast_load", missing)
            if fast is missing:
                fast = self.__dict__["_fast_load"] = compile_schema(self)  # type: ignore[arg-type]
            if fast is not None:
                try:
                    return fast(data)
                except Fallback:
                    pass
        return super().load(data, many=many, partial=partial, unknown=unknown)  # type: ignore[misc]
