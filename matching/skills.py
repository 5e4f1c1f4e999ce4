"""The fair's skill vocabulary and the skill part of the score, computed for every position at once.

Each position skill is read once at build time: through the alias table (k8s -> Kubernetes, 前端三件套 ->
HTML, CSS, JavaScript) and encoded; equal keys share one vocabulary item. Per request, each seeker skill
form is searched against the vocabulary (cached per form: seekers repeat skills), against position titles
and against descriptions, and a few sparse reads turn those hits into per-position numbers:

* evidence of a form in a position: the best of a listed skill's similarity, the title's mention
  (``TitleSpace.mentions``: the cleaned title's similarity, 1 when the form is the title's core, synonyms;
  a hit only in the title's bracketed notes counts ``title_mention`` times its similarity) and the
  description's (``description_mention`` times the mention's similarity);
* ``use``: the mean over the seeker's skill forms of their evidence;
* ``req``: the share of the position's requirements met. Besides the job itself, a position asks for its
  listed skills, each met by the best seeker skill (a position listing none is taken to ask for
  ``unlisted_requirements`` - 1 unseen things), plus one more met when its description or only its title's
  notes mention a seeker skill (the best such mention, counted where it raises the share): ``rest``. When
  its cleaned title names a seeker skill, the job itself is ``title_requirement`` of the requirements, met
  by the best such mention:
  ``req = title_requirement * title + (1 - title_requirement) * rest``; otherwise ``req = rest``;
* skill score = F-beta(req, use). Where a position lists its skills (states its requirements), β =
  ``skill_beta`` > 1 lets coverage of the requirements lead, the share of the seeker's skills used refining
  the order among postings met equally; where it lists none, β = ``skill_beta_unlisted`` < 1 lets the
  seeker's skills (the query) lead, as its requirements are unknown.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from matching import memo
from matching.aliases import AliasTable
from matching.credentials import credential_ladders, unlevelled_rungs
from matching.lexicon import LexiconBuilder
from matching.memo import BUDGETS, ByteCache
from matching.mentions import Mentions
from matching.normalize import normalize, prefold
from matching.postings import Postings, raised, union
from matching.records import PositionRecord
from matching.resume_text import skill_cores
from matching.similarity import Vocabularies, Vocabulary
from matching.title_space import TitleSpace, cut
from matching.titles import title_rules
from matching.weights import Weights

EVIDENCE, LISTED, TITLE, DESCRIBED = 0, 1, 2, 3  # columns of ``FormHits.table``
FAMILIES_PATH = Path(__file__).parent / "data" / "skill_families.json"


@cache
def _families_data() -> dict:
    return json.loads(FAMILIES_PATH.read_text(encoding="utf-8"))


@cache
def skill_families() -> tuple[float, dict[str, tuple[str, ...]]]:
    """The framework families of ``data/skill_families.json``: their similarity and name -> members."""
    data = _families_data()
    return float(data["similarity"]), {k: tuple(v) for k, v in data["families"].items()}


@cache
def skill_suites() -> tuple[float, dict[str, tuple[str, ...]]]:
    """The suites of ``data/skill_families.json`` (Office: Word, Excel, PPT): their similarity and name ->
    programs."""
    data = _families_data()
    return float(data["suite_similarity"]), {k: tuple(v) for k, v in data["suites"].items()}


def family_links(builder: LexiconBuilder) -> dict[str, dict[str, float]]:
    """Encoded skill -> the encoded skills it stands for, at their similarity: its family (name and members,
    both ways), a suite's programs (``skill_suites``: one way), and the credentials below it in its ladder
    (``credential_ladders``: one way)."""
    similarity, families = skill_families()
    links: dict[str, dict[str, float]] = {}
    for name, members in families.items():
        head = builder.encode(normalize(name), term=True)
        for member in (builder.encode(normalize(m), term=True) for m in members):
            links.setdefault(head, {})[member] = similarity
            links.setdefault(member, {})[head] = similarity
    covered, suites = skill_suites()
    for name, programs in suites.items():
        suite = links.setdefault(builder.encode(normalize(name), term=True), {})
        for program in (builder.encode(normalize(p), term=True) for p in programs):
            suite[program] = max(suite.get(program, 0.0), covered)
    held = credential_ladders()[0]
    for _, keys in _encoded_ladders(builder):
        for at, higher in enumerate(keys):
            for lower in keys[:at]:
                below = links.setdefault(higher, {})
                below[lower] = max(below.get(lower, 0.0), held)
    return links


def _encoded_ladders(builder: LexiconBuilder) -> list[tuple[tuple[str, ...], list[str]]]:
    """Each credential ladder (``credential_ladders``), lowest first, with its rungs encoded."""
    return [(ladder, [builder.encode(normalize(name), term=True) for name in ladder]) for ladder in
            credential_ladders()[1]]  # fmt: skip


def ladder_above(builder: LexiconBuilder, item_of: dict[str, int]) -> dict[str, frozenset[int]]:
    """Encoded credential -> the vocabulary items (``item_of``) above it in its ladders: what it never meets,
    however alike the names (英语四级 is no 英语专业四级); none for a rung that names no level
    (``unlevelled_rungs``: 驾驶证)."""
    above: dict[str, set[int]] = {}
    unlevelled = unlevelled_rungs()
    for ladder, keys in _encoded_ladders(builder):
        for at, (name, lower) in enumerate(zip(ladder, keys, strict=True)):
            if name not in unlevelled:
                held = {item_of[k] for k in keys[at + 1 :] if k in item_of}
                above.setdefault(lower, set()).update(held)
    return {key: frozenset(higher) for key, higher in above.items() if higher}


@dataclass(frozen=True, slots=True)
class SkillForm:
    """One skill a seeker input stands for: its encoded key, how it reads, and how sure the reading is."""

    key: str
    display: str
    confidence: float = 1.0


def _frozen(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


# The arrays of a form found nowhere, as ``SkillSpace._hits`` builds them: items, scores, positions, table.
_EMPTY = tuple(
    _frozen(np.empty(shape, dtype=dtype))
    for shape, dtype in (((0,), np.int32), ((0,), np.float32), ((0,), np.int32), ((0, 4), np.float32))
)


@dataclass(frozen=True, slots=True)
class FormHits:
    """Where one skill form is found (cached, shared between requests, never changed).

    ``positions`` are the positions with any evidence of the form; ``table`` has one row per such position:
    the best evidence, the sum of its listed skills' similarities, the cleaned title's mention (the job
    itself), the mention by the description or the title's notes where no listed skill meets the form; all
    before the form's confidence is applied.
    """

    skills: dict[int, float]  # vocabulary item -> similarity
    titles: dict[int, float]  # distinct title (as written) -> mention
    descriptions: dict[int, float]  # distinct description -> similarity of its mention
    skill_items: np.ndarray
    skill_scores: np.ndarray
    positions: np.ndarray
    table: np.ndarray
    # The best hit for the profile echo: (similarity, vocabulary item), the item None when the best is a
    # title's or a description's mention (only where no listed skill is found); None when nothing is found.
    best: tuple[float, int | None] | None = None

    @classmethod
    def nothing(cls) -> FormHits:
        """A form found nowhere (its arrays empty and shared)."""
        return cls({}, {}, {}, *_EMPTY)

    @property
    def nbytes(self) -> int:
        """Estimated bytes held (``memo``): the arrays' buffers and about 100 bytes per dict entry."""
        arrays = (self.skill_items, self.skill_scores, self.positions, self.table)
        return (
            sum(a.nbytes + 112 for a in arrays)
            + 100 * (len(self.skills) + len(self.titles) + len(self.descriptions))
            + 4 * memo.OBJECT_BYTES
        )


