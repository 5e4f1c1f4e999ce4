"""Titles by their informative words: two titles sharing the words that tell the job apart are alike.

A title (encoded, synonym group words read as their group's symbol) is read as *atoms*, each weighed by how
much it tells: the leading seniority word and the trailing role word that ``titles.title_core`` strips (员,
师, 专员, 助理, 工程师…) one atom each, every Latin word or synonym group symbol one atom, and every Chinese
character of the core one atom. An atom weighs its inverse frequency over the fair's distinct titles,
computed when the index is built (a Latin word twice that: Java后端 is about Java as much as about 后端),

    idf(a) = log((1 + N) / (1 + df(a)))        (N titles, df(a) of them holding a)

where a role or seniority word is held by every title ending or starting with it (员 by 收银员, 仓库管理员…),
so the 员 of half the fair's titles weighs little and the 物 of a few weighs much.

Two titles share a *unit* (two neighbouring characters of the core, a single character standing alone, a
word, a role word); the characters of the core are compared two by two so that 业 of 物业 is no 业 of 营业员.
The wish's atoms covered by units the title also has weigh ``shared``; with ``q`` the wish's total weight
(a word no title has weighs as much as the rarest) and ``t`` the title's,

    likeness = (shared / q) ** 0.75 * min(1, shared / t) ** 0.25

which counts ``title_words`` times the likeness where the wish's share ``shared / q`` reaches
``title_words_floor``, else nothing. A wish whose last word is a job of the synonym groups (配送司机: the
driver group) meets this way only titles naming that job: 配送专员 is another job in the same trade.
物业管家 meets 物业客服, 物业管理员 and 物业维修工 on 物业; 出纳员 meets 经济研究员 only on 员, below the
floor.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from scipy import sparse

from matching.lexicon import is_group_code, is_latin_word, is_word_code

AFFIX = "\x00"  # marks a seniority or role word
QUERY_SHARE = 0.75  # the exponent of the wish's share in ``likeness``; the title's gets the rest
LATIN_ATOMS = 2  # what a Latin word weighs, in atoms of its frequency


@dataclass(frozen=True, slots=True)
class Reading:
    """A title as atoms (weighed) and units (compared), each unit naming the atoms it covers."""

    atoms: tuple[str, ...]
    units: tuple[tuple[str, tuple[int, ...]], ...]
    head: str = ""  # the job a title ending in a synonym group word names (配送司机: the driver group)


def read_title(key: str, core: str) -> Reading:
    """The atoms and units of an encoded title (see the module docstring)."""
    atoms: list[str] = []
    found: list[tuple[str, tuple[int, ...]]] = []
    at = key.find(core) if core else -1
    if at >= 0:
        for affix in (key[:at], key[at + len(core) :]):
            if affix:  # a seniority or role word: one atom, one unit
                found.append((AFFIX + affix, (len(atoms),)))
                atoms.append(AFFIX + affix)
        key = core
    run: list[int] = []

    def close() -> None:
        if len(run) == 1:
            found.append((atoms[run[0]], (run[0],)))
        found.extend((atoms[a] + atoms[b], (a, b)) for a, b in pairwise(run))
        run.clear()

    for symbol in key:
        if is_word_code(symbol):
            close()
            found.append((symbol, (len(atoms),)))
        else:
            run.append(len(atoms))
        atoms.append(symbol)
    close()
    head = key[-1] if key and is_group_code(key[-1]) else ""
    return Reading(tuple(atoms), tuple(found), head)


def _matrix(rows: list[int], cols: list[int], shape: tuple[int, int]) -> sparse.csc_matrix:
    matrix = sparse.csc_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=shape)
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return matrix


class TitleWords:
    """The fair's distinct titles as weighted atoms, compared with a desired title all at once."""

    def __init__(self, titles: Sequence[Reading], keys: Sequence[str], credit: float, floor: float) -> None:
        """``titles``: each distinct title read; ``keys``: the encoded titles as written, which count how
        many titles start or end with each seniority or role word."""
        n_titles = len(titles)
        self.n_titles = n_titles
        self.credit = credit
        self.floor = floor
        atom_ids: dict[str, int] = {}
        unit_ids: dict[str, int] = {}
        atom_cells: tuple[list[int], list[int]] = ([], [])
        unit_cells: tuple[list[int], list[int]] = ([], [])
        for n, reading in enumerate(titles):
            for atom in reading.atoms:
                atom_cells[0].append(n)
                atom_cells[1].append(atom_ids.setdefault(atom, len(atom_ids)))
            for unit, _ in reading.units:
                unit_cells[0].append(n)
                unit_cells[1].append(unit_ids.setdefault(unit, len(unit_ids)))
        atoms = _matrix(*atom_cells, (n_titles, len(atom_ids)))
        df = np.diff(atoms.indptr)
        for atom, at in atom_ids.items():
            if atom.startswith(AFFIX):  # 员 ends 收银员 too, though its synonym group reads it as one word
                word = atom[1:]
                df[at] = max(
                    df[at], sum(k != word and (k.endswith(word) or k.startswith(word)) for k in keys)
                )
        self.atom_ids = atom_ids
        idf = np.log((1.0 + n_titles) / (1.0 + df))
        self.unknown = float(math.log(1.0 + n_titles))  # an atom no title has: as rare as can be
        # A Latin word (Java, UI, CNC) is a whole word where a Chinese one is two or more atoms (后端, 实习):
        # it weighs as two, so that Java后端 is about Java as much as about 后端.
        latin = np.array([is_latin_word(a) for a in atom_ids], dtype=bool)
        idf[latin] *= LATIN_ATOMS
        self.idf = idf.astype(np.float32)
        self.unit_ids = unit_ids
        self.units = _matrix(*unit_cells, (n_titles, len(unit_ids)))
        self.title_weight = np.array(
            [sum(self.weight(a) for a in dict.fromkeys(r.atoms)) for r in titles], dtype=np.float32
        )

    def _holding(self, unit: int) -> np.ndarray:
        """The titles holding a unit, sorted (a column of the unit matrix, read without scipy's indexing)."""
        return self.units.indices[self.units.indptr[unit] : self.units.indptr[unit + 1]]

    def weight(self, atom: str) -> float:
        at = self.atom_ids.get(atom)
        if at is None:
            return self.unknown * (LATIN_ATOMS if is_latin_word(atom) else 1)
        return float(self.idf[at])

    def likeness(self, reading: Reading) -> np.ndarray:
        """Each title's score against a desired title: ``credit`` times the likeness, or 0."""
        scores = np.zeros(self.n_titles, dtype=np.float32)
        found = self._shares(reading, by_head=True)
        if found is not None:
            hit, query_share, value = found
            scores[hit] = np.where(query_share >= self.floor, value * np.float32(self.credit), 0)
        return scores

    def nearness(self, reading: Reading) -> np.ndarray:
        """Each title's likeness to a desired title with no floor and whatever job it names: how near the
        titles that are no match come (策划 of 品牌策划 in 市场策划, 师 of 修图师 in 视频剪辑师), 0 for those
        sharing no unit."""
        near = np.zeros(self.n_titles, dtype=np.float32)
        found = self._shares(reading, by_head=False)
        if found is not None:
            hit, _, value = found
            near[hit] = value
        return near

    def _shares(self, reading: Reading, by_head: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """(the titles sharing a unit with a desired title, the wish's share of each, its likeness), or None
        for none; ``by_head``: a wish naming a job shares only with titles of that job."""
        known = [(self.unit_ids[u], covers) for u, covers in reading.units if u in self.unit_ids]
        weights = np.array([self.weight(a) for a in reading.atoms], dtype=np.float32)
        total = float(weights.sum())
        if not known or total <= 0:
            return None
        lists = [self._holding(at) for at, _ in known]  # sorted titles holding each known unit
        hit = lists[0] if len(lists) == 1 else np.unique(np.concatenate(lists))
        if by_head and reading.head:  # a wish naming a job meets only titles of that job by their other words
            at = self.unit_ids.get(reading.head)
            holding = np.zeros(0, dtype=hit.dtype) if at is None else self._holding(at)
            hit = np.intersect1d(hit, holding, assume_unique=True)
        if not len(hit):
            return None
        covered = np.zeros((len(hit), len(weights)), dtype=bool)  # hit titles x the wish's atoms
        for (_, covers), titles in zip(known, lists, strict=True):
            place = np.searchsorted(titles, hit)
            inside = titles[np.minimum(place, len(titles) - 1)] == hit
            covered[:, covers] |= inside[:, None]
        # elementwise, not a matmul: BLAS can leave a spurious invalid-value flag that numpy reports
        shared = np.where(covered, weights, np.float32(0)).sum(axis=1, dtype=np.float32)
        query_share = shared / np.float32(total)
        title_share = np.minimum(shared / np.maximum(self.title_weight[hit], np.float32(1e-9)), 1)
        return hit, query_share, query_share**QUERY_SHARE * title_share ** (1 - QUERY_SHARE)
