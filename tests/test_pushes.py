"""Compact batch answers and background pushes: in a thread of the service, and on RQ over a real Redis."""

from __future__ import annotations

import json
import os
import time
import urllib.request

import pytest

import service.turns
from bench.serve import Gunicorn
from service import pushes, ranking

from .builders import small_fair
from .conftest import TOKEN

ORGANISER = {"Authorization": f"Bearer {TOKEN}"}
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/3")
CANDIDATES = [{"id": f"c{n}", "skills": ["Python", "Scratch"] if n % 2 else ["沟通能力"]} for n in range(5)]


def loaded(app):
    client = app.test_client()
    assert (
        client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=ORGANISER).status_code == 200
    )
    return client


def wait_finished(client, push_id: str, **query) -> dict:
    for _ in range(500):
        state = client.get(f"/api/v1/pushes/{push_id}", query_string=query).get_json()
        if state["status"] in {"finished", "failed"}:
            return state
        time.sleep(0.02)
    raise AssertionError(f"push {push_id} never finished: {state}")


def test_compact_batch_has_ids_scores_and_skills_only(app):
    client = loaded(app)
    body = {"candidates": CANDIDATES[:2], "limit": 3}
    full = client.post("/api/v1/matches/batch", json=body).get_json()
    compact = client.post("/api/v1/matches/batch", json={**body, "compact": True}).get_json()
    assert compact["compact"] is True and compact["data_version"] == full["data_version"]
    for slim, whole in zip(compact["results"], full["results"], strict=True):
        assert slim["candidate_id"] == whole["candidate_id"] and slim["total"] == whole["total"]
        assert slim["results"] == [
            {"id": r["position"]["id"], "score": r["score"],
             "matched": [m["position"] for m in r["explanation"]["skills"]["matched"]],
             "missing": r["explanation"]["skills"]["missing"]}
            for r in whole["results"]
        ]  # fmt: skip
    assert compact["results"][1]["results"][0] == {
        "id": "E03-P02", "score": compact["results"][1]["results"][0]["score"],
        "matched": ["Python", "Scratch"], "missing": [],
    }  # fmt: skip


def test_push_runs_in_a_thread_without_redis(app, monkeypatch):
    monkeypatch.setattr(pushes, "CHUNK", 2)
    client = loaded(app)
    accepted = client.post("/api/v1/pushes", json={"candidates": CANDIDATES, "limit": 2})
    assert accepted.status_code == 202
    assert accepted.get_json()["runner"] == "thread"
    state = wait_finished(client, accepted.get_json()["id"], offset=1, limit=3)
    assert state["status"] == "finished" and state["progress"] == {"done": 5, "total": 5}
    assert [item["candidate_id"] for item in state["results"]] == ["c1", "c2", "c3"]
    assert state["results"][0]["results"][0]["id"] == "E03-P02"
    direct = client.post("/api/v1/matches/batch", json={"candidates": CANDIDATES[1:4], "limit": 2,
                                                         "compact": True}).get_json()  # fmt: skip
    assert state["results"] == direct["results"]


def test_a_push_takes_the_compact_batchs_min_score_and_compact_true_only(app):
    client = loaded(app)
    body = {"candidates": CANDIDATES, "limit": 2, "min_score": 0.7}  # 0.53 for c0, c2, c4: below it
    accepted = client.post("/api/v1/pushes", json={**body, "compact": True})
    assert accepted.status_code == 202, accepted.get_json()
    state = wait_finished(client, accepted.get_json()["id"], limit=10)
    direct = client.post("/api/v1/matches/batch", json={**body, "compact": True}).get_json()
    assert state["results"] == direct["results"]
    assert [item["matched"] for item in state["results"]] == [0, 1, 0, 1, 0]
    refused = client.post("/api/v1/pushes", json={**body, "compact": False})
    assert refused.status_code == 422
    assert "compact form only" in refused.get_json()["errors"]["compact"][0]


