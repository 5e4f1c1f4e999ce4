"""The vectorised skill score equals the documented formula computed position by position."""

from __future__ import annotations

import numpy as np
import pytest

from matching.mentions import CLAUSE_BREAK
from matching.similarity import CHUNK_PENALTY, _blocked, _span, _splits, near_equal, similarity
from matching.skills import asks_nothing

from .builders import fair, position, trap_fair


def described(key: str, description: str, aliases: dict[str, tuple[str, ...]]) -> float:
    """How a description mentions an encoded skill: written out or through an alias 1, as a phrase of 2-3
    ordered chunks within one clause 0.95 per extra chunk (one CJK character is never looked for), never
    cutting a bound word (``_blocked``)."""
    best = 0.0
    for name in (key, *aliases.get(key, ())):
        if len(name) < 2 and name < "\uffff":
            continue
        for clause in description.split(CLAUSE_BREAK):
            blocked = _blocked(clause, name)
            if _span((name,), clause, blocked) is not None:
                return 1.0
            for parts in (2, 3):
                spans = [
                    span
                    for chunks in _splits(name, parts)
                    if (span := _span(chunks, clause, blocked)) is not None
                ]
                if spans and min(spans) <= 2 * len(name) + 2:
                    best = max(best, CHUNK_PENALTY ** (parts - 1))
    return best


def titled(index, key: str, p: int) -> tuple[float, float]:
    """How a position's title mentions an encoded skill: as written (its notes included, at
    ``title_mention``) or as the job itself (``TitleSpace.mentions`` of the cleaned title), and the latter."""
    w, titles, mentions = index.weights, index.titles, index.skills.mentions

    def counted(value: float) -> float:
        return value if value >= w.match_threshold else 0.0

    raw = mentions.titles.items[mentions.title_of_position[p]]
    cleaned_id = titles.title_of_position[p]
    cleaned, core = titles.titles.items[cleaned_id], titles.cores.items[titles.core_of_title[cleaned_id]]
    found = [counted(similarity(key, cleaned)), counted(near_equal(key, core))]
    read, rewrite = titles.synonyms.rewrite(key), titles.synonyms.rewrite
    if read != key and (rewrite(cleaned), rewrite(core)) != (cleaned, core):
        found.append(
            max(counted(similarity(read, rewrite(cleaned))), counted(near_equal(read, rewrite(core))))
            * w.title_synonym
        )
    return max(*found, counted(similarity(key, raw)) * w.title_mention), max(found)


def listed_similarity(
    key: str, item: str, aliases: dict[str, tuple[str, ...]], links: dict[str, dict[str, float]]
) -> float:
    """How a seeker's encoded skill meets a listed one: by their similarity, by the similarity of one of
    its running-text aliases that the listed skill may hold (it is no shorter than the alias), or as one of
    its family (``links``: 电商运营 for a listed 淘宝运营)."""
    by_alias = [similarity(a, item, heads=True) for a in aliases.get(key, ()) if len(item) >= len(a)]
    return max([similarity(key, item), *by_alias, links.get(key, {}).get(item, 0.0)])


def direct_skill_score(index, forms, p: int) -> float:
    """The skill score of one position, straight from the docstring of ``matching.skills``."""
    w, space, mentions = index.weights, index.skills, index.skills.mentions
    record = index.positions[p]
    items = list(dict.fromkeys(i for s in record.skills for i in space.item_ids[s]))
    description = mentions.descriptions.joined.split("\n")[mentions.description_of_position[p]]

    def counted(value: float) -> float:
        return value if value >= w.match_threshold else 0.0

    use, best_item, best_title, only_described = 0.0, dict.fromkeys(items, 0.0), 0.0, []
    for form in forms:
        sure = 0.5 + 0.5 * form.confidence
        near = (
            listed_similarity(form.key, space.vocabulary.items[i], mentions.aliases, space.links)
            for i in items
        )
        listed = {i: counted(value) * sure for i, value in zip(items, near, strict=True)}
        title, job = (t * sure for t in titled(index, form.key, p))
        text = described(form.key, description, mentions.aliases) * sure * w.description_mention
        use += max([title, text, *listed.values()])
        best_title = max(best_title, job)
        # Named by the description or the title's notes only, and met by no listed skill.
        text = max(text, 0.0 if job else title)
        if text and not any(listed.values()):
            only_described.append(text)
        best_item = {i: max(best_item[i], listed[i]) for i in items}
    use /= len(forms)
    asked, met = len(items) or w.unlisted_requirements - 1, sum(best_item.values())
    rest = max(met / asked, (met + sum(only_described)) / (asked + len(only_described)))
    req = w.title_requirement * best_title + (1 - w.title_requirement) * rest if best_title > 0 else rest
    b2 = (w.skill_beta if items else w.skill_beta_unlisted) ** 2
    return (1 + b2) * req * use / (b2 * use + req) if req + use > 0 else 0.0


