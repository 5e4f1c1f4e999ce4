"""The data-version lease: no SQL per ranking request, and after a write answers, every instance ranks it."""

from __future__ import annotations

import gc
import weakref

from sqlalchemy import event

from service import create_app
from service.ranking import VERSION_SQL
from service.store import demand
from service.store.db import get_engine

from .builders import employer, fair_doc, position, small_fair
from .conftest import TOKEN, database_url

ORGANISER = {"Authorization": f"Bearer {TOKEN}"}


def version_reads(app) -> list[str]:
    seen: list[str] = []

    @event.listens_for(get_engine(app), "before_cursor_execute")
    def _count(conn, cursor, statement, *args) -> None:
        if statement == VERSION_SQL:
            seen.append(statement)

    return seen


def top_id(client, **profile) -> str:
    response = client.post("/api/v1/matches", json=profile)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["results"][0]["position"]["id"]


def test_requests_within_a_lease_do_not_ask_the_database(make_app):
    writer = make_app()
    assert writer.test_client().post("/api/v1/fixtures?mode=replace", json=small_fair(),
                                     headers=ORGANISER).status_code == 200  # fmt: skip
    app = make_app(FAIR_VERSION_LEASE_SECONDS=3600)  # reads only: a write here would wait an hour
    client = app.test_client()
    top_id(client, skills=["Python"])  # reads the version and builds the index
    reads = version_reads(app)
    for n in range(5):
        top_id(client, skills=["Python"], expected_salary=4000 + n)
    assert reads == []


def test_after_a_load_answers_every_instance_ranks_the_new_data(make_app):
    writer, reader = make_app(FAIR_VERSION_LEASE_SECONDS=1), make_app(FAIR_VERSION_LEASE_SECONDS=1)
    w, r = writer.test_client(), reader.test_client()
    assert w.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=ORGANISER).status_code == 200
    assert top_id(r, skills=["Scratch"]) == "E03-P02"  # the reader's index and version read are now warm
    moved = fair_doc(
        employer("E09", "新单位", positions=[position("E09-P01", "编程讲师", skills=["Scratch"])])
    )
    assert w.post("/api/v1/fixtures?mode=replace", json=moved, headers=ORGANISER).status_code == 200
    # The reader read the version well within its lease, so only the writer's wait makes this hold.
    assert top_id(r, skills=["Scratch"]) == "E09-P01"


def test_a_correction_through_another_instance_is_ranked_at_once(make_app):
    writer, reader = make_app(FAIR_VERSION_LEASE_SECONDS=1), make_app(FAIR_VERSION_LEASE_SECONDS=1)
    w, r = writer.test_client(), reader.test_client()
    assert w.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=ORGANISER).status_code == 200
    assert top_id(r, skills=["Scratch"]) == "E03-P02"
    gone = w.delete("/api/v1/positions/E03-P02", headers=ORGANISER)
    assert gone.status_code == 200, gone.get_json()
    assert top_id(r, skills=["Scratch"]) != "E03-P02"


def test_answer_cache_is_bounded_by_bytes(make_app):
    app = make_app(FAIR_ANSWER_CACHE_BYTES=40_000)
    client = app.test_client()
    assert (
        client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=ORGANISER).status_code == 200
    )
    ranking = app.extensions["fairmatch.ranking"]
    for n in range(40):
        top_id(client, skills=["Python"], expected_salary=3000 + n)
    assert 0 < ranking.cache_bytes <= 40_000
    assert len(ranking._answers) < 40
    first = client.post("/api/v1/matches", json={"skills": ["Python"], "expected_salary": 3039}).get_data()
    again = client.post("/api/v1/matches", json={"skills": ["Python"], "expected_salary": 3039}).get_data()
    assert first == again


