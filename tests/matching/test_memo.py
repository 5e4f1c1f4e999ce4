"""The engine's caches are bounded in bytes: memory stays flat however many distinct seekers ask."""

from __future__ import annotations

import numpy as np

from matching import memo
from matching.index import MatchIndex
from matching.memo import ByteCache, nbytes, string_entries

from .builders import position


def test_a_byte_cache_keeps_the_most_recent_values_within_its_budget():
    computed: list[int] = []

    def compute(key: int) -> np.ndarray:
        computed.append(key)
        return np.zeros(1000)  # 8,000 bytes of buffer

    cache = ByteCache(compute, max_bytes=50_000)
    for key in range(20):
        cache(key)
    assert 0 < cache.bytes <= 50_000
    assert len(cache) == 50_000 // (
        8_000 + 112 + memo.ENTRY_BYTES + nbytes(0)
    )  # 8,000 bytes and overheads each
    computed.clear()
    cache(19)
    cache(15)
    assert computed == []  # the newest are kept
    cache(0)
    assert computed == [0]  # the oldest went first
    assert cache.bytes <= 50_000


def test_threads_reading_and_evicting_at_once_keep_the_budget_and_the_answers():
    """Hits take no lock: with threads hitting, missing and evicting together, every answer is its key's
    value and the byte count stays the sum of what is kept, within the budget."""
    import threading

    cache = ByteCache(lambda key: np.full(100, key), max_bytes=20_000)
    wrong: list[int] = []

    def hammer(seed: int) -> None:
        rng = np.random.default_rng(seed)
        for key in rng.integers(0, 60, 5_000).tolist():
            if cache(key)[0] != key:
                wrong.append(key)

    threads = [threading.Thread(target=hammer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []
    assert 0 < cache.bytes <= 20_000
    assert cache.bytes == sum(cost for _, cost in cache._entries.values())


def test_a_value_larger_than_the_budget_is_answered_but_not_kept():
    cache = ByteCache(lambda key: np.zeros(10_000), max_bytes=1_000)
    assert len(cache(1)) == 10_000
    assert len(cache) == 0 and cache.bytes == 0


def test_sizes_count_buffers_and_objects():
    assert nbytes(np.zeros(100)) >= 800
    assert nbytes({1: 0.5, 2: 0.5}) > nbytes({})
    assert nbytes(("字" * 80,)) > nbytes(("a",))


def test_string_caches_take_their_entries_from_the_byte_budget():
    assert string_entries(budget=6 * 2**20) == 6 * 2**20 // (memo.ENTRY_BYTES + 2 * memo.STRING_BYTES)
    assert string_entries(memo.TOKENS_BYTES) < string_entries()


def test_distinct_skills_never_push_the_hit_cache_past_its_budget(monkeypatch):
    monkeypatch.setitem(memo.BUDGETS, "skill_hits", 40_000)
    positions = [
        position(f"P{n:03d}", "开发", f"技能{n}", "Python", description=f"熟悉技能{n}") for n in range(300)
    ]
    index = MatchIndex.build(positions)
    cache = index.skills.hits
    assert cache.max_bytes == 40_000
    for n in range(300):
        answer = index.match({"skills": [f"技能{n}"]}, limit=1)
        assert answer["results"][0]["position"]["id"] == f"P{n:03d}"
        assert cache.bytes <= 40_000
    assert 0 < len(cache) < 300  # older forms were let go, and ranking still finds them when asked again
    assert index.match({"skills": ["技能0"]}, limit=1)["results"][0]["position"]["id"] == "P000"


def test_skills_typed_differently_share_one_reading_and_keep_their_own_words():
    index = MatchIndex.build([position("A", "数据分析师", "Excel", "叉车操作")])
    reader = index.reader
    for typed in ("ＥＸＣＥＬ", "excel", "Excel ", "Fancyskill", "FANCYSKILL"):
        reader.skill(typed)
    assert reader.reading.misses == 2  # excel; fancyskill: five inputs, two readings
    assert [f.display for f in reader.skill("ＥＸＣＥＬ").forms] == ["Excel"]
    # An input read as written shows as each seeker wrote it, whoever asked first.
    assert [f.display for f in reader.skill("FANCYSKILL").forms] == ["FANCYSKILL"]
