"""The database: one engine per app, short sessions, table creation and the default fair on first start."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlmodel import Session, SQLModel, create_engine, select

from . import models

log = logging.getLogger(__name__)


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
    app.extensions["fairmatch.engine"] = make_engine(url)


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


def create_tables(app: Flask) -> None:
    engine = get_engine(app)
    try:
        SQLModel.metadata.create_all(engine)
    except (OperationalError, ProgrammingError, IntegrityError):
        # Another worker created them at the same moment; check they are all there now.
        missing = set(SQLModel.metadata.tables) - set(inspect(engine).get_table_names())
        if missing:
            raise


def drop_tables(app: Flask) -> None:
    SQLModel.metadata.drop_all(get_engine(app))


def is_empty(app: Flask) -> bool:
    with Session(get_engine(app)) as session:
        return session.exec(select(models.Fair.id)).first() is None


def bootstrap(app: Flask, *, load_default: bool = True) -> None:
    """Create the tables and, into an empty database, load the default fair (unless FAIR_LOAD_DEFAULT=0)."""
    create_tables(app)
    if not load_default or not app.config.get("FAIR_LOAD_DEFAULT") or not is_empty(app):
        return
    from .loader import load_fixture_file

    path = Path(app.config["FAIR_DEFAULT_FIXTURE"])
    if not path.exists():
        log.warning("default fair %s not found; starting empty", path)
        return
    try:
        load_fixture_file(app, path, mode="replace", source="default")
    except IntegrityError:
        log.info("default fair loaded by another worker")
