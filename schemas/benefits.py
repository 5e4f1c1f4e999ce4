"""The benefits seekers filter on (双休, 五险一金, 包吃住) and how employers' own wording is read as them.

The words are data (`benefits.json`): a position has a benefit when its benefits list, its title or its
description says so in any of the listed wordings, after normalising (simplified script, half-width, no
spaces); a denial such as 不包住 or 非双休 is removed before looking.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from marshmallow import ValidationError, fields

from matching.normalize import prefold

from .fastload import Fallback

DATA = Path(__file__).with_name("benefits.json")
_SPACE = re.compile(r"\s+")


def _fold(text: str) -> str:
    return _SPACE.sub("", prefold(text))


@dataclass(frozen=True)
class Benefit:
    key: str
    en: str
    any: tuple[str, ...]
    all: tuple[tuple[str, ...], ...]
    denials: re.Pattern[str] | None

    def held_by(self, folded: str) -> bool:
        """Whether a folded text (see `position_text`) offers this benefit."""
        if self.denials is not None:
            folded = self.denials.sub("|", folded)
        if any(word in folded for word in self.any):
            return True
        return bool(self.all) and all(any(word in folded for word in group) for group in self.all)


@cache
def benefits() -> dict[str, Benefit]:
    """The filterable benefits by key, in the data file's order."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))["benefits"]
    out = {}
    for key, spec in raw.items():
        denials = sorted((_fold(w) for w in spec.get("not", [])), key=len, reverse=True)
        out[key] = Benefit(
            key=key,
            en=spec["en"],
            any=tuple(_fold(w) for w in spec.get("any", [])),
            all=tuple(tuple(_fold(w) for w in group) for group in spec.get("all", [])),
            denials=re.compile("|".join(map(re.escape, denials))) if denials else None,
        )
    return out


@cache
def _by_label() -> dict[str, str]:
    labels = {}
    for key, benefit in benefits().items():
        labels[_fold(key)] = key
        labels[_fold(benefit.en)] = key
    return labels


def resolve_benefit(text: str) -> str | None:
    """The key for a benefit as a seeker names it (双休, 雙休, or its English name), or None."""
    return _by_label().get(_fold(text))


def position_text(benefit_list: Iterable[str], title: str = "", description: str | None = "") -> str:
    """A position's benefits, title and description as one folded text, each part kept apart by `|`."""
    parts = [*benefit_list, title or "", description or ""]
    return "|".join(_fold(str(part)) for part in parts if part)


def benefits_held(folded: str) -> frozenset[str]:
    """The filterable benefits a position offers, from its folded text."""
    return frozenset(key for key, benefit in benefits().items() if benefit.held_by(folded))


class BenefitField(fields.String):
    """A filterable benefit, by its Chinese key (traditional script welcome) or English name."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        key = resolve_benefit(text) if len(text) <= 100 else None
        if key is None:
            choices = ", ".join(benefits())
            raise ValidationError(f"{text!r} is not a benefit one can filter on; one of: {choices}")
        return key

    def plain_load(self, value: Any) -> str:
        if type(value) is str and len(value) <= 100 and (key := resolve_benefit(value)):
            return key
        raise Fallback
