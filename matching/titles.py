"""Reading noisy position titles and desired titles (求职意向): cleaning rules from ``data/titles.json``.

``clean_title`` drops bracketed notes, pay, age and head-count figures and benefit or urgency phrases
(急聘普工 7500月包吃住 -> 普工, Java开发工程师（应届生可） -> java开发工程师). ``title_core`` strips one
seniority prefix and one trailing role word, so 数据分析师 and 数据分析专员 share the core 数据分析.
``title_synonyms`` are the groups of job words a recruiter treats as one job (``data/title_synonyms.json``).
``EnglishTitles`` reads a wish in English words as Chinese titles write it (``data/title_words_en.json``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from matching.memo import string_cache
from matching.normalize import a_word, fold_separators, is_cjk, normalize, prefold, tokens

TITLES_PATH = Path(__file__).parent / "data" / "titles.json"
SYNONYMS_PATH = Path(__file__).parent / "data" / "title_synonyms.json"
ENGLISH_PATH = Path(__file__).parent / "data" / "title_words_en.json"
_LATIN_WISH = re.compile(r"[a-z0-9+#. ]+")  # a cleaned wish written in Latin words alone


@dataclass(frozen=True, slots=True)
class TitleRules:
    brackets: re.Pattern[str]
    noise: re.Pattern[str]
    roles: tuple[str, ...]
    prefixes: tuple[str, ...]
    nicknames: tuple[tuple[str, str], ...] = ()  # (ending, the plain ending it stands for)
    field_roles: tuple[str, ...] = ()  # roles naming the work, before which the core is a field (开发)
    verbs: str = ""  # the verbs a seeker puts before the job (做会计, 想操机)
    verb_words: frozenset[str] = frozenset()  # words starting with one of them (做账, 当班, 干洗)
    levels: dict[str, int] = field(default_factory=dict)  # seniority of a prefix or role word


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def title_rules() -> TitleRules:
    data = json.loads(TITLES_PATH.read_text(encoding="utf-8"))
    words = [prefold(w) for w in data["words"]]
    return TitleRules(
        brackets=re.compile("|".join(data["brackets"])),
        noise=re.compile("|".join([*data["patterns"], _alternation(words)])),
        roles=tuple(sorted({prefold(w) for w in data["roles"]}, key=lambda w: (-len(w), w))),
        prefixes=tuple(sorted({prefold(w) for w in data["prefixes"]}, key=lambda w: (-len(w), w))),
        nicknames=tuple((prefold(k), prefold(v)) for k, v in data.get("nicknames", {}).items()),
        field_roles=tuple(prefold(w) for w in data.get("field_roles", ())),
        verbs="".join(data.get("verbs", ())),
        verb_words=frozenset(prefold(w) for w in data.get("verb_words", ())),
        levels={prefold(w): int(level) for w, level in data.get("levels", {}).items()},
    )


@cache
def role_words() -> re.Pattern[str]:
    """The seniority and role words of titles (高级, 工程师, 专员…: data/titles.json), longest first."""
    rules = title_rules()
    return re.compile(_alternation([*rules.roles, *rules.prefixes]))


def _without_brackets(text: str, pattern: re.Pattern[str]) -> str:
    while True:  # nested brackets come off from the inside out
        stripped = pattern.sub(" ", text)
        if stripped == text:
            return text
        text = stripped


@string_cache()
def clean_title(raw: str) -> str:
    """The normalised title without notes, pay and benefit phrases (less cleaning if nothing is left)."""
    rules = title_rules()
    text = prefold(raw)
    unbracketed = _without_brackets(text, rules.brackets)
    cleaned = rules.noise.sub(" ", unbracketed)
    folded = fold_separators(cleaned) or fold_separators(unbracketed) or fold_separators(text)
    return _plain(_without_verb(folded, rules), rules)


def _without_verb(title: str, rules: TitleRules) -> str:
    """A title without the verbs a seeker puts before the job (做会计, 想当老师), where two Chinese characters
    or more are left and the verb begins no word (做账员, 当班主管, 干洗工: words of the dictionary or
    ``verb_words``)."""
    while (
        len(title) >= 3
        and title[0] in rules.verbs
        and is_cjk(title[1])
        and is_cjk(title[2])
        and not a_word(title[:2])
        and title[:2] not in rules.verb_words
    ):
        title = title[1:]
    return title


@string_cache()
def title_as_written(raw: str) -> str:
    """The title with its notes, without pay, age and head-count figures or benefit and urgency phrases: what
    it says of the job and for whom, searched for the skills it mentions (长期招聘普工 says 普工, not
    招聘)."""
    text = prefold(raw)
    return fold_separators(title_rules().noise.sub(" ", text)) or text


def _plain(cleaned: str, rules: TitleRules) -> str:
    """A title without the trade's self-mocking ending (设计狮 -> 设计师, 产品汪 -> 产品), where two
    characters or more come before it and the title is no word of a synonym group (攻城狮 is one)."""
    for ending, plain in rules.nicknames:
        if (
            cleaned.endswith(ending)
            and len(cleaned) - len(ending) >= 2
            and is_cjk(cleaned[-len(ending) - 1])
            and cleaned not in synonym_words()
        ):
            return cleaned[: -len(ending)] + plain
    return cleaned


@cache
def synonym_words() -> frozenset[str]:
    """Every word of the title synonym groups (``title_synonyms``)."""
    return frozenset(word for group in title_synonyms() for word in group)


def _substantial(text: str) -> bool:
    parts = tokens(text)
    return len(parts) >= 2 or (len(parts) == 1 and not is_cjk(parts[0]))


@string_cache()
def title_core(cleaned: str) -> str:
    """A cleaned title without one leading seniority word and one trailing role word, if enough remains."""
    rules = title_rules()
    core = cleaned
    for prefix in rules.prefixes:
        if core.startswith(prefix) and _substantial(core[len(prefix) :].strip()):
            core = core[len(prefix) :].strip()
            break
    for role in rules.roles:
        if core.endswith(role) and _substantial(core[: -len(role)].strip()):
            core = core[: -len(role)].strip()
            break
    return core


@string_cache()
def title_level(cleaned: str) -> int | None:
    """The seniority a cleaned title names by its leading word or its trailing role word (``levels`` of
    data/titles.json; the higher of the two: 资深产品经理 4, 会计助理 1, 高级Java开发工程师 3), None if it
    names none (会计, Java开发工程师)."""
    rules = title_rules()
    found = [
        rules.levels[word]
        for words, held in ((rules.prefixes, cleaned.startswith), (rules.roles, cleaned.endswith))
        if (word := next((w for w in words if held(w) and w != cleaned), None)) in rules.levels
    ]
    return max(found, default=None)


def parse_title_synonyms(groups: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    """Synonym groups as normalised words; a word in two groups is an error."""
    seen: dict[str, int] = {}
    parsed = []
    for number, group in enumerate(groups):
        words = tuple(dict.fromkeys(w for w in map(normalize, group) if w))
        for word in words:
            if seen.setdefault(word, number) != number:
                raise ValueError(f"title synonym {word!r} is in groups {seen[word] + 1} and {number + 1}")
        parsed.append(words)
    return tuple(parsed)


def parse_title_kinds(
    kinds: dict[str, list[str]], groups: tuple[tuple[str, ...], ...]
) -> dict[str, tuple[str, ...]]:
    """Kinds as normalised words (broader job -> its narrower jobs); a word of no group is an error."""
    words = {word for group in groups for word in group}
    out: dict[str, tuple[str, ...]] = {}
    for broad, narrow in kinds.items():
        named = (normalize(broad), *map(normalize, narrow))
        if unknown := [w for w in named if w not in words]:
            raise ValueError(f"title kinds name words of no synonym group: {unknown}")
        out[named[0]] = named[1:]
    return out


@cache
def _synonym_data() -> dict:
    return json.loads(SYNONYMS_PATH.read_text(encoding="utf-8"))


@cache
def title_synonyms() -> tuple[tuple[str, ...], ...]:
    """The job-title synonym groups of ``data/title_synonyms.json`` (普工 / 操作工 / 作业员 ...)."""
    return parse_title_synonyms(_synonym_data()["groups"])


@cache
def title_kinds() -> dict[str, tuple[str, ...]]:
    """A word of a broader job's group -> a word of each of its narrower jobs' groups (销售 -> 置业顾问,
    电话销售; the ``kinds`` of ``data/title_synonyms.json``), normalised."""
    return parse_title_kinds(_synonym_data().get("kinds", {}), title_synonyms())


class EnglishTitles:
    """English job words -> the Chinese of titles: ``data/title_words_en.json``'s words, and each Latin word
    of a synonym group as the group's first word (sales -> 销售). ``translate`` reads a whole wish."""

    def __init__(
        self, words: dict[str, str], fillers: list[str], groups: tuple[tuple[str, ...], ...]
    ) -> None:
        self.words: dict[str, str] = {}
        self.group_words: set[str] = set()
        for group in groups:
            chinese = next((w for w in group if any(map(is_cjk, w))), None)
            for word in group:
                if chinese and _LATIN_WISH.fullmatch(word):
                    self.words[word] = prefold(chinese)
                    self.group_words.add(word)
        for english, chinese in words.items():
            if key := normalize(english):
                self.words[key] = prefold(chinese)
        self.fillers = frozenset(map(normalize, fillers))
        self.longest = max((len(w.split()) for w in self.words), default=1)

    def _plural(self, phrase: str) -> str | None:
        """A listed phrase written in the plural (engineers), as its singular."""
        return self.words.get(phrase[:-1]) if phrase.endswith("s") else None

    def translate(self, cleaned: str, known: Callable[[str], bool]) -> str | None:
        """A cleaned wish in English words as a Chinese title (process engineer -> 工艺工程师, java developer
        -> java开发工程师): the longest listed phrase first at each word; a word listed nowhere is kept when
        ``known`` says the fair has it (java, cnc). None when the wish is not all Latin, is one synonym-group
        word as a whole (its group reads it), has no listed word, or has a word neither listed nor known."""
        if not _LATIN_WISH.fullmatch(cleaned) or cleaned in self.group_words:
            return None
        words = [w for w in cleaned.split() if w not in self.fillers]
        out: list[str] = []
        listed = False
        at = 0
        while at < len(words):
            for size in range(min(self.longest, len(words) - at), 0, -1):
                phrase = " ".join(words[at : at + size])
                chinese = self.words.get(phrase) or self._plural(phrase)
                if chinese:
                    out.append(chinese)
                    listed, at = True, at + size
                    break
            else:
                if not known(words[at]):
                    return None
                out.append(words[at])
                at += 1
        if not listed:
            return None
        text = out[0]
        for part in out[1:]:  # Latin words apart from each other, Chinese written on
            text += " " + part if text[-1:].isascii() and part[:1].isascii() else part
        return text


@cache
def english_titles() -> EnglishTitles:
    data = json.loads(ENGLISH_PATH.read_text(encoding="utf-8"))
    return EnglishTitles(data["words"], data.get("fillers", []), title_synonyms())
