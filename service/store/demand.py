"""What seekers ask for: counts of requested skills, matched or not, and nothing else about them.

Counting costs a ranking request one locked dictionary update. Counts wait in memory and go to the
`SkillDemand` table in one statement every `FAIR_DEMAND_FLUSH_EVERY` requests or `FAIR_DEMAND_FLUSH_SECONDS`
seconds, written by a background thread so no ranking request waits on the database; reading the counts
flushes first. What is still pending when the process exits is written then, within `FAIR_DEMAND_EXIT_SECONDS`
in all: a database that does not answer loses those counts rather than holding the exiting process. No
profile is kept: only (skill, matched) → count.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
import unicodedata
import weakref
from collections import Counter
from collections.abc import Iterable
from typing import Any

from flask import Flask, current_app
from sqlalchemy import func, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from .db import get_engine
from .models import SkillDemand

log = logging.getLogger(__name__)
MAX_SKILL = 100
_counters: weakref.WeakSet[DemandCounter] = weakref.WeakSet()  # every live counter, flushed at exit


def _tidy(text: Any) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())[:MAX_SKILL] if isinstance(text, str) else ""


def canonical(item: dict[str, Any]) -> tuple[str, bool] | None:
    """(skill, matched) of one echoed skill: the engine's match, else the input, case folded."""
    if matched := _tidy(item.get("matched")):
        return matched, True
    if written := _tidy(item.get("input")):
        return written.casefold(), False
    return None


class DemandCounter:
    def __init__(
        self, engine: Engine, *, every: int = 200, seconds: float = 30.0, exit_seconds: float = 3.0
    ) -> None:
        self.engine, self.every, self.seconds, self.exit_seconds = engine, every, seconds, exit_seconds
        self._lock = threading.Lock()
        self._pending: Counter[tuple[str, bool]] = Counter()
        self._since = 0
        self._last = time.monotonic()
        self._writer: threading.Thread | None = None
        self._write_lock = threading.Lock()
        _counters.add(self)

    @property
    def pending(self) -> int:
        """Distinct (skill, matched) counts not written yet."""
        with self._lock:
            return len(self._pending)

    def record(self, profiles: Iterable[dict[str, Any] | None]) -> None:
        batch: Counter[tuple[str, bool]] = Counter()
        requests = 0
        for profile in profiles:
            requests += 1
            skills = (profile or {}).get("skills") or []
            batch.update({key for item in skills if isinstance(item, dict) and (key := canonical(item))})
        with self._lock:
            self._pending.update(batch)
            self._since += requests
            due = self._since >= self.every or time.monotonic() - self._last >= self.seconds
            if due and (self._writer is None or not self._writer.is_alive()):
                self._since, self._last = 0, time.monotonic()
                self._writer = threading.Thread(target=self._flush_quietly, name="demand-flush", daemon=True)
                self._writer.start()

    def flush(self) -> None:
        """Write what is pending; on failure it stays pending for the next flush."""
        with self._write_lock:
            with self._lock:
                batch, self._pending = self._pending, Counter()
            if not batch:
                return
            try:
                _write(self.engine, batch)
            except Exception:
                with self._lock:
                    self._pending.update(batch)
                raise

    def close(self) -> None:
        """Drop what is pending and leave the exit flush (an app taken down on purpose, as in tests)."""
        with self._lock:
            self._pending.clear()
        _counters.discard(self)

    def wait(self) -> None:
        writer = self._writer
        if writer is not None:
            writer.join()

    def _flush_quietly(self) -> None:
        try:
            self.flush()
        except Exception:
            log.exception("skill demand counts not written; kept for the next flush")


@atexit.register
def flush_all() -> bool:
    """Write every live counter's pending counts, giving up after the longest of their `exit_seconds`: at
    exit, a database that accepts and never answers (or answers slowly) must not hold the process. Whether
    everything was written."""
    counters = [c for c in list(_counters) if c.pending]
    if not counters:
        return True
    done = threading.Event()

    def write() -> None:
        for counter in counters:
            counter._flush_quietly()
        done.set()

    threading.Thread(target=write, name="demand-exit-flush", daemon=True).start()
    seconds = max(c.exit_seconds for c in counters)
    if done.wait(seconds):
        return not any(c.pending for c in counters)
    log.warning("skill demand counts not written at exit: the database did not answer within %s s", seconds)
    return False


def _write(engine: Engine, batch: Counter[tuple[str, bool]]) -> None:
    # In key order: workers flushing at once then lock rows in the same order (PostgreSQL found deadlocks
    # between two workers' upserts written in the order their counters happened to hold them). A Core
    # statement on the table: the ORM's bulk path cost twice the CPU for the same rows.
    rows = [{"skill": skill, "matched": matched, "count": n} for (skill, matched), n in sorted(batch.items())]
    table = SkillDemand.__table__
    with engine.begin() as connection:
        if engine.dialect.name in {"sqlite", "postgresql"}:
            insert = sqlite_insert if engine.dialect.name == "sqlite" else pg_insert
            statement = insert(table)
            statement = statement.on_conflict_do_update(
                index_elements=["skill", "matched"],
                set_={"count": table.c.count + statement.excluded.count},
            )
            connection.execute(statement, rows)
        else:
            for row in rows:
                changed = connection.execute(
                    update(table)
                    .where(table.c.skill == row["skill"], table.c.matched == row["matched"])
                    .values(count=table.c.count + row["count"])
                ).rowcount
                if not changed:
                    connection.execute(table.insert(), row)


def read(session: Session, *, limit: int) -> dict[str, Any]:
    """The most requested skills, and the requested skills that matched no position (the demand gap)."""
    order = (SkillDemand.count.desc(), SkillDemand.skill)
    top = session.exec(select(SkillDemand).order_by(*order).limit(limit)).all()
    gap = session.exec(
        select(SkillDemand).where(SkillDemand.matched.is_(False)).order_by(*order).limit(limit)
    )
    total = session.exec(select(func.coalesce(func.sum(SkillDemand.count), 0))).one()
    return {
        "top": [{"skill": r.skill, "count": r.count, "matched": r.matched} for r in top],
        "gap": [{"skill": r.skill, "count": r.count, "matched": r.matched} for r in gap.all()],
        "requested": int(total),
    }


def counter(app: Flask | None = None) -> DemandCounter | None:
    return (app or current_app).extensions.get("fairmatch.demand")


def record(*profiles: dict[str, Any] | None) -> None:
    """Count the skills of answered profiles (a match answer's `profile` echo). Never fails a request."""
    try:
        found = counter()
        if found is not None:
            found.record(profiles)
    except Exception:
        log.exception("skill demand not counted")


def init_app(app: Flask) -> None:
    app.extensions["fairmatch.demand"] = DemandCounter(
        get_engine(app),
        every=int(app.config.get("FAIR_DEMAND_FLUSH_EVERY", 200)),
        seconds=float(app.config.get("FAIR_DEMAND_FLUSH_SECONDS", 30)),
        exit_seconds=float(app.config.get("FAIR_DEMAND_EXIT_SECONDS", 3)),
    )
