"""Positions' plain attributes as numpy columns: hard filters, education eligibility, pay and industry scores.

Pay: a position paying at least the expected salary somewhere in its range scores 1; one whose
``salary_max`` is below it scores salary_max / expected; one without pay (negotiable) scores
``salary_unknown``; one with only a floor below expectations the better of floor / expected and that.
The ``min_salary`` filter keeps positions whose ``salary_max`` reaches it, and keeps negotiable positions
(no ``salary_max``): their pay is open, so filtering them out would hide them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from matching import reference
from matching.industry import industry_scores
from matching.records import PositionRecord


def _codes(values: Sequence[str]) -> tuple[np.ndarray, tuple[str, ...]]:
    keys = tuple(sorted(set(values)))
    lookup = {k: n for n, k in enumerate(keys)}
    return np.fromiter((lookup[v] for v in values), dtype=np.int32, count=len(values)), keys


def _money(values: Sequence[int | None]) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)


@dataclass(frozen=True, slots=True)
class PositionColumns:
    order: np.ndarray  # each position's place when sorted by id: the tie-break
    industry: np.ndarray
    industry_keys: tuple[str, ...]
    ownership: np.ndarray
    ownership_keys: tuple[str, ...]
    education_rank: np.ndarray
    salary_min: np.ndarray
    salary_max: np.ndarray

    @classmethod
    def build(cls, positions: Sequence[PositionRecord]) -> PositionColumns:
        ranks = {lvl.key: lvl.rank for lvl in reference.education_levels()}
        ids = [p.id for p in positions]
        order = np.empty(len(ids), dtype=np.int32)
        order[np.array(sorted(range(len(ids)), key=ids.__getitem__), dtype=np.int64)] = np.arange(len(ids))
        industry, industry_keys = _codes([p.industry for p in positions])
        ownership, ownership_keys = _codes([p.ownership for p in positions])
        return cls(
            order=order,
            industry=industry,
            industry_keys=industry_keys,
            ownership=ownership,
            ownership_keys=ownership_keys,
            education_rank=np.array([ranks.get(p.education, 0) for p in positions], dtype=np.int8),
            salary_min=_money([p.salary_min for p in positions]),
            salary_max=_money([p.salary_max for p in positions]),
        )

    def _member(self, codes: np.ndarray, keys: tuple[str, ...], wanted: Sequence[str]) -> np.ndarray:
        allowed = np.array([k in set(wanted) for k in keys], dtype=bool)
        return allowed[codes] if len(keys) else np.zeros(len(codes), dtype=bool)

    def eligible(self, seeker_rank: int | None) -> np.ndarray | None:
        """Positions whose required education the seeker has; None when the seeker's education is unknown."""
        return None if seeker_rank is None else self.education_rank <= seeker_rank

    def filter_mask(self, filters: Mapping[str, Any], eligible: np.ndarray | None) -> np.ndarray:
        """Positions passing the hard filters (industries, ownership, min_salary, education_eligible)."""
        mask = np.ones(len(self.order), dtype=bool)
        if filters.get("industries"):
            mask &= self._member(self.industry, self.industry_keys, filters["industries"])
        if filters.get("ownership"):
            mask &= self._member(self.ownership, self.ownership_keys, filters["ownership"])
        if filters.get("min_salary") is not None:
            mask &= np.isnan(self.salary_max) | (self.salary_max >= float(filters["min_salary"]))
        if filters.get("education_eligible") and eligible is not None:
            mask &= eligible
        return mask

    def salary_scores(self, expected: float, unknown: float) -> np.ndarray:
        if expected <= 0:
            return np.ones(len(self.order), dtype=np.float32)
        by_top = np.clip(self.salary_max / expected, 0.0, 1.0)
        by_floor = np.maximum(np.clip(self.salary_min / expected, 0.0, 1.0), unknown)
        scores = np.where(
            np.isnan(self.salary_max), np.where(np.isnan(self.salary_min), unknown, by_floor), by_top
        )
        return scores.astype(np.float32)

    def industry_scores(self, keys: tuple[str, ...]) -> np.ndarray:
        by_key = industry_scores(keys)
        table = np.array(
            [1.0 if k in keys else by_key.get(k, 0.0) for k in self.industry_keys], dtype=np.float32
        )
        return table[self.industry] if len(table) else np.zeros(len(self.order), dtype=np.float32)
