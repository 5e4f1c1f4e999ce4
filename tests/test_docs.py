"""OpenAPI from the schemas, and a browsable page that needs no internet."""

from __future__ import annotations


def test_openapi_lists_the_endpoints(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    for path in ("/api/v1/fair", "/api/v1/industries", "/api/v1/employers", "/api/v1/employers/{employer_id}",
                 "/api/v1/positions", "/api/v1/positions/{position_id}", "/api/v1/fixtures",
                 "/api/v1/fixtures/export"):  # fmt: skip
        assert path in spec["paths"], path
    assert "Fixture" in spec["components"]["schemas"]
    body = spec["paths"]["/api/v1/fixtures"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["$ref"].endswith("/Fixture")


def test_organiser_operations_declare_the_bearer_token(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["components"]["securitySchemes"]["organiser"] == {
        "type": "http", "scheme": "bearer", "description": "FAIR_ADMIN_TOKEN",
    }  # fmt: skip
    paths = spec["paths"]
    assert paths["/api/v1/fixtures"]["post"]["security"] == [{"organiser": []}]
    assert paths["/api/v1/fixtures/export"]["get"]["security"] == [{"organiser": []}]
    assert paths["/api/v1/positions/{position_id}"]["patch"]["security"] == [{"organiser": []}]
    assert "security" not in paths["/api/v1/positions/{position_id}"]["get"]
    assert "security" not in paths["/api/v1/matches"]["post"]


def test_docs_page_loads_its_assets_from_the_service(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "/api/docs/assets/swagger-ui-bundle.js" in html
    assert "https://" not in html and "http://" not in html
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        with client.get(f"/api/docs/assets/{asset}") as response:
            assert response.status_code == 200
            assert len(response.get_data()) > 1000
