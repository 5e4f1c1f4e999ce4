"""The plain-text side of reading a Chinese résumé: lines under their section headings (教育背景, 专业技能…),
labelled fields (求职意向：会计), date ranges (2019.09-2023.06, 2021年7月-至今), pay (5-6K, 5000-6000元,
0.5万-0.6万) and education lines (school, major, degree). Words are data: ``data/resume.json``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from matching import reference

_DECORATION = "\\s【】\\[\\]■□●○◆◇▌▍▶►★☆|｜:：·•\\-—_#*=~<>《》"
_DATE = r"((?:19|20)\d{2})\s*(?:[./\-年]\s*(\d{1,2})\s*月?)?"
_RANGE = re.compile(_DATE + r"\s*(?:[-~～—–至到]+|\s)\s*(?:" + _DATE + r"|(至今|现在|今))")
_PAY = re.compile(r"(\d+(?:\.\d+)?)\s*(k|千|w|万)?(?:\s*[-~～至到]\s*(\d+(?:\.\d+)?)\s*(k|千|w|万)?)?")
_UNITS = {"k": 1000, "千": 1000, "w": 10000, "万": 10000}
_MAJOR_NOISE = re.compile(
    r"GPA.*|绩点.*|排名.*|\d{4}届|全日制|统招|在读|学位|毕业|主修|专业[:：]?|学历[:：]?", re.IGNORECASE
)


@cache
def resume_words() -> dict[str, Any]:
    return json.loads((Path(__file__).parent / "data" / "resume.json").read_text(encoding="utf-8"))


@cache
def _skill_words(known_leads: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = resume_words()
    leads = [*words["skill_lead"], *(words["skill_lead_known"] if known_leads else ())]
    return tuple(sorted(leads, key=len, reverse=True)), tuple(
        sorted(words["skill_tail"], key=len, reverse=True)
    )


def skill_core(item: str, *, known_leads: bool = False) -> str:
    """A skill item without the verb that leads it and the word that ends it (熟练使用Excel -> Excel,
    持有教资 -> 教资, 初会证书 -> 初会); ``known_leads`` also strips the short leads (有, 会) that the caller
    keeps only where a known skill follows."""
    leads, tails = _skill_words(known_leads)
    item = item.strip(" .。:：()（）")
    if item.startswith(leads):  # one test for the common case, then the longest lead that matches
        item = item[len(next(lead for lead in leads if item.startswith(lead))) :]
    if item.endswith(tails):
        for tail in tails:
            if item.endswith(tail) and len(item) > len(tail) + 1:
                item = item[: -len(tail)]
                break
    return item.strip()


@cache
def _phrase_words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(what may lead a seeker's skill, one after another: the leads, short ones too, the modifiers and the
    joiners: 熟练使用, 会, 良好的, 并; the tails; the tails that follow a tool's name: 软件, 编程), longest
    first."""
    words = resume_words()
    leads, tails = _skill_words(True)
    starts = sorted([*leads, *words["skill_modifier"], *words["skill_joiner"]], key=len, reverse=True)
    return tuple(starts), tails, tuple(sorted(words["skill_tail_known"], key=len, reverse=True))


def around_a_skill(word: str) -> bool:
    """Whether ``word`` is itself one of the words around a seeker's skill (熟练, 了解, 经验, 优先): no skill
    however often the fair's texts hold it."""
    return word in _around()


@cache
def _around() -> frozenset[str]:
    starts, tails, _ = _phrase_words()
    return frozenset((*starts, *tails))


def _names_a_tool(text: str) -> bool:
    """Whether ``text`` ends as a Latin name does (CAD, C++, C#) or names a programming language (Go语言,
    C语言), so that 软件, 编程 or 开发 after it is a tail."""
    if text.endswith("语言") and len(text) > 2:
        return True
    return bool(text) and text[-1].isascii() and (text[-1].isalnum() or text[-1] in "+#")


