"""Security headers on every kind of response, and HSTS only over HTTPS."""

from __future__ import annotations

from flask.testing import FlaskClient


def test_headers_on_pages_errors_static_and_json(student_client: FlaskClient) -> None:
    for path in ("/", "/login", "/no-such-page", "/static/app.css", "/csrf-token", "/healthz"):
        response = student_client.get(path)
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp, path
        assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0], path
        assert "frame-ancestors 'none'" in csp, path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        assert response.headers["Referrer-Policy"] == "same-origin", path
        assert "Strict-Transport-Security" not in response.headers, path


def test_hsts_over_https(client: FlaskClient) -> None:
    response = client.get("/login", base_url="https://quiz.example")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_no_page_has_inline_script(student_client: FlaskClient) -> None:
    import re

    for path in ("/", "/account/password"):
        html = student_client.get(path).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert " onclick=" not in html
