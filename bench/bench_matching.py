"""In-process matching benchmark: the engine against a naive rapidfuzz ranker, batch throughput, a 100x fair.

Prints JSON: machine info; on the default fair (``fixtures/qixing-2023.json``, or a synthetic one of the same
size when absent) single-match p50/p99 over generated profiles and the same profiles ranked by a naive loop
calling rapidfuzz for every (seeker skill, position skill) pair; 20,000 profiles through ``match_batch``;
a fair replicated 100x (new ids, perturbed pay) with its build time, RSS growth and single-match p50; a fair
of 5,000 postings carrying their skills in 300-character descriptions, with its build time and the first
query of skills never asked for before.

    python bench/bench_matching.py            # the full run that ``make bench`` does
    python bench/bench_matching.py --quick    # smaller counts, a 10x fair
    python bench/bench_matching.py --quality  # also: where each ranker puts a profile's source posting
    python bench/bench_matching.py --pushes   # only: compact ranking of never-seen typed profiles
    python bench/bench_matching.py --pushes --warm 0   # the same on a fresh index (after a start or a load)
    python bench/bench_matching.py --forms    # only: CPU per never-seen skill form's search
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402
from rapidfuzz.utils import default_process  # noqa: E402

from matching import reference  # noqa: E402
from matching.aliases import skill_aliases  # noqa: E402
from matching.index import MatchIndex  # noqa: E402
from matching.records import PositionRecord, positions_from_fixture  # noqa: E402
from matching.titles import clean_title  # noqa: E402

SEED = 20230820
FIXTURE = ROOT / "fixtures" / "qixing-2023.json"
TARGETS = {"p50_ms": 5.0, "p99_ms": 20.0, "speedup": 30.0, "batch_s": 20.0, "scaled_p50_ms": 8.0,
           "scaled_memory_mb": 1024.0, "long_build_s": 5.0, "long_first_query_ms": 50.0}  # fmt: skip
FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
TRADITIONAL = str.maketrans(
    "会计电商运营数据分析设计销售语软体师员证", "會計電商運營數據分析設計銷售語軟體師員證"
)


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    cpu = next((ln.split(":", 1)[1].strip() for ln in lines if ln.startswith("model name")), "")
    return {"cpus": os.cpu_count(), "cpu_model": cpu, "platform": platform.platform(),
            "python": platform.python_version()}  # fmt: skip


def synthetic_fair(count: int, rng: random.Random) -> list[PositionRecord]:
    """A stand-in fair when the default fixture is missing: roles with skills drawn from the alias list."""
    canonicals = list(skill_aliases().canonical_names())
    roles = ["工程师", "专员", "助理", "主管", "操作工", "文员", "老师", "顾问"]
    industries = ["manufacturing", "real_estate", "wholesale_retail", "software_it", "education", "ecommerce"]
    levels = [lvl.key for lvl in reference.education_levels()]
    out = []
    for n in range(count):
        skills = rng.sample(canonicals, rng.randint(0, 5))
        low = rng.choice([3000, 4000, 5000, 6000, 8000])
        out.append(
            PositionRecord(f"S{n:05d}", (skills[0] if skills else "普") + rng.choice(roles), tuple(skills),
                           rng.choice(industries), rng.choice(levels), low, low + rng.choice([1000, 3000]),
                           rng.randint(1, 5), f"E{n // 33:03d}", f"企业{n // 33}", "private", None)
        )  # fmt: skip
    return out


def _noisy(skill: str, rng: random.Random) -> str:
    """How seekers really type a skill: an alias, another case, full width, a typo, traditional script."""
    names = skill_aliases().canonicals_of(skill)
    entry = next((e for e in skill_aliases().entries if names and e.canonicals == names), None)
    roll = rng.random()
    if entry and entry.aliases and roll < 0.2:
        return rng.choice(entry.aliases).lstrip("=")
    if roll < 0.35:
        return skill.upper() if rng.random() < 0.5 else skill.lower()
    if roll < 0.45:
        return "".join(FULL_WIDTH.get(c, c) for c in skill)
    if roll < 0.6 and len(skill) > 5 and skill.isascii():
        i = rng.randrange(1, len(skill) - 2)
        return skill[:i] + skill[i + 1] + skill[i] + skill[i + 2 :]
    if roll < 0.7:
        return skill.translate(TRADITIONAL)
    return skill


def profiles(positions: list[PositionRecord], count: int, rng: random.Random) -> list[dict]:
    """Seekers modelled on random postings: some of their skills (noisy), a title, preferences, filters."""
    every_skill = sorted({s for p in positions for s in p.skills})
    industries = [(i.zh, i.aliases) for i in reference.industries() if i.core]
    levels = [lvl.key for lvl in reference.education_levels()]
    out = []
    for n in range(count):
        target = rng.choice(positions)
        own = rng.sample(target.skills, min(len(target.skills), rng.randint(1, 4)))
        extra = rng.sample(every_skill, rng.randint(0, 2)) if every_skill else []
        profile: dict = {"id": f"C{n:05d}", "skills": [_noisy(s, rng) for s in [*own, *extra]]}
        if rng.random() < 0.7:
            profile["titles"] = [target.title]
        if rng.random() < 0.5:
            name, aliases = rng.choice(industries)
            profile["industries"] = [rng.choice([name, *aliases])]
        if rng.random() < 0.6:
            profile["education"] = rng.choice(levels)
        if rng.random() < 0.5:
            profile["expected_salary"] = rng.choice([3500, 4500, 5000, 6000, 8000, 10000])
        if rng.random() < 0.2:
            profile["filters"] = {"min_salary": 4000, "education_eligible": True}
        out.append(profile)
    return out


def naive_rank(
    positions: list[PositionRecord], profile: dict, limit: int = 20, *, descriptions: bool = False
) -> list[str]:
    """The baseline: rapidfuzz WRatio for every (seeker skill, position skill) pair and every title pair.

    With ``descriptions``, a seeker skill also scores its ``partial_ratio`` against the posting's
    description (for fairs whose postings carry their skills in the description only).
    """
    skills = [default_process(s) for s in profile.get("skills", [])]
    titles = [default_process(t) for t in profile.get("titles", [])]
    scored = []
    for p in positions:
        own = [default_process(s) for s in p.skills]
        text = default_process(p.description) if descriptions else ""
        skill = statistics.fmean(
            [
                max([*(fuzz.WRatio(a, b) for b in own), fuzz.partial_ratio(a, text) if text else 0.0])
                for a in skills
            ]
            or [0]
        )
        title = max((fuzz.WRatio(t, default_process(p.title)) for t in titles), default=0.0)
        scored.append((-(0.6 * skill + 0.4 * title), p.id))
    scored.sort()
    return [pid for _, pid in scored[:limit]]


REQUIREMENTS = ("熟练使用{}", "熟悉{}", "有{}经验者优先", "具备{}能力", "{}相关工作经验", "会{}")


def described_fair(positions: list[PositionRecord], rng: random.Random) -> list[PositionRecord]:
    """The fair as real job boards post it: no skills list, the skills written into the description."""
    out = []
    for p in positions:
        wanted = "；".join(rng.choice(REQUIREMENTS).format(s) for s in p.skills)
        text = f"岗位职责：{p.description}任职要求：{wanted}。" if wanted else p.description
        out.append(dataclasses.replace(p, skills=(), description=text))
    return out


def quality(positions: list[PositionRecord], index: MatchIndex, count: int, rng: random.Random) -> dict:
    """Where each ranker puts the posting a profile was drawn from (or one identical to it).

    A profile takes 1-4 of a posting's skills, typed noisily, plus 0-2 unrelated skills of the fair, and
    for ``skills+title`` the posting's cleaned title. Identical = same cleaned title, same canonical skills.
    ``job+skills`` puts the posting's cleaned title first among the skills (seekers list their trade as a
    skill: 会计, 电工). ``described`` and ``described+title`` rank the same fair posted the way real job
    boards post it (``described_fair``: no skills lists, the skills written into each description), so only
    titles and descriptions carry them; there the naive ranker also reads descriptions.
    """
    aliases = skill_aliases()

    def identity(p: PositionRecord) -> tuple:
        names = frozenset(n for s in p.skills for n in aliases.canonicals_of(s) or (s.strip().casefold(),))
        return clean_title(p.title), names

    same: dict[tuple, set[str]] = {}
    for p in positions:
        same.setdefault(identity(p), set()).add(p.id)
    every_skill = sorted({s for p in positions for s in p.skills})
    with_skills = [p for p in positions if p.skills]
    described = described_fair(positions, random.Random(SEED + 2))
    described_index = MatchIndex.build(described, version="bench-described")
    report = {}
    for kind in ("skills", "skills+title", "job+skills", "described", "described+title"):
        reciprocal: dict[str, list[float]] = {"engine": [], "naive": []}
        for _ in range(count):
            target = rng.choice(with_skills)
            own = rng.sample(target.skills, min(len(target.skills), rng.randint(1, 4)))
            profile: dict = {
                "skills": [_noisy(s, rng) for s in [*own, *rng.sample(every_skill, rng.randint(0, 2))]]
            }
            if kind.endswith("+title"):
                profile["titles"] = [clean_title(target.title)]
            if kind == "job+skills":
                profile["skills"] = [_noisy(clean_title(target.title), rng), *profile["skills"][:2]]
            wanted = same[identity(target)]
            on_descriptions = kind.startswith("described")
            ranked = {
                "engine": [
                    r["position"]["id"]
                    for r in (described_index if on_descriptions else index).match(profile, limit=50)[
                        "results"
                    ]
                ],
                "naive": naive_rank(
                    described if on_descriptions else positions, profile, 50, descriptions=on_descriptions
                ),
            }
            for name, ids in ranked.items():
                rank = next((n for n, pid in enumerate(ids, start=1) if pid in wanted), None)
                reciprocal[name].append(1 / rank if rank else 0.0)
        report[kind] = {
            name: {"mrr_at_50": round(statistics.fmean(rr), 3),
                   "hit_at_10": round(sum(r >= 0.1 for r in rr) / len(rr), 3)}
            for name, rr in reciprocal.items()
        }  # fmt: skip
    return {"profiles_per_kind": count, **report}


def long_descriptions(positions: list[PositionRecord], rng: random.Random, count: int = 5000) -> dict:
    """A fair as scraped from job boards: ``count`` postings, no skills lists, descriptions of about 300
    characters (clauses of the fair's descriptions, with its skills written in). Build time, then the first
    query of each of 50 skills no request asked for before (each scans the descriptions once) and a repeat."""
    clauses = sorted({c for p in positions for c in p.description.replace("。", "；").split("；") if c})
    every_skill = sorted({s for p in positions for s in p.skills})

    def description() -> str:
        parts: list[str] = ["岗位职责："]
        while sum(map(len, parts)) < 300:
            number = len(parts)
            if rng.random() < 0.3:
                parts.append(f"{number}、{rng.choice(REQUIREMENTS).format(rng.choice(every_skill))}；")
            else:
                parts.append(f"{number}、{rng.choice(clauses).split('：')[-1]}；")
        return "".join(parts)[:300]

    fair = [
        dataclasses.replace(rng.choice(positions), id=f"L{n:05d}", skills=(), description=description())
        for n in range(count)
    ]
    start = time.perf_counter()
    index = MatchIndex.build(fair, version="bench-long")
    build_s = time.perf_counter() - start
    skills = rng.sample(every_skill, 50)
    first = timed(lambda s: index.match({"skills": [s]}, limit=10), skills)
    again = timed(lambda s: index.match({"skills": [s]}, limit=10), skills)
    return {"positions": count, "description_chars": 300, "build_s": round(build_s, 2),
            "first_query": first, "repeated_query": again}  # fmt: skip


def _quantiles(seconds: list[float]) -> tuple[float, float, float]:
    ms = sorted(s * 1000 for s in seconds)
    at = lambda q: round(ms[min(len(ms) - 1, int(q * len(ms)))], 3)  # noqa: E731
    return at(0.5), at(0.99), round(statistics.fmean(ms), 3)


def timed(call, items) -> dict:
    """Wall-clock and CPU-time percentiles of ``call`` over ``items`` (CPU time shows a busy machine)."""
    wall, cpu = [], []
    for item in items:
        start, start_cpu = time.perf_counter(), time.process_time()
        call(item)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    p50, p99, mean = _quantiles(wall)
    cpu50, cpu99, _ = _quantiles(cpu)
    return {"p50_ms": p50, "p99_ms": p99, "mean_ms": mean, "cpu_p50_ms": cpu50, "cpu_p99_ms": cpu99,
            "n": len(wall)}  # fmt: skip


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def replicated(positions: list[PositionRecord], factor: int, rng: random.Random) -> list[PositionRecord]:
    def pay(value: int | None, low: float, high: float) -> int | None:
        return None if value is None else int(round(value * rng.uniform(low, high), -2))

    return [
        dataclasses.replace(p, id=f"{p.id}-R{r:03d}", salary_min=pay(p.salary_min, 0.9, 1.0),
                            salary_max=pay(p.salary_max, 1.0, 1.1))
        for r in range(factor)
        for p in positions
    ]  # fmt: skip


def pushes(warm: int = 3000, count: int = 5000) -> dict:
    """CPU per candidate of ``match_compact`` (the livestream push) over profiles typed as people type, no
    skill string seen before, after ``warm`` others (0: on a fresh index, as after a start or a load): the
    cold path of fuzzy look-ups, in-process; with the skill forms searched for the first time."""
    from bench.typed_profiles import distinct_profiles

    index = MatchIndex.build(positions_from_fixture(json.loads(FIXTURE.read_text(encoding="utf-8"))))
    for profile in distinct_profiles(4 * warm)[::4]:
        index.match(profile)
    pushed = distinct_profiles(count, seed=1)
    gc.collect()
    gc.freeze()  # as the service does after building its index: long collector pauses would add noise
    searched = index.skills.hits.misses
    start, start_cpu = time.perf_counter(), time.process_time()
    for at in range(0, count, 1000):
        index.match_compact(pushed[at : at + 1000], limit=10)
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    return {"machine": {**machine(), "load_average": os.getloadavg()}, "warm": warm, "candidates": count,
            "seconds": round(seconds, 2), "cpu_ms_per_candidate": round(cpu / count * 1000, 3),
            "forms_searched": index.skills.hits.misses - searched}  # fmt: skip


def new_forms(rounds: int = 5) -> dict:
    """CPU per never-seen skill form of finding where it occurs (``SkillSpace._hits``: the vocabulary, title
    and description searches and their evidence), over the distinct forms of 3,000 typed profiles; each
    round in a fork of the same warm process, so every round finds the same forms new. Min and median."""
    from bench.typed_profiles import distinct_profiles

    index = MatchIndex.build(positions_from_fixture(json.loads(FIXTURE.read_text(encoding="utf-8"))))
    keys = list(
        dict.fromkeys(
            form.key
            for profile in distinct_profiles(3000, seed=3)
            for skill in profile["skills"]
            for form in index.reader.skill(skill).forms
        )
    )
    gc.collect()
    gc.freeze()
    per_form = []
    for _ in range(rounds):
        read, write = os.pipe()
        if (child := os.fork()) == 0:
            start = time.process_time()
            for key in keys:
                index.skills._hits(key)
            os.write(write, repr(time.process_time() - start).encode())
            os._exit(0)
        os.close(write)
        per_form.append(float(os.read(read, 64)) / len(keys) * 1e6)
        os.close(read)
        os.waitpid(child, 0)
    return {"machine": {**machine(), "load_average": os.getloadavg()}, "forms": len(keys),
            "cpu_us_per_form_min": round(min(per_form), 1),
            "cpu_us_per_form_median": round(statistics.median(per_form), 1)}  # fmt: skip


def main(argv: list[str] | None = None) -> dict:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--quick", action="store_true", help="smaller counts and a 10x fair")
    args.add_argument(
        "--quality", action="store_true", help="also compare ranking quality with the naive ranker"
    )
    args.add_argument(
        "--scaled",
        action="store_true",
        help="only single matches and the 100x fair (no long descriptions, batch)",
    )
    args.add_argument(
        "--pushes", action="store_true", help="only compact ranking of never-seen typed profiles (a push)"
    )
    args.add_argument("--warm", type=int, default=3000, help="with --pushes: profiles ranked first (0: none)")
    args.add_argument(
        "--forms", action="store_true", help="only the search of never-seen skill forms (CPU per form)"
    )
    options = args.parse_args(argv)
    if options.pushes:
        return pushes(warm=options.warm)
    if options.forms:
        return new_forms()
    quick = options.quick
    counts = {"single": 100 if quick else 300, "naive": 10 if quick else 30,
              "batch": 2000 if quick else 20000, "factor": 10 if quick else 100,
              "scaled": 30 if quick else 100}  # fmt: skip
    rng = random.Random(SEED)
    if FIXTURE.exists():
        source = str(FIXTURE.relative_to(ROOT))
        positions = positions_from_fixture(json.loads(FIXTURE.read_text(encoding="utf-8")))
    else:
        source, positions = "synthetic", synthetic_fair(3100, rng)
    report: dict = {
        "machine": {**machine(), "load_average": os.getloadavg()},
        "quick": quick,
        "fair": {"source": source, "positions": len(positions)},
    }

    start = time.perf_counter()
    index = MatchIndex.build(positions, version="bench")
    report["fair"]["build_s"] = round(time.perf_counter() - start, 3)
    for profile in profiles(positions, 200, rng):  # a service has seen some seekers before
        index.match(profile)
    measured = profiles(positions, counts["single"], rng)
    single = timed(index.match, measured)
    naive = timed(lambda p: naive_rank(positions, p), measured[: counts["naive"]])
    report["single_match"] = {"engine": single, "naive": naive,
                              "speedup_p50": round(naive["p50_ms"] / single["p50_ms"], 1)}  # fmt: skip

    if options.quality:
        report["quality"] = quality(positions, index, 60 if quick else 200, random.Random(SEED + 1))

    seconds = None
    if not options.scaled:
        report["long_descriptions"] = long_descriptions(positions, random.Random(SEED + 3))
        batch = profiles(positions, counts["batch"], rng)
        start, start_cpu = time.perf_counter(), time.process_time()
        for at in range(0, len(batch), 1000):
            index.match_batch(batch[at : at + 1000], limit=10)
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - start_cpu
        report["batch"] = {"profiles": len(batch), "limit": 10, "seconds": round(seconds, 2),
                           "cpu_seconds": round(cpu_seconds, 2),
                           "per_profile_ms": round(seconds / len(batch) * 1000, 3)}  # fmt: skip

    big = replicated(positions, counts["factor"], rng)
    del index
    gc.collect()
    before, start = rss_mb(), time.perf_counter()
    scaled_index = MatchIndex.build(big, version="bench-scaled")
    build_s = time.perf_counter() - start
    gc.collect()
    grown = rss_mb() - before
    for profile in profiles(positions, 50, rng):
        scaled_index.match(profile)
    scaled = timed(scaled_index.match, profiles(positions, counts["scaled"], rng))
    report["scaled_fair"] = {"factor": counts["factor"], "positions": len(big), "build_s": round(build_s, 2),
                             "index_rss_mb": round(grown, 1), "single_match": scaled}  # fmt: skip
    report["targets"] = TARGETS
    report["met"] = {
        "p50": single["p50_ms"] <= TARGETS["p50_ms"],
        "p99": single["p99_ms"] <= TARGETS["p99_ms"],
        "speedup": report["single_match"]["speedup_p50"] >= TARGETS["speedup"],
        "batch": None if quick or seconds is None else seconds <= TARGETS["batch_s"],
        "scaled_p50": None if quick else scaled["p50_ms"] <= TARGETS["scaled_p50_ms"],
        "scaled_memory": None if quick else grown <= TARGETS["scaled_memory_mb"],
    }
    if "long_descriptions" in report:
        long = report["long_descriptions"]
        report["met"]["long_build"] = long["build_s"] <= TARGETS["long_build_s"]
        report["met"]["long_first_query"] = long["first_query"]["p99_ms"] <= TARGETS["long_first_query_ms"]
    return report


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False, indent=2))
