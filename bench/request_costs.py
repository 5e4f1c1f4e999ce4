"""What hostile but valid requests cost besides a match: each endpoint's ordinary request beside the costliest
inputs its schema accepts (long and repeated queries, pinyin-like and mixed-script text, many parameters,
wide or deep JSON, many headers), in CPU milliseconds of this process (the Flask test client on the default
fair, rate limits off). Each row is the median of ``--repeat`` calls after one warm-up call, the first row of
each endpoint its ordinary request (``x_ordinary``: how many times its cost); inputs marked "new" or "never
seen" differ from call to call, past the caches. Prints JSON with the machine.

    .venv/bin/python bench/request_costs.py --repeat 5
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_matching import machine  # noqa: E402
from service import create_app  # noqa: E402

TOKEN = "bench-organiser"
LINE = 4000  # gunicorn refuses a request line over 4,094 bytes: what a query string can hold


def _q(text: str, room: int = LINE - 60) -> str:
    """``text`` cut to what fits a request line once percent-encoded."""
    while len(quote(text)) > room:
        text = text[: max(1, len(text) * 9 // 10)]
    return quote(text)


def cases(fair: dict) -> dict[str, list[tuple[str, Callable]]]:
    """Endpoint -> [(input, call(client))], the first of each the ordinary request."""
    skill = "Python"
    cjk = "".join(sorted({c for e in fair["employers"] for p in e["positions"] for c in p["title"]}))
    auth = {"Authorization": f"Bearer {TOKEN}"}

    def get(url: str, **kw) -> Callable:
        return lambda c, n: c.get(url.replace("{n}", quote(cjk[n % len(cjk)])), **kw)

    def post(url: str, body: object, **kw) -> Callable:
        return lambda c, n: c.post(url, json=body, **kw)

    def fresh(url: str, profile: Callable[[int], dict]) -> Callable:
        return lambda c, n: c.post(url, json=profile(n))

    def raw(url: str, text: str) -> Callable:
        return lambda c, n: c.post(url, data=text, content_type="application/json")

    def long_profile(n: int = 0) -> dict:
        """The longest profile the schema takes, of the fair's characters; ``n`` shifts it (never seen)."""
        return {
            "skills": [(cjk * 3)[n + i : n + i + 100] for i in range(0, 50 * 7, 7)],
            "titles": [(cjk * 3)[n + i : n + i + 100] for i in range(1, 100, 10)],
            "industries": ["software_it"] * 20,
            "major": "计算机科学与技术" * 12,
            "expected_salary": 6000,
        }

    ordinary = [s for e in fair["employers"] for p in e["positions"] for s in p.get("skills") or ()]
    candidate = {"id": "c", "skills": [skill, "Excel", "会计"], "titles": ["会计"]}
    maximal = [dict(long_profile(n), id=f"c{n}") for n in range(1000)]
    positions = "/api/v1/positions?"
    suggest = "/api/v1/skills/suggest?q="
    return {
        "GET /skills/suggest": [
            ("q=pyt", get(suggest + "pyt")),
            ("q=kuaiji", get(suggest + "kuaiji")),
            ("q=a×100", get(suggest + "a" * 100)),
            ("q=pinyin-like ×100", get(suggest + ("zhangshengzhi" * 10)[:100])),
            ("q=zhang×19 + a new character", get(suggest + "zhang" * 19 + "{n}")),
            ("q=shi×33 + a new character", get(suggest + "shi" * 33 + "{n}")),
            ("q=mixed 会ji×33", get(suggest + quote(("会ji" * 40)[:99]) + "{n}")),
            ("q=会×99 + a new character", get(suggest + quote("会" * 99) + "{n}")),
            ("q=99 fair characters + a new one", get(suggest + quote(cjk[:99]) + "{n}")),
            ("q=a b ×50 (spaces)", get(suggest + quote("a " * 50))),
            ("q=ab…×100 latin", get(suggest + ("abcdefghij" * 10))),
        ],
        "POST /guidance": [
            (
                "3 skills of the fair, never seen",
                fresh("/api/v1/guidance", lambda n: {"skills": ordinary[3 * n : 3 * n + 3]}),
            ),
            ("maximal, never seen: 50×100 fair chars, 10 titles", fresh("/api/v1/guidance", long_profile)),
        ],
        "GET /positions": [
            ("limit=20", get(positions + "limit=20")),
            ("filters", get(positions + "industry=software_it&education=associate&min_salary=6000")),
            ("q=会计 (9 words with its synonyms)", get(positions + "q=" + quote("会计"))),
            ("q=普工 (23 words with its synonyms)", get(positions + "q=" + quote("普工"))),
            ("q=4 KB latin", get(positions + "q=" + "a" * (LINE - 40))),
            ("q=4 KB CJK", get(positions + "q=" + _q(cjk * 10))),
            ("q=4 KB of %_", get(positions + "q=" + _q("%_" * 2000))),
            ("offset=1000000", get(positions + "offset=1000000")),
            ("sort=salary&offset=3000&limit=100", get(positions + "sort=salary&offset=3000&limit=100")),
            ("limit=100", get(positions + "limit=100")),
            ("benefits=all 3", get(positions + "benefits=" + quote("双休,五险一金,包吃住"))),
            (
                "benefits repeated ×300",
                get(positions + "&".join(["benefits=" + quote("双休")] * 300)[:LINE].rpartition("&")[0]),
            ),
            ("industry repeated ×400", get(positions + "&".join(["industry=C"] * 400))),
            ("industry=C,C,… ×1300", get(positions + "industry=" + ",".join(["C"] * 1300))),
            ("major=会计", get(positions + "major=" + quote("会计"))),
            ("major=99 CJK + a new one", get(positions + "major=" + quote(cjk[:99]) + "{n}")),
            ("major=100 latin", get(positions + "major=" + "abcdefghij" * 10)),
            (
                "1,000 unknown parameters",
                get(positions + "&".join(f"x{n}=1" for n in range(1000))[:LINE].rpartition("&")[0]),
            ),
            ("employer=E001", get(positions + "employer=E001")),
        ],
        "GET /employers": [
            ("default", get("/api/v1/employers")),
            ("sort=name", get("/api/v1/employers?sort=name")),
            ("sort=name&q=4 KB", get("/api/v1/employers?sort=name&q=" + "a" * (LINE - 60))),
            (
                "ownership repeated ×600",
                get(
                    "/api/v1/employers?"
                    + "&".join(["ownership=" + quote("国企")] * 600)[:LINE].rpartition("&")[0]
                ),
            ),
            ("one employer", get("/api/v1/employers/E001")),
            ("qr.svg", get("/api/v1/employers/E001/qr.svg")),
            (
                "qr.svg, a new Host each time",
                lambda c, n: c.get(
                    "/api/v1/employers/E001/qr.svg", base_url=f"http://{'a' * 60}.{'b' * 60}.{n}.cn"
                ),
            ),
        ],
        "GET /fair, /industries": [
            ("/healthz", get("/healthz")),
            ("/fair", get("/api/v1/fair")),
            ("/industries", get("/api/v1/industries")),
        ],
        "GET /stats/*": [
            ("/stats/pay", get("/api/v1/stats/pay", headers=auth)),
            ("/stats/demand?limit=100", get("/api/v1/stats/demand?limit=100", headers=auth)),
            ("/stats/training?limit=50", get("/api/v1/stats/training?limit=50", headers=auth)),
        ],
        "POST /matches/batch": [
            ("1 candidate", post("/api/v1/matches/batch", {"candidates": [candidate]})),
            (
                "1,000 maximal, compact",
                post("/api/v1/matches/batch", {"candidates": maximal, "compact": True}),
            ),
        ],
        "guard": [
            ("GET /industries", get("/api/v1/industries")),
            (
                "a query of 1,300 parameters (4 KB)",
                get("/api/v1/industries?" + "&".join(["a=1"] * 1300)[:LINE].rpartition("&")[0]),
            ),
            (
                "99 headers of 8 KB",
                get("/api/v1/industries", headers={f"X-H{n}": "a" * 8000 for n in range(99)}),
            ),
            (
                "JSON 31 deep",
                post("/api/v1/matches", {"skills": [skill], "x": json.loads("[" * 31 + "]" * 31)}),
            ),
            (
                "JSON object of 5,000 keys",
                raw("/api/v1/matches", "{" + ",".join(f'"k{n}":0' for n in range(5000)) + "}"),
            ),
            (
                "JSON of 20,000 empty arrays",
                raw("/api/v1/matches", '{"x":[' + ",".join(["[]"] * 20000) + "]}"),
            ),
            (
                "JSON of 20,000 empty objects",
                raw("/api/v1/guidance", '{"x":[' + ",".join(["{}"] * 20000) + "]}"),
            ),
        ],
    }


