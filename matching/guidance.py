"""What to learn next: the skills whose addition most raises the number of positions a seeker fully qualifies
for, computed from a ``MatchIndex`` exactly as a match would explain them, plus a diagnosis of the profile.

A position is *qualified for* when its match explanation lists no missing skill: every skill it lists is met
by some seeker skill (one vocabulary item of it is among the items the seeker's skill forms hit). Positions
listing no skills count as qualified for whatever the seeker knows, so they never change the count. Only
positions passing the profile's hard filters count, as in a match. For a candidate skill ``s`` (one of the
fair's own skill names), the count it adds is the number of positions whose missing skills ``s`` meets all
at once: adding ``s`` to the profile and matching again raises the number of positions with no missing
skill by exactly that number.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from matching.credentials import credential_endings
from matching.index import MatchIndex
from matching.normalize import normalize
from matching.profile import SeekerQuery
from matching.skills import SkillForm

SUGGESTIONS = 5
EXAMPLES = 3
CANDIDATE_MISSING = 3  # candidates come from positions missing at most this many skills


@dataclass(frozen=True, slots=True)
class Gap:
    """One position the seeker does not yet qualify for: its missing skills, each a tuple of items."""

    position: int
    missing: tuple[tuple[int, ...], ...]


def skill_forms(index: MatchIndex, skills: Sequence[str], wishes: Sequence[str] = ()) -> list[SkillForm]:
    """The distinct forms ``skills`` read as, as a match of a profile with these skills and desired titles
    ``wishes`` reads them (有驾照能出差 holds 驾驶证: the match counts it held, and so does the advice)."""
    read = index.reader.seeker_skills(skills, tuple(map(str, wishes)))
    return SeekerQuery(skills=read).skill_forms()[0]


def items_hit(index: MatchIndex, skills: Sequence[str], forms: Sequence[SkillForm] | None = None) -> set[int]:
    """The fair vocabulary items some of ``skills`` meet (or of their ``forms``, read already), read and
    searched as a match reads them."""
    held: set[int] = set()
    for form in skill_forms(index, skills) if forms is None else forms:
        held.update(index.skills.hits(form.key).skills)
    return held


@dataclass
class _Fair:
    """What advice reads of one index for every request: each position's skill groups (its listed skills'
    items, each group once) and the items each fair skill name meets. Read per request, they cost 40 ms of
    an ordinary profile's advice (every position's groups, and a few hundred candidate names searched)."""

    groups: list[tuple[tuple[int, ...], ...]]
    named: dict[str, frozenset[int]]
    within: dict[int, list[tuple[int, int]]]  # an item -> (position, group) for each group holding it


_FAIRS: weakref.WeakKeyDictionary[MatchIndex, _Fair] = weakref.WeakKeyDictionary()


def _fair(index: MatchIndex) -> _Fair:
    kept = _FAIRS.get(index)
    if kept is None:
        ids = index.skills.item_ids
        groups = [tuple(dict.fromkeys(ids.get(w, ()) for w in record.skills)) for record in index.positions]
        within: dict[int, list[tuple[int, int]]] = {}
        for position, held in enumerate(groups):
            for at, group in enumerate(held):
                for item in group:
                    within.setdefault(item, []).append((position, at))
        kept = _FAIRS[index] = _Fair(groups, {}, within)
    return kept


def _named_items(index: MatchIndex, name: str) -> frozenset[int]:
    """``items_hit`` of one fair skill name, kept with the index."""
    named = _fair(index).named
    if (items := named.get(name)) is None:
        items = named[name] = frozenset(items_hit(index, [name]))
    return items


def _mask(
    index: MatchIndex, profile: Mapping[str, Any], forms: Sequence[SkillForm]
) -> tuple[np.ndarray, str]:
    """The positions the advice counts, and its scope: those passing the profile's hard filters and, where
    the profile names desired titles some positions meet at ``title_weak`` or more, those positions only
    (``"titles"``: a front-end developer is not told to learn driving for the drivers' posts); else, where
    the seeker's skill ``forms`` are found in some positions (listed, in a title or a description), those
    positions only (``"skills"``: a Python developer is told what the posts asking Python ask besides, not
    to get a driving licence for the drivers' posts); the whole filtered fair otherwise (``"fair"``)."""
    # The skills come read (``forms``), not read again here (a profile's 50 skills of 100 characters are past
    # the reader's string caches).
    query = index.reader.read({k: v for k, v in profile.items() if k not in {"skills", "major"}})
    mask = index.columns.filter_mask(query.filters, index.columns.eligible(query.education_rank))
    wishes = [t for t in query.titles if t.key]
    if wishes:
        near = index.titles.score(wishes).score >= index.weights.title_weak
        if (mask & near).any():
            return mask & near, "titles"
    if forms:
        found = index.skills.score(forms).score > 0
        if (mask & found).any():
            return mask & found, "skills"
    return mask, "fair"


def gaps(index: MatchIndex, held: set[int], mask: np.ndarray) -> tuple[int, list[Gap]]:
    """(positions qualified for, positions with missing skills) among those ``mask`` keeps."""
    qualified, missing = 0, []
    groups = _fair(index).groups
    for p in np.flatnonzero(mask).tolist():
        lacking = tuple(g for g in groups[p] if held.isdisjoint(g))
        if lacking:
            missing.append(Gap(p, lacking))
        else:
            qualified += 1
    return qualified, missing


def _pay(records: Sequence[Any]) -> dict[str, int | None]:
    lows = [r.salary_min for r in records if r.salary_min is not None]
    highs = [r.salary_max for r in records if r.salary_max is not None]
    return {"min": min(lows) if lows else None, "max": max(highs) if highs else None}


def pay_text(pay: Mapping[str, int | None], *, english: bool = False) -> str:
    low, high = pay.get("min"), pay.get("max")
    if low is None and high is None:
        return "pay negotiable" if english else "薪资面议"
    if low is not None and high is not None and low != high:
        span = f"{low:,}–{high:,}"
    else:
        span = f"{low if low is not None else high:,}"
    return f"{span} CNY a month" if english else f"月薪 {span}"


def _positions(count: int, more: str = "") -> str:
    return f"{count} {more}position" + ("" if count == 1 else "s")


def _example(index: MatchIndex, p: int) -> dict[str, Any]:
    record = index.positions[p]
    return {
        "id": record.id,
        "title": record.title,
        "employer": {"id": record.employer_id, "name": record.employer_name, "booth": record.booth},
        "salary_min": record.salary_min,
        "salary_max": record.salary_max,
        "openings": record.openings,
    }


def _is_paper(skill: str) -> bool:
    """Whether a skill is a paper one gets (B2驾驶证, 初级会计职称, 电工证), by the endings of
    ``data/credentials.json``: its advice says 考取 (get), not 学会 (learn)."""
    return normalize(skill).endswith(credential_endings())


# Where the positions asking a skill are: the desired jobs', or those the seeker's skills are found in.
_AMONG = {
    "titles": ("你想做的工作里", "{positions} of the jobs you want {verb} for {skill}, "),
    "skills": ("用得上你技能的岗位里", "{n} of the positions using your skills {verb} for {skill}, "),
}


def _suggestion(
    index: MatchIndex, skill: str, opened: list[int], asking: list[int], scope: str
) -> dict[str, Any]:
    """One skill to learn: the positions it opens (``adds``, exactly) and, where it opens none, the counted
    positions asking it that the seeker still lacks it for (``asked``), with their pay and a few of them."""
    shown = opened or asking
    records = [index.positions[p] for p in shown]
    pay = _pay(records)
    best = sorted(shown, key=lambda p: (-(index.positions[p].salary_max or 0), index.positions[p].id))
    count, asked = len(opened), len(asking)
    if count:
        verb, verb_en = ("考取", "Get") if _is_paper(skill) else ("学会", "Learn")
        text = f"{verb} {skill}，多 {count} 个岗位的要求你都满足，{pay_text(pay)}"
        text_en = f"{verb_en} {skill}: you meet every requirement of {_positions(count, 'more ')}, "
        text_en += pay_text(pay, english=True)
    else:
        among, among_en = _AMONG[scope]
        text = f"{among}，{asked} 个岗位要求 {skill}，{pay_text(pay)}"
        verb = "asks" if asked == 1 else "ask"
        text_en = among_en.format(n=asked, positions=_positions(asked), verb=verb, skill=skill)
        text_en += pay_text(pay, english=True)
    return {
        "skill": skill,
        "adds": count,
        "asked": asked,
        "openings": sum(r.openings or 1 for r in records),
        "pay": pay,
        "positions": [_example(index, p) for p in best[:EXAMPLES]],
        "explanation": text,
        "explanation_en": text_en,
    }


def learn_next(index: MatchIndex, profile: Mapping[str, Any], *, limit: int = SUGGESTIONS) -> dict[str, Any]:
    """Up to ``limit`` skills that most raise the number of positions qualified for, with the exact count.

    Where the profile names desired titles (``_mask``'s scope ``"titles"``), only their positions count, and
    a skill opening none of them still counts by how many of them ask it and lack it (``asked``): an
    accountant missing three papers is told the one most of the accounting posts ask for. Without them, the
    positions the seeker's skills are found in count, alike (``"skills"``). Soft skills (吃苦耐劳) are no
    advice: they are not learnt."""
    skills = [str(s) for s in profile.get("skills") or ()]
    forms = skill_forms(index, skills, [str(t) for t in profile.get("titles") or ()])
    held = items_hit(index, skills, forms)
    mask, scope = _mask(index, profile, forms)
    qualified, missing = gaps(index, held, mask)
    near = [g for g in missing if scope != "fair" or len(g.missing) <= CANDIDATE_MISSING]
    votes: dict[int, int] = {}
    for gap in near:
        for group in gap.missing:
            for item in group:
                votes[item] = votes.get(item, 0) + 1
    by_position = {g.position: g for g in missing}
    fair = _fair(index)
    listed = index.skills.postings.per_item
    opened_by: dict[str, list[int]] = {}
    asking_by: dict[str, list[int]] = {}
    tried: set[str] = set()
    for item in sorted(votes, key=lambda i: (-votes[i], i)):
        name = index.skills.displays[item]
        if name in tried or index.skills.soft[item]:
            continue
        tried.add(name)
        gained = _named_items(index, name) - held
        if not gained:
            continue
        within = np.unique(index.skills.postings.positions_of(np.array(sorted(gained), dtype=np.int32)))
        lacking = [p for p in within.tolist() if p in by_position]
        met: dict[int, set[int]] = {}  # position -> its missing groups ``gained`` meets
        for position, at in (hit for i in gained for hit in fair.within.get(i, ())):
            if position in by_position and held.isdisjoint(fair.groups[position][at]):
                met.setdefault(position, set()).add(at)
        opened = [p for p in lacking if len(met.get(p, ())) == len(by_position[p].missing)]
        if opened:
            opened_by[name] = opened
        elif scope != "fair":
            asking_by[name] = [p for p in lacking if p in met]
    item_of = {index.skills.displays[i]: i for i in votes}
    ranked, seen = [], set()

    def order(n: str) -> tuple:
        return (-len(opened_by.get(n, ())), -len(asking_by.get(n, ())), -int(listed[item_of[n]]), len(n), n)

    for name in sorted([*opened_by, *asking_by], key=order):
        shown = tuple(opened_by.get(name) or asking_by[name])
        if (
            shown and shown not in seen
        ):  # two wordings of one skill (沟通能力, 良好的沟通能力) open the same positions
            seen.add(shown)
            ranked.append(name)
    return {
        "qualified": qualified,
        "considered": int(np.count_nonzero(mask)),
        "scope": scope,
        "suggestions": [
            _suggestion(index, name, opened_by.get(name, []), asking_by.get(name, []), scope)
            for name in ranked[:limit]
        ],
    }
