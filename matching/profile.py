"""Reading a validated seeker profile into what the index compares: skill forms, titles, industries, levels.

A skill input is read, in order: as a known skill or alias (``k8s`` -> Kubernetes, ``ＥＸＣＥＬ`` ->
Excel, 教資 -> 教师资格证); with misspelt Latin words corrected to the index's terms (``Pyhton`` -> Python,
confidence below 1); as pinyin or mixed pinyin of a Chinese skill or job word (``kuaiji``, ``会ji`` -> 会计,
``pugong`` -> 普工); as the skill a Chinese input with a wrong character of the same sound meant (会记 ->
会计) or a slip of the keyboard (计会, 数据析), unless the fair's own texts hold it as written; as each skill
of a family named without its number (ISO -> ISO9001, ISO14001; CET -> 英语四级, 英语六级), at 0.9; as the
known skill a phrase holds once its leading verb and ending word are read off (有C1驾照 -> C1驾驶证); else as
written. Several skills typed into one input (Excel、Word、PPT; Java Python) are read as those skills, and
an input that says none or any (无, 不限) as empty. A short skill naming different things by trade (AI) is
also read as what it names in the trade of the seeker's other skills and wishes. A desired title spelt in
pinyin, with a wrong character or a slip is read the same way, as the fair's job word, and one written in
English words as Chinese titles write it (process engineer -> 工艺工程师). Readings are cached per index,
since seekers repeat the same few hundred skills.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from sys import getsizeof
from typing import Any

from matching import reference
from matching.aliases import AliasTable
from matching.credentials import credential_core
from matching.industry import before_employer_word, named_industry, resolve_industry_text, trade_words
from matching.lexicon import UNKNOWN_WORD, Lexicon, is_named_word
from matching.majors import full_major
from matching.memo import BUDGETS, OBJECT_BYTES, ByteCache
from matching.mentions import crossed
from matching.normalize import CJK_CLASS, a_word, compact, has_cjk, is_cjk, normalize, prefold
from matching.pinyin import PinyinTable
from matching.resume_text import around_a_skill, resume_words, skill_cores
from matching.similarity import generic_terms
from matching.skills import SkillForm
from matching.title_space import TitleInput
from matching.titles import clean_title, english_titles, role_words, title_core, title_rules

# List marks and joining words: between jobs a seeker would take alike (会计/出纳, 会计或出纳, 销售和客服),
# and between skills typed into one input (Excel、Word、PPT; Excel和PPT; Excel或WPS), where a plus or an
# ampersand joins them too (PS+AI, SolidWorks&CAD), not a plus beside another (C++); a space does not.
_JOINED = r"或者|以及|[、,，;；|｜/／或和及与]"
_WISHES = re.compile(_JOINED)
# Between two Chinese jobs a space lists them too (行政文员 前台), where the whole is no job of the fair's.
_SPACED_WISHES = re.compile(f"(?<=[{CJK_CLASS}])\\s+(?=[{CJK_CLASS}])")
_LIST = re.compile(_JOINED + r"|[&＆]|(?<![+＋])[+＋](?![+＋])")
# A list's own mark before an item: a number (1. 2、 (3) 4）), a circled one, a bullet. Not a figure (1.5).
_ITEM_MARK = re.compile(
    r"^\s*(?:[\u2460-\u2473\u2776-\u277f\u2780-\u2793]|[(（]?\d{1,2}[)）.．、](?!\d)|[•·●▪■◆◇★☆►▶*]+)\s*"
)
_ITEM_LABEL = re.compile(r"^\s*[\u4e00-\u9fff]{1,6}\s*[:：]\s*(?=\S)")  # 证书：, 技能：
_GRADED = re.compile(r"(?P<before>.*?)(?P<grade>初级|中级|高级|副高级|正高级)职称(?P<after>.*)")
_BRACKETS = re.compile(r"[()（）【】\[\]]")
_ENUMERATED = re.compile(r"[、,，;；|｜]")  # marks that only enumerate (a slash or a plus may join names)
_SHORT_LATIN = re.compile(r"[a-z0-9]{1,2}")
_LATIN_WORD = re.compile(r"[a-z][a-z0-9+#.]*|\d+[a-z][a-z0-9+#.]*")
_LATIN_LEAD = re.compile(r"[a-z][a-z0-9+#. ]*")  # a cleaned wish's leading Latin word (selenium测试)
_SPACED = re.compile(r"\S\s+\S")  # words apart: perhaps several skills typed into one input (Java Python)
MAX_WISH_PARTS = 4
NO_PREFERENCE_PATH = Path(__file__).parent / "data" / "no_preference.json"
CONTEXT_PATH = Path(__file__).parent / "data" / "context_aliases.json"
# How a short skill named by trade may have been read alone: as written (AI), or by a whole-skill alias naming
# one trade's skill (PR: Premiere), which ``in_context`` replaces by another trade's where only that one is
# beside it.
READ_BY_TRADE = frozenset({"text", "alias"})
CONTEXT_CONFIDENCE = 0.9  # a short skill's meaning in the seeker's trade (AI beside Photoshop: Illustrator)
PINYIN_CONFIDENCE = 0.9
PINYIN_SLIP_CONFIDENCE = 0.8  # pinyin with one slip of a letter (kauiji for kuaiji)
HOMOPHONE_CONFIDENCE = 0.8  # one wrong character of the same sound
SLIP_CONFIDENCE = 0.8  # two characters swapped, one doubled or one left out
READ_AS_WRITTEN = {"text", "alias"}  # readings sure enough to read an industry name into (not typos, pinyin)
UNNAMED_DROPPED_CONFIDENCE = 0.6  # a wish read without a Latin word no title holds (APP测试 as 测试)
TRANSLATED_CONFIDENCE = 0.8  # a wish in English words read as the Chinese title (as a group's English word)
FAMILY_CONFIDENCE = 0.9  # a family's name (ISO) for each of its numbered skills (ISO9001)
_NUMBERED = re.compile(r"([a-z]{3,})(\d{1,5})")  # a compact key: a Latin name and its number (iso9001)


MAX_CROSSING = 8  # characters of the longest word looked for across a core's ends (``_held_core``)


class _KnownOrDictionary:
    """Words of the fair (``known``) or of pypinyin's phrase dictionary, as one container."""

    def __init__(self, known: Container[str]) -> None:
        self.known = known

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self.known or a_word(word))


@cache
def _too_general() -> frozenset[str]:
    """Words too general to be a seeker's skill alone, though texts hold them (能力, 业务: resume.json)."""
    return frozenset(resume_words()["skill_too_general"])


def _industry(text: str, *, whole: bool = False) -> IndustryInput:
    """A preferred industry as typed: the fair industries it names (``whole``: as a whole only, as a wish
    does), or else the kind of employer it names (国企, 央企, 民企: the labels of data/ownership.json),
    preferred the way an industry is."""
    keys = named_industry(text) if whole else resolve_industry_text(text)
    return IndustryInput(text, keys, ownership=None if keys else reference.ownership_key(text))


