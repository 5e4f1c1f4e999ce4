"""gunicorn settings: gevent workers with a read deadline per connection, keep-alive, an access log that
records no query string (what seekers type stays out of the log), and the app loaded before the workers fork.

Why gevent: a connection that announces a body and then trickles or sends nothing costs one greenlet, not a
worker or a thread, so slow clients cannot starve the service (a sync worker is held by one such socket, a
gthread worker by as many as it has threads). psycopg 3 yields to the gevent hub while it waits on
PostgreSQL, and ranking is CPU work that runs at full speed in each worker process, with keep-alive.

A worker busy with long work leaves new connections to an idle one first (``Listener``). What gunicorn
answers itself, before the app runs (a request line or headers over its limits, a malformed request), is
JSON in the service's error shape (``write_error``).

The master patches the standard library for gevent before anything else is imported: with preload_app the app
is built in the master, and a lock it made unpatched would stay an OS lock in every worker, where a greenlet
waiting on it blocks the whole worker while the greenlet holding it waits on PostgreSQL (a deadlock that
stopped every worker under a burst of concurrent first requests).
"""

from gevent import monkey

monkey.patch_all()

import json  # noqa: E402
import os  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402

import gevent  # noqa: E402
from gevent.server import StreamServer  # noqa: E402
from gunicorn import util  # noqa: E402
from gunicorn.workers import ggevent  # noqa: E402
from gunicorn.workers.base_async import AsyncWorker  # noqa: E402
from gunicorn.workers.ggevent import GeventWorker  # noqa: E402

from service import turns  # noqa: E402
from service.errors import error_body  # noqa: E402
from service.guard.headers import FIXED, PAGE_POLICY  # noqa: E402

# Seconds a client may leave the socket silent while sending a request or reading the answer.
READ_TIMEOUT = float(os.environ.get("FAIR_CLIENT_TIMEOUT", 30))
# Bytes a second a request's body must arrive at, on average, once it has taken READ_TIMEOUT seconds.
MIN_RATE = float(os.environ.get("FAIR_CLIENT_MIN_RATE", 500))
# Seconds a worker busy with long work leaves a new connection to the others before it takes it.
ACCEPT_DEFER = float(os.environ.get("FAIR_ACCEPT_DEFER_SECONDS", 0.01))


class Listener(StreamServer):
    """A worker's listening server that leaves a new connection to an idle worker while it does long work.

    Every worker's loop wakes for a new connection and the first to accept it takes it. A worker ranking a
    batch runs its loop whenever that request waits (reading its body, checking it in turns), so it took
    connections an idle worker was about to take: two batch calls of 1,000 sent together ran on one worker,
    2.0 s each, while the other worker sat idle (the batch phase of bench/bench_http.py). A worker with a
    long request under way (``turns.LONG_REQUESTS``) or a push it ranks in the background
    (``turns.working``) now waits ``ACCEPT_DEFER`` before it accepts; then, busy still, it takes one waiting
    connection and waits again for the next. Short requests (a match, a page) never make a worker wait:
    counting every request, a burst of new connections was taken one per wait by workers that were all busy
    anyway, and once one worker took all 16 of wrk's keep-alive connections while the other took none.
    """

    long_work = 0  # long requests under way in this worker process (``Worker.handle_request``)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._grace_until = float("-inf")  # one connection still waiting after a wait is taken until then

    def _do_read(self) -> None:
        if Listener.long_work or turns.working:
            if time.monotonic() > self._grace_until:
                self.stop_accepting()
                self.loop.update_now()  # after a long stretch of work the loop's clock is stale
                self._timer = self.loop.timer(ACCEPT_DEFER)  # stopped by stop_accepting, as gevent's delay
                self._timer.start(self._resume)
                return
            self._grace_until = float("-inf")  # the one that waited; the next waits in turn
        super()._do_read()  # one connection at a time where several workers listen (GeventWorker.run)

    def _resume(self) -> None:
        # The wait is over when the worker's loop next runs (a busy worker's next turn, perhaps well after
        # ACCEPT_DEFER): the connection still waiting then is taken, however busy the worker still is.
        self._grace_until = time.monotonic() + ACCEPT_DEFER
        self._start_accepting_if_started()


ggevent.StreamServer = Listener  # the server gunicorn's gevent worker listens with (GeventWorker.run)


