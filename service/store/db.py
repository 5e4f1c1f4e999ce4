"""The database: one engine per app and short sessions. The schema itself is in `schema.py` (migrations)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from . import freshness


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            if ":memory:" not in url and url not in {"sqlite://", "sqlite:///"}:
                cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def init_app(app: Flask) -> None:
    url = app.config.get("DATABASE_URL") or f"sqlite:///{Path(app.instance_path) / 'fairmatch.db'}"
    if url.startswith("sqlite:///") and ":memory:" not in url:
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    app.config["DATABASE_URL"] = url
    engine = make_engine(url)
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
