"""The fair's skill vocabulary and the skill part of the score, computed for every position at once.

Each position skill is read once at build time: through the alias table (k8s -> Kubernetes, 前端三件套 ->
HTML, CSS, JavaScript) and encoded; equal keys share one vocabulary item. Per request, each seeker skill
form is searched against the vocabulary (cached per form: seekers repeat skills), against position titles
and against descriptions, and a few sparse reads turn those hits into per-position numbers:

* ``use``: mean over the seeker's skill forms of the best evidence in the position (a listed skill's
  similarity; else the title's, times ``title_mention``; else ``description_mention`` if the description
  mentions it);
* ``req``: the share of the position's requirements met: its listed skills, each scored by the best seeker
  skill, plus one more when its title or description mentions a seeker skill (the best such mention); a
  position listing no skills is taken to ask for ``unlisted_requirements`` things, one of them so met;
* skill score = F-beta(req, use) with ``skill_beta`` > 1 weighing the position's requirements more.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from matching.aliases import AliasTable
from matching.lexicon import LexiconBuilder, is_word_code
from matching.mentions import Mentions
from matching.normalize import normalize
from matching.postings import Postings
from matching.records import PositionRecord
from matching.similarity import Vocabulary
from matching.weights import Weights

HIT_CACHE = 8192


@dataclass(frozen=True, slots=True)
class SkillForm:
    """One skill a seeker input stands for: its encoded key, how it reads, and how sure the reading is."""

    key: str
    display: str
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class FormHits:
    skill_items: np.ndarray
    skill_scores: np.ndarray
    title_items: np.ndarray
    title_scores: np.ndarray
    descriptions: np.ndarray


@dataclass(slots=True)
class SkillMatch:
    """One request's skill evidence: the per-position score and what explanations need."""

    score: np.ndarray
    forms: list[SkillForm]
    positions_matched: list[int]
    by_item: dict[int, tuple[float, int]]  # skill item -> (similarity, form number)
    by_title: dict[int, tuple[float, int]]  # title id -> (similarity, form number)
    by_description: dict[int, int]  # description id -> form number


def f_beta(req: np.ndarray, use: np.ndarray, beta: float) -> np.ndarray:
    b2 = beta * beta
    denominator = b2 * use + req
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, (1 + b2) * req * use / denominator, 0.0).astype(np.float32)


class SkillSpace:
    def __init__(
        self,
        vocabulary: Vocabulary,
        displays: list[str],
        postings: Postings,
        item_ids: dict[str, tuple[int, ...]],
        mentions: Mentions,
        weights: Weights,
    ) -> None:
        self.vocabulary = vocabulary
        self.displays = displays
        self.postings = postings
        self.item_ids = item_ids  # a position skill as written -> its vocabulary items
        self.mentions = mentions
        self.weights = weights
        self.hits = lru_cache(maxsize=HIT_CACHE)(self._hits)

    @classmethod
    def build(
        cls,
        positions: Sequence[PositionRecord],
        builder: LexiconBuilder,
        aliases: AliasTable,
        mentions: Mentions,
        weights: Weights,
    ) -> SkillSpace:
        keys: dict[str, int] = {}
        readings: dict[str, tuple[tuple[int, str], ...]] = {}  # skill as written -> (item, name) pairs
        for written in dict.fromkeys(s for p in positions for s in p.skills):
            pairs = []
            for name in aliases.canonicals_of(written) or (written.strip(),):
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
        lists = [tuple(dict.fromkeys(i for s in p.skills for i in item_ids[s])) for p in positions]
        return cls(
            Vocabulary(list(keys)),
            [v.most_common(1)[0][0] for v in votes],
            Postings.from_lists(lists, len(keys)),
            item_ids,
            mentions,
            weights,
        )

    def _hits(self, key: str) -> FormHits:
        floor = self.weights.match_threshold
        (skill_items, skill_scores), (title_items, title_scores) = (
            self.vocabulary.search([key], floor=floor)[0],
            self.mentions.titles.search([key], floor=floor)[0],
        )
        searchable = len(key) >= 2 or is_word_code(key)  # one CJK character is no skill to look for
        descriptions = self.mentions.descriptions.containing(key) if searchable else np.empty(0, np.int32)
        hits = FormHits(skill_items, skill_scores, title_items, title_scores, descriptions)
        for array in (
            hits.skill_items,
            hits.skill_scores,
            hits.title_items,
            hits.title_scores,
            hits.descriptions,
        ):
            array.flags.writeable = False  # shared through the cache
        return hits

    def score(self, forms: Sequence[SkillForm]) -> SkillMatch:
        w = self.weights
        n = self.postings.n_positions
        use = np.zeros(n, dtype=np.float32)
        best_item = np.zeros(len(self.vocabulary), dtype=np.float32)
        mention_best = np.zeros(n, dtype=np.float32)
        match = SkillMatch(use, list(forms), [], {}, {}, {})
        for number, form in enumerate(forms):
            hits = self.hits(form.key)
            sure = np.float32(0.5 + 0.5 * form.confidence)
            listed = self.postings.best(
                hits.skill_items, hits.skill_scores * sure, np.zeros(n, dtype=np.float32)
            )
            np.maximum.at(best_item, hits.skill_items, hits.skill_scores * sure)
            mentioned = self.mentions.title_postings.best(
                hits.title_items, hits.title_scores * (sure * w.title_mention), np.zeros(n, dtype=np.float32)
            )
            described = self.mentions.description_postings.positions_of(hits.descriptions)
            np.maximum.at(mentioned, described, sure * w.description_mention)
            np.maximum(mention_best, mentioned, out=mention_best)
            evidence = np.maximum(listed, mentioned)
            use += evidence
            match.positions_matched.append(int(np.count_nonzero(evidence)))
            for table, items, scores in (
                (match.by_item, hits.skill_items, hits.skill_scores * sure),
                (match.by_title, hits.title_items, hits.title_scores * sure),
            ):
                for item, similarity in zip(items.tolist(), scores.tolist(), strict=True):
                    if similarity > table.get(item, (0.0, 0))[0]:
                        table[item] = (similarity, number)
            for description in hits.descriptions.tolist():
                match.by_description.setdefault(description, number)
        if forms:
            use /= len(forms)
        # A title or description naming a seeker skill is one more requirement met; naming none, no unmet one.
        listed = self.postings.per_position
        counted = np.where(
            listed > 0, listed + (mention_best > 0), (mention_best > 0) * w.unlisted_requirements
        )
        met = self.postings.sums(best_item) + mention_best
        req = np.divide(met, counted, out=np.zeros(n, dtype=np.float32), where=counted > 0)
        match.score = f_beta(req.astype(np.float32), use, w.skill_beta)
        return match
