"""Ranking quality on real postings: NDCG@10 and MRR of the engine and two baselines, in one run.

The postings are the 2,121 real ones of ``bench/data/neitui-2018.csv`` (2018: title, a three-level job
category, education, pay, description; no skills lists). Query sets:

* ``titles``: a desired title per job category (the category's most common title), graded 2 for postings
  of the same category, 1 for the same second level (技术#后端开发), 0 otherwise;
* ``titles mistyped``: the same, each all-Chinese title typed with one slip of the keyboard (two
  neighbouring characters swapped, one doubled, an inner one left out: 品产经理, 市市场推广, 产品理);
* ``skills``: 2-3 skills one posting's description asks for (the alias list's canonical skills written in
  it, in a seeker's spelling: other case, full width, an alias), graded by how many of them each
  description asks for: 2 for all, 1 for some;
* ``skills in phrases``: the same, each skill written after a verb or 有 (熟练使用Excel, 掌握SQL, 有C1驾照);
* ``skills in longer phrases``: the same inside longer phrases (能够熟练使用Excel软件, 熟练掌握并运用Python);
* ``requirements``: the same postings tagged with the skills their descriptions ask for (the alias list's
  canonical skills written in them, 1-8 a posting) and posted as tags alone (no description), as job boards
  list them; 2-3 skills of one posting as a seeker types them (another case, full width, an alias, a typo,
  traditional script), three times in ten with one skill of another posting; graded by how much of each
  posting's requirements the skills meet: 3 for all, 2 for half or more, 1 for some;
* ``requirements, tags as written``: the same queries and grades, each tag written as the posting's
  description wrote it (做账, 品管, CRM rather than 会计, 品质管理, 客户关系管理), three Chinese ones in ten
  with a tail (经验, 能力) as job boards' tags have;
* ``wish and skills``: the tagged postings again; a seeker names the common title of one posting's job
  category and 2-3 of its tags as typed; graded 2 for postings of that category, 1 for the same second
  level, and one grade more for each posting whose tags the seeker holds half of or more;
* ``skills for a job``: the same seekers giving their tags alone, no title: the engine must find their job
  from their skills (graded as ``wish and skills``);
* ``generated``: the default fair's generated profiles (``bench_matching.profiles``), graded 1 for the
  source posting and those identical to it;
* ``major and skills``: graduates modelled on the default fair's postings: 1-2 of a posting's skills as
  typed, now and then an unrelated skill, and a major: one the posting lists seven times in ten where it
  lists any (1,515 of 3,100), another otherwise; graded 1 for the source posting and those identical to it.

Rankers: the engine (``MatchIndex``), ``exact`` (lower-cased exact overlap: the share of the query's words
found as written in the title, skills or description) and ``wratio`` (rapidfuzz WRatio for every pair of
query word and title, skill or description). Ties are broken by position id for all three.

    python bench/quality.py              # the table `make quality` prints
    python bench/quality.py --json       # the same figures as JSON
    python bench/quality.py --query-aliases OTHER.tsv   # queries drawn with another alias list
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import functools
import gc
import json
import math
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_matching import _noisy  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402
from rapidfuzz.utils import default_process  # noqa: E402

from matching import aliases as aliases_module  # noqa: E402
from matching.aliases import skill_aliases  # noqa: E402
from matching.index import MatchIndex  # noqa: E402
from matching.normalize import is_cjk  # noqa: E402
from matching.records import PositionRecord, positions_from_fixture  # noqa: E402
from matching.skills import soft_skills  # noqa: E402
from matching.titles import clean_title  # noqa: E402
from matching.weights import default_weights  # noqa: E402

POSTINGS = ROOT / "bench" / "data" / "neitui-2018.csv"
FIXTURE = ROOT / "fixtures" / "qixing-2023.json"
SEED = 2018
K = 10
EDUCATION = {"本科": "bachelor", "大专": "associate", "硕士": "master", "博士": "doctorate"}
FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def neitui() -> tuple[list[PositionRecord], list[str]]:
    """The real postings as records (no skills lists), and each one's job category."""
    records, categories = [], []
    with POSTINGS.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            low, high = (
                int(float(row[k]) * 1000) if row[k] else None for k in ("pay_range_from_k", "pay_range_to_k")
            )
            education = EDUCATION.get(row["edu_level"], "none")
            records.append(PositionRecord(row["id"], row["title"], (), "software_it", education, low, high, 1,
                                          row["id"], row["id"], "private", None, row["summary"]))  # fmt: skip
            categories.append(row["job_category"])
    return records, categories


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _mentions(text: str, name: str) -> bool:
    """``name`` written in ``text``: Latin words whole (Java is not in JavaScript), Chinese as a substring."""
    name = _fold(name)
    if re.fullmatch(r"[a-z0-9.+#\- ]+", name):
        return re.search(rf"(?<![a-z0-9+#]){re.escape(name)}(?![a-z0-9+#])", text) is not None
    return name in text


