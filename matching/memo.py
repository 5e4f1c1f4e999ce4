"""Caches of the engine, each bounded in bytes: a worker's memory stays flat however many seekers it serves.

Two kinds:

* ``ByteCache``: values of varying size (a skill form's evidence, a title's similarity to every title), kept
  least recently used first out until their estimated total is within the budget. ``nbytes`` estimates one
  value: array buffers plus a fixed cost per Python object.
* ``string_cache``: ``functools.lru_cache`` (C speed: these run dozens of times a request) over strings of
  bounded length, so an entry's size is bounded too; the entry count is the budget divided by that bound.

The budgets, per worker and per index, are in ``BUDGETS``; docs/matching.md ("Memory") lists them.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Any, Generic, TypeVar

import numpy as np

MiB = 2**20
BUDGETS = {
    "skill_hits": 24 * MiB,  # per index: a skill form's evidence (``skills.FormHits``)
    "title_similarities": 8 * MiB,  # per index: a desired title against every distinct title
    "inputs": 4 * MiB,  # per index, skills and titles apart: a seeker's input as read (``profile``)
    "strings": 6 * MiB,  # each of the short-string caches (normalising, encoding, cleaning titles)
    "majors": 1 * MiB,  # per index, each of two: the majors like a seeker's, alone and with its field
}
OBJECT_BYTES = 64  # a Python object's header and its reference, roughly
ENTRY_BYTES = 120  # an lru_cache entry: its link, its dict slot and the key's tuple
MAX_STRING = 80  # characters: what seekers type; longer texts are never cached (``normalize.SHORT``)

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def nbytes(value: Any) -> int:
    """Estimated bytes held by a cached value: arrays by their buffers, containers by their items; a value
    that knows its size says it (``nbytes``)."""
    if isinstance(value, np.ndarray):
        return value.nbytes + 112
    if isinstance(getattr(value, "nbytes", None), int):
        return value.nbytes
    if isinstance(value, str | bytes):
        return sys.getsizeof(value)
    if isinstance(value, dict):
        return 100 * len(value) + OBJECT_BYTES + sum(nbytes(v) for v in value.values() if not _small(v))
    if isinstance(value, tuple | list):
        return 8 * len(value) + OBJECT_BYTES + sum(nbytes(v) for v in value)
    if hasattr(value, "__slots__") or hasattr(value, "__dict__"):
        fields = getattr(value, "__slots__", None) or vars(value)
        return OBJECT_BYTES + sum(nbytes(getattr(value, f)) for f in fields)
    return OBJECT_BYTES


def _small(value: Any) -> bool:
    return isinstance(value, int | float | bool) or value is None


class ByteCache(Generic[K, V]):
    """``compute(key)``, remembered for the most recently used keys within ``max_bytes`` (thread-safe)."""

    def __init__(self, compute: Callable[[K], V], max_bytes: int, size: Callable[[V], int] = nbytes) -> None:
        self.compute = compute
        self.max_bytes = max_bytes
        self.size = size
        self.bytes = 0
        self.hits = self.misses = 0
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, key: K) -> V:
        # A hit takes no lock: each OrderedDict call is one step under the GIL (the keys are strings or
        # tuples of them), and an entry evicted by another thread meanwhile is simply not moved. The lock
        # (a greenlet lock in a gevent worker, costlier than the look-up) guards inserting and evicting.
        entry = self._entries.get(key)
        if entry is not None:
            try:  # noqa: SIM105 (contextlib.suppress costs a context manager on every hit)
                self._entries.move_to_end(key)
            except KeyError:
                pass
            self.hits += 1  # a statistic: threads may lose an increment
            return entry[0]
        value = self.compute(key)
        cost = self.size(value) + ENTRY_BYTES + nbytes(key)
        with self._lock:
            self.misses += 1
            if cost > self.max_bytes or key in self._entries:
                return value
            self._entries[key] = (value, cost)
            self.bytes += cost
            while self.bytes > self.max_bytes:
                _, (_, freed) = self._entries.popitem(last=False)
                self.bytes -= freed
        return value

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.bytes = 0


STRING_BYTES = sys.getsizeof("") + 4 * MAX_STRING  # the largest string a string cache holds


def string_entries(value_bytes: int = STRING_BYTES, budget: int = BUDGETS["strings"]) -> int:
    """Entries a cache keyed by a short string may hold within ``budget``, when one value takes at most
    ``value_bytes`` (a short string by default; a tuple of its characters is ``TOKENS_BYTES``)."""
    return max(256, budget // (ENTRY_BYTES + STRING_BYTES + value_bytes))


TOKENS_BYTES = OBJECT_BYTES + MAX_STRING * (8 + sys.getsizeof("字"))  # a tuple of one-character strings


def string_cache(value_bytes: int = STRING_BYTES) -> Callable[[Callable[..., V]], Callable[..., V]]:
    """``lru_cache`` for a function of one short string, bounded in bytes (``string_entries``)."""
    return lambda function: lru_cache(maxsize=string_entries(value_bytes))(function)
