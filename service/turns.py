"""Taking turns: long work in a request lets the worker's other connections run now and then.

Under `make run`'s gevent workers (`gunicorn_conf.Worker`) every request of a worker, and the push runner's
thread, are greenlets of one OS thread: ranking a batch of 1,000, a push of 100,000 or reading a long PDF
without a pause holds every other connection of that worker until it ends (a 10,000-candidate push kept a
`/healthz` on a keep-alive connection of its worker waiting 6.6 s). Outside gevent (RQ workers, `flask run`,
tests) taking a turn does nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

import gevent
from gevent import monkey

T = TypeVar("T")
# Candidates of a batch or push ranked between two turns of the worker's other connections (a few ms each).
TURN = 25


def take_turns() -> None:
    """Let the worker's other connections run before going on: wait until its loop is idle, as a request
    does after its answer, so each pending connection is served once."""
    if monkey.is_module_patched("threading"):
        gevent.idle()


def in_turns(items: Sequence[T], size: int = TURN) -> Iterator[Sequence[T]]:
    """``items`` in slices of ``size``, taking turns with the worker's other connections between two."""
    for start in range(0, len(items), size):
        if start:
            take_turns()
        yield items[start : start + size]