def test_a_burst_when_the_lease_runs_out_reads_the_version_once(make_app):
    """Twenty requests that find the lease over while one read is under way wait for it: one query, not a
    connection each (under a livestream burst, a connection each emptied the pool: 503s)."""
    import threading
    import time

    writer = make_app()
    assert writer.test_client().post("/api/v1/fixtures?mode=replace", json=small_fair(),
                                     headers=ORGANISER).status_code == 200  # fmt: skip
    app = make_app(FAIR_VERSION_LEASE_SECONDS=1.0)
    top_id(app.test_client(), skills=["Python"])  # the index is built
    time.sleep(1.1)  # the lease is over
    reads = version_reads(app)

    @event.listens_for(get_engine(app), "before_cursor_execute")
    def _slow(conn, cursor, statement, *args) -> None:
        if statement == VERSION_SQL:
            time.sleep(0.3)  # a busy database: every other request arrives during the read

    start = threading.Barrier(20)
    answers: list[str] = []

    def seeker() -> None:
        client = app.test_client()
        start.wait()
        answers.append(top_id(client, skills=["Python"]))

    threads = [threading.Thread(target=seeker) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == 20
    assert len(reads) == 1


def fair_version(client) -> int:
    return client.get("/api/v1/fair").get_json()["data_version"]


def test_a_write_answers_after_its_instance_has_built_the_new_index(make_app):
    app = make_app()
    client = app.test_client()
    ranking = app.extensions["fairmatch.ranking"]
    for document in (
        small_fair(),
        fair_doc(employer("E09", "新单位", positions=[position("E09-P01", "讲师")])),
    ):
        assert (
            client.post("/api/v1/fixtures?mode=replace", json=document, headers=ORGANISER).status_code == 200
        )
        # No match was asked: the write itself left the index on the version it made.
        assert ranking.built_version == str(fair_version(client))
    assert client.delete("/api/v1/positions/E09-P01", headers=ORGANISER).status_code == 200
    assert ranking.built_version == str(fair_version(client))


def test_without_prebuild_the_first_match_builds_the_index(make_app):
    app = make_app(FAIR_PREBUILD_INDEX=False)
    client = app.test_client()
    assert (
        client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=ORGANISER).status_code == 200
    )
    ranking = app.extensions["fairmatch.ranking"]
    assert ranking.built_version is None
    top_id(client, skills=["Python"])
    assert ranking.built_version == str(fair_version(client))


def test_a_watching_instance_builds_another_instances_load_unasked(make_app):
    import time

    writer = make_app()
    w = writer.test_client()
    assert w.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=ORGANISER).status_code == 200
    reader = make_app(FAIR_PREBUILD_INDEX=False)
    ranking = reader.extensions["fairmatch.ranking"]
    ranking.watch()
    moved = fair_doc(
        employer("E09", "新单位", positions=[position("E09-P01", "编程讲师", skills=["Scratch"])])
    )
    assert w.post("/api/v1/fixtures?mode=replace", json=moved, headers=ORGANISER).status_code == 200
    wanted = str(fair_version(w))
    deadline = time.monotonic() + 30
    while ranking.built_version != wanted and time.monotonic() < deadline:
        time.sleep(0.02)
    assert ranking.built_version == wanted  # built by the watch: the reader was never asked to rank
    watch = ranking.watch()
    assert ranking.watch() is watch  # one watch per worker
    ranking.stop_watching()  # as the tests' teardown does, before a database is dropped under it
    assert not watch.is_alive()


def test_a_failing_rebuild_after_a_write_does_not_fail_the_write(make_app, monkeypatch):
    app = make_app()
    ranking = app.extensions["fairmatch.ranking"]

    def broken() -> None:
        raise RuntimeError("index build failed")

    monkeypatch.setattr(ranking, "_current", broken)
    client = app.test_client()
    assert (
        client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=ORGANISER).status_code == 200
    )
    monkeypatch.undo()
    assert top_id(client, skills=["Scratch"]) == "E03-P02"


def test_an_app_no_longer_used_is_collected_with_its_index(make_app, tmp_path):
    # The rebuild after a write is registered on the engine; it must not keep the app (its ranking, its index)
    # alive once nothing else refers to it, as a process that makes apps (a test run) would otherwise grow.
    make_app()  # a clean database
    app = create_app({"DATABASE_URL": database_url(tmp_path), "FAIR_ADMIN_TOKEN": TOKEN, "TESTING": True,
                      "FAIR_LOAD_DEFAULT": False, "FAIR_VERSION_LEASE_SECONDS": 0.02})  # fmt: skip
    client = app.test_client()
    assert (
        client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=ORGANISER).status_code == 200
    )
    assert client.post("/api/v1/matches", json={"skills": ["Python"]}).status_code == 200
    index = weakref.ref(app.extensions["fairmatch.ranking"].index())
    dropped = weakref.ref(app)
    demand.counter(app).close()
    get_engine(app).dispose()
    del app, client
    gc.collect()
    assert dropped() is None and index() is None
