"""Alembic's environment: runs on the connection `service.store.schema` hands it, against the models."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from service.store import models  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "run migrations through `flask fair init` or `flask fair migrate`, which pass a connection"
    )

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite changes tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
