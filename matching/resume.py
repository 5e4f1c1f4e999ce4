"""A résumé's text read into a matching profile, each value with its evidence (the résumé line it came from,
personal data masked) and how it was read (``via``), then echoed through the index as a match would.

Skills are found with the engine's own vocabulary and mention finder: every skill this fair lists and every
canonical of the alias list is searched in the résumé's lines as descriptions are (written out, through an
alias a recruiter reads the same way, or as a phrase in ordered chunks: 熟练使用Excel和金蝶, 持有C1驾照);
items of the 专业技能 and 证书 sections that none of them names are kept as written (会计证). Nothing about
the person is read: lines carrying personal data are skipped, and the answer is scrubbed of it.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from matching.index import MatchIndex
from matching.lexicon import UNKNOWN_WORD
from matching.mentions import CLAUSE_BREAK, TextCorpus
from matching.normalize import clauses, normalize
from matching.personal import find_personal
from matching.resume_text import (
    ITEMS,
    Line,
    date_ranges,
    degree_in,
    heading_of,
    labelled,
    major_in,
    parse_pay,
    resume_words,
    school_in,
    skill_core,
    split_lines,
)

SKILL_SECTIONS = ("skills", "certificates")
SECTION_ORDER = {"skills": 0, "certificates": 1, "awards": 2, "intention": 3, "experience": 4, "": 5}
MAX_EVIDENCE = 160
MAX_SKILLS = 50
_ITEM_SPLIT = re.compile(r"[、，,;；/|｜。()（）]|以及|和|及|与|做|进行|用于|\s+")


@dataclass(frozen=True, slots=True)
class SkillName:
    display: str
    key: str
    aliases: tuple[tuple[str, str], ...]  # (encoded alias, alias as written)


_NAMES: weakref.WeakKeyDictionary[MatchIndex, tuple[SkillName, ...]] = weakref.WeakKeyDictionary()


def _encode_text(index: MatchIndex, text: str) -> str:
    """A clause of running text as the index encodes it: a word unknown to the index stays as one symbol
    that no name holds, so the names beside it are still found (用友 in 熟悉Figma，懂用友)."""
    return index.reader.lexicon.encode(normalize(text))[0]


def _encode(index: MatchIndex, text: str) -> str:
    """A name's key, or "" when a word of it is unknown to the index (no skill of the fair is named so)."""
    key = _encode_text(index, text)
    return "" if UNKNOWN_WORD in key else key


def skill_names(index: MatchIndex) -> tuple[SkillName, ...]:
    """The fair's skills and the alias list's canonicals, encoded, with their running-text aliases."""
    names = _NAMES.get(index)
    if names is not None:
        return names
    aliases: dict[str, dict[str, str]] = {}
    for entry in index.reader.aliases.entries:
        for canonical in entry.canonicals:
            for alias in entry.aliases:
                if not alias.startswith("=") and (key := _encode(index, alias)) and len(key) >= 2:
                    aliases.setdefault(canonical, {})[key] = alias
    found: dict[str, SkillName] = {}
    for name in (*index.skills.displays, *index.reader.aliases.canonical_names()):
        key = _encode(index, name)
        if key and key not in found and (len(key) >= 2 or key >= "\U000f0000"):
            own = tuple(sorted((k, a) for k, a in aliases.get(name, {}).items() if k != key))
            found[key] = SkillName(name, key, own)
    names = tuple(found.values())
    _NAMES[index] = names
    return names


def _evidence(line: Line, mask: Any) -> str:
    # Masked over what is quoted and a margin (no personal value is longer), not a 60,000-character line.
    text = mask(line.raw[: MAX_EVIDENCE + 100])
    return text if len(text) <= MAX_EVIDENCE else text[: MAX_EVIDENCE - 1] + "…"


# Labelled lines whose value is no skill: the desired job (read as a title), the degree, major and school.
_NOT_SKILLS = ("titles", "education", "major", "school")


def _names_studies(line: Line) -> bool:
    """An education line (2019.09-2023.06 桂林理工大学 统计学 本科): its major is the major, not a skill.
    Other lines of the 教育背景 section (主修课程…, 英语六级) are read."""
    school, degree = school_in(line.text), degree_in(line.text)
    if line.section == "education":
        return bool(school or degree or date_ranges(line.text))
    return bool(school and degree)


