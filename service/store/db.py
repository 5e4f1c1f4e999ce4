"""The database: one engine per app and short sessions. The schema itself is in `schema.py` (migrations)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
from flask import Flask, current_app
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from . import deadline, freshness


def make_engine(url: str, *, connect_timeout: float = 5, statement_timeout: float = 15) -> Engine:
    """The engine; on PostgreSQL with bounded connects and statements (both in seconds)."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, json_deserializer=orjson.loads
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            if ":memory:" not in url and url not in {"sqlite://", "sqlite:///"}:
                cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        return engine
    engine = create_engine(
        url,
        hide_parameters=True,  # no SQL parameters (profiles, tokens) in errors or logs
        json_deserializer=orjson.loads,  # every worker reads the whole fair after each load
        pool_timeout=connect_timeout,
        pool_recycle=1800,
        connect_args={
            "connect_timeout": max(1, round(connect_timeout)),
            "options": f"-c statement_timeout={int(statement_timeout * 1000)}",
        },
    )
    # The client-side deadline also covers a silent network; a dropped connection is replaced on the next
    # checkout, so the service recovers without a restart (no pre-ping: it could hang on a silent link).
    deadline.install(engine, statement_timeout + 2)
    return engine


def init_app(app: Flask) -> None:
    url = app.config.get("DATABASE_URL") or f"sqlite:///{Path(app.instance_path) / 'fairmatch.db'}"
    if url.startswith("sqlite:///") and ":memory:" not in url:
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    app.config["DATABASE_URL"] = url
    engine = make_engine(
        url,
        connect_timeout=float(app.config.get("FAIR_DB_CONNECT_TIMEOUT", 5)),
        statement_timeout=float(app.config.get("FAIR_DB_STATEMENT_TIMEOUT", 15)),
    )
    freshness.register(engine, float(app.config.get("FAIR_VERSION_LEASE_SECONDS", freshness.LEASE_SECONDS)))
    app.extensions["fairmatch.engine"] = engine


def get_engine(app: Flask | None = None) -> Engine:
    return (app or current_app).extensions["fairmatch.engine"]


@contextmanager
def session_scope(app: Flask | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    with Session(get_engine(app), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
