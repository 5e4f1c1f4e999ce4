"""A database that refuses connections, or accepts them and never answers, is a 503 in the JSON shape within
the configured seconds; /healthz stays up, /readyz says not ready, and the service recovers by itself.

A TCP proxy the test controls stands between the service and PostgreSQL (TEST_DATABASE_URL).
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from urllib.parse import urlsplit, urlunsplit

import pytest

from .builders import employer, fair_doc, position

PG = os.environ.get("TEST_DATABASE_URL", "")
pytestmark = pytest.mark.skipif(not PG.startswith("postgresql"), reason="needs TEST_DATABASE_URL")


class Proxy:
    """Forwards TCP to PostgreSQL; `refuse()` closes the port and drops every link, `silence()` keeps
    accepting but forwards nothing, `restore()` forwards again."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.mode = "forward"
        self.links: list[socket.socket] = []
        self.listener: socket.socket | None = None
        self.port = 0
        self._listen()

    def _listen(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port, self.listener = listener.getsockname()[1], listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            self.links.append(client)
            if self.mode == "silent":
                continue  # accepted, and never answered
            server = socket.create_connection(self.target)
            self.links.append(server)
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                if self.mode == "forward":
                    sink.sendall(data)
        except OSError:
            pass

    def _drop_links(self) -> None:
        for link in self.links:
            with contextlib.suppress(OSError):
                link.shutdown(socket.SHUT_RDWR)
            link.close()
        self.links.clear()

    def refuse(self) -> None:
        self.mode = "refuse"
        assert self.listener is not None
        self.listener.close()
        self._drop_links()

    def silence(self) -> None:
        self.mode = "silent"

    def restore(self) -> None:
        if self.mode == "refuse":
            self._listen()
        else:
            self._drop_links()  # links that went silent mid-protocol cannot be resumed
        self.mode = "forward"

    def close(self) -> None:
        self.refuse()


@pytest.fixture
def proxied(make_app):
    parts = urlsplit(PG)
    proxy = Proxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    netloc = f"{parts.username or 'postgres'}@127.0.0.1:{proxy.port}"
    url = urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
    app = make_app(DATABASE_URL=url, FAIR_DB_CONNECT_TIMEOUT=1, FAIR_DB_STATEMENT_TIMEOUT=1)
    yield app.test_client(), proxy
    proxy.close()


def _is_503(response) -> None:
    assert response.status_code == 503
    body = response.get_json()
    assert body["code"] == 503 and set(body) >= {"status", "message", "errors"}
    assert int(response.headers["Retry-After"]) > 0


def _recovers(client) -> None:
    codes = [client.get("/readyz").status_code for _ in range(3)]
    assert 200 in codes, codes  # at most the pooled connections that died answer 503 once
    assert client.get("/api/v1/fair").status_code == 200
    assert client.post("/api/v1/matches", json={"skills": ["Python"]}).status_code == 200


@pytest.mark.parametrize("cut", ["refuse", "silence"])
def test_a_lost_database_is_503_and_the_service_recovers(proxied, organiser, cut):
    client, proxy = proxied
    doc = fair_doc(employer("E01", positions=[position("P1", skills=["Python"])]))
    assert client.post("/api/v1/fixtures", json=doc, headers=organiser).status_code == 200
    assert client.get("/readyz").get_json() == {"status": "ready"}
    getattr(proxy, cut)()
    assert client.get("/healthz").status_code == 200  # liveness does not ask the database
    _is_503(client.get("/readyz"))
    _is_503(client.get("/api/v1/fair"))
    _is_503(client.get("/api/v1/positions"))
    _is_503(client.post("/api/v1/matches", json={"skills": ["Python"]}))
    proxy.restore()
    _recovers(client)
