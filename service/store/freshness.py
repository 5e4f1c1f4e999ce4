"""The writer's half of the data-version lease: a commit that changed the fair waits before returning.

Ranking reads the data version at most once per lease (`FAIR_VERSION_LEASE_SECONDS`, 0.2 s by default) and
trusts that read until the lease is over. A write that changes the `fair` row (every load, correction and
restore bumps its `data_version`) therefore sleeps one lease, plus a margin for clock drift, after its commit
and before it answers. A request that starts after the answer began after every worker's last read had
expired, in every instance sharing the database, so it reads the new version and ranks the new data. The
cost is on writes (a fraction of a second each), not on the thousands of ranking requests between them.

Callbacks registered with `after_change` run once the lease is out, still before the write answers: the
ranking rebuilds its index there, so the first match after a load does not wait for it.
"""

from __future__ import annotations

import inspect
import logging
import time
import weakref
from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from .models import Fair

LEASE_SECONDS = 0.2
MARGIN = 1.05  # monotonic clocks of two machines drift far less than 5%
FLAG = "fairmatch.fair_changed"
_leases: weakref.WeakKeyDictionary[Engine, float] = weakref.WeakKeyDictionary()
# Each callback is reached through a reference (weak for a bound method): a strong one would keep its object,
# and through it the engine this dictionary is keyed by weakly, alive for good (one app kept per app made).
_callbacks: weakref.WeakKeyDictionary[Engine, list[Callable[[], Callable[[], None] | None]]] = (
    weakref.WeakKeyDictionary()
)
log = logging.getLogger(__name__)


def register(engine: Engine, lease: float) -> None:
    """Writes through `engine` wait `lease` seconds after a commit that changed the fair."""
    _leases[engine] = lease


def after_change(engine: Engine, callback: Callable[[], None]) -> None:
    """Run `callback` after each commit through `engine` that changed the fair, once its lease is out.

    A failing callback is logged, never raised: the write has committed and answers as committed. A bound
    method is held weakly: registering it does not keep its object alive."""
    reference = weakref.WeakMethod(callback) if inspect.ismethod(callback) else (lambda: callback)
    _callbacks.setdefault(engine, []).append(reference)


def lease_of(bind: object) -> float:
    engine = getattr(bind, "engine", bind)
    return _leases.get(engine, 0.0) if isinstance(engine, Engine) else 0.0


@event.listens_for(Session, "after_flush")
def _note_fair_change(session: Session, _context: object) -> None:
    if any(isinstance(obj, Fair) for obj in (*session.new, *session.dirty, *session.deleted)):
        session.info[FLAG] = True


@event.listens_for(Session, "after_commit")
def _wait_out_the_lease(session: Session) -> None:
    if session.info.pop(FLAG, False):
        bind = session.get_bind()
        lease = lease_of(bind)
        if lease > 0:
            time.sleep(lease * MARGIN + 0.005)
        engine = getattr(bind, "engine", bind)
        for reference in _callbacks.get(engine, ()) if isinstance(engine, Engine) else ():
            if (callback := reference()) is None:
                continue  # its object is gone
            try:
                callback()
            except Exception:
                log.warning("after-change callback failed", exc_info=True)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(FLAG, None)
