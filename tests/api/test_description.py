"""The OpenAPI description covers every API route, and the documentation page lists every operation."""

from __future__ import annotations

from flask import Flask
from markupsafe import escape

from quizapp import create_app
from tests.support import app_config

UNDESCRIBED = {"api.openapi_json", "api.docs"}  # the description and its page themselves


def description_app(tmp_path) -> Flask:  # type: ignore[no-untyped-def]
    return create_app(app_config(f"sqlite:///{tmp_path / 'x.sqlite'}"))


def test_every_api_route_is_described(tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = description_app(tmp_path)
    spec = app.test_client().get("/api/openapi.json").get_json()
    assert spec["openapi"] == "3.1.0"
    described = {
        ("api." + operation["operationId"], method.upper(), spec["servers"][0]["url"] + path)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
    }
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("api.") and rule.endpoint not in UNDESCRIBED:
            method = sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})[0]
            path = rule.rule
            for name in rule.arguments:
                path = path.replace(f"<id:{name}>", "{" + name + "}")
            routes.add((rule.endpoint, method, path))
    assert routes == described
    assert len(routes) >= 25
    every_response = [r for item in spec["paths"].values() for op in item.values() for r in op["responses"]]
    assert "500" not in every_response


def test_the_docs_page_lists_every_operation_without_a_cdn(tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = description_app(tmp_path)
    client = app.test_client()
    spec = client.get("/api/openapi.json").get_json()
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            assert f'id="{operation["operationId"]}"' in html, (method, path)
            assert str(escape(operation["summary"])) in html
    assert "cdn" not in html.lower()
    assert "https://" not in html
