"""The default server setup (service/gunicorn_conf.py, as `make run` and the Dockerfile start it) keeps
answering while 50 connections announce 25 MB bodies and send nothing; the access log has no query string;
what gunicorn refuses before the app runs is answered in the service's JSON error shape."""

from __future__ import annotations

import contextlib
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
    yield from _serve(tmp_path_factory.mktemp("slow"))


def _serve(work: Path, **settings: str):
    """gunicorn as `make run` starts it, on a fair of its own, with the environment's `settings`."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{work / 'fair.db'}", "FAIR_ADMIN_TOKEN": TOKEN,
           "FLASK_APP": "service", "RATELIMIT_ENABLED": "0", **settings}  # fmt: skip
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


def _raw(port: int, request: bytes) -> tuple[str, dict[str, str], dict]:
    """The status line, headers and JSON body of the answer to a request sent as bytes."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):  # gunicorn closes the connection after its own error answers
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value for name, _, value in (line.partition(": ") for line in lines)}
    return status, headers, json.loads(body)


@pytest.mark.parametrize(
    ("request_bytes", "code", "status"),
    [
        (f"GET /api/v1/positions?q={'a' * 5000} HTTP/1.1\r\nHost: x\r\n\r\n", 414, "Request URI Too Long"),
        (f"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: {'a' * 9000}\r\n\r\n", 431,
         "Request Header Fields Too Large"),
        ("GET /healthz HTTP/1.1\r\nHost: x\r\n" + "".join(f"X-H{n}: 1\r\n" for n in range(120)) + "\r\n",
         431, "Request Header Fields Too Large"),
        ("GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n", 400, "Bad Request"),
        ("GET /healthz HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n", 400, "Bad Request"),
    ],
    ids=["5000-character query", "9 KB header", "120 headers", "unknown HTTP version", "malformed header"],
)  # fmt: skip
def test_what_gunicorn_refuses_before_the_app_runs_is_json(server, request_bytes, code, status):
    _, port, _ = server
    line, headers, body = _raw(port, request_bytes.encode())
    assert line.startswith(f"HTTP/1.1 {code} ")
    assert headers["content-type"] == "application/json"
    assert headers["x-content-type-options"] == "nosniff"
    assert set(body) == {"code", "status", "message", "errors"}
    assert body["code"] == code and body["status"] == status and body["errors"] == {}
    assert body["message"] and "<" not in body["message"]


def test_a_gevent_worker_waits_for_the_others_after_each_answer():
    """A keep-alive client that sends its next request at once must not keep the worker from the others:
    after each answer the greenlet waits until the hub has served every other pending connection
    (``gevent.idle``; ``gevent.sleep(0)`` resumed it before the hub polled the others' sockets, and
    bench/bench_http.py saw p99 0.99 s for distinct matches at 16 connections). A batch call counts as
    long work while it is answered (``Listener`` then leaves new connections to an idle worker first); a
    match does not. Checked in a process of its own: the config module patches the standard library for
    gevent when imported."""
    code = """
import gevent
import service.gunicorn_conf as conf
from gunicorn.workers.ggevent import GeventWorker
calls = []
GeventWorker.handle_request = lambda self, *args: calls.append(f"answer {conf.Listener.long_work}")
gevent.idle = lambda priority=0: calls.append(f"idle {conf.Listener.long_work}")

class Request:
    def __init__(self, method, path):
        self.method, self.path = method, path
        self.unreader = type("Unreader", (), {"chunk": lambda self, size_hint=None: b""})()

worker = conf.Worker.__new__(conf.Worker)
for request in (Request("POST", "/api/v1/matches/batch"), Request("POST", "/api/v1/matches")):
    worker.handle_request("listener", request, None, None)
print(calls)
"""
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(["answer 1", "idle 0", "answer 0", "idle 0"])


def test_a_worker_busy_with_long_work_leaves_a_new_connection_to_an_idle_worker_first():
    """Every worker's listener wakes for a new connection. One with a long request under way (a batch)
    waits ``ACCEPT_DEFER`` before it accepts (an idle worker takes the connection meanwhile: two batch calls
    of 1,000 sent together ran on one worker at 2.0 s each while the other sat idle), as does one ranking a
    push in the background; one doing neither accepts at once. A connection no idle worker took is taken
    after the wait, at the worker's next turn however long its work runs, and only one a wait: a busy
    worker does not take a whole burst. gunicorn's gevent worker listens with ``Listener``. Checked in a
    process of its own: the config module patches the standard library."""
    code = """
import socket, time
import gevent
import service.gunicorn_conf as conf
from gunicorn.workers import ggevent
from service import turns
assert ggevent.StreamServer is conf.Listener
accepted = []

def listen():
    server = conf.Listener(("127.0.0.1", 0), handle=lambda sock, addr: accepted.append(sock))
    server.max_accept = 1  # as GeventWorker.run sets it where several workers listen
    server.start()
    accepted.clear()
    return server

def wait_for(count, seconds):
    started = time.monotonic()
    while len(accepted) < count and time.monotonic() - started < seconds:
        gevent.sleep(0.01)
    return len(accepted)

conf.ACCEPT_DEFER = 30.0
server = listen()
clients = [socket.create_connection(server.address)]
print("idle", wait_for(1, 10))
server.stop()
conf.Listener.long_work = 1
server = listen()
clients.append(socket.create_connection(server.address))
print("batch", wait_for(1, 1))
server.stop()
conf.Listener.long_work = 0
server = listen()
with turns.at_work():  # a push ranked by this worker's thread runner
    clients.append(socket.create_connection(server.address))
    print("pushing", wait_for(1, 1))
server.stop()
conf.Listener.long_work = 1
conf.ACCEPT_DEFER = 0.3
server = listen()
clients += [socket.create_connection(server.address) for _ in range(2)]
print("batch, two waiting", wait_for(1, 10), wait_for(2, 0.15), wait_for(2, 10))
server.stop()
conf.ACCEPT_DEFER = 0.02
server = listen()
clients.append(socket.create_connection(server.address))
started = time.monotonic()
while not accepted and time.monotonic() - started < 10:  # a busy worker: its loop runs every 0.15 s
    end = time.monotonic() + 0.15
    while time.monotonic() < end:
        pass
    gevent.idle()
print("batch, its loop running seldom", len(accepted))
"""
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:6] == [
        "idle 1",
        "batch 0",
        "pushing 0",
        "batch, two waiting 1 1 2",  # one after the first wait, the second only after another
        "batch, its loop running seldom 1",  # taken at the first turn after the wait, not put off again
        "",
    ], out


