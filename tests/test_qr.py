"""Booth QR codes: GET /api/v1/employers/{id}/qr.svg encodes the employer's view on the seekers' page."""

from __future__ import annotations

import io

import segno

from .builders import small_fair


def _load(client, organiser) -> None:
    response = client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=organiser)
    assert response.status_code == 200


def _svg(target: str, title: str) -> bytes:
    out = io.BytesIO()
    segno.make(target, error="m").save(out, kind="svg", scale=8, border=2, title=title)
    return out.getvalue()


def test_the_code_opens_the_employer_view_at_the_public_url(make_app, organiser):
    client = make_app(FAIR_PUBLIC_URL="https://fair.example.cn/").test_client()
    _load(client, organiser)
    response = client.get("/api/v1/employers/E01/qr.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    target = "https://fair.example.cn/#employer/E01"
    assert response.headers["X-QR-Target"] == target
    assert response.data == _svg(target, "桂林漓江电子科技有限公司")


def test_without_a_public_url_the_code_uses_the_requested_host(client, organiser):
    _load(client, organiser)
    response = client.get("/api/v1/employers/E01/qr.svg", base_url="http://10.0.0.5:8000")
    assert response.headers["X-QR-Target"] == "http://10.0.0.5:8000/#employer/E01"


def test_an_unknown_employer_is_a_404_in_the_error_shape(client, organiser):
    _load(client, organiser)
    response = client.get("/api/v1/employers/NOPE/qr.svg")
    assert response.status_code == 404
    assert response.get_json()["code"] == 404


def test_the_organisers_sheet_of_booth_codes_is_served(client):
    with client.get("/organizer/qr") as response:
        assert response.status_code == 200
        assert b"booth-codes.js" in response.data
