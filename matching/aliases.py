"""The curated skill alias list (``data/skill_aliases.tsv``) read into lookup tables.

Every alias and canonical is keyed by its compact normalised form. Three tables come out of the file:
whole-skill aliases (``k8s`` -> Kubernetes, ``教资`` -> 教师资格证), word-level aliases applied inside longer
texts (only Latin alias to Latin canonical, never marked ``=``), and the Latin terms that several written
words may join into (``spring boot`` -> ``springboot``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Container
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from matching.credentials import credential_core
from matching.normalize import compact, has_cjk, normalize

ALIASES_PATH = Path(__file__).parent / "data" / "skill_aliases.tsv"
_LATIN_TERM = re.compile(r"[a-z0-9+#.]+")
# A compact key of one Latin code and one Chinese word, in either order (驾驶证c1, c1驾驶证; 证书cet4).
# The two classes are disjoint, so matching is linear in the key's length.
_CODE_AND_WORD = re.compile(r"([a-z0-9+#.]+)([^a-z0-9+#.]+)|([^a-z0-9+#.]+)([a-z0-9+#.]+)")
_LETTER = re.compile(r"[a-z]")
# A tool's name (three letters or more) and its version: a year, or a number with its minor parts (excel2016,
# c++11, java8, python3.8, vue2.x). Not CET4, C1, ES6, ISO14001: short names, and numbers that are no version.
_VERSIONED = re.compile(r"([a-z][a-z+#]{2,})v?(?:19\d\d|20\d\d|\d{1,2}(?:\.?\d{1,2})?(?:\.?x)?)")


@dataclass(frozen=True, slots=True)
class AliasEntry:
    canonicals: tuple[str, ...]
    aliases: tuple[str, ...]
    category: str
    note: str


@dataclass(frozen=True, slots=True)
class AliasTable:
    entries: tuple[AliasEntry, ...]
    whole: dict[str, tuple[str, ...]]
    word_level: dict[str, str]
    terms: frozenset[str]
    # A credential's core (``credential_core``) -> the skill every credential of the list with that core
    # names: 护士执业证书 is 护士执业资格证 through 护士证, 导游资格证书 is 导游证. Cores two skills share
    # are left out.
    papers: dict[str, tuple[str, ...]]

    def canonicals_of(self, text: str) -> tuple[str, ...] | None:
        """The canonical skill(s) a whole skill string stands for, or None when it is no known skill. A
        code and a word are read in either order (驾驶证C1 as C1驾驶证), a skill's Latin and Chinese names
        written together as the skill (Office办公软件 as Office), a tool's version is read off
        (Excel2016 as Excel), and a credential is known by its core (执业医师证 as 医师资格证)."""
        key = compact(text)
        found = self.whole.get(key)
        if found is None and (turned := _CODE_AND_WORD.fullmatch(key)):
            code, word, first, last = turned.groups()
            if _LETTER.search(code or last):  # a code, not a number (2023年)
                found = self.whole.get(word + code if code else last + first)
            if found is None and (named := self.whole.get(code or last)) == self.whole.get(word or first):
                found = named  # one skill named in both scripts (Office办公软件, 办公软件office)
        if found is None and (versioned := _VERSIONED.fullmatch(key)):
            found = self.whole.get(versioned.group(1))
        if found is None and (core := credential_core(key)):
            found = self.papers.get(core)
        return found

    def canonical_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(name for entry in self.entries for name in entry.canonicals))


def cross_script_groups(table: AliasTable) -> tuple[tuple[str, ...], ...]:
    """One skill's Latin name with its Chinese names (Android: 安卓; CNC: 数控; SEO: 搜索引擎优化),
    normalised: one thing named in two scripts, which job titles use alike (安卓开发 / Android开发工程师),
    so titles read them as synonyms too. Aliases marked ``=`` (whole input only) are left out."""
    groups = []
    for entry in table.entries:
        canonical = normalize(entry.canonicals[0])
        if len(entry.canonicals) != 1 or not _is_latin(canonical.replace(" ", "")):
            continue
        # A Chinese name, or the Latin name with 语言 after it (Go语言, C语言: as titles write a language).
        spoken = compact(canonical) + "语言"
        written = (
            a
            for a in entry.aliases
            if not a.startswith("=") and (not _LETTER.search(compact(a)) or compact(a) == spoken)
        )
        chinese = list(dict.fromkeys(a for a in map(normalize, written) if has_cjk(a)))
        # Only the names themselves: in a title 数控编程 is 数控 + 编程, which 数控 alone rewrites as CNC +
        # 编程 (as a whole it would lose the 编程 that tells CNC编程员 from CNC操作工).
        if names := [a for a in chinese if not any(b != a and b in a for b in chinese)]:
            groups.append((canonical, *names))
    return tuple(groups)


# Latin initials of a Chinese-named skill: a word of two to four letters (NLP, MCU, CET4), which titles write
# for the Chinese name; longer English names (accounting, project management) are words of their own there.
_INITIALS = re.compile(r"[a-z]{2,4}\d?")


def initials_groups(table: AliasTable) -> tuple[tuple[str, ...], ...]:
    """A Chinese-named skill with its Latin initials (自然语言处理: NLP; 单片机: MCU), normalised: one thing
    named in two scripts, so titles read them as synonyms too (NLP算法工程师 / 自然语言处理算法研究员).
    Read after the other groups, so that a name one of them holds brings its initials into that group
    (人力资源管理, a job word of 人事, with HRM). Aliases marked ``=`` (whole input only: ML) are left
    out."""
    groups = []
    for entry in table.entries:
        canonical = normalize(entry.canonicals[0])
        if len(entry.canonicals) != 1 or _is_latin(canonical.replace(" ", "")):
            continue
        latin = (normalize(a) for a in entry.aliases if not a.startswith("="))
        if names := list(dict.fromkeys(a for a in latin if _INITIALS.fullmatch(a))):
            groups.append((canonical, *names))
    return tuple(groups)


def job_word_groups(table: AliasTable, job_words: Container[str]) -> tuple[tuple[str, ...], ...]:
    """Each skill with the job words among its names (仓储管理 with 仓库管理 and 仓管; 烘焙 with 烘焙师 and
    西点师; 法律事务 with 法务), normalised: a title names the work by its job word, so the skill, read as the
    alias list reads it, meets that job's titles as its job word does. ``job_words``: the normalised words of
    the title synonym groups. Aliases marked ``=`` (whole input only: 财务, HR) are left out."""
    groups = []
    for entry in table.entries:
        canonical = normalize(entry.canonicals[0])
        if len(entry.canonicals) != 1 or canonical in job_words:
            continue
        whole_skill = (a for a in entry.aliases if not a.startswith("="))
        if named := [a for a in map(normalize, whole_skill) if a in job_words]:
            groups.append((canonical, *named))
    return tuple(groups)


def _is_latin(key: str) -> bool:
    return bool(key) and not has_cjk(key) and bool(_LATIN_TERM.fullmatch(key))


def parse_aliases(lines: list[str]) -> AliasTable:
    """Read TSV lines (``#`` comments, a header row) into an ``AliasTable``; conflicting aliases raise."""
    rows = csv.reader((ln for ln in lines if ln.strip() and not ln.startswith("#")), delimiter="\t")
    header = next(rows)
    if header[:2] != ["canonical", "aliases"]:
        raise ValueError(f"skill alias header must start with canonical, aliases: {header}")
    entries: list[AliasEntry] = []
    whole: dict[str, tuple[str, ...]] = {}
    word_level: dict[str, str] = {}
    terms: set[str] = set()

    def claim(key: str, canonicals: tuple[str, ...], line: int) -> None:
        if whole.get(key, canonicals) != canonicals:
            raise ValueError(f"alias {key!r} (row {line}) already means {whole[key]}")
        whole[key] = canonicals

    for line, row in enumerate(rows, start=2):
        row += [""] * (4 - len(row))
        canonicals = tuple(name.strip() for name in row[0].split(";") if name.strip())
        written = tuple(a.strip() for a in row[1].split("|") if a.strip())
        if not canonicals:
            raise ValueError(f"row {line} has no canonical skill")
        entries.append(AliasEntry(canonicals, written, row[2].strip(), row[3].strip()))
        if len(canonicals) == 1:
            claim(compact(canonicals[0]), canonicals, line)
        canonical_key = compact(canonicals[0])
        for alias in written:
            whole_only = alias.startswith("=")
            key = compact(alias.lstrip("="))
            claim(key, canonicals, line)
            if _is_latin(key):
                terms.add(key)
                if (
                    not whole_only
                    and len(canonicals) == 1
                    and _is_latin(canonical_key)
                    and key != canonical_key
                ):
                    word_level[key] = canonical_key
        terms.update(key for key in map(compact, canonicals) if _is_latin(key))
    papers: dict[str, set[tuple[str, ...]]] = {}
    for key, canonicals in whole.items():
        if core := credential_core(key):
            papers.setdefault(core, set()).add(canonicals)
    cores = {core: named.pop() for core, named in papers.items() if len(named) == 1}
    return AliasTable(tuple(entries), whole, word_level, frozenset(terms), cores)


@cache
def skill_aliases() -> AliasTable:
    """The project's alias table, read once."""
    return parse_aliases(ALIASES_PATH.read_text(encoding="utf-8").splitlines())
