"""Personal data in a résumé (name, phone, e-mail, ID-card number, address and the like), found so that it is
never read into a profile, never quoted as evidence and never echoed: lines carrying it are left out, and its
values are masked wherever else they appear.

Labels are data (``data/personal.json``); phone numbers, e-mail addresses, ID-card numbers and street
addresses are also recognised unlabelled.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from matching.resume_text import heading_of

MASK = "＊＊＊"
PHONE = re.compile(r"(?<![\d])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
ID_CARD = re.compile(
    r"(?<![\dA-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])"
)
STREET = re.compile(r"[\u4e00-\u9fff\d]{2,}(?:路|街|大道|巷|弄|村)\s*\d+\s*号[\u4e00-\u9fff\d\-]*")
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
_TITLE_WORDS = ("简历", "个人简历", "求职简历", "resume", "cv")


@cache
def personal_labels() -> dict[str, tuple[str, ...]]:
    data = json.loads((Path(__file__).parent / "data" / "personal.json").read_text(encoding="utf-8"))
    return {kind: tuple(words) for kind, words in data.items() if not kind.startswith("_")}


@cache
def _labelled() -> re.Pattern[str]:
    words = sorted({w for ws in personal_labels().values() for w in ws}, key=len, reverse=True)
    alternatives = "|".join(map(re.escape, words))
    return re.compile(r"(?i)(?<![\u4e00-\u9fff])(" + alternatives + r")(?:号码|号)?\s*[:：]\s*")


@cache
def _unlabelled() -> re.Pattern[str]:
    """A label with no colon, its value after a space, as the cells of a 基本信息 table are read (姓名  李晓梅
    性别  女): the label alone between the line's start or a space and a space."""
    words = sorted({w for ws in personal_labels().values() for w in ws}, key=len, reverse=True)
    return re.compile(r"(?i)(?:^|(?<=\s))(" + "|".join(map(re.escape, words)) + r")(?:号码|号)?\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class PersonalData:
    """What to keep out of an answer: personal values (masked everywhere) and the lines carrying them."""

    values: tuple[str, ...]
    lines: frozenset[int]

    def mask(self, text: str) -> str:
        for value in self.values:
            text = text.replace(value, MASK)
        for pattern in (EMAIL, ID_CARD, PHONE, STREET):
            text = pattern.sub(MASK, text)
        return text

    def scrub(self, answer: Any) -> Any:
        """``answer`` with every string in it masked (a last guard over the whole answer)."""
        if isinstance(answer, str):
            return self.mask(answer)
        if isinstance(answer, dict):
            return {k: self.scrub(v) for k, v in answer.items()}
        if isinstance(answer, list | tuple):
            return [self.scrub(v) for v in answer]
        return answer


def _label_values(line: str) -> list[str]:
    """Values after personal labels in one line: each runs to the next gap or the next label."""
    values = []
    for match in _labelled().finditer(line):
        rest = line[match.end() :]
        value = re.split(r"\s{2,}|\t|[|｜]|(?<=\S)\s(?=\S+\s*[:：])", rest, maxsplit=1)[0].strip()
        nxt = _labelled().search(value)
        value = value[: nxt.start()].strip() if nxt else value
        if value:
            values.append(value)
    if not values:
        values = [line[m.end() :].split()[0] for m in _unlabelled().finditer(line)]
    return values


def find_personal(lines: Sequence[str], personal_section: Sequence[int] = ()) -> PersonalData:
    """Personal values and the lines carrying them, in a résumé's lines (``personal_section``: line numbers
    under a 个人信息 heading, all of them personal)."""
    values: set[str] = set()
    flagged: set[int] = set(personal_section)
    for number, line in enumerate(lines):
        found = _label_values(line)
        if found or any(p.search(line) for p in (PHONE, EMAIL, ID_CARD, STREET)):
            flagged.add(number)
        values.update(v for v in found if len(v) >= 2)
        values.update(m.group(0) for p in (PHONE, EMAIL, ID_CARD, STREET) for m in p.finditer(line))
    for line in lines[:3]:  # the name heading a résumé, alone on its line or before the first gap
        head = re.split(r"\s+|[|｜]", line.strip(), maxsplit=1)[0]
        if head.lower() in _TITLE_WORDS or _unlabelled().match(line.strip()):
            continue
        if _CJK_NAME.match(head) and heading_of(head) is None:
            values.add(head)
            flagged.add(lines.index(line))
            break
    return PersonalData(tuple(sorted(values, key=len, reverse=True)), frozenset(flagged))
