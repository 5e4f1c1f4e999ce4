"""Where a never-seen profile's engine time goes: each step's cost, by replaying without it.

One worker's share of `make bench`'s distinct profiles (every other one of `typed_profiles.distinct_profiles`,
after 8 to warm up) is ranked once to record what each step answers; then, in a fresh process per run, the
same stream is ranked with one step replaced by a look-up of its recorded answers. The drop in CPU a match
is that step's cost (a little under: the look-up costs something too). Runs alternate with the plain stream.

    python bench/cold_path.py                     # every step, two rounds
    python bench/cold_path.py --steps hits read --rounds 3
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# step -> (module, class, method); the ByteCache-held ones are replaced in their cache too
STEPS = {
    "read": ("matching.profile", "ProfileReader", "read"),
    "skill": ("matching.profile", "ProfileReader", "skill"),
    "reading": ("matching.profile", "ProfileReader", "_reading"),
    "title": ("matching.profile", "ProfileReader", "_title"),
    "hits": ("matching.skills", "SkillSpace", "_hits"),
    "vocabulary": ("matching.similarity", "Vocabularies", "search"),
    "descriptions": ("matching.mentions", "Mentions", "in_descriptions"),
    "title_similarities": ("matching.title_space", "TitleSpace", "_similarities"),
}
CACHED = {"reading": ("reader", "reading"), "title": ("reader", "title"), "hits": ("skills", "hits")}


def _stream(count: int):
    from bench.typed_profiles import FIXTURE, distinct_profiles
    from matching.index import MatchIndex
    from matching.records import positions_from_fixture

    pool = distinct_profiles(2 * count + 8)
    index = MatchIndex.build(positions_from_fixture(json.loads(FIXTURE.read_text(encoding="utf-8"))))
    for profile in pool[:8]:
        index.match(profile)
    return index, pool[8 : 8 + 2 * count : 2]


def _key(args: tuple, kwargs: dict) -> bytes:
    return pickle.dumps((args, sorted(kwargs.items())))


def _patch(index, step: str, answer) -> None:
    import importlib

    module, cls_name, method = STEPS[step]
    cls = getattr(importlib.import_module(module), cls_name)
    original = getattr(cls, method)

    def replaced(self, *args, **kwargs):
        return answer(original, self, args, kwargs)

    setattr(cls, method, replaced)
    if step in CACHED:
        owner, cache = CACHED[step]
        # The cache was given the bound method before the patch: give it the patched one.
        getattr(getattr(index, owner), cache).compute = getattr(getattr(index, owner), method)


def record(count: int, out: Path) -> None:
    import gc

    index, stream = _stream(count)
    answers: dict[str, dict] = {step: {} for step in STEPS}
    for step in STEPS:

        def keep(original, self, args, kwargs, step=step):
            value = original(self, *args, **kwargs)
            answers[step].setdefault(_key(args, kwargs), value)
            return value

        _patch(index, step, keep)
    gc.collect()
    for profile in stream:
        index.match(profile)
    out.write_bytes(pickle.dumps(answers))


def run(count: int, step: str, recorded: Path) -> float:
    import gc

    index, stream = _stream(count)
    if step != "plain":
        answers = pickle.loads(recorded.read_bytes())[step]

        def look_up(original, self, args, kwargs):
            value = answers.get(_key(args, kwargs))
            return original(self, *args, **kwargs) if value is None else value

        _patch(index, step, look_up)
    gc.collect()
    gc.freeze()
    start = time.process_time()
    for profile in stream:
        index.match(profile)
    return (time.process_time() - start) / len(stream) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=4000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--steps", nargs="*", default=list(STEPS), choices=list(STEPS))
    parser.add_argument("--child", nargs=2, metavar=("STEP", "RECORDED"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(run(options.profiles, options.child[0], Path(options.child[1])))
        return
    from bench.bench_matching import machine

    with tempfile.TemporaryDirectory() as tmp:
        recorded = Path(tmp) / "answers.pickle"
        record(options.profiles, recorded)
        costs: dict[str, list[float]] = {"plain": []}
        for _ in range(options.rounds):
            for step in ["plain", *options.steps]:
                cmd = [
                    sys.executable,
                    __file__,
                    "--profiles",
                    str(options.profiles),
                    "--child",
                    step,
                    str(recorded),
                ]
                costs.setdefault(step, []).append(float(subprocess.run(cmd, capture_output=True, text=True,
                                                                       check=True).stdout))  # fmt: skip
    plain = statistics.median(costs["plain"])
    report = {
        "machine": machine(),
        "profiles": options.profiles,
        "plain_us_per_match": round(plain, 1),
        "runs_us": {step: [round(c, 1) for c in runs] for step, runs in costs.items()},
        "step_cost_us_per_match": {
            step: round(plain - statistics.median(runs), 1) for step, runs in costs.items() if step != "plain"
        },
    }
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
