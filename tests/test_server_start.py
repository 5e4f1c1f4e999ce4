"""The server as `make run` starts it (service/gunicorn_conf.py, the app built in the master) starts cleanly:
no traceback in its log, whatever the app started in the master before the fork."""

from __future__ import annotations

import time
import urllib.request

from bench.serve import Gunicorn


def test_workers_start_without_a_traceback_in_the_log(tmp_path):
    # No REDIS_URL: the rate limiter counts in memory, and its storage starts a timer in the master.
    with Gunicorn(tmp_path, workers=2, REDIS_URL="") as server:
        for _ in range(4):
            with urllib.request.urlopen(f"{server.url}/healthz", timeout=10) as answer:
                assert answer.status == 200
        time.sleep(0.3)  # a worker's inherited timer would end, and log, within 10 ms of its start
        log = server.log_path.read_text(encoding="utf-8")
    assert "Booting worker" in log
    assert "Traceback" not in log, log
