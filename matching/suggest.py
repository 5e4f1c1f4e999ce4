"""Typo-tolerant autocomplete over the fair's skills and the alias list's canonical skills.

Candidates come in tiers, better tiers first: exact (as written, through an alias, or spelt in pinyin:
``kuaiji``, 會計); prefix, in letters or pinyin (``pyt`` -> Python, ``js`` -> JavaScript through its alias,
``kuai`` or ``会ji`` -> 会计); pinyin initials (``kj`` -> 会计); inside a longer skill (运营 -> 淘宝运营);
near misses (``pyhton``, ``photshop``, also against the start of longer skills). Within a tier: more
positions first (for an alias canonical the fair does not list, the positions a match finds for it), then
the fair's own skills, then shorter, then by name, so answers are deterministic.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from matching.aliases import AliasTable
from matching.normalize import compact, has_cjk
from matching.pinyin import PinyinTable

NEAR_MISS = 0.75
FUZZY_MIN_LENGTH = 3


class Suggester:
    def __init__(
        self,
        fair: Mapping[str, int],
        aliases: AliasTable,
        pinyin: PinyinTable,
        found: Callable[[str], int] | None = None,
    ) -> None:
        """``fair`` maps each fair skill (as shown) to its number of positions; ``found`` counts the positions
        a match finds for a skill typed as written, for the alias list's canonicals the fair does not list."""
        self._found = found
        self._counted: dict[int, int] = {}
        self.names: list[str] = []
        self.positions: list[int] = []
        self.by_key: dict[str, int] = {}
        for name, count in [*fair.items(), *((n, 0) for n in aliases.canonical_names())]:
            key = compact(name)
            if key and key not in self.by_key:
                self.by_key[key] = len(self.names)
                self.names.append(name)
                self.positions.append(count)
        self.alias_of: dict[str, int] = {}  # an alias naming one skill -> that skill
        prefixed: list[tuple[str, int]] = []  # each alias with each skill it names (python爬虫: both)
        for alias, names in aliases.whole.items():
            entries = [self.by_key[key] for key in map(compact, names) if key in self.by_key]
            if len(names) == 1 and entries:
                self.alias_of.setdefault(alias, entries[0])
            prefixed += ((alias, entry) for entry in entries)
        self.keys = list(self.by_key)
        self._sorted = sorted((*self.by_key.items(), *prefixed))
        self.pinyin = pinyin

    def _entry(self, text: str) -> int | None:
        key = compact(text)
        return self.by_key.get(key, self.alias_of.get(key))

    def _tiers(self, key: str) -> dict[int, int]:
        tiers: dict[int, int] = {}

        def offer(entries: Iterable[int | None], tier: int) -> None:
            for entry in entries:
                if entry is not None and tiers.get(entry, 99) > tier:
                    tiers[entry] = tier

        offer([self.by_key.get(key), self.alias_of.get(key)], 0)
        offer(map(self._entry, self.pinyin.exact(key)), 0)
        at = bisect_left(self._sorted, (key,))
        while at < len(self._sorted) and self._sorted[at][0].startswith(key):
            offer([self._sorted[at][1]], 1)
            at += 1
        offer(map(self._entry, self.pinyin.prefix(key)), 1)  # typing pinyin is typing a prefix
        offer(map(self._entry, self.pinyin.by_initials(key)), 2)
        if len(key) >= 2:
            offer((n for n, k in enumerate(self.keys) if key in k), 3)
        if len(key) >= FUZZY_MIN_LENGTH and not has_cjk(key):
            for prefix_only in (False, True):
                hits = process.extract(
                    key,
                    self.keys,
                    scorer=OSA.normalized_similarity,
                    processor=(lambda k: k[: len(key)]) if prefix_only else None,
                    score_cutoff=NEAR_MISS,
                    limit=None,
                )
                offer((n for _, _, n in hits), 4)
        return tiers

    def _count(self, n: int) -> int:
        """A fair skill's positions listing it; an alias canonical's positions a seeker typing it is matched
        with (会计 through 做账, its alias: the accounting posts naming it in their titles or descriptions),
        counted once per index."""
        if self.positions[n] or self._found is None:
            return self.positions[n]
        if (count := self._counted.get(n)) is None:
            count = self._counted[n] = self._found(self.names[n])
        return count

    def suggest(self, q: str, *, limit: int = 10) -> list[dict[str, Any]]:
        key = compact(q)
        # With nothing typed yet, offer the fair's most wanted skills.
        tiers = self._tiers(key) if key else {n: 0 for n, count in enumerate(self.positions) if count}
        ranked = sorted(
            tiers,
            key=lambda n: (
                tiers[n],
                -self._count(n),
                not self.positions[n],
                len(self.names[n]),
                self.names[n],
            ),
        )
        return [
            {
                "skill": self.names[n],
                "source": "fair" if self.positions[n] else "alias",
                "positions": self._count(n),
            }
            for n in ranked[: max(0, limit)]
        ]
