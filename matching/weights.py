"""The matching weights: ``data/weights.json`` read into an immutable, overridable ``Weights``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

WEIGHTS_PATH = Path(__file__).parent / "data" / "weights.json"
COMPONENTS = ("skills", "title", "industry", "salary", "major")


@dataclass(frozen=True, slots=True)
class Weights:
    components: MappingProxyType[str, float] = field(
        default_factory=lambda: MappingProxyType(
            {"skills": 0.5, "title": 0.5, "industry": 0.1, "salary": 0.1}
        )
    )
    skill_beta: float = 0.5
    skill_beta_unlisted: float = 0.5
    match_threshold: float = 0.75
    title_mention: float = 0.85
    description_mention: float = 0.6
    unlisted_requirements: float = 2.0
    title_core: float = 0.9
    title_synonym: float = 0.9
    title_kind: float = 0.8
    title_part: float = 0.8
    title_words: float = 0.7
    title_words_floor: float = 0.3
    title_occupation: float = 0.65
    title_field: float = 0.5
    title_broader: float = 0.0
    title_weak: float = 0.45
    title_requirement: float = 0.5
    title_level_step: float = 0.0
    title_level_most: float = 0.0
    education_penalty: float = 0.5
    salary_unknown: float = 0.8
    major_unknown: float = 0.5

    def __post_init__(self) -> None:
        unknown = set(self.components) - set(COMPONENTS)
        if unknown:
            raise ValueError(f"unknown score components: {sorted(unknown)}")
        if any(w < 0 for w in self.components.values()):
            raise ValueError("component weights must not be negative")
        for name in (
            "match_threshold",
            "title_mention",
            "description_mention",
            "title_core",
            "title_synonym",
            "title_kind",
            "title_part",
            "title_words",
            "title_words_floor",
            "title_occupation",
            "title_field",
            "title_weak",
        ):
            if not 0 < getattr(self, name) <= 1:
                raise ValueError(f"{name} must be in (0, 1]")
        for name in (
            "education_penalty",
            "salary_unknown",
            "major_unknown",
            "title_level_step",
            "title_level_most",
            "title_broader",
        ):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"{name} must be in [0, 1]")
        if not 0 < self.title_requirement < 1:
            raise ValueError("title_requirement must be in (0, 1)")
        if self.skill_beta <= 0 or self.skill_beta_unlisted <= 0:
            raise ValueError("skill_beta and skill_beta_unlisted must be positive")
        if self.unlisted_requirements < 1:
            raise ValueError("unlisted_requirements must be at least 1")

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Weights:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "components" in values:
            values["components"] = MappingProxyType({k: float(v) for k, v in values["components"].items()})
        return cls(**values)

    def with_overrides(self, **changes: Any) -> Weights:
        """A copy with some weights changed (``components`` may be given as a plain dict)."""
        if "components" in changes:
            changes["components"] = MappingProxyType(dict(changes["components"]))
        return replace(self, **changes)

    def component(self, name: str) -> float:
        return self.components.get(name, 0.0)


@cache
def default_weights() -> Weights:
    """The weights in ``data/weights.json``."""
    return Weights.from_mapping(json.loads(WEIGHTS_PATH.read_text(encoding="utf-8")))
