"""Less on the wire: compressed JSON and page files for clients that ask, static files revalidated by ETag."""

from __future__ import annotations

import gzip
import json

import brotli

from .builders import small_fair


def test_match_answers_are_compressed_when_asked(client, organiser):
    assert (
        client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=organiser).status_code == 200
    )
    body = {"skills": ["Python"], "limit": 50}
    plain = client.post("/api/v1/matches", json=body)
    squeezed = client.post("/api/v1/matches", json=body, headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in plain.headers
    assert squeezed.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(squeezed.data)) == plain.get_json()


def test_openapi_document_prefers_brotli(client):
    response = client.get("/api/v1/openapi.json", headers={"Accept-Encoding": "gzip, br"})
    assert response.headers["Content-Encoding"] == "br"
    assert json.loads(brotli.decompress(response.data))["openapi"].startswith("3.")


def test_static_files_revalidate_to_304_compressed_or_not(client):
    for encoding in ("br", "gzip", "identity"):
        first = client.get("/static/seeker/app.js", headers={"Accept-Encoding": encoding})
        assert first.status_code == 200 and first.headers["Cache-Control"] == "no-cache"
        asked = {"Accept-Encoding": encoding, "If-None-Match": first.headers["ETag"]}
        again = client.get("/static/seeker/app.js", headers=asked)
        assert again.status_code == 304 and again.data == b""
