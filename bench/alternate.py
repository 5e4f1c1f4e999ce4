"""Compare code trees (this checkout and `git worktree`s of other commits) run by run, alternating.

The machine's speed drifts by more than most changes gain, so a change is measured against the commit before
it in alternated runs of the same work. Two measures:

* ``inprocess``: each tree builds the default fair's index once, warms it with 3,000 typed profiles
  (``--warm``; 0 measures a fresh index, as a worker meets seekers after start) and freezes the
  collector; then every round forks that process and ranks the same 2,000 never-seen typed profiles
  (``compact``: ``match_compact``; ``match``: ``match`` one by one), reporting CPU a candidate.
  Rounds alternate between the trees; the ratio of each pair is printed with its median.
* ``http``: each tree serves the fair as ``make run`` does (``bench.serve``) and is driven by wrk, 5 s of
  ``/healthz`` then 8 s of distinct profiles (``bench.bench_http`` phases); prints the ratio to healthz and
  the worker CPU a request. Servers start one at a time, alternating.
* ``fresh``: each tree serves the fair on a server of its own that has served nothing yet, sent the push's
  20,000 candidates in compact batches of 1,000 (``bench.bench_http.batches``), then the same again;
  prints the seconds of each pass (``make bench``'s compact batch after start, and warm).

    git worktree add /tmp/before <commit>
    .venv/bin/python bench/alternate.py inprocess /tmp/before . --mode compact --rounds 8
    .venv/bin/python bench/alternate.py inprocess /tmp/before . --mode compact --warm 0 --rounds 6
    .venv/bin/python bench/alternate.py http /tmp/before . --rounds 3
    .venv/bin/python bench/alternate.py fresh /tmp/before . --rounds 2

Each tree is imported from its own directory, so it measures its own engine; the driver code here is the
same for both (the other tree needs ``bench/typed_profiles.py``, ``bench/serve.py``, ``bench/bench_http.py``).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

PYTHON = sys.executable

# One warm process per tree: forks a round on each line read, prints its CPU a candidate in ms.
WARM = r"""
import gc, json, os, sys, time
from pathlib import Path
root, mode, warmed = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, root)
from bench.typed_profiles import distinct_profiles
from matching.index import MatchIndex
from matching.records import positions_from_fixture
fair = json.loads(Path(root, "fixtures/qixing-2023.json").read_text(encoding="utf-8"))
index = MatchIndex.build(positions_from_fixture(fair))
warm = distinct_profiles(warmed, seed=7) if warmed else []
for at in range(0, warmed, 1000):
    index.match_compact(warm[at : at + 1000], limit=10)
profiles = distinct_profiles(2000, seed=1) if mode == "compact" else distinct_profiles(12000)[6000:8000]
gc.collect()
gc.freeze()
print("ready", flush=True)
for _ in sys.stdin:
    read, write = os.pipe()
    if (child := os.fork()) == 0:
        start = time.process_time()
        if mode == "compact":
            for at in range(0, len(profiles), 1000):
                index.match_compact(profiles[at : at + 1000], limit=10)
        else:
            for profile in profiles:
                index.match(profile)
        os.write(write, repr(time.process_time() - start).encode())
        os._exit(0)
    os.close(write)
    print(float(os.read(read, 64)) / len(profiles) * 1000, flush=True)
    os.close(read)
    os.waitpid(child, 0)
"""

# One server per run: healthz, then distinct profiles; prints ratio, rates and CPU a request.
SERVE = r"""
import argparse, json, sys, tempfile
from pathlib import Path
root = sys.argv[1]
sys.path.insert(0, root)
from bench.bench_http import first_matches, lua_script, phase
from bench.serve import Gunicorn
from bench.typed_profiles import distinct_profiles
args = argparse.Namespace(connections=16, threads=2)
pool = distinct_profiles(30_000)
with tempfile.TemporaryDirectory() as tmp, Gunicorn(Path(tmp), workers=2, RATELIMIT_ENABLED="0") as server:
    first_matches(server.port, pool[:4], 2)
    health = phase(server, f"{server.url}/healthz", 5, args)
    script = lua_script(Path(tmp) / "d.lua", pool[8:25_008], 2)
    distinct = phase(server, f"{server.url}/api/v1/matches", 8, args, script)