def _not_short(word: str) -> bool:
    """Whether a wish's part may be read as a skill without the rest: not a Latin word of two letters or
    fewer, which names different things by the job beside it (PR专员 is public relations, not Premiere)."""
    return not _SHORT_LATIN.fullmatch(word.strip())


def _unmarked(text: str) -> str | None:
    """An input without the list mark before it (1. Java, ①会计), or None where it has none."""
    mark = _ITEM_MARK.match(text)
    return text[mark.end() :] if mark and text[mark.end() :].strip() else None


@cache
def _trailing_note() -> re.Pattern[str]:
    """A bracketed note ending a prefolded skill: the brackets ``clean_title`` drops (data/titles.json)."""
    return re.compile(f"(?:{title_rules().brackets.pattern})\\s*$")


@cache
def _no_preference() -> frozenset[str]:
    """Whole inputs that say "none" or "any" (不限, 无, 都可以), compact and normalised: read as empty."""
    words = json.loads(NO_PREFERENCE_PATH.read_text(encoding="utf-8"))["words"]
    return frozenset(compact(normalize(w)) for w in words)


def _papers(fair: Mapping[str, int], aliases: AliasTable) -> dict[str, str]:
    """What a credential names (its core, ``credential_core``: 护士) -> the credential, by the alias list's
    papers and, for the others, the fair's skills (a core two of them share left out)."""
    named: dict[str, set[str]] = {}
    for name in fair:
        if core := credential_core(compact(name)):
            named.setdefault(core, set()).add(name)
    papers = {core: names.pop() for core, names in named.items() if len(names) == 1}
    return papers | {core: canonicals[0] for core, canonicals in aliases.papers.items()}


@dataclass(frozen=True, slots=True)
class ContextAliases:
    """``data/context_aliases.json``: compact short skill -> category -> the canonical skills it names there,
    and category -> the words of desired titles in it."""

    skills: dict[str, dict[str, tuple[str, ...]]]
    title_words: dict[str, tuple[str, ...]]
    longest: int  # characters of the longest short skill, compact


@cache
def context_aliases() -> ContextAliases:
    data = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))
    skills = {
        compact(short): {category: tuple(names) for category, names in meanings.items()}
        for short, meanings in data["skills"].items()
    }
    words = {category: tuple(map(prefold, w)) for category, w in data["title_words"].items()}
    return ContextAliases(skills, words, max(map(len, skills), default=0))


def _education(value: str) -> str | None:
    """An education key from a key or one of its labels (本科 -> bachelor)."""
    return reference.resolve_education(value).key


@cache
def _education_ranks() -> dict[str, int]:
    return {level.key: level.rank for level in reference.education_levels()}


def _numbered_families(
    positions_by_name: Mapping[str, int], aliases: AliasTable
) -> dict[str, tuple[str, ...]]:
    """A Latin name of three letters or more -> the skills it names with a number after it, the fair's and
    the alias list's (iso -> ISO9001, ISO14001; cet -> 英语四级, 英语六级 through CET4, CET6). Not for a
    name that is a skill or an alias of its own: that is read as itself."""
    fair = {compact(name): (name,) for name in positions_by_name}
    known = aliases.whole.keys() | fair.keys()
    families: dict[str, dict[str, None]] = {}
    for key, names in [*fair.items(), *aliases.whole.items()]:
        numbered = _NUMBERED.fullmatch(key)
        if numbered and len(names) == 1 and (stem := numbered.group(1)) not in known:
            families.setdefault(stem, {}).update(dict.fromkeys(names))
    return {stem: tuple(names) for stem, names in families.items()}


@dataclass(frozen=True, slots=True)
class SkillInput:
    input: str
    forms: tuple[SkillForm, ...]
    via: str  # "text", "alias", "typo", "pinyin", "list", "phrase" (skills inside a phrase) or "empty"
    wish: bool = False  # a desired title read as a skill (``SeekerQuery.with_wishes_as_skills``)


def _distinct_forms(forms: Iterable[SkillForm]) -> tuple[SkillForm, ...]:
    """The forms with each key once, the first of each kept, in order."""
    kept: dict[str, SkillForm] = {}
    for form in forms:
        kept.setdefault(form.key, form)
    return tuple(kept.values())


def _input_bytes(value: SkillInput | TitleInput) -> int:
    """Bytes one read input holds (``memo``): its strings and objects."""
    if isinstance(value, SkillInput):
        forms = sum(OBJECT_BYTES + getsizeof(f.key) + getsizeof(f.display) for f in value.forms)
        return 2 * OBJECT_BYTES + getsizeof(value.input) + forms
    return OBJECT_BYTES + sum(map(getsizeof, (value.input, value.key, value.core, value.cleaned, value.part)))


@dataclass(frozen=True, slots=True)
class IndustryInput:
    input: str
    keys: tuple[str, ...]
    skill: bool = False  # a skill input the fair has nowhere, naming an industry (电子商务): read as one
    ownership: str | None = None  # naming no industry but a kind of employer (国企, 民企): prefers that kind
    wish: bool = False  # a desired title like no title of the fair, naming an industry (互联网): read as one