@pytest.mark.parametrize(
    "skills",
    [
        ["Python", "Excel", "数据分析"],
        ["Pyhton", "會計", "kuaiji"],
        ["Java", "JS", "C", "C#", "Go", "R"],
        ["淘宝运营", "直播", "PLC", "用友", "教资"],
        ["前端三件套", "k8s", "spring-boot", "PS", "量子纠缠"],
        ["店铺运营", "数据分析", "C1驾照", "教资", "Kubernetes"],  # phrases and aliases in descriptions
        ["普工", "司机", "会计", "码农", "Java"],  # the job itself, in a title or a synonym of it
        ["做账", "客户维护", "品管", "Word"],  # listed skills holding an alias (全盘做账), or held by one
    ],
)
def test_sparse_scoring_matches_the_formula(skills):
    index = fair(
        *trap_fair().positions,
        position("D1", "运营", description="岗位职责：负责天猫店铺的日常运营；对销售数据进行分析。"),
        position("D2", "司机", description="有C1驾照，熟悉k8s者优先。持有教资。"),
        position("D3", "分析", description="数据录入。负责分析报告，店铺。运营"),
        position("T1", "操作工（夜班）", "5S"),
        position("T2", "驾驶员", description="有C1驾照"),
        position("T3", "财务主管", "用友", "Excel"),
        position("T4", "软件开发工程师（Java方向）", "MySQL"),
        position("A1", "总账会计", "全盘做账", "客户关系维护", "品管经验"),
        position("A2", "文员", "办公软件", "会计"),
    )
    forms, _ = index.reader.read({"skills": skills}).skill_forms()
    computed = index.skills.score(forms).score
    expected = [direct_skill_score(index, forms, p) for p in range(len(index))]
    np.testing.assert_allclose(computed, expected, rtol=1e-5, atol=1e-6)
    assert max(expected) > 0


def test_a_form_found_nowhere_has_empty_hits_shaped_like_any_other():
    index = trap_fair()
    found, nowhere = (index.skills._hits(index.reader.skill(s).forms[0].key) for s in ("Java", "量子纠缠"))
    assert len(found.positions) and not len(nowhere.positions)
    assert (nowhere.skills, nowhere.titles, nowhere.descriptions, nowhere.best) == ({}, {}, {}, None)
    for name in ("skill_items", "skill_scores", "positions", "table"):
        full, empty = getattr(found, name), getattr(nowhere, name)
        assert (empty.dtype, empty.ndim, empty.shape[1:]) == (full.dtype, full.ndim, full.shape[1:]), name
        assert not empty.flags.writeable


@pytest.mark.parametrize(
    ("written", "nothing"),
    [
        ("五险一金", True),
        ("周末双休、包吃住", True),
        ("应届生可", True),
        ("急招", True),
        ("3年以上工作经验", True),
        ("经验不限", True),
        ("底薪+提成", True),
        ("五险一金办理", False),  # an HR task: a skill beside the benefit's name
        ("提成核算", False),
        ("社保", False),  # an HR task too (社保办理), which the alias list keeps to whole skills
        ("Java", False),
        ("ISO9001", False),
        ("CET-4", False),
        ("5S", False),
        ("3D建模", False),
        ("C1驾照", False),
    ],
)
def test_a_listed_benefit_or_condition_asks_nothing(written, nothing):
    assert asks_nothing(written) is nothing
    index = fair(position("P", "岗位", written, "Excel"))
    assert index.skills.postings.per_position[0] == (1 if nothing else 2)