def _skills(index: MatchIndex, lines: Sequence[Line], mask: Any) -> list[dict[str, Any]]:
    # Headings are no skills (证书), the desired jobs are read as titles, and the major as the major.
    lines = [x for x in lines if heading_of(x.text) is None and x.section != "intention"]
    lines = [x for x in lines if not _names_studies(x)]
    lines = [x for x in lines if not any(kind in _NOT_SKILLS for kind, _ in labelled(x.text))]
    encoded = [CLAUSE_BREAK.join(_encode_text(index, c) for c in clauses(line.text)) for line in lines]
    corpus = TextCorpus(encoded)
    found: list[tuple[tuple[int, int], dict[str, Any]]] = []
    for name in skill_names(index):
        hits = corpus.mentioning(name.key, [k for k, _ in name.aliases])
        if not hits:
            continue
        best = min(hits, key=lambda n: (-hits[n], SECTION_ORDER.get(lines[n].section, 5), n))
        line = lines[best]
        written = next((a for k, a in name.aliases if k in encoded[best]), None)
        via = "text" if name.key in encoded[best] else "alias" if written else "phrase"
        entry = {"value": name.display, "written": name.display if via != "alias" else written,
                 "evidence": _evidence(line, mask), "section": line.section, "via": via}  # fmt: skip
        found.append(((SECTION_ORDER.get(line.section, 5), best), entry))
    found = _outermost(index, found)
    known = [_encode(index, e["written"]) for _, e in found] + [_encode(index, e["value"]) for _, e in found]
    kept = 0  # at most MAX_SKILLS are answered: a page of made-up items costs no reading beyond them
    for line in (x for x in lines if x.section in SKILL_SECTIONS):
        body = re.split(r"[:：]", line.text, maxsplit=1)[-1]
        for item in _ITEM_SPLIT.split(body):
            item = skill_core(item)
            key = _encode(index, item)
            if not _plausible(item) or not key or any(key in k for k in known) or mask(item) != item:
                continue
            if (kept := kept + 1) > MAX_SKILLS:
                break
            reading = index.reader.skill(item)
            value = reading.forms[0].display if reading.forms and reading.via != "text" else item
            known.append(key)
            entry = {"value": value, "written": item, "evidence": _evidence(line, mask),
                     "section": line.section, "via": reading.via}  # fmt: skip
            found.append(((SECTION_ORDER.get(line.section, 5), line.number), entry))
    found.sort(key=lambda f: f[0])
    return list({e["value"]: e for _, e in reversed(found)}.values())[::-1][:MAX_SKILLS]


def _outermost(index: MatchIndex, found: list[tuple[tuple[int, int], dict[str, Any]]]) -> list:
    """Mentions not written inside another mention on the same line (驾照 inside C1驾照: only C1驾驶证)."""
    keys = [(place[1], _encode(index, e["written"])) for place, e in found]
    return [
        f
        for f, (line, key) in zip(found, keys, strict=True)
        if not any(line == other_line and key != other and key in other for other_line, other in keys)
    ]


def _plausible(item: str) -> bool:
    """A skill-section item kept as written: a short word or a few Latin words, not a sentence, nor a list
    number (the 1 of "1. 熟练使用…"), nor a level or a skill table's header (熟练, 技能名称), nor a length of
    time (驾龄3年)."""
    if not re.search(r"[A-Za-z\u4e00-\u9fff]", item) or item in resume_words()["skill_level"]:
        return False
    if re.search(r"\d\s*(?:年|个月)", item):  # a length of time (驾龄3年), not a skill's name
        return False
    if re.fullmatch(r"[A-Za-z0-9+#.\- ]{1,30}", item):
        return True
    return 2 <= len(item) <= 7 and re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9+#]+", item) is not None


def _education(lines: Sequence[Line], mask: Any) -> dict[str, Any] | None:
    pool = [x for x in lines if x.section == "education"] or list(lines)
    best = None
    for line in pool:
        fields = dict(labelled(line.text))
        degree = degree_in(fields.get("education", "")) or degree_in(line.text)
        school = fields.get("school") or school_in(line.text)
        if degree is None or (line.section != "education" and not school and "education" not in fields):
            continue
        if best is None or degree[2] > best[0][2]:
            best = (degree, school, line, fields)
    if best is None:
        return None
    (label, key, _), school, line, fields = best
    # 学历：大专 on one line, 毕业院校：… and 专业：… on others, as 基本信息 tables write them
    elsewhere = {
        kind: v for x in reversed(lines) for kind, v in labelled(x.text) if kind in ("school", "major")
    }
    school = school or elsewhere.get("school")
    ranges = date_ranges(line.text)
    major = fields.get("major") or major_in(line.text, school, label) or elsewhere.get("major")
    return {
        "value": key, "label": label, "school": school, "major": major and major_in(major, None, None),
        "start": ranges[0]["start"] if ranges else None, "end": ranges[0]["end"] if ranges else None,
        "evidence": _evidence(line, mask), "section": line.section, "via": "text",
    }  # fmt: skip


