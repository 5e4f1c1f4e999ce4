"""``MatchIndex``: built once per data version from plain position records, then asked per request.

Build normalises and encodes every distinct string once (skills, titles, descriptions, majors) into
vocabularies with sparse position maps. A request reads the profile, searches each input against the
vocabularies (cached per input), turns the hits into per-position arrays with a few sparse reads, combines
them with ``scoring.combine``, and explains only the returned page. The index is never changed after build;
the service swaps in a new one when the fair's data changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
from matching.weights import Weights, default_weights

SCORE_PLACES = 4


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

    @classmethod
    def build(
        cls, positions: Sequence[PositionRecord], *, version: str = "", weights: Weights | None = None
    ) -> MatchIndex:
        weights = weights or default_weights()
        positions = tuple(positions)
        aliases = skill_aliases()
        builder = LexiconBuilder(aliases, _single_word_skills(positions))
        mentions = Mentions.build(positions, builder)
        skills = SkillSpace.build(positions, builder, aliases, mentions, weights)
        titles = TitleSpace.build(positions, builder, weights)
        majors = MajorSpace.build(positions, builder, weights)
        lexicon = builder.freeze()
        fair_skills = dict(zip(skills.displays, skills.postings.per_item.tolist(), strict=True))
        reader = ProfileReader(lexicon, aliases, fair_skills)
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
        scores = combine(parts, ev.eligible, len(self.positions), self.weights)
        return scores, self.columns.filter_mask(query.filters, ev.eligible), ev

    def _top(
        self, scores: np.ndarray, mask: np.ndarray, eligible: np.ndarray | None, count: int
    ) -> np.ndarray:
        """The ``count`` best positions passing ``mask``: score desc, then eligible first, then id."""
        candidates = np.flatnonzero(mask)
        tie_break = self.columns.order.astype(np.int64)
        if eligible is not None:
            tie_break = tie_break + (~eligible).astype(np.int64) * len(self.positions)
        if count <= 0:
            return candidates[:0]
        if count < len(candidates):
            cutoff = -np.partition(-scores[candidates], count - 1)[count - 1]
            above = candidates[scores[candidates] > cutoff]
            tied = candidates[scores[candidates] == cutoff]
            need = count - len(above)
            if need < len(tied):
                tied = tied[np.argpartition(tie_break[tied], need - 1)[:need]]
            candidates = np.concatenate([above, tied])
        order = np.lexsort((tie_break[candidates], -scores[candidates]))
        return candidates[order][:count]

    def _results(
        self, query: SeekerQuery, limit: int, offset: int
    ) -> tuple[int, list[dict[str, Any]], Evidence]:
        scores, mask, ev = self._evaluate(query)
        scores = np.round(scores, SCORE_PLACES)
        offset, limit = max(0, int(offset)), max(0, int(limit))
        page = self._top(scores, mask, ev.eligible, offset + limit)[offset:]
        results = []
        for rank, p in enumerate(page.tolist(), start=offset + 1):
            record = self.positions[p]
            results.append(
                {
                    "rank": rank,
                    "score": float(scores[p]),
                    "position": self.explainer.position(record),
                    "explanation": self.explainer.explanation(ev, p, record),
                }
            )
        return int(mask.sum()), results, ev

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
            total, results, _ = self._results(self.reader.read(candidate), limit, 0)
            answers.append({"candidate_id": candidate.get("id"), "total": total, "results": results})
        return answers

    def suggest(self, q: str, *, limit: int = 10) -> list[dict[str, Any]]:
        """Autocomplete for a partly typed skill: the fair's skills and the alias list's canonical skills."""
        return self.suggester.suggest(q, limit=limit)