@dataclass(frozen=True, slots=True)
class SkillMatch:
    """One request's skill score per position, and each form's hits and confidence for explanations."""

    score: np.ndarray
    forms: tuple[SkillForm, ...]
    hits: tuple[FormHits, ...]

    def sure(self, form: int) -> float:
        return 0.5 + 0.5 * self.forms[form].confidence

    def found(self, key: str) -> bool:
        """Whether the form encoded ``key`` hit any position (a listed skill, a family, a title or a text)."""
        return any(len(h.positions) > 0 for f, h in zip(self.forms, self.hits, strict=True) if f.key == key)


def soft_skills(aliases: AliasTable) -> Callable[[str], bool]:
    """Whether a listed skill as written is a soft one (the alias list's category ``soft``: 沟通能力,
    吃苦耐劳), by an alias or once the words around it are read off (良好的沟通能力, 责任心强)."""
    names = {normalize(c) for entry in aliases.entries if entry.category == "soft" for c in entry.canonicals}

    def soft(written: str) -> bool:
        for text in (written, *skill_cores(normalize(written))):
            if found := aliases.canonicals_of(text):
                return all(normalize(name) in names for name in found)
        return False

    return soft


_LEFT_OVER = re.compile(r"[\W_]+")  # separators and marks: what no requirement is made of


