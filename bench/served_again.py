"""How much of a distinct profile's cost is first-time work: the same distinct bodies served twice.

`make run`'s setup (`bench.serve`, 2 workers), driven by wrk as `bench/bench_http.py` drives it: `/healthz`,
then distinct profiles for twice the phase (every skill string new to the run), then, for one phase, the
bodies of that pass again from the first one (it serves fewer than the first pass did), then `/healthz`.
Served again, each input has been read and searched before, and the answer cache (about 2,000 answers) no
longer holds the early bodies, so the second pass costs the request path without the first-time work.
Prints JSON: each phase and its ratio to both healthz phases.

    .venv/bin/python bench/served_again.py --seconds 8
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_http import first_matches, lua_script, phase  # noqa: E402
from bench.bench_matching import machine  # noqa: E402
from bench.serve import Gunicorn  # noqa: E402
from bench.typed_profiles import distinct_profiles  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8)
    options = parser.parse_args()
    args = argparse.Namespace(connections=16, threads=2)
    seconds = options.seconds
    pool = distinct_profiles(2 * 2500 * seconds + 4)
    with tempfile.TemporaryDirectory() as tmp, Gunicorn(Path(tmp), workers=2, RATELIMIT_ENABLED="0") as gun:
        first_matches(gun.port, pool[:4], 2)
        url, folder = f"{gun.url}/api/v1/matches", Path(tmp)
        health = phase(gun, f"{gun.url}/healthz", seconds, args)
        first = phase(gun, url, 2 * seconds, args, lua_script(folder / "d.lua", pool[4:], args.threads))
        served = pool[4 : 4 + first["requests"]]
        again = phase(gun, url, seconds, args, lua_script(folder / "a.lua", served, args.threads))
        health_after = phase(gun, f"{gun.url}/healthz", seconds, args)
    if again["requests"] > first["requests"]:
        raise SystemExit("the second pass went round its bodies: run it with fewer --seconds")
    rates = (health["rps"], health_after["rps"])
    print(json.dumps({
        "machine": machine(), "healthz": health, "first_time": first, "served_again": again,
        "healthz_after": health_after,
        "first_time_ratio_to_healthz": [round(first["rps"] / r, 3) for r in rates],
        "served_again_ratio_to_healthz": [round(again["rps"] / r, 3) for r in rates],
    }, indent=2, ensure_ascii=False))  # fmt: skip


if __name__ == "__main__":
    main()
