"""The seeker's major (专业) against the majors positions ask for.

A position listing majors scores the best similarity of the seeker's major to one of them (计算机 lies inside
计算机科学与技术), or the groups' similarity where one is of the seeker's field (``data/major_groups.json``:
软件技术 for 计算机科学与技术); a position listing none scores ``major_unknown``, neither helped nor shut out.
A major named by its students' short name (计科, 电商: ``data/majors.json``) is read as its full name, on
both sides, and the words written after it are read off (计算机相关专业, 会计专业优先): what is left is a
field where they say so (相关, 类, 等), met in full by each major of the group it names. 专业不限 asks none.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from matching.lexicon import LexiconBuilder
from matching.memo import BUDGETS, ByteCache, string_cache
from matching.normalize import compact, is_cjk, normalize
from matching.pinyin import PinyinTable
from matching.postings import Postings, raised
from matching.records import PositionRecord
from matching.similarity import Vocabulary
from matching.weights import Weights

MAJORS_PATH = Path(__file__).parent / "data" / "majors.json"
GROUPS_PATH = Path(__file__).parent / "data" / "major_groups.json"


@cache
def _majors_data() -> dict:
    return json.loads(MAJORS_PATH.read_text(encoding="utf-8"))


@cache
def _short_names() -> dict[str, str]:
    """Short names (计科) and English names (Computer Science), compact -> the full Chinese name."""
    data = _majors_data()
    return {
        compact(name): full
        for names in (data["short_names"], data["english_names"])
        for name, full in names.items()
    }


@cache
def _tails() -> tuple[str, ...]:
    return tuple(sorted({compact(t) for t in _majors_data()["tails"]}, key=len, reverse=True))


@cache
def _any_major() -> frozenset[str]:
    return frozenset(compact(t) for t in _majors_data()["any"])


@string_cache()  # the positions list's major filter reads every position's majors for every request
def read_major(text: str) -> tuple[str, bool]:
    """A major as written, without the words after it (计算机相关专业, 会计专业优先: ``data/majors.json``'s
    tails), its students' short name read as its full name (计科: 计算机科学与技术); and whether a tail read
    off makes it a field (相关, 类, 等: ``field_groups``). Any major (专业不限) reads as ""."""
    key = compact(text)
    if key in _any_major():
        return "", False
    # Pinyin (jisuanji: 计算机), as a phone's keyboard leaves it when the Chinese is not picked.
    if spelt := _spelt(key):
        text, key = spelt, compact(spelt)
    field = False
    while tail := next((t for t in _tails() if key.endswith(t) and len(key) > len(t)), None):
        key = key[: -len(tail)]
        field = field or any(mark in tail for mark in ("相关", "类", "等"))
    if key == compact(text):
        return _full_name(key) or text, False
    return _full_name(key) or key, field


@cache
def _spellings() -> PinyinTable:
    """The Chinese names of majors (``data/major_groups.json``'s majors and fields, the short names), by
    their pinyin."""
    groups = major_groups()[1]
    names = [
        *(m for majors in groups.values() for m in majors),
        *_group_names(),
        *_majors_data()["short_names"],
    ]
    return PinyinTable(sorted(set(names)))


def _spelt(key: str) -> str | None:
    """The one Chinese name of a major a Latin ``key`` (compact) spells in full pinyin (jisuanji: 计算机,
    shichangyingxiao: 市场营销), or with one slip of the keyboard in six letters or more (jisuanjj); None for
    an English name (``english_names``) or a spelling of none or of several."""
    if not (key.isascii() and key.isalpha()) or key in _short_names():
        return None
    table = _spellings()
    found = table.exact(key) or table.near(key)
    return found[0] if len(found) == 1 else None


@cache
def _endings() -> tuple[str, ...]:
    return tuple(compact(e) for e in _majors_data()["endings"])


def _full_name(key: str) -> str | None:
    """The full name of a major written ``key`` (compact): its short or English name's (计科, Computer
    Science), or the one major of ``data/major_groups.json`` that ``key`` names with one of ``endings``
    after it, as students leave it out (机电一体化: 机电一体化技术; 数控: 数控技术), or else the one major
    there that begins with it (学前: 学前教育). None where ``key`` is a major or a field there itself (物流 is
    no 物流工程), or names two (软件: 软件技术, 软件工程)."""
    if (full := _short_names().get(key)) is not None:
        return full
    majors = _groups_of_major()
    if key in majors or key in _group_names():
        return None
    named = [key + ending for ending in _endings() if key + ending in majors]
    if named:
        return named[0] if len(named) == 1 else None
    return _begun().get(key)


@cache
def _begun() -> dict[str, str]:
    """The first two characters or more of one major of ``data/major_groups.json`` that no other begins with
    (学前 of 学前教育, 人力 of 人力资源管理; not 数字媒体, which begins 数字媒体技术 and 数字媒体艺术): the
    name students shorten it to."""
    starts: dict[str, set[str]] = {}
    for major in _groups_of_major():
        if all(map(is_cjk, major)):
            for end in range(2, len(major)):
                starts.setdefault(major[:end], set()).add(major)
    return {start: next(iter(found)) for start, found in starts.items() if len(found) == 1}


def full_major(text: str) -> str:
    """A major as ``read_major`` reads it, without saying whether it is a field."""
    return read_major(text)[0]


@cache
def _group_names() -> dict[str, tuple[str, ...]]:
    """A group's name, and each part of it joined by 与 (会计与财务: 会计, 财务), compacted -> its groups."""
    names: dict[str, list[str]] = {}
    for group in major_groups()[1]:
        for name in _names_of_group(group):
            names.setdefault(compact(name), []).append(group)
    return {name: tuple(groups) for name, groups in names.items()}