def asks_nothing(written: str) -> bool:
    """Whether a listed skill is no requirement: benefits, pay, urgency, head counts, experience notes and
    open conditions alone (五险一金, 周末双休、包吃住, 应届生可, 急招, 3年以上经验: the notes ``clean_title``
    reads off titles, ``data/titles.json``), which employers' tag lists carry beside their skills. Such a tag
    is neither asked of the seeker nor shown missing; one that holds a skill besides (五险一金办理) is one."""
    return not _LEFT_OVER.sub("", title_rules().noise.sub("", prefold(written)))


def sums(positions: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Per position, the sum of ``values`` at ``positions`` (floats even when there are none)."""
    return np.bincount(positions, weights=values, minlength=n).astype(np.float64, copy=False)


def f_beta(req: np.ndarray, use: np.ndarray, beta: float | np.ndarray) -> np.ndarray:
    b2 = np.square(beta)
    denominator = b2 * use + req
    return np.divide((1 + b2) * req * use, denominator, out=np.zeros_like(denominator), where=denominator > 0)


class SkillSpace:
    def __init__(
        self,
        vocabulary: Vocabulary,
        displays: list[str],
        postings: Postings,
        item_ids: dict[str, tuple[int, ...]],
        mentions: Mentions,
        titles: TitleSpace,
        weights: Weights,
    ) -> None:
        self.vocabulary = vocabulary
        self.displays = displays
        self.postings = postings
        self.item_ids = item_ids  # a position skill as written -> its vocabulary items
        self.mentions = mentions
        self.titles = titles
        self.weights = weights
        # A title as written -> its cleaned title (every position maps one to the other).
        self.cleaned_of_title = np.zeros(len(mentions.titles), dtype=np.int32)
        self.cleaned_of_title[mentions.title_of_position] = titles.title_of_position
        self._set_asked(postings.per_position)  # every listed skill a hard one, until ``build`` knows
        self.hits = ByteCache(self._hits, BUDGETS["skill_hits"])  # bounded in bytes, whatever the fair
        self.links: dict[str, dict[str, float]] = {}  # family links (``family_links``), set by ``build``
        self.above: dict[str, frozenset[int]] = {}  # ladder rungs above a credential (``ladder_above``)
        self.soft = np.zeros(len(vocabulary), dtype=bool)  # per item: a soft skill? (``soft_skills``)
        self._item_of = {key: n for n, key in enumerate(vocabulary.items)}
        self.searched = Vocabularies([vocabulary, mentions.titles, titles.titles, titles.cores])
        # Where the titles as written hold synonym-group words (``title_space.cut``).
        spans = ((n, titles.synonyms.spans(t)) for n, t in enumerate(mentions.titles.items))
        self.written_spans = {n: held for n, held in spans if held}

    @classmethod
    def build(
        cls,
        positions: Sequence[PositionRecord],
        builder: LexiconBuilder,
        aliases: AliasTable,
        mentions: Mentions,
        titles: TitleSpace,
        weights: Weights,
    ) -> SkillSpace:
        keys: dict[str, int] = {}
        readings: dict[str, tuple[tuple[int, str], ...]] = {}  # skill as written -> (item, name) pairs
        for written in dict.fromkeys(s for p in positions for s in p.skills):
            pairs = []
            for name in () if asks_nothing(written) else aliases.canonicals_of(written) or (written.strip(),):
                key = builder.encode(normalize(name), term=True)
                if key:
                    pairs.append((keys.setdefault(key, len(keys)), name))
            readings[written] = tuple(pairs)
        # An item shows as the name most positions gave it (the canonical name when read through an alias).
        votes: list[Counter[str]] = [Counter() for _ in keys]
        for written, count in Counter(s for p in positions for s in p.skills).items():
            for item, name in readings[written]:
                votes[item][name] += count
        item_ids = {w: tuple(dict.fromkeys(item for item, _ in pairs)) for w, pairs in readings.items()}
        writtens: list[list[str]] = [[] for _ in keys]
        for written, pairs in readings.items():
            for item, _ in pairs:
                writtens[item].append(written)
        lists = [tuple(dict.fromkeys(i for s in p.skills for i in item_ids[s])) for p in positions]
        space = cls(
            Vocabulary(list(keys), heads=True),
            [v.most_common(1)[0][0] for v in votes],
            Postings.from_lists(lists, len(keys)),
            item_ids,
            mentions,
            titles,
            weights,
        )
        space.links = family_links(builder)
        space.above = ladder_above(builder, space._item_of)
        soft = soft_skills(aliases)
        flags = np.array([any(map(soft, writtens[item])) for item in range(len(keys))], dtype=bool)
        space.soft = flags
        space._set_asked(space.postings.by_position @ (~flags).astype(np.float32))
        return space

    def _set_asked(self, hard: np.ndarray) -> None:
        """What a position asks for besides the job itself: its listed skills, and the unseen things a
        position listing nothing asks for where it lists no hard skill (``hard``: the count per position).
        A 储备干部 or 普工 asking 沟通能力 and 团队合作 alone wants more than those: it is no full match for a
        Java developer who has them too (soft skills: ``soft_skills``)."""
        unseen = np.where(hard > 0, 0.0, self.weights.unlisted_requirements - 1.0)
        self._asked = self.postings.per_position + unseen

    def _family(self, key: str, items: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The vocabulary hits of ``key`` with its family's listed skills added at the family similarity,
        and without the credentials above it in a ladder."""
        linked = self.links.get(key, {}).items()
        items, scores = raised(
            items, scores, ((i, sim) for other, sim in linked if (i := self._item_of.get(other)) is not None)
        )
        if above := self.above.get(key):
            kept = [n for n, item in enumerate(items.tolist()) if item not in above]
            if len(kept) < len(items):
                items, scores = items[kept], scores[kept]
        return items, scores

    def _by_aliases(self, key: str, items: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The listed-skill hits of ``key`` with the listed skills that hold one of its aliases added, as
        running text names a skill by them (``Mentions.aliases``): a posting listing 全盘做账 or 客户关系维护
        asks what a seeker's 会计 (做账) or 客户关系管理 (客户维护) is, though neither name holds the other.
        A listed skill inside an alias is not one (Office inside office三件套, an alias of Word: a posting
        asking Office is not met by Word alone; the skill's family says what it stands for)."""
        names = self.mentions.aliases.get(key)
        if not names:
            return items, scores
        found = self.vocabulary.search(names, floor=self.weights.match_threshold, contain=True)
        lengths = self.vocabulary.lengths
        held = (
            (i, s)
            for name, (at, values) in zip(names, found, strict=True)
            for i, s in zip(at.tolist(), values.tolist(), strict=True)
            if lengths[i] >= len(name)
        )
        return raised(items, scores, held)

    def _hits(self, key: str) -> FormHits:
        """Where ``key`` is found; the work grows with the positions holding it, not with the fair."""
        w = self.weights
        # One pass over the skills, the titles as written, the cleaned titles and their cores.
        listed, (raw_items, raw_scores), *cleaned = self.searched.search(
            key, floor=w.match_threshold, contain=(True, True, True, False)
        )
        if len(raw_items):  # not 车工 in 叉车工
            kept = ~cut(key, self.mentions.titles.items, self.written_spans, raw_items)
            raw_items, raw_scores = raw_items[kept], raw_scores[kept]
        listed = self._by_aliases(key, *listed)
        skill_items, skill_scores = self._family(key, *listed)
        # Titles: as written (notes included) at ``title_mention``, cleaned (the job itself) in full.
        job = self.titles.mentions(key, found=(cleaned[0], cleaned[1]))
        descriptions = self.mentions.in_descriptions(key)
        if not (len(skill_items) or len(raw_items) or descriptions or job.any()):
            return FormHits.nothing()  # as many typos are: no sparse reads to assemble
        job = job[self.cleaned_of_title]
        by_title = job.copy()
        by_title[raw_items] = np.maximum(by_title[raw_items], raw_scores * np.float32(w.title_mention))
        title_items = np.flatnonzero(by_title).astype(np.int32)
        title_scores = by_title[title_items].astype(np.float64)
        description_items = np.fromiter(descriptions, dtype=np.int32, count=len(descriptions))
        description_scores = (
            np.fromiter(descriptions.values(), dtype=np.float64, count=len(descriptions))
            * w.description_mention
        )
        # The positions of each source (a position may list several of the items found), and their union.
        listed_at, listed_values = self.postings.gather(skill_items, skill_scores.astype(np.float64))
        titled_at = self.mentions.title_postings.positions_of(title_items)
        described_at, described_values = self.mentions.description_postings.gather(
            description_items, description_scores
        )
        found, slot = union([listed_at, titled_at, described_at], self.postings.n_positions)
        m, k = len(found), len(listed_at)
        listed = np.zeros(m)
        np.maximum.at(listed, slot[:k], listed_values)
        listed_sum = np.bincount(slot[:k], weights=listed_values, minlength=m)
        # A position has one title: its mentions are read off the per-title arrays.
        title_of = self.mentions.title_of_position[found]
        titled = by_title[title_of].astype(np.float64)
        named = job[title_of].astype(np.float64)
        described = np.zeros(m)
        described[slot[k + len(titled_at) :]] = described_values
        # The job itself is the cleaned title; a mention only in the title's notes (安全员（商业项目）) is
        # evidence and, like a description's, one more requirement met, not the job.
        described = np.maximum(described, np.where(named > 0, 0.0, titled))
        evidence = np.maximum(np.maximum(listed, titled), described)
        kept = np.flatnonzero(evidence)
        skills = dict(zip(skill_items.tolist(), skill_scores.tolist(), strict=True))
        titles = dict(zip(title_items.tolist(), title_scores.tolist(), strict=True))
        best: tuple[float, int | None] | None = None
        if skills:
            item = max(skills, key=lambda i: (skills[i], -i))
            best = (skills[item], item)
        elif titles or descriptions:  # written in a title or a description: the closer of the two
            best = (max([*titles.values(), *descriptions.values()]), None)
        hits = FormHits(
            skills=skills,
            titles=titles,
            descriptions=descriptions,
            skill_items=skill_items,
            skill_scores=skill_scores,
            positions=found[kept].astype(np.int32),
            # A description mention is a requirement of its own where no listed skill meets it
            table=np.stack(
                [
                    evidence[kept],
                    listed_sum[kept],
                    named[kept],
                    np.where(listed[kept] > 0, 0.0, described[kept]),
                ],
                axis=1,
            ).astype(np.float32),
            best=best,
        )
        for array in (skill_items, skill_scores, hits.positions, hits.table):
            array.flags.writeable = False
        return hits

    def _listed_best(
        self, found: Sequence[FormHits], forms: Sequence[SkillForm]
    ) -> tuple[np.ndarray, np.ndarray]:
        """(position, best similarity any form gives one of its listed skills) for each listed skill held."""
        best_item = np.zeros(len(self.vocabulary))
        for hits, form in zip(found, forms, strict=True):
            at = hits.skill_items
            best_item[at] = np.maximum(best_item[at], hits.skill_scores * (0.5 + 0.5 * form.confidence))
        held = np.flatnonzero(best_item)
        return self.postings.gather(held, best_item[held])

    def score(self, forms: Sequence[SkillForm]) -> SkillMatch:
        """The skill score of every position for a seeker's distinct skill forms. The work grows with the
        positions the forms are found in, not with the fair: everything below runs on those alone."""
        w, n = self.weights, self.postings.n_positions
        if not forms:
            return SkillMatch(np.zeros(n), (), ())
        found = tuple(self.hits(form.key) for form in forms)
        table = np.concatenate(
            [h.table * np.float64(0.5 + 0.5 * f.confidence) for h, f in zip(found, forms, strict=True)]
        )
        # The evidenced positions, and each row's slot among them (one form's positions are distinct, sorted).
        if len(found) == 1:
            evidenced, slot = found[0].positions, np.arange(len(found[0].positions))
        else:
            evidenced, slot = union([h.positions for h in found], n)
        m = len(evidenced)
        # Each form's positions are distinct, so weighted counts sum the forms' evidence.
        use = sums(slot, table[:, EVIDENCE], m) / len(forms)
        titled = np.zeros(m)
        named = table[:, TITLE] > 0
        np.maximum.at(titled, slot[named], table[named, TITLE])
        only_described = table[:, DESCRIBED] > 0
        described = sums(slot[only_described], table[only_described, DESCRIBED], m)
        described_count = np.bincount(slot[only_described], minlength=m)
        if sum(len(h.skills) for h in found) == len(set().union(*(h.skills for h in found))):
            met = sums(slot, table[:, LISTED], m)
        else:  # forms sharing a listed skill: it counts once, at the best of their similarities
            held_at, best = self._listed_best(found, forms)
            met = sums(np.searchsorted(evidenced, held_at), best, m)
        # Without evidence ``use`` is 0 and so is the score.
        at = np.flatnonzero(use)
        where = evidenced[at]
        title, asked, met = titled[at], self._asked[where], met[at]
        # The requirements besides the job itself: the listed skills, and one more met for each seeker skill
        # only the description names (counted where they raise the share).
        rest = np.maximum(met / asked, (met + described[at]) / (asked + described_count[at]))
        # A title naming a seeker skill: the job itself is ``title_requirement`` of what the position asks.
        share = w.title_requirement
        req = np.where(title > 0, share * title + (1 - share) * rest, rest)
        score = np.zeros(n, dtype=np.float64)
        beta = np.where(self.postings.per_position[where] > 0, w.skill_beta, w.skill_beta_unlisted)
        score[where] = f_beta(req, use[at], beta)
        return SkillMatch(score, tuple(forms), found)