def common_titles(records: list[PositionRecord], categories: list[str]) -> dict[str, str]:
    """Each job category with five postings or more -> its most common cleaned title."""
    by_category: dict[str, list[int]] = defaultdict(list)
    for n, c in enumerate(categories):
        by_category[c].append(n)
    return {
        category: Counter(clean_title(records[n].title) for n in members).most_common(1)[0][0]
        for category, members in sorted(by_category.items())
        if len(members) >= 5
    }


def title_queries(records: list[PositionRecord], categories: list[str]) -> list[tuple[dict, dict[int, int]]]:
    out = []
    for category, title in common_titles(records, categories).items():
        parent = category.rsplit("#", 1)[0]
        grades = {
            n: 2 if c == category else 1 for n, c in enumerate(categories) if c.rsplit("#", 1)[0] == parent
        }
        out.append(({"titles": [title]}, grades))
    return out


def mistyped(
    queries: list[tuple[dict, dict[int, int]]], rng: random.Random
) -> list[tuple[dict, dict[int, int]]]:
    """The all-Chinese title queries, each typed with one slip of the keyboard (same grades)."""
    out = []
    for query, grades in queries:
        title = query["titles"][0]
        if not 2 <= len(title) <= 8 or not all(map(is_cjk, title)):
            continue
        at = rng.randrange(len(title) - 1)
        slip = rng.choice(["swap", "double", "drop"]) if len(title) >= 3 else "swap"
        if slip == "swap":
            typed = title[:at] + title[at + 1] + title[at] + title[at + 2 :]
        elif slip == "double":
            typed = title[: at + 1] + title[at:]
        else:  # an inner character left out
            inner = 1 + at % (len(title) - 2)
            typed = title[:inner] + title[inner + 1 :]
        out.append(({"titles": [typed]}, grades))
    return out


PHRASE_LEADS = ("熟练使用", "熟悉", "掌握", "精通", "会", "有")


def phrased(
    queries: list[tuple[dict, dict[int, int]]], rng: random.Random
) -> list[tuple[dict, dict[int, int]]]:
    """The skill queries with each skill written inside a phrase, as seekers do (熟练使用Excel, 有C1驾照)."""
    return [
        ({"skills": [rng.choice(PHRASE_LEADS) + s for s in q["skills"]]}, grades) for q, grades in queries
    ]


# Longer wrappings: leads in a row, a joiner, a modifier, a tail (软件 only after a Latin name).
LONG_PHRASES = ("能够熟练使用{}", "熟练掌握并运用{}", "会使用{}", "有较强的{}", "熟悉{}操作")


def long_phrased(
    queries: list[tuple[dict, dict[int, int]]], rng: random.Random
) -> list[tuple[dict, dict[int, int]]]:
    """The skill queries, each skill inside a longer phrase (能够熟练使用Excel软件, 熟练掌握并运用Python)."""

    def wrap(skill: str) -> str:
        forms = (*LONG_PHRASES, "熟练使用{}软件") if skill[-1:].isascii() else LONG_PHRASES
        return rng.choice(forms).format(skill)

    return [({"skills": [wrap(s) for s in q["skills"]]}, grades) for q, grades in queries]


