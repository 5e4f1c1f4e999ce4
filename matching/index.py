"""``MatchIndex``: built once per data version from plain position records, then asked per request.

Build normalises and encodes every distinct string once (skills, titles, descriptions, majors) into
vocabularies with sparse position maps. A request reads the profile, searches each input against the
vocabularies (cached per input), turns the hits into per-position arrays with a few sparse reads, combines
them with ``scoring.combine``, and explains only the returned page. The index is never changed after build;
the service swaps in a new one when the fair's data changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache, partial
from typing import Any

import numpy as np

from matching.aliases import cross_script_groups, initials_groups, job_word_groups, skill_aliases
from matching.columns import PositionColumns
from matching.explain import Evidence, Explainer
from matching.lexicon import UNKNOWN_WORD, LexiconBuilder
from matching.majors import MajorSpace, names_a_major
from matching.mentions import Mentions
from matching.normalize import is_cjk, normalize, tokens
from matching.profile import ProfileReader, SeekerQuery, SkillInput
from matching.records import PositionRecord
from matching.scoring import combine
from matching.skills import SkillSpace
from matching.suggest import Suggester
from matching.title_space import TitleInput, TitleMatch, TitleSpace
from matching.titles import clean_title, synonym_words, title_core
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


# A caller's order of the positions: (ranking keys, fits, mask) -> the masked positions, first to last.
Order = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def _shared_heads(cores: set[str]) -> set[str]:
    """The two Chinese characters ending title cores (the head: 运营 of 电商运营, 设计 of UI设计) that several
    cores of three characters or more share: job words seekers type alone, in pinyin too (yunying)."""
    heads = Counter(core[-2:] for core in cores if len(core) >= 3 and all(map(is_cjk, core[-2:])))
    return {head for head, count in heads.items() if count >= 2}


def _found(reader: ProfileReader, skills: SkillSpace, text: str) -> int:
    """The positions a match finds for a skill typed as ``text`` (``profile.skills[].positions``)."""
    return max(
        (len(skills.hits(form.key).positions) for form in reader.skill(text).forms if form.key), default=0
    )


def _min_score(profile: Mapping[str, Any], default: float | None = None) -> float:
    """The score floor a request asks for (0 when it asks for none)."""
    value = profile.get("min_score")
    value = default if value is None else value
    return min(1.0, max(0.0, float(value))) if value is not None else 0.0


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
        more_synonyms = (
            *cross_script_groups(aliases),
            *job_word_groups(aliases, synonym_words()),
            *initials_groups(aliases),
        )
        titles = TitleSpace.build(positions, builder, weights, more_synonyms)
        skills = SkillSpace.build(positions, builder, aliases, mentions, titles, weights)
        majors = MajorSpace.build(positions, builder, weights)
        lexicon = builder.freeze()
        fair_skills = dict(zip(skills.displays, skills.postings.per_item.tolist(), strict=True))
        cleaned_titles = {clean_title(d) for d in titles.displays}
        cores = {title_core(t) for t in cleaned_titles}
        title_words = cleaned_titles | cores | _shared_heads(cores)
        title_words.update(synonym_words())
        reader = ProfileReader(
            lexicon,
            aliases,
            fair_skills,
            sorted(title_words),
            mentions.holds,
            mentions.in_titles,
            mentions.holds_as_word,
            mentions.aliases,
        )
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
            suggester=Suggester(fair_skills, aliases, reader.pinyin, partial(_found, reader, skills)),
        )

    def __len__(self) -> int:
        return len(self.positions)

    def _evidence(self, query: SeekerQuery) -> Evidence:
        """Every component of the score the seeker supplied, per position, for scoring and explanations."""
        query, titles = self._wishes(query)
        forms, form_inputs = query.skill_forms()
        skills = self.skills.score(forms) if forms else None
        if skills is not None:
            query = query.with_named_industries(skills.found)
        return Evidence(
            query=query,
            form_inputs=form_inputs,
            skills=skills,
            titles=titles,
            industry=self._industry(query),
            salary=(
                self.columns.salary_scores(query.expected_salary, self.weights.salary_unknown)
                if query.expected_salary
                else None
            ),
            eligible=self.columns.eligible(query.education_rank),
            major=self.majors.score(query.major_key) if query.major_key else None,
        )

    def _industry(self, query: SeekerQuery) -> np.ndarray | None:
        """Each position's industry score: its industry's for the preferred industries, 1 where its employer
        is of a preferred kind (国企 among the industries) or its name holds a preferred trade: one the fair
        has no industry of (医药 in 桂林翠竹医药连锁, a retailer; 传媒, 医疗器械), or one of its industries
        whose name an employer of another carries (汽车 in 桂林市金穗汽车销售服务). None when the seeker
        prefers none of those."""
        return self.columns.preference_scores(query.industry_keys, query.ownership_keys, query.trade_words)

    def _wishes(self, query: SeekerQuery) -> tuple[SeekerQuery, TitleMatch | None]:
        """The desired titles' scores. A wish like no title of the fair that names a known skill is read as
        that skill (``SeekerQuery.with_wishes_as_skills``); a wish that is a skill the fair lists, as a whole,
        and meets titles only below ``title_weak`` (项目管理 meets 物业管理员 by 管理 alone) is read as that
        skill too, and stays a wish; so does any wish that is a skill the fair lists, where the seeker
        names skills (a wish alone stays a wish). A wish like no title and no skill is read without the Latin
        words no title holds and the alias list does not name (``ProfileReader.without_unnamed``: APP测试
        as 测试). The wishes are then scored again."""
        scored = [t for t in query.titles if t.key]
        if not scored:
            return query, None
        match = self.titles.score(scored)
        # A wish meeting only its job in general (``TitleSpace._broader``) is weak.
        best = dict(zip(scored, match.named, strict=True))
        empty = {t for t, b in best.items() if b == 0}
        weak = {t for t, b in best.items() if 0 < b < self.weights.title_weak}
        reader = self.reader
        # A wish that is a skill the fair lists (房产销售, 淘宝客服) meets it where a position lists it,
        # beside the seeker's own skills: the job wished for is what the position asks.
        listed = {t for t in best if t not in empty and t not in weak} if query.skills else set()
        too = {t: r for t in weak if (r := reader.listed_skill_of_wish(t)) is not None}
        too |= {t: r for t in listed if (r := reader.fair_skill_of_wish(t)) is not None}
        if not empty and not too:
            return query, match
        read = query.with_wishes_as_skills(
            lambda t: self._skill_in_wish(t, bool(query.major_key)) if t in empty else None,
            too.get,
        )
        read = read.with_wishes_read_again(empty.__contains__, self._without_unnamed)
        read = read.with_wish_as_major(empty.__contains__, self._major_of_wish)
        read = read.with_wishes_as_industries(empty.__contains__, reader.industry_of_wish)
        if read is query:
            return query, match
        rest = [t for t in read.titles if t.key]
        return read, self.titles.score(rest) if rest else None

    def _skill_in_wish(self, title: TitleInput, major_given: bool) -> SkillInput | None:
        """The skill a wish that finds no title names (``ProfileReader.skill_in_wish``), unless the wish also
        names a major and fewer positions show the skill (listed, by its family, in a title or a
        description) than list that very major: then, where the profile names no major of its own, the
        major reads it better (学前教育, which kindergarten posts ask as a major and two list as a skill; not
        自动化测试, which no position lists as a major though many ask 自动化). Where no position shows the
        skill, a major like the wish is enough (室内设计 where no position asks it)."""
        read = self.reader.skill_in_wish(title)
        if read is None or major_given or (major := self._major_of(title.input)) is None:
            return read
        shown = max(len(self.skills.hits(form.key).positions) for form in read.forms)
        return read if shown and shown >= self.majors.asking(major) else None

    def _major_of(self, text: str) -> str | None:
        """``text`` encoded as a major (``ProfileReader.major_key``), where some position asks for a major
        like it; None otherwise."""
        key = self.reader.major_key(text)
        if not key or UNKNOWN_WORD in key or not self.majors.held(key).any():
            return None
        return key

    def _major_of_wish(self, title: TitleInput) -> str | None:
        """The major a wish that finds no title names (``_major_of``): as a whole, or by its field, the wish
        without its role word, where that is a major or a field of ``data/major_groups.json`` itself (电气 of
        电气工程师, 机械 of 机械工程师: the positions asking for the field are the nearest work). A core that
        only resembles a major (商务 of 商务专员, 开发 of APP开发经理) is no field."""
        if key := self._major_of(title.input):
            return key
        if title.core == title.cleaned or not names_a_major(title.core):
            return None
        return self._major_of(title.core)

    def _without_unnamed(self, title: TitleInput) -> TitleInput | None:
        """A wish read without the Latin words no title holds (``ProfileReader.without_unnamed``), where what
        is left meets some title at ``title_weak`` or more; None otherwise (a guess that meets titles only by
        a shared word is no reading)."""
        again = self.reader.without_unnamed(title)
        if again is None:
            return None
        best = self.titles.named_best(again.key, again.core, again.cleaned)
        return again if best >= self.weights.title_weak else None

    def _scores(self, query: SeekerQuery, ev: Evidence, at: np.ndarray | None = None) -> np.ndarray:
        """The scores of the positions ``at`` (every position when None)."""
        parts = {
            "skills": ev.skills.score if ev.skills else None,
            "title": ev.titles.score if ev.titles else None,
            "industry": ev.industry,
            "salary": ev.salary,
            "major": ev.major,
        }
        education = self.columns.education_factor(query.education_rank, self.weights.education_penalty)
        if at is None:
            return combine(parts, education, len(self.positions), self.weights)
        parts = {name: None if values is None else values[at] for name, values in parts.items()}
        return combine(parts, None if education is None else education[at], len(at), self.weights)

    def _shared(self, query: SeekerQuery, ev: Evidence) -> np.ndarray | None:
        """Positions sharing something with the profile: a skill, a desired title, a preferred industry, the
        major (nearness of industry or pay is no sharing). None when the profile gives none of those."""
        parts = [
            ev.skills.score if ev.skills is not None else None,
            ev.titles.score if ev.titles is not None else None,
        ]
        if all(p is None for p in (*parts, ev.industry, ev.major)):
            return None
        shared = np.zeros(len(self.positions), dtype=bool)
        for part in parts:
            if part is not None:
                shared |= part > 0
        if ev.industry is not None:
            shared |= ev.industry >= 1.0
        if ev.major is not None:
            shared |= self.majors.asked_in(ev.major)  # a wish may name it (机电一体化)
        return shared

    @staticmethod
    def _reach(min_score: float) -> float:
        """The lowest score shown (rounded to ``SCORE_PLACES``) as at least ``min_score``."""
        return min_score - 0.5 / 10**SCORE_PLACES

    def _ranking_keys(
        self,
        scores: np.ndarray,
        fits: np.ndarray | bool,
        seeker_rank: int | None,
        at: np.ndarray | None = None,
        near: np.ndarray | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Scores rounded to ``SCORE_PLACES`` (as integers), and one distinct integer key per position
        ordering the results: above the floor first, then rounded score, then eligible before ineligible,
        then id. ``at``: the positions ``scores`` are of (every position when None). ``near``: every
        position's nearness to the desired titles (``at`` None): below the floor, a near one comes before
        one sharing nothing, the nearer first."""
        rounded = scores * 10**SCORE_PLACES
        rounded += 0.5
        rounded = rounded.astype(np.int64)  # scores are >= 0: this rounds
        keys = rounded + np.asarray(fits) * np.int64(10**SCORE_PLACES + 1)
        if near is None:
            keys *= 2 * len(self.positions)
            ties = self._tie_keys(seeker_rank)
            keys += ties if at is None else ties[at]
        else:
            keys *= 4 * len(self.positions)
            keys += self._near_ties(near, fits, seeker_rank)
        return rounded, keys

    def _near_ties(self, near: np.ndarray, fits: np.ndarray, seeker_rank: int | None) -> np.ndarray:
        """The tie keys (``_tie_key_column``) spread below 4n, eligible ones above 2n, with room above each
        group's n for the positions below the floor near the desired titles: the nearer first, then by id."""
        n = len(self.positions)
        ties = self._tie_keys(seeker_rank).copy()
        eligible = ties >= n
        ties[eligible] += n
        at = np.flatnonzero((near > 0) & ~fits)
        if len(at):
            nearest = at[np.lexsort((self.columns.order[at], -near[at]))]
            rank = (len(nearest) - 1) - np.arange(len(nearest))  # larger for the nearer
            ties[nearest] = eligible[nearest] * np.int64(2 * n) + n + rank
        return ties

    @staticmethod
    def _shown(rounded: np.ndarray, fits: np.ndarray, page: np.ndarray) -> np.ndarray:
        """The scores a page shows. ``fits`` holds only positions passing the hard filters; a position below
        the floor never shows a score above the lowest one above it, so scores never rise down the list."""
        shown = rounded[page]
        if fits.any():
            low = rounded.min(where=fits, initial=np.iinfo(np.int64).max)
            shown = np.where(fits[page], shown, np.minimum(shown, low))
        return shown / 10**SCORE_PLACES

    def _tie_key_column(self, seeker_rank: int | None) -> np.ndarray:
        """Larger for earlier positions in the tie-break, all below 2n: eligible first (at n or more); for a
        seeker who gave their education, the positions asking the most of it they meet first (a 本科
        graduate's equal scores put the posts asking 本科 before those asking 初中); then by id."""
        n = len(self.positions)
        order = self.columns.order
        if seeker_rank is not None:
            place = np.empty(n, dtype=np.int64)
            place[np.lexsort((order, -self.columns.education_rank))] = np.arange(n)
            order = place
        keys = (2 * n - 1) - order
        eligible = self.columns.eligible(seeker_rank)
        if eligible is not None:
            keys -= (~eligible) * n
        keys.flags.writeable = False  # shared through a cache
        return keys

    @staticmethod
    def _top(keys: np.ndarray, mask: np.ndarray | None, count: int) -> np.ndarray:
        """The ``count`` positions passing ``mask`` (all when None) with the largest keys, largest first."""
        candidates = None if mask is None or mask.all() else np.flatnonzero(mask)
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
        best = (
            np.argpartition(pool, len(pool) - count)[len(pool) - count :]
            if count < len(pool)
            else np.arange(len(pool))
        )
        best = best[np.argsort(-pool[best])]
        return best if candidates is None else candidates[best]

    def _page(
        self,
        query: SeekerQuery,
        limit: int,
        offset: int,
        min_score: float = 0.0,
        allowed: np.ndarray | None = None,
        order: Order | None = None,
    ) -> tuple[int, int, np.ndarray, np.ndarray, np.ndarray, Evidence]:
        """(total, matched, the page's positions, the scores they show, fits, evidence) for one query.

        Positions above the floor ("fits": sharing something with the profile, scoring at least
        ``min_score``) come first. When they fill the page, only they are scored and ranked, so the work
        grows with what the profile touches, not with the fair; otherwise every position is."""
        ev = self._evidence(query)
        mask = self.columns.filter_mask(query.filters, ev.eligible)
        if allowed is not None:
            mask &= allowed
        offset, limit = max(0, int(offset)), max(0, int(limit))
        shared = self._shared(query, ev)
        if shared is not None and order is None:
            found = self._page_of_fits(query, ev, shared & mask, offset + limit, min_score)
            if found is not None:
                matched, page, shown, fits = found
                return int(np.count_nonzero(mask)), matched, page[offset:], shown[offset:], fits, ev
        scores = self._scores(query, ev)
        fits = (scores > 0 if shared is None else shared) & mask
        if min_score > 0:
            fits &= scores >= self._reach(min_score)
        # Too few matches to fill the page: those of the rest scoring alike come nearest title first.
        near = self.titles.nearness(ev.titles_read) if ev.titles is not None and order is None else None
        rounded, keys = self._ranking_keys(scores, fits, query.education_rank, near=near)
        if order is None:
            page = self._top(keys, mask, offset + limit)[offset:]
        else:
            page = order(keys, fits, mask)[offset : offset + limit]
        shown = self._shown(rounded, fits, page)
        return int(np.count_nonzero(mask)), int(np.count_nonzero(fits)), page, shown, fits, ev

    def _page_of_fits(
        self, query: SeekerQuery, ev: Evidence, candidates: np.ndarray, count: int, min_score: float
    ) -> tuple[int, np.ndarray, np.ndarray, np.ndarray] | None:
        """(matched, the first ``count`` positions, the scores they show, fits) ranking only the positions
        above the floor among ``candidates`` (sharing something and passing the filters); None when they are
        fewer than ``count``, so that positions below the floor must fill the page."""
        at = np.flatnonzero(candidates)
        scores = self._scores(query, ev, at)
        if min_score > 0:
            reaching = scores >= self._reach(min_score)
            at, scores = at[reaching], scores[reaching]
        if len(at) < count:
            return None
        fits = np.zeros(len(self.positions), dtype=bool)
        fits[at] = True
        rounded, keys = self._ranking_keys(scores, True, query.education_rank, at)
        best = self._top(keys, None, count)
        return len(at), at[best], rounded[best] / 10**SCORE_PLACES, fits

    def _results(
        self,
        query: SeekerQuery,
        limit: int,
        offset: int,
        min_score: float = 0.0,
        allowed: np.ndarray | None = None,
        order: Order | None = None,
    ) -> tuple[int, int, list[dict[str, Any]], Evidence]:
        total, matched, page, shown, fits, ev = self._page(query, limit, offset, min_score, allowed, order)
        at = page.tolist()
        records = [self.positions[p] for p in at]
        explanations = self.explainer.explanations(ev, at, records)
        results = []
        first = max(0, int(offset)) + 1
        for rank, score, record, explanation, fit in zip(
            range(first, first + len(at)),
            shown.tolist(),
            records,
            explanations,
            fits[page].tolist(),
            strict=True,
        ):
            explanation["below_floor"] = not fit
            results.append(
                {
                    "rank": rank,
                    "score": score,
                    "position": self.explainer.position(record),
                    "explanation": explanation,
                }
            )
        return total, matched, results, ev

    def match(
        self,
        profile: Mapping[str, Any],
        *,
        limit: int = 20,
        offset: int = 0,
        allowed: np.ndarray | None = None,
        order: Order | None = None,
    ) -> dict[str, Any]:
        """Rank the fair's positions for one seeker profile (the contract's answer shape).

        ``matched`` counts the positions above the floor (see ``_page``; ``profile["min_score"]`` raises
        it); they come first, and every result's explanation says ``below_floor``. ``allowed`` (one bool
        per position) narrows the positions further, by filters the caller keeps; ``order`` replaces the
        engine's order: given the ranking keys, the fits and the mask, it returns the masked positions in
        answer order."""
        query = self.reader.read(profile)
        total, matched, results, ev = self._results(query, limit, offset, _min_score(profile), allowed, order)
        return {
            "total": total,
            "matched": matched,
            "limit": limit,
            "offset": offset,
            "profile": self.explainer.profile(ev),
            "results": results,
        }

    def match_batch(
        self, candidates: Sequence[Mapping[str, Any]], *, limit: int = 10, min_score: float | None = None
    ) -> list[dict[str, Any]]:
        """Top ``limit`` positions for each candidate profile (each may carry an ``id`` and a ``min_score``;
        ``min_score`` here applies to those that do not)."""
        answers = []
        for candidate in candidates:
            floor = _min_score(candidate, min_score)
            total, matched, results, ev = self._results(self.reader.read(candidate), limit, 0, floor)
            answers.append(
                {
                    "candidate_id": candidate.get("id"),
                    "total": total,
                    "matched": matched,
                    "profile": self.explainer.profile(ev),
                    "results": results,
                }
            )
        return answers

    def match_compact(
        self, candidates: Sequence[Mapping[str, Any]], *, limit: int = 10, min_score: float | None = None
    ) -> tuple[list[dict[str, Any]], list[list[dict[str, Any]]]]:
        """``match_batch`` in the compact form of pushes: per candidate its id, ``total``, ``matched`` and
        each result's position id, score, matched skills (the position's words) and missing skills; built
        without the full explanations or the profile echo. Also each candidate's skill echo (as in
        ``profile.skills``), for counting demand."""
        answers, echoes = [], []
        for candidate in candidates:
            floor = _min_score(candidate, min_score)
            query = self.reader.read(candidate)
            total, matched, page, shown, _, ev = self._page(query, limit, 0, floor)
            at = page.tolist()
            records = [self.positions[p] for p in at]
            lists = self.explainer.skill_lists(ev, at, records)
            results = [
                {"id": record.id, "score": score, "matched": [m["position"] for m in skills["matched"]],
                 "missing": skills["missing"]}
                for record, score, skills in zip(records, shown.tolist(), lists, strict=True)
            ]  # fmt: skip
            answers.append(
                {"candidate_id": candidate.get("id"), "total": total, "results": results, "matched": matched}
            )
            echoes.append(self.explainer.skill_echoes(ev))
        return answers, echoes

    def suggest(self, q: str, *, limit: int = 10) -> list[dict[str, Any]]:
        """Autocomplete for a partly typed skill: the fair's skills and the alias list's canonical skills."""
        return self.suggester.suggest(q, limit=limit)