@pytest.mark.parametrize(
    "chunks",
    ["zz\r\n{}\r\n0\r\n\r\n", "2\r\n{}XX0\r\n\r\n", "-2\r\n{}\r\n0\r\n\r\n"],
    ids=["chunk size not hexadecimal", "chunk without its line end", "negative chunk size"],
)
def test_a_chunked_body_the_server_cannot_read_is_400_in_the_json_shape(server, chunks):
    _, port, log = server
    head = ("POST /api/v1/matches HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")  # fmt: skip
    line, headers, body = _raw(port, (head + chunks).encode())
    assert headers["content-type"] == "application/json"
    assert line.startswith("HTTP/1.1 400 "), (line, body)
    assert set(body) == {"code", "status", "message", "errors"} and body["code"] == 400
    assert "unhandled error" not in log.read_text()


def test_a_body_trickled_a_byte_at_a_time_is_cut_once_it_falls_below_the_least_rate(tmp_path):
    """FAIR_CLIENT_TIMEOUT bounds each read, and starts again with each byte: a client trickling its body
    held the connection for as long as it liked. Past that many seconds a body must average
    FAIR_CLIENT_MIN_RATE bytes a second; a body sent at once is read as before."""
    serving = _serve(tmp_path, FAIR_CLIENT_TIMEOUT="2", FAIR_CLIENT_MIN_RATE="500")
    url, port, _ = next(serving)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(b"POST /api/v1/matches HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 200\r\n\r\n")  # fmt: skip
            started, answer = time.monotonic(), b""
            with contextlib.suppress(OSError):  # the server closes while the client is still sending
                for _ in range(40):  # a byte every 0.25 s: 10 s if nothing cuts it
                    sock.sendall(b" ")
                    time.sleep(0.25)
            sock.settimeout(5)
            with contextlib.suppress(OSError):
                while chunk := sock.recv(65536):
                    answer += chunk
        assert time.monotonic() - started < 6, "the trickled body was read for as long as it came"
        assert answer.startswith(b"HTTP/1.1 400 ") and b"Connection: close" in answer
        body = json.dumps({"skills": ["会计"] * 50, "titles": ["会计"] * 10}).encode()
        request = urllib.request.Request(f"{url}/api/v1/matches", data=body,
                                         headers={"Content-Type": "application/json"})  # fmt: skip
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200
    finally:
        next(serving, None)


def _head(sock: socket.socket) -> bytes:
    """What the server answers first: up to the end of a status line and its headers."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


@pytest.mark.parametrize(
    "path, length, headers, code",
    [("/api/v1/matches", 30_000_000, "", 413),
     ("/api/v1/fixtures", 2_000_000, "Authorization: Bearer x\r\n", 403),
     ("/api/v1/fixtures", 2_000_000, "", 401)],
    ids=["over the limit", "wrong token", "no token"],
)  # fmt: skip
def test_a_client_expecting_100_continue_is_answered_before_it_uploads(server, path, length, headers, code):
    """curl sends Expect: 100-continue above 1 MB and uploads once told to continue. gunicorn said so at
    once, so a body the service refuses unread (too large, no or a wrong token) was uploaded whole first."""
    _, port, _ = server
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n{headers}"
                     f"Content-Length: {length}\r\nExpect: 100-continue\r\n\r\n".encode())  # fmt: skip
        answer = _head(sock)
    assert answer.startswith(f"HTTP/1.1 {code} ".encode()), answer[:60]
    assert b"Connection: close" in answer  # the body never sent is not waited for


def test_a_client_expecting_100_continue_is_told_to_send_a_body_the_service_reads(server):
    _, port, _ = server
    body = json.dumps({"skills": ["会计"]}).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"POST /api/v1/matches HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: %d\r\nExpect: 100-continue\r\n\r\n" % len(body))  # fmt: skip
        assert _head(sock).startswith(b"HTTP/1.1 100 Continue")
        sock.sendall(body)
        answer = _head(sock)
    assert answer.startswith(b"HTTP/1.1 200 ") and b"Connection: close" not in answer
