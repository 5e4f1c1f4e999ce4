"""The plain position records the engine ranks, and a Flask-free reader of fixture documents into them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from matching import reference


@dataclass(frozen=True, slots=True)
class PositionRecord:
    id: str
    title: str
    skills: tuple[str, ...]
    industry: str
    education: str  # an education key, e.g. "bachelor"
    salary_min: int | None
    salary_max: int | None
    openings: int
    employer_id: str
    employer_name: str
    ownership: str
    booth: str | None
    description: str = ""
    majors: tuple[str, ...] = ()


@cache
def _keys() -> frozenset[str]:
    kinds = (reference.industries(), reference.education_levels(), reference.ownership_kinds())
    return frozenset(item.key for kind in kinds for item in kind)


def _coded(value: Any, resolve: Callable[[str], reference.Resolution], default: str) -> str:
    """A stored key for a fixture value that may be a key or one of its accepted labels."""
    if value is None or str(value).strip() == "":
        return default
    text = str(value).strip()
    return text if text in _keys() else resolve(text).key or text


def positions_from_fixture(doc: Mapping[str, Any]) -> list[PositionRecord]:
    """Every position of a fixture document (see the API contract's fixture format) as a record.

    A position's industry defaults to its employer's, education to ``none`` and openings to 1; labels such as
    国企 or 本科 are read as their keys. The document is assumed valid: the service validates before loading.
    """
    records = []
    for employer in doc.get("employers", ()):
        employer_industry = _coded(employer.get("industry"), reference.resolve_industry, "")
        ownership = _coded(employer.get("ownership"), reference.resolve_ownership, "")
        for position in employer.get("positions", ()):
            records.append(
                PositionRecord(
                    id=str(position["id"]),
                    title=str(position["title"]).strip(),
                    skills=tuple(str(s).strip() for s in position.get("skills") or () if str(s).strip()),
                    industry=_coded(position.get("industry"), reference.resolve_industry, employer_industry),
                    education=_coded(position.get("education"), reference.resolve_education, "none"),
                    salary_min=position.get("salary_min"),
                    salary_max=position.get("salary_max"),
                    openings=int(position.get("openings") or 1),
                    employer_id=str(employer["id"]),
                    employer_name=str(employer.get("name", "")),
                    ownership=ownership,
                    booth=employer.get("booth"),
                    description=str(position.get("description") or ""),
                    majors=tuple(str(m) for m in position.get("majors") or ()),
                )
            )
    return records
