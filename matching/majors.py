"""The seeker's major (专业) against the majors positions ask for.

A position listing majors scores the best similarity of the seeker's major to one of them (计算机 lies inside
计算机科学与技术), or the groups' similarity where one is of the seeker's field (``data/major_groups.json``:
软件技术 for 计算机科学与技术); a position listing none scores ``major_unknown``, neither helped nor shut out.
A major named by its students' short name (计科, 电商: ``data/majors.json``) is read as its full name, on
both sides.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from matching.lexicon import LexiconBuilder
from matching.memo import BUDGETS, ByteCache
from matching.normalize import compact, normalize
from matching.postings import Postings, raised
from matching.records import PositionRecord
from matching.similarity import Vocabulary
from matching.weights import Weights

MAJORS_PATH = Path(__file__).parent / "data" / "majors.json"
GROUPS_PATH = Path(__file__).parent / "data" / "major_groups.json"


@cache
def _short_names() -> dict[str, str]:
    data = json.loads(MAJORS_PATH.read_text(encoding="utf-8"))
    return {compact(short): full for short, full in data["short_names"].items()}


def full_major(text: str) -> str:
    """A major's full name where ``text`` is its short name (计科: 计算机科学与技术), else ``text``."""
    return _short_names().get(compact(text), text)


@cache
def major_groups() -> tuple[float, dict[str, tuple[str, ...]]]:
    """The majors of one field (``data/major_groups.json``): their similarity, and group -> majors."""
    data = json.loads(GROUPS_PATH.read_text(encoding="utf-8"))
    return float(data["similarity"]), {name: tuple(majors) for name, majors in data["groups"].items()}


def _group_table(builder: LexiconBuilder) -> dict[str, frozenset[str]]:
    """Encoded major -> the encoded majors of its groups (itself among them)."""
    groups: dict[str, set[str]] = {}
    for majors in major_groups()[1].values():
        keys = {builder.encode(normalize(m), term=True) for m in majors}
        for key in keys:
            groups.setdefault(key, set()).update(keys)
    return {key: frozenset(kin) for key, kin in groups.items()}


class MajorSpace:
    def __init__(
        self,
        vocabulary: Vocabulary,
        displays: list[str],
        postings: Postings,
        weights: Weights,
        kin: dict[str, frozenset[str]] | None = None,
    ) -> None:
        """``kin``: each encoded major of a group -> the encoded majors of its groups (``major_groups``)."""
        self.vocabulary = vocabulary
        self.displays = displays
        self.postings = postings
        self.weights = weights
        self.kin = kin or {}
        self._item_of = {item: n for n, item in enumerate(vocabulary.items)}
        self.hits = ByteCache(self._hits, BUDGETS["majors"])
        self.related = ByteCache(self._related, BUDGETS["majors"])

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
        postings = Postings.from_lists(lists, len(ids))
        return cls(Vocabulary(list(ids)), displays, postings, weights, _group_table(builder))

    def _hits(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """The majors asked for like ``key``, by similarity."""
        return self.vocabulary.search([key], floor=self.weights.match_threshold)[0]

    def _related(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """``_hits``, with the other majors of its field at the groups' similarity (软件技术 for
        计算机科学与技术)."""
        items, values = self.hits(key)
        similarity = major_groups()[0]
        kin = (self._item_of[k] for k in self.kin.get(key, ()) if k in self._item_of)
        return raised(items, values, ((item, similarity) for item in kin))

    def score(self, key: str) -> np.ndarray:
        items, values = self.related(key)
        best = self.postings.best(items, values, np.zeros(self.postings.n_positions, dtype=np.float32))
        return np.where(self.postings.per_position > 0, best, np.float32(self.weights.major_unknown))

    def asking(self, key: str) -> int:
        """How many positions list the encoded major ``key`` itself (not one merely like it)."""
        item = self._item_of.get(key)
        return 0 if item is None else len(self.postings.positions_of(np.array([item], dtype=np.int32)))

    def held(self, key: str, *, related: bool = False) -> np.ndarray:
        """Which positions list a major like the seeker's (``related``: or of its field, ``major_groups``;
        filters and a wish read as a major take the major alone, as the positions list filters)."""
        items, values = self.related(key) if related else self.hits(key)
        return self.postings.best(items, values, np.zeros(self.postings.n_positions, dtype=np.float32)) > 0

    def best_for(self, key: str, position: int) -> tuple[str | None, float]:
        """The position's major closest to the seeker's, with its similarity, for explanations."""
        items = self.postings.items_of(position)
        found, values = self.related(key)
        scores = dict(zip(found.tolist(), values.tolist(), strict=True))
        best = max(items.tolist(), key=lambda i: (scores.get(i, 0.0), -i), default=None)
        return (None, 0.0) if best is None else (self.displays[best], round(scores.get(best, 0.0), 4))