def _spellings() -> dict[str, set[str]]:
    """The alias list's canonical skills, each with the spellings that read as it."""
    names: dict[str, set[str]] = {}
    for entry in skill_aliases().entries:
        for canonical in entry.canonicals:
            names.setdefault(canonical, {canonical}).update(a.lstrip("=") for a in entry.aliases)
    return names


def skill_queries(
    records: list[PositionRecord], count: int, rng: random.Random
) -> list[tuple[dict, dict[int, int]]]:
    texts = [_fold(r.description) for r in records]
    # Canonical skills with their spellings, kept where 3-300 descriptions write one of them.
    names = _spellings()
    asked: dict[str, set[int]] = {}
    for canonical, spellings in names.items():
        if len(canonical) < 2 and canonical.isascii():
            continue
        found = {n for n, t in enumerate(texts) if any(_mentions(t, s) for s in spellings)}
        if 3 <= len(found) <= 300:
            asked[canonical] = found
    per_posting: dict[int, list[str]] = defaultdict(list)
    for canonical, found in sorted(asked.items()):
        for n in found:
            per_posting[n].append(canonical)
    eligible = sorted(n for n, skills in per_posting.items() if len(skills) >= 2)
    out = []
    for n in rng.sample(eligible, min(count, len(eligible))):
        chosen = rng.sample(per_posting[n], rng.randint(2, min(3, len(per_posting[n]))))
        grades = Counter(m for s in chosen for m in asked[s])
        typed = [_spelling(s, names[s], rng) for s in chosen]
        out.append(({"skills": typed}, {m: 2 if c == len(chosen) else 1 for m, c in grades.items()}))
    return out


def tagged(records: list[PositionRecord]) -> list[PositionRecord]:
    """The postings whose descriptions ask for 1-8 of the alias list's skills, tagged with them (in the
    order of the alias list) and with no description: their requirements are their tags."""
    names = _spellings()
    out = []
    for record in records:
        text = _fold(record.description)
        tags = tuple(
            c for c, spellings in names.items()
            if (len(c) > 1 or not c.isascii()) and any(_mentions(text, s) for s in spellings)
        )  # fmt: skip
        if 1 <= len(tags) <= 8:
            out.append(dataclasses.replace(record, skills=tags, description=""))
    return out


def written_tags(records: list[PositionRecord], rng: random.Random) -> list[PositionRecord]:
    """``tagged(records)`` with each tag as the employer's description wrote it (its longest spelling found
    there: 做账, 品管, CRM, not the canonical 会计, 品质管理, 客户关系管理), a Chinese one now and then with
    the tail job boards' tags carry (品管经验, 客户管理能力): the same postings, asking the same things."""
    names, description = _spellings(), {r.id: r.description for r in records}
    out = []
    for listed in tagged(records):
        text = _fold(description[listed.id])
        tags = []
        for canonical in listed.skills:
            spelling = max((s for s in names[canonical] if _mentions(text, s)), key=lambda s: (len(s), s))
            tail = rng.choice(["经验", "能力"])
            if is_cjk(spelling[-1]) and rng.random() < 0.3 and not spelling.endswith(("经验", "能力")):
                spelling += tail
            tags.append(spelling)
        out.append(dataclasses.replace(listed, skills=tuple(tags)))
    return out


@functools.cache
def _soft() -> Callable[[str], bool]:
    return soft_skills(skill_aliases())


def _asked(record: PositionRecord) -> int:
    """How many things a tagged posting asks for: its tags, and one unseen thing more where every tag is a
    soft skill (沟通能力 alone: the description asks for more than the alias list can tag, as the engine
    reads such a posting too; 64 of the 1,642 tagged postings, most of them 产品经理)."""
    return len(record.skills) + all(map(_soft(), record.skills))


