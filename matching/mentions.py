"""Position titles and descriptions as searchable text: seeker skills a posting mentions but does not list.

Titles as written (bracketed notes included: 电商运营组长（天猫/拼多多）; pay and benefit or urgency phrases
left out: 长期招聘普工 mentions no 招聘) form a ``Vocabulary`` searched with the skill similarity rules.
Distinct descriptions are encoded clause by clause (``normalize.clauses``) and joined into one string.
A skill is found there (``TextCorpus.mentioning``):

* written out (``str.find``, C speed; whole Latin words by construction: Java is not in JavaScript, PS not
  in GPS): similarity 1;
* through an alias a recruiter would read the same way in running text (熟悉k8s, 有C1驾照, 持有教资;
  never an alias marked ``=`` in the alias list): similarity 1;
* as a phrase, in 2-3 ordered chunks inside one clause, by the containment rule of ``similarity`` (淘宝运营
  in 负责淘宝店铺的日常运营, 数据分析 in 对销售数据进行分析): 0.95 per extra chunk.

Hits map back to descriptions by offset; each search stops at the first hit in a description. Every symbol
and pair of adjacent symbols knows the texts holding it, so a search visits only the texts holding its
rarest pair (one scan of the joined texts when even that pair is in most of them).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np

from matching.aliases import AliasTable
from matching.lexicon import LexiconBuilder, is_word_code
from matching.normalize import clauses, normalize
from matching.postings import Postings, run_starts
from matching.records import PositionRecord
from matching.similarity import (
    CHUNK_PENALTY,
    Vocabulary,
    bound_reach,
    chunk_head,
    chunk_patterns,
    cuts_a_word,
    free_in,
    may_cut,
)
from matching.titles import title_as_written

_SEPARATOR = "\n"  # between texts; never part of an encoded string: normalisation folds all whitespace
CLAUSE_BREAK = "\x1f"  # between the clauses of one text, likewise never encoded
FEW_TEXTS = 64  # texts holding a phrase's first symbols, searched directly for its other chunks
MANY_TEXTS = 256  # texts holding a string's rarest symbol pair, above which the joined texts are scanned
WORD_OCCURRENCES = 64  # occurrences of a string looked at for one standing on its own (``holds_as_word``)
TEXT_CACHE = 8192  # distinct descriptions whose clauses are kept (the default fair has 2,400; ~4 MB)


@lru_cache(maxsize=TEXT_CACHE)
def _clauses(text: str) -> tuple[str, ...]:
    # Kept across builds: a rebuild after a load normalises only the descriptions that changed.
    return tuple(clauses(text))


def crossed(text: str, start: int, stop: int, words: Container[str], longest: int) -> bool:
    """Whether a word of ``words`` in ``text`` overlaps ``text[start:stop]`` without lying inside it."""
    for left in range(max(0, start - longest + 1), stop):
        for right in range(max(left + 2, start + 1), min(len(text), left + longest) + 1):
            if (left < start or right > stop) and text[left:right] in words:
                return True
    return False


def encode_text(text: str, builder: LexiconBuilder) -> str:
    """A long text encoded clause by clause, the clauses joined by ``CLAUSE_BREAK``."""
    return CLAUSE_BREAK.join(code for clause in _clauses(text) if (code := builder.encode(clause)))


class TextCorpus:
    """Distinct encoded texts searched for a skill: written out, through its aliases, or as a phrase."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        self.starts = np.cumsum([0, *(len(t) + 1 for t in texts[:-1])]).tolist() if texts else []
        self.joined = _SEPARATOR.join(texts)
        # Every symbol and pair of adjacent symbols of the texts (``_gram_key``), with the texts holding each:
        # a string with a pair not among them occurs in no text, which a set look-up tells without scanning.
        self._gram_keys, self._gram_bounds, self._gram_texts = _gram_postings(self.joined, self.starts)
        self._grams = frozenset(self._gram_keys.tolist())

    def occurs(self, text: str) -> bool:
        """False when ``text`` is certainly in no text (a symbol or an adjacent pair of it is in none)."""
        grams = self._grams
        if len(text) < 2:
            return bool(text) and ord(text) in grams
        return all((ord(a) << 21 | ord(b)) in grams for a, b in pairwise(text))

    def holds(self, text: str) -> bool:
        """Whether some text contains ``text`` as written."""
        return self.occurs(text) and next(self._holding(text), None) is not None

    def holds_as_word(self, text: str, words: Container[str], longest: int = 8) -> bool:
        """Whether some text holds ``text`` on its own: at an occurrence no known word (of ``words``, up to
        ``longest`` symbols) crosses either of its ends or holds it. 计会 in 审计会计 crosses 审计 and 会计,
        营运 in 运营运作 crosses both; 产生 in 处理生产中产生的问题 crosses nothing."""
        size, joined, seen = len(text), self.joined, 0
        for doc, end in self._holding(text):
            at = joined.find(text, self.starts[doc], end)
            while at >= 0:
                if not crossed(joined, at, at + size, words, longest):
                    return True
                seen += 1
                if seen >= WORD_OCCURRENCES:
                    return False
                at = joined.find(text, at + 1, end)
        return False  # crossed wherever it occurs (or at the first WORD_OCCURRENCES places)

    def _text_at(self, offset: int) -> tuple[int, int]:
        """The text holding ``offset``, and where the next text starts."""
        doc = bisect_right(self.starts, offset) - 1
        return doc, self._end(doc)

    def _end(self, doc: int) -> int:
        """Where the text after ``doc`` starts (the end of the joined texts after the last)."""
        return self.starts[doc + 1] if doc + 1 < self.size else len(self.joined)

    def _texts_with(self, needle: str) -> list[int] | None:
        """Ids of the texts holding the rarest symbol or pair of symbols of ``needle`` (every text holding
        ``needle`` is among them; for one symbol or a pair, exactly those), ascending; None when even that
        one is in more than ``MANY_TEXTS`` texts, where one scan of the joined texts costs less."""
        keys = [_gram_key(needle[i : i + 2]) for i in range(max(1, len(needle) - 1))]
        rows = np.searchsorted(self._gram_keys, keys).tolist()
        bounds, best = self._gram_bounds, None
        for key, row in zip(keys, rows, strict=True):
            if row >= len(self._gram_keys) or self._gram_keys[row] != key:
                return []  # a symbol pair no text has
            count = int(bounds[row + 1] - bounds[row])
            if best is None or count < best[0]:
                best = (count, row)
        if best is None or best[0] > MANY_TEXTS:
            return None
        row = best[1]
        return self._gram_texts[bounds[row] : bounds[row + 1]].tolist()

    def _holding(self, needle: str) -> Iterator[tuple[int, int]]:
        """(id, where the next text starts) of each text containing ``needle``, in order."""
        if not needle:
            return
        docs = self._texts_with(needle)
        if docs is not None:  # only the texts holding its rarest pair can hold it
            for doc in docs:
                end = self._end(doc)
                if self.joined.find(needle, self.starts[doc], end) >= 0:
                    yield doc, end
            return
        at = self.joined.find(needle)
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
                docs = self.containing(name).tolist()
                if may_cut(name):  # written inside a bound word only (仓库管理 in 数据仓库管理): no mention
                    docs = [d for d in docs if free_in(name, self.joined[self.starts[d] : self._end(d)])]
                found.update(dict.fromkeys(docs, 1.0))
        for name in names:
            head = chunk_head(name)
            if not self.occurs(head):
                continue  # every phrase pattern starts with this literal: none could match
            docs = self._texts_with(head)  # exactly the texts holding it (None: too many to visit)
            for pattern, parts in chunk_patterns(name, _SEPARATOR + CLAUSE_BREAK, self._possible(docs)):
                self._phrases(pattern, parts, name, found, docs)
        return found

    def _possible(self, docs: list[int] | None) -> Callable[[tuple[str, ...]], bool]:
        """Whether a chunking starting with a head held by the texts ``docs`` (None: too many to visit) may
        occur in a text: each chunk occurs somewhere and, when at most ``FEW_TEXTS`` texts hold the head, one
        of them holds every chunk (most chunkings of a typo fail here, and a phrase expression is compiled
        only for those left)."""
        few = docs is not None and len(docs) <= FEW_TEXTS
        texts = [self.joined[self.starts[d] : self._end(d)] for d in docs] if few else None

        def possible(chunks: tuple[str, ...]) -> bool:
            return all(map(self.occurs, chunks)) and (
                texts is None or any(all(chunk in text for chunk in chunks) for text in texts)
            )

        return possible

    def _phrases(
        self,
        pattern: re.Pattern[str],
        parts: int,
        name: str,
        found: dict[int, float],
        docs: list[int] | None,
    ) -> None:
        """Add the texts where ``pattern`` finds a phrase of ``parts`` chunks of ``name`` (unless already
        found), among ``docs`` (the texts holding the pattern's leading literal; None: all)."""
        similarity = CHUNK_PENALTY ** (parts - 1)
        spans = [(0, len(self.joined))] if docs is None else [(self.starts[d], self._end(d)) for d in docs]
        for start, end in spans:
            match = pattern.search(self.joined, start, end)
            while match:
                doc, next_start = self._text_at(match.start())
                # Each gap is bounded by the expression; three chunks also share one bound on all their gaps.
                # A phrase cutting a bound word is no mention (客户开发 in 客户端的开发).
                near = parts == 2 or match.end() - match.start() <= 2 * len(name) + 2
                if near and not self._cuts_a_word(match, doc, next_start, name, parts):
                    if found.get(doc, 0.0) < similarity:
                        found[doc] = similarity
                    match = pattern.search(self.joined, next_start, end)
                else:
                    match = pattern.search(self.joined, match.start() + 1, end)

    def _cuts_a_word(self, match: re.Match[str], doc: int, end: int, name: str, parts: int) -> bool:
        """Whether the phrase ``match`` (in text ``doc``, ending at ``end``) reads ``name`` only by cutting a
        bound word (客户开发 in 客户端的开发); such a word may begin before the phrase or end after it."""
        reach = bound_reach()
        around = self.joined[max(self.starts[doc], match.start() - reach) : min(end, match.end() + reach)]
        return cuts_a_word(around, name, parts)


