"""What long work costs the other requests of its worker, on the tree this script is in (run it from a
`git worktree` of another commit, copied there, to compare): `make run`'s gunicorn (2 workers), then

* the compact batch of 20,000 distinct profiles, two calls of 1,000 at a time, on the fresh server and again,
  with each worker's CPU (one worker idling while the other ranks both calls shows as unequal CPU);
* a push of the same 20,000 with `/healthz` asked meanwhile on 8 keep-alive connections
  (`bench_http.probing`), against the same probes on the idle server;
* the JSON depth check (`guard.body.too_deep`) on that push's body, best of 5;
* the largest push, 100,000 candidates, with the same probes until its `POST` is answered (202): what
  reading, checking and storing its 20 MB leaves the other requests (its ranking, minutes long, is not
  waited for: the server stops).

    python bench/stalls.py
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_http import batches, probing  # noqa: E402
from bench.bench_matching import machine  # noqa: E402
from bench.serve import Gunicorn  # noqa: E402
from bench.typed_profiles import distinct_profiles  # noqa: E402


def main() -> None:
    from service.guard.body import too_deep

    profiles = distinct_profiles(20_000, seed=1)
    body = json.dumps({"candidates": [{"id": f"p{i}", **p} for i, p in enumerate(profiles)], "limit": 10})
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        too_deep(body.encode())
        timings.append(time.perf_counter() - started)
    depth = {"body_mb": round(len(body) / 2**20, 1), "best_ms": round(min(timings) * 1e3, 1)}
    out: dict = {"machine": machine(), "tree": str(ROOT), "depth_check": depth}
    with (
        tempfile.TemporaryDirectory() as tmp,
        Gunicorn(Path(tmp), RATELIMIT_ENABLED="0", REDIS_URL="") as server,
    ):
        for label in ("batch_fresh", "batch_again"):
            before = [sum(w.cpu_times()[:2]) for w in server.workers()]
            result = batches(server.port, profiles, 1000, 2, compact=True)
            after = [sum(w.cpu_times()[:2]) for w in server.workers()]
            cpu = [round(a - b, 2) for a, b in zip(after, before, strict=True)]
            out[label] = {"seconds": result["seconds"], "worker_cpu_s": cpu}
        _, out["healthz_idle"] = probing(server.port, lambda: time.sleep(2))
        out["push"], out["healthz_during_push"] = probing(server.port, lambda: server.push(profiles))
        largest = distinct_profiles(100_000, seed=2)
        started = time.perf_counter()
        accepted, probes = probing(server.port, lambda: server.start_push(largest))
        out["healthz_during_largest_post"] = probes
        out["largest_post"] = {"seconds": round(time.perf_counter() - started, 2), "total": accepted["total"]}
    print(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