def requirement_queries(
    records: list[PositionRecord], count: int, rng: random.Random
) -> list[tuple[dict, dict[int, int]]]:
    """Seekers holding 2-3 skills of one tagged posting (and now and then one of another), graded by the
    share of each posting's tags they hold: 3 for all, 2 for half or more, 1 for some."""
    every = sorted({s for r in records for s in r.skills})
    eligible = [n for n, r in enumerate(records) if len(r.skills) >= 2]
    out = []
    for n in rng.sample(eligible, min(count, len(eligible))):
        own = records[n].skills
        chosen = rng.sample(own, rng.randint(2, min(3, len(own))))
        if rng.random() < 0.3:
            chosen.append(rng.choice([s for s in every if s not in own]))
        held = set(chosen)
        grades = {}
        for m, record in enumerate(records):
            share = len(held.intersection(record.skills)) / _asked(record)
            if share > 0:
                grades[m] = 3 if share == 1 else 2 if share >= 0.5 else 1
        out.append(({"skills": [_noisy(s, rng) for s in chosen]}, grades))
    return out


def wish_queries(
    records: list[PositionRecord],
    categories: list[str],
    titles: dict[str, str],
    count: int,
    rng: random.Random,
    named: bool = True,
) -> list[tuple[dict, dict[int, int]]]:
    """Seekers naming a job and their skills: the common title of one tagged posting's category and 2-3 of its
    tags as typed, graded by job category (2 the same, 1 the same second level) and one grade more for each
    posting whose tags they hold half of or more. Without ``named`` the same seekers give their skills alone,
    and the engine must find their job from them."""
    eligible = [n for n, r in enumerate(records) if len(r.skills) >= 2 and categories[n] in titles]
    out = []
    for n in rng.sample(eligible, min(count, len(eligible))):
        category, own = categories[n], records[n].skills
        parent = category.rsplit("#", 1)[0]
        held = set(rng.sample(own, rng.randint(2, min(3, len(own)))))
        grades = {}
        for m, record in enumerate(records):
            job = 2 if categories[m] == category else 1 if categories[m].rsplit("#", 1)[0] == parent else 0
            grade = job + (len(held.intersection(record.skills)) * 2 >= _asked(record))
            if grade:
                grades[m] = grade
        skills = [_noisy(s, rng) for s in sorted(held, key=own.index)]
        profile = {"titles": [titles[category]], "skills": skills} if named else {"skills": skills}
        out.append((profile, grades))
    return out


def _spelling(canonical: str, spellings: set[str], rng: random.Random) -> str:
    word = rng.choice(sorted(spellings)) if rng.random() < 0.3 else canonical
    roll = rng.random()
    if roll < 0.2:
        return word.translate(FULL_WIDTH)
    return word.lower() if roll < 0.5 else word


def _default_fair() -> tuple[list[PositionRecord], list[str], list[int]]:
    """The default fair's postings, every skill they list, and the postings listing any (the generated
    profiles' sources)."""
    positions = positions_from_fixture(json.loads(FIXTURE.read_text(encoding="utf-8")))
    every_skill = sorted({s for p in positions for s in p.skills})
    return positions, every_skill, [n for n, p in enumerate(positions) if p.skills]


def generated_queries(count: int, rng: random.Random) -> tuple[list[PositionRecord], list]:
    """Profiles drawn from the default fair's postings as ``bench_matching`` draws them: 1-4 of a posting's
    skills typed noisily, 0-2 unrelated skills, its title seven times in ten."""
    positions, every_skill, listing = _default_fair()
    signature = [(clean_title(p.title), p.skills) for p in positions]
    out = []
    for _ in range(count):
        n = rng.choice(listing)
        target = positions[n]
        own = rng.sample(target.skills, min(len(target.skills), rng.randint(1, 4)))
        profile: dict = {
            "skills": [_noisy(s, rng) for s in [*own, *rng.sample(every_skill, rng.randint(0, 2))]]
        }
        if rng.random() < 0.7:
            profile["titles"] = [clean_title(target.title)]
        out.append((profile, {m: 1 for m, sig in enumerate(signature) if sig == signature[n]}))
    return positions, out


