"""A push whose ranking meets a database that does not answer: a short outage is waited out, a long one
fails the push with an error telling the client what to do, never the database's own text."""

from __future__ import annotations

import pytest
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
