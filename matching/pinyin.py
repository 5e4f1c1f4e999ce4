"""Finding Chinese vocabulary from pinyin and mixed input: ``kuaiji``, ``会ji`` or ``kj`` -> 会计; from
Chinese typed with a wrong character of the same sound (input-method typos: 会记 -> 会计); and from slips of
the keyboard (计会, 会会计, 数据析).

Every item keeps one phrase-aware pinyin key (pypinyin picks 会计's reading kuai) and its initials. Mixed
input is aligned unit by unit: a CJK character must be the item's character, a Latin run must spell the
readings (any heteronym) of the following characters, the last syllable possibly unfinished for prefixes.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import pairwise
from pathlib import Path

from pypinyin.constants import PHRASES_DICT
from rapidfuzz import process
from rapidfuzz.distance import OSA

from matching.normalize import (
    a_word,
    compact,
    has_cjk,
    initials_key,
    is_cjk,
    normalize,
    pinyin_key,
    readings,
    tokens,
)

# A Latin input this long or longer may be pinyin with one slip; shorter English words are too often one slip
# from a pinyin spelling (cache: chache, 叉车; china: chuna, 出纳).
NEAR_LETTERS = 6
MAX_HOMOPHONE = 8  # characters: longer inputs are phrases, not mistyped words
MAX_SPELLINGS = 256  # readings combined per input (heteronyms multiply)
MAX_MISREAD = 6  # characters of an item spelt with its characters' other readings too

# Characters that look alike (``data/lookalike_chars.json``): each -> the others of its groups.
_LOOKALIKE_GROUPS = json.loads((Path(__file__).parent / "data" / "lookalike_chars.json").read_text("utf-8"))
LOOKALIKE: dict[str, str] = {}
for _group in _LOOKALIKE_GROUPS["groups"]:
    for _char in _group:
        LOOKALIKE[_char] = "".join(dict.fromkeys(LOOKALIKE.get(_char, "") + _group.replace(_char, "")))


# Pinyin written with its tones: marks on the vowels (kuài jì, lǜshī: ü is pypinyin's v) or a digit after each
# syllable (kuai4ji4, two syllables at least: c1, h5 and mp3 are names, not toned pinyin).
_TONES = {
    "a": "āáǎà",
    "e": "ēéěèê",
    "i": "īíǐì",
    "o": "ōóǒò",
    "u": "ūúǔù",
    "v": "üǖǘǚǜ",
    "n": "ńňǹ",
    "m": "ḿ",
}
_TONE_MARKS = str.maketrans({marked: plain for plain, marks in _TONES.items() for marked in marks})
_TONE_DIGITS = re.compile(r"(?:[a-z]+[0-5]){2,}[a-z]*")


def toneless(key: str) -> str:
    """A compact input with the tones of pinyin written on it read off (kuài jì, kuai4ji4 -> kuaiji)."""
    if not key.isascii():
        key = key.translate(_TONE_MARKS)
    if _TONE_DIGITS.fullmatch(key):
        key = re.sub("[0-5]", "", key)
    return key


@cache
def dictionary_spellings() -> frozenset[str]:
    """The toneless pinyin of each word of pypinyin's phrase dictionary (47,000 words whose reading needs a
    phrase: jianli for 监理, gangjin for 钢筋), by its first reading."""
    words = PHRASES_DICT.values()
    return frozenset("".join(reading[0] for reading in word).translate(_TONE_MARKS) for word in words)


# The letter keys as they sit on a keyboard: each row, and how far it is shifted right of the one above.
_ROWS = (("qwertyuiop", 0.0), ("asdfghjkl", 0.25), ("zxcvbnm", 0.75))
_KEY_AT = {key: (row, at + shift) for row, (keys, shift) in enumerate(_ROWS) for at, key in enumerate(keys)}


def keyboard_neighbours(a: str, b: str) -> bool:
    """Whether two letter keys touch on a keyboard (d: e, r, s, f, x, c): a finger that slips hits one."""
    (row_a, x_a), (row_b, x_b) = _KEY_AT.get(a, (9, 0.0)), _KEY_AT.get(b, (-9, 0.0))
    return (row_a == row_b and abs(x_a - x_b) == 1) or (abs(row_a - row_b) == 1 and abs(x_a - x_b) < 1)


def slipped(typed: str, meant: str) -> bool:
    """Whether a spelling one edit from another (OSA) can be a slip of the finger or of the tongue: a letter
    left out, added or two neighbours swapped, or one changed for a key beside it or for a sound mixed up
    (``mixed_up``). A letter changed for a far one spells another word (kuaidi, 快递, is no kuaiji, 会计)."""
    if len(typed) != len(meant):
        return True
    diff = [n for n, (x, y) in enumerate(zip(typed, meant, strict=True)) if x != y]
    if len(diff) != 1:
        return True  # two neighbours swapped
    pair = typed[diff[0]], meant[diff[0]]
    return keyboard_neighbours(*pair) or frozenset(pair) in _MIXED_LETTERS


def mixed_up(a: str, b: str) -> bool:
    """Whether two spellings one slip apart differ by two neighbouring letters swapped (xiaoshuo, xiaoshou)
    or by a sound much of the country mixes up: n / ng (xinzheng, xingzheng), z / zh, c / ch, s / sh
    (canguan, cangguan), l / n (nanlu, lanlu), l / r (lenshi, renshi) or f / h (fushi, hushi)."""
    if len(a) == len(b):
        diff = [n for n, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            return a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        return len(diff) == 1 and frozenset((a[diff[0]], b[diff[0]])) in _MIXED_LETTERS
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(long) != len(short) + 1:
        return False
    return any(
        long[:at] + long[at + 1 :] == short and long[at - 1 : at + 1] in _MIXED for at in range(1, len(long))
    )


_MIXED = {"ng", "zh", "ch", "sh"}  # a letter the speech of many regions leaves out after another
# Letters many regions say one for the other: nanlu for lanlu, lenshi for renshi, fushi for hushi.
_MIXED_LETTERS = {frozenset("ln"), frozenset("lr"), frozenset("fh")}


def _spoken(text: str) -> str:
    """The compact key of an input that may be pinyin, its tones read off."""
    return toneless(compact(text))


def _units(text: str) -> tuple[str, ...]:
    return tokens(normalize(text).replace(" ", ""))


def _spellings(readings_per_unit: Iterable[Sequence[str]]) -> list[str]:
    """Every spelling the units' readings combine into, each once, the first ``MAX_SPELLINGS`` only."""
    spellings = [""]
    for each in readings_per_unit:
        spellings = [s + r for s in spellings for r in each][:MAX_SPELLINGS]
    return list(dict.fromkeys(spellings))


