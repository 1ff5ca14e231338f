"""A login ends after the idle limit and after the absolute limit; logging out ends the account's other logins."""

from __future__ import annotations

import time

from flask import Flask
from flask.testing import FlaskClient
from flask_login import login_user
from sqlalchemy import select

from quizapp import create_app
from quizapp.access import ANYONE, allow
from quizapp.auth.models import User
from quizapp.auth.session_limits import LOGIN_AT, SEEN_AT
from quizapp.extensions import db
from tests.support import app_config, login, post_form


def age_session(client: FlaskClient, *, login_ago: float, seen_ago: float) -> None:
    now = time.time()
    with client.session_transaction() as session:
        session[LOGIN_AT] = now - login_ago
        session[SEEN_AT] = now - seen_ago


def test_an_idle_login_ends(student_client: FlaskClient) -> None:
    assert student_client.get("/account/password").status_code == 200
    age_session(student_client, login_ago=3 * 3600, seen_ago=3 * 3600)
    response = student_client.get("/account/password")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]
    assert student_client.get("/account/password").status_code == 302  # it stays ended


def test_an_active_login_stays_until_the_absolute_limit(student_client: FlaskClient) -> None:
    age_session(student_client, login_ago=11 * 3600, seen_ago=60)
    assert student_client.get("/account/password").status_code == 200
    age_session(student_client, login_ago=13 * 3600, seen_ago=60)
    assert student_client.get("/account/password").status_code == 302


def test_scripts_are_told_with_a_401(student_client: FlaskClient) -> None:
    age_session(student_client, login_ago=3 * 3600, seen_ago=3 * 3600)
    response = student_client.get("/csrf-token", headers={"Accept": "application/json"})
    assert response.status_code == 401
    assert "log in again" in response.get_json()["error"]


def test_limits_are_configurable(app: Flask, student_client: FlaskClient) -> None:
    app.config["SESSION_IDLE_TIMEOUT"] = 30  # seconds, as FLASK_SESSION_IDLE_TIMEOUT=30 would give
    age_session(student_client, login_ago=40, seen_ago=40)
    assert student_client.get("/account/password").status_code == 302


def test_logging_out_ends_the_accounts_other_logins(app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    laptop, phone = app.test_client(), app.test_client()
    login(laptop, users.student)
    login(phone, users.student)
    post_form(laptop, "/logout", {})
    assert phone.get("/account/password").status_code == 302


def test_a_server_error_leaves_the_session_cookie_as_it_was(database_url: str, users) -> None:  # type: ignore[no-untyped-def]
    """A login that fails with a 500 after login_user (as CR/LF in next= once did) sets no login cookie."""
    app = create_app(app_config(database_url, PROPAGATE_EXCEPTIONS=False))

    @app.route("/login-then-fail")
    @allow(ANYONE)
    def login_then_fail() -> str:
        login_user(db.session.scalars(select(User).where(User.username == users.student)).one())
        raise RuntimeError("the answer could not be made")

    with app.app_context():
        client = app.test_client()
        response = client.get("/login-then-fail")
        assert response.status_code == 500
        assert "Set-Cookie" not in response.headers
        assert client.get("/account/password").status_code == 302  # still logged out
        db.session.remove()
        db.engine.dispose()
