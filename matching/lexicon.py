"""Encoding of normalised strings into symbol strings: every Latin word becomes one private-use character.

With Latin words atomic, every rapidfuzz comparison and every substring test respects word boundaries for
free: ``java`` and ``javascript`` are two unrelated symbols, ``r`` never occurs inside ``redis``, ``c`` is not
part of ``c++`` or ``cad``, while CJK characters stay one symbol each so that 淘宝运营 still lines up with
淘宝店铺运营. Written word sequences that form a known term join first (``spring boot`` -> ``springboot``),
and Latin aliases are replaced word by word (``js`` -> ``javascript``). A lexicon is built with an index and
frozen with it; seeker words it does not know are typo-corrected against the index's own term words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from matching.aliases import AliasTable
from matching.memo import OBJECT_BYTES, STRING_BYTES, string_entries
from matching.normalize import CJK_CLASS, normalize

ENCODED_BYTES = OBJECT_BYTES + 2 * STRING_BYTES  # (encoded, corrected, confidence): two short strings
_FIRST_CODE = 0xF0000  # supplementary private-use plane 15: Latin words the alias list does not name
_NAMED_CODE = 0x100000  # plane 16: the alias list's Latin words (java, ios, linux, c++)
_CODE_SPACE = 0xFFFE  # codes a plane holds
_CJK_RUN = re.compile(f"([{CJK_CLASS}]+)")
MIXED_PATH = Path(__file__).parent / "data" / "mixed_words.json"
UNKNOWN_WORD = "\ue000"  # a seeker word the index has never seen: equal to no indexed symbol
MAX_JOIN = 3
TYPO_MIN_LENGTH = 4
TYPO_MIN_SIMILARITY = 0.8
SWAP_MIN_SIMILARITY = 0.75  # two neighbouring letters swapped in a four-letter word (one edit in four)
# A letter moved two places in a word of six letters or more (phyton: python), its ends kept: two edits.
MOVED_MIN_LENGTH = 6


_GROUP_CODES = 0xE001  # after UNKNOWN_WORD, in the BMP private-use area (up to U+F8FF)


def group_code(number: int) -> str:
    """The one symbol standing for a whole synonym group (see ``title_space``)."""
    return chr(_GROUP_CODES + number)


def is_group_code(symbol: str) -> bool:
    """Whether one symbol of an encoded string stands for a synonym group (a named job: 司机, 客服)."""
    return "\ue001" <= symbol <= "\uf8ff"


def is_word_code(symbol: str) -> bool:
    """Whether one symbol of an encoded string stands for a whole word (Latin or a synonym group)."""
    return symbol >= "\U000f0000" or "\ue000" <= symbol <= "\uf8ff"


def is_named_word(symbol: str) -> bool:
    """Whether one symbol of an encoded string stands for a Latin word of the alias list (a language, a tool:
    java, ios, php), not a word only some title or description writes (umcloud, ibu)."""
    return symbol >= "\U00100000"


def is_latin_word(symbol: str) -> bool:
    """Whether one symbol of an encoded string stands for a Latin word, known or not (no synonym group)."""
    return symbol >= "\U000f0000" or symbol == UNKNOWN_WORD


def _joined_words(parts: tuple[str, ...], terms: frozenset[str]) -> list[str]:
    """Latin words of one run, where up to ``MAX_JOIN`` neighbours forming a known term become one word."""
    words, i = [], 0
    while i < len(parts):
        for size in range(min(MAX_JOIN, len(parts) - i), 1, -1):
            joined = "".join(parts[i : i + size])
            if joined in terms:
                words.append(joined)
                i += size
                break
        else:
            words.append(parts[i])
            i += 1
    return words


@cache
def mixed_words() -> frozenset[str]:
    """Words of a Latin letter and a CJK character written together (C端, B站), normalised:
    ``data/mixed_words.json``."""
    words = json.loads(MIXED_PATH.read_text(encoding="utf-8"))["words"]
    return frozenset(normalize(w) for w in words)


def split_words(normalised: str, aliases: AliasTable, terms: frozenset[str]) -> list[tuple[bool, str]]:
    """(is_latin_word, text) units of a normalised string, after term joining and word-level aliases.

    A CJK unit is a whole run of CJK characters (each of them one symbol once encoded); a Latin unit is one
    word. Latin words join across the spaces between them, never across CJK text, except that a word of
    ``mixed_words`` (c端) takes the CJK character it touches (or stands one space before) and is one word.
    """
    units: list[tuple[bool, str]] = []
    pieces = _CJK_RUN.split(normalised)
    taken = 0  # CJK characters the last Latin word took (c端)
    for n, part in enumerate(pieces):
        if n % 2:
            if part := part[taken:]:
                units.append((False, part))
            taken = 0
        elif part and not part.isspace():
            words = _joined_words(tuple(part.split()), terms)
            after = pieces[n + 1] if n + 1 < len(pieces) else ""
            if after and words[-1] + after[0] in mixed_words():  # touching it, or one space before (C 端)
                words[-1] += after[0]
                taken = 1
            for word in words:
                units.append((True, aliases.word_level.get(word, word)))
    return units


class LexiconBuilder:
    """Collects the index's words while its strings are encoded; ``freeze`` makes the query-side lexicon."""

    def __init__(self, aliases: AliasTable, extra_terms: Iterable[str] = ()) -> None:
        self.aliases = aliases
        self.terms = aliases.terms | frozenset(extra_terms)
        self.codes: dict[str, str] = {}
        self.term_words: set[str] = set()
        # The alias list's Latin words, in its order (``freeze`` registers them all), read once.
        self._alias_words = tuple(
            dict.fromkeys(
                text
                for key in (*aliases.whole, *aliases.terms)
                for latin, text in split_words(key, aliases, self.terms)
                if latin
            )
        )
        self.named = frozenset(self._alias_words)
        self._counts = {_FIRST_CODE: 0, _NAMED_CODE: 0}

    def _code(self, word: str) -> str:
        code = self.codes.get(word)
        if code is None:
            plane = _NAMED_CODE if word in self.named else _FIRST_CODE
            code = chr(plane + self._counts[plane] % _CODE_SPACE)
            self._counts[plane] += 1
            self.codes[word] = code
        return code

    def encode(self, normalised: str, *, term: bool = False) -> str:
        """Encode an index string; ``term`` marks skill and title words as targets for typo correction."""
        out = []
        for latin, text in split_words(normalised, self.aliases, self.terms):
            if latin:
                out.append(self._code(text))
                if term:
                    self.term_words.add(text)
            else:
                out.append(text)
        return "".join(out)

    def freeze(self) -> Lexicon:
        for text in self._alias_words:
            self._code(text)
            self.term_words.add(text)
        return Lexicon(self.aliases, self.terms, dict(self.codes), self.term_words)