def _unit_readings(unit: str) -> tuple[str, ...]:
    return readings(unit) if is_cjk(unit) else (unit,)


def aligns(query: tuple[str, ...], item: tuple[str, ...], *, prefix: bool) -> bool:
    """Whether mixed query units spell the item (or its beginning, with ``prefix``)."""

    def step(q: int, i: int, pending: str) -> bool:
        if pending:
            if i == len(item):
                return False
            for reading in _unit_readings(item[i]):
                if pending.startswith(reading) and step(q, i + 1, pending[len(reading) :]):
                    return True
                if prefix and q == len(query) and reading.startswith(pending):
                    return True
            return False
        if q == len(query):
            return prefix or i == len(item)
        unit = query[q]
        if is_cjk(unit):
            return i < len(item) and item[i] == unit and step(q + 1, i + 1, "")
        return step(q + 1, i, unit)

    return step(0, 0, "")


def _add(table: dict[str, list[str]], key: str, word: str) -> None:
    """``word`` among ``table[key]``, once, in the order first met."""
    words = table.setdefault(key, [])
    if word not in words:
        words.append(word)


class PinyinTable:
    """Chinese items (skills, alias names) found by full pinyin, initials, pinyin prefix or mixed input."""

    def __init__(self, items: Iterable[str]) -> None:
        self.items = tuple(dict.fromkeys(i for i in items if has_cjk(i)))
        self.units = [_units(i) for i in self.items]
        self._written: dict[str, list[int]] = {}  # an item's characters and words -> the items so written
        for n, units in enumerate(self.units):
            self._written.setdefault("".join(units), []).append(n)
        self.known = frozenset(self._written)
        self._latin = frozenset(u for units in self.units for u in units if not is_cjk(u))  # java of java开发
        # An all-Chinese item of three characters or more without one of its inner characters -> the items:
        # the spellings a dropped character leaves (数据析 for 数据分析).
        self._dropped: dict[str, list[int]] = {}
        for n, units in enumerate(self.units):
            if len(units) >= 3 and all(map(is_cjk, units)):
                for at in range(1, len(units) - 1):
                    self._dropped.setdefault("".join(units[:at] + units[at + 1 :]), []).append(n)
        # An all-Chinese item with one character that has look-alikes masked -> (the item, that character):
        # an input with one character written as a look-alike finds the item in one look-up a character.
        self._masked: dict[str, list[tuple[int, str]]] = {}
        for n, units in enumerate(self.units):
            if 2 <= len(units) <= MAX_HOMOPHONE and all(map(is_cjk, units)):
                written = "".join(units)
                for at, unit in enumerate(units):
                    if unit in LOOKALIKE:
                        self._masked.setdefault(f"{written[:at]}\0{written[at + 1 :]}", []).append((n, unit))
        self.full: dict[str, list[int]] = {}
        self.initials: dict[str, list[int]] = {}
        for n, item in enumerate(self.items):
            key = pinyin_key(item)
            self.full.setdefault(key, []).append(n)
            self.initials.setdefault(initials_key(item), []).append(n)
        # Each other reading of an all-Chinese item's characters (heteronyms), as a seeker who reads 会计's 会
        # as hui spells it (huiji): found only where no item has that spelling as its own.
        self._misread: dict[str, list[int]] = {}
        for n, units in enumerate(self.units):
            if not (2 <= len(units) <= MAX_MISREAD and all(map(is_cjk, units))):
                continue
            read = [readings(unit) for unit in units]
            if any(len(r) > 1 for r in read):
                for spelling in _spellings(read):
                    if spelling not in self.full:
                        self._misread.setdefault(spelling, []).append(n)
        # The words a wish spelt word by word may use where no item is that word (``in_words``), by every
        # spelling: each two characters an all-Chinese item writes together (数学 of 小学数学教师), and its
        # last character, the job's ending the last word may be (师 of 设计师 and 工程师: shejishi).
        self._pairs: dict[str, list[str]] = {}
        self._endings: dict[str, list[str]] = {}
        for units in self.units:
            if len(units) < 2 or not all(map(is_cjk, units)):
                continue
            for pair in map("".join, pairwise(units)):
                for spelling in _spellings(map(readings, pair)):
                    _add(self._pairs, spelling, pair)
            for spelling in readings(units[-1]):
                _add(self._endings, spelling, units[-1])
        self._sorted = sorted(self.full)
        dictionary_spellings()  # read with the index, before a service forks its workers (``near``)
        self._by_length: dict[int, list[str]] = {}  # full pinyin by length: a slip changes it by one at most
        for spelling in self._sorted:
            self._by_length.setdefault(len(spelling), []).append(spelling)
        # CJK character -> the items holding it: mixed input is aligned only against items holding all of its
        # characters (the sets' intersection), not against every item.
        self._holding: dict[str, set[int]] = {}
        for n, units in enumerate(self.units):
            for unit in units:
                if is_cjk(unit):
                    self._holding.setdefault(unit, set()).add(n)

    def _holding_all(self, query: Sequence[str]) -> set[int]:
        """The items holding every CJK character of a mixed query (at least one): only they can align with
        it, so a 100-character query is aligned against a few items, not all 2,000."""
        chars = sorted({u for u in query if is_cjk(u)}, key=lambda u: len(self._holding.get(u, ())))
        if not chars:
            return set()
        holding = set(self._holding.get(chars[0], ()))
        for char in chars[1:]:
            holding &= self._holding.get(char, set())
        return holding

    def _pick(self, found: Iterable[int]) -> list[str]:
        return [self.items[n] for n in sorted(set(found))]

    def exact(self, text: str) -> list[str]:
        """Items the input spells completely: full pinyin (``kuaiji``) or mixed (``会ji``)."""
        key = _spoken(text)
        if not key:
            return []
        if not has_cjk(key):
            return self._pick(self.full.get(key, ())) or self._pick(self._misread.get(key, ()))
        query = _units(key)
        if all(map(is_cjk, query)):  # no pinyin in it: only the item written exactly so spells it
            return self._pick(self._written.get("".join(query), ()))
        if not all(u.isalpha() for u in query):  # digits or symbols spell no syllable (微信 2016)
            return []
        return self._pick(n for n in self._holding_all(query) if aligns(query, self.units[n], prefix=False))

    def in_words(self, text: str) -> list[str]:
        """Chinese a Latin input spells word by word where it spells no item whole: each word (split at its
        spaces, or an unspaced input cut once) an item's full pinyin, or two characters an item writes
        together, joined in order (yingyu laoshi -> 英语老师, shuxue laoshi -> 数学老师: a field and a job
        the fair writes in other titles). Every joining of the words' readings, at most ``MAX_SPELLINGS``;
        none where a word spells nothing the items write."""
        words = [toneless(w) for w in text.split()]
        if not words or not all(w.isascii() and w.isalpha() for w in words):
            return []
        if len(words) > 1:
            return self._joined(words)
        key = words[0]
        found = self._joined([key])  # one word of two characters (wuye: 物业 of 物业客服)
        for cut in range(2, len(key) - 1):  # one cut of an unspaced input (shejishi: sheji shi)
            found += self._joined([key[:cut], key[cut:]])
        return list(dict.fromkeys(found))[:MAX_SPELLINGS]

    def _joined(self, words: Sequence[str]) -> list[str]:
        per_word = [self._pick(self.full.get(w, ())) or self._pairs.get(w, []) for w in words]
        if len(words) > 1:  # the last word may be the character a job ends with (shi: 师)
            last = per_word[-1]
            per_word[-1] = last + [c for c in self._endings.get(words[-1], ()) if c not in last]
        return _spellings(per_word) if all(per_word) else []

    def near(self, text: str) -> list[str]:
        """Items whose full pinyin a Latin input of ``NEAR_LETTERS`` letters or more spells with one slip: a
        letter left out, added, changed for a key beside it, or two neighbours swapped (kuaiiji, kauiji,
        kuaiki -> 会计; ``slipped``). An input that
        spells a word of the dictionary exactly is that word, no slip (gangjin is 钢筋, not 钢琴), unless the
        one letter is a sound much of the country mixes up (``mixed_up``: xinzheng for 行政)."""
        key = _spoken(text)
        if len(key) < NEAR_LETTERS or not key.isascii() or not key.isalpha():
            return []
        near = [s for size in (len(key) - 1, len(key), len(key) + 1) for s in self._by_length.get(size, ())]
        found = process.extract(key, near, scorer=OSA.distance, score_cutoff=1, limit=None)
        found = [f for f in found if slipped(key, f[0])]
        if key in dictionary_spellings():  # only a sound of the regions' speech mixed up (xinzheng: 行政)
            found = [f for f in found if mixed_up(key, f[0])]
        return self._pick(n for spelling, _, _ in found for n in self.full[spelling])

    def homophones(self, text: str) -> list[str]:
        """Items a Chinese input may have meant with wrong characters of the same sound (会记 -> 会计,
        数据分细 -> 数据分析, java开法 -> java开发): same length, same pinyin (any reading of the input's
        characters; a Latin word as written), and at least half of the units right. The input's own item, if
        it is one, is not among them."""
        units = _units(text)
        if not 2 <= len(units) <= MAX_HOMOPHONE or not all(is_cjk(u) or u.isalpha() for u in units):
            return []
        if not any(map(is_cjk, units)) or not all(is_cjk(u) or u in self._latin for u in units):
            return []  # a Latin word no item holds: no item is spelt so
        found = (
            n for spelling in _spellings(map(_unit_readings, units)) for n in self.full.get(spelling, ())
        )
        return self._pick(
            n
            for n in found
            if len(self.units[n]) == len(units)
            and 0 < sum(a != b for a, b in zip(self.units[n], units, strict=True)) <= len(units) // 2
        )

    def slips(self, text: str) -> list[str]:
        """Items an all-Chinese input may have meant with a slip of the keyboard or the pen: two
        neighbouring characters swapped (计会 -> 会计), one doubled (会会计 -> 会计), an inner one left
        out (数据析 -> 数据分析) or one written as a character that looks like it (数据分折 -> 数据分析,
        拙纳 -> 出纳: ``LOOKALIKE``, as handwriting input picks them). A first or last character left out
        leaves a part of the item, found inside it anyway; a slip never leaves one character, and a word of
        the dictionary is no item with a character left out or replaced (开车 is no 开叉车, 排版 no 排版员,
        勾通 no 沟通). The input's own item, if it is one, is not among them."""
        units = _units(text)
        if not 2 <= len(units) <= MAX_HOMOPHONE or not all(map(is_cjk, units)):
            return []
        written = "".join(units)
        found: list[int] = []
        if not a_word(written):
            found += self._dropped.get(written, ())
            for at, unit in enumerate(units):
                if alike := LOOKALIKE.get(unit):
                    masked = self._masked.get(f"{written[:at]}\0{written[at + 1 :]}", ())
                    found += (n for n, char in masked if char in alike)
        for at in range(len(units) - 1):
            a, b = units[at], units[at + 1]
            if a == b and len(units) == 2:
                continue
            guess = units[:at] + ((a,) if a == b else (b, a)) + units[at + 2 :]
            found += self._written.get("".join(guess), ())
        return self._pick(n for n in found if "".join(self.units[n]) != written)

    def prefix(self, text: str) -> list[str]:
        """Items whose pinyin starts with the input (``kuai``), or whose start the mixed input spells."""
        key = compact(text).translate(_TONE_MARKS)
        if not key:
            return []
        if has_cjk(key):
            query = _units(key)
            first = query[0]
            return self._pick(
                n
                for n in self._holding_all(query)
                if (not is_cjk(first) or self.units[n][:1] == (first,))
                and aligns(query, self.units[n], prefix=True)
            )
        found: list[int] = []
        at = bisect_left(self._sorted, key)
        while at < len(self._sorted) and self._sorted[at].startswith(key):
            found += self.full[self._sorted[at]]
            at += 1
        return self._pick(found)

    def by_initials(self, text: str) -> list[str]:
        """Items whose pinyin initials are exactly the input (``kj`` -> 会计)."""
        key = compact(text).translate(_TONE_MARKS)
        return self._pick(self.initials.get(key, ())) if len(key) >= 2 and key.isascii() else []
