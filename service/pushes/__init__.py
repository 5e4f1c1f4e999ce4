"""Background pushes: up to 100,000 candidates ranked in chunks, the compact answers kept for paging.

A push is cut into chunks of `CHUNK` candidates. With `REDIS_URL` every chunk is a job on the RQ queue
`fairmatch-pushes`, so every `make worker` on every machine takes chunks of the same push; state and
results live in Redis. When no worker listens on that queue (none started, or all stopped), a queued push
would wait for good: the service ranks it in a thread of its own instead, state and results still in Redis
where every instance reads them, and logs that no worker runs. Without `REDIS_URL` (the single-machine
default) one thread of the service process that accepted the push ranks its chunks in turn, with state in
files under `instance/pushes` that every worker of the machine reads. A thread notes the time before each
chunk, and a push whose thread has not been heard from for `FAIR_PUSH_STALL_SECONDS` (its process stopped:
a restart, a deploy) answers `failed`, so a client polling it is told to send it again instead of waiting
for good. Each chunk ranks the data current when it runs and says which version that was.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import orjson
from flask import Flask, current_app

from ..errors import RETRY_DB_SECONDS, database_fault
from ..ranking import current_ranking
from ..store import demand
from ..turns import at_work, in_turns, take_turns
from .store import FileStore, RedisStore, is_push_id

log = logging.getLogger(__name__)
CHUNK = 1000
QUEUE = "fairmatch-pushes"
STOPPED = "the process ranking this push stopped before it finished; send the push again"
NO_DATABASE = "the database did not answer while this push was ranked; send the push again"
BROKEN = "an internal error stopped this push; send the push again"
DB_TRIES = 3  # a chunk meeting a database fault tries again RETRY_DB_SECONDS later, this many times in all


def rank_compact(
    candidates: list[dict[str, Any]], limit: int, min_score: float | None = None, patience: float = 0.0
) -> tuple[int, list[dict[str, Any]]]:
    """The data version and the compact answers for `candidates` (in an app context), taking turns with the
    worker's other connections once `patience` seconds have passed (`turns.in_turns`)."""
    index = current_ranking().index()  # one index, so one data version, for every slice
    answers: list[dict[str, Any]] = []
    echoes: list[list[dict[str, Any]]] = []
    for part in in_turns(candidates, patience):
        ranked, echoed = index.match_compact(part, limit=limit, min_score=min_score)
        answers += ranked
        echoes += echoed
    demand.record(*({"skills": echo} for echo in echoes))
    return int(index.version), answers


def run_chunk(push_id: str, number: int) -> int:
    """Rank chunk `number` of push `push_id` and store its answers (an RQ job, or the service's thread)."""
    pushes = current_pushes()
    store = pushes.store
    try:
        meta = orjson.loads(store.get(push_id, "meta") or b"null")
        candidates = orjson.loads(store.get(push_id, f"in.{number}") or b"null")
        if meta is None or candidates is None:
            raise LookupError(f"push {push_id} has expired")
        for attempt in range(1, DB_TRIES + 1):
            try:
                version, answers = rank_compact(candidates, meta["limit"], meta.get("min_score"))
                break
            except Exception as exc:
                if not database_fault(exc) or attempt == DB_TRIES:
                    raise
                # Only the kind of fault: the statement and its parameters stay out of the log.
                log.warning("push %s chunk %d: database unavailable (%s), trying again", push_id, number,
                            type(getattr(exc, "orig", None) or exc).__name__)  # fmt: skip
                time.sleep(RETRY_DB_SECONDS)
        store.put(push_id, f"out.{number}", orjson.dumps({"data_version": version, "results": answers}))
        store.put(push_id, f"version.{number}", str(version).encode())  # read without the answers
        store.incr(push_id, "done", len(candidates))
        store.incr(push_id, "chunks_done")
        return len(candidates)
    except Exception as exc:
        # The client reads `error`: what to do, never the exception's text (SQL, hosts, paths).
        if database_fault(exc):
            log.warning("push %s chunk %d failed: database unavailable (%s)", push_id, number,
                        type(getattr(exc, "orig", None) or exc).__name__)  # fmt: skip
            reason = NO_DATABASE
        else:
            log.exception("push %s chunk %d failed", push_id, number)
            reason = str(exc) if isinstance(exc, LookupError) else BROKEN
        store.put(push_id, "failed", reason[:500].encode())
        raise


def chunk_failed(job: Any, connection: Any, kind: type, error: BaseException, traceback: Any) -> None:
    """RQ's failure callback of a chunk (run by a `make worker`, in its app context). A chunk that raised
    has said why (``run_chunk``); one whose worker stopped mid-chunk (RQ finds it abandoned after its job
    timeout) marks its push failed here, so the push does not answer ``running`` for good."""
    push_id, _ = job.args
    store = current_pushes().store
    if store.get(push_id, "meta") is not None and store.get(push_id, "failed") is None:
        store.put(push_id, "failed", STOPPED.encode())


