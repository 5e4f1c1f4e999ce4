"""Skill similarity: typos, words inside phrases, and never across a Latin word boundary."""

from __future__ import annotations

import json

import numpy as np
import pytest

from matching import similarity as similarity_module
from matching.aliases import skill_aliases
from matching.lexicon import LexiconBuilder
from matching.normalize import normalize
from matching.records import positions_from_fixture
from matching.similarity import NEAR_EQUAL, Vocabularies, Vocabulary, near_equal, similarity

from ..conftest import DEFAULT_FIXTURE
from .builders import fair, position, scores

THRESHOLD = 0.75
POSTED = [
    "Python", "JavaScript", "Java开发", "Photoshop", "淘宝店铺运营", "直播运营", "PLC编程", "Redis",
    "Google Ads", "Django", "C++", "C#", "AutoCAD", "excellent communication", "熟练使用Python进行数据分析",
    "会展设计", "Excel", "PPT", "Go", "C", "R", "数据统计分析", "Spring Boot", "会计", "会计师",
    "Java后端开发工程师",
]  # fmt: skip


def _lexicon(*posted: str):
    builder = LexiconBuilder(skill_aliases())
    keys = [builder.encode(normalize(p), term=True) for p in posted]
    return builder.freeze(), keys


def sim(seeker: str, posted: str) -> float:
    lexicon, keys = _lexicon(posted, *POSTED)
    target = keys[0]
    return similarity(lexicon.encode(normalize(seeker), True)[0], target)


@pytest.mark.parametrize(
    ("seeker", "posted"),
    [
        ("Pyhton", "Python"),
        ("Javascrpt", "JavaScript"),
        ("photoshp", "Photoshop"),
        ("SPRING-boot", "Spring Boot"),
    ],
)
def test_typos_and_spelling_in_longer_words_still_match(seeker, posted):
    assert sim(seeker, posted) >= THRESHOLD


@pytest.mark.parametrize(
    ("seeker", "posted"),
    [
        ("淘宝运营", "淘宝店铺运营"),
        ("直播", "直播运营"),
        ("PLC", "PLC编程"),
        ("Python", "熟练使用Python进行数据分析"),
        ("Java", "Java开发"),
        ("数据分析", "数据统计分析"),
        ("会计", "会计师"),
        ("教师资格证", "小学教师资格证"),  # a credential inside a credential
    ],
)
def test_a_skill_inside_a_longer_phrase_matches(seeker, posted):
    assert sim(seeker, posted) >= THRESHOLD


@pytest.mark.parametrize(
    ("seeker", "posted"),
    [
        ("Java", "JavaScript"),
        ("R", "Redis"),
        ("Go", "Google Ads"),
        ("Go", "Django"),
        ("C", "C++"),
        ("C", "C#"),
        ("C", "AutoCAD"),
        ("C", "Objective-C"),  # one language, joined as one term (data/skill_aliases.tsv)
        ("Objective C", "C"),
        ("C++", "C#"),
        ("Excel", "excellent communication"),
        ("PS", "PPT"),
        ("Java", "JavaScript前端工程师"),
        ("会计", "会展设计"),  # 会…计 scattered is no mention of 会计
        ("会计", "中级会计职称"),  # knowing the trade is not holding the credential
        ("电工", "电工证"),
        ("教师", "教师资格证"),
    ],
)
def test_no_match_across_a_latin_word_boundary_or_scattered_characters(seeker, posted):
    assert sim(seeker, posted) < THRESHOLD


def test_similarity_is_one_only_for_equal_strings_and_symmetric():
    _, keys = _lexicon(*POSTED)
    for a in keys:
        for b in keys:
            assert similarity(a, b) == pytest.approx(similarity(b, a))
            assert (similarity(a, b) == 1.0) == (a == b)


