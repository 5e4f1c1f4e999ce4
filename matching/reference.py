"""Reference knowledge read from data files: fair industries (GB/T 4754-2017), education levels, ownership."""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from matching.normalize import has_cjk, pinyin_key, to_simplified

DATA_DIR = Path(__file__).parent / "data"
CORE_INDUSTRIES = (
    "manufacturing",
    "real_estate",
    "wholesale_retail",
    "software_it",
    "education",
    "ecommerce",
)


@dataclass(frozen=True)
class Industry:
    key: str
    zh: str
    en: str
    gb: tuple[str, ...]
    aliases: tuple[str, ...]
    core: bool = False


@dataclass(frozen=True)
class Level:
    key: str
    rank: int
    zh: str
    en: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Ownership:
    key: str
    zh: str
    short: str
    en: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Resolution:
    """The outcome of reading a coded value: the key, or why not and what was probably meant."""

    key: str | None
    suggestion: str | None = None
    reason: str | None = None
    choices: tuple[str, ...] = field(default=())


def _load(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _fold(text: str) -> str:
    """Width, case and script folded (ＢＡＣＨＥＬＯＲ, 碩士, 大專 are bachelor, 硕士, 大专), and a phone
    keyboard's curly apostrophe read as the plain one (Master’s)."""
    return to_simplified(unicodedata.normalize("NFKC", text).strip().casefold().replace("\u2019", "'"))


@cache
def industries() -> tuple[Industry, ...]:
    rows = _load("industries.json")["industries"]
    return tuple(
        Industry(
            key=r["key"],
            zh=r["zh"],
            en=r["en"],
            gb=tuple(r["gb"]),
            aliases=tuple(r.get("aliases", ())),
            core=bool(r.get("core")),
        )
        for r in rows
    )


@cache
def employer_words() -> tuple[str, ...]:
    """The words after a trade or a kind of employer that say where one works (公司, 企业, 行业)."""
    return tuple(_load("industries.json")["employer_words"])


@cache
def industry_affinity() -> dict[tuple[str, str], float]:
    pairs: dict[tuple[str, str], float] = {}
    for a, b, weight in _load("industries.json")["affinity"]:
        pairs[(a, b)] = pairs[(b, a)] = float(weight)
    return pairs


@cache
def education_levels() -> tuple[Level, ...]:
    return tuple(
        Level(key=r["key"], rank=r["rank"], zh=r["zh"], en=r["en"], labels=tuple(r["labels"]))
        for r in _load("education.json")["levels"]
    )


@cache
def ownership_kinds() -> tuple[Ownership, ...]:
    return tuple(
        Ownership(key=r["key"], zh=r["zh"], short=r["short"], en=r["en"], labels=tuple(r["labels"]))
        for r in _load("ownership.json")["kinds"]
    )


@cache
def gbt4754() -> dict[str, tuple[str, str]]:
    """Every GB/T 4754-2017 code mapped to (section letter, name)."""
    with (DATA_DIR / "gbt4754-2017.csv").open(encoding="utf-8") as fh:
        return {row["code"]: (row["section"], row["name"]) for row in csv.DictReader(fh)}


def _exact_table(pairs: list[tuple[str, str]]) -> dict[str, str]:
    return {_fold(label): key for label, key in pairs}


@cache
def _industry_exact() -> dict[str, str]:
    pairs = []
    for ind in industries():
        pairs += [(ind.key, ind.key), (ind.zh, ind.key), (ind.en, ind.key)]
    return _exact_table(pairs)


@cache
def _industry_hints() -> dict[str, str]:
    """Every word that points at an industry, for suggestions."""
    pairs = []
    for ind in industries():
        pairs += [(w, ind.key) for w in (ind.key, ind.zh, ind.en, *ind.aliases)]
    return _exact_table(pairs)


def industry_for_gb_code(code: str) -> str | None:
    """Map a GB/T 4754-2017 code (``C``, ``C39``, ``39``, ``F5292``) to a fair industry key."""
    code = _fold(code).upper().replace(" ", "")
    table = gbt4754()
    if len(code) == 1 and code.isalpha():
        full = code if code in table else None
    else:
        digits = code[1:] if code[:1].isalpha() else code
        if not digits.isdigit() or digits not in table:
            return None
        section = table[digits][0]
        if code[:1].isalpha() and code[0] != section:
            return None
        full = section + digits
    if full is None:
        return None
    best, best_len = None, -1
    for ind in industries():
        for anchor in ind.gb:
            if full.startswith(anchor) and len(anchor) > best_len:
                best, best_len = ind.key, len(anchor)
    return best


def _suggest(value: str, table: dict[str, str]) -> str | None:
    folded = _fold(value)
    if not folded:
        return None
    if folded in table:
        return table[folded]
    for word, key in table.items():
        if len(word) >= 2 and (word in folded or folded in word):
            return key
    hit = process.extractOne(folded, list(table), scorer=fuzz.WRatio, score_cutoff=70)
    return table[hit[0]] if hit else None


def industry_key(value: str) -> str | None:
    """The fair industry a key, Chinese or English name, or GB/T 4754-2017 code names; None otherwise."""
    folded = _fold(value)
    if folded in _industry_exact():
        return _industry_exact()[folded]
    return industry_for_gb_code(value) if folded and folded[:1].isascii() else None


def resolve_industry(value: str) -> Resolution:
    key = industry_key(value)
    if key:
        return Resolution(key)
    choices = tuple(ind.key for ind in industries())
    return Resolution(
        None,
        suggestion=_suggest(value, _industry_hints()),
        reason="not a fair industry, its Chinese name or a GB/T 4754-2017 code",
        choices=choices,
    )


@cache
def _education_labels() -> tuple[dict[str, str], tuple[str, ...]]:
    """Every folded label of an education level mapped to its key, and the keys; built once."""
    pairs = [(w, lvl.key) for lvl in education_levels() for w in (lvl.key, lvl.zh, lvl.en, *lvl.labels)]
    return _exact_table(pairs), tuple(lvl.key for lvl in education_levels())


@cache
def _ownership_labels() -> tuple[dict[str, str], tuple[str, ...]]:
    pairs = [(w, k.key) for k in ownership_kinds() for w in (k.key, k.zh, k.short, k.en, *k.labels)]
    return _exact_table(pairs), tuple(k.key for k in ownership_kinds())


def _resolve_labelled(value: str, labels: tuple[dict[str, str], tuple[str, ...]], reason: str) -> Resolution:
    table, choices = labels
    if (key := table.get(_fold(value))) is not None:
        return Resolution(key)
    return Resolution(None, suggestion=_suggest(value, table), reason=reason, choices=choices)


def resolve_education(value: str) -> Resolution:
    """An education level from its key or a label; a seeker's words around the level (本科在读, 应届本科,
    985本科, 大专毕业, 本科（专升本）) are read off when the whole is no label (``noise``, education.json),
    then a bracketed note or a clause after a comma (大专（含）以上, 本科及以上（985/211优先）,
    本科，有经验优先); of levels written as alternatives (高中/中专及以上, 大专、本科) the lowest is the
    minimum."""
    found = _resolve_labelled(value, _education_labels(), "not an education level")
    if found.key is not None:
        return found
    folded = _fold(value)
    noted = _EDUCATION_NOTE.sub("", folded).strip()
    for text in dict.fromkeys((folded, noted) if noted else (folded,)):
        if (key := _education_alternatives(text)) is not None:
            return Resolution(key)
    return found


_EDUCATION_NOTE = re.compile(r"\([^()]*\)|[,;。].*$")


def _education_alternatives(text: str) -> str | None:
    """The lowest level of ``text``'s alternatives split at / and 、 once the noise is off (全日制/统招本科),
    if each is one."""
    table, rank = _education_labels()[0], {level.key: level.rank for level in education_levels()}
    parts = [_education_noise().sub("", part) for part in re.split(r"[/、]", text)]
    keys = [table.get(part) for part in parts if part]
    if not keys or None in keys:
        return None
    return min(keys, key=lambda k: rank[k])  # type: ignore[index]


@cache
def education_noise_words() -> frozenset[str]:
    """The words around a level (在读, 985, 专升本), folded: some name a degree alone, never inside a line."""
    return frozenset(map(_fold, _load("education.json")["noise"]))


@cache
def _education_noise() -> re.Pattern[str]:
    words = sorted(education_noise_words(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) + r"|[()（）\s·]")


def ownership_key(value: str) -> str | None:
    """The ownership kind a key or one of its labels names (国企, 央企, State-owned), or a Chinese label's
    pinyin (guoqi, minqi); None otherwise."""
    folded = _fold(value)
    found = _ownership_labels()[0].get(folded)
    if found is None and folded.isascii():
        found = _ownership_pinyin().get(folded.replace(" ", ""))
    return found


@cache
def _ownership_pinyin() -> dict[str, str]:
    """Each Chinese ownership label's toneless pinyin -> its kind, where no two kinds share it."""
    table: dict[str, set[str]] = {}
    for kind in ownership_kinds():
        for label in (kind.zh, kind.short, *kind.labels):
            if has_cjk(label):
                table.setdefault(pinyin_key(label), set()).add(kind.key)
    return {spelt: next(iter(kinds)) for spelt, kinds in table.items() if len(kinds) == 1}


def resolve_ownership(value: str) -> Resolution:
    return _resolve_labelled(value, _ownership_labels(), "not an ownership kind")
