"""Whether a worker's memory levels off: distinct profiles in rounds, each worker's RSS after every round.

`make run`'s setup (`bench.serve`, 2 workers), driven by wrk as `bench/bench_http.py` drives it, with no
skill string asked twice in the whole run. Prints one line per round: requests sent in all, the round's
req/s, and each worker's RSS and USS in MB. Caches bounded in bytes fill in the first rounds; after that the
figures should stop growing.

    .venv/bin/python bench/memory_rounds.py                # 5 rounds of 10 s
    .venv/bin/python bench/memory_rounds.py --rounds 8 --seconds 15
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_http import first_matches, lua_script, worker_memory, wrk  # noqa: E402
from bench.bench_matching import machine  # noqa: E402
from bench.serve import Gunicorn  # noqa: E402
from bench.typed_profiles import distinct_profiles  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=10)
    options = parser.parse_args()
    per_round = 1500 * options.seconds  # more than a round can serve on this kind of machine
    pool = distinct_profiles(4 + per_round * options.rounds)
    print(machine(), flush=True)
    with tempfile.TemporaryDirectory() as tmp, Gunicorn(Path(tmp), workers=2, RATELIMIT_ENABLED="0") as gun:
        first_matches(gun.port, pool[:4], 2)
        print("after start", [(m["rss_mb"], m["uss_mb"]) for m in worker_memory(gun)], flush=True)
        at, sent = 4, 0
        for number in range(options.rounds):
            bodies = pool[at : at + per_round]
            script = lua_script(Path(tmp) / f"round{number}.lua", bodies, 2)
            out = wrk(f"{gun.url}/api/v1/matches", options.seconds, 16, 2, script)
            if out["requests"] > len(bodies):
                raise SystemExit("a round went round its bodies: run it with fewer --seconds")
            at, sent = at + out["requests"], sent + out["requests"]
            memory = [(m["rss_mb"], m["uss_mb"]) for m in worker_memory(gun)]
            print(f"{sent} requests, {out['rps']} req/s, (RSS, USS) MB a worker {memory}", flush=True)


if __name__ == "__main__":
    main()
