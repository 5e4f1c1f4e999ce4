"""The seeker's major (专业) against the majors positions ask for.

A position listing majors scores the best similarity of the seeker's major to one of them (计算机 lies inside
计算机科学与技术); a position listing none scores ``major_unknown``, neither helped nor shut out. A major
named by its students' short name (计科, 电商: ``data/majors.json``) is read as its full name, on both
sides.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from matching.lexicon import LexiconBuilder
from matching.normalize import compact, normalize
from matching.postings import Postings
from matching.records import PositionRecord
from matching.similarity import Vocabulary
from matching.weights import Weights

MAJORS_PATH = Path(__file__).parent / "data" / "majors.json"


@cache
def _short_names() -> dict[str, str]:
    data = json.loads(MAJORS_PATH.read_text(encoding="utf-8"))
    return {compact(short): full for short, full in data["short_names"].items()}


def full_major(text: str) -> str:
    """A major's full name where ``text`` is its short name (计科: 计算机科学与技术), else ``text``."""
    return _short_names().get(compact(text), text)


class MajorSpace:
    def __init__(
        self, vocabulary: Vocabulary, displays: list[str], postings: Postings, weights: Weights
    ) -> None:
        self.vocabulary = vocabulary
        self.displays = displays
        self.postings = postings
        self.weights = weights
        self.hits = lru_cache(maxsize=1024)(self._hits)

    @classmethod
    def build(
        cls, positions: Sequence[PositionRecord], builder: LexiconBuilder, weights: Weights
    ) -> MajorSpace:
        ids: dict[str, int] = {}
        displays: list[str] = []
        lists = []
        for position in positions:
            row = []
            for major in position.majors:
                key = builder.encode(normalize(full_major(major)), term=True)
                if key and key not in ids:
                    ids[key] = len(ids)
                    displays.append(major)
                if key:
                    row.append(ids[key])
            lists.append(tuple(dict.fromkeys(row)))
        return cls(Vocabulary(list(ids)), displays, Postings.from_lists(lists, len(ids)), weights)

    def _hits(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        return self.vocabulary.search([key], floor=self.weights.match_threshold)[0]

    def score(self, key: str) -> np.ndarray:
        items, values = self.hits(key)
        best = self.postings.best(items, values, np.zeros(self.postings.n_positions, dtype=np.float32))
        return np.where(self.postings.per_position > 0, best, np.float32(self.weights.major_unknown))

    def held(self, key: str) -> np.ndarray:
        """Which positions list a major like the seeker's."""
        items, values = self.hits(key)
        return self.postings.best(items, values, np.zeros(self.postings.n_positions, dtype=np.float32)) > 0

    def best_for(self, key: str, position: int) -> tuple[str | None, float]:
        """The position's major closest to the seeker's, with its similarity, for explanations."""
        items = self.postings.items_of(position)
        found, values = self.hits(key)
        scores = dict(zip(found.tolist(), values.tolist(), strict=True))
        best = max(items.tolist(), key=lambda i: (scores.get(i, 0.0), -i), default=None)
        return (None, 0.0) if best is None else (self.displays[best], round(scores.get(best, 0.0), 4))
