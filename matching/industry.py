"""Seekers' free-text industry preferences mapped to fair industry keys; partial credit between industries.

A preference resolves, in order: through ``reference.resolve_industry`` (key, Chinese name, GB/T code); by
exact alias after normalisation (電商 -> 电商 -> ``ecommerce``); by the longest alias inside the text, Latin
aliases only as whole words (IT行业 -> ``software_it``); by pinyin (``dianshang``); by a near-equal alias.
Text that names several industries (互联网/电商) is split and each part resolved.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from matching import reference
from matching.normalize import compact, has_cjk, is_cjk, normalize, pinyin_key, tokens

_PARTS = re.compile(r"[/、,，;；|+&]|\s和\s|\band\b")
NEAR_ALIAS = 0.8
HOMOPHONE_MIN = 3  # two symbols of the same sound are often another word (衣料 is no 医疗)


@cache
def _aliases() -> dict[str, str]:
    """Compact alias -> industry key, in file order (the first industry to claim an alias keeps it)."""
    table: dict[str, str] = {}
    for ind in reference.industries():
        for word in (ind.key, ind.zh, ind.en, *ind.aliases):
            table.setdefault(compact(word), ind.key)
    return table


@cache
def _alias_list() -> list[str]:
    return list(_aliases())


@cache
def _pinyin_aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for word, key in _aliases().items():
        if has_cjk(word):
            table.setdefault(pinyin_key(word), key)
    return table


@cache
def _alias_words() -> tuple[tuple[str, str, tuple[str, ...] | None], ...]:
    """(compact alias, industry key, its Latin words or None when it has CJK) for aliases of 2+ symbols."""
    return tuple(
        (alias, key, None if has_cjk(alias) else tokens(normalize(alias)))
        for alias, key in _aliases().items()
        if len(alias) >= 2
    )


@cache
def _alias_starts() -> dict[str, tuple[int, ...]]:
    """First symbol (an alias with CJK) or first Latin word -> the aliases of ``_alias_words`` starting so,
    by their place there: a text can hold only the aliases that one of its symbols or words starts."""
    starts: dict[str, list[int]] = {}
    for n, (alias, _, parts) in enumerate(_alias_words()):
        starts.setdefault(alias[0] if parts is None else parts[0], []).append(n)
    return {start: tuple(at) for start, at in starts.items()}


def _contained(text: str) -> tuple[str, ...]:
    """Keys of the longest aliases found inside the text (CJK as substrings, Latin as whole words)."""
    flat, words = compact(text), tokens(normalize(text))
    starts, aliases = _alias_starts(), _alias_words()
    # Only the aliases starting with one of the text's symbols or words, in file order (first key first).
    near = sorted({n for start in {*flat, *words} for n in starts.get(start, ())})
    found: dict[str, int] = {}
    for alias, key, parts in (aliases[n] for n in near):
        if parts is None:
            hit = alias in flat
        else:
            hit = any(words[i : i + len(parts)] == parts for i in range(len(words) - len(parts) + 1))
        if hit:
            found[key] = max(found.get(key, 0), len(alias))
    if not found:
        return ()
    longest = max(found.values())
    return tuple(key for key, size in found.items() if size == longest)


def named_industry(text: str) -> tuple[str, ...]:
    """The fair industry a text names as a whole (its key, name, an alias or an alias's pinyin: 电子商务,
    電商, fangdichan), else empty: nothing inside a longer text, nothing near, no GB/T code (C and R are
    skills too) and no single symbol (厂)."""
    key = compact(text)
    found = len(key) >= 2 and (_aliases().get(key) or _pinyin_aliases().get(key))
    return (found,) if found else ()


@cache
def _employer_words() -> tuple[str, ...]:
    return tuple(sorted({compact(word) for word in reference.employer_words()}, key=len, reverse=True))


def before_employer_word(text: str) -> str | None:
    """The text before an employer word ending it (互联网公司, 国企单位, 制造业企业: 互联网, 国企, 制造业),
    compacted; None where it ends with none or is one alone."""
    key = compact(text)
    for word in _employer_words():
        if key.endswith(word) and len(key) > len(word):
            return key[: -len(word)]
    return None


def _resolve_part(text: str) -> tuple[str, ...]:
    key = compact(text)
    if not key:
        return ()
    resolved = reference.industry_key(text) or _aliases().get(key) or _pinyin_aliases().get(key)
    if resolved:
        return (resolved,)
    if len(key) >= HOMOPHONE_MIN and has_cjk(key) and (heard := _pinyin_aliases().get(pinyin_key(key))):
        return (heard,)  # the whole typed with a character of the same sound: 互连网, 电子伤务 (not 电子)
    contained = _contained(text)
    if contained:
        return contained
    if len(key) >= 4:
        hit = process.extractOne(
            key, _alias_list(), scorer=Levenshtein.normalized_similarity, score_cutoff=NEAR_ALIAS
        )
        if hit:
            return (_aliases()[hit[0]],)
    return ()


@lru_cache(maxsize=4096)
def resolve_industry_text(text: str) -> tuple[str, ...]:
    """Fair industry keys a seeker's preference names (empty when it names none)."""
    whole = _resolve_part(text)
    if whole and (reference.industry_key(text) or compact(text) in _aliases()):
        return whole
    parts = [p for p in _PARTS.split(text) if p and p.strip()]
    if len(parts) < 2:
        return whole
    keys = [key for part in parts for key in _resolve_part(part)]
    return tuple(dict.fromkeys(keys)) or whole


