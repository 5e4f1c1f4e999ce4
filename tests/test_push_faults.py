"""A push whose ranking meets a database that does not answer: a short outage is waited out, a long one
fails the push with an error telling the client what to do, never the database's own text."""

from __future__ import annotations

import socket

import pytest
import redis
from sqlalchemy.exc import OperationalError

from service import pushes, ranking

from .test_pushes import CANDIDATES, loaded, wait_finished

SQL = "SELECT data_version FROM fair"


@pytest.fixture
def outage(monkeypatch):
    """`outage(n)`: the next n reads of the ranking index meet a database that refuses connections."""
    monkeypatch.setattr(pushes, "RETRY_DB_SECONDS", 0, raising=False)  # no wait between tries
    real = ranking.Ranking.index

    def start(failures: int) -> None:
        left = [failures]

        def index(self):
            if left[0] > 0:
                left[0] -= 1
                raise OperationalError(SQL, {}, ConnectionRefusedError("connection to 10.0.0.5:5432 refused"))
            return real(self)

        monkeypatch.setattr(ranking.Ranking, "index", index)

    return start


def test_a_push_waits_out_a_short_database_outage(app, outage):
    client = loaded(app)
    outage(2)  # a chunk tries three times
    push = client.post("/api/v1/pushes", json={"candidates": CANDIDATES, "limit": 2}).get_json()
    state = wait_finished(client, push["id"])
    assert state["status"] == "finished", state
    assert [item["candidate_id"] for item in state["results"]] == [c["id"] for c in CANDIDATES]


def test_a_push_failed_by_the_database_says_to_send_it_again_and_nothing_of_the_database(app, outage):
    client = loaded(app)
    outage(3)
    push = client.post("/api/v1/pushes", json={"candidates": CANDIDATES, "limit": 2}).get_json()
    state = wait_finished(client, push["id"])
    assert state["status"] == "failed"
    assert state["error"] == "the database did not answer while this push was ranked; send the push again"
    assert "10.0.0.5" not in state["error"] and "SELECT" not in state["error"]
    assert "results" not in state


def _silent_port() -> tuple[socket.socket, int]:
    """A port that accepts connections and never answers (a hung Redis)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    return listener, listener.getsockname()[1]


def _refused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again: nothing listens there


@pytest.mark.parametrize("fault", ["refused", "silent"])
def test_a_redis_that_does_not_answer_is_503_with_retry_after(make_app, fault):
    listener, port = _silent_port() if fault == "silent" else (None, _refused_port())
    try:
        app = make_app(REDIS_URL=f"redis://127.0.0.1:{port}/0")
        if fault == "silent":  # the store's own wait is seconds; a test need not sit through it
            store = app.extensions["fairmatch.pushes"].store
            store.client = redis.Redis.from_url(f"redis://127.0.0.1:{port}/0", socket_timeout=0.3)
        client = app.test_client()
        for response in (
            client.post("/api/v1/pushes", json={"candidates": CANDIDATES}),
            client.get(f"/api/v1/pushes/{'0' * 32}"),
        ):
            assert response.status_code == 503
            body = response.get_json()
            assert body["code"] == 503 and body["message"].startswith("Redis, where pushes are kept, is not")
            assert response.headers["Retry-After"] == "5"
        assert client.post("/api/v1/matches", json={"skills": ["Python"]}).status_code == 200
    finally:
        if listener is not None:
            listener.close()