# A figure noted beside a skill: how long the seeker has had it (3年Java, C1驾照 3年驾龄, Python 2年以上) or a
# test score (英语六级 520分, CET-6 550). A bare number is a score only with three digits after a space: a
# shorter one may be a version or a level (Vue 2, 二级 2).
_FIGURE = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)"  # 3, 2.5, 两, 十五, 半 (年)
_FIGURE_LEAD = re.compile(rf"^{_FIGURE}\s*(?:年以上|年多|年(?!级)|个月)(?:的)?\s*")
_FIGURE_TAIL = re.compile(
    rf"(?:\s*{_FIGURE}\s*(?:年以上|年多|年驾龄|年经验|年|个月)|\s*\d+(?:\.\d+)?\s*分|\s\d{{3,}})\s*$"
)


def skill_cores(item: str) -> list[str]:
    """What a seeker's skill phrase may name once the words around it are read off, longest first, the
    phrase itself not among them: the leads (short ones too), modifiers and joiners read off one after
    another (熟练掌握并运用Python -> 并运用Python -> 运用Python -> Python), each of those with and without one
    tail (办公软件操作 -> 办公软件), or a tool's tail after a Latin name (CAD软件 -> CAD, C++编程 -> C++;
    财务软件 is no 财务). The caller keeps the first it knows, so that short words are read off only where a
    known skill is left (有机化学 and 会计 stay whole)."""
    starts, tails, tool_tails = _phrase_words()
    written = item.strip(" .。:：()（）")
    item = _FIGURE_TAIL.sub("", _FIGURE_LEAD.sub("", written)) or written
    chain, rest = [item], item
    while rest.startswith(starts):  # one test for the common case, then the longest word that leads
        word = next((w for w in starts if rest.startswith(w) and len(rest) > len(w)), None)
        if word is None:
            break
        rest = rest[len(word) :].strip()
        chain.append(rest)
    cores: dict[str, None] = {}
    for text in chain:
        cores[text] = None
        if text.endswith(tails):
            for tail in tails:
                if text.endswith(tail) and len(text) > len(tail) + 1:
                    cores.setdefault(text[: -len(tail)].strip(), None)
        if text.endswith(tool_tails):
            for tail in tool_tails:
                if text.endswith(tail) and _names_a_tool(name := text[: -len(tail)].strip()):
                    cores.setdefault(name, None)
    cores.pop(written, None)
    return sorted(cores, key=len, reverse=True)


@cache
def _headings() -> dict[str, str]:
    return {word: section for section, words in resume_words()["sections"].items() for word in words}


def heading_of(text: str) -> str | None:
    """The section a heading line opens (教育背景 -> education), or None when the text is no heading. An
    English name after the heading is read off (教育背景 Education); Latin text after a colon is a label's
    value (技能：Python), not a heading's English name."""
    stripped = text.strip(_DECORATION)
    if re.search(r"[:：]\s*[A-Za-z]", stripped):
        return None
    if (english := _headings().get(stripped.casefold())) is not None:
        return english  # Education, Work Experience
    core = re.sub(r"[\sA-Za-z&/]+$", "", stripped).strip(_DECORATION)
    return _headings().get(core)


@cache
def _personal_labels() -> dict[str, list[str]]:
    return json.loads((Path(__file__).parent / "data" / "personal.json").read_text(encoding="utf-8"))


@cache
def _grid_start() -> re.Pattern[str]:
    """A line opening with a label and a space, no colon: a row of a 基本信息 grid (学历 本科 专业 会计学)."""
    words = {w for group in (resume_words()["labels"], _personal_labels()) for ws in group.values()
             if isinstance(ws, list) for w in ws}  # fmt: skip
    return re.compile("(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r") \S")


@cache
def _spaced_labels() -> re.Pattern[str]:
    """Headings and labels spaced out to line them up (姓    名, 教 育 背 景, a full-width space in the
    template: 学　历), as templates and their PDF exports write them."""
    words = resume_words()
    personal = _personal_labels()
    found = {
        w
        for group in (words["sections"], words["labels"], personal)
        for ws in group.values()
        if isinstance(ws, list)
        for w in ws
        if 2 <= len(w) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", w)
    }
    spaced = sorted((r"\s+".join(w) for w in found), key=len, reverse=True)
    return re.compile(r"(?<![\u4e00-\u9fff])(?:" + "|".join(spaced) + r")(?![\u4e00-\u9fff])")


