"""Text normalisation shared by seeker and employer strings: width, case, script, separators and pinyin.

``normalize`` is the one form every comparison starts from: NFKC (full-width ``ＥＸＣＥＬ`` becomes
``excel``), case folding, traditional to simplified Chinese, and every separator folded to one space,
except the symbols that make a skill name (``c++``, ``c#``, ``.net``). ``compact`` drops the spaces, so
``Spring Boot``, ``spring-boot`` and ``springboot`` share one key. ``tokens`` splits a normalised string
into Latin words and single CJK characters: a CJK character next to a Latin letter is a word boundary
(``java开发`` is ``java`` + 开发).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, partial, wraps
from pathlib import Path
from typing import TypeVar

import opencc
from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.constants import PHRASES_DICT

from matching.memo import STRING_BYTES, TOKENS_BYTES, string_cache, string_entries

T = TypeVar("T")
# CJK ideographs (with extension A and compatibility forms), kana and hangul: one token per character.
CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CJK = re.compile(f"[{CJK_CLASS}]")
_TOKEN = re.compile(f"[{CJK_CLASS}]|[^\\s{CJK_CLASS}]+")
# A symbol survives folding only where it is part of a skill's name: a trailing ``++`` or ``#`` (c++, c#,
# notepad++; also written ``c ++``) and a leading dot before letters (.net). Elsewhere (java+spring, #话题,
# node.js) it separates words.
_KEEP_SYMBOL = re.compile(r"(?<=[a-z0-9])(?:\+\+(?![a-z])|#(?![a-z0-9]))|(?<![a-z0-9])\.(?=[a-z])")
_SPACED_SYMBOL = re.compile(r"(?<=[a-z0-9]) *(\+ *\+|#)(?![a-z0-9+#])")  # c ++, c + +, c+ +, c #
# Two single letters joined by & are one abbreviation (R&D, P&L, Q&A), not a list: never the skill R or C.
_LETTER_PAIR = re.compile(r"(?<![a-z0-9+#.])([a-z])&([a-z])(?![a-z0-9+#])")
# Single letters joined by dots are one abbreviation (C.Q.S, A.I.), not the letters: never the skill C or R.
_DOTTED_INITIALS = re.compile(r"(?<![a-z0-9+#.])[a-z](?:\.[a-z])+\.?(?![a-z0-9+#])")
_SEPARATOR = re.compile(r"[^\w+#.]|_")
_SEPARATOR_OR_SYMBOL = re.compile(r"\W|_")  # outside the kept symbols, + # . separate too
# After NFKC, full-width ；：！？ are ASCII. A list number is glued to no word (vue2.x, 1.5年, CET-4) are no
# items); a list letter begins a line (a) 本科, c. 熟悉…): the C of "c) 精通Android" is no skill.
# A postscript's mark beginning a line or a sentence (PS：一年以上经验是硬性要求) ends a clause too, read
# off: it is no Photoshop. One a proficiency follows (PS：精通, in a list of tools) stays the tool.
_CLAUSE_END = re.compile(
    r"(?:^|(?<=[\n\r。;!?]))[ \t]*p\.?[ \t]?s\.?[ \t]*:(?![ \t]*(?:精通|熟练|熟悉|掌握|了解|会|能|使用|操作))"
    r"|[。;:!?\n\r]|(?<![a-z0-9.\-])\d{1,2}(?:、|[.)](?![a-z0-9]))"
    r"|(?:^|(?<=[\n\r]))[ \t]*[a-h][.)](?![a-z0-9.+#])"
)

_T2S = opencc.OpenCC("t2s")
# Taiwan phrases (軟體, 資料庫, 程式) become mainland vocabulary (软件, 数据库, 程序), but only for text that
# was written in traditional script: tw2sp would also rewrite a few simplified words.
_TW2SP = opencc.OpenCC("tw2sp")


# Taiwan words tw2sp keeps (行销, 企划) and the mainland words (营销, 策划): ``data/taiwan_words.json``.
_TAIWAN_PATH = Path(__file__).parent / "data" / "taiwan_words.json"
_TAIWAN_DATA = json.loads(_TAIWAN_PATH.read_text(encoding="utf-8"))
_TAIWAN: dict[str, str] = _TAIWAN_DATA["words"]
_TAIWAN_WORD = re.compile("|".join(map(re.escape, sorted(_TAIWAN, key=len, reverse=True))))
# Mainland words holding a Taiwan term tw2sp rewrites (资料员, 档案): kept as t2s writes them.
_MAINLAND_WORD = re.compile("|".join(map(re.escape, sorted(_TAIWAN_DATA["mainland"], key=len, reverse=True))))


def to_simplified(text: str) -> str:
    """Simplified script; Taiwan vocabulary becomes mainland words only in text written traditionally, but
    for the mainland words that hold a Taiwan term (``mainland`` of ``data/taiwan_words.json``)."""
    if not _CJK.search(text):
        return text
    simplified = _T2S.convert(text)
    if simplified == text:
        return text
    if len(simplified) == len(text) and _MAINLAND_WORD.search(simplified):
        # Written simplified, tw2sp leaves them as they are (資料員證: 资料员证, not 数据员证).
        kept = list(text)
        for word in _MAINLAND_WORD.finditer(simplified):
            kept[word.start() : word.end()] = word.group()
        text = "".join(kept)
    return _TAIWAN_WORD.sub(lambda m: _TAIWAN[m.group()], _TW2SP.convert(text))


SHORT = 80  # strings up to this long (skills, titles, what seekers type) are cached; descriptions are not


def _cached_when_short(function: Callable[[str], T], value_bytes: int = STRING_BYTES) -> Callable[[str], T]:
    """Cache a string function for short inputs only (bounded in bytes, ``memo``): long texts would fill the
    cache and stay in memory."""
    cached = lru_cache(maxsize=string_entries(value_bytes))(function)

    @wraps(function)
    def call(text: str) -> T:
        return cached(text) if len(text) <= SHORT else function(text)

    return call


@_cached_when_short
def prefold(text: str) -> str:
    """NFKC, case folding and simplified script, with punctuation still in place (for pattern matching)."""
    return to_simplified(unicodedata.normalize("NFKC", text).casefold())


@_cached_when_short
def fold_separators(text: str) -> str:
    """Turn every separator of an already prefolded string into one space, keeping skill symbols."""
    if "+" in text or "#" in text:
        text = _SPACED_SYMBOL.sub(lambda m: m.group(1).replace(" ", ""), text)
    if "&" in text:
        text = _LETTER_PAIR.sub(r"\1\2", text)
    if "." in text:
        text = _DOTTED_INITIALS.sub(lambda m: m.group().replace(".", ""), text)
    if "+" in text or "#" in text or "." in text:
        pieces, last = [], 0
        for kept in _KEEP_SYMBOL.finditer(text):
            pieces += (_SEPARATOR_OR_SYMBOL.sub(" ", text[last : kept.start()]), kept.group())
            last = kept.end()
        pieces.append(_SEPARATOR_OR_SYMBOL.sub(" ", text[last:]))
        text = "".join(pieces)
    else:
        text = _SEPARATOR.sub(" ", text)
    return " ".join(text.split())


def normalize(text: str) -> str:
    """The comparable form of any seeker or employer string (see the module docstring)."""
    return fold_separators(prefold(text))


# A list letter inside a line (要求：a. 本科 b. 熟练SQL c. 沟通能力): a letter after a space or a mark, and
# its own mark before a word that is not Latin. Only a run from a, each the next letter, ends clauses: 熟悉C.
# and (C) alone are no list, nor is a letter written onto a word (精通C. after a. and b.).
_INLINE_LETTER = re.compile(f"(?<![a-z0-9+#.{CJK_CLASS}])([a-h])[.)](?=\\s*[^\\sa-z0-9.+#])")


def _inline_letters(text: str) -> str:
    """A prefolded text with its inline list letters (a. b. c. in a row) turned into line breaks."""
    pieces, at, last = [], 0, ""
    for found in _INLINE_LETTER.finditer(text):
        letter = found.group(1)
        if letter == "a" or (last and ord(letter) == ord(last) + 1):
            pieces += (text[at : found.start()], "\n")
            at, last = found.end(), letter
    return "".join(pieces) + text[at:] if pieces else text


def clauses(text: str) -> list[str]:
    """A long text (a description) normalised clause by clause, without caching.

    Sentence punctuation (。；！？：, line breaks) and list numbering (``1、``, ``2.``, ``3)``) end a clause,
    so that words of different sentences or list items are never read as one phrase.
    """
    text = _inline_letters(prefold.__wrapped__(text))
    folded = (fold_separators.__wrapped__(part) for part in _CLAUSE_END.split(text))
    return [clause for clause in folded if clause]


def compact(text: str) -> str:
    """``normalize`` without spaces: the key for exact and alias lookups."""
    return normalize(text).replace(" ", "")


@partial(_cached_when_short, value_bytes=TOKENS_BYTES)
def tokens(normalised: str) -> tuple[str, ...]:
    """Latin words (runs of anything but spaces and CJK) and single CJK characters, in order."""
    return tuple(_TOKEN.findall(normalised))


def is_cjk(token: str) -> bool:
    return bool(_CJK.fullmatch(token))


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


@string_cache()
def pinyin_key(text: str) -> str:
    """Toneless pinyin of the compact form, joined (会计 -> ``kuaiji``); Latin parts are kept as they are."""
    return "".join(lazy_pinyin(compact(text), errors="default"))


@string_cache()
def initials_key(text: str) -> str:
    """The first letters of the compact form's pinyin syllables (会计 -> ``kj``)."""
    return "".join(syllable[0] for syllable in lazy_pinyin(compact(text)) if syllable)


def a_word(text: str) -> bool:
    """Whether a Chinese text is a word of pypinyin's phrase dictionary (47,000 words: 开车, 排版), which a
    slip of the keyboard (a character swapped, doubled or left out) seldom leaves."""
    return text in PHRASES_DICT


@lru_cache(maxsize=8192)
def readings(char: str) -> tuple[str, ...]:
    """Every toneless pinyin reading of one CJK character (会 -> ``hui``, ``kuai``)."""
    return tuple(dict.fromkeys(pinyin(char, style=Style.NORMAL, heteronym=True)[0]))
