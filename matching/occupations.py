"""Titles read as occupations of the 2022 职业分类大典 (``data/occupations.json``, ``occupation_words.json``).

An occupation is known by its name, by its name without a generic ending (会计专业人员 -> 会计) and by the
core of that (``titles.title_core``: 收银员 -> 收银), and by the everyday words of ``occupation_words.json``
(普工, 客服, 主播, 文员, 文职…), which take precedence. A word of a title synonym group
(``data/title_synonyms.json``) names the occupation its group's words name as a whole, where they all
name the same one: 售楼员 and 房产销售 the 房地产经纪人 that 置业顾问 names, 房产经纪人 the one
房地产经纪人 names. A cleaned title reads as the occupation whose word ends it or ends its core, the longest
such word winning (Chinese compounds put the head last: 药店营业员 is a kind of 营业员); a title no word
ends names no occupation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from matching.memo import OBJECT_BYTES, string_entries
from matching.normalize import compact, normalize
from matching.titles import clean_title, title_core, title_synonyms

DATA = Path(__file__).parent / "data"
MIN_WORD = 2


@dataclass(frozen=True, slots=True)
class Occupation:
    code: str
    name: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "name": self.name}


class OccupationTable:
    def __init__(
        self, occupations: list[list[str]], words: dict, groups: tuple[tuple[str, ...], ...] = ()
    ) -> None:
        self.names = {code: name for code, name in occupations}
        skip = tuple(f"{g}-" for g in words.get("skip", ()))
        endings = tuple(sorted(words.get("endings", ()), key=len, reverse=True))
        self.words: dict[str, str] = {}
        for word, code in words.get("everyday", ()):
            if code not in self.names:
                raise ValueError(f"everyday occupation word {word!r}: unknown code {code}")
            self.words.setdefault(compact(normalize(word)), code)
        derived: dict[str, str] = {}
        # 细类 (x-xx-xx-xx) before 小类, so a shared name reads as the occupation itself.
        for code, name in sorted(occupations, key=lambda row: (-row[0].count("-"), row[0])):
            if code.startswith(skip) or name.startswith("其他"):
                continue
            full = compact(normalize(name))
            forms = [full]
            for ending in endings:
                if full.endswith(ending) and len(full) - len(ending) >= MIN_WORD:
                    forms.append(full[: -len(ending)])
                    break
            forms.append(compact(title_core(forms[-1])))
            for form in forms:
                if len(form) >= MIN_WORD:
                    derived.setdefault(form, code)
        for word, code in derived.items():
            self.words.setdefault(word, code)
        for word, code in self._of_groups(groups).items():
            self.words.setdefault(word, code)
        self.longest = max(map(len, self.words), default=0)
        self.read = lru_cache(maxsize=string_entries(OBJECT_BYTES))(self._read)  # values are shared

    def _of_groups(self, groups: tuple[tuple[str, ...], ...]) -> dict[str, str]:
        """Each word of a synonym group whose words that are occupation words as a whole all name one
        occupation -> that occupation (a group naming two, 保险代理人 and 保险经纪人, adds none)."""
        found: dict[str, str] = {}
        for group in groups:
            keys = [compact(normalize(clean_title(word))) for word in group]
            codes = {self.words[key] for key in keys if key in self.words}
            if len(codes) == 1:
                code = codes.pop()
                found.update((key, code) for key in keys if len(key) >= MIN_WORD)
        return found

    def _ending(self, text: str) -> str:
        for start in range(max(0, len(text) - self.longest), len(text) - MIN_WORD + 1):
            if text[start:] in self.words and not (start and _glued(text[start - 1], text[start])):
                return text[start:]
        return ""

    def _read(self, cleaned: str) -> Occupation | None:
        """The occupation a cleaned title (``titles.clean_title``) names, or None."""
        whole, core = compact(cleaned), compact(title_core(cleaned))
        word = max(self._ending(whole), self._ending(core), key=len)
        if not word:
            return None
        code = self.words[word]
        return Occupation(code, self.names[code])


def _glued(before: str, first: str) -> bool:
    """Whether a word starting with ``first`` is the tail of a Latin word (the rd of hrd, HR director)."""
    return first.isascii() and first.isalnum() and before.isascii() and before.isalnum()


@cache
def occupation_table() -> OccupationTable:
    """The classification, its everyday words and the title synonym groups, from ``data/``."""
    occupations = json.loads((DATA / "occupations.json").read_text(encoding="utf-8"))["occupations"]
    words = json.loads((DATA / "occupation_words.json").read_text(encoding="utf-8"))
    return OccupationTable(occupations, words, title_synonyms())