def _names_of_group(group: str) -> tuple[str, ...]:
    """A group's name, its parts joined by 与 (会计与财务: 会计与财务, 会计, 财务) and the other words for it
    (``names`` of ``data/major_groups.json``: 电子 for 电子信息与通信)."""
    return tuple(dict.fromkeys([group, *group.split("与"), *_other_names().get(group, ())]))


@cache
def _other_names() -> dict[str, tuple[str, ...]]:
    return {group: tuple(names) for group, names in _groups_data().get("names", {}).items()}


@cache
def _groups_of_major() -> dict[str, tuple[str, ...]]:
    """A major of ``data/major_groups.json``, compacted -> its groups."""
    found: dict[str, list[str]] = {}
    for group, majors in major_groups()[1].items():
        for major in majors:
            found.setdefault(compact(major), []).append(group)
    return {major: tuple(groups) for major, groups in found.items()}


def field_groups(major: str, field: bool) -> tuple[str, ...]:
    """The groups of ``data/major_groups.json`` a major as read (``read_major``) names as a field: written
    as one (``field``: 计算机相关专业, 会计类), by a group's name or a part of it or by one of its majors; or
    by a group's name or part that is no major itself (计算机, 通信). A major alone is no field (会计)."""
    key = compact(major)
    if field:
        return _group_names().get(key) or _groups_of_major().get(key, ())
    return () if key in _groups_of_major() else _group_names().get(key, ())


def names_a_major(text: str) -> bool:
    """Whether ``text``, read as a major (``read_major``), is a major or a field of ``data/major_groups.json``
    as it stands (电气, 机械, 土木 for 土木工程, 绘画), not a word only like one (商务, 开发)."""
    major, field = read_major(text)
    return compact(major) in _groups_of_major() or bool(field_groups(major, field))


def field_majors(major: str, field: bool) -> tuple[str, ...]:
    """What a field (``field_groups``) asks in full: each major of its groups, and the groups' own names
    (a seeker's 计算机专业 is the field itself); none for a major that is no field."""
    groups = major_groups()[1]
    return tuple(
        dict.fromkeys(m for g in field_groups(major, field) for m in (*groups[g], *_names_of_group(g)))
    )


@string_cache()
def _held_by_field(written: str) -> frozenset[str]:
    return frozenset(map(compact, field_majors(*read_major(written))))


def field_holds(written: str, major: str) -> bool:
    """Whether a major as a position writes it (计算机相关专业) is a field holding ``major`` as a seeker
    writes it (软件工程, 软工)."""
    return compact(full_major(major)) in _held_by_field(written)


@cache
def major_groups() -> tuple[float, dict[str, tuple[str, ...]]]:
    """The majors of one field (``data/major_groups.json``): their similarity, and group -> majors."""
    data = _groups_data()
    return float(data["similarity"]), {name: tuple(majors) for name, majors in data["groups"].items()}


@cache
def _groups_data() -> dict:
    return json.loads(GROUPS_PATH.read_text(encoding="utf-8"))


def _group_table(builder: LexiconBuilder) -> dict[str, frozenset[str]]:
    """Encoded major -> the encoded majors of its groups (itself among them); a group's name, or a part of
    it, as a seeker's field (计算机专业) -> the group's majors."""
    encoded = {
        group: {builder.encode(normalize(m), term=True) for m in majors}
        for group, majors in major_groups()[1].items()
    }
    groups: dict[str, set[str]] = {}
    for keys in encoded.values():
        for key in keys:
            groups.setdefault(key, set()).update(keys)
    for name, named in _group_names().items():
        key = builder.encode(normalize(name), term=True)
        for group in named:
            groups.setdefault(key, set()).update(encoded[group])
    return {key: frozenset(kin) for key, kin in groups.items()}


