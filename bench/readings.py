"""How the engine of the tree this script is in reads a few ways people write, on real postings and on the
default fair: for each probe, the positions above the floor and the first result with its score. Copied into
a `git worktree` of another commit, it gives that commit's figures (the "before" of docs/matching.md).

    python bench/readings.py
    python bench/readings.py --typed 3000   # how the skill inputs of 3,000 typed profiles read, by ``via``
    python bench/readings.py --industries   # positions each industry name and alias meets, asked alone
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.quality import neitui  # noqa: E402
from bench.typed_profiles import FIXTURE, distinct_profiles  # noqa: E402
from matching.index import MatchIndex  # noqa: E402
from matching.records import positions_from_fixture  # noqa: E402

PROBES = {
    "neitui-2018": [
        {"titles": ["安卓开发"]},  # Chinese name of a Latin-named skill (Android)
        {"skills": ["C"]},  # the letter C: the language only
        {"titles": ["R语言"]},  # a language named with 语言: no Go语言 job on the 语言 they share
    ],
    "default fair": [
        {"skills": ["ISO"]},  # a family named without its number
        {"skills": ["会做表格"]},  # short leads before a known skill
        {"titles": ["想做运营"]},  # words wrapped around a wish
        {"titles": ["运营实习生"]},  # a wish's job without its role
        {"titles": ["Java开发实习生"]},
        {"titles": ["互联网运营"]},  # the trade before the job
        {"titles": ["english teacher"]},  # English names for the English page
        {"titles": ["recruiter"]},
        {"skills": ["物流"]},  # an alias (物流管理) the fair never names: the word as written
        {"skills": ["精通PS/AI/CDR等设计软件"]},  # a list with a short skill read by trade, and a tail
        {"titles": ["会计/出纳"]},  # two jobs in one wish
        {"titles": ["想找一份会计的工作"]},  # a wish written as a sentence
        {"skills": ["善于沟通"]},  # a lead graduates write before a soft skill
        {"skills": ["快递分拣"]},  # a skill the fair lists, inside a phrase
        {"skills": ["打打打包"]},  # a slip around a listed word
        {"titles": ["电气工程师"]},  # a job the fair has no title of: its field as the major
        {"titles": ["普工也行"]},  # words after a wish
        {"major": "学前"},  # the start of the one major that begins with it
        {"skills": ["数据分折"]},  # a character written as one that looks like it (析)
        {"skills": ["沟涌"]},
        {"titles": ["会汁"]},
        {"titles": ["拙纳"]},
        {"industries": ["医药"]},  # a trade the fair has no industry of, in two employers' names
        {"industries": ["医疗器械"]},
        {"industries": ["传媒"]},
        {"industries": ["汽车"]},  # the factories, and the car dealers by their names
        {"titles": ["销售经理"]},  # the sales lead: 区域经理
    ],
}


def typed_readings(count: int) -> dict:
    """How the default fair reads the skill inputs of ``count`` typed profiles (``bench/typed_profiles``,
    seed 11): how many read each way (``via``), and a few of those read as phrases holding skills."""
    index = MatchIndex.build(positions_from_fixture(json.loads(FIXTURE.read_text(encoding="utf-8"))))
    inputs = [s for p in distinct_profiles(count, seed=11) for s in p["skills"]]
    reads = {s: index.reader.seeker_skill(s) for s in inputs}
    phrases = [[s, [f.display for f in r.forms]] for s, r in reads.items() if r.via == "phrase"]
    return {
        "inputs": len(inputs),
        "via": dict(Counter(reads[s].via for s in inputs)),
        "phrases": phrases[:10],
    }


def industry_readings() -> dict[str, int]:
    """How many positions of the default fair each industry name and alias meets, asked alone (``matched``):
    run in two trees and compared, the words whose reach a change moved."""
    from matching import reference

    index = MatchIndex.build(positions_from_fixture(json.loads(FIXTURE.read_text(encoding="utf-8"))))
    words = sorted({w for ind in reference.industries() for w in (ind.zh, *ind.aliases)})
    return {w: index.match({"industries": [w]}, limit=1)["matched"] for w in words}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--typed", type=int, help="read the skill inputs of this many typed profiles instead")
    parser.add_argument(
        "--industries", action="store_true", help="positions each industry word meets instead"
    )
    args = parser.parse_args()
    if args.industries:
        print(json.dumps(industry_readings(), ensure_ascii=False, indent=1))
        return
    if args.typed:
        print(json.dumps(typed_readings(args.typed), ensure_ascii=False, indent=1))
        return
    fairs = {
        "neitui-2018": neitui()[0],
        "default fair": positions_from_fixture(json.loads(FIXTURE.read_text(encoding="utf-8"))),
    }
    out: dict = {"tree": str(ROOT)}
    for name, profiles in PROBES.items():
        index = MatchIndex.build(fairs[name])
        rows = out.setdefault(name, [])
        for profile in profiles:
            answer = index.match(profile, limit=1)
            first = answer["results"][0] if answer["matched"] else None
            rows.append({"profile": profile, "matched": answer["matched"],
                         "first": first and [first["position"]["title"], first["score"]]})  # fmt: skip
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
