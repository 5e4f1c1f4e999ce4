"""What the longest profiles the API accepts cost: 50 skills and 10 desired titles of 100 characters each.

Two kinds, each a fresh set of profiles (nothing cached from one to the next): random Chinese characters
drawn from the default fair's own texts, and the fair's skills and titles run together (every few characters
starts a word the descriptions hold, the costly case for phrase search). Beside them, for scale, ordinary
never-seen typed profiles (``typed_profiles``). Prints CPU milliseconds a match and the machine.

    .venv/bin/python bench/long_inputs.py --profiles 12
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_matching import FIXTURE, machine  # noqa: E402
from bench.typed_profiles import distinct_profiles  # noqa: E402
from matching.index import MatchIndex  # noqa: E402
from matching.records import positions_from_fixture  # noqa: E402

LONGEST, SKILLS, TITLES = 100, 50, 10  # the request schema's bounds


def _profiles(pieces: list[str], count: int, rng: random.Random, join: bool) -> list[dict]:
    def text() -> str:
        out = ""
        while len(out) < LONGEST:
            out += rng.choice(pieces) if join else "".join(rng.choice(pieces) for _ in range(LONGEST))
        return out[:LONGEST]

    return [{"skills": [text() for _ in range(SKILLS)], "titles": [text() for _ in range(TITLES)]}
            for _ in range(count)]  # fmt: skip


def _cpu_ms(index: MatchIndex, profiles: list[dict]) -> list[float]:
    out = []
    for profile in profiles:
        start = time.process_time()
        index.match(profile)
        out.append((time.process_time() - start) * 1000)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--profiles", type=int, default=12, help="profiles of each kind")
    options = parser.parse_args(argv)
    records = positions_from_fixture(json.loads(FIXTURE.read_text(encoding="utf-8")))
    index = MatchIndex.build(records)
    rng = random.Random(1)
    chars = sorted({c for r in records for c in r.title + "".join(r.skills) + r.description})
    words = sorted({s for r in records for s in r.skills} | {r.title for r in records})
    index.match(distinct_profiles(1, seed=3)[0])  # the first match's one-off work is not measured
    kinds = {
        "ordinary never-seen typed profiles": distinct_profiles(200, seed=11),
        "50 + 10 inputs of 100 random characters": _profiles(chars, options.profiles, rng, join=False),
        "50 + 10 inputs of 100 characters, the fair's words run together": _profiles(
            words, options.profiles, rng, join=True
        ),
    }
    print(json.dumps(machine()))
    for name, profiles in kinds.items():
        cost = _cpu_ms(index, profiles)
        print(f"{name}: median {statistics.median(cost):.1f} ms, max {max(cost):.1f} ms CPU a match "
              f"({len(profiles)} profiles)")  # fmt: skip


if __name__ == "__main__":
    main()