def test_vocabulary_search_finds_exactly_what_the_pairwise_rule_scores():
    lexicon, keys = _lexicon(*POSTED)
    vocabulary = Vocabulary(keys)
    queries = [
        lexicon.encode(normalize(q), True)[0] for q in [*POSTED, "淘宝运营", "数据分析", "Pyhton", "直播"]
    ]
    for query, (items, found) in zip(queries, vocabulary.search(queries, floor=0.01), strict=True):
        expected = np.array([similarity(query, k) for k in keys], dtype=np.float32)
        got = np.zeros(len(keys), dtype=np.float32)
        got[items] = found
        np.testing.assert_allclose(got, np.where(expected >= 0.01, expected, 0), rtol=1e-6)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("初级会计职称", "中级会计职称"),
        ("一级建造师", "二级建造师"),
        ("高级电工证", "中级电工证"),
        ("低压电工证", "高压电工证"),
    ],
)
def test_skills_of_another_level_are_not_near_equal(a, b):
    assert near_equal(normalize(a), normalize(b)) >= NEAR_EQUAL  # as plain strings they are one edit apart
    assert similarity(normalize(a), normalize(b), heads=True) == 0.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("初级会计职称", "初级会计职称"),  # the same level
        ("初级会计职称", "初级会计执称"),  # a typo elsewhere still counts
        ("一级建造师", "一级建造帅"),
    ],
)
def test_a_level_kept_leaves_near_equal_skills_alike(a, b):
    assert similarity(normalize(a), normalize(b), heads=True) >= NEAR_EQUAL


def test_the_low_and_the_high_voltage_papers_do_not_meet_each_other():
    # Two operating certificates of their own; either still proves the 电工证 a posting asks without one.
    index = fair(position("LOW", "电工", "低压电工证"), position("HIGH", "电工", "高压电工证"),
                 position("ANY", "电工", "电工证"))  # fmt: skip
    low, high = scores(index, skills=["低压电工证"]), scores(index, skills=["高压电工证"])
    assert low["LOW"] > 0 and low["HIGH"] == 0 and low["ANY"] > 0, low
    assert high["HIGH"] > 0 and high["LOW"] == 0 and high["ANY"] > 0, high


def test_a_seeker_holding_one_level_does_not_meet_a_posting_asking_another():
    index = fair(position("MID", "财务主管", "中级会计职称"), position("JUNIOR", "会计", "初级会计职称"))
    order = scores(index, skills=["初级会计职称"])
    assert order["JUNIOR"] > 0 and order["MID"] == 0, order


@pytest.mark.parametrize(
    ("held", "asked", "least"),
    [
        ("钳工证", "钳工", 0.95),
        ("电工证", "电工", 0.95),
        ("教师资格证", "教师", 0.95),
        ("中级会计职称", "会计", THRESHOLD),  # inside the name, as containment scores it
    ],
)
def test_a_seekers_credential_meets_the_skills_its_name_holds(held, asked, least):
    held, asked = normalize(held), normalize(asked)
    assert similarity(held, asked, heads=True) >= least
    assert similarity(asked, held, heads=True) == 0.0  # knowing the trade is still not holding the paper
    assert similarity(held, asked) < THRESHOLD  # only a seeker's skill against a listed one reads so


@pytest.mark.parametrize(
    ("held", "asked"),
    [
        ("初级会计职称", "中级会计"),  # another level
        ("数据库证书", "数据"),  # a generic word as a modifier
        ("电工证", "维修电工"),  # more than the name holds
    ],
)
def test_a_seekers_credential_meets_no_other_skill(held, asked):
    assert similarity(normalize(held), normalize(asked), heads=True) < THRESHOLD


def test_a_seeker_holding_a_certificate_meets_the_postings_asking_its_trade():
    index = fair(
        position("PAPER", "钳工", "钳工证"),
        position("TRADE", "模具钳工", "钳工", "看图"),
        position("OTHER", "焊工", "焊工证", "氩弧焊"),
    )
    order = scores(index, skills=["钳工证"])
    assert order["PAPER"] > order["TRADE"] > 0, order
    assert order["OTHER"] == 0, order
    order = scores(index, skills=["钳工"])
    assert order["TRADE"] > 0 and order["PAPER"] < order["TRADE"], order


