"""Similarity between encoded strings (see ``lexicon``), one at a time and against a whole vocabulary at once.

The rules, on symbol strings where a Latin word is one symbol and a CJK character is one symbol:

* equal strings score 1;
* the shorter string found inside the longer one scores ``0.75 + 0.25 * len(short) / len(long)``: as one
  contiguous run (Python in 熟练使用Python进行数据分析, PLC in PLC编程, 直播 in 直播运营), or in up to three
  ordered chunks of at least two characters or one Latin word, close together (淘宝运营 in 淘宝店铺运营), each
  extra chunk costing 5%, none cutting a bound word (``data/bound_words.json``: 客户开发 is not in
  客户端开发); a single CJK character is never looked for inside anything;
* a credential (ending in 证, 职称, ... per ``data/credentials.json``) contains no non-credential: 会计 does
  not meet 中级会计职称, 电工 does not meet 电工证;
* a generic word (``data/generic_terms.json``: 管理, 销售, 数据…) inside a longer skill counts only as its
  head, the end of the compound (管理 in 日常管理); as a modifier (数据 in 数据库) it scores 0 (skills only);
* otherwise near-equal strings score their normalised Levenshtein similarity when it reaches 0.8 (one wrong
  character in five); anything else scores 0. Among skills, two strings whose differences put one level
  character for another (``levels`` of ``data/credentials.json``: 初级 / 中级会计职称, 一级 / 二级建造师) name
  different grades and are not near-equal;
* two credentials compare their cores instead of their names (``credentials.credential_core``): 营养师证 and
  营养师资格证 are equal, 执业医师证 and 执业药师证 are not near-equal.

Typos inside Latin words are handled before this, by the lexicon's word correction. ``Vocabulary`` computes
the same numbers for one query against every item: the items sharing enough of the query's symbols, then
one rapidfuzz ``cdist`` of LCS lengths over them, find the few candidates that can score at all, and only
those are scored exactly; ``Vocabularies`` does this once for several vocabularies searched with one query.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from itertools import combinations, pairwise
from pathlib import Path

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import LCSseq, Levenshtein

from matching.credentials import credential_core, credential_endings, level_characters
from matching.lexicon import UNKNOWN_WORD, is_latin_word, is_named_word, is_word_code
from matching.memo import string_cache
from matching.normalize import normalize

GENERIC_PATH = Path(__file__).parent / "data" / "generic_terms.json"
BOUND_PATH = Path(__file__).parent / "data" / "bound_words.json"
CONTAIN_BASE = 0.75
CHUNK_PENALTY = 0.95
# A seeker's credential meets the skills its name holds (钳工证: 钳工), times this: the paper is no less.
CERTIFIED = 0.95
MAX_CHUNKS = 3
# A string longer than this many symbols is looked for whole only, never in chunks: no skill or title of a
# fair is near it (the default fair's longest is 18), while the ways to cut it grow with its square (a
# 100-character input has 4,950 three-chunk cuttings to try in every description holding its first words).
MAX_CHUNKED = 24
NEAR_EQUAL = 0.8
# LCS ratio any near-equal pair reaches (Levenshtein >= 0.8 implies Indel ratio >= 7/9): the prefilter bound.
_NEAR_EQUAL_RATIO = 0.77
# Up to this many candidates, one rapidfuzz call each costs less than setting up one ``cdist`` over them.
FEW_CANDIDATES = 16


def substantial(chunk: str) -> bool:
    """Whether a chunk of an encoded string counts on its own: two symbols or more, or one Latin word."""
    return len(chunk) >= 2 or (len(chunk) == 1 and is_word_code(chunk))


@cache
def bound_words() -> tuple[str, ...]:
    """Words a phrase of chunks may not cut (``data/bound_words.json``), normalised."""
    data = json.loads(BOUND_PATH.read_text(encoding="utf-8"))
    return tuple(dict.fromkeys(w for w in map(normalize, data["words"]) if w))


@cache
def bound_reach() -> int:
    """How far a bound word may reach beyond a stretch it overlaps."""
    return max(map(len, bound_words()), default=1) - 1


def _blocked(long: str, short: str) -> list[tuple[int, int]]:
    """The stretches of ``long`` holding a bound word ``short`` does not hold: no chunk may overlap one."""
    out = []
    for word in bound_words():
        if word in long and word not in short:
            at = long.find(word)
            while at >= 0:
                out.append((at, at + len(word)))
                at = long.find(word, at + 1)
    return out


def _span(chunks: tuple[str, ...], long: str, blocked: list[tuple[int, int]]) -> int | None:
    """Shortest stretch of ``long`` holding ``chunks`` in order (trying every start of the first chunk), no
    chunk overlapping a ``blocked`` stretch (``_blocked``: 客户 of 客户开发 is not the 客户 of 客户端;
    C++开发工程师 still lies in C++客户端开发工程师, whose 客户端 stands whole between two chunks)."""

    def find(chunk: str, start: int) -> int:
        at = long.find(chunk, start)
        while at >= 0 and any(at < j and i < at + len(chunk) for i, j in blocked):
            at = long.find(chunk, at + 1)
        return at

    best = None
    start = find(chunks[0], 0)
    while start >= 0:
        end = start + len(chunks[0])
        for chunk in chunks[1:]:
            at = find(chunk, end)
            if at < 0:
                return best  # a later start cannot place this chunk either
            end = at + len(chunk)
        best = end - start if best is None else min(best, end - start)
        start = find(chunks[0], start + 1)
    return best


@string_cache()
def may_cut(short: str) -> bool:
    """Whether an occurrence of ``short`` as written may overlap a bound word it does not hold: ``short`` lies
    inside one (客户 in 客户端), or one begins where it ends or ends where it begins (仓库管理, 数据仓库)."""
    for word in bound_words():
        if word in short:
            continue
        if short in word or any(
            short.endswith(word[:k]) or short.startswith(word[-k:])
            for k in range(1, min(len(word), len(short)))
        ):
            return True
    return False


def free_in(short: str, long: str) -> bool:
    """Whether ``long`` holds ``short`` as written at an occurrence cutting no bound word (仓库管理 is in
    负责仓库管理, not in 负责数据仓库管理)."""
    return short in long and (not may_cut(short) or _span((short,), long, _blocked(long, short)) is not None)


def cuts_a_word(stretch: str, short: str, parts: int) -> bool:
    """Whether ``short`` can be read in ``stretch`` (a phrase of ``parts`` chunks found there) only by
    cutting a bound word it does not hold (客户开发 in 客户端的开发)."""
    if not (blocked := _blocked(stretch, short)):
        return False
    return all(_span(chunks, stretch, blocked) is None for chunks in _splits(short, parts))


def _splits(short: str, parts: int) -> Iterator[tuple[str, ...]]:
    """Every way to cut ``short`` into ``parts`` substantial chunks."""
    for cuts in combinations(range(1, len(short)), parts - 1):
        bounds = (0, *cuts, len(short))
        chunks = tuple(short[a:b] for a, b in pairwise(bounds))
        if all(map(substantial, chunks)):
            yield chunks


def containment(short: str, long: str) -> float:
    """Score of ``short`` found inside ``long`` (0 when it is not), per the module's rules."""
    if not substantial(short) or len(short) > len(long):
        return 0.0
    coverage = CONTAIN_BASE + (1 - CONTAIN_BASE) * len(short) / len(long)
    blocked = _blocked(long, short)  # once for every chunking below
    if short in long and _span((short,), long, blocked) is not None:
        return coverage
    if len(short) > MAX_CHUNKED:
        return 0.0
    for parts in range(2, MAX_CHUNKS + 1):
        spans = [s for chunks in _splits(short, parts) if (s := _span(chunks, long, blocked)) is not None]
        if spans and min(spans) - len(short) <= len(short) + 2:
            return coverage * CHUNK_PENALTY ** (parts - 1)
    return 0.0


