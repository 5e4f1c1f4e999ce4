"""A fresh app and database for every test: SQLite in a temporary folder, or TEST_DATABASE_URL (Postgres)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service import create_app
from service.store import demand
from service.store.db import get_engine
from service.store.schema import drop_all

TOKEN = "organiser-secret"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FIXTURE = ROOT / "fixtures" / "qixing-2023.json"


def database_url(tmp_path: Path) -> str:
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'fair.db'}"


@pytest.fixture
def make_app(tmp_path: Path) -> Iterator:
    """Build apps on one clean database; later apps in the same test share it (like gunicorn workers)."""
    built: list[Flask] = []
    url = database_url(tmp_path)
    first = True

    def _make(**overrides: object) -> Flask:
        nonlocal first
        config = {
            "DATABASE_URL": url,
            "FAIR_ADMIN_TOKEN": TOKEN,
            "FAIR_LOAD_DEFAULT": False,
            "TESTING": True,
            "FAIR_VERSION_LEASE_SECONDS": 0.02,
        }  # writes wait one lease: short, to keep tests fast
        config.update(overrides)
        if first and url.startswith("postgresql"):
            # Start from an empty schema: drop what an earlier test left behind.
            scratch = create_app({**config, "FAIR_BOOTSTRAP": False})
            drop_all(scratch)
            get_engine(scratch).dispose()
        first = False
        app = create_app(config)
        built.append(app)
        return app

    yield _make
    # A push a test left running ranks in a thread of its own: let it end before the engines are disposed,
    # or the connection it takes afterwards is left open for the garbage collector (a warning, an error).
    for thread in threading.enumerate():
        if thread.name.startswith("push-"):
            thread.join(timeout=60)
    for app in built:
        app.extensions["fairmatch.ranking"].stop_watching()
        if counter := demand.counter(app):
            counter.wait()
            counter.close()  # nothing left for the exit flush to write into a database that is gone
        get_engine(app).dispose()


@pytest.fixture
def app(make_app) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def organiser() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
