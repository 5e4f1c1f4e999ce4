"""``Postings`` reads (a few items sliced one by one, many at once) and ``postings.union``: the distinct
positions of several sorted lists and each entry's slot among them."""

from __future__ import annotations

import numpy as np
import pytest

from matching import postings
from matching.postings import Postings, union


@pytest.mark.parametrize("n", [40, 3_100, 100_000])  # marked in a scratch array, and sorted
def test_union_is_unique_with_inverse(n):
    rng = np.random.default_rng(7)
    parts = [np.sort(rng.choice(n, size=size, replace=False)) for size in (30, 0, 25, 12)]
    distinct, slot = union(parts, n)
    expected, inverse = np.unique(np.concatenate(parts), return_inverse=True)
    np.testing.assert_array_equal(distinct, expected)
    np.testing.assert_array_equal(slot, inverse)
    np.testing.assert_array_equal(distinct[slot], np.concatenate(parts))


@pytest.mark.parametrize("n", [10, 100_000])
def test_union_of_nothing(n):
    distinct, slot = union([np.empty(0, dtype=np.int64)], n)
    assert len(distinct) == 0 and len(slot) == 0


@pytest.mark.parametrize("count", [0, 1, 3, postings.SLICED_ITEMS + 5])
def test_a_few_items_read_as_many_do(count):
    rng = np.random.default_rng(11)
    lists = [tuple(rng.choice(40, size=rng.integers(0, 6), replace=False).tolist()) for _ in range(300)]
    table = Postings.from_lists(lists, 40)
    items = np.sort(rng.choice(40, size=count, replace=False)).astype(np.int32)
    values = rng.random(count)
    expected = [
        (p, float(values[k])) for k, item in enumerate(items) for p, row in enumerate(lists) if item in row
    ]
    at, spread = table.gather(items, values)
    assert list(zip(at.tolist(), spread.tolist(), strict=True)) == expected
    np.testing.assert_array_equal(table.positions_of(items), [p for p, _ in expected])
