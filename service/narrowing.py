"""Hard filters the engine does not know (benefits, majors) and the order by pay, over one built index.

The engine ranks every position and applies its own hard filters (industries, ownership, pay floor,
education); this narrows the same scoring to the positions offering every asked-for benefit and asking for
one of the asked-for majors, and may order the page by pay instead of score. It reads the index's scoring
steps rather than changing the engine, so a narrowed answer has exactly the engine's scores, explanations,
`matched` and floor, only over fewer positions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from matching.index import MatchIndex
from matching.records import PositionRecord
from schemas.benefits import benefits

OWN_FILTERS = ("benefits", "majors", "include_open_majors")
NO_PAY = -1


@dataclass(frozen=True)
class Narrowing:
    """Per data version: which positions offer each benefit, and every position's pay for ordering."""

    offers: Mapping[str, np.ndarray]
    salary_max: np.ndarray
    salary_min: np.ndarray

    @classmethod
    def build(cls, records: Sequence[PositionRecord], held: Sequence[frozenset[str]]) -> Narrowing:
        offers = {key: np.fromiter((key in h for h in held), bool, len(held)) for key in benefits()}
        pay = (
            np.fromiter((NO_PAY if r.salary_max is None else r.salary_max for r in records), np.int64),
            np.fromiter((NO_PAY if r.salary_min is None else r.salary_min for r in records), np.int64),
        )
        # A floor without a ceiling (4000+提成) sorts by its floor.
        top = np.where(pay[0] == NO_PAY, pay[1], pay[0])
        return cls(offers=offers, salary_max=top, salary_min=pay[1])

    @staticmethod
    def needed(request: Mapping[str, Any]) -> bool:
        filters = request.get("filters") or {}
        return request.get("sort", "match") != "match" or bool(
            filters.get("benefits") or filters.get("majors")
        )

    def allowed(self, index: MatchIndex, filters: Mapping[str, Any]) -> np.ndarray:
        mask = np.ones(len(index), dtype=bool)
        for key in filters.get("benefits") or ():
            mask &= self.offers[key]
        if majors := filters.get("majors"):
            asked = np.zeros(len(index), dtype=bool)
            for major in majors:
                key = index.reader.read({"major": major}).major_key
                if key:
                    asked |= index.majors.held(key)
            if filters.get("include_open_majors"):
                asked |= index.majors.postings.per_position == 0
            mask &= asked
        return mask


def narrowed_match(index: MatchIndex, narrowing: Narrowing, request: Mapping[str, Any]) -> dict[str, Any]:
    """The engine's answer for a validated match request, over the positions the request's own filters
    leave, in the order it asks for (the contract's shape)."""
    filters = dict(request.get("filters") or {})
    own = {name: filters.pop(name, None) for name in OWN_FILTERS}
    profile = {k: v for k, v in request.items() if k not in {"limit", "offset", "sort", "filters"}}
    profile["filters"] = filters

    def by_pay(keys: np.ndarray, fits: np.ndarray, mask: np.ndarray) -> np.ndarray:
        candidates = np.flatnonzero(mask)
        # Above the floor first, then pay (top of the range, then its bottom), then the engine's own order.
        order = np.lexsort(
            (keys[candidates], narrowing.salary_min[candidates], narrowing.salary_max[candidates],
             fits[candidates])
        )[::-1]  # fmt: skip
        return candidates[order]

    return index.match(
        profile,
        limit=int(request["limit"]),
        offset=int(request["offset"]),
        allowed=narrowing.allowed(index, own),
        order=by_pay if request.get("sort") == "salary" else None,
    )
