"""Builders for engine-level tests: position records, small fairs as indexes, and ranking read-outs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from matching.index import MatchIndex
from matching.records import PositionRecord
from matching.weights import Weights


def position(
    pid: str,
    title: str = "普工",
    *skills: str,
    industry: str = "software_it",
    education: str = "none",
    salary: tuple[int | None, int | None] = (None, None),
    openings: int = 1,
    employer: str = "E01",
    ownership: str = "private",
    description: str = "",
    majors: tuple[str, ...] = (),
) -> PositionRecord:
    """A position record; skills are positional so a trap reads like the posting it imitates."""
    return PositionRecord(
        id=pid,
        title=title,
        skills=tuple(skills),
        industry=industry,
        education=education,
        salary_min=salary[0],
        salary_max=salary[1],
        openings=openings,
        employer_id=employer,
        employer_name=f"桂林测试企业{employer}有限公司",
        ownership=ownership,
        booth=f"A-{employer[-2:]}",
        description=description,
        majors=majors,
    )


def fair(*positions: PositionRecord, weights: Weights | None = None) -> MatchIndex:
    return MatchIndex.build(positions, version="test", weights=weights)


def ranked(index: MatchIndex, limit: int = 100, **profile: Any) -> list[str]:
    """Position ids in rank order for a profile given as keyword arguments."""
    return [r["position"]["id"] for r in index.match(profile, limit=limit)["results"]]


def scores(index: MatchIndex, limit: int = 100, **profile: Any) -> dict[str, float]:
    return {r["position"]["id"]: r["score"] for r in index.match(profile, limit=limit)["results"]}


def result_for(answer: Mapping[str, Any], pid: str) -> dict[str, Any]:
    return next(r for r in answer["results"] if r["position"]["id"] == pid)


def assert_first(index: MatchIndex, expected: str, *, above: tuple[str, ...] = (), **profile: Any) -> None:
    """``expected`` ranks first with a positive score, and strictly above every trap in ``above``."""
    order = scores(index, **profile)
    assert next(iter(order)) == expected, (profile, order)
    assert order[expected] > 0, (profile, order)
    for trap in above:
        assert order[expected] > order[trap], (profile, expected, trap, order)
