"""HTTP benchmark: the service under gunicorn (2 workers), driven by wrk for a fixed time.

Prints JSON: requests per second for ranking (`POST /api/v1/matches`, varied profiles) and for `/healthz` on
the same server, and their ratio. Needs `wrk` (Debian package `wrk`); `make bench` installs it when it can.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import Server  # noqa: E402

TYPO_SEED = 20230820


def profiles(count: int) -> list[dict]:
    """Seeker profiles drawn from the default fair's own skills and titles, some with typos."""
    doc = json.loads((ROOT / "fixtures" / "qixing-2023.json").read_text(encoding="utf-8"))
    skills = sorted({s for e in doc["employers"] for p in e["positions"] for s in p.get("skills", [])})
    titles = sorted({p["title"] for e in doc["employers"] for p in e["positions"]})
    rng = random.Random(TYPO_SEED)
    out = []
    for _ in range(count):
        chosen = rng.sample(skills, rng.randint(1, 5))
        chosen = [s[:-2] + s[-1] + s[-2] if len(s) > 5 and rng.random() < 0.3 else s for s in chosen]
        profile = {"skills": chosen, "limit": 20}
        if rng.random() < 0.5:
            profile["titles"] = [rng.choice(titles)[:6]]
        if rng.random() < 0.5:
            profile["education"] = rng.choice(["high_school", "associate", "bachelor"])
            profile["expected_salary"] = rng.choice([4000, 5000, 6000, 8000])
        out.append(profile)
    return out


LUA = """
local bodies = {%s}
local i = 0
request = function()
  i = i %% #bodies + 1
  return wrk.format("POST", "/api/v1/matches", {["Content-Type"] = "application/json"}, bodies[i])
end
"""


def lua_script(path: Path, bodies: list[dict]) -> Path:
    encoded = (json.dumps(json.dumps(b, ensure_ascii=False), ensure_ascii=False) for b in bodies)
    path.write_text(LUA % ",".join(encoded), encoding="utf-8")
    return path


def wrk(url: str, seconds: int, connections: int, script: Path | None = None) -> float:
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script:
        cmd += ["-s", str(script)]
    output = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        raise SystemExit(f"{non_2xx.group(1)} requests failed:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp), workers=args.workers, threads=1)
        try:
            repeated = lua_script(Path(tmp) / "repeated.lua", profiles(500))
            # Every request different (a distinct expected salary), so no answer is served from the cache.
            distinct = lua_script(
                Path(tmp) / "distinct.lua",
                [{**p, "expected_salary": 3000 + i} for i, p in enumerate(profiles(500) * 60)],
            )
            url = f"{server.url}/api/v1/matches"
            wrk(url, 3, args.connections, repeated)  # warm every worker's index and caches
            health = wrk(f"{server.url}/healthz", args.seconds, args.connections)
            matches_repeated = wrk(url, args.seconds, args.connections, repeated)
            matches_distinct = wrk(url, args.seconds, args.connections, distinct)
        finally:
            server.stop()
    print(json.dumps({
        "machine": {"cpu_count": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version()},
        "server": {"gunicorn_workers": args.workers,
                   "load": f"wrk -t2 -c{args.connections} -d{args.seconds}s"},
        "healthz_rps": round(health, 1),
        "matches_rps_500_profiles_repeating": round(matches_repeated, 1),
        "matches_rps_all_distinct": round(matches_distinct, 1),
        "ratio_repeating_to_healthz": round(matches_repeated / health, 3),
        "ratio_distinct_to_healthz": round(matches_distinct / health, 3),
    }, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