def chunk_head(short: str) -> str:
    """What every chunking of ``short`` starts with: its first Latin word, or its first two characters."""
    return short[:1] if is_word_code(short[0]) else short[:2]


def chunk_patterns(
    short: str, barrier: str, possible: Callable[[tuple[str, ...]], bool] | None = None
) -> list[tuple[re.Pattern[str], int]]:
    """Regular expressions finding ``short`` in 2 or 3 ordered chunks inside a longer text (the rule of
    ``containment``: substantial chunks, each gap at most ``len(short) + 2``; the caller checks the total of
    a 3-chunk match), never across a ``barrier`` character; with the number of chunks each one looks for.
    ``possible``, when given, says whether a chunking may occur in the text at all: those that cannot are
    left out (fewer alternatives to compile; none at all, no expression).

    Every chunking starts with the same symbols (a Latin word, or two characters), so each expression begins
    with a literal that the regular expression engine searches for at C speed.
    """
    if not substantial(short) or len(short) > MAX_CHUNKED:
        return []
    head = chunk_head(short)
    fill = f"[^{re.escape(barrier)}]{{0,{len(short) + 2}}}?"
    patterns = []
    for parts in range(2, MAX_CHUNKS + 1):
        alternatives = [
            re.escape(chunks[0][len(head) :]) + fill + fill.join(map(re.escape, chunks[1:]))
            for chunks in _splits(short, parts)
            if possible is None or possible(chunks)
        ]
        if alternatives:
            patterns.append((re.compile(f"{re.escape(head)}(?:{'|'.join(alternatives)})"), parts))
    return patterns


