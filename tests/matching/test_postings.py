"""``postings.union``: the distinct positions of several sorted lists and each entry's slot among them."""

from __future__ import annotations

import numpy as np
import pytest

from matching.postings import union


@pytest.mark.parametrize("n", [40, 100_000])  # marked in a scratch array, and sorted
def test_union_is_unique_with_inverse(n):
    rng = np.random.default_rng(7)
    parts = [np.sort(rng.choice(n, size=size, replace=False)) for size in (30, 0, 25, 12)]
    distinct, slot = union(parts, n)
    expected, inverse = np.unique(np.concatenate(parts), return_inverse=True)
    np.testing.assert_array_equal(distinct, expected)
    np.testing.assert_array_equal(slot, inverse)
    np.testing.assert_array_equal(distinct[slot], np.concatenate(parts))


def test_union_of_nothing():
    distinct, slot = union([np.empty(0, dtype=np.int64)], 10)
    assert len(distinct) == 0 and len(slot) == 0