def test_the_thread_runner_counts_as_work_under_way_while_it_ranks(app, monkeypatch):
    """A gevent worker ranking a push in the background leaves new connections to an idle worker first
    (``gunicorn_conf.Listener`` reads ``turns.working``)."""
    monkeypatch.setattr(pushes, "CHUNK", 2)
    _until_no_push_runs()  # an earlier test's runner thread may still be leaving its last chunk
    seen = []
    rank = pushes.run_chunk

    def counting(push_id: str, number: int) -> int:
        seen.append(service.turns.working)
        return rank(push_id, number)

    monkeypatch.setattr(pushes, "run_chunk", counting)
    client = loaded(app)
    accepted = client.post("/api/v1/pushes", json={"candidates": CANDIDATES, "limit": 2})
    assert wait_finished(client, accepted.get_json()["id"])["status"] == "finished"
    assert seen == [1, 1, 1]  # five candidates in chunks of two
    _until_no_push_runs()  # the thread ends just after its last chunk is stored
    assert service.turns.working == 0


def _until_no_push_runs() -> None:
    for _ in range(100):
        if service.turns.working == 0:
            return
        time.sleep(0.05)


def test_the_long_requests_the_server_knows_are_the_apps_batch_and_push_routes(app):
    """``turns.LONG_REQUESTS`` names routes by method and path for the server (``gunicorn_conf.Listener``):
    each must be a route of the app, or a renamed route would silently stop counting as long work."""
    adapter = app.url_map.bind("localhost")
    for method, path in service.turns.LONG_REQUESTS:
        endpoint, _ = adapter.match(path, method=method)
        assert endpoint in {"matches.BatchView", "pushes.PushesView"}, (method, path, endpoint)


def test_a_long_push_post_takes_turns_while_it_is_parsed_and_stored(app, monkeypatch):
    """A push's POST of 100,000 candidates (20 MB) is read, parsed and stored with turns of the worker's
    other connections between its pieces, and answers as if read at once."""
    from service.guard import body

    parsed, stored = [], []
    monkeypatch.setattr(body, "take_turns", lambda: parsed.append(1))
    monkeypatch.setattr(body, "PIECE", 64)  # a long body: parsed with turns
    monkeypatch.setattr(body._Objects, "EVERY", 2)
    monkeypatch.setattr(pushes, "take_turns", lambda: stored.append(1))
    monkeypatch.setattr(pushes, "CHUNK", 2)
    client = loaded(app)
    parsed.clear()
    text = json.dumps({"candidates": CANDIDATES, "limit": 2}).encode()
    accepted = client.post("/api/v1/pushes", data=text, content_type="application/json")
    assert accepted.status_code == 202
    assert len(parsed) == (len(CANDIDATES) + 1) // 2  # a turn every 2 objects parsed
    assert len(stored) == 3  # a turn after each chunk of 2 is stored
    state = wait_finished(client, accepted.get_json()["id"], limit=5)
    direct = client.post(
        "/api/v1/matches/batch", json={"candidates": CANDIDATES, "limit": 2, "compact": True}
    )
    assert state["results"] == direct.get_json()["results"]


def test_a_push_whose_process_stopped_answers_failed_not_running_for_good(make_app, monkeypatch):
    monkeypatch.setattr(pushes, "CHUNK", 2)

    def stops_after_one_chunk(self, push_id: str, chunks: int) -> None:
        with self.app.app_context():
            self._beat(push_id)
            pushes.run_chunk(push_id, 0)
            self._beat(push_id)  # as before the next chunk; then the process ends (a restart, a deploy)

    monkeypatch.setattr(pushes.Pushes, "_run_here", stops_after_one_chunk)
    client = loaded(make_app(FAIR_PUSH_STALL_SECONDS=0.5))
    push_id = client.post("/api/v1/pushes", json={"candidates": CANDIDATES, "limit": 2}).get_json()["id"]
    for _ in range(100):
        state = client.get(f"/api/v1/pushes/{push_id}").get_json()
        if state["progress"]["done"] == 2:
            break
        time.sleep(0.01)
    assert state["status"] == "running"  # heard from within the last half second
    time.sleep(0.6)
    state = client.get(f"/api/v1/pushes/{push_id}").get_json()
    assert state["status"] == "failed" and state["error"] == pushes.STOPPED
    assert state["progress"] == {"done": 2, "total": 5} and "results" not in state


