"""The default server setup (service/gunicorn_conf.py, as `make run` and the Dockerfile start it) keeps
answering while 50 connections announce 25 MB bodies and send nothing; the access log has no query string."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "slow-clients-token"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    work = tmp_path_factory.mktemp("slow")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{work / 'fair.db'}", "FAIR_ADMIN_TOKEN": TOKEN,
           "FLASK_APP": "service", "RATELIMIT_ENABLED": "0"}  # fmt: skip
    env.pop("TEST_DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "flask", "fair", "init"], cwd=ROOT, env=env, check=True,
                   capture_output=True)  # fmt: skip
    port = _free_port()
    log = work / "server.log"
    out = log.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "service/gunicorn_conf.py", "--bind",
         f"127.0.0.1:{port}", "--workers", "2", "service:create_app()"],
        cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield url, port, log
    process.terminate()
    process.wait(timeout=30)
    out.close()


def _match(url: str, timeout: float) -> dict:
    request = urllib.request.Request(
        f"{url}/api/v1/matches", data=json.dumps({"skills": ["会计", "Excel"]}).encode(),
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.load(response)


def test_50_stalled_25_mb_announcements_do_not_starve_other_clients(server):
    url, port, _ = server
    for _ in range(4):  # both workers have built their ranking index
        assert _match(url, timeout=60)["total"] > 0
    stalled = []
    try:
        for n in range(50):
            sock = socket.create_connection(("127.0.0.1", port))
            path = "/api/v1/fixtures" if n % 2 else "/api/v1/matches/batch"
            sock.sendall(
                f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                f"Authorization: Bearer {TOKEN}\r\nContent-Length: 26214400\r\n\r\n{{".encode()
            )
            stalled.append(sock)
        for _ in range(5):  # each within a second (the client gives up after one)
            with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
                assert response.status == 200
            assert _match(url, timeout=1)["results"]
    finally:
        for sock in stalled:
            sock.close()


def test_the_access_log_records_no_seeker_query(server):
    url, _, log = server
    urllib.request.urlopen(f"{url}/api/v1/skills/suggest?q=secret-typed-words", timeout=10).close()
    urllib.request.urlopen(f"{url}/api/v1/positions?q=private-search", timeout=10).close()
    for _ in range(50):
        text = log.read_text()
        if "/api/v1/positions" in text and "/api/v1/skills/suggest" in text:
            break
        time.sleep(0.1)
    assert '"GET /api/v1/skills/suggest HTTP/1.1" 200' in text
    assert "secret-typed-words" not in text and "private-search" not in text


def test_a_gevent_worker_waits_for_the_others_after_each_answer():
    """A keep-alive client that sends its next request at once must not keep the worker from the others:
    after each answer the greenlet waits until the hub has served every other pending connection
    (``gevent.idle``; ``gevent.sleep(0)`` resumed it before the hub polled the others' sockets, and
    bench/bench_http.py saw p99 0.99 s for distinct matches at 16 connections). Checked in a process of
    its own: the config module patches the standard library for gevent when imported."""
    code = """
import gevent
import service.gunicorn_conf as conf
from gunicorn.workers.base_async import AsyncWorker
from gunicorn.workers.ggevent import GeventWorker
calls = []
GeventWorker.handle_request = lambda self, *args: calls.append(f"answer {conf.Listener.running}")
gevent.idle = lambda priority=0: calls.append(f"idle {conf.Listener.running}")
worker = conf.Worker.__new__(conf.Worker)
for _ in range(2):
    worker.handle_request("listener", None, None, None)
print(calls)
calls.clear()

class Client:
    def settimeout(self, seconds):
        pass

def connection(self, listener, client, addr):  # gunicorn's loop over a connection's requests
    calls.append(f"opening {client in conf.Listener.opening}")
    self.handle_request("listener", None, client, None)
    calls.append(f"opening {client in conf.Listener.opening}")

AsyncWorker.handle = connection
worker.handle("listener", Client(), None)
print(calls, conf.Listener.opening)
"""
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    # Under way while it is answered (``Listener`` defers accepting meanwhile), no longer when it waits.
    requests, connection = out.stdout.strip().split("\n")
    assert requests == str(["answer 1", "idle 0", "answer 1", "idle 0"])
    # A new connection is work from its accept until its first request is under way.
    assert connection == str(["opening True", "answer 1", "idle 0", "opening False"]) + " set()"


def test_a_worker_with_a_request_under_way_leaves_a_new_connection_to_an_idle_worker_first():
    """Every worker's listener wakes for a new connection; one serving a request waits ``ACCEPT_DEFER``
    before it accepts (an idle worker takes the connection meanwhile: two batch calls of 1,000 sent together
    ran on one worker at 2.0 s each while the other sat idle), as does one ranking a push in the background;
    one running none accepts at once, and a connection no idle worker took is accepted after the wait.
    gunicorn's gevent worker listens with ``Listener``. Checked in a process of its own: the config module
    patches the standard library."""
    code = """
import socket, time
import gevent
import service.gunicorn_conf as conf
from gunicorn.workers import ggevent
from service import turns
assert ggevent.StreamServer is conf.Listener
accepted = []
server = conf.Listener(("127.0.0.1", 0), handle=lambda sock, addr: accepted.append(time.monotonic()))
server.start()
port = server.address[1]

def connect_and_wait(seconds):
    client = socket.create_connection(("127.0.0.1", port))
    started = time.monotonic()
    while not accepted and time.monotonic() - started < seconds:
        gevent.sleep(0.01)
    client.close()
    return bool(accepted)

conf.ACCEPT_DEFER = 30.0
print("idle", connect_and_wait(10))
accepted.clear()
conf.Listener.opening.add("a connection accepted, its first request not yet read")
print("opening", connect_and_wait(1))
conf.Listener.opening.clear()
server.stop()
server = conf.Listener(("127.0.0.1", 0), handle=lambda sock, addr: accepted.append(time.monotonic()))
server.start()
port = server.address[1]
with turns.at_work():  # a push ranked by this worker's thread runner
    print("pushing", connect_and_wait(1))
server.stop()
server = conf.Listener(("127.0.0.1", 0), handle=lambda sock, addr: accepted.append(time.monotonic()))
server.start()
port = server.address[1]
conf.Listener.running = 1
print("busy", connect_and_wait(1))
server.stop()
server = conf.Listener(("127.0.0.1", 0), handle=lambda sock, addr: accepted.append(time.monotonic()))
server.start()
port = server.address[1]
conf.ACCEPT_DEFER = 0.2
print("busy, after the wait", connect_and_wait(10))
server.stop()
server = conf.Listener(("127.0.0.1", 0), handle=lambda sock, addr: accepted.append(time.monotonic()))
server.start()
port = server.address[1]
accepted.clear()
conf.ACCEPT_DEFER = 0.02
client = socket.create_connection(("127.0.0.1", port))
started = time.monotonic()
while not accepted and time.monotonic() - started < 10:  # a busy worker: its loop runs every 0.15 s
    end = time.monotonic() + 0.15
    while time.monotonic() < end:
        pass
    gevent.idle()
print("busy, its loop running seldom", bool(accepted))
"""
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    lines = out.stdout.split("\n")[:6]
    assert lines == [
        "idle True",
        "opening False",
        "pushing False",
        "busy False",
        "busy, after the wait True",
        "busy, its loop running seldom True",  # taken at the first turn after the wait, not put off again
    ], out
