"""Each call of the compact batch phase, timed: a fresh server (`make run`'s gunicorn setup, 2 workers), one
match, then 20,000 distinct profiles as 20 calls of 1,000, two at a time. Two calls that land on one worker
while the other idles show as a pair of calls about twice as long as the rest.

    python bench/batch_calls.py               # in this tree
    python bench/batch_calls.py --runs 4      # several fresh servers in turn
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_http import post
from bench.serve import Gunicorn
from bench.typed_profiles import distinct_profiles

SLOW = 1.6  # seconds: a call this long shared its worker's core (a call alone takes 0.6-1.2 s here)


def run(profiles: list[dict], size: int = 1000) -> dict:
    calls = [
        {"candidates": [{"id": f"c{i + j}", **p} for j, p in enumerate(profiles[i : i + size])],
         "limit": 10, "compact": True}
        for i in range(0, len(profiles), size)
    ]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp, Gunicorn(Path(tmp), RATELIMIT_ENABLED="0") as server:
        post(server.port, "/api/v1/matches", {"skills": ["Python"]})
        started = time.perf_counter()

        def call(body: dict) -> list[float]:
            sent = time.perf_counter() - started
            status, _, seconds = post(server.port, "/api/v1/matches/batch", body)
            assert status == 200, status
            return [round(sent, 2), round(seconds, 2)]

        with ThreadPoolExecutor(2) as pool:
            timed = list(pool.map(call, calls))
        total = time.perf_counter() - started
    seconds = [s for _, s in timed]
    return {"seconds": round(total, 2), "mean_call_s": round(statistics.mean(seconds), 3),
            "calls_over_1_6_s": sum(s > SLOW for s in seconds), "calls": timed}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    profiles = distinct_profiles(20_000, seed=1)
    for _ in range(args.runs):
        print(json.dumps(run(profiles)))


if __name__ == "__main__":
    main()
