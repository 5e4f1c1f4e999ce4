"""HTTP benchmark: `make run`'s gunicorn setup (its config, 2 workers) on the default fair, driven by wrk.

Every figure comes with a baseline measured in the same run on the same server: ranking throughput as a ratio
to `/healthz`, worker CPU per request against healthz's, the batch push against the same profiles sent one
by one, worker memory against the same workers just after start, the first match after start and after a
load against a warm match, the compact batch on a server that has served nothing against the same batch
after the distinct phases, `/healthz` on keep-alive connections during the push against the same probes on
an idle server, and where a worker's CPU goes (py-spy, `bench/where_cpu.py`) for healthz and for distinct
matches. Prints JSON, the machine first. Needs `wrk` (`make bench` installs it).

    python bench/bench_http.py                 # what `make bench` runs
    python bench/bench_http.py --seconds 5     # shorter wrk phases
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import where_cpu  # noqa: E402
from bench.bench_matching import machine  # noqa: E402
from bench.serve import Gunicorn  # noqa: E402
from bench.typed_profiles import FIXTURE, distinct_profiles  # noqa: E402

# Each wrk thread walks its own stride of the list, so no two requests of a run carry the same body.
LUA = """
local bodies = {%s}
local threads, counter = {}, 0
function setup(thread) thread:set("tid", counter); counter = counter + 1 end
local i = -1
request = function()
  i = i + 1
  local n = (i * %d + tid) %% #bodies + 1
  return wrk.format("POST", "/api/v1/matches", {["Content-Type"] = "application/json"}, bodies[n])