@cache
def _cjk_aliases() -> dict[str, frozenset[str]]:
    """Industry key -> the aliases of ``_aliases`` it claims that are written in Chinese, of two characters
    or more."""
    by_key: dict[str, set[str]] = {}
    for alias, key in _aliases().items():
        if len(alias) >= 2 and all(map(is_cjk, alias)):
            by_key.setdefault(key, set()).add(alias)
    return {key: frozenset(aliases) for key, aliases in by_key.items()}


TRADE_WORD_MAX = 8  # characters of a trade word looked for in employers' names


@lru_cache(maxsize=4096)
def trade_words(text: str, keys: tuple[str, ...]) -> tuple[str, ...]:
    """The Chinese words of a preferred industry (its fair ``keys``) an employer's name may hold: the text
    without an employer word after it (医药 of 医药行业, 汽车 of 汽车公司), and where that is no alias of
    theirs, the aliases of those industries inside it that no longer one holds (医疗 of 医疗相关; 互联网 and
    电商 of 互联网电商); two characters or more. Empty for a text naming no industry."""
    if not keys:
        return ()
    key = compact(text)
    whole = before_employer_word(key) or key
    if not 2 <= len(whole) <= TRADE_WORD_MAX or not all(map(is_cjk, whole)):
        whole = ""
    table = _cjk_aliases()
    aliases = frozenset().union(*(table.get(k, ()) for k in keys))
    if whole in aliases:
        return (whole,)
    inside = [a for a in aliases if a in key]
    inside = sorted(a for a in inside if not any(a != b and a in b for b in inside))
    return tuple(dict.fromkeys([whole, *inside] if whole else inside))


@cache
def _names() -> tuple[tuple[str, str], ...]:
    """(compact Chinese name, key) of every industry (电子商务, 房地产业, 教育)."""
    return tuple((compact(ind.zh), ind.key) for ind in reference.industries())


def name_holds(name: str, word: str, keys: tuple[str, ...]) -> bool:
    """Whether an employer's compact name holds a trade ``word`` of the industries ``keys`` as that trade,
    not inside the name of another industry: 电子 in 电子商务 is e-commerce, not electronics (电子科技
    holds it); 汽车 in 汽车销售服务 is cars, sold."""
    if word not in name:
        return False
    for industry, key in _names():
        if len(industry) > len(word) and key not in keys and word in industry:
            name = name.replace(industry, " ")
    return word in name


@lru_cache(maxsize=1024)
def industry_scores(keys: tuple[str, ...]) -> dict[str, float]:
    """Each fair industry's score for a seeker preferring ``keys``: 1 if preferred, else the best affinity."""
    affinity = reference.industry_affinity()
    return {
        ind.key: 1.0 if ind.key in keys else max((affinity.get((ind.key, k), 0.0) for k in keys), default=0.0)
        for ind in reference.industries()
    }
