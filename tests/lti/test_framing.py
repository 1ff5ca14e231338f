"""The in-frame path: the quiz pages of a session launched from an LMS may be framed by that LMS's registered
origins, every other session and page by nobody; and the session cookie the frame needs (SameSite=None; Secure)
only when LTI_IN_FRAME is set with Secure cookies."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp import create_app
from quizapp.config import IN_FRAME_WITHOUT_SECURE
from quizapp.extensions import db
from quizapp.lti import services
from quizapp.lti.models import LtiPlatform
from quizapp.quizzes.models import Quiz
from tests.conftest import Accounts
from tests.lti.platform import CLIENT_ID, ISSUER, LEARNER, Platform
from tests.support import app_config, login, post_form

LMS_ONLY = f"frame-ancestors {ISSUER}"


def _frame_ancestors(response: object) -> str:
    csp = response.headers["Content-Security-Policy"]  # type: ignore[attr-defined]
    return next(part.strip() for part in csp.split(";") if "frame-ancestors" in part)


def _launched(app: Flask, lms: Platform, quiz: Quiz) -> FlaskClient:
    browser = app.test_client()
    response = lms.launch(browser, "lms-user-1", [LEARNER], custom={"quiz_id": str(quiz.id)})
    assert response.status_code == 200, response.get_data(as_text=True)
    return browser


def test_a_launched_session_may_show_its_quiz_in_that_lms_frame_only(app: Flask, lms: Platform, quiz: Quiz) -> None:
    browser = _launched(app, lms, quiz)
    page = browser.get(f"/quizzes/{quiz.id}")
    assert page.status_code == 200
    assert _frame_ancestors(page) == LMS_ONLY  # the registration's origin, not "https:" nor the request's
    assert "X-Frame-Options" not in page.headers
    started = browser.post(f"/quizzes/{quiz.id}/start", follow_redirects=True)
    assert _frame_ancestors(started) == LMS_ONLY  # the attempt's page too
    # Pages the launch does not lead to stay unframeable.
    for path in ("/account/password", "/history"):
        other = browser.get(path)
        assert _frame_ancestors(other) == "frame-ancestors 'none'", path
        assert other.headers["X-Frame-Options"] == "DENY", path


def test_the_frame_origins_an_admin_listed_may_frame_too(app: Flask, lms: Platform, quiz: Quiz) -> None:
    platform = db.session.scalars(select(LtiPlatform)).one()
    platform.frame_origins = services.parse_frame_origins("https://School.instructure.com/\nhttps://lms.example.org")
    db.session.commit()
    page = _launched(app, lms, quiz).get(f"/quizzes/{quiz.id}")
    assert _frame_ancestors(page) == f"{LMS_ONLY} https://school.instructure.com"
    for wrong in ("https://a.example/path", "https://a.example;script-src *", "http://a.example", "*"):
        with pytest.raises(services.InvalidRegistration):
            services.parse_frame_origins(wrong)


def test_a_session_not_launched_from_an_lms_is_never_frameable(
    app: Flask, lms: Platform, quiz: Quiz, users: Accounts, student_client: FlaskClient
) -> None:
    for path in ("/", f"/quizzes/{quiz.id}"):
        response = student_client.get(path)
        assert _frame_ancestors(response) == "frame-ancestors 'none'", path
        assert response.headers["X-Frame-Options"] == "DENY", path
    # A launched browser that logs out and signs in with a password starts a new session: the mark is gone.
    browser = _launched(app, lms, quiz)
    assert _frame_ancestors(browser.get(f"/quizzes/{quiz.id}")) == LMS_ONLY
    post_form(browser, "/logout", {})
    login(browser, users.teacher)
    assert _frame_ancestors(browser.get(f"/manage/quizzes/{quiz.id}")) == "frame-ancestors 'none'"
    assert _frame_ancestors(app.test_client().get(f"/quizzes/{quiz.id}")) == "frame-ancestors 'none'"


def _session_cookie(database_url: str, **settings: object) -> str:
    made = create_app(app_config(database_url, **settings))
    response = made.test_client().get("/login", base_url="https://quiz.example")
    [cookie] = [value for value in response.headers.getlist("Set-Cookie") if value.startswith("session=")]
    return cookie


@pytest.mark.parametrize(
    ("settings", "same_site", "secure"),
    [
        ({}, "SameSite=Lax", False),
        ({"LTI_IN_FRAME": True, "SESSION_COOKIE_SECURE": True}, "SameSite=None", True),
        ({"SESSION_COOKIE_SECURE": True}, "SameSite=Lax", True),
        ({"LTI_IN_FRAME": True}, "SameSite=Lax", False),  # not without Secure: browsers would drop the cookie
    ],
)
def test_the_session_cookie_is_samesite_none_only_in_frame_mode_with_secure(
    database_url: str, settings: dict[str, object], same_site: str, secure: bool
) -> None:
    cookie = _session_cookie(database_url, **settings)
    assert same_site in cookie
    assert ("; Secure" in cookie) is secure


def test_in_frame_mode_without_secure_cookies_is_said_at_start_up(
    database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING"):
        create_app(app_config(database_url, LTI_IN_FRAME=True, SESSION_COOKIE_SECURE=True))
    assert IN_FRAME_WITHOUT_SECURE not in caplog.text
    with caplog.at_level("WARNING"):
        create_app(app_config(database_url, LTI_IN_FRAME=True))
    assert IN_FRAME_WITHOUT_SECURE in caplog.text


def test_a_database_failure_while_reading_the_platform_falls_back_to_none() -> None:
    from sqlalchemy.exc import OperationalError

    from quizapp.lti import framing

    class Down:
        def get(self, *args: object) -> None:
            raise OperationalError("SELECT", {}, Exception("database is down"))

    down: Any = Down()
    assert framing.frame_ancestors(down, {framing.SESSION_KEY: 1}, "attempts", "attempts.quiz") is None
    assert framing.frame_ancestors(down, {framing.SESSION_KEY: True}, "attempts", "attempts.quiz") is None


def _state_cookie(response: Any) -> str:
    [cookie] = [value for value in response.headers.getlist("Set-Cookie") if value.startswith("lti1p3-state-")]
    return str(cookie)


def test_behind_a_proxy_the_lms_is_given_https_addresses_and_a_state_cookie_for_the_frame(
    database_url: str, lms: Platform
) -> None:
    """nginx ends TLS and passes the request on over http: with FLASK_TRUSTED_PROXIES the address quizapp gives
    the LMS to return to is https, and the login's state cookie is one a frame may keep (SameSite=None; Secure)."""
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "quiz.school.example"}
    query = {"iss": ISSUER, "login_hint": "lms-user-1", "target_link_uri": "https://quiz.school.example/lti/launch",
             "client_id": CLIENT_ID}  # fmt: skip
    proxied = create_app(app_config(database_url, TRUSTED_PROXIES=1)).test_client()
    response = proxied.get("/lti/login", query_string=query, headers=forwarded)
    assert response.status_code == 302
    assert parse_qs(urlsplit(response.headers["Location"]).query)["redirect_uri"] == [
        "https://quiz.school.example/lti/launch"
    ]
    assert "; Secure" in _state_cookie(response)
    assert "SameSite=None" in _state_cookie(response)

    # Not trusted, the same headers are anyone's to forge: the addresses stay those of the request itself.
    direct = create_app(app_config(database_url)).test_client().get("/lti/login", query_string=query, headers=forwarded)
    assert parse_qs(urlsplit(direct.headers["Location"]).query)["redirect_uri"] == ["http://localhost/lti/launch"]
    assert "Secure" not in _state_cookie(direct)
