"""Which positions hold each vocabulary item, as sparse matrices, and the vectorised reads the index needs.

``Postings`` keeps one CSR matrix items x positions (the lists of positions per item, for turning a few
matched items into position hits) and its transpose positions x items (a position's items, for counts and
explanations). Built once per index; never changed.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from scipy import sparse

SLICED_ITEMS = 8  # up to this many items, their position lists are sliced one by one
SCRATCH_POSITIONS = 32_768  # up to this many positions, ``union`` always marks a scratch array (microseconds)


class Postings:
    def __init__(self, items: np.ndarray, positions: np.ndarray, n_items: int, n_positions: int) -> None:
        ones = np.ones(len(items), dtype=np.float32)
        by_item = sparse.csr_matrix(
            (ones, (items, positions)), shape=(n_items, n_positions), dtype=np.float32
        )
        by_item.sum_duplicates()
        by_item.data[:] = 1.0
        self.by_item = by_item
        self.by_position = by_item.T.tocsr()
        self.per_position = np.diff(self.by_position.indptr).astype(np.int32)
        self.per_item = np.diff(by_item.indptr).astype(np.int32)

    @classmethod
    def from_lists(cls, lists: list[list[int]] | list[tuple[int, ...]], n_items: int) -> Postings:
        """Postings from each position's item ids."""
        counts = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        positions = np.repeat(np.arange(len(lists), dtype=np.int32), counts)
        items = np.fromiter((i for row in lists for i in row), dtype=np.int32, count=int(counts.sum()))
        return cls(items, positions, n_items, len(lists))

    @classmethod
    def from_column(cls, item_of_position: np.ndarray, n_items: int) -> Postings:
        """Postings where every position holds exactly one item."""
        n = len(item_of_position)
        return cls(item_of_position.astype(np.int32), np.arange(n, dtype=np.int32), n_items, n)

    @property
    def n_positions(self) -> int:
        return self.by_item.shape[1]

    def _spans(self, items: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Offsets into the item lists for every (item, position) pair of ``items``, and the list lengths."""
        indptr = self.by_item.indptr
        starts, counts = indptr[items], indptr[items + 1] - indptr[items]
        shifts = np.repeat(starts - np.cumsum(counts) + counts, counts)
        return shifts + np.arange(len(shifts)), counts

    def _read(self, items: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The position lists of ``items`` joined, and each list's length. A few items (what one skill form
        finds) are sliced one by one, fewer array operations than ``_spans``; more are read at once."""
        indptr, indices = self.by_item.indptr, self.by_item.indices
        if len(items) > SLICED_ITEMS:
            offsets, counts = self._spans(items)
            return indices[offsets], counts
        bounds = [(int(indptr[i]), int(indptr[i + 1])) for i in items.tolist()]
        counts = np.array([b - a for a, b in bounds], dtype=indptr.dtype)
        if len(bounds) == 1:
            return indices[bounds[0][0] : bounds[0][1]], counts
        return np.concatenate([indices[a:b] for a, b in bounds] or [indices[:0]]), counts

    def positions_of(self, items: np.ndarray) -> np.ndarray:
        """Every position holding one of ``items`` (a position holding several appears several times)."""
        return self._read(items)[0]

    def gather(self, items: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(position, value) for every position holding one of ``items``, the item's value repeated."""
        positions, counts = self._read(items)
        return positions, np.repeat(values, counts)

    def best(self, items: np.ndarray, values: np.ndarray, out: np.ndarray) -> np.ndarray:
        """Raise ``out`` (one value per position) to each held item's value, in place."""
        positions, spread = self.gather(items, values)
        np.maximum.at(out, positions, spread)
        return out

    def items_of(self, position: int) -> np.ndarray:
        """The items one position holds."""
        indptr = self.by_position.indptr
        return self.by_position.indices[indptr[position] : indptr[position + 1]]


def raised(
    items: np.ndarray, scores: np.ndarray, links: Iterable[tuple[int, float]]
) -> tuple[np.ndarray, np.ndarray]:
    """Vocabulary hits (items in order, their scores) with each linked (item, similarity) added, or raised
    to it where found at less (a skill's family, a major's field); the same arrays when none is."""
    found = dict(zip(items.tolist(), scores.tolist(), strict=True))
    changed = False
    for item, similarity in links:
        if similarity > found.get(item, 0.0):
            found[item] = similarity
            changed = True
    if not changed:
        return items, scores
    ordered = sorted(found)
    return np.array(ordered, dtype=np.int32), np.array([found[i] for i in ordered], dtype=np.float32)


def union(parts: list[np.ndarray], n: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct positions of ``parts`` (ascending), and each entry's slot among them (``np.unique`` with
    ``return_inverse``). Entries are marked in a scratch array of the fair's size, unless the fair is large
    and they are a small share of it: then they are sorted."""
    joined = np.concatenate(parts)
    if len(joined) * 64 < n and n > SCRATCH_POSITIONS:
        order = np.argsort(joined, kind="stable")
        ordered = joined[order]
        first = run_starts(ordered)
        slot = np.empty(len(joined), dtype=np.intp)
        slot[order] = np.cumsum(first) - 1
        return ordered[first], slot
    marked = np.zeros(n, dtype=bool)
    marked[joined] = True
    distinct = np.flatnonzero(marked)
    slot_of = np.empty(n, dtype=np.intp)
    slot_of[distinct] = np.arange(len(distinct))
    return distinct, slot_of[joined]


def run_starts(ordered: np.ndarray) -> np.ndarray:
    """Where each run of equal values of a sorted array begins (``ordered[run_starts(ordered)]`` is what
    ``np.unique`` gives, without its second sort)."""
    starts = np.empty(len(ordered), dtype=bool)
    starts[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=starts[1:])
    return starts
