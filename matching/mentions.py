"""Position titles and descriptions as searchable text: seeker skills a posting mentions but does not list.

Titles as written (bracketed notes included: 电商运营组长（天猫/拼多多）) form a ``Vocabulary`` searched
with the skill similarity rules. Distinct descriptions are encoded clause by clause (``normalize.clauses``)
and joined into one string. A skill is found there (``TextCorpus.mentioning``):

* written out (``str.find``, C speed; whole Latin words by construction: Java is not in JavaScript, PS not
  in GPS): similarity 1;
* through an alias a recruiter would read the same way in running text (熟悉k8s, 有C1驾照, 持有教资;
  never an alias marked ``=`` in the alias list): similarity 1;
* as a phrase, in 2-3 ordered chunks inside one clause, by the containment rule of ``similarity`` (淘宝运营
  in 负责淘宝店铺的日常运营, 数据分析 in 对销售数据进行分析): 0.95 per extra chunk.

Hits map back to descriptions by offset; each search stops at the first hit in a description.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import numpy as np

from matching.aliases import AliasTable
from matching.lexicon import LexiconBuilder, is_word_code
from matching.normalize import clauses, normalize
from matching.postings import Postings
from matching.records import PositionRecord
from matching.similarity import CHUNK_PENALTY, Vocabulary, chunk_head, chunk_patterns

_SEPARATOR = "\n"  # between texts; never part of an encoded string: normalisation folds all whitespace
CLAUSE_BREAK = "\x1f"  # between the clauses of one text, likewise never encoded
FEW_TEXTS = 64  # texts holding a phrase's first symbols, searched directly for its other chunks
TEXT_CACHE = 8192  # distinct descriptions whose clauses are kept (the default fair has 2,400; ~4 MB)


@lru_cache(maxsize=TEXT_CACHE)
def _clauses(text: str) -> tuple[str, ...]:
    # Kept across builds: a rebuild after a load normalises only the descriptions that changed.
    return tuple(clauses(text))


def encode_text(text: str, builder: LexiconBuilder) -> str:
    """A long text encoded clause by clause, the clauses joined by ``CLAUSE_BREAK``."""
    return CLAUSE_BREAK.join(code for clause in _clauses(text) if (code := builder.encode(clause)))


class TextCorpus:
    """Distinct encoded texts searched for a skill: written out, through its aliases, or as a phrase."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        self.starts = np.cumsum([0, *(len(t) + 1 for t in texts[:-1])]).tolist() if texts else []
        self.joined = _SEPARATOR.join(texts)
        # Every symbol and pair of adjacent symbols of the texts: a string with a pair not among them occurs
        # in no text, which a set look-up tells without scanning them.
        joined = self.joined
        self._grams = frozenset(joined).union(joined[i : i + 2] for i in range(len(joined) - 1))

    def occurs(self, text: str) -> bool:
        """False when ``text`` is certainly in no text (a symbol or an adjacent pair of it is in none)."""
        grams = self._grams
        return text in grams if len(text) < 2 else all(text[i : i + 2] in grams for i in range(len(text) - 1))

    def _text_at(self, offset: int) -> tuple[int, int]:
        """The text holding ``offset``, and where the next text starts."""
        doc = bisect_right(self.starts, offset) - 1
        return doc, self.starts[doc + 1] if doc + 1 < self.size else len(self.joined)

    def _holding(self, needle: str) -> Iterator[tuple[int, int]]:
        """(id, where the next text starts) of each text containing ``needle``, in order."""
        at = self.joined.find(needle) if needle else -1
        while at >= 0:
            doc, next_start = self._text_at(at)
            yield doc, next_start
            at = self.joined.find(needle, next_start)

    def containing(self, needle: str) -> np.ndarray:
        """Ids of the texts containing ``needle``."""
        return np.array([doc for doc, _ in self._holding(needle)], dtype=np.int32)

    def mentioning(self, key: str, aliases: Sequence[str] = ()) -> dict[int, float]:
        """Texts mentioning the encoded skill ``key`` or one of its ``aliases``, with the similarity of the
        best mention: 1 written out, ``CHUNK_PENALTY`` per extra chunk as a phrase."""
        names = [k for k in (key, *aliases) if len(k) >= 2 or is_word_code(k)]  # one CJK character: none
        found: dict[int, float] = {}
        for name in names:
            if self.occurs(name):
                found.update(dict.fromkeys(self.containing(name).tolist(), 1.0))
        for name in names:
            head = chunk_head(name)
            if not self.occurs(head):
                continue  # every phrase pattern starts with this literal: none could match
            for pattern, parts in chunk_patterns(name, _SEPARATOR + CLAUSE_BREAK, self._possible(head)):
                self._phrases(pattern, parts, len(name), found)
        return found

    def _possible(self, head: str) -> Callable[[tuple[str, ...]], bool]:
        """Whether a chunking starting with ``head`` may occur in a text: each chunk occurs somewhere and,
        when at most ``FEW_TEXTS`` texts hold ``head``, one of them holds every chunk (most chunkings of a
        typo fail here, and a phrase expression is compiled only for those left)."""
        held = list(islice(self._holding(head), FEW_TEXTS + 1))
        texts = None if len(held) > FEW_TEXTS else [self.joined[self.starts[d] : end] for d, end in held]

        def possible(chunks: tuple[str, ...]) -> bool:
            return all(map(self.occurs, chunks)) and (
                texts is None or any(all(chunk in text for chunk in chunks) for text in texts)
            )

        return possible

    def _phrases(self, pattern: re.Pattern[str], parts: int, length: int, found: dict[int, float]) -> None:
        """Add the texts where ``pattern`` finds a phrase of ``parts`` chunks (unless already found)."""
        similarity = CHUNK_PENALTY ** (parts - 1)
        match = pattern.search(self.joined)
        while match:
            doc, next_start = self._text_at(match.start())
            # Each gap is bounded by the expression; three chunks also share one bound on all their gaps.
            if parts == 2 or match.end() - match.start() <= 2 * length + 2:
                if found.get(doc, 0.0) < similarity:
                    found[doc] = similarity
                match = pattern.search(self.joined, next_start)
            else:
                match = pattern.search(self.joined, match.start() + 1)


