"""Every organiser endpoint answers 401 without a token, 403 with a wrong one or with none configured."""

from __future__ import annotations

import io

import pytest

from service.api.fixtures import RECORD_ID

from .builders import small_fair

ORGANISER_ENDPOINTS = [
    ("post", "/api/v1/fixtures"),
    ("get", "/api/v1/fixtures/export"),
    ("get", "/api/v1/fixtures/export.xlsx"),
    ("get", "/api/v1/fixtures/export.csv"),
    ("get", "/api/v1/fixtures/history"),
    ("get", "/api/v1/fixtures/history/1/document"),
    ("post", "/api/v1/fixtures/history/1/restore"),
    ("put", "/api/v1/employers/E01"),
    ("patch", "/api/v1/employers/E01"),
    ("delete", "/api/v1/employers/E01"),
    ("put", "/api/v1/positions/E01-P01"),
    ("patch", "/api/v1/positions/E01-P01"),
    ("delete", "/api/v1/positions/E01-P01"),
    ("get", "/api/v1/stats/pay"),
    ("get", "/api/v1/stats/demand"),
]


@pytest.fixture
def loaded(client, organiser):
    client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=organiser)
    return client


def call(client, method: str, url: str, headers: dict):
    if method == "post":
        data = {"file": (io.BytesIO(b"{}"), "fair.json")}
        return client.post(url, data=data, headers=headers, content_type="multipart/form-data")
    return getattr(client, method)(
        url, json={"title": "x"} if method in {"put", "patch"} else None, headers=headers
    )


@pytest.mark.parametrize(("method", "url"), ORGANISER_ENDPOINTS)
def test_organiser_endpoints_need_the_right_token(loaded, method, url):
    before = loaded.get("/api/v1/fair").get_json()["data_version"]
    missing = call(loaded, method, url, {})
    assert missing.status_code == 401 and missing.get_json()["code"] == 401
    assert call(loaded, method, url, {"Authorization": "Bearer wrong"}).status_code == 403
    assert call(loaded, method, url, {"Authorization": "Basic b3JnOnNlY3JldA=="}).status_code == 401
    assert loaded.get("/api/v1/fair").get_json()["data_version"] == before


@pytest.mark.parametrize(("method", "url"), ORGANISER_ENDPOINTS)
def test_with_no_token_configured_organiser_endpoints_answer_403(make_app, organiser, method, url):
    client = make_app(FAIR_ADMIN_TOKEN=None).test_client()
    assert call(client, method, url, organiser).status_code == 403


@pytest.mark.parametrize("url", ["/api/v1/fixtures/template.xlsx", "/api/v1/fixtures/template.csv"])
def test_templates_are_public(client, url):
    assert client.get(url).status_code == 200


def test_every_organiser_route_is_in_the_list(app):
    """A new organiser endpoint must join the list above, so the access tests cover it."""
    public = {"/api/v1/fixtures/template.xlsx", "/api/v1/fixtures/template.csv"}
    listed = {(m.upper(), u.replace("E01-P01", "<position_id>").replace("E01", "<employer_id>")
               .replace("/history/1/", f"/history/{RECORD_ID}/"))
              for m, u in ORGANISER_ENDPOINTS}  # fmt: skip
    for rule in app.url_map.iter_rules():
        if rule.endpoint.split(".")[0] not in {"fixtures", "corrections", "stats"} or rule.rule in public:
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert (method, rule.rule) in listed, (method, rule.rule)
