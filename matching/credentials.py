"""Credentials (certificates, licences, professional titles) as ``data/credentials.json`` describes them.

A credential is a skill whose name ends in one of ``suffixes`` (证, 证书, 职称, 资格...). Its core is
what names the paper once those endings and the words that only say what kind of paper it is
(``qualifiers``: 执业, 从业, 操作, 上岗...) are read off: 护士证, 护士资格证, 护士执业证书 and
护士执业资格证 are one paper, 护士; 执业医师证 and 执业药师证 are two, 医师 and 药师.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from matching.normalize import normalize

CREDENTIALS_PATH = Path(__file__).parent / "data" / "credentials.json"


@cache
def _credentials() -> dict:
    return json.loads(CREDENTIALS_PATH.read_text(encoding="utf-8"))


@cache
def credential_ladders() -> tuple[float, tuple[tuple[str, ...], ...]]:
    """Credentials of one kind, lowest first, and the similarity at which one meets those before it
    (``ladders`` and ``ladder_similarity`` of ``data/credentials.json``)."""
    data = _credentials()
    return float(data["ladder_similarity"]), tuple(tuple(ladder) for ladder in data["ladders"])


@cache
def unlevelled_rungs() -> frozenset[str]:
    """Ladder rungs naming a paper without its level (驾驶证: any class), which are no lower paper
    (``unlevelled`` of ``data/credentials.json``)."""
    return frozenset(_credentials()["unlevelled"])


@cache
def credential_endings() -> tuple[str, ...]:
    """Endings naming a credential (证, 职称, ...), from ``data/credentials.json``."""
    return tuple(normalize(s) for s in _credentials()["suffixes"])


@cache
def _qualifiers() -> tuple[str, ...]:
    return tuple(normalize(s) for s in _credentials()["qualifiers"])


@cache
def level_characters() -> frozenset[str]:
    """Characters naming a level or grade (初, 中, 一, 六, ...), from ``data/credentials.json``."""
    return frozenset(_credentials()["levels"])


@cache
def _last_characters() -> frozenset[str]:
    return frozenset(ending[-1] for ending in credential_endings())


def _longest_ending(text: str, endings: tuple[str, ...]) -> str:
    return max((e for e in endings if text.endswith(e)), key=len, default="")


def credential_core(text: str) -> str | None:
    """What a credential's name names (护士执业资格证 -> 护士, 电工操作证 -> 电工), or None when ``text``
    is no credential or too little is left to tell one paper from another (资格证, 初级职称, A证).

    ``text`` is normalised, compact or encoded alike (CJK characters are themselves in each)."""
    if not text or text[-1] not in _last_characters():  # most skills: one set look-up
        return None
    ending = _longest_ending(text, credential_endings())
    if not ending:
        return None
    endings = credential_endings() + _qualifiers()
    while ending:
        text = text[: len(text) - len(ending)]
        ending = _longest_ending(text, endings)
    while lead := max((q for q in _qualifiers() if text.startswith(q)), key=len, default=""):
        text = text[len(lead) :]
    telling = [c for c in text if c not in level_characters() and c not in "级等"]
    return text if len(telling) >= 2 else None
