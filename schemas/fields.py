"""Fields shared by the schemas: trimmed text, whole numbers, ids, coded values read from their labels, and
the base of every JSON body, whose numbers and true/false must be written as JSON writes them."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields

from matching.reference import (
    Resolution,
    education_levels,
    industries,
    ownership_kinds,
    resolve_education,
    resolve_industry,
    resolve_ownership,
)

from .fastload import Fallback, finite_float


class Text(fields.String):
    """A string trimmed of surrounding white space; `required` also rejects blank strings."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        if self.required and not text:
            raise ValidationError("must not be blank")
        return text


class WholeNumber(fields.Integer):
    """An integer written as a JSON number (5000 or 5000.0); rejects booleans, fractions and strings."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(strict=True, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> int:
        if isinstance(value, bool):
            raise ValidationError("must be a whole number, not true/false")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int):
            raise ValidationError("must be a whole number" + (", not text" if isinstance(value, str) else ""))
        return value

    def plain_load(self, value: Any) -> int:
        if type(value) is int:
            return value
        raise Fallback


class TrueFalse(fields.Boolean):
    """true or false, as JSON writes them: 0, 1, "true" or "yes" are refused, not guessed."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool:
        if type(value) is not bool:
            raise ValidationError("must be true or false")
        return value

    def plain_load(self, value: Any) -> bool:
        if type(value) is bool:
            return value
        raise Fallback


class JsonNumber(fields.Float):
    """A number written as a JSON number: text ("0.5") and true/false are refused."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValidationError("must be a number" + (", not text" if isinstance(value, str) else ""))
        return super()._deserialize(value, attr, data, **kwargs)

    def plain_load(self, value: Any) -> float:
        return finite_float(value)


# A query string's values are text by nature ("?limit=5", "?dry_run=true"); a JSON body's are typed.
_JSON_TYPED = {fields.Integer: WholeNumber, fields.Boolean: TrueFalse, fields.Float: JsonNumber}


MOST_UNKNOWN = 20  # unknown keys of one JSON object named in a 422


class JsonBody(Schema):
    """The base of every JSON body's schema: its integers, floats and booleans take only JSON's own types.

    `"limit": 1.5`, `"limit": "5"` or `"compact": 0` are 422s naming the field, not a truncated or guessed
    value. Query-string schemas do not derive from it and keep reading "5" and "true".
    """

    def on_bind_field(self, field_name: str, field_obj: fields.Field) -> None:
        while isinstance(field_obj, fields.List):
            field_obj = field_obj.inner
        if typed := _JSON_TYPED.get(type(field_obj)):
            field_obj.__class__ = typed  # same state, JSON's type check on load

    def load(self, data: Any, *, many: bool | None = None, partial: Any = None, unknown: str | None = None):
        """As marshmallow loads, but an object of thousands of unknown keys is a 422 naming the first
        ``MOST_UNKNOWN`` of them: each named cost 17 ms for 5,000 keys, and an answer twice the body's size.
        (Not a ``pre_load`` hook: a schema with hooks loads without ``FastLoad``'s compiled checks.)"""
        one = not (self.many if many is None else many)
        if isinstance(data, dict) and len(data) > MOST_UNKNOWN and one and (unknown or self.unknown) == RAISE:
            self._few_unknown(data)
        return super().load(data, many=many, partial=partial, unknown=unknown)

    def _few_unknown(self, data: dict) -> None:
        known = {field.data_key or name for name, field in self.load_fields.items()}
        unknown = [key for key in data if key not in known]
        if len(unknown) > MOST_UNKNOWN:
            named = self.error_messages.get("unknown", "Unknown field.")
            errors: dict[str, list[str]] = {key: [named] for key in unknown[:MOST_UNKNOWN]}
            errors["_schema"] = [f"{len(unknown):,} unknown fields; the first {MOST_UNKNOWN} are named."]
            raise ValidationError(errors)


_INVISIBLE = {"Cc", "Cf", "Zl", "Zp", "Zs", "Co", "Cs", "Cn"}


def visible_id(value: str) -> None:
    """Ids name rows in URLs, answers and exports: none may hold a character that cannot be seen or typed
    (a line break, a tab, a zero-width space or bidi mark, a no-break or full-width space)."""
    for char in value:
        if char != " " and unicodedata.category(char) in _INVISIBLE:
            name = unicodedata.name(char, "a control character")
            raise ValidationError(f"must not hold U+{ord(char):04X} ({name}): it cannot be seen or typed")


RESOLVED_CACHE = 1024  # per coded field: at most 1,024 answers for values of at most 100 characters


@cache
def _labels() -> dict[str, str]:
    kinds = (*industries(), *ownership_kinds(), *education_levels())
    return {kind.key: kind.zh for kind in kinds}


def chinese_label(key: str) -> str | None:
    """The Chinese name of a coded value (制造业 for `manufacturing`), for messages people read."""
    return _labels().get(key)


class Coded(fields.String):
    """A value from a fixed list, accepted as its key or any known label and stored as the key.

    The lists are reference data fixed for the process, so each field remembers its last answers: a request's
    `education` costs a dictionary look-up, not a rebuilt label table.
    """

    def __init__(self, resolver: Callable[[str], Resolution], **kwargs: Any) -> None:
        self.resolver = lru_cache(maxsize=RESOLVED_CACHE)(resolver)
        super().__init__(**kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        found = self.resolver(text) if len(text) <= 100 else self.resolver.__wrapped__(text)
        if found.key:
            return found.key
        message = f"{text!r} is {found.reason}"
        if found.suggestion:
            label = chinese_label(found.suggestion)
            message += f"; did you mean {found.suggestion!r}" + (f" ({label})?" if label else "?")
        else:
            message += f"; one of: {', '.join(found.choices)}"
        raise ValidationError(message)

    def plain_load(self, value: Any) -> str:
        """The key for a plainly valid value (schemas.fastload); anything else goes to `deserialize`."""
        if type(value) is str and len(value) <= 100 and (key := self.resolver(value).key):
            return key
        raise Fallback


def industry_field(**kwargs: Any) -> Coded:
    return Coded(resolve_industry, **kwargs)


def education_field(**kwargs: Any) -> Coded:
    return Coded(resolve_education, **kwargs)


def ownership_field(**kwargs: Any) -> Coded:
    return Coded(resolve_ownership, **kwargs)