def test_a_chunk_ending_between_the_reads_of_its_counters_never_shows_a_finished_push_short(app, monkeypatch):
    """A poll reads a push's two counters one after the other; the last chunk may end between them."""
    monkeypatch.setattr(pushes, "CHUNK", 2)
    monkeypatch.setattr(pushes.Pushes, "_run_here", lambda self, push_id, chunks: None)  # ranked below
    client = loaded(app)
    push_id = client.post("/api/v1/pushes", json={"candidates": CANDIDATES, "limit": 2}).get_json()["id"]
    store = app.extensions["fairmatch.pushes"].store
    with app.app_context():
        pushes.run_chunk(push_id, 0)
        pushes.run_chunk(push_id, 1)
    count, ended = store.count, []

    def last_chunk_ends_after_the_first_read(push_id_: str, name: str) -> int:
        value = count(push_id_, name)
        if not ended:
            ended.append(name)
            with app.app_context():
                pushes.run_chunk(push_id, 2)
        return value

    monkeypatch.setattr(store, "count", last_chunk_ends_after_the_first_read)
    state = client.get(f"/api/v1/pushes/{push_id}").get_json()
    assert ended
    assert state["status"] == "running" and state["progress"] == {"done": 5, "total": 5}
    state = client.get(f"/api/v1/pushes/{push_id}").get_json()
    assert state["status"] == "finished" and state["progress"] == {"done": 5, "total": 5}


@pytest.mark.parametrize("where", ["app", "redis_app"])  # state in files under instance/pushes, or in Redis
def test_a_push_has_results_once_finished_and_every_version_on_any_page(request, where, monkeypatch):
    """A client polling a push takes `results` for done: there are none until it is. `total` is on both the
    202 and every status, and `data_versions` names every version the push ranked, on any page."""
    monkeypatch.setattr(pushes, "CHUNK", 2)
    monkeypatch.setattr(pushes.Pushes, "_run_here", lambda self, push_id, chunks: None)  # ranked below
    app = request.getfixturevalue(where)
    client = loaded(app)
    accepted = client.post("/api/v1/pushes", json={"candidates": CANDIDATES, "limit": 2})
    assert accepted.status_code == 202
    push_id = accepted.get_json()["id"]
    assert accepted.headers["Location"] == f"/api/v1/pushes/{push_id}"
    assert accepted.get_json()["total"] == 5
    queued = client.get(accepted.headers["Location"]).get_json()
    assert queued["status"] == "queued" and queued["total"] == 5
    assert "results" not in queued and "data_versions" not in queued
    with app.app_context():
        pushes.run_chunk(push_id, 0)
    first_version = client.get("/api/v1/fair").get_json()["data_version"]
    running = client.get(f"/api/v1/pushes/{push_id}").get_json()
    assert running["status"] == "running" and running["total"] == 5 and "results" not in running
    changed = small_fair()
    changed["employers"][0]["positions"][0]["title"] = "电子工艺工程师（SMT）"
    assert client.post("/api/v1/fixtures?mode=replace", json=changed, headers=ORGANISER).status_code == 200
    second_version = client.get("/api/v1/fair").get_json()["data_version"]
    assert second_version > first_version
    with app.app_context():
        pushes.run_chunk(push_id, 1)
        pushes.run_chunk(push_id, 2)
    every = [first_version, second_version]
    for page in ({"offset": 0, "limit": 1}, {"offset": 4, "limit": 1}, {"offset": 10}, {}):
        state = client.get(f"/api/v1/pushes/{push_id}", query_string=page).get_json()
        assert state["status"] == "finished" and state["total"] == 5, page
        assert state["data_versions"] == every, page
        assert len(state["results"]) == (0 if page.get("offset") == 10 else page.get("limit", 5)), page


