"""The real neitui titles as wishes at the default fair: how many find nothing, and what changed.

Each of the 1,589 distinct titles of ``bench/data/neitui-2018.csv`` is asked as ``{"titles": [title]}`` of the
default fair's index; the three best positions with a score above 0 are kept. With ``--fair-titles`` the
wishes are the default fair's own titles and every word of ``matching/data/title_synonyms.json`` instead.
Run it in two trees (this one and a ``git worktree`` of another commit) and compare the two files (the
wishes that changed are listed by name):

    .venv/bin/python bench/wishes.py /tmp/after.json                  # in this tree
    /tmp/before/.venv/bin/python bench/wishes.py /tmp/before.json     # in the worktree
    .venv/bin/python bench/wishes.py --compare /tmp/before.json /tmp/after.json
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def answers(fair_titles: bool = False) -> dict[str, list[tuple[str, float]]]:
    from matching.index import MatchIndex
    from matching.records import positions_from_fixture

    fair = json.loads((ROOT / "fixtures" / "qixing-2023.json").read_text(encoding="utf-8"))
    index = MatchIndex.build(positions_from_fixture(fair))
    if fair_titles:
        groups = json.loads((ROOT / "matching" / "data" / "title_synonyms.json").read_text(encoding="utf-8"))
        own = {p["title"] for e in fair["employers"] for p in e["positions"]}
        titles = sorted(own | {word for group in groups["groups"] for word in group})
    else:
        with (ROOT / "bench" / "data" / "neitui-2018.csv").open(encoding="utf-8") as f:
            titles = sorted({row["title"] for row in csv.DictReader(f)})
    out = {}
    for title in titles:
        results = index.match({"titles": [title]}, limit=3)["results"]
        out[title] = [(r["position"]["title"], r["score"]) for r in results if r["score"] > 0]
    return out


def compare(before: dict, after: dict) -> dict[str, int | list[str]]:
    return {
        "wishes": len(after),
        "nothing_before": sum(1 for t in before if not before[t]),
        "nothing_after": sum(1 for t in after if not after[t]),
        "found_now": sum(1 for t in before if not before[t] and after.get(t)),
        "lost": sum(1 for t in before if before[t] and not after.get(t)),
        "other_first": sum(
            1 for t in before if before[t] and after.get(t) and before[t][0][0] != after[t][0][0]
        ),
        "changed": [t for t in before if t in after and before[t] != after[t]],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "paths", nargs="+", type=Path, help="where to write the answers, or two files to compare"
    )
    parser.add_argument("--compare", action="store_true", help="compare two files written before")
    parser.add_argument("--fair-titles", action="store_true", help="the fair's titles and synonyms as wishes")
    options = parser.parse_args(argv)
    if options.compare:
        before, after = (json.loads(p.read_text(encoding="utf-8")) for p in options.paths)
        print(json.dumps(compare(before, after), ensure_ascii=False))
        return
    found = answers(options.fair_titles)
    options.paths[0].write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    print(json.dumps({"wishes": len(found), "nothing": sum(1 for v in found.values() if not v)}))


if __name__ == "__main__":
    main()