def near_equal(a: str, b: str) -> float:
    """1 for equal strings, their Levenshtein similarity when at least ``NEAR_EQUAL``, else 0."""
    if not a or not b:
        return 0.0
    near = Levenshtein.normalized_similarity(a, b)
    if near < NEAR_EQUAL or (near < 1 and other_word(a, b)):
        return 0.0
    return near


def other_word(a: str, b: str) -> bool:
    """Whether turning ``a`` into ``b`` puts one of the alias list's Latin words for another: another
    language or tool, no slip of the keyboard (iOS开发工程师 / PHP开发工程师, C#开发 / Go开发). A word it does
    not name may be a slip (Jave) or a team's name (UMCloud-C++开发工程师 / Linux C++开发工程师). A seeker's
    word the index has never seen is no slip of a word it knows, or reading it would have corrected it: it is
    another word (CV算法工程师 / NLP算法工程师)."""
    return any(
        op == "replace"
        and (
            (is_named_word(a[i]) and is_named_word(b[j]))
            or (UNKNOWN_WORD in (a[i], b[j]) and is_latin_word(a[i]) and is_latin_word(b[j]))
        )
        for op, i, j in Levenshtein.editops(a, b)
    )


def other_level(a: str, b: str) -> bool:
    """Whether turning ``a`` into ``b`` replaces a level character by another (初级 -> 中级)."""
    levels = level_characters()
    return any(
        op == "replace" and a[i] in levels and b[j] in levels for op, i, j in Levenshtein.editops(a, b)
    )


@cache
def generic_terms() -> frozenset[str]:
    """Generic words that count inside a longer skill only as its head (``data/generic_terms.json``)."""
    data = json.loads(GENERIC_PATH.read_text(encoding="utf-8"))
    return frozenset(normalize(s) for s in data["words"])


@string_cache()  # called for every candidate a credential query is compared with
def _credential_stem(text: str) -> str:
    """``text`` without its credential endings, the longest first (钳工证 -> 钳工, 教师资格证 -> 教师)."""
    while ending := max((e for e in credential_endings() if text.endswith(e)), key=len, default=""):
        text = text[: len(text) - len(ending)]
    return text


def similarity(a: str, b: str, heads: bool = False) -> float:
    """Similarity in [0, 1] of two encoded strings. ``heads``: ``a`` is a seeker's skill and ``b`` a listed
    one; the generic-word head rule applies, and a credential ``a`` meets the skills its name holds."""
    if not a or not b:
        return 0.0
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    credential = credential_endings()
    certified = 0.0
    if heads and a.endswith(credential) and not b.endswith(credential):
        # Holding the paper is knowing the trade: a seeker's 钳工证 meets 钳工, 中级会计职称 meets 会计 (the
        # skills inside the credential's name; not the reverse, see below).
        stem = _credential_stem(a)
        if len(b) <= len(stem) and not (b in generic_terms() and not stem.endswith(b)):
            certified = CERTIFIED * containment(b, stem)
    # A credential is met only by a credential: 会计 is no 中级会计职称.
    if long.endswith(credential) and not short.endswith(credential):
        contained = 0.0
    elif heads and short in generic_terms() and not long.endswith(short):
        contained = 0.0  # a generic word as a modifier: 数据 in 数据库
    else:
        contained = containment(short, long)
    if heads and contained < 1 and other_level(a, b):
        return max(contained, certified)  # 初级会计职称 is not a typo of 中级会计职称
    near = near_equal(a, b)
    both = contained < 1 and a.endswith(credential) and b.endswith(credential)
    if both and (core := credential_core(a)) and (other := credential_core(b)):
        # Two credentials are one paper when their cores are one (营养师证, 营养师资格证), and near-equal only
        # when their cores are: 执业医师证 is no slip of 执业药师证.
        if core == other:
            near = 1.0
        elif near:
            near = near_equal(core, other)
    return max(contained, near, certified)


