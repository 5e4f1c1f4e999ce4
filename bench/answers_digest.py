"""A digest of the engine's full answers, to show that a change left every ranking as it was.

Ranks 1,504 profiles typed as people type (``typed_profiles.distinct_profiles``, plus pinyin, traditional and
mixed ones) on the default fair, in full (limit 20) and in the compact form of pushes, and 400 profiles on a
10x fair; prints one SHA-256 per fair. Run it before and after a change (for an older commit, copy this file
into a ``git worktree`` of it): equal digests mean byte-identical answers.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_matching import FIXTURE, profiles, replicated  # noqa: E402
from bench.typed_profiles import distinct_profiles  # noqa: E402
from matching.index import MatchIndex  # noqa: E402
from matching.records import positions_from_fixture  # noqa: E402

NAMED = [
    {"skills": ["kuaiji", "Excel"]},
    {"skills": ["會計", "ｅｘｃｅｌ"], "titles": ["chuna"]},
    {"skills": ["商业", "SPSS"]},
    {"titles": ["物业管家"], "industries": ["房产"], "expected_salary": 5000},
]


def _digest(answers: list) -> str:
    sha = hashlib.sha256()
    for answer in answers:
        sha.update(json.dumps(answer, ensure_ascii=False, sort_keys=True).encode())
    return sha.hexdigest()


def main() -> dict[str, str]:
    positions = positions_from_fixture(json.loads(FIXTURE.read_text(encoding="utf-8")))
    index = MatchIndex.build(positions)
    typed = distinct_profiles(1500, seed=7) + NAMED
    answers = [index.match(p, limit=20) for p in typed]
    answers += index.match_compact(typed[:300], limit=10)[0]
    rng = random.Random(3)
    scaled = MatchIndex.build(replicated(positions, 10, rng))
    scaled_answers = [scaled.match(p, limit=20) for p in profiles(positions, 200, rng) + typed[:200]]
    return {"default fair": _digest(answers), "10x fair": _digest(scaled_answers)}


if __name__ == "__main__":
    print(json.dumps(main(), indent=1))
