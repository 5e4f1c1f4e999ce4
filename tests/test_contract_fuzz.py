"""Contract fuzzing: Schemathesis generates requests for every operation of /api/v1/openapi.json (organiser
ones with the token) and no answer may be a server error. Bounded and seeded here; `make fuzz` runs long.
On SQLite in a folder of its own, or on TEST_DATABASE_URL (PostgreSQL, whose types are narrower)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from service import create_app
from service.store import demand
from service.store.db import get_engine
from service.store.schema import bootstrap, drop_all

from .builders import small_fair
from .conftest import TOKEN

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 8))
_folder = tempfile.mkdtemp(prefix="fairmatch-fuzz-")


URL = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{Path(_folder) / 'fair.db'}"
SHARED = URL.startswith("postgresql")  # one database for the whole run, whose other tests drop its schema


def _app():
    config = {"DATABASE_URL": URL, "FAIR_ADMIN_TOKEN": TOKEN, "FAIR_LOAD_DEFAULT": False,
              "RATELIMIT_ENABLED": False, "TESTING": True}  # fmt: skip
    if SHARED:
        scratch = create_app({**config, "FAIR_BOOTSTRAP": False})
        drop_all(scratch)
        get_engine(scratch).dispose()
    return create_app(config)


APP = _app()
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)


@pytest.fixture(autouse=True, scope="module")
def _closed_after():
    """The module's app leaves nothing behind: no demand counts for a later test's exit flush to write into
    its database (on PostgreSQL the run's one database), no open connections."""
    yield
    if counter := demand.counter(APP):
        counter.wait()
        counter.close()
    get_engine(APP).dispose()


@pytest.fixture(autouse=True)
def _fresh_fair():
    if SHARED:  # the tests before this one left the schema as they used it
        get_engine(APP).dispose()
        drop_all(APP)
        bootstrap(APP, load_default=False)
    APP.test_client().post(
        "/api/v1/fixtures?mode=replace", json=small_fair(), headers={"Authorization": f"Bearer {TOKEN}"}
    )


@schema.parametrize()
@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_operation_answers_a_server_error(case):
    response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    case.validate_response(response, checks=[not_a_server_error])