def _score(query: str, item: str, rule: bool | None) -> float:
    """What a vocabulary search scores: ``similarity`` (``rule`` the heads rule), or with ``rule`` None only
    equality and near-equality (``near_equal``)."""
    return near_equal(query, item) if rule is None else similarity(query, item, rule)


class Vocabulary:
    """Distinct encoded strings, searched all at once; results are (item indices, similarities) pairs.

    Each symbol knows the items holding it. An item can score only if it shares symbols with the query: all
    of the shorter one's (containment), or all but a fifth of the longer's length (near-equality: each
    symbol one string lacks costs an edit). Those few items alone go to ``cdist``, so a search costs what
    the query's symbols touch, not the vocabulary's size.
    """

    def __init__(self, items: Sequence[str], *, heads: bool = False) -> None:
        self.items = list(items)
        self.heads = heads  # the generic-word head rule of ``similarity``
        self.lengths = np.fromiter((len(s) for s in self.items), dtype=np.int32, count=len(self.items))
        self.distinct = np.fromiter((len(set(s)) for s in self.items), dtype=np.int32, count=len(self.items))
        holders: dict[str, list[int]] = {}
        for n, item in enumerate(self.items):
            for symbol in set(item):
                holders.setdefault(symbol, []).append(n)
        self._holders = {symbol: np.array(at, dtype=np.int32) for symbol, at in holders.items()}
        # Credentials by their core: one paper however its name is worded (护士证, 护士执业证书), which the
        # symbols alone do not always bring together.
        self._papers: dict[str, list[int]] = {}
        for n, item in enumerate(self.items):
            if core := credential_core(item):
                self._papers.setdefault(core, []).append(n)

    def __len__(self) -> int:
        return len(self.items)

    def _sharing(self, query: str, contain: bool) -> np.ndarray:
        """Items that may score against ``query``, by their shared symbols (a superset of those that do)."""
        symbols = set(query)
        held = [self._holders[s] for s in symbols if s in self._holders]
        if not held:
            return np.empty(0, dtype=np.int32)
        counts = np.bincount(held[0] if len(held) == 1 else np.concatenate(held), minlength=len(self.items))
        at = np.flatnonzero(counts)
        shared = counts[at]  # never more than the query's symbols, nor the item's
        lengths, distinct = self.lengths[at], self.distinct[at]
        slack = np.maximum(lengths, len(query)) * (1 - NEAR_EQUAL) + 1e-9  # edits near-equality allows
        # Near-equality: the lengths, and the symbols either string lacks, within the edits allowed.
        lacking = np.maximum(distinct, len(symbols)) - shared
        keep = np.maximum(np.abs(lengths - len(query)), lacking) <= slack
        if contain:  # every symbol of the query held, or every symbol of the item
            keep |= shared >= np.minimum(distinct, len(symbols))
            if papers := self._papers_of(query):
                return np.union1d(at[keep], papers).astype(np.int32)
        return at[keep].astype(np.int32)

    def _papers_of(self, query: str) -> list[int]:
        """The credentials naming the paper ``query`` names, if it is one (``credential_core``)."""
        core = credential_core(query) if self._papers else None
        return self._papers.get(core, []) if core else []

    def _candidates(self, query: str, at: np.ndarray) -> list[tuple[int, bool]]:
        """Of the items ``at`` (from ``_sharing``), those that may hold the query or be held by it (the
        shorter a subsequence of the longer) or be near-equal to it, each with whether it may be near-equal:
        one LCS call each for a few items, one ``cdist`` of LCS lengths for more (the same numbers)."""
        if len(at) <= FEW_CANDIDATES:
            found = []
            for i in at.tolist():
                item = self.items[i]
                lcs = LCSseq.similarity(query, item)
                near = 2.0 * lcs / (len(item) + len(query)) >= _NEAR_EQUAL_RATIO
                if near or (lcs > 0 and lcs == min(len(item), len(query))):
                    found.append((i, near))
        else:
            lcs = process.cdist([query], [self.items[i] for i in at.tolist()], scorer=LCSseq.similarity,
                                dtype=np.int32)[0]  # fmt: skip
            lengths = self.lengths[at]
            near = 2.0 * lcs / (lengths + len(query)) >= _NEAR_EQUAL_RATIO
            either = near | ((lcs == np.minimum(lengths, len(query))) & (lcs > 0))
            found = list(zip(at[either].tolist(), near[either].tolist(), strict=True))
        if papers := self._papers_of(query):
            held = {i for i, _ in found}
            found += [(i, False) for i in papers if i not in held]  # the same paper: no near-equality
        return found

    def search(
        self, queries: Sequence[str], *, floor: float, contain: bool = True
    ) -> list[tuple[np.ndarray, np.ndarray]]:
        """For each query, the items scoring at least ``floor`` (and above 0) and their scores, by item index.

        With ``contain`` false only equal and near-equal items count (``near_equal``, not ``similarity``).
        """
        found = []
        for query in queries:
            at = self._sharing(query, contain)
            if not len(at):
                found.append((at, np.empty(0, dtype=np.float32)))
                continue
            candidates = [i for i, near in self._candidates(query, at) if contain or near]
            rule = self.heads if contain else None
            values = (_score(query, self.items[i], rule) for i in candidates)
            scores = np.fromiter(values, dtype=np.float32, count=len(candidates))
            keep = (scores >= floor) & (scores > 0)
            found.append((np.array(candidates, dtype=np.int32)[keep], scores[keep]))
        return found


