"""Desired titles (求职意向) against the fair's position titles, for every position at once.

Position titles are cleaned (``titles.clean_title``) and deduplicated at build time; a desired title is
compared with every distinct cleaned title by the skill similarity rules (so Java never matches
JavaScript前端工程师, while 会计 lies inside 财务会计), and the titles' cores are compared for equality
or near-equality, worth ``title_core`` (数据分析师 ~ 数据分析专员, Java工程师 ~ Java开发工程师).
Results are cached per desired title.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from matching.lexicon import LexiconBuilder
from matching.records import PositionRecord
from matching.similarity import Vocabulary
from matching.titles import clean_title, title_core
from matching.weights import Weights

TITLE_CACHE = 4096


@dataclass(frozen=True, slots=True)
class TitleInput:
    """A desired title as read: encoded cleaned title and core, and how sure a typo-corrected reading is."""

    input: str
    key: str
    core: str
    confidence: float = 1.0


@dataclass(slots=True)
class TitleMatch:
    score: np.ndarray
    per_input: list[np.ndarray]  # each desired title's similarity to every distinct title


class TitleSpace:
    def __init__(
        self,
        titles: Vocabulary,
        cores: Vocabulary,
        core_of_title: np.ndarray,
        displays: list[str],
        title_of_position: np.ndarray,
        weights: Weights,
    ) -> None:
        self.titles = titles
        self.cores = cores
        self.core_of_title = core_of_title
        self.displays = displays  # a distinct cleaned title shows as the first position title that gave it
        self.title_of_position = title_of_position
        self.positions_per_title = np.bincount(title_of_position, minlength=len(titles))
        self.weights = weights
        self.similarities = lru_cache(maxsize=TITLE_CACHE)(self._similarities)

    @classmethod
    def build(
        cls, positions: Sequence[PositionRecord], builder: LexiconBuilder, weights: Weights
    ) -> TitleSpace:
        ids: dict[str, int] = {}
        displays: list[str] = []
        column = np.empty(len(positions), dtype=np.int32)
        for n, position in enumerate(positions):
            key = builder.encode(clean_title(position.title), term=True)
            if key not in ids:
                ids[key] = len(ids)
                displays.append(position.title)
            column[n] = ids[key]
        cores: dict[str, int] = {}
        core_of_title = np.fromiter(
            (
                cores.setdefault(builder.encode(title_core(clean_title(d)), term=True), len(cores))
                for d in displays
            ),
            dtype=np.int32,
            count=len(displays),
        )
        return cls(
            Vocabulary(list(ids)),
            Vocabulary(list(cores)),
            core_of_title,
            displays,
            column,
            weights,
        )

    def _similarities(self, key: str, core: str) -> np.ndarray:
        floor = self.weights.match_threshold
        scores = np.zeros(len(self.titles), dtype=np.float32)
        items, values = self.titles.search([key], floor=floor)[0]
        scores[items] = values
        if core:
            core_items, core_values = self.cores.search([core], floor=floor, contain=False)[0]
            by_core = np.zeros(len(self.cores), dtype=np.float32)
            by_core[core_items] = core_values * self.weights.title_core
            np.maximum(scores, by_core[self.core_of_title], out=scores)
        scores.flags.writeable = False  # shared through the cache
        return scores

    def score(self, inputs: Sequence[TitleInput]) -> TitleMatch:
        per_input = [
            self.similarities(t.key, t.core) * np.float32(0.5 + 0.5 * t.confidence) for t in inputs if t.key
        ]
        best = np.max(per_input, axis=0) if per_input else np.zeros(len(self.titles), dtype=np.float32)
        return TitleMatch(best[self.title_of_position], per_input)

    def positions_matching(self, similarities: np.ndarray) -> int:
        return int(self.positions_per_title[similarities > 0].sum())