def _typed(word: str, n: int) -> str:
    """A deterministic typo of ``word``: a swapped, dropped, doubled or replaced symbol."""
    i = n % max(1, len(word) - 1)
    kind = n % 4
    if kind == 0 and len(word) > 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1 and len(word) > 2:
        return word[:i] + word[i + 1 :]
    if kind == 2:
        return word[:i] + word[i] + word[i:]
    return word[:i] + "售" + word[i + 1 :]


# Candidates compared one at a time (every search) or by one ``cdist`` (none): the same answers.
FEW = pytest.mark.parametrize("few", [10**6, 0], ids=["one-by-one", "cdist"])


@FEW
def test_vocabulary_search_skips_only_items_that_cannot_score(few, monkeypatch):
    """The symbol prefilter keeps every item the pairwise rules score: containment in either direction and
    near-equality right at its bound (one edit in five symbols), on the default fair's skills and titles."""
    monkeypatch.setattr(similarity_module, "FEW_CANDIDATES", few)
    positions = positions_from_fixture(json.loads(DEFAULT_FIXTURE.read_text(encoding="utf-8")))
    builder = LexiconBuilder(skill_aliases())
    skills = sorted({builder.encode(normalize(s), term=True) for p in positions for s in p.skills} - {""})
    titles = sorted({builder.encode(normalize(p.title), term=True) for p in positions} - {""})
    queries = [*skills[::5], *(_typed(w, n) for n, w in enumerate(skills[::4])), "快消品销货", "快消品销售"]
    for items, heads in ((skills, True), (titles[::3], False)):
        vocabulary = Vocabulary(items, heads=heads)
        for contain in (True, False):
            answers = vocabulary.search(queries, floor=0.75, contain=contain)
            for query, (at, found) in zip(queries, answers, strict=True):
                expected = {}
                for n, item in enumerate(items):
                    score = similarity(query, item, heads) if contain else near_equal(query, item)
                    if score >= 0.75:
                        expected[n] = score
                assert dict(zip(at.tolist(), found.tolist(), strict=True)) == pytest.approx(expected), query


@FEW
def test_one_pass_over_several_vocabularies_gives_each_its_own_search(few, monkeypatch):
    """``Vocabularies`` (a new skill form against skills, titles and cores at once) answers each member
    exactly as the member's own search would, for strings the members share and strings only one holds."""
    monkeypatch.setattr(similarity_module, "FEW_CANDIDATES", few)
    positions = positions_from_fixture(json.loads(DEFAULT_FIXTURE.read_text(encoding="utf-8")))
    builder = LexiconBuilder(skill_aliases())
    skills = sorted({builder.encode(normalize(s), term=True) for p in positions for s in p.skills} - {""})
    titles = sorted({builder.encode(normalize(p.title), term=True) for p in positions} - {""})
    members = [Vocabulary(skills, heads=True), Vocabulary(titles), Vocabulary(skills[::2] + titles[::2])]
    together = Vocabularies(members)
    assert len(together.union) < sum(map(len, members))  # shared strings are compared once
    queries = [*skills[::7], *titles[::9], *(_typed(w, n) for n, w in enumerate(skills[::6])), "快消品销货"]
    for query in queries:
        for contain in ((True, True, False), (False, True, True)):
            answers = together.search(query, floor=0.75, contain=contain)
            for member, wanted, (at, found) in zip(members, contain, answers, strict=True):
                own_at, own = member.search([query], floor=0.75, contain=wanted)[0]
                assert at.tolist() == own_at.tolist(), query
                assert found.tolist() == own.tolist(), query
                assert at.dtype == own_at.dtype and found.dtype == own.dtype
