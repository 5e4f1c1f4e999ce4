"""Counting the skills seekers ask for: aggregates only, in memory, flushed to the database in batches."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from service.store import demand
from service.store.db import get_engine

from .builders import small_fair

STATS = "/api/v1/stats/demand"
ROOT = Path(__file__).resolve().parent.parent


def echo(*skills: tuple[str, str | None], **more) -> dict:
    """A match answer's profile echo: (input, matched) per skill."""
    return {
        "skills": [{"input": i, "matched": m, "similarity": 0.9 if m else None} for i, m in skills],
        **more,
    }


def stored(app) -> dict[tuple[str, bool], int]:
    with get_engine(app).connect() as conn:
        rows = conn.execute(text("SELECT skill, matched, count FROM skilldemand")).all()
    return {(skill, bool(matched)): count for skill, matched, count in rows}


def test_counts_aggregate_and_the_gap_lists_unmatched_skills(app, client, organiser):
    with app.test_request_context():
        for _ in range(3):
            demand.record(echo(("Pyhton", "Python"), ("Rust", None)))
        demand.record(echo(("python", "Python"), ("rust ", None), ("Ｒｕｓｔ", None), ("区块链", None)))
    body = client.get(STATS, headers=organiser).get_json()
    assert body["top"][:2] == [
        {"skill": "Python", "count": 4, "matched": True},
        {
            "skill": "rust",
            "count": 4,
            "matched": False,
        },  # Rust, rust and Ｒｕｓｔ are one skill; once per profile
    ]
    assert body["gap"] == [
        {"skill": "rust", "count": 4, "matched": False},
        {"skill": "区块链", "count": 1, "matched": False},
    ]
    assert body["requested"] == 9
    assert client.get(f"{STATS}?limit=1", headers=organiser).get_json()["gap"] == body["gap"][:1]


def test_counts_wait_in_memory_and_are_written_in_batches(make_app):
    app = make_app(FAIR_DEMAND_FLUSH_EVERY=3, FAIR_DEMAND_FLUSH_SECONDS=3600)
    counter = demand.counter(app)
    counter.record([echo(("Excel", "Excel"))])
    counter.record([echo(("Excel", "Excel"))])
    counter.wait()
    assert stored(app) == {}  # no write per request
    counter.record([echo(("Excel", "Excel"), ("PS", "Photoshop"))])
    counter.wait()  # the third request wrote the batch from a background thread
    assert stored(app) == {("Excel", True): 3, ("Photoshop", True): 1}
    counter.record([echo(("Excel", "Excel"))] * 3)  # a batch of three profiles
    counter.wait()
    assert stored(app)[("Excel", True)] == 6


def test_a_failed_write_keeps_the_counts_for_the_next_flush(app, monkeypatch):
    counter = demand.counter(app)
    counter.record([echo(("Java", "Java"))])
    monkeypatch.setattr(demand, "_write", lambda *_: (_ for _ in ()).throw(RuntimeError("database away")))
    with pytest.raises(RuntimeError):
        counter.flush()
    monkeypatch.undo()
    counter.flush()
    assert stored(app) == {("Java", True): 1}


def test_counting_never_fails_a_ranking_request(app, monkeypatch):
    monkeypatch.setattr(demand.DemandCounter, "record", lambda *_: 1 / 0)
    with app.test_request_context():
        demand.record(echo(("Java", "Java")))  # logged, not raised


def test_no_profile_is_stored_only_skill_counts(app, client, organiser):
    client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=organiser)
    profile = echo(
        ("数据分析", "数据分析"), titles=[{"input": "数据分析师"}], major="统计学", expected_salary=6789
    )
    with app.test_request_context():
        demand.record(profile)
    client.get(STATS, headers=organiser)
    engine = get_engine(app)
    assert {c["name"] for c in inspect(engine).get_columns("skilldemand")} == {"skill", "matched", "count"}
    with engine.connect() as conn:
        for table in inspect(engine).get_table_names():
            dump = " ".join(str(row) for row in conn.execute(text(f"SELECT * FROM {table}")))
            assert "数据分析师" not in dump and "统计学" not in dump and "6789" not in dump, table
    assert stored(app) == {("数据分析", True): 1}


def test_ranking_requests_are_counted(app, client, organiser):
    client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=organiser)
    client.post("/api/v1/matches", json={"skills": ["Pyhton", "区块链开发"], "major": "统计学"})
    batch = {"candidates": [{"id": "c1", "skills": ["AutoCAD"]}, {"id": "c2", "skills": ["Scratch"]}]}
    client.post("/api/v1/matches/batch", json=batch)
    body = client.get(STATS, headers=organiser).get_json()
    counted = {row["skill"]: row["matched"] for row in body["top"]}
    assert counted["Python"] is True and counted["区块链开发"] is False
    assert counted["AutoCAD"] is True and counted["Scratch"] is True  # batch candidates count too
    assert [row["skill"] for row in body["gap"]] == ["区块链开发"]


def test_counts_pending_at_exit_are_written_by_the_exit_flush(make_app):
    app = make_app(FAIR_DEMAND_FLUSH_EVERY=10_000, FAIR_DEMAND_FLUSH_SECONDS=3600)
    counter = demand.counter(app)
    counter.record([echo(("Excel", "Excel"), ("区块链", None))])
    assert counter.pending == 2 and stored(app) == {}
    assert demand.flush_all() is True  # what atexit calls
    assert stored(app) == {("Excel", True): 1, ("区块链", False): 1}
    assert counter.pending == 0
    counter.record([echo(("Excel", "Excel"))])
    counter.close()  # an app taken down: its pending counts are dropped, not written at exit
    assert demand.flush_all() is True
    assert stored(app) == {("Excel", True): 1, ("区块链", False): 1}


EXIT_SCRIPT = """
import socket
from service.store.db import make_engine
from service.store.demand import DemandCounter

listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(8)  # the kernel accepts connections; nothing ever answers them
url = f"postgresql+psycopg://fair@127.0.0.1:{listener.getsockname()[1]}/fair"
counter = DemandCounter(make_engine(url, connect_timeout=120), every=10**9, seconds=10**9, exit_seconds=0.5)
counter.record([{"skills": [{"input": "Java", "matched": "Java"}]}])
print("exiting", flush=True)
"""


def test_an_exiting_process_is_not_held_by_a_database_that_never_answers():
    # Counts still in memory are written at exit; a database that accepts and never answers would hold the
    # process for the whole connect timeout (here 120 s; a stopping gunicorn worker, a test run) without the
    # exit flush's own bound (0.5 s here).
    done = subprocess.run(
        [sys.executable, "-c", EXIT_SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "exiting" in done.stdout
    assert "skill demand counts not written at exit" in done.stderr
