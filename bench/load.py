"""The livestream burst: hundreds of seekers rank at once while the organisers replace the fair.

Starts the service as `make run` does (`flask fair init`, gunicorn with service/gunicorn_conf.py), `--workers`
workers, on PostgreSQL (`LOAD_DATABASE_URL`, default the local `test` database) or SQLite (`--sqlite`). Then
`--clients` concurrent clients, each on its own keep-alive connection, send `--requests` ranking requests in
at least, every body distinct (typed as people type, bench/typed_profiles.py); when a fifth are sent, a
replace load publishes a second fair whose every position id differs from the first, and the burst goes on
until a fifth more have been sent after the load answered. Prints JSON: req/s, p50/p99,
errors by status, the machine, and the check that every answer belongs to exactly one data version — all
its results from the fair of the version it names. Exits 1 when an answer mixes fairs or anything failed.
Rate limits are off (RATELIMIT_ENABLED=0): every client here comes from one address.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_matching import machine  # noqa: E402
from bench.serve import Gunicorn  # noqa: E402
from bench.typed_profiles import FIXTURE, distinct_profiles  # noqa: E402

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def second_fair(document: dict) -> dict:
    """The same fair under a new id, every position id renamed: an answer shows which fair it ranked."""
    document = json.loads(json.dumps(document))
    document["fair"]["id"] = f"{document['fair']['id']}-replaced"
    for employer in document["employers"]:
        for position in employer["positions"]:
            position["id"] = f"{position['id']}-R"
    return document


class Burst:
    def __init__(self, server: Gunicorn, bodies: list[dict], requests: int, clients: int, on_fifth) -> None:
        self.server, self.bodies, self.requests, self.clients = server, bodies, requests, clients
        self.next = 0
        self.loaded_at: int | None = None  # requests sent when the replace load answered
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.statuses: Counter = Counter()
        self.answers: list[tuple[int, list[str]]] = []
        self.on_fifth, self.fired = on_fifth, False

    def _take(self) -> dict | None:
        with self.lock:
            tail = self.loaded_at is not None and self.next >= max(
                self.requests, self.loaded_at + self.requests // 5
            )
            if self.next >= len(self.bodies) or tail:
                return None
            self.next += 1
            fire = not self.fired and self.next >= self.requests // 5
            self.fired = self.fired or fire
            body = self.bodies[self.next - 1]
        if fire:
            threading.Thread(target=self.on_fifth, daemon=True).start()
        return body

    def _client(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60)
        while (body := self._take()) is not None:
            started = time.perf_counter()
            try:
                conn.request("POST", "/api/v1/matches", json.dumps(body, ensure_ascii=False).encode(),
                             {"Content-Type": "application/json"})  # fmt: skip
                response = conn.getresponse()
                data = response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as err:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60)
                status, data = type(err).__name__, b""
            elapsed = time.perf_counter() - started
            answer = None
            if status == 200:
                parsed = json.loads(data)
                answer = (parsed["data_version"], [r["position"]["id"] for r in parsed["results"]])
            with self.lock:
                self.statuses[status] += 1
                self.latencies.append(elapsed)
                if answer:
                    self.answers.append(answer)
        conn.close()

    def run(self) -> float:
        threads = [threading.Thread(target=self._client) for _ in range(self.clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sqlite", action="store_true", help="a SQLite file instead of PostgreSQL")
    args = parser.parse_args()
    database = None if args.sqlite else os.environ.get("LOAD_DATABASE_URL", DEFAULT_PG)
    first = json.loads(FIXTURE.read_text(encoding="utf-8"))
    second = second_fair(first)
    ids = {
        "first": {p["id"] for e in first["employers"] for p in e["positions"]},
        "second": {p["id"] for e in second["employers"] for p in e["positions"]},
    }
    bodies = [{**p, "limit": 20} for p in distinct_profiles(args.requests * 10, seed=7)]
    env = {"RATELIMIT_ENABLED": "0", "FAIR_LOAD_DEFAULT": "0"}
    with (
        tempfile.TemporaryDirectory() as tmp,
        Gunicorn(Path(tmp), workers=args.workers, database_url=database, name="load", **env) as server,
    ):
        # Publish the default fair afresh, whatever the database held before.
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=300)
        conn.request("POST", "/api/v1/fixtures?mode=replace", json.dumps(first).encode(),
                     {"Content-Type": "application/json", **server.organiser})  # fmt: skip
        reply = conn.getresponse()
        first_version = json.loads(reply.read())["data_version"]
        assert reply.status == 200, reply.status
        conn.close()
        load: dict = {}

        def replace() -> None:
            started = time.perf_counter()
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=300)
            conn.request("POST", "/api/v1/fixtures?mode=replace", json.dumps(second).encode(),
                         {"Content-Type": "application/json", **server.organiser})  # fmt: skip
            response = conn.getresponse()
            body = json.loads(response.read())
            load.update(status=response.status, seconds=round(time.perf_counter() - started, 2),
                        data_version=body.get("data_version"))  # fmt: skip
            with burst.lock:
                burst.loaded_at = burst.next

        burst = Burst(server, bodies, args.requests, args.clients, replace)
        seconds = burst.run()
        worker_class = server.worker_class
        if load.get("status") != 200:  # what the service logged about it
            errors = [line for line in server.log_path.read_text().splitlines() if " 200 " not in line]
            print("\n".join(errors[-40:]), file=sys.stderr)

    fair_of = {first_version: "first", load.get("data_version"): "second"}
    mixed = [
        (version, results)
        for version, results in burst.answers
        if version not in fair_of or not set(results) <= ids[fair_of[version]]
    ]
    versions = Counter(fair_of.get(version, f"unknown {version}") for version, _ in burst.answers)
    errors = {str(status): n for status, n in burst.statuses.items() if status != 200}
    out = {
        "machine": {**machine(), "load_average": os.getloadavg()},
        "server": {
            "workers": args.workers,
            "worker_class": worker_class,
            "database": "sqlite" if args.sqlite else "postgresql",
        },
        "burst": {
            "requests": len(burst.latencies),
            "clients": args.clients,
            "seconds": round(seconds, 2),
            "rps": round(len(burst.latencies) / seconds, 1),
            "p50_ms": round(statistics.median(burst.latencies) * 1e3, 1),
            "p99_ms": round(percentile(burst.latencies, 0.99) * 1e3, 1),
            "errors": errors,
        },
        "replace_load": {**load, "data_version_before": first_version},
        "answers_by_version": dict(Counter(version for version, _ in burst.answers)),
        "answers_by_fair": dict(versions),
        "answers_mixing_fairs": len(mixed),
        "every_answer_one_version": not mixed and load.get("status") == 200,
    }
    print(json.dumps(out, indent=2, ensure_ascii=False))
    if mixed or errors or load.get("status") != 200 or versions.get("second", 0) == 0:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