def run(client, call: Callable, repeat: int) -> tuple[float, int, int]:
    response = call(client, 0)  # warm-up: the first call may build what later ones reuse
    times = []
    for n in range(1, repeat + 1):
        start = time.process_time()
        response = call(client, n)
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times), response.status_code, len(response.get_data())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", help="endpoint groups whose name holds this")
    options = parser.parse_args(argv)
    fair = json.loads((ROOT / "fixtures" / "qixing-2023.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"DATABASE_URL": f"sqlite:///{tmp}/fair.db", "FAIR_ADMIN_TOKEN": TOKEN,
                          "RATELIMIT_ENABLED": False, "TESTING": True})  # fmt: skip
        client = app.test_client()
        out = {"machine": machine(), "rows": []}
        for group, rows in cases(fair).items():
            if options.only and options.only not in group:
                continue
            ordinary = None
            for name, call in rows:
                ms, status, size = run(client, call, options.repeat)
                ordinary = ordinary or ms
                row = {"endpoint": group, "input": name, "cpu_ms": round(ms, 2),
                       "x_ordinary": round(ms / ordinary, 1), "status": status, "bytes": size}  # fmt: skip
                out["rows"].append(row)
                print(json.dumps(row, ensure_ascii=False), file=sys.stderr)
        print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
