"""Every error is JSON in one shape, and no server error shows its details."""

from __future__ import annotations


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
