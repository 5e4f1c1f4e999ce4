"""Two gunicorn instances on one PostgreSQL database, as a deployment behind a load balancer runs them: a load
through one is ranked by every worker of the other at once; the rate limits are one count through Redis."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.serve import TOKEN, Gunicorn

from .builders import employer, fair_doc, position, small_fair
from .test_guard import _redis_url

PG = os.environ.get("TEST_DATABASE_URL", "")
pytestmark = pytest.mark.skipif(not PG.startswith("postgresql"), reason="needs TEST_DATABASE_URL")


def call(url: str, path: str, body: object | None = None, token: str | None = None) -> tuple[int, dict]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url + path, data=data, headers=headers, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def second_fair() -> dict:
    return fair_doc(
        employer("N01", "桂林新星物流有限公司", industry="wholesale_retail",
                 positions=[position("N01-P01", "仓库管理员", skills=["仓储管理", "Excel"])]),
        fair_id="second-fair",
    )  # fmt: skip


def test_a_load_through_one_instance_is_ranked_by_every_worker_of_the_other(make_app, tmp_path):
    make_app()  # a clean schema at head, as the suite's other PostgreSQL tests start
    redis = _redis_url()
    env = {"FAIR_LOAD_DEFAULT": "0", "RATELIMIT_WRONG_TOKEN": "3 per minute",
           "RATELIMIT_KEY_PREFIX": f"fairmatch-two-{uuid.uuid4().hex}"}  # fmt: skip
    if redis:
        env["REDIS_URL"] = redis
    with (
        Gunicorn(tmp_path, workers=2, database_url=PG, name="one", **env) as one,
        Gunicorn(tmp_path, workers=2, database_url=PG, name="two", **env) as two,
    ):
        status, _ = call(one.url, "/api/v1/fixtures?mode=replace", small_fair(), TOKEN)
        assert status == 200
        profile = {"skills": ["Excel", "仓储管理"], "limit": 50}
        for _ in range(6):  # more requests than workers: every worker of the other instance answers
            status, answer = call(two.url, "/api/v1/matches", profile)
            assert status == 200 and answer["total"] == 5

        status, loaded = call(one.url, "/api/v1/fixtures?mode=replace", second_fair(), TOKEN)
        assert status == 200
        # a burst of concurrent requests on the new version: one greenlet rebuilds the index (reading
        # PostgreSQL) while the others wait for it, in every worker, without blocking the worker
        with ThreadPoolExecutor(40) as pool:
            burst = list(pool.map(lambda _: call(two.url, "/api/v1/matches", profile)[0], range(40)))
        assert burst == [200] * 40
        for _ in range(6):  # at once: the load answered only once every worker's lease had run out
            status, answer = call(two.url, "/api/v1/matches", profile)
            assert status == 200
            assert [r["position"]["id"] for r in answer["results"]] == ["N01-P01"]
            assert answer["data_version"] == loaded["data_version"]
        assert call(two.url, "/api/v1/fair")[1]["id"] == "second-fair"

        if redis is None:
            pytest.skip("Redis is not running: the shared rate limit is not checked")
        codes = [call(server.url, "/api/v1/fixtures/history", token="guess")[0] for server in (one, two, one)]
        assert codes == [403, 403, 403]
        assert call(two.url, "/api/v1/fixtures/history", token="guess")[0] == 429
        assert call(one.url, "/api/v1/fixtures/history", token="guess")[0] == 429
