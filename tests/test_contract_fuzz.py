"""Contract fuzzing: Schemathesis generates requests for every operation of /api/v1/openapi.json (organiser
ones with the token) and no answer may be a server error. Bounded and seeded here; `make fuzz` runs long."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from service import create_app

from .builders import small_fair
from .conftest import TOKEN

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 8))
_folder = tempfile.mkdtemp(prefix="fairmatch-fuzz-")


def _app():
    url = f"sqlite:///{Path(_folder) / 'fair.db'}"
    app = create_app({"DATABASE_URL": url, "FAIR_ADMIN_TOKEN": TOKEN, "FAIR_LOAD_DEFAULT": False,
                      "RATELIMIT_ENABLED": False, "TESTING": True})  # fmt: skip
    return app


APP = _app()
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)


@pytest.fixture(autouse=True)
def _fresh_fair():
    APP.test_client().post(
        "/api/v1/fixtures?mode=replace", json=small_fair(), headers={"Authorization": f"Bearer {TOKEN}"}
    )


@schema.parametrize()
@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_operation_answers_a_server_error(case):
    response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    case.validate_response(response, checks=[not_a_server_error])