print(json.dumps({"ratio_to_healthz": round(distinct["rps"] / health["rps"], 3),
                  "healthz_rps": health["rps"], "distinct_rps": distinct["rps"],
                  "healthz_cpu_ms": health["worker_cpu_ms_per_request"],
                  "distinct_cpu_ms": distinct["worker_cpu_ms_per_request"],
                  "distinct_p99_ms": distinct["p99_ms"]}))
"""


# One fresh server per run: the push's 20,000 candidates in compact batches twice, as the server's first work
# and again (the second pass reads every input from the caches the first filled).
FRESH = r"""
import json, sys, tempfile
from pathlib import Path
root = sys.argv[1]
sys.path.insert(0, root)
from bench.bench_http import batches
from bench.serve import Gunicorn
from bench.typed_profiles import distinct_profiles
pushed = distinct_profiles(20_000, seed=1)
with tempfile.TemporaryDirectory() as tmp, Gunicorn(Path(tmp), workers=2, RATELIMIT_ENABLED="0") as server:
    fresh = batches(server.port, pushed, 1000, 2, compact=True)
    again = batches(server.port, pushed, 1000, 2, compact=True)
print(json.dumps({"fresh_s": fresh["seconds"], "again_s": again["seconds"]}))
"""


def inprocess(trees: list[Path], mode: str, rounds: int, warmed: int = 3000) -> None:
    runs = [
        subprocess.Popen(
            [PYTHON, "-c", WARM, str(t), mode, str(warmed)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=t,
        )
        for t in trees
    ]
    for run in runs:
        if run.stdout.readline().strip() != "ready":
            raise SystemExit("a tree failed to build its index")
    results: list[list[float]] = [[] for _ in trees]
    for _ in range(rounds):
        for run, out in zip(runs, results, strict=True):
            run.stdin.write("go\n")
            run.stdin.flush()
            out.append(float(run.stdout.readline()))
    for run in runs:
        run.stdin.close()
        run.wait()
    for tree, out in zip(trees, results, strict=True):
        print(f"{tree}: {mode} CPU a candidate min {min(out):.3f} ms, median {statistics.median(out):.3f} ms;"
              f" rounds {' '.join(f'{x:.3f}' for x in out)}")  # fmt: skip
    for tree, out in zip(trees[1:], results[1:], strict=True):
        pairs = [b / a for a, b in zip(results[0], out, strict=True)]
        print(f"{tree} / {trees[0]}: median ratio of the pairs {statistics.median(pairs):.3f}")


def served(trees: list[Path], rounds: int, script: str) -> None:
    """Each run a server of its own (``SERVE`` or ``FRESH``), the trees alternating; each run's figures."""
    for _ in range(rounds):
        for tree in trees:
            done = subprocess.run([PYTHON, "-c", script, str(tree)], capture_output=True, text=True, cwd=tree)
            print(f"{tree}: {done.stdout.strip() or done.stderr[-800:]}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("measure", choices=["inprocess", "http", "fresh"])
    parser.add_argument("trees", nargs="+", type=Path, help="code trees, the baseline first")
    parser.add_argument("--mode", choices=["compact", "match"], default="compact")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--warm", type=int, default=3000, help="inprocess: typed profiles ranked before")
    options = parser.parse_args()
    trees = [t.resolve() for t in options.trees]
    if options.measure == "inprocess":
        inprocess(trees, options.mode, options.rounds, options.warm)
    else:
        served(trees, options.rounds, SERVE if options.measure == "http" else FRESH)


if __name__ == "__main__":
    main()
