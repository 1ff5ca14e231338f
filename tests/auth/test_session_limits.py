"""A login ends after the idle limit and after the absolute limit; logging out ends the account's other logins."""

from __future__ import annotations

import time

from flask import Flask
from flask.testing import FlaskClient

from quizapp.auth.session_limits import LOGIN_AT, SEEN_AT
from tests.support import login, post_form


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