def write_error(sock, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn's own answer to a request it could not read or serve (``Worker.handle_error``: 414 for a
    request line over ``limit_request_line``, 431 for headers over their limits, 400 for a malformed
    request, 500), in the service's JSON error shape instead of gunicorn's HTML page. The connection closes
    after it, as gunicorn's does: the rest of the request was never read."""
    message = None
    if status_int == 400 and mesg:
        message = f"The request is malformed: {mesg}"
    elif status_int not in {414, 431, 500} and mesg:
        message = mesg  # 403, 417, 501: gunicorn says why
    body = json.dumps(error_body(status_int, message)).encode()
    headers = {"Connection": "close", "Content-Type": "application/json", "Content-Length": str(len(body)),
               **FIXED, "Content-Security-Policy": PAGE_POLICY}  # fmt: skip
    head = f"HTTP/1.1 {status_int} {reason}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    util.write_nonblock(sock, head.encode("latin-1") + b"\r\n" + body)


# gunicorn's Worker.handle_error decides the status, logs the error and writes the answer with this
# function; it is replaced for the whole process rather than around each call, because greenlets of a
# gevent worker could interleave a swap and its undoing.
util.write_error = write_error


class Worker(GeventWorker):
    """gevent worker whose client sockets time out instead of blocking forever, and whose keep-alive
    connections take turns."""

    def handle(self, listener, client, addr):
        client.settimeout(READ_TIMEOUT)
        AsyncWorker.handle(self, listener, client, addr)

    def handle_request(self, listener_name, req, sock, addr):
        long = (req.method, req.path) in turns.LONG_REQUESTS
        Listener.long_work += long
        chunk = req.unreader.chunk  # the connection's reads: paced for this request's body only
        req.unreader.chunk = _paced(req, chunk, sock)
        try:
            super().handle_request(listener_name, req, sock, addr)
        finally:
            Listener.long_work -= long
            req.unreader.chunk = chunk
        # A client that sends its next request as soon as it has the answer finds it already read, so the
        # greenlet never waited and never let the others run: a few connections were served back to back
        # while the rest waited up to seconds (p50 0.4 ms, p99 1.4 s on /healthz). gevent.sleep(0) was not
        # enough: it resumes the greenlet before the hub polls the other sockets (distinct matches at 16
        # connections: p99 0.6-1.1 s). Wait until the loop is idle, every other pending connection served
        # once: the worker's connections take turns (p99 71 ms, bench/bench_http.py; README).
        gevent.idle()


def _paced(req, chunk, sock):
    """The reads of a request's body, cut (the answer a 400, the connection closed) once the body has taken
    READ_TIMEOUT seconds and arrives slower than MIN_RATE on average. READ_TIMEOUT alone bounds each read,
    and starts again with each byte: a client trickling a byte every few seconds held its connection for as
    long as it liked, and 1,000 of them (``worker_connections``) a whole worker. The headers are bounded by
    gunicorn (``keepalive``).

    A client that sent ``Expect: 100-continue`` (curl does above 1 MB) is told to send its body when the app
    first reads it, not at once as gunicorn does: a load with a wrong token, or a body over its endpoint's
    limit, is answered (401, 413) before it is uploaded, and the connection closes after the answer."""
    start, got = time.monotonic(), 0
    waiting = getattr(req, "_expected_100_continue", False)
    if waiting:
        req._expected_100_continue = False  # gunicorn's own 100, sent before the app runs
        req.must_close = True  # unless the body is read: the client sends it only after our 100

    def read(size_hint=None):
        nonlocal got, waiting
        if waiting:
            waiting, req.must_close = False, False
            sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
        data = chunk(size_hint)
        got += len(data)
        elapsed = time.monotonic() - start
        if elapsed > READ_TIMEOUT and got < MIN_RATE * elapsed:
            req.must_close = True
            raise TimeoutError(f"request body slower than {MIN_RATE:g} bytes a second")
        return data

    return read


worker_class = "service.gunicorn_conf.Worker"
worker_connections = int(os.environ.get("FAIR_WORKER_CONNECTIONS", 1000))
keepalive = 5
accesslog = "-"
errorlog = "-"
# No %(r)s or %(q)s: the request line would carry /skills/suggest?q=… and /positions?q=….
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
timeout = 120
graceful_timeout = 30
worker_tmp_dir = "/dev/shm"

# The app (and its ranking index) is built once in the master and shared copy-on-write by the workers, so a
# worker started later, or restarted, answers its first match at once.
preload_app = True


def on_starting(server) -> None:
    if server.cfg.preload_app:
        from service.ranking import prepare_fork

        prepare_fork(server.app.wsgi())
        # What the app started in the master runs to its end before the fork: the rate limiter's in-memory
        # storage starts a timer (a greenlet here), which a worker would otherwise inherit half-run and end
        # with a KeyError traceback in its log.
        for thread in threading.enumerate():
            if thread is not threading.main_thread() and not thread.daemon:
                thread.join(timeout=1)


def post_fork(server, worker) -> None:
    if server.cfg.preload_app:
        from service.ranking import after_fork

        after_fork(server.app.wsgi())
