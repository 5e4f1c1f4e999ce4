"""The answer's words: the profile echo (how each input was understood) and each result's explanation.

Only the returned page is explained, so this is plain Python over a few dozen positions, reading the
evidence the vectorised scoring already gathered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from matching.majors import MajorSpace, read_major
from matching.mentions import Mentions
from matching.profile import SeekerQuery
from matching.records import PositionRecord
from matching.reference import education_levels
from matching.skills import SkillMatch, SkillSpace
from matching.title_space import TitleMatch, TitleSpace
from matching.weights import Weights


def _round(value: float, places: int = 4) -> float:
    return round(float(value), places)


@dataclass
class Evidence:
    """Everything one request computed that explanations read."""

    query: SeekerQuery
    form_inputs: list[int]
    skills: SkillMatch | None
    titles: TitleMatch | None
    industry: np.ndarray | None
    salary: np.ndarray | None
    eligible: np.ndarray | None
    major: np.ndarray | None
    merged: dict[str, dict[int, tuple[float, int]]] = field(default_factory=dict)  # filled when explaining

    def __post_init__(self) -> None:
        self.candidates = [self.query.skills[n].input for n in self.form_inputs]  # each form's input as typed
        self.titles_read = [t for t in self.query.titles if t.key]  # the desired titles that were scored
        self.desired: dict[str, str] | None = None  # occupation code -> first desired title naming it
        self.described: list[tuple[int, dict[int, float]]] | None = None  # forms mentioned by descriptions


@dataclass(frozen=True, slots=True)
class Explainer:
    skills: SkillSpace
    titles: TitleSpace
    mentions: Mentions
    majors: MajorSpace
    weights: Weights

    def profile(self, ev: Evidence) -> dict[str, Any]:
        query = ev.query
        echo: dict[str, Any] = {
            "skills": self.skill_echoes(ev),
            "titles": [self._title_echo(ev, n) for n in dict.fromkeys(query.wish_of)],
            "industries": [
                {"input": i.input, "key": i.keys[0] if i.keys else None, "keys": list(i.keys)}
                | ({"from": "skills"} if i.skill else {})
                | ({"from": "titles"} if i.wish else {})
                | ({"ownership": i.ownership} if i.ownership else {})
                for i in query.industries
            ],
        }
        if query.major:
            echo["major"] = self._major_echo(ev)
        if query.education:
            level = next(e for e in education_levels() if e.key == query.education)
            echo["education"] = {"level": level.key, "zh": level.zh, "en": level.en}
        return echo

    def _major_echo(self, ev: Evidence) -> dict[str, Any]:
        """How the major was read: its full name (计科: 计算机科学与技术; 机电一体化: 机电一体化技术),
        whether it names a field (计算机相关专业), and how many positions ask it or a major of its field."""
        query = ev.query
        read, field = read_major(query.major or "")
        asked = self.majors.asked_in(ev.major) if ev.major is not None else None
        return {
            "input": query.major,
            "read_as": read,
            "field": field,
            "positions": int(np.count_nonzero(asked)) if asked is not None else 0,
        } | ({"from": "titles"} if any(t.as_major for t in query.titles) else {})

    def skill_echoes(self, ev: Evidence) -> list[dict[str, Any]]:
        """How each skill input was read: ``profile.skills`` of the answer."""
        # Each distinct form's place among the searched ones: an input whose forms an earlier input gave too
        # (原型设计 after Axure, its alias) is echoed as what it reads as, not as unknown.
        at = {form.key: n for n, form in enumerate(ev.skills.forms)} if ev.skills else {}
        return [self._skill_echo(ev, n, at) for n in range(len(ev.query.skills))]

    def _skill_echo(self, ev: Evidence, number: int, at: dict[str, int]) -> dict[str, Any]:
        skill = ev.query.skills[number]
        entry: dict[str, Any] = {"input": skill.input, "matched": None, "similarity": None, "via": skill.via}
        if skill.wish:
            entry["from"] = "titles"
        if len(skill.forms) > 1:
            entry["expands"] = [f.display for f in skill.forms]
        found: list[tuple[float, str]] = []
        positions = 0
        match = ev.skills
        for n in dict.fromkeys(at[f.key] for f in skill.forms if f.key in at):
            hits = match.hits[n]
            positions = max(positions, len(hits.positions))
            if hits.best is not None:
                similarity, item = hits.best
                name = match.forms[n].display if item is None else self.skills.displays[item]
                found.append((similarity * match.sure(n), name))
        if found:
            similarity, entry["matched"] = max(found, key=lambda f: f[0])
            entry["similarity"] = _round(similarity, 2)
        entry["positions"] = positions
        return entry

    def _title_echo(self, ev: Evidence, number: int) -> dict[str, Any]:
        """How the ``number``th desired title was read: the best of its jobs (several for 会计/出纳)."""
        read = [n for n, wish in enumerate(ev.query.wish_of) if wish == number]
        title = ev.query.titles[read[0]]
        entry: dict[str, Any] = {"input": title.input, "matched": None, "similarity": None, "positions": 0}
        if title.as_skill:
            entry["read_as"] = "skills"  # listed among the skills, with "from": "titles"
        elif title.as_major:
            entry["read_as"] = "major"  # each result's explanation.major compares it
        elif title.as_industry:
            entry["read_as"] = "industries"  # listed among the industries, with "from": "titles"
        if len(read) > 1:  # the whole, then each job it names
            entry["expands"] = [ev.query.titles[n].part for n in read[1:]]
        occupation = next(filter(None, (self.titles.occupation(ev.query.titles[n]) for n in read)), None)
        entry["occupation"] = occupation.as_dict() if occupation else None
        found = [s for n in read if (s := self._title_scores(ev, n)) is not None and s.size]
        scores = np.max(found, axis=0) if found else None
        if scores is not None and scores.max() > 0:  # an empty fair has no scores
            best = int(np.argmax(scores))
            entry.update(
                matched=self.titles.displays[best],
                similarity=_round(scores[best], 2),
                positions=self.titles.positions_matching(scores),
            )
        return entry

    def _title_scores(self, ev: Evidence, number: int) -> np.ndarray | None:
        if ev.titles is None or not ev.query.titles[number].key:
            return None
        return ev.titles.per_input[sum(1 for t in ev.query.titles[:number] if t.key)]

    def position(self, record: PositionRecord) -> dict[str, Any]:
        return {
            "id": record.id,
            "title": record.title,
            "employer": {
                "id": record.employer_id,
                "name": record.employer_name,
                "ownership": record.ownership,
                "booth": record.booth,
            },
            "industry": record.industry,
            "education": record.education,
            "salary_min": record.salary_min,
            "salary_max": record.salary_max,
            "openings": record.openings,
            "skills": list(record.skills),
        }

    def explanations(
        self, ev: Evidence, page: list[int], records: list[PositionRecord]
    ) -> list[dict[str, Any]]:
        """Each page position's explanation. The per-position numbers are gathered for the page at once;
        the values are Python floats rounded as ``round`` does, so the answer is the same as one by one."""
        q = ev.query
        title_ids = self.titles.title_of_position[page].tolist()
        per_title: list[list[float]] = []
        if ev.titles is not None and ev.titles.per_input:
            per_title = [scores[title_ids].tolist() for scores in ev.titles.per_input]
        industry = None if ev.industry is None else ev.industry[page].tolist()
        salary = None if ev.salary is None else ev.salary[page].tolist()
        eligible = None if ev.eligible is None else ev.eligible[page].tolist()
        expected = None if q.expected_salary is None else int(q.expected_salary)
        desired = self._desired(ev)
        lists = self.skill_lists(ev, page, records)
        out = []
        for at, (p, record) in enumerate(zip(page, records, strict=True)):
            best_title: tuple[str | None, float | None] = (None, None)
            if per_title:
                best, value = 0, -1.0
                for n, scores in enumerate(per_title):  # the first of equals
                    if scores[at] > value:
                        best, value = n, scores[at]
                best_title = (ev.titles_read[best].input, round(value, 2))
            read = self.titles.occupation_read[title_ids[at]]
            occupation = None
            if read is not None:  # the position title's occupation, and the first desired title naming it
                occupation = {**read.as_dict(), "desired": desired.get(read.code)}
            explained: dict[str, Any] = {
                "skills": lists[at],
                "title": {"candidate": best_title[0], "similarity": best_title[1]},
                "occupation": occupation,
                "industry": {
                    "score": None if industry is None else round(industry[at], 2),
                    "key": record.industry,
                },
                "education": {
                    "eligible": None if eligible is None else eligible[at],
                    "required": record.education,
                    "candidate": q.education,
                },
                "salary": {
                    "score": None if salary is None else round(salary[at], 2),
                    "expected": expected,
                },
            }
            if ev.major is not None:
                name, similarity = self.majors.best_for(q.major_key, p)
                explained["major"] = {
                    "candidate": q.major,
                    "position": name,
                    "similarity": similarity,
                    "score": _round(ev.major[p], 2),
                }
            out.append(explained)
        return out

    def _desired(self, ev: Evidence) -> dict[str, str]:
        """Occupation code -> the first desired title naming it (read once a request)."""
        if ev.desired is None:
            ev.desired = {}
            for title in ev.titles_read:
                if (occupation := self.titles.occupation(title)) is not None:
                    ev.desired.setdefault(occupation.code, title.input)
        return ev.desired

    @staticmethod
    def _best_by(ev: Evidence, field: str) -> dict[int, tuple[float, int]]:
        """For one kind of hit (``skills`` or ``titles``): item -> (best similarity, first form with it)."""
        merged = ev.merged.get(field)
        if merged is None:
            merged = {}
            for n, hits in enumerate(ev.skills.hits):
                sure = ev.skills.sure(n)
                for item, similarity in getattr(hits, field).items():
                    if similarity * sure > merged.get(item, (0.0, -1))[0]:
                        merged[item] = (similarity * sure, n)
            ev.merged[field] = merged
        return merged

    def skill_lists(
        self, ev: Evidence, page: list[int], records: list[PositionRecord]
    ) -> list[dict[str, Any]]:
        """For each page position, its skills the seeker has (from listed skills, the title, the description)
        and lacks. What the request found is read once for the page, each position's ids in one gather."""
        item_ids = self.skills.item_ids  # a listed skill asking nothing (五险一金) has none: never missing

        def asked(record: PositionRecord) -> list[str]:
            return [s for s in record.skills if item_ids.get(s)]

        match = ev.skills
        if match is None:
            return [{"matched": [], "missing": asked(r)} for r in records]
        candidates = ev.candidates
        by_item = self._best_by(ev, "skills")
        by_title = self._best_by(ev, "titles")
        described = self._described(ev)
        title_ids = self.mentions.title_of_position[page].tolist() if by_title else ()
        description_ids = self.mentions.description_of_position[page].tolist() if described else ()
        out = []
        for at, record in enumerate(records):
            matched: list[dict[str, Any]] = []
            missing: list[str] = []
            if by_item:
                for written in record.skills:
                    if not item_ids.get(written):
                        continue
                    best = None  # (similarity, form): the highest similarity, the first form among equals
                    for item in item_ids[written]:
                        hit = by_item.get(item)
                        if hit is not None and (
                            best is None or hit[0] > best[0] or (hit[0] == best[0] and hit[1] < best[1])
                        ):
                            best = hit
                    if best is None:
                        missing.append(written)
                    else:
                        matched.append({"candidate": candidates[best[1]], "position": written,
                                        "similarity": round(best[0], 2), "source": "skills"})  # fmt: skip
            else:
                missing = asked(record)
            if by_title or described:
                seen = {m["candidate"] for m in matched}
                title_hit = by_title.get(title_ids[at]) if by_title else None
                if title_hit and candidates[title_hit[1]] not in seen:
                    seen.add(candidates[title_hit[1]])
                    matched.append({"candidate": candidates[title_hit[1]], "position": record.title,
                                    "similarity": round(title_hit[0], 2), "source": "title"})  # fmt: skip
                if described:
                    description = description_ids[at]
                    for form, mentions in described:
                        if description in mentions and candidates[form] not in seen:
                            seen.add(candidates[form])
                            similarity = round(match.sure(form) * mentions[description], 2)
                            display = match.forms[form].display
                            matched.append({"candidate": candidates[form], "position": display,
                                            "similarity": similarity, "source": "description"})  # fmt: skip
            out.append({"matched": matched, "missing": missing})
        return out

    @staticmethod
    def _described(ev: Evidence) -> list[tuple[int, dict[int, float]]]:
        """(form, its description mentions) for the forms some description mentions (read once a request)."""
        if ev.described is None:
            ev.described = [
                (n, hits.descriptions) for n, hits in enumerate(ev.skills.hits) if hits.descriptions
            ]
        return ev.described
