"""A long input costs work in proportion to its length at most: a hostile client sending 50 skills and 10
desired titles of 100 characters each cannot tie a worker up for long."""

from __future__ import annotations

import json
import random
from pathlib import Path

from matching import similarity
from matching.index import MatchIndex
from matching.profile import ProfileReader
from matching.records import positions_from_fixture


def _chinese(rng: random.Random, size: int) -> str:
    return "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(size))


def _readings(client, monkeypatch, size: int) -> int:
    """The texts a match reads as a skill for 50 long skills and ten desired titles of ``size`` characters."""
    count = 0
    known_skill = ProfileReader.known_skill

    def counted(self, text):
        nonlocal count
        count += 1
        return known_skill(self, text)

    monkeypatch.setattr(ProfileReader, "known_skill", counted)
    rng = random.Random(size)
    profile = {
        "skills": [_chinese(rng, 100) for _ in range(50)],
        "titles": [_chinese(rng, size) for _ in range(10)],
    }
    answer = client.post("/api/v1/matches", json=profile)
    assert answer.status_code == 200, answer.get_json()
    monkeypatch.undo()
    return count


def test_a_long_desired_title_is_read_by_a_bounded_number_of_heads(client, monkeypatch):
    short = _readings(client, monkeypatch, 30)
    long = _readings(client, monkeypatch, 100)
    # A wish's head is tried at most as long as the longest Chinese skill name known: 70 more characters in
    # each of ten wishes add a few readings, not one per character (about 200 more, each a full reading).
    assert long - short < 70


FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "qixing-2023.json"
# The fair's own words run together: each one starts phrases in descriptions, the costly case.
RUN_TOGETHER = "新媒体运营数据分析客户服务仓库管理机械设计会计电工证直播带货平面设计行政文员销售" * 3


def _cuttings(monkeypatch, skills: list[str]) -> int:
    """How many ways of cutting an input into chunks a match of ``skills`` on the default fair tries."""
    count = 0
    splits = similarity._splits

    def counted(short: str, parts: int):
        nonlocal count
        for chunks in splits(short, parts):
            count += 1
            yield chunks

    index = MatchIndex.build(positions_from_fixture(json.loads(FIXTURE.read_text(encoding="utf-8"))))
    monkeypatch.setattr(similarity, "_splits", counted)
    answer = index.match({"skills": skills})
    monkeypatch.undo()
    assert answer["matched"] > 0
    return count


def test_a_skill_input_longer_than_any_name_is_never_cut_into_chunks(monkeypatch):
    # A phrase is looked for in 2 or 3 chunks (淘宝运营 in 淘宝店铺运营); the ways to cut a string grow with
    # its square, 4,950 three-chunk cuttings for 100 characters, tried in every description holding its
    # first words. Past MAX_CHUNKED symbols (no skill or title of a fair is near it) it is looked for whole.
    assert similarity.containment(RUN_TOGETHER[:30], RUN_TOGETHER[:30] + "岗位") > 0  # whole: found
    assert similarity.chunk_patterns(RUN_TOGETHER[:30], "\n") == []
    assert similarity.chunk_patterns("淘宝运营", "\n")  # a name's chunks are still looked for
    short = _cuttings(monkeypatch, [RUN_TOGETHER[:20]])
    long = _cuttings(monkeypatch, [RUN_TOGETHER[:100]])
    assert long <= short  # before: 20 characters tried 190 cuttings a search, 100 characters 4,950
