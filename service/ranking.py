"""The ranking index for the current data version: built once per version, swapped whole, per worker.

The data version is read from the database at most once per lease (`FAIR_VERSION_LEASE_SECONDS`), not on
every request; every write that changes the version waits one lease after its commit before it answers
(`store.freshness`), so a request that starts after a write has answered always sees the new version — in
any worker of any instance. Under gunicorn the index is built in the master before the workers fork
(`prepare_fork`) and shared copy-on-write, so a new worker answers its first match at once. After a load,
the writing worker rebuilds before the write answers (`refresh`), and every worker follows the version in
the background (`watch`), so the first match after a load finds the new index already built.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections import OrderedDict
from functools import lru_cache

import orjson
from flask import Flask, current_app
from sqlalchemy import Connection
from sqlalchemy import select as sa_select
from sqlmodel import Session

from matching.index import MatchIndex
from matching.records import PositionRecord
from schemas.benefits import benefits_held, position_text

from .narrowing import Narrowing, narrowed_match
from .store import freshness
from .store.db import get_engine
from .store.models import Employer, Position

log = logging.getLogger(__name__)

VERSION_SQL = "SELECT data_version FROM fair"
# The collector in the workers: a full collection every 100 of the middle generation's, not every 10. The
# engine's caches hold tens of thousands of tracked objects, and each full pass over them stalls every request
# of the worker; young cycles are still collected as often as before. `bench/alternate.py fresh` against the
# commit before, twice 3 rounds: the compact batch of 20,000 on a fresh server 9.3 / 9.3 / 8.8 s against
# 10.8 / 9.2 / 9.5 s (docs/benchmarks.md).
GC_THRESHOLDS = (700, 10, 100)


def _version(connection: Connection) -> int:
    # Asked on every ranking request, so it goes straight to the driver: no statement to compile.
    return connection.exec_driver_sql(VERSION_SQL).scalar() or 0


def read_records(session: Session) -> tuple[int, list[PositionRecord]]:
    """Every position as plain data, with the data version it belongs to."""
    version, records, _ = read_fair(session)
    return version, records


_POSITION_COLUMNS = ("id", "title", "skills", "industry", "education", "salary_min", "salary_max", "openings",
                     "description", "majors", "benefits")  # fmt: skip
_EMPLOYER_COLUMNS = ("id", "name", "ownership", "booth")


def read_fair(session: Session) -> tuple[int, list[PositionRecord], list[frozenset[str]]]:
    """Every position as plain data and the filterable benefits each offers, with their data version.

    Plain rows of just the columns ranking reads (no ORM objects): this runs in every worker after each load.
    """
    p, e = Position.__table__.c, Employer.__table__.c
    query = (
        sa_select(*(p[c] for c in _POSITION_COLUMNS), *(e[c] for c in _EMPLOYER_COLUMNS))
        .join_from(Position.__table__, Employer.__table__, p.employer_id == e.id)
        .order_by(e.sort_order, e.id, p.sort_order, p.id)
    )
    while True:
        version = _version(session.connection())
        rows = session.connection().execute(query).all()
        if _version(session.connection()) == version:  # no load committed in between
            break
    records = []
    held = []
    for row in rows:
        pid, title, skills, industry, education, low, high, openings, text, majors, benefits = row[:11]
        employer_id, employer_name, ownership, booth = row[11:]
        records.append(
            PositionRecord(
                id=pid,
                title=title,
                skills=tuple(skills),
                industry=industry,
                education=education,
                salary_min=low,
                salary_max=high,
                openings=openings,
                employer_id=employer_id,
                employer_name=employer_name,
                ownership=ownership,
                booth=booth,
                description=text or "",
                majors=tuple(majors),
            )
        )
        held.append(_benefits_held(tuple(benefits), title, text))
    return version, records, held


@lru_cache(maxsize=8192)
def _benefits_held(benefits: tuple[str, ...], title: str, description: str | None) -> frozenset[str]:
    # Kept across rebuilds: after a load only the changed positions are read again.
    return benefits_held(position_text(benefits, title, description))


class _Read:
    """One read of the data version under way: when it began, and its answer once `done` is set."""

    def __init__(self, asked: float) -> None:
        self.asked = asked  # before the read: it sees every commit made before this instant
        self.done = threading.Event()
        self.version = 0
        self.error: BaseException | None = None


class Ranking:
    """Holds one immutable MatchIndex; a request that sees a newer data version waits for the rebuild.

    Answers are also kept, serialised, for the last distinct requests of the current data version, up to
    `FAIR_ANSWER_CACHE_BYTES`: the same profile (the page's example, a livestream push) is ranked once. A new
    version starts an empty cache, so nothing stale is ever served.
    """

    def __init__(self, app: Flask) -> None:
        self._app = app
        self._built: tuple[MatchIndex, Narrowing] | None = None  # swapped whole, as one pair
        self._lock = threading.Lock()
        self._build_lock = threading.Lock()
        self.lease = float(app.config.get("FAIR_VERSION_LEASE_SECONDS", 0.2))
        self._known_version = 0
        self._checked_until = 0.0  # monotonic time until which `_known_version` stands
        self._flight: _Read | None = None  # the read of the version under way, if any
        self.cache_limit = int(app.config["FAIR_ANSWER_CACHE_BYTES"])  # the default: service/config.py
        self.cache_bytes = 0
        self._answers: OrderedDict[bytes, tuple[list, bytes]] = OrderedDict()
        self._answers_version: str | None = None
        self._watcher: threading.Thread | None = None
        self._unwatch = threading.Event()  # set by `stop_watching`
        if app.config.get("FAIR_PREBUILD_INDEX", True):
            freshness.after_change(get_engine(app), self.refresh)

    def refresh(self) -> None:
        """Bring the index to the current data version now: after this instance's own writes, before they
        answer, and in the background watch of each gunicorn worker."""
        with self._app.app_context():
            self._current()

    def watch(self) -> threading.Thread:
        """Follow the data version in the background, one read per lease: a load committed through any
        worker or instance is built here within about a lease, before this worker's next match needs it.
        A database that stops answering is logged once per outage; requests then answer 503 as before."""
        if self._watcher is not None and self._watcher.is_alive():
            return self._watcher

        unwatch = self._unwatch = threading.Event()

        def follow() -> None:
            failing = False
            while not unwatch.wait(max(self.lease, 0.05)):
                try:
                    self.refresh()
                except Exception:
                    if not failing:
                        log.warning("the ranking index cannot follow the data version", exc_info=True)
                    failing = True
                else:
                    failing = False

        self._watcher = threading.Thread(target=follow, name="ranking-watch", daemon=True)
        self._watcher.start()
        return self._watcher

    def stop_watching(self) -> None:
        """End the background watch, if any, and wait for it: an app that is done with (a test's) must not
        keep reading a database that is about to be dropped."""
        self._unwatch.set()
        if self._watcher is not None:
            self._watcher.join()
            self._watcher = None

    def match(self, request: dict) -> tuple[list, bytes]:
        """The profile echo's skills for a validated match request, and the answer's JSON body."""
        index, narrowing = self._current()
        key = orjson.dumps(request, option=orjson.OPT_SORT_KEYS)
        with self._lock:
            if self._answers_version != index.version:
                self._answers.clear()
                self.cache_bytes = 0
                self._answers_version = index.version
            hit = self._answers.get(key)
            if hit is not None:
                self._answers.move_to_end(key)
                return hit
        if narrowing.needed(request):
            answer = narrowed_match(index, narrowing, request)
        else:
            profile = {k: v for k, v in request.items() if k not in {"limit", "offset", "sort"}}
            answer = index.match(profile, limit=request["limit"], offset=request["offset"])
        answer["data_version"] = int(index.version)
        entry = (
            answer["profile"].get("skills") or [],
            orjson.dumps(answer, option=orjson.OPT_SERIALIZE_NUMPY),
        )
        size = len(key) + len(entry[1])
        with self._lock:
            if (
                self._answers_version == index.version
                and key not in self._answers
                and size <= self.cache_limit
            ):
                self._answers[key] = entry
                self.cache_bytes += size
                while self.cache_bytes > self.cache_limit:
                    old_key, (_, old_body) = self._answers.popitem(last=False)
                    self.cache_bytes -= len(old_key) + len(old_body)
        return entry

    def _current_version(self) -> int:
        """The data version: read again once the last read's lease is over.

        One read at a time: a request that finds a read under way, begun less than a lease ago, waits for its
        answer (it sees every commit made before that read began, so the lease still holds) instead of taking
        a connection of its own; a burst of requests when the lease runs out costs one query, not a pool.
        """
        now = time.monotonic()
        if now < self._checked_until:
            return self._known_version
        with self._lock:
            flight = self._flight
            leader = flight is None or now - flight.asked >= self.lease
            if leader:
                flight = self._flight = _Read(now)
        if not leader:
            flight.done.wait()
            if flight.error is not None:
                raise flight.error
            return flight.version
        try:
            with get_engine(self._app).connect() as connection:
                flight.version = _version(connection)
        except BaseException as error:
            flight.error = error
            raise
        finally:
            with self._lock:
                if self._flight is flight:
                    self._flight = None
            flight.done.set()
        with self._lock:
            if flight.asked >= self._checked_until - self.lease:  # keep the newest read when reads race
                self._known_version, self._checked_until = flight.version, flight.asked + self.lease
        return flight.version

    def index(self) -> MatchIndex:
        return self._current()[0]

    @property
    def built_version(self) -> str | None:
        """The data version of the index this worker holds now (None before the first build)."""
        built = self._built
        return None if built is None else built[0].version

    def _current(self) -> tuple[MatchIndex, Narrowing]:
        """The index for the current data version and the facts that narrow it, rebuilt when it changed."""
        version = self._current_version()
        current = self._built
        if current is not None and current[0].version == str(version):
            return current
        with self._build_lock:
            current = self._built
            if current is not None and current[0].version == str(version):
                return current
            with Session(get_engine(self._app)) as session:
                built_version, records, held = read_fair(session)
            index = MatchIndex.build(records, version=str(built_version))
            current = (index, Narrowing.build(records, held))
            self._built = current  # one reference swap: no request sees a half-built index
            log.info("ranking index built for data version %s: %d positions", built_version, len(records))
            return current

    def prepare_fork(self) -> None:
        """Build the index in the gunicorn master and freeze the heap, so forked workers share it."""
        with self._app.app_context():
            self.index()
        get_engine(self._app).dispose()  # no connection may be shared across the fork
        gc.collect()
        gc.freeze()  # the index's objects leave the collector's generations: no copy-on-write by GC scans
        gc.set_threshold(*GC_THRESHOLDS)

    def after_fork(self) -> None:
        get_engine(self._app).dispose(close=False)
        self._checked_until, self._flight, self._watcher = 0.0, None, None
        if self._app.config.get("FAIR_INDEX_WATCH", True):
            self.watch()


def init_app(app: Flask) -> None:
    app.extensions["fairmatch.ranking"] = Ranking(app)


def prepare_fork(app: Flask) -> None:
    app.extensions["fairmatch.ranking"].prepare_fork()


def after_fork(app: Flask) -> None:
    app.extensions["fairmatch.ranking"].after_fork()


def current_ranking() -> Ranking:
    return current_app.extensions["fairmatch.ranking"]


def current_index() -> MatchIndex:
    return current_ranking().index()
