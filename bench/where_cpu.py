"""Where a worker's CPU goes: py-spy samples every gunicorn worker while wrk drives one kind of request, and
each sample counts for the part of the request path its innermost frame of a known module belongs to.

A part's share times the worker CPU a request of the same phase gives its milliseconds a request. py-spy only
samples threads that run (not a worker waiting on its sockets) and reads the workers without stopping them.
Needs py-spy (requirements-dev.txt) and leave to read another process's memory (root, or ptrace allowed);
without them the phase answers why it could not run.

    python bench/where_cpu.py stacks.txt...    # the parts of py-spy `record -f raw` files
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

# (part, module paths as py-spy names them); a frame belongs to the first part one of whose paths starts it.
PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("server: gunicorn and gevent (parse, write, access log, keep-alive)", ("gunicorn/", "gevent/")),
    ("Flask and werkzeug dispatch", ("flask/", "werkzeug/")),
    ("request guards (body limits, JSON checks, auth)", ("service/guard/", "service/errors.py",
                                                          "service/auth.py")),
    ("views and validation (flask-smorest, webargs, marshmallow)", ("flask_smorest/", "webargs/",
                                                                    "marshmallow/", "service/api/")),
    ("answer cache, freshness and JSON encoding", ("service/ranking.py", "service/narrowing.py")),
    ("demand counter", ("service/store/demand.py",)),
    ("engine: reading the profile as typed", ("matching/profile.py", "matching/normalize.py",
                                              "matching/lexicon.py", "matching/pinyin.py",
                                              "matching/aliases.py", "matching/reference.py",
                                              "matching/industry.py", "matching/majors.py",
                                              "matching/titles.py", "opencc/")),
    ("engine: fuzzy evidence (skills, titles, descriptions)", ("matching/skills.py", "matching/similarity.py",
                                                               "matching/postings.py", "matching/mentions.py",
                                                               "matching/title_space.py",
                                                               "matching/title_words.py", "rapidfuzz/")),
    ("engine: explanations and profile echo", ("matching/explain.py",)),
    ("engine: scoring, filters and top-k", ("matching/index.py", "matching/scoring.py",
                                            "matching/columns.py", "matching/weights.py")),
)  # fmt: skip
OTHER = "other (interpreter, threads, libraries called from none of the above)"
FRAME = re.compile(r"\((?P<path>[^()]*?)(?::\d+)?\)$")


def part_of(frame: str) -> str | None:
    """The part a py-spy frame (``function (path:line)``) belongs to, None for a module of no part."""
    found = FRAME.search(frame)
    path = found.group("path") if found else ""
    for part, prefixes in PARTS:
        if path.startswith(prefixes):
            return part
    return None


def parts(lines: Iterable[str]) -> Counter:
    """Samples per part in py-spy's raw output: ``frame;frame;... count`` lines, outermost frame first."""
    counts: Counter = Counter()
    for line in lines:
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if not stack or not count.isdigit():
            continue
        found = (part_of(frame) for frame in reversed(stack.split(";")))
        counts[next((p for p in found if p is not None), OTHER)] += int(count)
    return counts


def share(counts: Counter, cpu_ms_per_request: float) -> dict:
    """Each part's share of the samples and its milliseconds of worker CPU a request, largest first."""
    total = sum(counts.values())
    return {
        "samples": total,
        "parts": {
            part: {"share": round(n / total, 3), "ms_per_request": round(cpu_ms_per_request * n / total, 3)}
            for part, n in counts.most_common()
        },
    }


def py_spy() -> str | None:
    local = Path(sys.executable).parent / "py-spy"
    return str(local) if local.exists() else shutil.which("py-spy")


def profile(pids: list[int], seconds: int, load: Callable[[], dict], workdir: Path, rate: int = 200) -> dict:
    """Run ``load`` (a wrk phase answering its figures, worker CPU a request among them) while py-spy samples
    the workers; the phase's figures with the parts of its CPU, or why the sampling could not be done."""
    binary = py_spy()
    if binary is None:
        return {"unavailable": "py-spy is not installed (requirements-dev.txt)"}
    outputs = [workdir / f"spy-{pid}.txt" for pid in pids]
    for out in outputs:
        out.unlink(missing_ok=True)  # an earlier phase's, of the same workers

    def record(pid: int, out: Path) -> subprocess.Popen:
        command = f"record --pid {pid} --duration {seconds + 1} --rate {rate} --format raw --nonblocking"
        return subprocess.Popen([binary, *command.split(), "--output", str(out)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip

    spies = [record(pid, out) for pid, out in zip(pids, outputs, strict=True)]
    time.sleep(0.5)  # py-spy attaches before the load starts; samples of idle workers are not recorded
    result = load()
    errors = [spy.communicate(timeout=seconds + 60)[1] for spy in spies]
    if any(spy.returncode for spy in spies) or not all(out.exists() for out in outputs):
        lines = [line.strip() for e in errors for line in e.splitlines() if line.strip()]
        reason = next((line for line in lines if line.startswith("Error")), "py-spy failed")
        return {**result, "unavailable": reason}
    counts = sum((parts(out.read_text().splitlines()) for out in outputs), Counter())
    if not counts:
        return {**result, "unavailable": "py-spy recorded no samples"}
    return {**result, **share(counts, result["worker_cpu_ms_per_request"])}


if __name__ == "__main__":
    import json

    files = sys.argv[1:] or sys.exit(__doc__)
    counts = sum((parts(Path(f).read_text().splitlines()) for f in files), Counter())
    print(json.dumps(share(counts, 1.0), indent=2, ensure_ascii=False))
