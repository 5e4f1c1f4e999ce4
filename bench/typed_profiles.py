"""Seeker profiles for the HTTP benchmark, from the default fair's vocabulary, written as people type.

Skills and titles come from the fair's own postings, industries from the industry names and aliases seekers
use; each input is then rewritten the way a phone keyboard leaves it: changed case, full-width letters,
traditional characters, a swapped, dropped or doubled character. `distinct_profiles` makes every skill
string new to the run (never asked before), so per-input caches stay as cold as they are on a livestream.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "qixing-2023.json"
INDUSTRIES = ROOT / "matching" / "data" / "industries.json"
SEED = 20230820
_S2T = opencc.OpenCC("s2t")
FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def vocabulary() -> dict[str, list[str]]:
    """The fair's skills and titles, and the industry words (names and aliases) of its six industries."""
    doc = json.loads(FIXTURE.read_text(encoding="utf-8"))
    positions = [p for e in doc["employers"] for p in e["positions"]]
    rows = json.loads(INDUSTRIES.read_text(encoding="utf-8"))["industries"]
    industries = sorted({w for r in rows if r.get("core") for w in [r["zh"], *r.get("aliases", [])]})
    return {
        "skills": sorted({s for p in positions for s in p.get("skills", [])}),
        "titles": sorted({p["title"] for p in positions}),
        "industries": industries,
    }


def _case(text: str, rng: random.Random) -> str:
    return rng.choice([str.lower, str.upper, str.swapcase, str.title])(text)


def _full_width(text: str, rng: random.Random) -> str:
    return "".join(FULL_WIDTH.get(c, c) for c in text)


def _traditional(text: str, rng: random.Random) -> str:
    return _S2T.convert(text)


def _typo(text: str, rng: random.Random) -> str:
    if len(text) < 2:
        return text + text
    i = rng.randrange(len(text) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]  # swapped
    if kind == 1 and len(text) > 3:
        return text[:i] + text[i + 1 :]  # dropped
    return text[:i] + text[i] + text[i:]  # doubled


REWRITES: list[Callable[[str, random.Random], str]] = [_case, _full_width, _traditional, _typo]


def typed(text: str, rng: random.Random) -> str:
    """`text` after 1 to 3 rewrites (as written, a quarter of the time)."""
    if rng.random() < 0.25:
        return text
    for rewrite in rng.sample(REWRITES, rng.randint(1, 3)):
        text = rewrite(text, rng)
    return text


def _fresh(pool: list[str], seen: set[str], rng: random.Random, tries: int = 40) -> str:
    """A rewritten word not produced before in this run (a second typo, or a spacing, when it must)."""
    word = rng.choice(pool)
    for attempt in range(tries):
        out = typed(word, rng)
        if attempt > tries // 2:
            out = _typo(out, rng)
        if attempt == tries - 1:
            out = f"{out} {len(seen)}"  # a unique tail: still a new input to every cache
        if out not in seen:
            seen.add(out)
            return out
    raise AssertionError("unreachable")


def distinct_profiles(count: int, seed: int = SEED) -> list[dict]:
    """`count` profiles, no two alike and no skill string used twice across all of them."""
    vocab, rng = vocabulary(), random.Random(seed)
    seen: set[str] = set()
    out = []
    for _ in range(count):
        profile: dict = {"skills": [_fresh(vocab["skills"], seen, rng) for _ in range(rng.randint(1, 5))]}
        if rng.random() < 0.6:
            profile["titles"] = [typed(rng.choice(vocab["titles"]), rng)]
        if rng.random() < 0.4:
            profile["industries"] = [typed(rng.choice(vocab["industries"]), rng)]
        if rng.random() < 0.5:
            profile["education"] = rng.choice(["high_school", "associate", "bachelor"])
            profile["expected_salary"] = rng.choice([3500, 4000, 5000, 6000, 8000])
        out.append(profile)
    return out
