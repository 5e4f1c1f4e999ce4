"""A long input costs work in proportion to its length at most: a hostile client sending 50 skills and 10
desired titles of 100 characters each cannot tie a worker up for long."""

from __future__ import annotations

import random

from matching.profile import ProfileReader


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
