"""Launches signed by an emulated LMS (lti1p3platform): both roles, and the launches that must be refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask import Flask
from sqlalchemy import func, select

from quizapp.auth.models import User
from quizapp.extensions import db
from quizapp.lti.models import LtiIdentity, LtiLaunchValue, LtiResourceLink
from quizapp.models import utcnow
from quizapp.quizzes.models import Quiz
from tests.lti.platform import (
    CLIENT_ID,
    INSTRUCTOR,
    ISSUER,
    LAUNCH_URL,
    LEARNER,
    Platform,
    handoff_path,
    new_key_pair,
)


def _count(model: type) -> int:
    return int(db.session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_learner_launch_makes_a_student_who_can_open_the_quiz(app: Flask, lms: Platform, quiz: Quiz) -> None:
    browser = app.test_client()
    response = lms.launch(browser, "lms-user-1", [LEARNER], custom={"quiz_id": str(quiz.id)})
    assert response.status_code == 200, response.get_data(as_text=True)
    page = response.get_data(as_text=True)
    assert "Open the quiz in a new tab" in page
    assert 'target="_blank"' in page
    identity = db.session.scalars(select(LtiIdentity)).one()
    assert identity.subject == "lms-user-1"
    assert identity.user.role == "student"
    assert identity.user.display_name == "User lms-user-1"
    framed = browser.get(f"/quizzes/{quiz.id}")
    assert framed.status_code == 200, framed.headers.get("Location")  # in the frame, where cookies are allowed

    # The new tab is a first-party window without the frame's cookies: the one-time link signs it in.
    handoff = handoff_path(page)
    tab = app.test_client()
    opened = tab.get(handoff)
    assert opened.status_code == 302
    assert opened.headers["Location"].endswith(f"/quizzes/{quiz.id}")
    assert tab.get(f"/quizzes/{quiz.id}").status_code == 200
    assert app.test_client().get(handoff).status_code == 404  # used once only


def test_the_same_lms_user_is_matched_again_and_the_link_remembers_its_quiz(
    app: Flask, lms: Platform, quiz: Quiz
) -> None:
    lms.launch(app.test_client(), "lms-user-1", [LEARNER], custom={"quiz_id": str(quiz.id)})
    users_before = _count(User)
    second = lms.launch(app.test_client(), "lms-user-1", [LEARNER])  # no custom parameter: the link is known
    assert second.status_code == 200, second.get_data(as_text=True)
    assert _count(User) == users_before
    assert _count(LtiIdentity) == 1
    assert db.session.scalars(select(LtiResourceLink)).one().quiz_id == quiz.id


def test_an_instructor_launch_makes_a_teacher_in_the_new_tab(app: Flask, lms: Platform, quiz: Quiz) -> None:
    response = lms.launch(app.test_client(), "lms-teacher", [INSTRUCTOR], custom={"quiz_id": str(quiz.id)})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert _count(LtiIdentity) == 0  # settled where the browser sends its own cookies: the new tab
    tab = app.test_client()
    opened = tab.get(handoff_path(response.get_data(as_text=True)))
    assert opened.status_code == 302
    assert opened.headers["Location"].endswith(f"/manage/quizzes/{quiz.id}")
    assert db.session.scalars(select(LtiIdentity)).one().user.role == "teacher"
    again = lms.launch(app.test_client(), "lms-teacher", [INSTRUCTOR])  # known now: signed in at once
    assert "Open the quiz in a new tab" in again.get_data(as_text=True)
    assert _count(LtiIdentity) == 1


def test_an_unlinked_launch_says_what_to_do(app: Flask, lms: Platform, quiz: Quiz) -> None:
    response = lms.launch(app.test_client(), "lms-user-1", [LEARNER])
    assert response.status_code == 400
    assert "quiz_id" in response.get_data(as_text=True)
    assert _count(LtiIdentity) == 0


def test_a_forged_signature_is_refused(app: Flask, lms: Platform, quiz: Quiz) -> None:
    response = lms.launch(
        app.test_client(), "lms-user-1", [LEARNER], custom={"quiz_id": str(quiz.id)}, private_key=new_key_pair()[0]
    )
    assert response.status_code == 400
    assert "could not be checked" in response.get_data(as_text=True)
    assert _count(LtiIdentity) == 0


def test_a_replayed_launch_is_refused(app: Flask, lms: Platform, quiz: Quiz) -> None:
    browser = app.test_client()
    auth = lms.login(browser, "lms-user-1")
    form = lms.signed_launch(auth, "lms-user-1", [LEARNER], custom={"quiz_id": str(quiz.id)})
    assert browser.post("/lti/launch", data=form).status_code == 200
    replay = browser.post("/lti/launch", data=form)
    assert replay.status_code == 400
    assert "Nonce" in replay.get_data(as_text=True)


def test_an_unknown_deployment_is_refused(app: Flask, lms: Platform, quiz: Quiz) -> None:
    response = lms.launch(
        app.test_client(), "lms-user-1", [LEARNER], custom={"quiz_id": str(quiz.id)}, deployment_id="elsewhere"
    )
    assert response.status_code == 400
    assert "deployment" in response.get_data(as_text=True)
    assert _count(LtiIdentity) == 0


def test_a_login_from_an_unregistered_lms_is_refused(app: Flask, lms: Platform) -> None:
    response = app.test_client().post("/lti/login", data={"iss": "https://evil.example", "login_hint": "x"})
    assert response.status_code == 400
    assert "refused" in response.get_data(as_text=True)


def test_a_launch_without_the_login_state_is_refused(app: Flask, lms: Platform, quiz: Quiz) -> None:
    auth = lms.login(app.test_client(), "lms-user-1")
    form = lms.signed_launch(auth, "lms-user-1", [LEARNER], custom={"quiz_id": str(quiz.id)})
    response = app.test_client().post("/lti/launch", data=form)  # another browser: no state cookie
    assert response.status_code == 400
    assert _count(LtiIdentity) == 0


def test_a_login_clears_expired_state_and_an_expired_nonce_is_refused(app: Flask, lms: Platform, quiz: Quiz) -> None:
    browser = app.test_client()
    auth = lms.login(browser, "lms-user-1")
    form = lms.signed_launch(auth, "lms-user-1", [LEARNER], custom={"quiz_id": str(quiz.id)})
    long_ago = utcnow() - timedelta(days=2)
    for row in db.session.scalars(select(LtiLaunchValue)):
        row.expires_at = long_ago
    db.session.commit()
    assert browser.post("/lti/launch", data=form).status_code == 400  # its nonce expired
    lms.login(app.test_client(), "lms-user-2")
    assert all(row.expires_at > long_ago for row in db.session.scalars(select(LtiLaunchValue)))


def test_a_login_by_get_writes_from_its_first_statement(
    app: Flask, lms: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizapp.database import _write_intent
    from quizapp.lti import views

    seen: list[bool] = []
    clear = views.forget_expired
    monkeypatch.setattr(views, "forget_expired", lambda session: seen.append(_write_intent.get()) or clear(session))
    query = {"iss": ISSUER, "login_hint": "lms-user-1", "target_link_uri": LAUNCH_URL, "client_id": CLIENT_ID}
    assert app.test_client().get("/lti/login", query_string=query).status_code == 302
    assert seen == [True]  # SQLite begins its transaction with BEGIN IMMEDIATE, not a read to upgrade
