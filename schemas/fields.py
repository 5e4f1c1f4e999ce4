"""Fields shared by the schemas: trimmed text, whole numbers, and coded values read from their labels."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from marshmallow import ValidationError, fields

from matching.reference import Resolution, resolve_education, resolve_industry, resolve_ownership


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
            raise ValidationError("must be a whole number")
        return value


class Coded(fields.String):
    """A value from a fixed list, accepted as its key or any known label and stored as the key."""

    def __init__(self, resolver: Callable[[str], Resolution], **kwargs: Any) -> None:
        self.resolver = resolver
        super().__init__(**kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        found = self.resolver(text)
        if found.key:
            return found.key
        message = f"{text!r} is {found.reason}"
        if found.suggestion:
            message += f"; did you mean {found.suggestion!r}?"
        else:
            message += f"; one of: {', '.join(found.choices)}"
        raise ValidationError(message)


def industry_field(**kwargs: Any) -> Coded:
    return Coded(resolve_industry, **kwargs)


def education_field(**kwargs: Any) -> Coded:
    return Coded(resolve_education, **kwargs)


def ownership_field(**kwargs: Any) -> Coded:
    return Coded(resolve_ownership, **kwargs)