def major_queries(count: int, rng: random.Random) -> tuple[list[PositionRecord], list]:
    """Graduates modelled on the default fair's postings: 1-2 of a posting's skills typed noisily, 0-1
    unrelated skills, and a major: where the posting lists majors (1,515 of 3,100), one of them seven times
    in ten and another of the fair's majors otherwise (a graduate of another field with the skills); where it
    lists none, any of the fair's majors. Graded 1 for the source posting and those identical to it (title,
    skills, majors)."""
    positions, every_skill, listing = _default_fair()
    every_major = sorted({m for p in positions for m in p.majors})
    signature = [(clean_title(p.title), p.skills, p.majors) for p in positions]
    out = []
    for _ in range(count):
        n = rng.choice(listing)
        target = positions[n]
        own = rng.sample(target.skills, min(len(target.skills), rng.randint(1, 2)))
        skills = [_noisy(s, rng) for s in [*own, *rng.sample(every_skill, rng.randint(0, 1))]]
        if target.majors and rng.random() < 0.7:
            major = rng.choice(target.majors)
        else:
            major = rng.choice([m for m in every_major if m not in target.majors])
        out.append(
            (
                {"major": major, "skills": skills},
                {m: 1 for m, sig in enumerate(signature) if sig == signature[n]},
            )
        )
    return positions, out


class Baselines:
    """The two naive rankers over one fair: every (query word, posting field) pair scored."""

    def __init__(self, records: list[PositionRecord]) -> None:
        self.titles = [default_process(r.title) for r in records]
        self.skills = [[default_process(s) for s in r.skills] for r in records]
        self.texts = [default_process(r.description) for r in records]
        self.folded = [_fold(f"{r.title} {' '.join(r.skills)} {r.description}") for r in records]
        self.order = np.argsort(np.array([r.id for r in records]), kind="stable")

    def _words(self, query: dict) -> list[str]:
        return [*query.get("skills", ()), *query.get("titles", ())]

    def exact(self, query: dict) -> list[int]:
        words = [_fold(w) for w in self._words(query)]
        scores = np.array([sum(w in t for w in words) for t in self.folded], dtype=float)
        return self._top(scores)

    def wratio(self, query: dict) -> list[int]:
        total = np.zeros(len(self.titles))
        for word in (default_process(w) for w in query.get("skills", ())):
            best = process.cdist([word], self.texts, scorer=fuzz.WRatio, workers=2)[0]
            flat = [(n, s) for n, own in enumerate(self.skills) for s in own]
            if flat:
                listed = process.cdist([word], [s for _, s in flat], scorer=fuzz.WRatio)[0]
                np.maximum.at(best, [n for n, _ in flat], listed)
            total += 0.6 * best
        for title in (default_process(t) for t in query.get("titles", ())):
            total += 0.4 * process.cdist([title], self.titles, scorer=fuzz.WRatio, workers=2)[0]
        return self._top(total)

    def _top(self, scores: np.ndarray) -> list[int]:
        ordered = self.order[np.argsort(-scores[self.order], kind="stable")]
        return ordered[:K].tolist()


def ndcg(ranked: list[int], grades: dict[int, int]) -> float:
    gain = sum((2 ** grades.get(p, 0) - 1) / math.log2(i + 2) for i, p in enumerate(ranked[:K]))
    ideal = sorted(grades.values(), reverse=True)[:K]
    best = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return gain / best if best else 0.0


def mrr(ranked: list[int], grades: dict[int, int]) -> float:
    top = max(grades.values(), default=0)
    return next((1 / (i + 1) for i, p in enumerate(ranked[:K]) if grades.get(p, 0) == top and top), 0.0)


def evaluate(records: list[PositionRecord], queries: list, weights=None) -> dict[str, tuple[float, float]]:
    """Mean NDCG@10 and MRR (first top-graded posting in the top 10) per ranker."""
    index = MatchIndex.build(records, version="quality", weights=weights)
    where = {r.id: n for n, r in enumerate(records)}
    base = Baselines(records)
    rankers = {
        "engine": lambda q: [where[r["position"]["id"]] for r in index.match(q, limit=K)["results"]],
        "exact": base.exact,
        "wratio": base.wratio,
    }
    out = {}
    for name, rank in rankers.items():
        pairs = [(ndcg(ranked, grades), mrr(ranked, grades)) for q, grades in queries for ranked in [rank(q)]]
        out[name] = tuple(round(float(np.mean(v)), 3) for v in zip(*pairs, strict=True))
    return out