class Pushes:
    def __init__(self, app: Flask) -> None:
        self.app = app
        ttl = int(app.config["FAIR_PUSH_TTL_SECONDS"])  # the defaults: service/config.py
        self.stall = float(app.config["FAIR_PUSH_STALL_SECONDS"])
        self.redis_url = app.config.get("REDIS_URL")
        if self.redis_url:
            self.store: RedisStore | FileStore = RedisStore(self.redis_url, ttl)
        else:
            self.store = FileStore(Path(app.instance_path) / "pushes", ttl)

    def _runner(self, push_id: str) -> str:
        """``rq`` when a worker listens on the queue, else ``thread``: this process ranks the push."""
        if not self.redis_url:
            return "thread"
        from rq import Queue
        from rq.worker_registration import get_keys

        client = self.store.client
        # A worker killed outright stays in the queue's registry; its own key expires with its heartbeat.
        registered = get_keys(queue=Queue(QUEUE, connection=client))
        if registered and client.exists(*registered):
            return "rq"
        log.warning("no worker listens on the RQ queue %s (start one with `make worker`): push %s is ranked "
                    "in this process", QUEUE, push_id)  # fmt: skip
        return "thread"

    def create(
        self, candidates: list[dict[str, Any]], limit: int, min_score: float | None = None
    ) -> dict[str, Any]:
        push_id = uuid.uuid4().hex
        runner = self._runner(push_id)
        chunks = [candidates[i : i + CHUNK] for i in range(0, len(candidates), CHUNK)]
        for number, chunk in enumerate(chunks):
            self.store.put(push_id, f"in.{number}", orjson.dumps(chunk))
            take_turns()  # 100 chunks of a push of 100,000: the worker's other connections go between
        meta = {"id": push_id, "total": len(candidates), "chunks": len(chunks), "limit": limit,
                "min_score": min_score, "created": time.time(), "runner": runner}  # fmt: skip
        self.store.put(push_id, "meta", orjson.dumps(meta))
        if runner == "rq":
            from rq import Callback, Queue

            queue = Queue(QUEUE, connection=self.store.client)
            for number in range(len(chunks)):
                queue.enqueue(run_chunk, push_id, number, job_timeout=600, result_ttl=0,
                              on_failure=Callback(chunk_failed))  # fmt: skip
        else:
            threading.Thread(target=self._run_here, args=(push_id, len(chunks)), daemon=True,
                             name=f"push-{push_id[:8]}").start()  # fmt: skip
        return {"id": push_id, "status": "queued", "runner": runner, "total": len(candidates)}

    def _beat(self, push_id: str) -> None:
        self.store.put(push_id, "beat", repr(time.time()).encode())

    def _run_here(self, push_id: str, chunks: int) -> None:
        with self.app.app_context(), at_work():
            for number in range(chunks):
                self._beat(push_id)
                try:
                    run_chunk(push_id, number)
                except Exception:
                    return

    def state(self, push_id: str, offset: int, limit: int) -> dict[str, Any] | None:
        """The push's state, or None when there is no push `push_id` (never was, expired, or no push id)."""
        if not is_push_id(push_id):
            return None
        raw = self.store.get(push_id, "meta")
        if raw is None:
            return None
        meta = orjson.loads(raw)
        # Chunks first: a chunk adds its candidates to "done" before it counts itself in "chunks_done", so
        # read in this order a finished push never shows fewer candidates done than it holds.
        chunks_done = self.store.count(push_id, "chunks_done")
        done = self.store.count(push_id, "done")
        failed = self.store.get(push_id, "failed")
        status = "failed" if failed else "finished" if chunks_done >= meta["chunks"] else (
            "running" if done else "queued")  # fmt: skip
        if status in {"queued", "running"} and meta["runner"] == "thread":
            heard = float(self.store.get(push_id, "beat") or meta["created"])
            if time.time() - heard > self.stall:
                status, failed = "failed", STOPPED.encode()
        out: dict[str, Any] = {"id": push_id, "status": status, "runner": meta["runner"],
                               "total": meta["total"], "progress": {"done": done, "total": meta["total"]},
                               "offset": offset, "limit": limit}  # fmt: skip
        if failed:
            out["error"] = failed.decode()
        if status == "finished":  # only then are there results: a client may take their presence for done
            results: list[dict[str, Any]] = []
            for number in range(offset // CHUNK, min(meta["chunks"], -(-(offset + limit) // CHUNK))):
                part = orjson.loads(self.store.get(push_id, f"out.{number}") or b'{"results": []}')
                start = max(0, offset - number * CHUNK)
                results.extend(part["results"][start : start + limit - len(results)])
            out["data_versions"] = self._versions(push_id, meta["chunks"])
            out["results"] = results
        return out

    def _versions(self, push_id: str, chunks: int) -> list[int]:
        """The data versions the push's chunks ranked, whatever the page asked for."""
        versions = set()
        noted = self.store.get_many(push_id, [f"version.{number}" for number in range(chunks)])
        for number, version in enumerate(noted):
            if version is None:  # a chunk ranked before chunks noted their version apart
                version = orjson.loads(self.store.get(push_id, f"out.{number}") or b"{}").get("data_version")
            if version is not None:
                versions.add(int(version))
        return sorted(versions)


def init_app(app: Flask) -> None:
    app.extensions["fairmatch.pushes"] = Pushes(app)


def current_pushes() -> Pushes:
    return current_app.extensions["fairmatch.pushes"]
