"""The schema, changed only by the Alembic migrations in `migrations/`; the default fair on first start.

`upgrade` brings any database to the newest revision in place. A database made before migrations existed
(the tables are there, `alembic_version` is not) is recognised by its tables and stamped with the first
revision, which is exactly the schema it was made with, then upgraded from there. On PostgreSQL an advisory
lock makes instances starting together take turns; on SQLite the first writer holds the file's write lock.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Flask
from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, select

from . import models
from .db import get_engine

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"
BASELINE = (
    "0001"  # the schema `create_all` made before migrations; databases of that time are stamped with it
)
LOCK_KEY = 7_240_531  # an arbitrary advisory-lock number of this service's own
VERSION_TABLE = "alembic_version"


def alembic_config(connection: Connection | None = None) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _is_pre_migration(connection: Connection) -> bool:
    tables = set(inspect(connection).get_table_names())
    return VERSION_TABLE not in tables and set(SQLModel.metadata.tables) <= tables


def upgrade(app: Flask) -> str:
    """Migrate the database to the newest revision (stamping a pre-migration one first); the revision."""
    engine = get_engine(app)
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": LOCK_KEY})
            connection.commit()
        try:
            head = head_revision()
            if current_revision(connection) != head:
                config = alembic_config(connection)
                if _is_pre_migration(connection):
                    log.info("database made before migrations: stamping it at %s", BASELINE)
                    command.stamp(config, BASELINE)
                command.upgrade(config, "head")
                connection.commit()
            return head
        finally:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LOCK_KEY})
                connection.commit()


def new_revision(app: Flask, message: str) -> str | None:
    """Autogenerate the next revision from the models on an up-to-date database; its path, or None if the
    models and the migrations already agree."""
    upgrade(app)
    with get_engine(app).connect() as connection:
        config = alembic_config(connection)
        if not compare_metadata(MigrationContext.configure(connection), SQLModel.metadata):
            return None
        script = command.revision(config, message=message, autogenerate=True)
    return script.path if script is not None and not isinstance(script, list) else None


def drop_all(app: Flask) -> None:
    """Remove every table, the migrations' own included (tests start from an empty database)."""
    engine = get_engine(app)
    SQLModel.metadata.drop_all(engine)
    with engine.begin() as connection:
        connection.execute(text(f"DROP TABLE IF EXISTS {VERSION_TABLE}"))


def is_empty(app: Flask) -> bool:
    with Session(get_engine(app)) as session:
        return session.exec(select(models.Fair.id)).first() is None


def bootstrap(app: Flask, *, load_default: bool = True) -> None:
    """Upgrade the schema and, into an empty database, load the default fair (unless FAIR_LOAD_DEFAULT=0)."""
    upgrade(app)
    if not load_default or not app.config.get("FAIR_LOAD_DEFAULT") or not is_empty(app):
        return
    from .loader import load_fixture_file  # the loader needs the schema this function has just made

    path = Path(app.config["FAIR_DEFAULT_FIXTURE"])
    if not path.exists():
        log.warning("default fair %s not found; starting empty", path)
        return
    try:
        load_fixture_file(app, path, mode="replace", source="default")
    except IntegrityError:
        log.info("default fair loaded by another worker")