@dataclass(frozen=True, slots=True)
class Line:
    number: int
    text: str  # NFKC, spaces folded: what is parsed
    raw: str  # as written, spaces folded: what evidence quotes
    section: str  # a key of ``sections`` in resume.json, or "" before the first heading


def split_lines(text: str) -> list[Line]:
    """Non-empty lines, each under the section whose heading came last (a heading line belongs to it)."""
    lines, section = [], ""
    for written in text.replace("\r", "\n").split("\n"):
        raw = " ".join(written.split())
        line = " ".join(unicodedata.normalize("NFKC", raw).split())
        line = _spaced_labels().sub(lambda m: "".join(m.group(0).split()), line)
        if not line:
            continue
        opened = heading_of(line)
        if opened is None:
            head = re.split(r"[:：]", line, maxsplit=1)
            inline = heading_of(head[0]) if len(head) == 2 else None
            lines.append(Line(len(lines), line, raw, inline or section))
        else:
            section = opened
            lines.append(Line(len(lines), line, raw, section))
    return lines


@cache
def _field_pattern() -> re.Pattern[str]:
    labels = resume_words()["labels"]
    words = sorted({w for ws in labels.values() for w in ws}, key=len, reverse=True)
    return re.compile(r"(?<![\u4e00-\u9fff])(" + "|".join(map(re.escape, words)) + r")\s*([:：]?)\s*")


@cache
def _field_kind() -> dict[str, str]:
    return {w: kind for kind, ws in resume_words()["labels"].items() for w in ws}


# Items of a list of jobs: list marks, or spaces beside Chinese (会计 出纳), never between two Latin words
# (Java Developer is one job).
ITEMS = re.compile(r"[/、,，;；|｜]|\s{2,}|(?<![A-Za-z])\s+|\s+(?![A-Za-z])")


def labelled(line: str) -> list[tuple[str, str]]:
    """(kind, value) of each labelled field in one line (``titles``, ``pay``, ``major``…); a label needs a
    colon unless it has four characters or more (期望薪资5-6K), or stands between spaces in a line that opens
    with a label and a space, as a grid of labels and values is read (姓名 王芳 学历 本科 专业 会计学)."""
    grid = _grid_start().match(line) is not None

    def spaced(m: re.Match[str]) -> bool:
        return (m.start() == 0 or line[m.start() - 1] == " ") and line[m.end(1) : m.end(1) + 1] == " "

    found = [
        m
        for m in _field_pattern().finditer(line)
        if m.group(2) or len(m.group(1)) >= 4 or (grid and spaced(m))
    ]
    fields = []
    for n, match in enumerate(found):
        end = found[n + 1].start() if n + 1 < len(found) else len(line)
        value = line[match.end() : end].strip(" |｜;；,，")
        if value:
            fields.append((_field_kind()[match.group(1)], value))
    return fields


def _month(year: str | None, month: str | None) -> str | None:
    if not year:
        return None
    number = int(month) if month and 1 <= int(month) <= 12 else 1
    return f"{year}-{number:02d}"


def date_ranges(line: str) -> list[dict[str, Any]]:
    """Date ranges in a line: {"start": "2019-09", "end": "2023-06" or None, "current": bool, "months"}."""
    ranges = []
    for m in _RANGE.finditer(line):
        start, end = _month(m.group(1), m.group(2)), _month(m.group(3), m.group(4))
        current = bool(m.group(5))
        months = None
        if start and end:
            (y1, m1), (y2, m2) = (map(int, start.split("-")), map(int, end.split("-")))
            months = max(0, (y2 - y1) * 12 + m2 - m1) + 1  # both months count
        if start and (end or current) and (not end or end >= start):
            ranges.append({"start": start, "end": end, "current": current, "months": months})
    return ranges