def test_the_openapi_document_says_what_a_push_answers(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    accepted = spec["paths"]["/api/v1/pushes"]["post"]["responses"]["202"]
    assert "Location" in accepted["headers"]
    state = spec["components"]["schemas"]["PushState"]["properties"]
    assert {"total", "data_versions", "results"} <= set(state)
    assert "only once finished" in state["results"]["description"]


def test_push_errors(app):
    client = loaded(app)
    assert client.get("/api/v1/pushes/0123abcd").status_code == 404
    assert client.get("/api/v1/pushes/..%2Fetc").status_code == 404
    too_many = client.post("/api/v1/pushes", json={"candidates": [{"id": str(n)} for n in range(100_001)]})
    assert too_many.status_code == 422
    assert too_many.get_json()["errors"] == {"candidates": ["Length must be between 1 and 100000."]}
    twice = client.post("/api/v1/pushes", json={"candidates": [{"id": "x"}, {"id": "y"}, {"id": "x"}]})
    assert twice.status_code == 422
    assert "candidates[0] and candidates[2]" in twice.get_json()["errors"]["candidates"][0]
    assert client.post("/api/v1/pushes", json={"candidates": [{"skills": ["Java"]}]}).status_code == 422


@pytest.mark.parametrize("where", ["app", "redis_app"])  # state in files under instance/pushes, or in Redis
def test_an_id_no_push_can_have_is_a_404(request, where):
    client = request.getfixturevalue(where).test_client()
    for push_id in ("x" * 256, "中" * 90, "0123ABCD" * 4, "0" * 33):  # pushes are named by uuid4().hex
        response = client.get(f"/api/v1/pushes/{push_id}")
        assert response.status_code == 404, push_id
        assert response.get_json()["code"] == 404


@pytest.fixture
def redis_app(make_app):
    redis = pytest.importorskip("redis")
    try:
        client = redis.Redis.from_url(REDIS_URL)
        client.ping()
    except redis.RedisError:
        pytest.skip("no Redis at TEST_REDIS_URL")
    app = make_app(REDIS_URL=REDIS_URL)
    yield app
    for key in client.scan_iter(f"{pushes.store.PREFIX}*"):
        client.delete(key)
    from rq import Queue
    from rq.worker_registration import clean_worker_registry

    Queue(pushes.QUEUE, connection=client).empty()
    clean_worker_registry(Queue(pushes.QUEUE, connection=client))  # workers a test registered and killed


@pytest.fixture
def listening(redis_app):
    """A worker registered on the push queue (as `make worker` registers itself), gone at teardown."""
    from rq import Queue, SimpleWorker

    connection = redis_app.extensions["fairmatch.pushes"].store.client
    worker = SimpleWorker([Queue(pushes.QUEUE, connection=connection)], connection=connection)
    worker.register_birth()
    yield worker
    worker.register_death()


def test_with_no_rq_worker_listening_the_service_ranks_the_push(redis_app, make_app, monkeypatch, caplog):
    from rq import Queue, SimpleWorker

    monkeypatch.setattr(pushes, "CHUNK", 2)
    client = loaded(redis_app)
    connection = redis_app.extensions["fairmatch.pushes"].store.client
    # A worker killed outright: still in the queue's registry, its own key expired with its heartbeat.
    killed = SimpleWorker([Queue(pushes.QUEUE, connection=connection)], connection=connection)
    killed.register_birth()
    connection.delete(killed.key)
    accepted = client.post("/api/v1/pushes", json={"candidates": CANDIDATES, "limit": 2}).get_json()
    assert accepted["runner"] == "thread"
    assert "no worker listens on the RQ queue" in caplog.text
    assert Queue(pushes.QUEUE, connection=connection).count == 0  # nothing left waiting for a worker
    state = wait_finished(client, accepted["id"], limit=10)
    assert state["status"] == "finished" and state["runner"] == "thread"
    assert [item["candidate_id"] for item in state["results"]] == [c["id"] for c in CANDIDATES]
    # The state lives in Redis: another instance of the service answers the same.
    other = make_app(REDIS_URL=REDIS_URL).test_client()
    assert other.get(f"/api/v1/pushes/{accepted['id']}?limit=10").get_json() == state


def test_push_on_rq_is_shared_by_several_workers(redis_app, listening, monkeypatch):
    from rq import Queue, SimpleWorker

    monkeypatch.setattr(pushes, "CHUNK", 2)
    client = loaded(redis_app)
    accepted = client.post("/api/v1/pushes", json={"candidates": CANDIDATES, "limit": 2}).get_json()
    assert accepted["runner"] == "rq"
    assert client.get(f"/api/v1/pushes/{accepted['id']}").get_json()["status"] == "queued"
    connection = redis_app.extensions["fairmatch.pushes"].store.client
    queue = Queue(pushes.QUEUE, connection=connection)
    assert queue.count == 3  # one job per chunk
    with redis_app.app_context():
        first = SimpleWorker([queue], connection=connection)
        first.work(burst=True, max_jobs=1)
        half = client.get(f"/api/v1/pushes/{accepted['id']}").get_json()
        assert half["status"] == "running" and half["progress"]["done"] == 2 and "results" not in half
        assert half["total"] == accepted["total"] == 5
        SimpleWorker([queue], connection=connection).work(burst=True)
    state = client.get(f"/api/v1/pushes/{accepted['id']}?limit=10").get_json()
    assert state["status"] == "finished" and state["progress"]["done"] == 5
    assert [item["candidate_id"] for item in state["results"]] == [c["id"] for c in CANDIDATES]
    past_the_end = client.get(f"/api/v1/pushes/{accepted['id']}?offset=10").get_json()
    assert past_the_end["results"] == [] and past_the_end["data_versions"] == state["data_versions"]


def test_a_chunk_whose_rq_worker_died_fails_its_push(redis_app, listening, monkeypatch):
    from rq import Queue, SimpleWorker
    from rq.job import JobStatus
    from rq.registry import StartedJobRegistry

    monkeypatch.setattr(pushes, "CHUNK", 2)
    client = loaded(redis_app)
    push_id = client.post("/api/v1/pushes", json={"candidates": CANDIDATES, "limit": 2}).get_json()["id"]
    connection = redis_app.extensions["fairmatch.pushes"].store.client
    queue = Queue(pushes.QUEUE, connection=connection)
    with redis_app.app_context():
        SimpleWorker([queue], connection=connection).work(burst=True, max_jobs=1)
    # The next chunk's worker takes it and is killed mid-chunk: the job stays "started" until its time runs
    # out, when RQ's registry clean-up (every worker runs it) finds it abandoned.
    job = queue.jobs[0]
    queue.remove(job)
    job.set_status(JobStatus.STARTED)
    registry = StartedJobRegistry(queue=queue)
    connection.zadd(registry.key, {f"{job.id}:killed": 1})
    assert client.get(f"/api/v1/pushes/{push_id}").get_json()["status"] == "running"
    with redis_app.app_context():  # as in `make worker` (`flask pushes worker`)
        registry.cleanup()
    state = client.get(f"/api/v1/pushes/{push_id}").get_json()
    assert state["status"] == "failed" and state["error"] == pushes.STOPPED
    assert state["progress"] == {"done": 2, "total": 5}


def test_slices_of_costly_items_hold_one_item_each(monkeypatch):
    """Items ranked within TURN_SECONDS a slice go SLICE at a time; once a slice takes longer (maximal
    profiles, up to 150 ms a candidate), one at a time, so a turn comes after each; then SLICE again."""
    now = [0.0]
    monkeypatch.setattr(service.turns.time, "perf_counter", lambda: now[0])
    turns: list[int] = []
    monkeypatch.setattr(service.turns, "take_turns", lambda: turns.append(len(seen)))
    cost = {n: 0.1 if 10 <= n < 20 else 0.001 for n in range(40)}  # seconds each item takes
    seen: list[int] = []
    slices = []
    for part in service.turns.in_turns(list(range(40))):
        slices.append(list(part))
        for n in part:
            seen.append(n)
            now[0] += cost[n]
    assert seen == list(range(40))
    sizes = [len(s) for s in slices]
    assert sizes == [5, 5, 5, 1, 1, 1, 1, 1, 1, 5, 5, 5, 4]  # after 10-14, singles until one is cheap (20)
    assert {15, 16, 17, 18, 19, 20} <= set(turns)  # a turn after each costly item (before: after 20 only)


def test_batches_rank_in_turns_with_the_same_answers_as_all_at_once(app, monkeypatch):
    """A batch is ranked in slices of `turns.SLICE`, the worker's other connections taking turns between two
    slices once `turns.BATCH_PATIENCE` and then `turns.TURN_SECONDS` have passed (here at once, or never),
    and answers as if ranked at once, from one data version."""
    client = loaded(app)
    turns: list[int] = []
    monkeypatch.setattr(service.turns, "take_turns", lambda: turns.append(1))
    monkeypatch.setattr(service.turns, "TURN_SECONDS", 0.0)
    monkeypatch.setattr(service.turns, "BATCH_PATIENCE", 0.0)
    candidates = [
        {"id": f"c{n}", "skills": ["Python", f"技能{n}"] if n % 3 else ["沟通能力"]} for n in range(60)
    ]
    with app.app_context():
        index = ranking.current_index()
        every = index.match_batch(candidates, limit=3)
        compact_every, _ = index.match_compact(candidates, limit=3)
    for compact, expected in ((False, every), (True, compact_every)):
        turns.clear()
        answer = client.post("/api/v1/matches/batch", json={"candidates": candidates, "limit": 3,
                                                            "compact": compact})  # fmt: skip
        assert answer.status_code == 200
        assert answer.get_json()["results"] == expected
        # A first slice of 5 candidates; each slice takes longer than TURN_SECONDS (0 here), so the rest go
        # one at a time: 56 slices, a turn between each two.
        assert len(turns) == 55
    monkeypatch.setattr(service.turns, "BATCH_PATIENCE", 3600.0)  # a batch shorter than that takes none
    turns.clear()
    assert (
        client.post("/api/v1/matches/batch", json={"candidates": candidates, "limit": 3}).status_code == 200
    )
    assert turns == []


def test_a_push_ranked_by_a_gevent_worker_leaves_its_other_requests_answered(tmp_path):
    """Under `make run`'s gevent worker the thread runner is a greenlet of the worker that took the push: it
    takes turns, so the same worker answers other requests while the push is still ranking (before, the
    first status request was answered only once all of it was done)."""
    candidates = [{"id": f"c{n}", "skills": ["Excel", f"仓储管理{n}", f"沟通{n}"]} for n in range(3000)]
    with Gunicorn(tmp_path, workers=1, RATELIMIT_ENABLED="0", REDIS_URL="") as server:

        def call(path: str, body: object | None = None) -> dict:
            data = None if body is None else json.dumps(body).encode()
            request = urllib.request.Request(server.url + path, data, {"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.loads(response.read())

        accepted = call("/api/v1/pushes", {"candidates": candidates, "limit": 5})
        assert accepted["runner"] == "thread"
        assert call("/healthz")["status"] == "ok"
        state = call(f"/api/v1/pushes/{accepted['id']}?limit=1")
        assert state["status"] in {"queued", "running"}, state["status"]
        assert state["progress"]["done"] < len(candidates)
        for _ in range(1200):
            state = call(f"/api/v1/pushes/{accepted['id']}?limit=1")
            if state["status"] in {"finished", "failed"}:
                break
            time.sleep(0.1)
        assert state["status"] == "finished" and state["progress"]["done"] == len(candidates)