end
"""
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def lua_script(path: Path, bodies: list[dict], threads: int) -> Path:
    encoded = (json.dumps(json.dumps(b, ensure_ascii=False), ensure_ascii=False) for b in bodies)
    path.write_text(LUA % (",".join(encoded), threads), encoding="utf-8")
    return path


def wrk(url: str, seconds: int, connections: int, threads: int, script: Path | None = None) -> dict:
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    output = subprocess.run([*cmd, *(["-s", str(script)] if script else []), url],
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    if failed := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        raise SystemExit(f"{failed.group(1)} requests failed:\n{output}")
    latency = {q: float(v) * UNITS[u] for q, v, u in re.findall(r"\s(50|99)%\s+([\d.]+)(us|ms|s)\b", output)}
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50_ms": round(latency["50"], 2),
        "p99_ms": round(latency["99"], 2),
    }


def post(port: int, path: str, body: object, headers: dict | None = None) -> tuple[int, bytes, float]:
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("POST", path, json.dumps(body, ensure_ascii=False).encode(),
                 {"Content-Type": "application/json", **(headers or {})})  # fmt: skip
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, data, time.perf_counter() - started


def first_matches(port: int, profiles: list[dict], parallel: int) -> list[float]:
    """Latency (ms) of the first requests, `parallel` at a time on new connections, so each worker answers."""
    with ThreadPoolExecutor(parallel) as pool:
        out = list(pool.map(lambda p: post(port, "/api/v1/matches", p), profiles))
    assert all(status == 200 for status, _, _ in out), [s for s, _, _ in out]
    return [round(seconds * 1e3, 1) for _, _, seconds in out]


def worker_cpu(server: Gunicorn) -> float:
    return sum(sum(w.cpu_times()[:2]) for w in server.workers())


def worker_memory(server: Gunicorn) -> list[dict]:
    out = []
    for w in server.workers():
        info = w.memory_full_info()
        out.append({"rss_mb": round(info.rss / 2**20, 1), "pss_mb": round(info.pss / 2**20, 1),
                    "uss_mb": round(info.uss / 2**20, 1)})  # fmt: skip
    return out


def phase(server: Gunicorn, url: str, seconds: int, args, script: Path | None = None) -> dict:
    before = worker_cpu(server)
    result = wrk(url, seconds, args.connections, args.threads, script)
    result["worker_cpu_ms_per_request"] = round((worker_cpu(server) - before) * 1e3 / result["requests"], 3)
    return result


def probing(port: int, work, probes: int = 8) -> tuple[object, dict]:
    """``work()``'s answer, and the latency of `/healthz` sent meanwhile on ``probes`` keep-alive connections
    (each one request every 25 ms), opened before the work so that every worker holds some: what a push or a
    batch leaves the other requests of the worker that ranks it (new connections would go to an idle one)."""
    latencies: list[float] = []
    done = threading.Event()
    connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=120) for _ in range(probes)]

    def ask(conn: http.client.HTTPConnection) -> float:
        started = time.perf_counter()
        conn.request("GET", "/healthz")
        conn.getresponse().read()
        return time.perf_counter() - started

    def probe(conn: http.client.HTTPConnection) -> None:
        while not done.is_set():
            latencies.append(ask(conn))
            time.sleep(0.025)

    for conn in connections:
        ask(conn)
    probers = [threading.Thread(target=probe, args=(conn,)) for conn in connections]
    for prober in probers:
        prober.start()
    try:
        answer = work()
    finally:
        done.set()
        for prober in probers:
            prober.join()
        for conn in connections:
            conn.close()
    latencies.sort()
    return answer, {"probes": len(latencies), "p50_ms": round(latencies[len(latencies) // 2] * 1e3, 1),
                    "p99_ms": round(latencies[int(len(latencies) * 0.99)] * 1e3, 1),
                    "max_ms": round(latencies[-1] * 1e3, 1)}  # fmt: skip


def batches(port: int, profiles: list[dict], size: int, parallel: int, compact: bool) -> dict:
    calls = [
        {"candidates": [{"id": f"c{i + j}", **p} for j, p in enumerate(profiles[i : i + size])],
         "limit": 10, "compact": compact}
        for i in range(0, len(profiles), size)
    ]  # fmt: skip
    started = time.perf_counter()
    with ThreadPoolExecutor(parallel) as pool:
        out = list(pool.map(lambda body: post(port, "/api/v1/matches/batch", body), calls))
    elapsed = time.perf_counter() - started
    assert all(status == 200 for status, _, _ in out), [(s, d[:200]) for s, d, _ in out if s != 200]
    return {"seconds": round(elapsed, 2), "calls": len(calls), "candidates": len(profiles),
            "mean_call_s": round(statistics.mean(s for _, _, s in out), 3),
            "bytes_per_call": int(statistics.mean(len(d) for _, d, _ in out))}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--memory-requests",
        type=int,
        default=10_000,
        help="distinct requests a worker serves (on average) before its memory is read",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    pool = distinct_profiles(80_000)
    taken = 0

    def take(count: int) -> list[dict]:
        nonlocal taken
        taken += count
        if taken > len(pool):
            raise SystemExit("not enough distinct profiles: raise the pool size")
        return pool[taken - count : taken]

    load = f"wrk -t{args.threads} -c{args.connections} -d{args.seconds}s"
    out: dict = {"machine": {**machine(), "load_average": os.getloadavg()},
                 "server": {"gunicorn_workers": args.workers, "config": "service/gunicorn_conf.py",
                            "load": load}}  # fmt: skip
    with (
        tempfile.TemporaryDirectory() as tmp,
        Gunicorn(
            Path(tmp),
            workers=args.workers,
            RATELIMIT_ENABLED="0",  # every wrk connection comes from one address
        ) as server,
    ):
        out["server"]["worker_class"] = server.worker_class
        out["start_s"] = server.start_seconds
        memory_start = worker_memory(server)
        first = first_matches(server.port, take(2 * args.workers), args.workers)
        url = f"{server.url}/api/v1/matches"
        health = phase(server, f"{server.url}/healthz", args.seconds, args)
        warm = first_matches(server.port, take(2 * args.workers), args.workers)
        bodies = take(2500 * args.seconds)
        distinct = phase(
            server, url, args.seconds, args, lua_script(Path(tmp) / "d.lua", bodies, args.threads)
        )
        if distinct["requests"] > len(bodies):
            raise SystemExit("the distinct phase ran out of distinct bodies: raise its pool")
        six = lua_script(Path(tmp) / "six.lua", take(6), args.threads)
        repeating = phase(server, url, args.seconds, args, six)
        sent = distinct["requests"]
        # Memory after each worker has served N distinct requests on average (N = --memory-requests).
        while sent < args.memory_requests * args.workers:
            more = take(int(distinct["rps"] * 8 + 500))
            extra = wrk(url, 5, args.connections, args.threads, lua_script(Path(tmp) / "m.lua", more, 2))
            sent += extra["requests"]
        memory_after = worker_memory(server)
        # Where a worker's CPU goes, healthz's and a distinct match's, in phases of their own (py-spy sampling
        # costs the workers a little, so the phases above run without it).
        pids = [w.pid for w in server.workers()]
        spied = {
            name: where_cpu.profile(pids, 5, lambda u=u, s=s: phase(server, u, 5, args, s), Path(tmp))
            for name, u, s in (
                ("healthz", f"{server.url}/healthz", None),
                ("matches_distinct", url, lua_script(Path(tmp) / "p.lua", take(2500 * 5), args.threads)),
            )
        }
        pushed = distinct_profiles(20_000, seed=1)  # batches skip the answer cache: a pool of their own
        batch = batches(server.port, pushed, 1000, args.workers, compact=True)
        full = batches(server.port, pushed[:2000], 1000, args.workers, compact=False)
        _, idle = probing(server.port, lambda: time.sleep(2))
        push, during = probing(server.port, lambda: server.push(pushed))
        push["healthz_meanwhile"], push["healthz_idle"] = during, idle
        document = json.loads(FIXTURE.read_text(encoding="utf-8"))
        document["employers"][0]["positions"][0]["salary_max"] = 99_999
        status, _, load_s = post(server.port, "/api/v1/fixtures?mode=replace", document, server.organiser)
        assert status == 200, status
        after_load = first_matches(server.port, take(2 * args.workers), args.workers)
    # The same push on a server that has served nothing yet (its caches empty, as after a start or a load).
    with (
        tempfile.TemporaryDirectory() as tmp,
        Gunicorn(Path(tmp), workers=args.workers, RATELIMIT_ENABLED="0") as fresh,
    ):
        cold = batches(fresh.port, pushed, 1000, args.workers, compact=True)

    h, d, r = health["rps"], distinct["rps"], repeating["rps"]
    out.update({
        "healthz": health,
        "matches_distinct": {**distinct, "ratio_to_healthz": round(d / h, 3),
                             "cpu_ratio_to_healthz": round(distinct["worker_cpu_ms_per_request"]
                                                           / health["worker_cpu_ms_per_request"], 2)},
        "matches_six_repeating": {**repeating, "ratio_to_healthz": round(r / h, 3)},
        "where_worker_cpu_goes": spied,
        "batch_compact_20000": {**batch, "ratio_to_single_requests": round(batch["seconds"] * d / 20_000, 3)},
        "batch_compact_20000_after_start": {**cold,
                                            "ratio_to_warm": round(cold["seconds"] / batch["seconds"], 2)},
        "batch_full_2000": full,
        "push_20000": push,
        "memory": {"after_start": memory_start, "distinct_requests_sent": sent,
                   "distinct_requests_per_worker": sent // args.workers, "after": memory_after,
                   "rss_ratio_to_start": round(max(m["rss_mb"] for m in memory_after)
                                               / max(m["rss_mb"] for m in memory_start), 2)},
        "first_match_ms": {"after_start": first, "after_load": after_load, "warm": warm,
                           "load_s": round(load_s, 2),
                           "ratio_to_warm": round(max(first + after_load) / statistics.median(warm), 1)},
    })  # fmt: skip
    print(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
