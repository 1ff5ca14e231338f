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


def test_forwarded_headers_count_only_behind_a_trusted_proxy(app, database_url: str, users) -> None:  # type: ignore[no-untyped-def]
    from quizapp import create_app
    from tests.support import app_config, csrf_token

    def logins_refused(trusted: int) -> list[int]:
        """Three wrong logins, each claiming another client address, against two per address."""
        proxied = create_app(
            app_config(
                database_url, TRUSTED_PROXIES=trusted, RATELIMIT_ENABLED=True, RATELIMIT_LOGIN=("2/hour", "100/hour")
            )
        )
        client = proxied.test_client()
        statuses = []
        for i in range(3):
            headers = {"X-Forwarded-For": f"203.0.113.{i}"}
            token = csrf_token(client, "/login")
            form = {"username": f"someone{i}", "password": "wrong password!", "csrf_token": token}
            statuses.append(client.post("/login", data=form, headers=headers).status_code)
        return statuses

    # Straight from the internet the header is anyone's to forge: it does not dodge the address limit.
    assert logins_refused(0) == [401, 401, 429]
    # Behind one nginx, each client is counted by the address nginx passed on.
    assert logins_refused(1) == [401, 401, 401]
    proxied = create_app(app_config(database_url, TRUSTED_PROXIES=1))
    response = proxied.test_client().get("/login", headers={"X-Forwarded-Proto": "https"})
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    assert (
        "Strict-Transport-Security"
        not in app.test_client().get("/login", headers={"X-Forwarded-Proto": "https"}).headers
    )


def test_a_trusted_proxy_count_that_is_no_count_is_refused_at_start(database_url: str) -> None:
    import pytest

    from quizapp import ConfigurationError, create_app
    from tests.support import app_config

    for bad in (-1, "one", "1.5"):
        with pytest.raises(ConfigurationError, match="TRUSTED_PROXIES must be a whole number"):
            create_app(app_config(database_url, TRUSTED_PROXIES=bad))