class Vocabularies:
    """Several vocabularies searched for one query in one pass (a new skill form against the skills, the
    titles as written, the cleaned titles and their cores): the strings they share are prefiltered, compared
    by ``cdist`` and scored once, and each vocabulary gets what ``Vocabulary.search`` would give it."""

    def __init__(self, members: Sequence[Vocabulary]) -> None:
        self.members = list(members)
        self.union = Vocabulary(list(dict.fromkeys(item for v in self.members for item in v.items)))
        ids = {item: n for n, item in enumerate(self.union.items)}
        # Per member: union string -> the member's item (-1: none), as a list (read a few entries at a time).
        self._item_in: list[list[int]] = []
        for vocabulary in self.members:
            item_in = [-1] * len(self.union)
            for n, item in enumerate(vocabulary.items):
                item_in[ids[item]] = n
            self._item_in.append(item_in)

    def search(
        self, query: str, *, floor: float, contain: Sequence[bool]
    ) -> list[tuple[np.ndarray, np.ndarray]]:
        """For each member (``contain`` per member), ``member.search([query], floor=..., contain=...)[0]``.

        The candidates are a few strings, so each member's share is read in plain Python, sorted by item."""
        empty = (np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32))
        union = self.union
        at = union._sharing(query, any(contain))
        if not len(at):
            return [empty for _ in self.members]
        candidates = union._candidates(query, at)
        scored: dict[tuple[int, bool | None], float] = {}  # (string, heads; None: near-equality only)
        found = []
        for vocabulary, item_in, contains in zip(self.members, self._item_in, contain, strict=True):
            rule = vocabulary.heads if contains else None
            hits = []
            for string, is_near in candidates:
                item = item_in[string]
                if item < 0 or not (contains or is_near):
                    continue
                value = scored.get((string, rule))
                if value is None:
                    value = scored[(string, rule)] = _score(query, union.items[string], rule)
                hits.append((item, value))
            if not hits:
                found.append(empty)
                continue
            hits.sort()  # by item: a member's items are distinct strings
            items = np.array([item for item, _ in hits], dtype=np.int32)
            scores = np.array([value for _, value in hits], dtype=np.float32)
            keep = (scores >= floor) & (scores > 0)
            found.append((items[keep], scores[keep]))
        return found
