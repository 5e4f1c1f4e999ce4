"""Position titles and descriptions as searchable text: seeker skills a posting mentions but does not list.

Titles as written (bracketed notes included: 电商运营组长（天猫/拼多多）) form a ``Vocabulary`` searched
with the skill similarity rules. Distinct descriptions are joined into one encoded string, searched with
``str.find`` (C speed, whole Latin words by construction); hits map back to descriptions by offset.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from matching.lexicon import LexiconBuilder
from matching.normalize import normalize
from matching.postings import Postings
from matching.records import PositionRecord
from matching.similarity import Vocabulary

_SEPARATOR = "\n"  # never part of an encoded string: normalisation folds all whitespace


class TextCorpus:
    """Distinct encoded texts searched for exact (encoded) substrings."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        self.starts = np.cumsum([0, *(len(t) + 1 for t in texts[:-1])]).tolist() if texts else []
        self.joined = _SEPARATOR.join(texts)

    def containing(self, needle: str) -> np.ndarray:
        """Ids of the texts containing ``needle``."""
        found: list[int] = []
        at = self.joined.find(needle) if needle else -1
        while at >= 0:
            doc = bisect_right(self.starts, at) - 1
            found.append(doc)
            next_start = self.starts[doc + 1] if doc + 1 < self.size else len(self.joined)
            at = self.joined.find(needle, next_start)
        return np.array(found, dtype=np.int32)


def _distinct(values: list[str]) -> tuple[list[str], np.ndarray]:
    ids: dict[str, int] = {}
    column = np.fromiter((ids.setdefault(v, len(ids)) for v in values), dtype=np.int32, count=len(values))
    return list(ids), column


@dataclass(frozen=True, slots=True)
class Mentions:
    titles: Vocabulary
    title_postings: Postings
    title_of_position: np.ndarray
    descriptions: TextCorpus
    description_postings: Postings
    description_of_position: np.ndarray

    @classmethod
    def build(cls, positions: Sequence[PositionRecord], builder: LexiconBuilder) -> Mentions:
        raw_titles, title_column = _distinct([p.title for p in positions])
        descriptions, description_column = _distinct([p.description for p in positions])
        return cls(
            titles=Vocabulary([builder.encode(normalize(t), term=True) for t in raw_titles]),
            title_postings=Postings.from_column(title_column, len(raw_titles)),
            title_of_position=title_column,
            descriptions=TextCorpus([builder.encode(normalize(d)) for d in descriptions]),
            description_postings=Postings.from_column(description_column, len(descriptions)),
            description_of_position=description_column,
        )