def _gram_key(gram: str) -> int:
    """One symbol or an adjacent pair as one integer (code points are below 2**21)."""
    return ord(gram) if len(gram) == 1 else ord(gram[0]) << 21 | ord(gram[1])


def _gram_postings(joined: str, starts: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For every symbol and adjacent pair of symbols of the joined texts (``_gram_key``, ascending), the
    ascending ids of the texts holding it: (keys, bounds, text ids), text ids[bounds[k] : bounds[k + 1]]."""
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
    size = len(starts)
    if not len(codes):
        return np.empty(0, dtype=np.int64), np.zeros(1, dtype=np.int64), np.empty(0, dtype=np.int32)
    spans = np.diff([*starts, len(codes) + 1])  # each text and the separator after it
    text_of = np.repeat(np.arange(size, dtype=np.int64), spans)[: len(codes)]
    pairs = np.sort(
        np.concatenate([codes * size + text_of, ((codes[:-1] << 21) | codes[1:]) * size + text_of[:-1]])
    )
    pairs = pairs[run_starts(pairs)]  # each (gram, text) once
    grams = pairs // size
    first = np.flatnonzero(run_starts(grams))
    return grams[first], np.append(first, len(pairs)), (pairs % size).astype(np.int32)


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
    joined_titles: str  # ``titles``, one a line: one substring search finds a string in any (``holds``)

    @classmethod
    def build(
        cls, positions: Sequence[PositionRecord], builder: LexiconBuilder, aliases: AliasTable
    ) -> Mentions:
        raw_titles, title_column = _distinct([p.title for p in positions])
        descriptions, description_column = _distinct([p.description for p in positions])
        titles = Vocabulary([builder.encode(normalize(title_as_written(t)), term=True) for t in raw_titles])
        return cls(
            titles=titles,
            title_postings=Postings.from_column(title_column, len(raw_titles)),
            title_of_position=title_column,
            descriptions=TextCorpus([encode_text(d, builder) for d in descriptions]),
            description_postings=Postings.from_column(description_column, len(descriptions)),
            description_of_position=description_column,
            aliases=text_aliases(aliases, builder),
            joined_titles="\n".join(titles.items),
        )

    def holds(self, key: str) -> bool:
        """Whether a title or a description holds an encoded string as written."""
        return key in self.joined_titles or self.descriptions.holds(key)

    def holds_as_word(self, key: str, words: Container[str], *, titles: bool = True) -> bool:
        """Whether a title holds an encoded string (``titles``), or a description holds it on its own
        (``TextCorpus``)."""
        return (titles and key in self.joined_titles) or self.descriptions.holds_as_word(key, words)

    def in_titles(self, key: str) -> int:
        """How many of the fair's distinct titles hold an encoded string (each time it occurs)."""
        return self.joined_titles.count(key) if key else 0

    def in_descriptions(self, key: str) -> dict[int, float]:
        """Descriptions mentioning an encoded skill, and the similarity of each mention."""
        return self.descriptions.mentioning(key, self.aliases.get(key, ()))
