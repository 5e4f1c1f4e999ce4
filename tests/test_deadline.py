"""The client-side statement deadline's watcher: it cuts what runs late, and leaves no thread behind when idle
(each engine has one; an app made and dropped must not leave a thread waking twice a second forever)."""

from __future__ import annotations

import threading
import time

import pytest

from service.store import deadline


@pytest.fixture
def cut(monkeypatch) -> list[object]:
    """The connections the watcher cuts, recorded; a watcher that ticks every 10 ms and ends after 5 idle."""
    monkeypatch.setattr(deadline, "TICK", 0.01)
    monkeypatch.setattr(deadline, "IDLE_TICKS", 5)
    cut: list[object] = []
    monkeypatch.setattr(deadline, "_cut", cut.append)
    return cut


def _wait_for(condition, seconds: float = 10.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def test_the_watcher_cuts_a_late_statement_ends_when_idle_and_comes_back(cut):
    dog = deadline.Watchdog(seconds=0.0)
    first, second = object(), object()

    dog.arm(first)  # already past its deadline
    watcher = dog._thread
    assert watcher is not None and watcher.is_alive()
    assert _wait_for(lambda: cut == [first])
    assert _wait_for(lambda: not watcher.is_alive())  # nothing under way: the thread ended
    assert dog._thread is None
    assert all(t is not watcher for t in threading.enumerate())

    dog.arm(second)  # a later statement starts another watcher, which still cuts
    assert dog._thread is not None and dog._thread is not watcher
    assert _wait_for(lambda: cut == [first, second])


def test_a_statement_that_ends_in_time_is_not_cut(cut):
    dog = deadline.Watchdog(seconds=0.1)
    connection = object()
    dog.arm(connection)
    watcher = dog._thread
    dog.disarm(connection)  # the statement ended before its deadline
    time.sleep(0.2)  # past the deadline: an entry left armed would be cut by now
    assert _wait_for(lambda: not watcher.is_alive())
    assert cut == []
