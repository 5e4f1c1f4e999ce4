"""Less on the wire: compressed JSON and page files for clients that ask, static files revalidated by ETag."""

from __future__ import annotations

import gzip
import json
import re

import brotli
import pytest

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


def _versioned_urls(page: str) -> list[str]:
    return re.findall(r'"(/static/v/[0-9a-f]{12}/[^"]+)"', page)


def test_the_seekers_page_names_versioned_files_cached_for_a_year(client):
    page = client.get("/")
    assert page.headers["Cache-Control"] == "no-cache" and page.headers["ETag"]
    urls = _versioned_urls(page.get_data(as_text=True))
    assert "/static/seeker/" not in page.get_data(as_text=True)
    assert any(url.endswith("/seeker/app.js") for url in urls) and any(url.endswith(".css") for url in urls)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        cache = response.headers["Cache-Control"]
        assert "immutable" in cache and "max-age=31536000" in cache and "no-cache" not in cache
    again = client.get("/", headers={"If-None-Match": page.headers["ETag"]})
    assert again.status_code == 304


def test_modules_import_each_other_inside_their_build(client):
    app_js = next(u for u in _versioned_urls(client.get("/").get_data(as_text=True)) if u.endswith("/app.js"))
    base = app_js.rsplit("/seeker/", 1)[0]
    source = client.get(app_js).get_data(as_text=True)
    imported = re.findall(r'from "(\.\.?/[^"]+)"', source)
    assert "../shared/dom.js" in imported
    for name in imported:
        path = f"{base}/seeker/{name[2:]}" if name.startswith("./") else f"{base}/{name[3:]}"
        assert client.get(path).status_code == 200, path


def test_an_older_builds_url_is_answered_but_not_kept(client):
    response = client.get("/static/v/000000000000/seeker/app.js")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-cache"
    assert client.get("/static/v/000000000000/seeker/missing.js").status_code == 404


def test_the_service_worker_is_revalidated_and_names_the_build(client):
    build = _versioned_urls(client.get("/").get_data(as_text=True))[0].split("/")[3]
    worker = client.get("/sw.js")
    assert worker.headers["Cache-Control"] == "no-cache" and worker.headers["Service-Worker-Allowed"] == "/"
    assert f'const BUILD = "{build}";' in worker.get_data(as_text=True)
    assert client.get(f"/static/v/{build}/seeker/sw.js").status_code == 404


@pytest.mark.parametrize("encoding", ["identity", "br", "gzip"])
def test_api_reads_revalidate_to_304_until_the_data_changes(client, organiser, encoding):
    assert client.post("/api/v1/fixtures", json=small_fair(), headers=organiser).status_code == 200
    asked = {"Accept-Encoding": encoding}
    for url in ["/api/v1/fair", "/api/v1/positions?limit=2", "/api/v1/employers/E01", "/api/v1/industries"]:
        first = client.get(url, headers=asked)
        assert first.status_code == 200 and first.headers["ETag"]
        again = client.get(url, headers={**asked, "If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304 and again.data == b""
    tag = client.get("/api/v1/positions/E01-P01", headers=asked).headers["ETag"]
    client.patch("/api/v1/positions/E01-P01", json={"openings": 9}, headers=organiser)
    changed = client.get("/api/v1/positions/E01-P01", headers={**asked, "If-None-Match": tag})
    assert changed.status_code == 200 and changed.get_json()["openings"] == 9