@dataclass(frozen=True, slots=True)
class SeekerQuery:
    skills: tuple[SkillInput, ...] = ()
    titles: tuple[TitleInput, ...] = ()
    title_of: tuple[int, ...] = ()  # each title's desired title (several jobs in one: 会计/出纳); () one each
    industries: tuple[IndustryInput, ...] = ()
    education: str | None = None
    education_rank: int | None = None
    expected_salary: float | None = None
    major: str | None = None
    major_key: str = ""
    filters: Mapping[str, Any] = field(default_factory=dict)

    def skill_forms(self) -> tuple[list[SkillForm], list[int]]:
        """Distinct skill forms, and for each the number of the input it came from."""
        forms: dict[str, tuple[SkillForm, int]] = {}
        for number, skill in enumerate(self.skills):
            for form in skill.forms:
                if form.key and form.key not in forms:
                    forms[form.key] = (form, number)
        return [f for f, _ in forms.values()], [n for _, n in forms.values()]

    def with_wishes_as_skills(
        self,
        instead: Callable[[TitleInput], SkillInput | None],
        too: Callable[[TitleInput], SkillInput | None] = lambda _: None,
    ) -> SeekerQuery:
        """This query with each desired title that reads as a skill (``instead``: one that finds no title
        of the fair and is a known skill, CAD, PS, R语言, C开发, 驾照) read as that skill instead: what a
        seeker puts in the wish field for the work they can do. It stays among the titles, unscored. A
        desired title that ``too`` reads as a skill (one that finds titles only by part of its words:
        项目管理) is read as that skill besides, and stays a desired title."""
        skills, titles = list(self.skills), list(self.titles)
        for n, title in enumerate(self.titles):
            if not title.key or title.part:
                continue
            if (read := instead(title)) is not None:
                titles[n] = replace(title, key="", core="", as_skill=True)
            elif (read := too(title)) is None:
                continue
            skills.append(replace(read, input=title.input, wish=True))
        if len(skills) == len(self.skills):
            return self
        return replace(self, skills=tuple(skills), titles=tuple(titles))

    def with_wishes_read_again(
        self, finds_nothing: Callable[[TitleInput], bool], again: Callable[[TitleInput], TitleInput | None]
    ) -> SeekerQuery:
        """This query with each desired title that finds no title of the fair read again (``again``: without
        a word no title holds), where it reads so."""
        titles = [(again(t) or t) if t.key and not t.part and finds_nothing(t) else t for t in self.titles]
        return self if titles == list(self.titles) else replace(self, titles=tuple(titles))

    def with_wish_as_major(
        self, finds_nothing: Callable[[TitleInput], bool], major_of: Callable[[TitleInput], str | None]
    ) -> SeekerQuery:
        """This query with the first desired title that finds no title of the fair and names a major some
        positions ask for (``major_of``: its encoded major, else None) read as the seeker's major, where
        the profile names none: a graduate puts their 专业 in the wish field (机电一体化, 计算机科学与技术).
        It stays among the titles, unscored."""
        if self.major_key:
            return self
        for n, title in enumerate(self.titles):
            if not title.key or title.part or not finds_nothing(title):  # read as a skill already: no key
                continue
            if key := major_of(title):
                titles = [
                    *self.titles[:n],
                    replace(title, key="", core="", as_major=True),
                    *self.titles[n + 1 :],
                ]
                return replace(self, titles=tuple(titles), major=title.input, major_key=key)
        return self

    def with_wishes_as_industries(
        self,
        finds_nothing: Callable[[TitleInput], bool],
        industry_of: Callable[[TitleInput], IndustryInput | None],
    ) -> SeekerQuery:
        """This query with each desired title that finds no title of the fair and names an industry or a kind
        of employer as a whole (``industry_of``: 互联网, 工厂, 教育行业, 国企) read as a preference for it:
        what a graduate puts in the wish field for the trade they want. It stays among the titles, unscored;
        an industry the seeker prefers already is not added again."""
        titles, industries = list(self.titles), list(self.industries)
        preferred = {*self.industry_keys, *self.ownership_keys}
        for n, title in enumerate(self.titles):
            if not title.key or title.part or not finds_nothing(title):  # read otherwise already: no key
                continue
            if (read := industry_of(title)) is None:
                continue
            titles[n] = replace(title, key="", core="", as_industry=True)
            named = {*read.keys, read.ownership} - {None}
            if not named <= preferred:
                industries.append(replace(read, wish=True))
                preferred |= named
        if titles == list(self.titles):
            return self
        return replace(self, titles=tuple(titles), industries=tuple(industries))

    def with_named_industries(self, found: Callable[[str], bool]) -> SeekerQuery:
        """This query with each skill input that names an industry as a whole (电子商务, 房地产) and that the
        fair has nowhere (``found(form key)`` false for every form: no listed skill, family, title or
        description) read as a preference for that industry too: what a graduate puts among skills for the
        trade or the major they know. An industry the seeker prefers already is not added again."""
        industries = list(self.industries)
        preferred = {k for i in industries for k in i.keys}
        for skill in self.skills:
            if skill.via not in READ_AS_WRITTEN or not (keys := named_industry(skill.input)):
                continue  # the usual case: one look-up a skill, before any hit is looked at
            if not preferred.issuperset(keys) and not any(found(f.key) for f in skill.forms):
                industries.append(IndustryInput(skill.input, keys, skill=True))
                preferred.update(keys)
        if len(industries) == len(self.industries):
            return self
        return replace(self, industries=tuple(industries))

    @property
    def wish_of(self) -> tuple[int, ...]:
        """Each read title's desired title, by number."""
        return self.title_of or tuple(range(len(self.titles)))

    @property
    def industry_keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k for i in self.industries for k in i.keys))

    @property
    def trade_words(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The words of the preferred industries an employer's name may hold, each with the industries it
        names (``industry.trade_words``)."""
        return tuple(
            dict.fromkeys((w, i.keys) for i in self.industries for w in trade_words(i.input, i.keys))
        )

    @property
    def ownership_keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i.ownership for i in self.industries if i.ownership))


class ProfileReader:
    def __init__(
        self,
        lexicon: Lexicon,
        aliases: AliasTable,
        positions_by_name: Mapping[str, int],
        title_words: Iterable[str] = (),
        written: Callable[[str], bool] = lambda key: True,
        in_titles: Callable[[str], int] = lambda key: 0,
        written_as_word: Callable[..., bool] | None = None,
        text_aliases: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        """``title_words``: the job words of the fair's titles (the titles, their cores, synonym group
        words), which seekers also spell in pinyin or write as skills (pugong -> 普工). ``written``: whether
        a title or description of the fair holds an encoded string as written; only what none holds is read
        as a slip of the keyboard, or as a title typed with a wrong character (by default nothing is).
        ``in_titles``: how many of the fair's titles hold an encoded string, to choose among job words.
        ``written_as_word``: whether a title holds an encoded string, or a description holds it on its own
        among the given known words (``Mentions.holds_as_word``); used for Chinese skill inputs instead of
        ``written`` when given. ``text_aliases``: each encoded skill's encoded aliases that name it in
        running text (``mentions.text_aliases``)."""
        self.lexicon = lexicon
        self.written = written
        self.written_as_word = written_as_word
        self.text_aliases = text_aliases or {}
        self.aliases = aliases
        self.positions_by_name = positions_by_name
        self._fair = {compact(name) for name in positions_by_name}
        self._fair_key_of = {name: lexicon.encode(normalize(name))[0] for name in positions_by_name}
        self._fair_keys = set(self._fair_key_of.values())
        self._numbered = _numbered_families(positions_by_name, aliases)
        self._papers = _papers(positions_by_name, aliases)
        self.in_titles = in_titles
        title_words = list(title_words)
        self._jobs = frozenset(map(compact, title_words))
        self.pinyin = PinyinTable(
            [
                *positions_by_name,
                *aliases.canonical_names(),
                *(a.lstrip("=") for e in aliases.entries for a in e.aliases),
                *title_words,
            ]
        )
        self._category = {compact(name): e.category for e in aliases.entries for name in e.canonicals}
        # The short skills named by trade (AI, CV), by their encoded form: 熟悉AI reads as AI in a phrase. One
        # the index has never seen encodes as every unknown word does (Maven): it is looked up as typed.
        shorts = {self.lexicon.encode(normalize(s))[0]: s for s in context_aliases().skills}
        self._shorts = {key: s for key, s in shorts.items() if UNKNOWN_WORD not in key}
        self._inside = self._inside_table()  # the skill words a phrase may hold (``_named_inside``)
        self._inside_starts = frozenset(word[0] for word in self._inside[0])
        # The longest Chinese skill name the alias list or the fair knows: the longest head of a wish read.
        names = (*self.aliases.whole, *self._fair)
        self._longest_head = max((len(n) for n in names if all(map(is_cjk, n))), default=0)
        # Skill inputs typed differently (ＥＸＣＥＬ, excel, Excel) share one reading of their normalised
        # form, cached; an input as typed is only normalised (itself cached for short strings) and looked up.
        self.reading = ByteCache(self._reading, BUDGETS["inputs"], _input_bytes)
        self.title = ByteCache(self._title, BUDGETS["inputs"], _input_bytes)

    def _forms(self, names: tuple[str, ...], confidence: float) -> tuple[SkillForm, ...]:
        return tuple(SkillForm(self.lexicon.encode(normalize(n))[0], n, confidence) for n in names)

    def skill(self, text: str) -> SkillInput:
        """How a skill input reads, shown as the seeker typed it where it is read as written."""
        if item := _unmarked(text):  # 1. Java, ①Python: an item of the seeker's own list
            read = self.skill(item)
            return SkillInput(text, read.forms, read.via)
        normalised = normalize(text)
        if not normalised or self._says_none(normalised):  # 无, 不限: no skill
            return SkillInput(text, (), "empty")
        reading = self.reading(normalised)
        if reading.via == "text" and (headed := self._headed(text)):
            return headed
        if reading.via == "text" and (graded := self._graded(normalised)):
            return SkillInput(text, graded.forms, graded.via)
        if reading.via == "text" and (listed := self._listed(text, normalised)):
            return listed
        if reading.via == "text" and (bare := self._noted(text)):
            return bare
        forms = reading.forms
        if not forms[0].display:  # read as written: shown as the seeker wrote it
            forms = (SkillForm(forms[0].key, text.strip(), forms[0].confidence),)
        return SkillInput(text, forms, reading.via)

    def seeker_skill(self, text: str) -> SkillInput:
        """A skill input of a profile: as ``skill`` reads it, and where that is as written only, with the
        Chinese skill words the phrase holds (``_named_inside``: 有驾照能出差 names 驾驶证, 有教资普通话二甲
        教师资格证 and 普通话二级甲等) before it. Wishes and list parts are read by ``skill`` alone: 会计助理
        is a job, not 会计."""
        read = self.skill(text)
        if read.via != "text" or len(read.forms) != 1 or read.forms[0].display != text.strip():
            return read  # read otherwise: by an alias, a list, a known skill inside a phrase (熟悉在线客服)
        return read if self._a_skill(text, read) else self._named_inside(text, read.forms[0]) or read

    def _named_inside(self, text: str, form: SkillForm) -> SkillInput | None:
        """The skills a phrase read as written holds, leftmost and longest first, by the alias list's Chinese
        canonicals and running-text aliases, beside the phrase itself (which still meets what contains the
        fair's skills as written); None where it holds none, or where the fair lists the phrase."""
        key = form.key
        if compact(text) in self._fair:
            return None
        names, longest = self._inside
        found: dict[str, SkillForm] = {}
        at = 0
        while at < len(key) - 1:
            if key[at] not in self._inside_starts:  # no word starts here: one look-up, not one per length
                at += 1
                continue
            for size in range(min(longest, len(key) - at - (at == 0)), 0, -1):  # never the whole phrase
                if (hit := names.get(key[at : at + size])) is not None:
                    found.update((f.key, f) for f in hit if f.key not in found)
                    at += size
                    break
            else:
                at += 1
        if not found:
            return None
        return SkillInput(text, _distinct_forms([*found.values(), form]), "phrase")

    def _inside_table(self) -> tuple[dict[str, tuple[SkillForm, ...]], int]:
        """Encoded Chinese skill words a phrase may hold -> the skills they name: each canonical of the alias
        list by its own name and by the aliases that name it in running text (``text_aliases``, the table
        descriptions are read with: not the ``=`` ones), of two symbols or more, generic words (管理, 数据)
        left out; then the fair's own Chinese skills the alias list does not name; and the longest."""
        generic = generic_terms()
        names: dict[str, dict[str, SkillForm]] = {}
        for form in self._forms(self.aliases.canonical_names(), 1.0):
            if form.key in self._shorts:
                continue  # AI, CV: what they name depends on the trade (``in_context``)
            for key in (form.key, *self.text_aliases.get(form.key, ())):
                chinese = len(key) >= 2 and any(map(is_cjk, key))
                latin = len(key) == 1 and not is_cjk(key)  # one Latin word: linux of linux运维
                if (chinese or latin) and UNKNOWN_WORD not in key and key not in generic:
                    names.setdefault(key, {}).setdefault(form.key, form)
        # The fair's own Chinese skills the alias list does not name (分拣, 报关): 快递分拣 holds 分拣.
        for name, key in self._fair_key_of.items():
            word = compact(name)
            if len(word) < 2 or not all(map(is_cjk, word)) or word in _too_general() or around_a_skill(word):
                continue
            if key not in names and UNKNOWN_WORD not in key and key not in generic:
                names[key] = {key: SkillForm(key, name, 1.0)}
        return {k: tuple(v.values()) for k, v in names.items()}, max(map(len, names), default=0)

    def _headed(self, text: str) -> SkillInput | None:
        """A known skill after a heading put before it (证书：教师资格证, 技能：PS); None otherwise."""
        if not (label := _ITEM_LABEL.match(text)) or (item := self.known_skill(text[label.end() :])) is None:
            return None
        return SkillInput(text, item.forms, item.via)

    def _graded(self, normalised: str) -> SkillInput | None:
        """A professional title's grade written apart from its trade (会计 初级职称, 初级职称（会计）) read as
        the one credential (初级会计职称), where the alias list or the fair knows it; None otherwise."""
        if "职称" not in normalised:
            return None
        if not (found := _GRADED.fullmatch(_BRACKETS.sub("", compact(normalised)))):
            return None
        trade = found["before"] or found["after"]
        if not trade or (found["before"] and found["after"]):
            return None
        paper = f"{found['grade']}{trade}职称"
        if not (self.aliases.canonicals_of(paper) or compact(paper) in self._fair):
            return None
        return self.reading(paper)

    def _says_none(self, normalised: str) -> bool:
        """Whether an input says the seeker has none or takes any (不限, 无), unless the fair lists it."""
        key = normalised.replace(" ", "")  # ``compact`` of a normalised text, without normalising again
        return key in _no_preference() and key not in self._fair

    def _listed(self, text: str, normalised: str) -> SkillInput | None:
        """Several skills typed into one input (Excel、Word、PPT; Java/MySQL; Java Python; 会计 出纳), each a
        known skill, read as those skills; None when it is one of the fair's skills as written (HTML/CSS) or a
        part is unknown. Split by spaces, each part must be a skill as written or by an alias (Spring Boot,
        SQL Server and java 开发 stay whole); split by list marks, a mistyped one counts too. Enumerated
        (、，；) with two parts known or more, a part no skill names is kept as written beside them (Java、
        MySQL、分布式系统设计), as a slash or a plus may join one thing's names (TCP/IP, A/B测试)."""
        if _LIST.search(text):
            parts, strict = [part.strip() for part in _LIST.split(text)], False
        elif _SPACED.search(text.strip()):
            parts, strict = text.split(), True
        else:
            return None
        if normalised.replace(" ", "") in self._fair or len(parts) < 2 or not all(parts):
            return None
        shorts = context_aliases().skills
        if strict and not all(self._named(p) or compact(p) in shorts for p in normalised.split()):
            return None  # looked up before any part is read: most inputs with a space are one skill
        reads, unknown = [], 0
        for part in parts:
            read = self.skill(part)
            if not strict and not (self._a_skill(part, read) or self._held_part(part, read)):
                short = self._short_in(part)
                if short is not None:
                    read = self.skill(short)  # 熟练使用PS、AI等设计软件: AI, read by its neighbours below
                elif not _ENUMERATED.search(text):
                    return None  # 'TCP/IP', 'A/B测试': not a list of skills
                else:
                    unknown += 1
            reads.append(read)
        if unknown and len(reads) - unknown < 2:
            return None  # 沟通能力、做事认真负责: one skill in a sentence, not a list of them
        in_context = self.in_context(tuple(reads), ())  # AI among PS and CDR: Illustrator too
        return SkillInput(text, _distinct_forms(f for read in in_context for f in read.forms), "list")

    @staticmethod
    def _short_in(part: str) -> str | None:
        """The short skill named by trade (data/context_aliases.json) a list part is, or holds once the
        words around it are read off (AI等设计软件: AI); None otherwise."""
        shorts = context_aliases().skills
        normalised = normalize(part)
        short = next((c for c in [normalised, *skill_cores(normalised)] if compact(c) in shorts), None)
        if short is None:
            return None
        written = unicodedata.normalize("NFKC", part)  # shown as typed: AI, not ai
        at = written.casefold().find(short)
        return written[at : at + len(short)] if at >= 0 else short

    def _named(self, normalised: str) -> bool:
        """Whether a normalised part is one of the fair's skills or the alias list's names as written (two
        set look-ups: every input with a space asks)."""
        key = normalised.replace(" ", "")
        return key in self._fair or key in self.aliases.whole

    def known_skill(self, text: str) -> SkillInput | None:
        """How ``text`` reads as a skill, where it reads as one the alias list or the fair knows (by an alias,
        a typo, pinyin, a phrase around one, or as written); None otherwise (兼职, 不限)."""
        read = self.skill(text)
        return read if read.forms and self._a_skill(text, read) else None

    def skill_in_wish(self, title: TitleInput) -> SkillInput | None:
        """How a desired title like no title of the fair reads as a skill: as a whole, as typed or cleaned
        (CAD, 驾照; 想做CAD相关的工作), without its role word (PLC工程师: PLC, Excel专员: Excel), by the
        known skill that ends it, a Chinese job's head being its last word (电商文案: 文案, 新媒体剪辑: 剪辑),
        or by the Latin word that leads it (Selenium测试: Selenium), or as the licence to do the job it names
        where the alias list or the fair knows one (护士: 护士执业资格证); None where none is known."""
        whole = self.skill_of_wish(title)
        if whole is not None:
            return whole
        cleaned = title.cleaned
        core = title_core(cleaned)
        if core != cleaned and _not_short(core) and (read := self.known_skill(core)) is not None:
            return read
        for start in range(max(1, len(cleaned) - self._longest_head), len(cleaned) - 1):
            head = cleaned[start:]
            if all(map(is_cjk, head)) and (read := self.known_skill(head)) is not None:
                return read
        if (lead := _LATIN_LEAD.match(cleaned)) and lead.end() < len(cleaned) and _not_short(lead.group()):
            return self.known_skill(lead.group().strip())
        paper = self._papers.get(compact(cleaned)) if all(map(is_cjk, compact(cleaned))) else None
        if paper and self.industry_of_wish(title) is None:  # 护士: the licence to do the job; 银行 a trade
            return self.known_skill(paper)
        return None

    def without_unnamed(self, title: TitleInput) -> TitleInput | None:
        """A wish like no title of the fair read without its Latin words that no title holds and the alias
        list does not name (APP测试 as 测试, SaaS销售 as 销售), at less confidence; None where the wish
        names a language or tool of the alias list (iOS开发, JavaScript开发: no other field's job stands for
        it), has no such word, or leaves no job but a role or seniority word (BD经理)."""
        words = _LATIN_WORD.findall(title.cleaned)
        if not words:
            return None
        for word in words:
            code = self.lexicon.encode(word)[0]
            if any(map(is_named_word, code)) or (code != UNKNOWN_WORD and self.in_titles(code) > 0):
                return None
        rest = " ".join(_LATIN_WORD.sub(" ", title.cleaned).split())
        if sum(map(is_cjk, role_words().sub("", rest))) < 2:
            return None  # 经理 of BD经理, 研发工程师 of SDN研发工程师: a role, no job
        read = self.title(rest)
        if not read.key:
            return None
        return replace(read, input=title.input, confidence=min(read.confidence, UNNAMED_DROPPED_CONFIDENCE))

    def skill_of_wish(self, title: TitleInput) -> SkillInput | None:
        """A desired title read as a known skill as a whole, as typed or cleaned (CAD, 项目管理); None
        otherwise."""
        return self.known_skill(title.input) or (self.known_skill(title.cleaned) if title.cleaned else None)

    def listed_skill_of_wish(self, title: TitleInput) -> SkillInput | None:
        """``skill_of_wish`` where the fair lists the skill (项目管理); None for one only the alias list knows
        (电气自动化): a wish that meets some title is not made a skill the fair asks nowhere."""
        read = self.skill_of_wish(title)
        return read if read is not None and any(f.key in self._fair_keys for f in read.forms) else None

    def fair_skill_of_wish(self, title: TitleInput) -> SkillInput | None:
        """A desired title that is, as typed or cleaned and as written, a skill the fair lists (房产销售,
        淘宝客服), read as that skill; None otherwise. A look-up of its key: every wish that meets a title
        well is asked (``MatchIndex._wishes``), so no reading by typo, pinyin or alias."""
        for text in dict.fromkeys((title.input, title.cleaned)):
            if text and self.lexicon.encode(normalize(text))[0] in self._fair_keys:
                return self.skill(text)
        return None

    def _a_skill(self, part: str, read: SkillInput) -> bool:
        """Whether a part of a list reads as a skill: by a reading other than as written (an alias, a typo,
        pinyin), or as written when the fair or the alias list names it, the part or what it reads as once
        the words around it are read off (熟悉Vue as Vue, where the fair lists no skills and only its
        descriptions name Vue)."""
        if read.via != "text":
            return True
        if all(form.key in self._fair_keys for form in read.forms) or self._named(normalize(part)):
            return True
        return bool(read.forms) and all(self._named(normalize(form.display)) for form in read.forms)

    def _held_part(self, part: str, read: SkillInput) -> bool:
        """Whether a list part read as written is a word the fair writes, as a phrase's core is
        (``_held_core``: 理货、补货、收银, the work itself, which few postings list as a skill)."""
        normalised = normalize(part)
        return read.via == "text" and bool(normalised) and self._held_core(normalised, normalised)

    def _noted(self, text: str) -> SkillInput | None:
        """A known skill with a note in brackets after it. A note on the skill is read off
        (C1驾照（3年驾龄）, CAD（熟练）); a note naming skills adds them, each once (Photoshop（PS）,
        JavaScript（ES6）, Office(Word/Excel), Java（Spring）), or stands for the skill where it names it
        more closely (英语（六级）: 英语六级). Where the part before the note is no known skill, a note naming
        skills gives them, the part kept as written after them (财务软件（金蝶、用友）). None where neither is
        known, or where the fair lists the whole as one skill."""
        folded = prefold(text)
        if not (note := _trailing_note().search(folded)):
            return None
        skill, said = folded[: note.start()].strip(), note.group().strip()[1:-1].strip()
        if not skill or compact(folded) in self._fair:  # 英语（六级） where the fair lists 英语六级
            return None
        read = self.skill(skill)
        told = self.skill(said) if said else None
        if told is not None and not (told.forms and self._a_skill(said, told)):
            told = None  # a note on the skill (3年驾龄, 熟练), not a skill of its own
        if not self._a_skill(skill, read):
            if told is None:
                return None
            return SkillInput(text, _distinct_forms([*told.forms, *read.forms]), "list")
        if told is None:
            return SkillInput(text, read.forms, read.via)
        forms = {form.key: form for form in read.forms}
        for form in told.forms:
            for key in [k for k in forms if k != form.key and k in form.key]:
                del forms[key]  # the note names the skill more closely: 英语（六级） is 英语六级
            forms.setdefault(form.key, form)
        return SkillInput(text, tuple(forms.values()), read.via if len(forms) == len(read.forms) else "list")

    def _reading(self, normalised: str) -> SkillInput:
        """How a normalised skill input reads; a form read as written has no display (the caller's text)."""
        names = self.aliases.canonicals_of(normalised)
        if names:
            via = "text" if len(names) == 1 and compact(names[0]) == compact(normalised) else "alias"
            forms = self._forms(names, 1.0)
            if via == "alias" and self._unheard(forms):
                key = self.lexicon.encode(normalised)[0]
                if self.written(key):  # 物流 for 物流管理, which this fair never names: the word as written
                    return SkillInput(normalised, (SkillForm(key, "", 1.0),), "text")
            return SkillInput(normalised, forms, via)
        key, corrected, confidence = self.lexicon.encode(normalised, True)
        if confidence < 1:
            names = self.aliases.canonicals_of(corrected) or ()
            forms = self._forms(names, confidence) or (SkillForm(key, corrected, confidence),)
            return SkillInput(normalised, forms, "typo")
        unknown = UNKNOWN_WORD in key or not self.lexicon.is_term_text(normalised)  # perhaps pinyin
        if unknown and (
            spelt := self._meant(normalised, self.pinyin.exact(normalised), PINYIN_CONFIDENCE, "pinyin")
            or self._meant(normalised, self.pinyin.near(normalised), PINYIN_SLIP_CONFIDENCE, "pinyin")
        ):
            return spelt
        names, confidence = self._mistyped(normalised, key, self._held)
        if names and (meant := self._meant(normalised, names, confidence)):
            return meant
        if family := self._numbered.get(compact(normalised)):
            # A standard's or a test's name without its number (ISO: ISO9001, ISO14001; CET: CET4, CET6):
            # each numbered skill of its family.
            return SkillInput(normalised, self._forms(family, FAMILY_CONFIDENCE), "alias")
        cores = [core for core in skill_cores(normalised) if core]
        if cores and compact(normalised) not in self._fair:  # one of the fair's skills as written stays whole
            # A known skill in a phrase (有C1驾照, 持有教资, 熟练掌握并运用Python, 具备良好的沟通能力,
            # 会使用CAD软件, 初会证书), whichever core names it (会计 of 会计师); else a word the fair
            # writes (熟练掌握盘点, 能理货: the work itself, which few postings list as a skill).
            core = next((c for c in cores if self._known_core(c)), None)
            if core is None:
                core = next((c for c in cores if self._held_core(normalised, c)), None)
                if core is not None and self._held(key):  # 会计助理 in a title: no lead 会 on a word 计助理
                    core = None
            if core is not None:
                read = self.reading(core)
                forms = tuple(f if f.display else replace(f, display=core) for f in read.forms)
                return SkillInput(normalised, forms, read.via)
        return SkillInput(normalised, (SkillForm(key, "", 1.0),), "text")

    def _known_core(self, core: str) -> bool:
        """Whether a core of a skill phrase is a skill the alias list or the fair names, or a family of
        numbered ones (ISO体系)."""
        key = compact(core)
        return bool(self.aliases.canonicals_of(core)) or key in self._fair or key in self._numbered

    def _held_core(self, phrase: str, core: str) -> bool:
        """Whether a core of a skill phrase is a word the fair's texts hold as written: two characters or
        more, no word around skills (熟练, 经验) nor one too general to be a skill alone (能力, 业务), no
        piece of a word the phrase holds across its ends, a word of the fair or the dictionary (会计 of
        会计师 holds no 计师, 会员 of 会员管理 no 员管理), and a word where the fair writes it: a job word of
        its titles, or after a lead of two characters or more (熟悉, 熟练掌握) a word a description holds on
        its own. A job word is crossed by the fair's words only: the dictionary's 会理 (a county) is no word
        of 会理货. After a one-character lead (会, 能, 有), which many words begin, only a job word: the
        dictionary does not know them all (会展, 有线), and 会展经理 holds no 展经理 (of 拓展经理)."""
        key = compact(core)
        if len(key) < 2 or around_a_skill(key) or key in _too_general():
            return False
        at = phrase.find(core)
        if key in self._jobs:  # a job word of the fair's titles (理货 of 理货员): crossed by a word of the
            # fair only, not by one of the dictionary alone (会理, a county, in 会理货; 有理 in 有理货经验)
            return at < 0 or not crossed(phrase, at, at + len(core), self.pinyin.known, MAX_CROSSING)
        words = _KnownOrDictionary(self.pinyin.known)
        if at >= 0 and crossed(phrase, at, at + len(core), words, MAX_CROSSING):
            return False
        if len(compact(phrase[:at])) == 1:  # after 会, 能, 有 only a job word: 会展经理 is no 会 + 展经理
            return False
        encoded = self.lexicon.encode(core)[0]
        if self.written_as_word is None or not all(map(is_cjk, encoded)):
            return self.written(encoded)
        return self.written_as_word(encoded, self.pinyin.known, titles=False)  # 展专员 of 拓展专员 is no word

    def _unheard(self, forms: tuple[SkillForm, ...]) -> bool:
        """Whether the fair lists none of the skills ``forms`` read and no title or description names any
        of them, as written or by an alias running text uses (``text_aliases``)."""
        return not any(
            key in self._fair_keys or self.written(key)
            for form in forms
            for key in (form.key, *self.text_aliases.get(form.key, ()))
            if key
        )

    def _mistyped(self, text: str, key: str, held: Callable[[str], bool]) -> tuple[list[str], float]:
        """The known words a Chinese input that is none of them may stand for, typed with a wrong character
        of the same sound (会记) or a slip of the keyboard (计会, 数据析), and the confidence of that reading;
        none when the fair's texts hold the input as written (``held``: ``_held`` for a skill, ``_in_a_title``
        for a wish): 产生 is a word of its own."""
        if compact(text) in self.pinyin.known:
            return [], 1.0
        homophones = self.pinyin.homophones(text)
        names = homophones or self.pinyin.slips(text)
        if not names or held(key):
            return [], 1.0
        return names, HOMOPHONE_CONFIDENCE if homophones else SLIP_CONFIDENCE

    def _meant(
        self, normalised: str, names: list[str], confidence: float, via: str = "typo"
    ) -> SkillInput | None:
        """The input read as the first of the words it may stand for (the one most positions list, then the
        shortest), at ``confidence``; None when there are none."""
        if not names:
            return None
        word = min(names, key=lambda n: (-self.positions_by_name.get(n, 0), len(n), n))
        forms = tuple(SkillForm(f.key, f.display, confidence) for f in self.skill(word).forms)
        return SkillInput(normalised, forms, via) if forms else None

    def _title(self, text: str) -> TitleInput:
        if item := _unmarked(text):  # 1、会计: a numbered wish
            return replace(self._title(item), input=text)
        if self._says_none(normalize(text)):  # 不限, 都可以: no wish
            return TitleInput(text, "", "", 1.0, "")
        cleaned = clean_title(text)
        if english := self._in_english(cleaned):  # written in English words (process engineer): 工艺工程师
            read = self._title(english)
            confidence = min(read.confidence, TRANSLATED_CONFIDENCE)
            return TitleInput(text, read.key, read.core, confidence, read.cleaned)
        key, corrected, confidence = self.lexicon.encode(cleaned, True)
        if UNKNOWN_WORD in key:  # words no title or skill has: perhaps a title spelt in pinyin (kuaiji)
            if spelt := self._title_meant(text, self.pinyin.exact(cleaned), PINYIN_CONFIDENCE):
                return spelt
            if spelt := self._title_meant(text, self.pinyin.near(cleaned), PINYIN_SLIP_CONFIDENCE):
                return spelt  # spelt with a slip (kauiji)
            if spelt := self._title_meant(text, self._held_words(cleaned), PINYIN_CONFIDENCE):
                return spelt  # spelt word by word (yingyu laoshi: 英语 and 老师, a title of neither alone)
        elif key:  # a job word mistyped (会记, 消售, 计会, 工普), as skills are read
            # Only a title holding the wish as written keeps it: descriptions hold 计会 and 台前 across the
            # words of 审计会计 and 平台前身, and a wish is compared with titles alone.
            names, typed = self._mistyped(cleaned, key, self._in_a_title)
            if names:
                return self._title_meant(text, names, typed)
            if (meant := self._core_mistyped(text, cleaned)) is not None:
                return meant
        core = self.lexicon.encode(title_core(corrected))[0] if key else ""
        return TitleInput(text, key, core, confidence, corrected if key else "")

    def _held_words(self, cleaned: str) -> list[str]:
        """What a pinyin wish spells word by word (``PinyinTable.in_words``), where the fair's titles hold
        the joined words as a job: the whole, or its core (英语老师 meets 小学英语教师 and 英语培训老师), or
        where that core is a job word of the titles' synonym groups (财务助理: 财务 names 会计's job)."""
        found = []
        for name in self.pinyin.in_words(cleaned):
            whole = normalize(name)
            core = title_core(whole)
            if (
                self.in_titles(self.lexicon.encode(whole)[0])
                or self.in_titles(self.lexicon.encode(core)[0])
                or (core != whole and compact(core) in self._jobs)
            ):
                found.append(name)
        return found

    def _core_mistyped(self, text: str, cleaned: str) -> TitleInput | None:
        """A wish whose job without its role word is a job word mistyped (前段开发: 前端 with 开发 after it),
        read with the job word put right; None where the core reads as written."""
        core = title_core(cleaned)
        if core == cleaned or not all(map(is_cjk, core.replace(" ", ""))):
            return None
        names, typed = self._mistyped(core, self.lexicon.encode(core)[0], self._in_a_title)
        if not names:
            return None
        return self._title_meant(text, [cleaned.replace(core, name, 1) for name in names], typed)

    def wishes(self, text: str) -> tuple[TitleInput, ...]:
        """How a desired title reads: as a whole, and where it joins several jobs by list marks (会计/出纳,
        行政、人事, 前端/后端), each a job word of the fair's titles, as each of those jobs too, shown as the
        seeker typed the whole. A part that is no job of the fair's (主管 in 销售经理/主管) leaves the whole
        alone; the whole still meets a title written the same way (文员/前台, UI/UX设计师). A space
        between two Chinese jobs lists them as well (行政文员 前台), where the whole is no job of the
        fair's (销售 经理 is 销售经理); so does a space beside a job spelt in pinyin (kuaiji chuna, 会计
        chuna: ``_spelt_list``). A Latin part is the job it reads as (kuaiji/chuna, frontend/backend)."""
        whole = self.title(text)
        if _WISHES.search(text):
            parts = [part.strip() for part in _WISHES.split(text)]
        elif _SPACED_WISHES.search(text.strip()) and compact(clean_title(text)) not in self._jobs:
            parts = _SPACED_WISHES.split(text.strip())
        elif self._spelt_list(text, whole):
            parts = text.split()
        else:
            return (whole,)
        if not 2 <= len(parts) <= MAX_WISH_PARTS or not all(map(self._a_job, parts)):
            return (whole,)
        if UNKNOWN_WORD in whole.key:  # pinyin words side by side are no title (kuaiji/chuna), their jobs are
            whole = replace(whole, key="", core="")
        return (whole, *(replace(self.title(part), input=text, part=part) for part in dict.fromkeys(parts)))

    def _a_job(self, part: str) -> bool:
        """Whether a part of a wish is a job word of the fair's titles: as written (出纳), or a Latin part
        reading as one (chuna in pinyin, frontend in English)."""
        if compact(clean_title(part)) in self._jobs:
            return True
        if has_cjk(part):
            return False
        read = self.title(part)
        return has_cjk(read.cleaned) and compact(read.cleaned) in self._jobs

    def _spelt_list(self, text: str, whole: TitleInput) -> bool:
        """Whether a wish of space-separated words may list jobs, some spelt in pinyin: the whole read
        leaves a word as typed that alone reads as Chinese (kuaiji chuna, 会计 chuna, found as no job or
        as 会计 alone). Not where the whole reads as one job (yingyu laoshi: 英语老师), nor where a Latin
        word is kept as the word it is (java kaifa: Java开发)."""
        words = text.split()
        if len(words) < 2:
            return False
        kept = whole.cleaned.split()
        return any(not has_cjk(w) and normalize(w) in kept and self._spelt_in_pinyin(w) for w in words)

    def _spelt_in_pinyin(self, word: str) -> bool:
        """Whether a Latin word reads as Chinese, and not as an English word does (frontend: 前端)."""
        return not self._in_english(clean_title(word)) and has_cjk(self.title(word).cleaned)

    def _in_english(self, cleaned: str) -> str | None:
        """A cleaned wish written in English words, as Chinese titles write it (process engineer: 工艺工程师);
        None where it is not."""
        english = english_titles().translate(cleaned, self._known_word)
        return english if english and english != cleaned else None

    def _held(self, key: str) -> bool:
        """Whether the fair's texts hold a skill input as written; a Chinese one only where it stands on its
        own in a description, no known word crossing it: 计会 in 审计会计 is no word of the text."""
        if self.written_as_word is not None and key and all(map(is_cjk, key)):
            return self.written_as_word(key, self.pinyin.known)
        return self.written(key)

    def _known_word(self, word: str) -> bool:
        """Whether the fair's texts know a Latin word of a wish (java, cnc)."""
        return UNKNOWN_WORD not in self.lexicon.encode(word)

    def _in_a_title(self, key: str) -> bool:
        return self.in_titles(key) > 0

    def _title_meant(self, text: str, names: list[str], confidence: float) -> TitleInput | None:
        """The desired title read as the first of the words it may stand for (the one most of the fair's
        titles hold, then the shortest), at ``confidence``; None when there are none."""
        if not names:
            return None
        held = {n: self.in_titles(self.lexicon.encode(normalize(n))[0]) for n in names}
        word = min(names, key=lambda n: (-held[n], len(n), n))
        read = self._title(word)
        return TitleInput(text, read.key, read.core, confidence, read.cleaned)

    def seeker_skills(self, skills: Iterable[object], wishes: tuple[str, ...] = ()) -> tuple[SkillInput, ...]:
        """A profile's skills as a match reads them: each as ``seeker_skill`` reads it, the short ones that
        name different things by trade in the context of the others and of the desired titles ``wishes``."""
        return self.in_context(tuple(self.seeker_skill(str(s)) for s in skills), wishes)

    def in_context(self, skills: tuple[SkillInput, ...], titles: tuple[str, ...]) -> tuple[SkillInput, ...]:
        """Skills with each short one that names different things by trade (AI, CV) also read as what it
        names in the trades of the seeker's other skills and desired titles (data/context_aliases.json)."""
        table = context_aliases()
        shorts = {
            n: short
            for n, skill in enumerate(skills)
            if skill.via in READ_BY_TRADE and (short := self._short_of(skill))
        }
        if not shorts:
            return skills  # the usual case: a look at each skill's reading and length
        categories = [
            {c for f in skill.forms if (c := self._category.get(compact(f.display)))} for skill in skills
        ]
        others = [n for n in range(len(skills)) if n not in shorts]
        votes: Counter[str] = Counter(c for n in others for c in categories[n])
        # A desired title holding a trade's word counts for it, and so does a skill of no category holding one
        # (公关 beside PR: no alias names it, but it is the public-relations trade's word).
        unsorted = (skills[n].input for n in others if not categories[n])
        votes.update(
            category
            for text in map(prefold, (*titles, *unsorted))
            for category, words in table.title_words.items()
            if any(word in text for word in words)
        )
        out = list(skills)
        for n, short in shorts.items():
            meanings = table.skills[short]
            names = [name for category, _ in votes.most_common() for name in meanings.get(category, ())]
            if not names:
                continue
            context = self._forms(tuple(dict.fromkeys(names)), CONTEXT_CONFIDENCE)
            if skills[n].via == "alias":  # PR as Premiere: the trade beside it, unless its own is there too
                if not categories[n] & votes.keys():
                    out[n] = SkillInput(skills[n].input, context, "alias")
                continue
            forms = _distinct_forms((*skills[n].forms, *context))
            if len(forms) > len(skills[n].forms):
                out[n] = SkillInput(skills[n].input, forms, "alias")
        return tuple(out)

    def _short_of(self, skill: SkillInput) -> str | None:
        """The short skill named by trade a skill read as written is (AI), or names in a phrase (熟悉AI)."""
        table = context_aliases()
        if len(skill.input) <= table.longest + 2 and (short := compact(skill.input)) in table.skills:
            return short
        return self._shorts.get(skill.forms[0].key) if len(skill.forms) == 1 else None

    @staticmethod
    def industry_of_wish(title: TitleInput) -> IndustryInput | None:
        """The industry or kind of employer a desired title names as a whole, as typed or cleaned (互联网,
        教育行业, 想去工厂: 工厂, 国企), or before an employer word (互联网公司, 想进国企单位); else None."""
        texts = list(dict.fromkeys(filter(None, (title.input, title.cleaned))))
        for text in dict.fromkeys([*texts, *filter(None, map(before_employer_word, texts))]):
            if (read := _industry(text, whole=True)).keys or read.ownership:
                return replace(read, input=title.input)
        return None

    def major_key(self, text: str) -> str:
        """A major as typed, encoded (its students' short name read as its full name: 计科)."""
        return self.lexicon.encode(normalize(full_major(text)), True)[0]

    def read(self, profile: Mapping[str, Any]) -> SeekerQuery:
        education = _education(str(profile["education"])) if profile.get("education") else None
        major = (profile.get("major") or "").strip() or None
        expected = profile.get("expected_salary")
        wishes = tuple(str(t) for t in profile.get("titles") or ())
        jobs = [self.wishes(wish) for wish in wishes]
        return SeekerQuery(
            skills=self.seeker_skills(profile.get("skills") or (), wishes),
            titles=tuple(read for each in jobs for read in each),
            title_of=tuple(n for n, each in enumerate(jobs) for _ in each),
            industries=tuple(_industry(str(i)) for i in profile.get("industries") or ()),
            education=education,
            education_rank=_education_ranks().get(education) if education else None,
            expected_salary=float(expected) if expected else None,
            major=major,
            major_key=self.major_key(major) if major else "",
            filters=profile.get("filters") or {},
        )
