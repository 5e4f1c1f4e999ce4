"""Desired titles (求职意向) against the fair's position titles, for every position at once.

Position titles are cleaned (``titles.clean_title``) and deduplicated at build time; a desired title is
compared with every distinct cleaned title by the skill similarity rules (so Java never matches
JavaScript前端工程师, while 会计 lies inside 财务会计), and the titles' cores are compared for equality
or near-equality, worth ``title_core`` (数据分析师 ~ 数据分析专员, Java工程师 ~ Java开发工程师).

Titles sharing no characters can still name one job (普工 / 操作工, 司机 / 驾驶员): every word of a
synonym group (``data/title_synonyms.json``) is rewritten as the group's one symbol, and the rewritten
titles and cores are compared the same way, at ``title_synonym`` times the similarity (配送司机 and
送货驾驶员 both read 配送/送货 + the driver group). ``mentions`` finds a seeker skill in the titles the same
way, a skill equal to a title's core counting in full: 会计 is the job 会计助理 names.
Results are cached per desired title.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from matching.lexicon import LexiconBuilder, group_code, is_group_code
from matching.memo import BUDGETS, ByteCache
from matching.normalize import is_cjk
from matching.occupations import Occupation, occupation_table
from matching.records import PositionRecord
from matching.similarity import Vocabulary, substantial
from matching.title_words import TitleWords, read_title
from matching.titles import clean_title, title_core, title_kinds, title_level, title_rules, title_synonyms
from matching.weights import Weights

PLAIN_LEVEL = 2  # the seniority of a title naming none (会计, Java开发工程师), as 专员's in data/titles.json
# One search's (items, scores), for the titles and for the cores: ``TitleSpace.mentions(found=...)``.
Found = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True, slots=True)
class TitleInput:
    """A desired title as read: encoded cleaned title and core, and how sure a typo-corrected reading is."""

    input: str
    key: str
    core: str
    confidence: float = 1.0
    cleaned: str = ""  # the cleaned title as read (typos corrected), which names its occupation
    part: str = ""  # where the desired title joins several jobs (会计/出纳): the one read here, as typed
    as_skill: bool = False  # like no title of the fair, and read as the skill it names (CAD, R语言)
    as_major: bool = False  # like no title of the fair, and read as the seeker's major (机电一体化)
    as_industry: bool = False  # like no title of the fair, and read as a preferred industry (互联网, 国企)


@dataclass(slots=True)
class TitleMatch:
    score: np.ndarray
    per_input: list[np.ndarray]  # each desired title's similarity to every distinct title
    # each desired title's best similarity but as its job in general (``TitleSpace.named_best``), as weighed
    named: list[float]


def cut(
    key: str, items: Sequence[str], spans: Mapping[int, tuple[tuple[int, int], ...]], at: np.ndarray
) -> np.ndarray:
    """Which of the titles ``at`` (indices into ``items``, with their synonym-group words' ``spans``) hold
    ``key`` as written only from the second character of one of those words, within it: 车工 (lathe work)
    in 叉车工 (a forklift driver), 化工 in 绿化工. A Chinese job word's field is two characters or more
    (叉车, 绿化: 电商 of 电商运营, where 运营 is the job), so a key starting one character in cuts it. The
    word's own group still meets the title, where the wish names it; a key held in chunks, or a title that
    is the key, is no cut."""
    out = np.zeros(len(at), dtype=bool)
    if len(key) < 2 or not spans:
        return out
    for n, i in enumerate(at.tolist()):
        held = spans.get(i)
        title = items[i]
        if not held or len(title) == len(key) or (start := title.find(key)) < 0:
            continue
        inside = True
        while start >= 0 and inside:
            end = start + len(key)
            inside = any(start == s + 1 and end <= e and is_cjk(title[s]) for s, e in held)
            start = title.find(key, start + 1)
        out[n] = inside
    return out


class Synonyms:
    """Rewrites encoded titles with each synonym-group word replaced by its group's symbol, longest first;
    knows the narrower jobs of a broader one (``kinds``: group symbol -> the narrower groups' symbols)."""

    def __init__(
        self,
        groups: Sequence[Sequence[str]],
        builder: LexiconBuilder,
        kinds: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.codes: dict[str, str] = {}
        for number, group in enumerate(groups):
            keys = [key for word in group if (key := builder.encode(word, term=True))]
            # A group sharing a word with an earlier one joins it (the alias list's 质检 / QC, a title group's
            # QC / 品检员): one symbol for all their words.
            code = next((self.codes[key] for key in keys if key in self.codes), group_code(number))
            for key in keys:
                self.codes.setdefault(key, code)
        order = sorted(self.codes, key=lambda k: (-len(k), k))
        self.pattern = re.compile("|".join(map(re.escape, order))) if order else None
        self.kinds: dict[str, tuple[str, ...]] = {}
        for broad, narrow in (kinds or {}).items():
            code = self.codes.get(builder.encode(broad, term=True))
            found = tuple(c for w in narrow if (c := self.codes.get(builder.encode(w, term=True))))
            if code and found:
                self.kinds[code] = found
        # Each broader job -> all its narrower jobs, all the way down (程序员 -> 后端开发 -> Go开发工程师).
        self.below: dict[str, frozenset[str]] = {}
        for code in self.kinds:
            seen, todo = set(), list(self.kinds[code])
            while todo:
                if (job := todo.pop()) not in seen:
                    seen.add(job)
                    todo.extend(self.kinds.get(job, ()))
            self.below[code] = frozenset(seen)

    def narrower(self, key: str, core: str, plain: Container[str] = ()) -> list[tuple[str, str]]:
        """A rewritten title and core with a broader job's symbol put for each of its narrower jobs' (销售 ->
        置业顾问, 电话销售...), one pair per narrower job; none when the title names no broader job, or names
        a field beside it (数学老师 is no 幼师, 汽车销售 no 外贸业务员): all it may hold besides the job is
        ``plain`` words (高级销售)."""
        return [
            (key.replace(code, other), core.replace(code, other))
            for code, others in self.kinds.items()
            if code in key and all(not rest or rest in plain for rest in key.split(code))
            for other in others
        ]

    def rewrite(self, key: str) -> str:
        if self.pattern is None or not key:
            return key
        return self.pattern.sub(lambda m: self.codes[m.group()], key)

    def spans(self, key: str) -> tuple[tuple[int, int], ...]:
        """Where ``rewrite`` replaces a group word in ``key``: (start, end) of each."""
        if self.pattern is None or not key:
            return ()
        return tuple(m.span() for m in self.pattern.finditer(key))


class TitleSpace:
    def __init__(
        self,
        titles: Vocabulary,
        cores: Vocabulary,
        core_of_title: np.ndarray,
        displays: list[str],
        title_of_position: np.ndarray,
        weights: Weights,
        synonyms: Synonyms,
        plain_words: frozenset[str] = frozenset(),
        field_roles: frozenset[str] = frozenset(),
    ) -> None:
        """``plain_words``: the seniority and role words, encoded (高级, 资深, 实习生): what a desired title
        may add to a title that is part of it and still want that title's job."""
        self.titles = titles
        self.title_ids = {key: n for n, key in enumerate(titles.items)}
        self.longest_title = max(map(len, self.title_ids), default=0)  # no longer part of a wish is a title
        self.plain_words = plain_words
        self.field_roles = field_roles  # encoded roles naming the work: the core before them is a field
        self.cores = cores
        self.core_of_title = core_of_title
        self.displays = displays  # a distinct cleaned title shows as the first position title that gave it
        self.title_of_position = title_of_position
        self.positions_per_title = np.bincount(title_of_position, minlength=len(titles))
        self.weights = weights
        self.synonyms = synonyms
        # The titles a synonym group word changes, rewritten (title and core side by side).
        changed: list[tuple[int, str, str]] = []
        for n, key in enumerate(titles.items):
            core = cores.items[core_of_title[n]]
            read = (synonyms.rewrite(key), synonyms.rewrite(core))
            if read != (key, core):
                changed.append((n, *read))
        self.synonym_titles = np.array([n for n, _, _ in changed], dtype=np.int64)
        # Where each of those titles holds its group words (叉车工 whole in 叉车工（持证）): a wish or a skill
        # found inside a title only by cutting one (车工 of 叉车工) is not found there (``_uncut``).
        self.group_spans = {n: synonyms.spans(titles.items[n]) for n, _, _ in changed}
        # Titles by the synonym-group job ending them after a field (小学英语教师: the 老师 group).
        by_job: dict[str, list[int]] = {}
        for n, key, _ in changed:
            if len(key) > 1 and is_group_code(key[-1]):
                by_job.setdefault(key[-1], []).append(n)
        self.titles_by_job = {job: np.array(ns, dtype=np.int64) for job, ns in by_job.items()}
        # Titles by each synonym-group job they name anywhere (软件测试工程师: the 测试 group).
        naming: dict[str, list[int]] = {}
        for n, key, _ in changed:
            for code in {c for c in key if is_group_code(c)}:
                naming.setdefault(code, []).append(n)
        self.titles_naming = {job: np.array(ns, dtype=np.int64) for job, ns in naming.items()}
        self.titles_naming_any = np.array(sorted({n for ns in naming.values() for n in ns}), dtype=np.int64)
        self.rewritten = Vocabulary([key for _, key, _ in changed])
        self.rewritten_cores = Vocabulary([core for _, _, core in changed])
        self.words = TitleWords(
            [
                read_title(synonyms.rewrite(key), synonyms.rewrite(cores.items[core_of_title[n]]))
                for n, key in enumerate(titles.items)
            ],
            titles.items,
            weights.title_words,
            weights.title_words_floor,
        )
        self.occupations = occupation_table()
        read = [self.occupations.read(clean_title(d)) for d in displays]
        codes = {o.code for o in read if o}
        self.occupation_ids = {code: n for n, code in enumerate(sorted(codes))}
        self.occupation_of_title = np.array(
            [self.occupation_ids[o.code] if o else -1 for o in read], dtype=np.int32
        )
        self.occupation_read = read  # each distinct title's occupation, or None
        self.core_ids = {key: n for n, key in enumerate(cores.items)}
        by_core: dict[int, list[int]] = {}
        for n, at in enumerate(core_of_title.tolist()):
            by_core.setdefault(at, []).append(n)
        self.titles_of_core = {at: np.array(ns, dtype=np.int64) for at, ns in by_core.items()}
        # Each distinct title's seniority (``title_level``); one naming none is the plain job's.
        self.levels = np.array(
            [PLAIN_LEVEL if (level := title_level(clean_title(d))) is None else level for d in displays],
            dtype=np.float32,
        )
        self._similar = ByteCache(lambda args: self._similarities(*args), BUDGETS["title_similarities"])

    @classmethod
    def build(
        cls,
        positions: Sequence[PositionRecord],
        builder: LexiconBuilder,
        weights: Weights,
        more_synonyms: Sequence[Sequence[str]] = (),
    ) -> TitleSpace:
        """``more_synonyms``: groups read as title synonyms after ``data/title_synonyms.json``'s (the alias
        list's names of one skill in two scripts, ``aliases.cross_script_groups``)."""
        ids: dict[str, int] = {}
        displays: list[str] = []
        column = np.empty(len(positions), dtype=np.int32)
        for n, position in enumerate(positions):
            key = builder.encode(clean_title(position.title), term=True)
            if key not in ids:
                ids[key] = len(ids)
                displays.append(position.title)
            column[n] = ids[key]
        cores: dict[str, int] = {}
        core_of_title = np.fromiter(
            (
                cores.setdefault(builder.encode(title_core(clean_title(d)), term=True), len(cores))
                for d in displays
            ),
            dtype=np.int32,
            count=len(displays),
        )
        rules = title_rules()
        return cls(
            Vocabulary(list(ids)),
            Vocabulary(list(cores)),
            core_of_title,
            displays,
            column,
            weights,
            Synonyms((*title_synonyms(), *more_synonyms), builder, title_kinds()),
            frozenset(builder.encode(w) for w in (*rules.prefixes, *rules.roles)),
            frozenset(builder.encode(w) for w in rules.field_roles),
        )

    def _compare(
        self, titles: Vocabulary, cores: Vocabulary, core_of_title: np.ndarray | None, key: str, core: str,
        core_credit: float, found: Found | None = None,
    ) -> np.ndarray:  # fmt: skip
        """Each title's similarity to ``key``, or ``core_credit`` times its core's near-equality to ``core``
        (``core_of_title`` None: one core per title, in order). ``found``: the two searches, already done."""
        floor = self.weights.match_threshold
        scores = np.zeros(len(titles), dtype=np.float32)
        items, values = found[0] if found else titles.search([key], floor=floor)[0]
        if found is None and core and core != key and len(items) and all(map(is_cjk, core)):
            # A Chinese job told apart from its neighbours (电气, 电子); a Latin one is by the heads rule
            # already (iOS is no PHP; UMCloud C++ may be Linux C++).
            keep = self._of_the_job(titles, cores, core_of_title, items, key, core, floor)
            items, values = items[keep], values[keep]
        scores[items] = values
        if core:
            core_items, core_values = (
                found[1] if found else cores.search([core], floor=floor, contain=False)[0]
            )
            if not len(core_items):
                return scores  # no core near-equal to ``core``: the titles' own similarities
            by_core = np.zeros(len(cores), dtype=np.float32)
            by_core[core_items] = core_values * core_credit
            np.maximum(scores, by_core if core_of_title is None else by_core[core_of_title], out=scores)
        return scores

    @staticmethod
    def _of_the_job(
        titles: Vocabulary, cores: Vocabulary, core_of_title: np.ndarray | None, items: np.ndarray, key: str,
        core: str, floor: float,
    ) -> list[bool]:  # fmt: skip
        """Which of the titles ``items`` a wish with a role word (电气工程师: its job 电气) is like as a
        whole: those holding its job, those whose own job is part of the wish's (机器学习 of
        机器学习/数据挖掘, 结构化存储 of 非结构化存储), and those that are a part of the wish (设计师 of
        UX设计师: a broader job, ``_parts``). 电子工程师 shares four of 电气工程师's five symbols, and is
        another job."""
        own = (cores.items[i] for i in (items if core_of_title is None else core_of_title[items]).tolist())
        keep = [
            core in titles.items[i] or titles.items[i] in key or (bool(job) and job in core)
            for i, job in zip(items.tolist(), own, strict=True)
        ]
        if not all(keep) and (1 - floor) * len(core) >= 1:
            # A job long enough to be held with one symbol astray (非结构化存储 in 结构化存储…): the search. A
            # shorter one is held only as written, which the look-up above found.
            held = set(titles.search([core], floor=floor)[0][0].tolist())
            keep = [k or i in held for k, i in zip(keep, items.tolist(), strict=True)]
        return keep

    def _scores(self, key: str, core: str, core_credit: float, found: Found | None = None) -> np.ndarray:
        """``_compare`` on the titles, and at ``title_synonym`` on the titles rewritten by synonym groups."""
        scores = self._compare(self.titles, self.cores, self.core_of_title, key, core, core_credit, found)
        self._uncut(key, scores)
        key_read, core_read = self.synonyms.rewrite(key), self.synonyms.rewrite(core)
        if len(self.synonym_titles) and (key_read, core_read) != (key, core):
            found = self._compare(
                self.rewritten, self.rewritten_cores, None, key_read, core_read, core_credit
            )
            at = self.synonym_titles
            scores[at] = np.maximum(scores[at], found * np.float32(self.weights.title_synonym))
        return scores

    def _uncut(self, key: str, scores: np.ndarray) -> None:
        """No credit to a title holding ``key`` only by cutting one of its synonym-group words (``cut``)."""
        at = np.flatnonzero(scores)
        scores[at[cut(key, self.titles.items, self.group_spans, at)]] = 0.0

    def occupation(self, title: TitleInput) -> Occupation | None:
        """The occupation a desired title names (收银员 -> 4-01-02-04), or None."""
        return self.occupations.read(title.cleaned) if title.cleaned else None

    def similarities(self, key: str, core: str, cleaned: str = "") -> np.ndarray:
        """A desired title's similarity to every distinct title (cached, bounded in bytes)."""
        return self._similar((key, core, cleaned))[0]

    def named_best(self, key: str, core: str, cleaned: str = "") -> float:
        """A desired title's best similarity to a title other than as its job in general (``_broader``):
        what tells a wish that meets titles from one that meets only the job its field narrows (室内设计
        meeting 设计助理 is still read as the skill it names). Read off the same cache entry."""
        return self._similar((key, core, cleaned))[1]

    def _similarities(self, key: str, core: str, cleaned: str = "") -> tuple[np.ndarray, float]:
        scores = self._scores(key, core, self.weights.title_core)
        key_read, core_read = self.synonyms.rewrite(key), self.synonyms.rewrite(core)
        if core and core != key:
            # The job without its role (运营 of 运营实习生, Java开发 of Java开发实习生) meets the titles
            # holding it as a desired title would, at the core's credit.
            as_title = self._scores(core, "", self.weights.title_core)
            if self._is_field(key, core):
                self._other_jobs_off(key_read, as_title)
            np.maximum(scores, as_title * np.float32(self.weights.title_core), out=scores)
        # A broader job (销售) meets its narrower ones' titles (置业顾问), for less.
        credit = np.float32(self.weights.title_synonym * self.weights.title_kind)
        for narrow_key, narrow_core in self.synonyms.narrower(key_read, core_read, self.plain_words):
            found = self._compare(
                self.rewritten, self.rewritten_cores, None, narrow_key, narrow_core, self.weights.title_core
            )
            at = self.synonym_titles
            scores[at] = np.maximum(scores[at], found * credit)
        job, field = key_read[-1:], key_read[:-1]
        if field and field not in self.plain_words and job in self.titles_by_job:
            # A field and a job (化学老师, 汽车销售): the job's titles in other fields, for less.
            same = self.titles_by_job[job]
            scores[same] = np.maximum(scores[same], np.float32(self.weights.title_field))
        words = read_title(key_read, core_read)
        np.maximum(scores, self.words.likeness(words), out=scores)
        occupation = self.occupations.read(cleaned) if cleaned else None
        at = self.occupation_ids.get(occupation.code, -1) if occupation else -1
        if at >= 0:  # the same occupation under another name: 文职 for 行政文员
            same = self.occupation_of_title == at
            scores[same] = np.maximum(scores[same], np.float32(self.weights.title_occupation))
        for part in self._parts(key, key_read):
            # A title that is only part of the wish, without the field the seeker named (设计师 for UX设计师,
            # 实习生 for HR实习生): the broader job, at most as a broader job's title is met.
            scores[part] = min(scores[part], np.float32(self.weights.title_part))
        named = float(scores.max(initial=0.0))
        self._broader(core, scores)
        self._by_level(core, cleaned, scores)
        scores.flags.writeable = False  # shared through the cache
        return scores, named

    def _broader(self, core: str, scores: np.ndarray) -> None:
        """The titles of the job a wish names after a field, at any level (销售专员, 销售经理 for 电话销售;
        运营专员 for 社群运营): the job in general, at ``title_broader``, above a title sharing only the
        occupation under another name (数字营销经理 for 电话销售). Their core ends the wish's, and what it
        leaves before is a field, not seniority or role words; a role naming the work (开发, 研发: the field
        before it is the job, ``field_roles``) is no job of its own."""
        credit = np.float32(self.weights.title_broader)
        if not credit:
            return
        for start in range(1, len(core)):
            job, field = core[start:], core[:start]
            if field in self.plain_words or job in self.plain_words or job in self.field_roles:
                continue  # 高级 is no field; 开发 of 店面开发 is no job of its own
            if not substantial(job):
                continue
            if (at := self.core_ids.get(job)) is not None:
                same = self.titles_of_core[at]
                scores[same] = np.maximum(scores[same], credit)

    def _by_level(self, core: str, cleaned: str, scores: np.ndarray) -> None:
        """A desired title naming a seniority (市场助理) meets the titles of its job at other levels for a
        little less, ``title_level_step`` a level between them, at most ``title_level_most``: 市场专员 and
        市场实习生 before 市场总监, where sharing the core 市场 gave all three the same credit and the
        position ids decided. Only the titles sharing the wish's core: a title of another job, or one naming
        a level and no job (实习生, 高级工程师), is as near as before, not nearer for its level. A wish naming
        no seniority (软件测试) wants the plain level (``PLAIN_LEVEL``): most seekers here are graduates."""
        if not cleaned:
            return
        wish = PLAIN_LEVEL if (level := title_level(cleaned)) is None else level
        step, most = self.weights.title_level_step, self.weights.title_level_most
        if not step or (at := self.core_ids.get(core)) is None:
            return
        same = self.titles_of_core[at]
        off = np.minimum(np.abs(self.levels[same] - np.float32(wish)) * np.float32(step), np.float32(most))
        scores[same] *= 1 - off

    def _is_field(self, key: str, core: str) -> bool:
        """Whether a wish's core is only the field of its work: Chinese, before a role naming the
        work (软件 of 软件开发, 产品 of 产品经理); not a job of its own (配送 of 配送员) nor a technology."""
        at = key.rfind(core)
        return at >= 0 and all(map(is_cjk, core)) and key[at + len(core) :] in self.field_roles

    def _other_jobs_off(self, key_read: str, scores: np.ndarray) -> None:
        """No credit from a wish's core that is only a field (``_is_field``) to a title naming another job
        of the synonym groups than the jobs the wish names (软件开发: the 程序员 group; 软件测试工程师 is a
        测试 job in the field; 产品经理's 产品 is in 大数据产品开发工程师); a wish naming no group's job
        takes no such care, and a narrower job of the wish's is none other (Go后端开发工程师 of 后端开发)."""
        own = {c for c in key_read if is_group_code(c)}
        if not own:
            return
        held = np.zeros(len(scores), dtype=bool)  # titles naming one of the wish's jobs or a narrower one
        for job in own.union(*(self.synonyms.below.get(c, ()) for c in own)):
            if (ns := self.titles_naming.get(job)) is not None:
                held[ns] = True
        at = self.titles_naming_any
        scores[at[~held[at]]] = 0.0

    def _parts(self, key: str, key_read: str) -> list[int]:
        """The titles that are a proper part of an encoded wish leaving more than seniority or role words
        (设计师 of UX设计师, not UI设计师 of 高级UI设计师), and another job than the wish's: not one of its
        synonym group (``key_read``: 焊工 of 电焊工, 电工 of 维修电工 are the same job by other names)."""
        found = []
        for start in range(len(key)):
            for end in range(start + 1, min(len(key) + 1 - (start == 0), start + self.longest_title + 1)):
                title = self.title_ids.get(key[start:end])
                if title is None or self.synonyms.rewrite(key[start:end]) == key_read != key:
                    continue
                rest = (key[:start], key[end:])
                if any(r and r not in self.plain_words for r in rest):
                    found.append(title)
        return found

    def mentions(self, skill: str, found: Found | None = None) -> np.ndarray:
        """Each distinct title's mention of a seeker skill (encoded): its similarity to the cleaned title,
        1 when the skill is the title's core (Java for Java开发工程师), synonyms at ``title_synonym``.
        ``found``: the skill already searched among the titles and (near-equality only) the cores."""
        return self._scores(skill, skill, 1.0, found)

    def score(self, inputs: Sequence[TitleInput]) -> TitleMatch:
        """Each desired title's similarities (and best but as its job in general), weighed by how surely it
        was read; each position's best over them."""
        per_input, named = [], []
        for t in inputs:
            if t.key:
                scores, best = self._similar((t.key, t.core, t.cleaned))
                weight = 0.5 + 0.5 * t.confidence
                per_input.append(scores * np.float32(weight))
                named.append(best * weight)
        best = np.max(per_input, axis=0) if per_input else np.zeros(len(self.titles), dtype=np.float32)
        return TitleMatch(best[self.title_of_position], per_input, named)

    def nearness(self, inputs: Sequence[TitleInput]) -> np.ndarray:
        """Each position's nearness to the desired titles (``TitleWords.nearness``, the best of them): what
        orders the positions that are no match after those that are."""
        near = np.zeros(len(self.titles), dtype=np.float32)
        for t in inputs:
            if t.key:
                reading = read_title(self.synonyms.rewrite(t.key), self.synonyms.rewrite(t.core))
                np.maximum(near, self.words.nearness(reading), out=near)
        return near[self.title_of_position]

    def positions_matching(self, similarities: np.ndarray) -> int:
        return int(self.positions_per_title[similarities > 0].sum())
