"""Positions' plain attributes as numpy columns: hard filters, education eligibility, pay and industry scores.

Pay: a position paying at least the expected salary somewhere in its range scores 1; one whose
``salary_max`` is below it scores salary_max / expected; one without pay (negotiable) scores
``salary_unknown``; one with only a floor below expectations the better of floor / expected and that.
The ``min_salary`` filter keeps positions whose ``salary_max`` reaches it, and keeps negotiable positions
(no ``salary_max``): their pay is open, so filtering them out would hide them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from matching import reference
from matching.industry import industry_scores, name_holds
from matching.normalize import compact
from matching.records import PositionRecord


def _codes(values: Sequence[str]) -> tuple[np.ndarray, tuple[str, ...]]:
    keys = tuple(sorted(set(values)))
    lookup = {k: n for n, k in enumerate(keys)}
    return np.fromiter((lookup[v] for v in values), dtype=np.int32, count=len(values)), keys


def _money(values: Sequence[int | None]) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)


# Per-value arrays (pay for an expected salary, scores for a set of industries) are cached; the cache keeps
# about this many array cells in all, whatever the fair's size.
CACHE_CELLS = 4_000_000


class PositionColumns:
    def __init__(
        self,
        order: np.ndarray,
        industry: tuple[np.ndarray, tuple[str, ...]],
        ownership: tuple[np.ndarray, tuple[str, ...]],
        education_rank: np.ndarray,
        salary: tuple[np.ndarray, np.ndarray],
        employer: tuple[np.ndarray, tuple[str, ...]],
    ) -> None:
        self.order = order  # each position's place when sorted by id: the tie-break
        self.industry, self.industry_keys = industry
        self.ownership, self.ownership_keys = ownership
        self.education_rank = education_rank
        self.salary_min, self.salary_max = salary
        self.employer, self.employer_names = employer  # compact names (normalised, no spaces)
        self._names_text = "\n".join(self.employer_names)  # one search says whether any name holds a word
        size = int(np.clip(CACHE_CELLS // max(1, len(order)), 8, 512))
        self.salary_scores = lru_cache(maxsize=size)(self._salary_scores)
        self._preference_scores = lru_cache(maxsize=size)(self._scores_for)
        self.trade_held = lru_cache(maxsize=4096)(self._trade_held)  # small tuples, most of them empty
        self.eligible = lru_cache(maxsize=16)(self._eligible)
        self.education_factor = lru_cache(maxsize=16)(self._education_factor)

    @classmethod
    def build(cls, positions: Sequence[PositionRecord]) -> PositionColumns:
        ranks = {lvl.key: lvl.rank for lvl in reference.education_levels()}
        ids = [p.id for p in positions]
        order = np.empty(len(ids), dtype=np.int64)
        order[np.array(sorted(range(len(ids)), key=ids.__getitem__), dtype=np.int64)] = np.arange(len(ids))
        return cls(
            order=order,
            industry=_codes([p.industry for p in positions]),
            ownership=_codes([p.ownership for p in positions]),
            education_rank=np.array([ranks.get(p.education, 0) for p in positions], dtype=np.int8),
            salary=(_money([p.salary_min for p in positions]), _money([p.salary_max for p in positions])),
            employer=_codes([compact(p.employer_name) for p in positions]),
        )

    @staticmethod
    def _frozen(values: np.ndarray) -> np.ndarray:
        values.flags.writeable = False  # shared through a cache
        return values

    def _member(self, codes: np.ndarray, keys: tuple[str, ...], wanted: Sequence[str]) -> np.ndarray:
        wanted = set(wanted)
        allowed = np.array([k in wanted for k in keys], dtype=bool)
        return allowed[codes] if len(keys) else np.zeros(len(codes), dtype=bool)

    def _eligible(self, seeker_rank: int | None) -> np.ndarray | None:
        """Positions whose required education the seeker has; None when the seeker's education is unknown."""
        return None if seeker_rank is None else self._frozen(self.education_rank <= seeker_rank)

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

    def _education_factor(self, seeker_rank: int | None, penalty: float) -> np.ndarray | None:
        """1 for each position the seeker is eligible for, ``penalty`` for the others; None if unknown."""
        eligible = self.eligible(seeker_rank)
        return None if eligible is None else self._frozen(np.where(eligible, 1.0, penalty))

    def _salary_scores(self, expected: float, unknown: float) -> np.ndarray:
        if expected <= 0:
            return self._frozen(np.ones(len(self.order)))
        by_top = np.clip(self.salary_max / expected, 0.0, 1.0)
        by_floor = np.maximum(np.clip(self.salary_min / expected, 0.0, 1.0), unknown)
        scores = np.where(
            np.isnan(self.salary_max), np.where(np.isnan(self.salary_min), unknown, by_floor), by_top
        )
        return self._frozen(scores)

    def preference_scores(
        self,
        industries: tuple[str, ...],
        ownership: tuple[str, ...],
        trades: tuple[tuple[str, tuple[str, ...]], ...],
    ) -> np.ndarray | None:
        """Each position's industry score for a seeker preferring the fair ``industries``, the kinds of
        employer ``ownership`` and the ``trades`` an employer's name may hold (``industry.trade_words``):
        the best of its industry's score, 1 for an employer of a preferred kind, and 1 for an employer whose
        name holds a preferred trade. None when the seeker prefers none of those. Cached by the employers
        the trades name, not by their words: many words (医药, 医药行业, 醫藥) name the same few."""
        held = self.trade_held(trades) if trades else ()
        if not (industries or ownership or held):
            return None
        return self._preference_scores(industries, ownership, held)

    def _scores_for(
        self, industries: tuple[str, ...], ownership: tuple[str, ...], held: tuple[int, ...]
    ) -> np.ndarray:
        parts = []
        if industries:
            parts.append(self._industry_scores(industries))
        if ownership:
            parts.append(self._ownership_scores(ownership))
        if held:
            named = np.zeros(len(self.employer_names), dtype=bool)
            named[list(held)] = True
            parts.append(named[self.employer].astype(np.float64))
        return self._frozen(parts[0] if len(parts) == 1 else np.maximum.reduce(parts))

    def _ownership_scores(self, keys: tuple[str, ...]) -> np.ndarray:
        """1 for the positions of an employer of a preferred kind (国企), 0 for the others."""
        return self._member(self.ownership, self.ownership_keys, keys).astype(np.float64)

    def _trade_held(self, words: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[int, ...]:
        """The employers (by code) whose names hold one of the trade ``words`` (each with the industries it
        names: ``industry.trade_words``), as 桂林翠竹医药连锁 holds 医药 and 广西驼峰文化传媒 传媒."""
        if not any(word in self._names_text for word, _ in words):
            return ()
        return tuple(
            code
            for code, name in enumerate(self.employer_names)
            if any(name_holds(name, word, keys) for word, keys in words)
        )

    def _industry_scores(self, keys: tuple[str, ...]) -> np.ndarray:
        by_key = industry_scores(keys)
        table = np.array([by_key.get(k, 0.0) for k in self.industry_keys], dtype=np.float64)
        return table[self.industry] if len(table) else np.zeros(len(self.order))