def text_aliases(aliases: AliasTable, builder: LexiconBuilder) -> dict[str, tuple[str, ...]]:
    """Encoded canonical skill -> the encoded aliases that name it inside running text.

    An alias marked ``=`` applies to a whole skill only (PR may be public relations, 叉车 in a description
    is driving one, not holding the licence); Latin aliases of Latin skills are already replaced word by
    word when texts are encoded; a single CJK character is never looked for.
    """
    found: dict[str, set[str]] = {}
    for entry in aliases.entries:
        keys = {builder.encode(normalize(a)) for a in entry.aliases if not a.startswith("=")}
        for canonical in entry.canonicals:
            key = builder.encode(normalize(canonical))
            usable = {k for k in keys if k != key and (len(k) >= 2 or is_word_code(k))}
            if key and usable:
                found.setdefault(key, set()).update(usable)
    return {key: tuple(sorted(values)) for key, values in found.items()}


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
    aliases: dict[str, tuple[str, ...]]  # encoded skill -> its encoded aliases for running text

    @classmethod
    def build(
        cls, positions: Sequence[PositionRecord], builder: LexiconBuilder, aliases: AliasTable
    ) -> Mentions:
        raw_titles, title_column = _distinct([p.title for p in positions])
        descriptions, description_column = _distinct([p.description for p in positions])
        return cls(
            titles=Vocabulary([builder.encode(normalize(t), term=True) for t in raw_titles]),
            title_postings=Postings.from_column(title_column, len(raw_titles)),
            title_of_position=title_column,
            descriptions=TextCorpus([encode_text(d, builder) for d in descriptions]),
            description_postings=Postings.from_column(description_column, len(descriptions)),
            description_of_position=description_column,
            aliases=text_aliases(aliases, builder),
        )

    def in_descriptions(self, key: str) -> dict[int, float]:
        """Descriptions mentioning an encoded skill, and the similarity of each mention."""
        return self.descriptions.mentioning(key, self.aliases.get(key, ()))