class MajorSpace:
    def __init__(
        self,
        vocabulary: Vocabulary,
        displays: list[str],
        postings: Postings,
        weights: Weights,
        kin: dict[str, frozenset[str]] | None = None,
        fields: dict[str, tuple[int, ...]] | None = None,
        bare_fields: frozenset[str] = frozenset(),
    ) -> None:
        """``kin``: each encoded major of a group -> the encoded majors of its groups (``major_groups``).
        ``fields``: an encoded major -> the items that are fields holding it (计算机相关专业: 软件工程).
        ``bare_fields``: the encoded names of fields that are no major (计算机, 电子, 通信)."""
        self.vocabulary = vocabulary
        self.displays = displays
        self.postings = postings
        self.weights = weights
        self.kin = kin or {}
        self.fields = fields or {}
        self.bare_fields = bare_fields
        self._item_of = {item: n for n, item in enumerate(vocabulary.items)}
        self.hits = ByteCache(self._hits, BUDGETS["majors"])
        self.related = ByteCache(self._related, BUDGETS["majors"])

    @classmethod
    def build(
        cls, positions: Sequence[PositionRecord], builder: LexiconBuilder, weights: Weights
    ) -> MajorSpace:
        ids: dict[str, int] = {}
        displays: list[str] = []
        lists = []
        fields: dict[str, set[int]] = {}
        for position in positions:
            row = []
            for major in position.majors:
                read, field = read_major(major)  # "" where any major will do: it asks for none
                named = field_groups(read, field) if read else ()
                # A field written as one (会计类) is an item of its own, apart from the major (会计) it names.
                key = builder.encode(normalize(major if named and field else read), term=True) if read else ""
                if key and key not in ids:
                    ids[key] = len(ids)
                    displays.append(major)
                    for member in field_majors(read, field):  # what it asks in full
                        fields.setdefault(builder.encode(normalize(member), term=True), set()).add(ids[key])
                if key:
                    row.append(ids[key])
            lists.append(tuple(dict.fromkeys(row)))
        postings = Postings.from_lists(lists, len(ids))
        _spellings()  # read with the index (50 ms), before a service forks its workers: each would build it
        covering = {key: tuple(sorted(items)) for key, items in fields.items()}
        majors = _groups_of_major()
        bare = frozenset(builder.encode(normalize(n), term=True) for n in _group_names() if n not in majors)
        return cls(Vocabulary(list(ids)), displays, postings, weights, _group_table(builder), covering, bare)

    def _hits(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """The majors asked for like ``key``, by similarity, and the fields holding it in full (a seeker's
        软件工程 is what a position asking 计算机相关专业 or 计算机类 asks for)."""
        items, values = self.vocabulary.search([key], floor=self.weights.match_threshold)[0]
        if len(items) and self.bare_fields:
            names = self.vocabulary.items
            keep = [n for n, item in enumerate(items.tolist()) if self._alike(key, names[item])]
            items, values = items[keep], values[keep]
        return raised(items, values, ((item, 1.0) for item in self.fields.get(key, ())))

    def _alike(self, key: str, item: str) -> bool:
        """Whether a major found like ``key`` counts: a field written bare (电子, 计算机) holds its own
        majors, not one it is part of (电子 of 电子商务), and is held by its majors (``fields``), not by one
        it is part of (电子商务 holds no 电子)."""
        if item == key:
            return True
        if item in self.bare_fields:
            return False
        return key not in self.bare_fields or item in self.kin.get(key, ())

    def _related(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """``_hits``, with the other majors of its field at the groups' similarity (软件技术 for
        计算机科学与技术)."""
        items, values = self.hits(key)
        similarity = major_groups()[0]
        kin = (self._item_of[k] for k in self.kin.get(key, ()) if k in self._item_of)
        return raised(items, values, ((item, similarity) for item in kin))

    def score(self, key: str) -> np.ndarray:
        items, values = self.related(key)
        best = self.postings.best(items, values, np.zeros(self.postings.n_positions, dtype=np.float32))
        return np.where(self.postings.per_position > 0, best, np.float32(self.weights.major_unknown))

    def asking(self, key: str) -> int:
        """How many positions list the encoded major ``key`` itself (not one merely like it)."""
        item = self._item_of.get(key)
        return 0 if item is None else len(self.postings.positions_of(np.array([item], dtype=np.int32)))

    def held(self, key: str) -> np.ndarray:
        """Which positions list a major like the seeker's, the major alone (filters and a wish read as a major
        take it so, as the positions list filters; of its field too: ``asked_in`` a match's scores)."""
        items, values = self.hits(key)
        return self.postings.best(items, values, np.zeros(self.postings.n_positions, dtype=np.float32)) > 0

    def asked_in(self, scores: np.ndarray) -> np.ndarray:
        """Which positions ``score`` found asking a major like the seeker's or of its field, read off the
        scores of a match without searching again (a position listing no major scores ``major_unknown``, and
        is not one)."""
        return (scores > 0) & (self.postings.per_position > 0)

    def best_for(self, key: str, position: int) -> tuple[str | None, float]:
        """The position's major closest to the seeker's, with its similarity, for explanations."""
        items = self.postings.items_of(position)
        found, values = self.related(key)
        scores = dict(zip(found.tolist(), values.tolist(), strict=True))
        best = max(items.tolist(), key=lambda i: (scores.get(i, 0.0), -i), default=None)
        return (None, 0.0) if best is None else (self.displays[best], round(scores.get(best, 0.0), 4))