def _fields(line: Line) -> list[tuple[str, str]]:
    """A line's labelled fields; a line of the 求职意向 section with no label names the jobs wished for and
    may give the pay (会计、出纳 / 桂林 | 4000-6000元/月), beside words that are neither (全职, a city)."""
    fields = labelled(line.text)
    if fields or line.section != "intention" or heading_of(line.text) is not None:
        return fields
    body = re.split(r"[:：]", line.text, maxsplit=1)[-1]  # Objective: Software Engineer
    skip = resume_words()["intention_not_titles"]
    for item in (x.strip() for x in ITEMS.split(body) if x and x.strip()):
        if re.search(r"\d", item):
            fields.append(("pay", item))
        elif item not in skip and not item.endswith(("市", "省", "区", "县")):
            fields.append(("titles", item))
    return fields


def read_resume(index: MatchIndex, text: str) -> dict[str, Any]:
    """The profile a résumé's text gives, with evidence for every value; no personal data in it."""
    all_lines = split_lines(text)
    section = [x.number for x in all_lines if x.section == "personal"]
    personal = find_personal([x.text for x in all_lines], section)
    lines = [x for x in all_lines if x.number not in personal.lines]
    fielded = [x for x in all_lines if x.section != "personal" or labelled(x.text)]
    mask = personal.mask
    read: dict[str, Any] = {"skills": _skills(index, lines, mask), "titles": [], "industries": []}
    for line in fielded:
        for kind, value in _fields(line):
            if kind in ("titles", "industries"):
                for item in ITEMS.split(value):
                    item = item.strip()
                    if 2 <= len(item) <= 30 and item not in {e["value"] for e in read[kind]}:
                        read[kind].append({"value": item, "evidence": _evidence(line, mask),
                                           "section": line.section, "via": "text"})  # fmt: skip
            elif kind == "major" and "major" not in read and (major := major_in(value, None, None)):
                read["major"] = {"value": major, "evidence": _evidence(line, mask), "section": line.section,
                                 "via": "text"}  # fmt: skip
            elif kind == "pay" and "expected_salary" not in read and (pay := parse_pay(value)):
                read["expected_salary"] = {"value": pay[0], "min": pay[0], "max": pay[1],
                                           "evidence": _evidence(line, mask), "section": line.section,
                                           "via": "text"}  # fmt: skip
    # The personal block's labelled lines (学历：本科 under 基本信息) count too; their evidence is masked.
    education = _education([x for x in all_lines if x.number not in personal.lines or labelled(x.text)], mask)
    if education:
        read["education"] = education
        if education["major"] and "major" not in read:
            read["major"] = {"value": education["major"]} | {
                k: education[k] for k in ("evidence", "section", "via")
            }
    worked = [x for x in lines if x.section == "experience"]
    experience = [{**r, "evidence": _evidence(x, mask)} for x in worked for r in date_ranges(x.text)]
    profile = {
        "skills": [e["value"] for e in read["skills"]],
        "titles": [e["value"] for e in read["titles"]][:10],
        "industries": [e["value"] for e in read["industries"]],
        "education": education["value"] if education else None,
        "major": read.get("major", {}).get("value"),
        "expected_salary": read.get("expected_salary", {}).get("value"),
    }
    _echo(index, profile, read)
    answer = {
        "profile": {k: v for k, v in profile.items() if v not in (None, [])},
        "read": read,
        "experience": {"items": experience, "months": sum(r["months"] or 0 for r in experience)},
        "sections": list(dict.fromkeys(x.section for x in all_lines if x.section)),
    }
    return personal.scrub(answer)


def _echo(index: MatchIndex, profile: dict[str, Any], read: dict[str, Any]) -> None:
    """How the engine reads each value, as in a match answer's profile echo (matched, similarity…)."""
    echoed = index.match({k: v for k, v in profile.items() if k in ("skills", "titles", "industries") and v},
                         limit=1)["profile"]  # fmt: skip
    for kind in ("skills", "titles", "industries"):
        for entry, echo in zip(read[kind], echoed.get(kind, ()), strict=False):
            entry["echo"] = {k: v for k, v in echo.items() if k != "input"}
