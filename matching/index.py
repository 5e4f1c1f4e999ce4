"""``MatchIndex``: built once per data version from plain position records, then asked per request.

Build normalises and encodes every distinct string once (skills, titles, descriptions, majors) into
vocabularies with sparse position maps. A request reads the profile, searches each input against the
vocabularies (cached per input), turns the hits into per-position arrays with a few sparse reads, combines
them with ``scoring.combine``, and explains only the returned page. The index is never changed after build;
the service swaps in a new one when the fair's data changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from matching.aliases import skill_aliases
from matching.columns import PositionColumns
from matching.explain import Evidence, Explainer
from matching.lexicon import LexiconBuilder
from matching.majors import MajorSpace
from matching.mentions import Mentions
from matching.normalize import normalize, tokens
from matching.profile import ProfileReader, SeekerQuery
from matching.records import PositionRecord
from matching.scoring import combine
from matching.skills import SkillSpace
from matching.suggest import Suggester
from matching.title_space import TitleSpace
from matching.titles import clean_title, title_core, title_synonyms
from matching.weights import Weights, default_weights

SCORE_PLACES = 4
SAMPLE_ABOVE = 50_000  # pools larger than this are cut down by a subsample bound before partitioning


def _single_word_skills(positions: Sequence[PositionRecord]) -> set[str]:
    """Skills some employer wrote as one Latin word (SpringBoot), so other spellings join into it."""
    words = set()
    for skill in {s for p in positions for s in p.skills}:
        parts = tokens(normalize(skill))
        if len(parts) == 1 and parts[0].isascii():
            words.add(parts[0])
    return words


class MatchIndex:
    def __init__(
        self,
        *,
        version: str,
        positions: tuple[PositionRecord, ...],
        weights: Weights,
        columns: PositionColumns,
        reader: ProfileReader,
        skills: SkillSpace,
        titles: TitleSpace,
        majors: MajorSpace,
        explainer: Explainer,
        suggester: Suggester,
    ) -> None:
        self.version = version
        self.positions = positions
        self.weights = weights
        self.columns = columns
        self.reader = reader
        self.skills = skills
        self.titles = titles
        self.majors = majors
        self.explainer = explainer
        self.suggester = suggester
        self._tie_keys = lru_cache(maxsize=16)(self._tie_key_column)

    @classmethod
    def build(
        cls, positions: Sequence[PositionRecord], *, version: str = "", weights: Weights | None = None
    ) -> MatchIndex:
        weights = weights or default_weights()
        positions = tuple(positions)
        aliases = skill_aliases()
        builder = LexiconBuilder(aliases, _single_word_skills(positions))
        mentions = Mentions.build(positions, builder, aliases)
        titles = TitleSpace.build(positions, builder, weights)
        skills = SkillSpace.build(positions, builder, aliases, mentions, titles, weights)
        majors = MajorSpace.build(positions, builder, weights)
        lexicon = builder.freeze()
        fair_skills = dict(zip(skills.displays, skills.postings.per_item.tolist(), strict=True))
        title_words = {title_core(clean_title(d)) for d in titles.displays}
        title_words.update(word for group in title_synonyms() for word in group)
        reader = ProfileReader(lexicon, aliases, fair_skills, sorted(title_words))
        return cls(
            version=version,
            positions=positions,
            weights=weights,
            columns=PositionColumns.build(positions),
            reader=reader,
            skills=skills,
            titles=titles,
            majors=majors,
            explainer=Explainer(skills, titles, mentions, majors, weights),
            suggester=Suggester(fair_skills, aliases, reader.pinyin),
        )

    def __len__(self) -> int:
        return len(self.positions)

    def _evaluate(self, query: SeekerQuery) -> tuple[np.ndarray, np.ndarray, Evidence]:
        """Every position's score, the hard-filter mask, and the evidence for explanations."""
        forms, form_inputs = query.skill_forms()
        titles = [t for t in query.titles if t.key]
        ev = Evidence(
            query=query,
            form_inputs=form_inputs,
            skills=self.skills.score(forms) if forms else None,
            titles=self.titles.score(titles) if titles else None,
            industry=self.columns.industry_scores(query.industry_keys) if query.industry_keys else None,
            salary=(
                self.columns.salary_scores(query.expected_salary, self.weights.salary_unknown)
                if query.expected_salary
                else None
            ),
            eligible=self.columns.eligible(query.education_rank),
            major=self.majors.score(query.major_key) if query.major_key else None,
        )
        parts = {
            "skills": ev.skills.score if ev.skills else None,
            "title": ev.titles.score if ev.titles else None,
            "industry": ev.industry,
            "salary": ev.salary,
            "major": ev.major,
        }
        education = self.columns.education_factor(query.education_rank, self.weights.education_penalty)
        scores = combine(parts, education, len(self.positions), self.weights)
        return scores, self.columns.filter_mask(query.filters, ev.eligible), ev

    def _ranking_keys(self, scores: np.ndarray, seeker_rank: int | None) -> tuple[np.ndarray, np.ndarray]:
        """Scores rounded to ``SCORE_PLACES``, and one distinct integer key per position ordering the results:
        rounded score, then eligible before ineligible, then position id."""
        rounded = (scores * 10**SCORE_PLACES + 0.5).astype(np.int64)  # scores are >= 0: this rounds
        keys = rounded * (2 * len(self.positions))
        keys += self._tie_keys(seeker_rank)
        return rounded / 10**SCORE_PLACES, keys

    def _tie_key_column(self, seeker_rank: int | None) -> np.ndarray:
        """Larger for earlier positions in the tie-break (eligible first, then by id), all below 2n."""
        n = len(self.positions)
        keys = (2 * n - 1) - self.columns.order
        eligible = self.columns.eligible(seeker_rank)
        if eligible is not None:
            keys -= (~eligible) * n
        keys.flags.writeable = False  # shared through a cache
        return keys

    @staticmethod
    def _top(keys: np.ndarray, mask: np.ndarray, count: int) -> np.ndarray:
        """The ``count`` positions passing ``mask`` with the largest keys, largest first."""
        candidates = None if mask.all() else np.flatnonzero(mask)
        pool = keys if candidates is None else keys[candidates]
        count = min(max(0, count), len(pool))
        if count == 0:
            return np.empty(0, dtype=np.int64)
        if len(pool) > SAMPLE_ABOVE and len(pool) > 64 * count:
            # Any ``count`` keys of a subsample bound the true top ``count`` from below: keep only keys
            # reaching that bound, then select exactly among the few left.
            sample = pool[:: len(pool) // (16 * count)]
            bound = np.partition(sample, len(sample) - count)[len(sample) - count]
            keep = np.flatnonzero(pool >= bound)
            candidates = keep if candidates is None else candidates[keep]
            pool = pool[keep]
        best = np.argpartition(-pool, count - 1)[:count] if count < len(pool) else np.arange(len(pool))
        best = best[np.argsort(-pool[best])]
        return best if candidates is None else candidates[best]

    def _results(
        self, query: SeekerQuery, limit: int, offset: int
    ) -> tuple[int, list[dict[str, Any]], Evidence]:
        scores, mask, ev = self._evaluate(query)
        rounded, keys = self._ranking_keys(scores, query.education_rank)
        offset, limit = max(0, int(offset)), max(0, int(limit))
        page = self._top(keys, mask, offset + limit)[offset:]
        results = []
        for rank, p in enumerate(page.tolist(), start=offset + 1):
            record = self.positions[p]
            results.append(
                {
                    "rank": rank,
                    "score": float(rounded[p]),
                    "position": self.explainer.position(record),
                    "explanation": self.explainer.explanation(ev, p, record),
                }
            )
        return int(np.count_nonzero(mask)), results, ev

    def match(self, profile: Mapping[str, Any], *, limit: int = 20, offset: int = 0) -> dict[str, Any]:
        """Rank the fair's positions for one seeker profile (the contract's answer shape)."""
        total, results, ev = self._results(self.reader.read(profile), limit, offset)
        return {
            "total": total,
            "limit": limit,
            "offset": offset,
            "profile": self.explainer.profile(ev),
            "results": results,
        }

    def match_batch(
        self, candidates: Sequence[Mapping[str, Any]], *, limit: int = 10
    ) -> list[dict[str, Any]]:
        """Top ``limit`` positions for each candidate profile (each may carry an ``id``)."""
        answers = []
        for candidate in candidates:
            total, results, ev = self._results(self.reader.read(candidate), limit, 0)
            answers.append(
                {
                    "candidate_id": candidate.get("id"),
                    "total": total,
                    "profile": self.explainer.profile(ev),
                    "results": results,
                }
            )
        return answers

    def suggest(self, q: str, *, limit: int = 10) -> list[dict[str, Any]]:
        """Autocomplete for a partly typed skill: the fair's skills and the alias list's canonical skills."""
        return self.suggester.suggest(q, limit=limit)
