"""The server as `make run` starts it (service/gunicorn_conf.py, the app built in the master) starts cleanly:
no traceback in its log, whatever the app started in the master before the fork."""

from __future__ import annotations

import gc
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


def test_the_master_freezes_the_built_index_and_collects_the_old_generation_seldom(app):
    # What `make run`'s master does before it forks (gunicorn_conf.when_ready): the index built, the heap
    # frozen out of the collector, and full collections every 100 of the middle generation's (a full pass
    # over the engine's caches cost 50 ms every ~1.5 s of ranking never-seen profiles).
    from service.ranking import GC_THRESHOLDS, prepare_fork

    before = gc.get_threshold()
    try:
        prepare_fork(app)
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == GC_THRESHOLDS and GC_THRESHOLDS[2] > before[2]
        assert app.extensions["fairmatch.ranking"]._built is not None  # the index is built before the fork
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
