"""Every error is JSON in one shape, and no server error shows its details."""

from __future__ import annotations

import gzip
import io
import json

import pytest


def test_unknown_route_is_json_404(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    body = response.get_json()
    assert set(body) >= {"code", "status", "message", "errors"}


def test_wrong_method_is_json_405(client):
    response = client.delete("/api/v1/fair")
    assert response.status_code == 405
    assert response.get_json()["code"] == 405


def test_unexpected_error_is_json_500_without_details(make_app):
    app = make_app(TESTING=False, PROPAGATE_EXCEPTIONS=False)

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret detail /etc/passwd")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    body = response.get_json()
    assert body["code"] == 500 and body["status"] == "Internal Server Error"
    assert "secret" not in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)


def test_nul_characters_are_refused_before_they_reach_the_database(client, organiser):
    for url in ("/api/v1/employers?q=%00", "/api/v1/positions?q=a%00b", "/api/v1/employers/E%0001"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "NUL" in response.get_json()["message"]
    response = client.post("/api/v1/matches", json={"skills": ["Python", "Ja\x00va"]})
    assert response.status_code == 400
    assert "skills[1]" in response.get_json()["errors"]


def test_a_document_with_a_nul_character_is_invalid_at_its_path():
    from service.errors import FixtureInvalid
    from service.store.loader import validate_document

    from .builders import employer, fair_doc, position

    doc = fair_doc(employer("E01", positions=[position("P1", title="普工\x00")]))
    with pytest.raises(FixtureInvalid) as caught:
        validate_document(doc)
    assert list(caught.value.data["errors"]) == ["employers[0].positions[0].title"]


JSON_ENDPOINTS = ["/api/v1/matches", "/api/v1/guidance", "/api/v1/matches/batch", "/api/v1/pushes"]
FORM = b"skills=Python"


@pytest.mark.parametrize("url", JSON_ENDPOINTS)
@pytest.mark.parametrize(
    "send",
    [
        {"data": {"skills": "Python"}, "content_type": "multipart/form-data"},
        {"data": FORM, "content_type": "application/x-www-form-urlencoded"},
        {  # chunked, as a client streaming its body sends it: no Content-Length
            "input_stream": io.BytesIO(FORM),
            "headers": {"Transfer-Encoding": "chunked"},
            "content_type": "application/x-www-form-urlencoded",
            "environ_overrides": {"wsgi.input_terminated": True},
        },
        {"data": FORM, "content_type": "text/plain"},
    ],
    ids=["multipart", "form", "chunked-form", "text"],
)
def test_a_body_that_is_not_json_is_415_on_every_json_endpoint(client, url, send):
    response = client.post(url, **send)
    assert response.status_code == 415, response.get_json()
    assert response.get_json()["message"] == "Send the body as application/json."


def test_the_endpoints_taking_a_file_still_take_multipart(client, organiser):
    data = {"file": (io.BytesIO(b"Python, SQL"), "cv.txt")}
    response = client.post("/api/v1/profiles/read", data=data, content_type="multipart/form-data")
    assert response.status_code == 200, response.get_json()
    data = {"file": (io.BytesIO(b"{"), "fair.json")}
    response = client.post(
        "/api/v1/fixtures", data=data, headers=organiser, content_type="multipart/form-data"
    )
    assert response.status_code == 400 and "fair.json" in response.get_json()["message"]


@pytest.mark.parametrize(
    "method, url",
    [
        ("POST", "/api/v1/match"),
        ("PATCH", "/api/v1/matches"),
        ("PUT", "/api/v1/fair"),
        ("POST", "/api/v1/nope/1"),
    ],
)
@pytest.mark.parametrize(
    "body, kind",
    [("skills=Python", "application/x-www-form-urlencoded"), ('{"skills": [', "application/json")],
)
def test_a_wrong_path_or_method_is_404_or_405_whatever_the_body(client, method, url, body, kind):
    response = client.open(url, method=method, data=body, content_type=kind)
    assert response.status_code == (405 if url in {"/api/v1/matches", "/api/v1/fair"} else 404)
    assert response.get_json()["code"] == response.status_code


@pytest.mark.parametrize("url", [*JSON_ENDPOINTS, "/api/v1/profiles/read"])
def test_a_compressed_body_is_415_saying_to_send_it_uncompressed(client, url):
    body = gzip.compress(json.dumps({"candidates": [{"id": "c1"}], "text": "Python"}).encode())
    response = client.post(
        url, data=body, content_type="application/json", headers={"Content-Encoding": "gzip"}
    )
    assert response.status_code == 415
    assert response.get_json()["message"] == "Send the body uncompressed: no Content-Encoding is accepted."


@pytest.mark.parametrize(("encoding", "skill"), [("gbk", "会计"), ("gb18030", "出纳"), ("big5", "會計")])
def test_a_json_body_in_a_chinese_encoding_is_400_saying_to_send_utf8(client, encoding, skill):
    body = json.dumps({"skills": [skill]}, ensure_ascii=False).encode(encoding)
    response = client.post("/api/v1/matches", data=body, content_type=f"application/json; charset={encoding}")
    assert response.status_code == 400
    assert response.get_json()["message"] == "The request body is not UTF-8 text: send JSON encoded in UTF-8."


def test_a_body_cut_short_of_its_length_says_so(client):
    cut = {"wsgi.input": io.BytesIO(b'{"skills": ['), "CONTENT_LENGTH": "100"}
    cut["CONTENT_TYPE"] = "application/json"
    response = client.post("/api/v1/matches", environ_overrides=cut)
    assert response.status_code == 400
    body = response.get_json()
    assert body["message"] == "The request body was cut short or arrived too slowly; send the request again."