class Lexicon:
    """The frozen word table of one index, with cached query encoding and typo correction."""

    def __init__(
        self, aliases: AliasTable, terms: frozenset[str], codes: dict[str, str], term_words: Iterable[str]
    ) -> None:
        self.aliases = aliases
        self.terms = terms
        self.codes = codes
        self.known_terms = frozenset(term_words)
        # The words a typo may be corrected to, by first letter (a correction keeps it): the index's terms and
        # the alias list's Latin words for them (powerpiont: powerpoint, which ``_encode`` reads as ppt).
        self._correctable: dict[str, list[str]] = {}
        for w in sorted({*term_words, *aliases.word_level}):
            if len(w) >= TYPO_MIN_LENGTH - 1 and w.isalpha():
                self._correctable.setdefault(w[0], []).append(w)
        self.correct_word = lru_cache(maxsize=string_entries(ENCODED_BYTES))(self._correct_word)
        self.encode = lru_cache(maxsize=string_entries(ENCODED_BYTES))(self._encode)

    def _correct_word(self, word: str) -> tuple[str, float]:
        """The known term a misspelt seeker word meant (same first letter), and its similarity."""
        candidates = self._correctable.get(word[:1], ())
        if word in self.codes or len(word) < TYPO_MIN_LENGTH or not word.isalpha() or not candidates:
            return word, 1.0
        hits = process.extract(
            word,
            candidates,
            scorer=OSA.normalized_similarity,
            # rapidfuzz turns the cutoff into a distance with rounding that drops a score right at it (one
            # edit in five, 0.8): cut a little lower, then keep the bound itself here.
            score_cutoff=min(SWAP_MIN_SIMILARITY, 1 - 2 / MOVED_MIN_LENGTH) - 0.05,
            limit=8,
        )
        # At equal similarity a term of the index wins over an alias word (myssql: mysql, not mssql).
        slips = [(-score, w not in self.known_terms, w) for w, score, _ in hits if self._slip(word, w, score)]
        if not slips:
            return word, 1.0
        score, _, best = min(slips)
        return best, -score

    @staticmethod
    def _slip(word: str, term: str, similarity: float) -> bool:
        """Whether ``word`` may be ``term`` mistyped. Right at ``TYPO_MIN_SIMILARITY`` (one edit in five
        letters, a four-letter word one short), only a letter left out (exel, rect) or two swapped (lniux,
        ngnix) is a slip: a letter changed or added there makes other words of their own (storm and store,
        flash and flask, audio and audit, world and word). Two swapped in four letters (wrod) are one too, and
        in six letters or more one letter moved two places, the word's ends kept (phyton, pyhotn)."""
        if similarity > TYPO_MIN_SIMILARITY + 1e-9:
            return True
        if len(word) == len(term) and sorted(word) == sorted(term):
            if similarity >= SWAP_MIN_SIMILARITY - 1e-9:
                return True  # two letters swapped, in four letters too (wrod, jvaa)
            if (
                len(word) >= MOVED_MIN_LENGTH
                and (word[0], word[-1]) == (term[0], term[-1])
                and similarity >= 1 - 2 / len(word) - 1e-9
            ):
                return True  # one letter moved two places: two edits of the same letters
        return similarity >= TYPO_MIN_SIMILARITY - 1e-9 and len(word) < len(term)

    def is_term_text(self, normalised: str) -> bool:
        """Whether every Latin word of the text is a skill, title or alias word of this index."""
        return all(
            unit in self.known_terms
            for latin, unit in split_words(normalised, self.aliases, self.terms)
            if latin
        )

    def _encode(self, normalised: str, correct: bool = False) -> tuple[str, str, float]:
        """(encoded, corrected normalised text, confidence); unknown words encode as ``UNKNOWN_WORD``."""
        out, text, confidence = [], [], 1.0
        for latin, unit in split_words(normalised, self.aliases, self.terms):
            if not latin:
                out.append(unit)
                text.append(unit)
                continue
            if correct and unit not in self.codes:
                fixed, similarity = self.correct_word(unit)
                if fixed != unit:
                    unit, confidence = self.aliases.word_level.get(fixed, fixed), confidence * similarity
            out.append(self.codes.get(unit, UNKNOWN_WORD))
            text.append(f" {unit} ")
        return "".join(out), " ".join("".join(text).split()), confidence
