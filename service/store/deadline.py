"""A client-side deadline for PostgreSQL statements: a database that accepts and never answers cannot hold a
worker. The server's statement_timeout ends slow statements; this ends those the server never received.

One watchdog thread (a greenlet under gevent) checks the statements under way twice a second while there are
any; one past its deadline has its socket shut down, so the driver raises and the pool drops the connection
(503, not a hang).
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)
TICK = 0.5
IDLE_TICKS = 20  # ten seconds without a statement under way end the watcher


class Watchdog:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._running: dict[int, tuple[float, Any]] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def arm(self, dbapi_connection: Any) -> None:
        with self._lock:
            self._running[id(dbapi_connection)] = (time.monotonic() + self.seconds, dbapi_connection)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._watch, name="db-deadline", daemon=True)
                self._thread.start()

    def disarm(self, dbapi_connection: Any) -> None:
        with self._lock:
            self._running.pop(id(dbapi_connection), None)

    def _watch(self) -> None:
        """Cut what runs past its deadline; end after ``IDLE_TICKS`` with nothing under way (the next
        statement starts another watcher), so engines made and dropped leave no thread behind."""
        idle = 0
        while True:
            time.sleep(TICK)
            now = time.monotonic()
            with self._lock:
                late = [c for deadline, c in self._running.values() if deadline < now]
                for connection in late:
                    self._running.pop(id(connection), None)
                idle = 0 if self._running or late else idle + 1
                if idle >= IDLE_TICKS:
                    self._thread = None
                    return
            for connection in late:
                _cut(connection)


def _cut(dbapi_connection: Any) -> None:
    try:
        fd = dbapi_connection.pgconn.socket
        sock = socket.socket(fileno=fd)
        try:
            sock.shutdown(socket.SHUT_RDWR)
        finally:
            sock.detach()  # the driver still owns the descriptor
        log.warning("database statement passed its deadline: connection cut")
    except Exception:  # already closed
        log.debug("deadline: connection already gone", exc_info=True)


def install(engine: Engine, seconds: float) -> None:
    """Arm the watchdog around every statement and every connection check on `engine`."""
    dog = Watchdog(seconds)

    @event.listens_for(engine, "before_cursor_execute")
    def _arm(conn, cursor, statement, parameters, context, executemany) -> None:
        dog.arm(conn.connection.dbapi_connection)

    @event.listens_for(engine, "after_cursor_execute")
    def _disarm(conn, cursor, statement, parameters, context, executemany) -> None:
        dog.disarm(conn.connection.dbapi_connection)

    @event.listens_for(engine, "handle_error")
    def _failed(context) -> None:
        if context.connection is not None and context.connection.connection.dbapi_connection is not None:
            dog.disarm(context.connection.connection.dbapi_connection)