def parse_pay(value: str) -> tuple[int, int] | None:
    """(min, max) monthly pay from 5-6K, 5k-6k, 5000-6000元, 0.5万-0.6万, 6000; None for 面议."""
    text = unicodedata.normalize("NFKC", value).lower().replace(",", "")
    if "面议" in text:
        return None
    m = _PAY.search(text)
    if not m:
        return None
    low, low_unit, high, high_unit = m.groups()
    unit_low = _UNITS.get(low_unit or high_unit or "", 1)
    unit_high = _UNITS.get(high_unit or low_unit or "", 1)
    numbers = [float(low) * unit_low, float(high) * unit_high if high else float(low) * unit_low]
    if max(numbers) < 100:  # 5-6 with no unit: thousands, as seekers write it
        numbers = [n * 1000 for n in numbers]
    if "年" in text:  # a yearly figure
        numbers = [n / 12 for n in numbers]
    lo, hi = sorted(round(n) for n in numbers)
    return (lo, hi) if 500 <= lo <= 1_000_000 else None


@cache
def _degrees() -> list[tuple[str, str, int]]:
    # A tier (985, 二本) or 专升本 names a degree only as the whole input: inside a line it is a note on the
    # degree beside it (本科（专升本）), or digits of something else (a phone number holds 211).
    noise = reference.education_noise_words()
    pairs = [
        (label, level.key, level.rank)
        for level in reference.education_levels()
        if level.rank > 0
        for label in level.labels
        if "及" not in label and "以上" not in label and "/" not in label and label.casefold() not in noise
    ]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


@cache
def _school() -> re.Pattern[str]:
    suffixes = sorted(resume_words()["schools"], key=len, reverse=True)
    ends = "|".join(map(re.escape, suffixes))
    # The whole name: 广西师范大学漓江学院, not 广西师范 nor 广西师范大学; 桂林师范高等专科学校, not 桂林师范.
    return re.compile(r"[\u4e00-\u9fff]{1,20}?(?:" + ends + r")(?![\u4e00-\u9fff]*(?:" + ends + r"))")


@cache
def _english_degrees() -> list[tuple[re.Pattern[str], str, int]]:
    ranks = {level.key: level.rank for level in reference.education_levels()}
    return [
        (re.compile(r"(?<![A-Za-z])" + re.escape(word) + r"(?![A-Za-z])", re.IGNORECASE), key, ranks[key])
        for key, words in resume_words()["degrees_english"].items()
        if key in ranks
        for word in words
    ]


@cache
def _english_school() -> re.Pattern[str]:
    ends = "|".join(map(re.escape, resume_words()["schools_english"]))
    # Guilin University of Electronic Technology, Guangxi Normal University
    name = r"[A-Z][A-Za-z.&'-]*"
    return re.compile(rf"(?:{name} ){{0,6}}(?:{ends})(?: of(?: (?:and |the )?{name}){{1,6}})?")


def degree_in(line: str) -> tuple[str, str, int] | None:
    """(label as written, education key, rank) of the degree a line names (本科, 大专, 硕士…; in English:
    Bachelor, B.Eng., Master)."""
    for label, key, rank in _degrees():
        if label in line:
            return label, key, rank
    for pattern, key, rank in _english_degrees():
        if match := pattern.search(line):
            return match.group(0), key, rank
    return None


def school_in(line: str) -> str | None:
    match = _school().search(line) or _english_school().search(line)
    return match.group(0) if match else None


def major_in(line: str, school: str | None, degree: str | None) -> str | None:
    """The major an education line names: what is left once dates, school and degree are taken out."""
    text = _RANGE.sub(" ", line)
    for part in (school, degree):
        if part:
            text = text.replace(part, " ")
    text = _MAJOR_NOISE.sub(" ", text)
    # Chinese chunks between spaces and marks; Latin words one space apart are one (Computer Science).
    for chunk in re.split(
        r"[|｜/,，;；、()（）\[\]【】:：\-—·.]+|\s{2,}|(?<![A-Za-z])\s|\s(?![A-Za-z])", text
    ):
        chunk = chunk.strip()
        single = re.fullmatch(r"[\u4e00-\u9fffA-Za-z]{2,15}", chunk)
        words = re.fullmatch(r"[A-Za-z]+(?: [A-Za-z]+){1,5}", chunk)
        if (single or words) and not degree_in(chunk):
            return chunk
    return None
