"""The OpenAPI document describes what the endpoints really answer: real answers validate against the
response schema it gives for their operation and status (clients generate their code from it)."""

from __future__ import annotations

import time

import jsonschema_rs
import pytest

from .builders import small_fair
from .conftest import TOKEN

ORGANISER = {"Authorization": f"Bearer {TOKEN}"}
CANDIDATES = [{"id": "c1", "skills": ["Python", "Scratch"]}, {"id": "c2", "titles": ["教师"]}]


def _json_schema(value):
    """OpenAPI 3.0's ``nullable: true`` as JSON Schema says it: null is one of the types."""
    if isinstance(value, list):
        return [_json_schema(v) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: _json_schema(v) for k, v in value.items() if k != "nullable"}
    if value.get("nullable") and "type" in value:
        out["type"] = [value["type"], "null"]
    return out


def _check(doc: dict, path: str, method: str, response) -> None:
    described = doc["paths"][path][method]["responses"][str(response.status_code)]
    schema = described["content"]["application/json"]["schema"]
    # The document's references point into its components: give them to the validator as its root's.
    root = _json_schema({**schema, "components": doc["components"]})
    jsonschema_rs.Draft4Validator(root).validate(response.get_json())


@pytest.fixture
def loaded(client):
    loaded = client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=ORGANISER)
    assert loaded.status_code == 200
    return client, client.get("/api/v1/openapi.json").get_json()


@pytest.mark.parametrize("compact", [False, True])
def test_a_batch_answer_is_the_one_the_document_describes(loaded, compact):
    client, doc = loaded
    body = {"candidates": CANDIDATES, "limit": 3, "compact": compact}
    response = client.post("/api/v1/matches/batch", json=body)
    assert response.status_code == 200
    _check(doc, "/api/v1/matches/batch", "post", response)


def test_a_match_and_a_push_answer_as_described(loaded):
    client, doc = loaded
    _check(doc, "/api/v1/matches", "post", client.post("/api/v1/matches", json={"skills": ["Python"]}))
    accepted = client.post("/api/v1/pushes", json={"candidates": CANDIDATES, "limit": 2})
    _check(doc, "/api/v1/pushes", "post", accepted)
    for _ in range(200):
        state = client.get(accepted.headers["Location"])
        if state.get_json()["status"] == "finished":
            break
        time.sleep(0.02)
    _check(doc, "/api/v1/pushes/{push_id}", "get", state)


@pytest.mark.parametrize(
    "path, url",
    [
        ("/api/v1/fair", "/api/v1/fair"),
        ("/api/v1/industries", "/api/v1/industries"),
        ("/api/v1/employers", "/api/v1/employers?sort=name"),
        ("/api/v1/employers/{employer_id}", "/api/v1/employers/E01"),
        ("/api/v1/positions", "/api/v1/positions?benefits=包吃住"),
        ("/api/v1/positions/{position_id}", "/api/v1/positions/E01-P01"),
        ("/api/v1/skills/suggest", "/api/v1/skills/suggest?q=pyt"),
        ("/api/v1/fixtures/export", "/api/v1/fixtures/export"),
        ("/api/v1/fixtures/history", "/api/v1/fixtures/history"),
        ("/api/v1/stats/pay", "/api/v1/stats/pay"),
        ("/api/v1/stats/demand", "/api/v1/stats/demand"),
        ("/api/v1/stats/training", "/api/v1/stats/training"),
    ],
)
def test_reads_answer_as_described(loaded, path, url):
    client, doc = loaded
    response = client.get(url, headers=ORGANISER)
    assert response.status_code == 200
    _check(doc, path, "get", response)


def test_the_station_answers_as_described(loaded):
    client, doc = loaded
    _check(doc, "/api/v1/guidance", "post", client.post("/api/v1/guidance", json={"skills": ["Python"]}))
    read = client.post("/api/v1/profiles/read", json={"text": "技能：Python、Excel\n求职意向：教师"})
    _check(doc, "/api/v1/profiles/read", "post", read)


@pytest.mark.parametrize(
    "method, url, body, code",
    [
        ("get", "/api/v1/positions/nope", None, 404),
        ("get", "/api/v1/positions?limit=0", None, 422),
        ("post", "/api/v1/matches", {"skills": "Python"}, 422),
        ("post", "/api/v1/matches", {"skills": ["\x00"]}, 400),
    ],
)
def test_errors_answer_the_documented_shape(loaded, method, url, body, code):
    client, doc = loaded
    response = client.open(url, method=method.upper(), json=body)
    assert response.status_code == code
    responses = doc["paths"][url.split("?")[0].replace("/nope", "/{position_id}")][method]["responses"]
    described = responses.get(str(code), responses["default"])
    if "$ref" in described:
        described = doc["components"]["responses"][described["$ref"].rsplit("/", 1)[1]]
    schema = described["content"]["application/json"]["schema"]
    root = _json_schema({**schema, "components": doc["components"]})
    jsonschema_rs.Draft4Validator(root).validate(response.get_json())
