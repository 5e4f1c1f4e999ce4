"""For the guidance station's staff: the skills that most often stand between seekers and the positions
closest to them, from the fair's demand counts only (skill → how often seekers asked for it), never from
anyone's profile.

Each requested skill ``s`` (asked ``c`` times) is taken as a seeker who has it. The positions closest to
that seeker are those listing a skill ``s`` meets; every other skill such a position lists and ``s`` does
not meet stands between them. A skill ``t`` weighs ``c`` × the share of those positions missing ``t``,
summed over the requested skills: roughly how many requests would meet ``t`` as the gap. Deterministic.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from matching.guidance import items_hit
from matching.index import MatchIndex

MAX_REQUESTED = 300  # the most requested skills are read; the long tail adds little


def training_topics(index: MatchIndex, demand: Mapping[str, int], *, limit: int = 10) -> dict[str, Any]:
    """The skills to cover in talks and trainings, each with its weight and the requests it blocks most."""
    weight: dict[int, float] = {}
    sources: dict[int, dict[str, float]] = {}
    requests = 0
    asked = sorted(demand.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_REQUESTED]
    for skill, count in asked:
        held = items_hit(index, [skill])
        if not held:
            continue
        close = np.unique(index.skills.postings.positions_of(np.array(sorted(held), dtype=np.int32)))
        if not len(close):
            continue
        requests += count
        share = count / len(close)
        for p in close.tolist():
            for written in dict.fromkeys(index.positions[p].skills):
                items = index.skills.item_ids.get(written, ())
                if items and not held.intersection(items):
                    item = items[0]
                    weight[item] = weight.get(item, 0.0) + share
                    by = sources.setdefault(item, {})
                    by[skill] = by.get(skill, 0.0) + share
    listed = index.skills.postings.per_item
    ranked = sorted(weight, key=lambda i: (-round(weight[i], 6), -int(listed[i]), index.skills.displays[i]))
    topics = []
    for item in ranked[:limit]:
        blocked = sorted(sources[item].items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        name, value = index.skills.displays[item], round(weight[item], 1)
        topics.append(
            {
                "skill": name,
                "weight": value,
                "positions": int(listed[item]),
                "asked_with": [s for s, _ in blocked],
                "text": {
                    "zh": f"{name}：约 {value:g} 次查询最接近的岗位缺这一项（{len(blocked)} 个常见技能组合）",
                    "en": f"{name}: missing from the closest positions of about {value:g} requests",
                },
            }
        )
    return {"requests": requests, "topics": topics}