OWN_ALIASES = aliases_module.ALIASES_PATH


def _use_aliases(path: Path) -> None:
    """Read skill aliases from ``path`` from now on: every cached function forgets what it read before."""
    aliases_module.ALIASES_PATH = path
    for cached in gc.get_objects():
        if isinstance(cached, functools._lru_cache_wrapper):
            cached.cache_clear()


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--skills", type=int, default=150, help="skill queries on the real postings")
    parser.add_argument("--requirements", type=int, default=150, help="skill queries on the tagged postings")
    parser.add_argument(
        "--wishes", type=int, default=150, help="wish-and-skills queries on the tagged postings"
    )
    parser.add_argument("--generated", type=int, default=150, help="generated profiles on the default fair")
    parser.add_argument("--weights", type=json.loads, default={}, help="engine weight overrides, JSON")
    parser.add_argument("--only", default="", help="measure only the sets whose names contain this")
    parser.add_argument(
        "--query-aliases",
        type=Path,
        help="draw the queries with this alias list (another commit's skill_aliases.tsv); rank with ours",
    )
    options = parser.parse_args(argv)
    weights = default_weights().with_overrides(**options.weights)
    if options.query_aliases:
        _use_aliases(options.query_aliases)
    rng = random.Random(SEED)
    records, categories = neitui()
    titles = title_queries(records, categories)
    sets = {
        "titles (neitui)": (records, titles),
        "titles mistyped (neitui)": (records, mistyped(titles, random.Random(SEED + 2))),
        "skills (neitui)": (records, skill_queries(records, options.skills, rng)),
    }
    sets["skills in phrases (neitui)"] = (
        records,
        phrased(sets["skills (neitui)"][1], random.Random(SEED + 3)),
    )
    sets["skills in longer phrases (neitui)"] = (
        records,
        long_phrased(sets["skills (neitui)"][1], random.Random(SEED + 4)),
    )
    listed = tagged(records)
    asked = requirement_queries(listed, options.requirements, random.Random(SEED + 1))
    sets["requirements (neitui, tagged)"] = (listed, asked)
    sets["requirements, tags as written (neitui)"] = (written_tags(records, random.Random(SEED + 7)), asked)
    category_of = {r.id: c for r, c in zip(records, categories, strict=True)}
    # The same seekers, naming their job and not: each set draws them with a generator seeded alike.
    jobs = [category_of[r.id] for r in listed]
    seekers = (listed, jobs, common_titles(records, categories), options.wishes)
    sets["wish and skills (neitui, tagged)"] = (listed, wish_queries(*seekers, random.Random(SEED + 5)))
    unnamed = wish_queries(*seekers, random.Random(SEED + 5), named=False)
    sets["skills for a job (neitui, tagged)"] = (listed, unnamed)
    fair, generated = generated_queries(options.generated, rng)
    sets["generated (default fair)"] = (fair, generated)
    sets["major and skills (default fair)"] = major_queries(options.generated, random.Random(SEED + 6))
    if options.query_aliases:
        _use_aliases(OWN_ALIASES)
    report = {
        name: {"queries": len(qs), **evaluate(recs, qs, weights)}
        for name, (recs, qs) in sets.items()
        if options.only in name
    }
    if options.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        rankers = " | ".join(f"{r} NDCG@{K} | {r} MRR" for r in ("engine", "exact", "wratio"))
        print(f"| set | queries | {rankers} |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for name, row in report.items():
            cells = [f"{row[r][0]:.3f} | {row[r][1]:.3f}" for r in ("engine", "exact", "wratio")]
            print(f"| {name} | {row['queries']} | " + " | ".join(cells) + " |")
    return report


if __name__ == "__main__":
    main()
