"""Taking turns: long work in a request lets the worker's other connections run now and then.

Under `make run`'s gevent workers (`gunicorn_conf.Worker`) every request of a worker, and the push runner's
thread, are greenlets of one OS thread: ranking a batch of 1,000, checking or ranking a push of 100,000 or
reading a long PDF without a pause holds every other connection of that worker until it ends (a push of
20,000 kept a `/healthz` on a keep-alive connection of its worker waiting 12.7 s, the `POST` alone of a push
of 100,000 2.4 s: `bench/stalls.py`). Besides the slices here, `guard.body` takes turns while it reads a long
body's depth and parses it, and `pushes` while it stores a push's chunks.
Outside gevent (RQ workers, `flask run`, tests) taking a turn does nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

import gevent
from gevent import monkey

from schemas import fastload

T = TypeVar("T")
# Seconds of work between two turns of the worker's other connections, whatever the machine's speed; the work
# goes in slices of SLICE items (a few ms of ranking), and a turn comes after the slice that reaches it.
TURN_SECONDS = 0.02
SLICE = 5
# A batch call takes its first turn only after this long: a usual one (1,000 candidates: under a second on a
# fast machine, 2-3 s on a slow one) then runs whole, and its worker, not accepting meanwhile, leaves new
# connections (another batch) to the others; a long one (maximal profiles) still takes turns, and never holds
# its worker past gunicorn's timeout. A push's thread runner takes turns from the start: it ranks for minutes.
# (1 s was too short in a slow spell: fresh calls ran past it, two landed on one worker; bench/stalls.py.)
BATCH_PATIENCE = 5.0


# Requests that are long work, as (method, path): a batch of up to 1,000 candidates, a push's upload. A gevent
# worker answering one leaves new connections to an idle worker first (`gunicorn_conf.Listener`).
LONG_REQUESTS = frozenset({("POST", "/api/v1/matches/batch"), ("POST", "/api/v1/pushes")})
# Background work of this process under way (a push's thread runner): the same.
working = 0


@contextmanager
def at_work() -> Iterator[None]:
    """Count background work under way in this process for as long as the block runs."""
    global working
    working += 1
    try:
        yield
    finally:
        working -= 1


def take_turns() -> None:
    """Let the worker's other connections run before going on: wait until its loop is idle, as a request
    does after its answer, so each pending connection is served once."""
    if monkey.is_module_patched("threading"):
        gevent.idle()


def in_turns(items: Sequence[T], patience: float = 0.0, size: int = SLICE) -> Iterator[Sequence[T]]:
    """``items`` in slices of ``size``, taking a turn with the worker's other connections between two slices
    once ``patience`` seconds have passed since the start and then every ``TURN_SECONDS``. After a slice that
    took longer than that (maximal profiles: 50 long skills each, up to 150 ms a candidate), the next ones
    hold one item, so a turn comes after every item rather than every ``size`` of them."""
    last = time.perf_counter() + patience - TURN_SECONDS
    start, step = 0, size
    while start < len(items):
        if start and time.perf_counter() - last >= TURN_SECONDS:
            take_turns()
            last = time.perf_counter()
        began = time.perf_counter()
        yield items[start : start + step]
        start += step
        step = size if time.perf_counter() - began <= TURN_SECONDS else 1


def init() -> None:
    """Long request bodies take turns while they are checked too: a push's 100,000 candidates, 200 at a time
    (`schemas.fastload`), instead of holding the worker for the whole validation."""
    fastload.pause = take_turns
