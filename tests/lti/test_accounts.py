"""An instructor's first launch, in a browser already signed in to quizapp: link the LMS account to that account,
or use a new one. The choice is made in the new tab, where the browser sends quizapp's own cookies."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.audit.models import AuditEvent
from quizapp.auth.models import User
from quizapp.extensions import db
from quizapp.lti.models import LtiIdentity
from quizapp.quizzes.models import Quiz
from tests.conftest import Accounts
from tests.factories import user
from tests.lti.platform import INSTRUCTOR, Platform, handoff_path
from tests.support import login, post_form


def _users() -> int:
    return int(db.session.scalar(select(func.count()).select_from(User)) or 0)


def _offer(
    app: Flask, lms: Platform, quiz: Quiz, username: str, subject: str = "lms-teacher"
) -> tuple[FlaskClient, str]:
    """A browser signed in as ``username`` launching as a new LMS instructor; the new tab's address and page."""
    browser = app.test_client()
    login(browser, username)
    launched = lms.launch(browser, subject, [INSTRUCTOR], custom={"quiz_id": str(quiz.id)})
    assert launched.status_code == 200, launched.get_data(as_text=True)
    assert "first visit" in launched.get_data(as_text=True)
    return browser, handoff_path(launched.get_data(as_text=True))


def _token(url: str) -> str:
    found = re.search(r"token=([^&]+)", url)
    assert found is not None
    return found.group(1)


def test_a_signed_in_teacher_links_the_lms_account_to_their_own(
    app: Flask, lms: Platform, quiz: Quiz, users: Accounts
) -> None:
    browser, enter = _offer(app, lms, quiz, users.teacher)
    before = _users()
    page = browser.get(enter)
    assert page.status_code == 200
    teacher = user(users.teacher)
    assert f"Link this LMS account to {teacher.display_name}" in page.get_data(as_text=True)
    assert "User lms-teacher</strong> of <strong>Test LMS" in page.get_data(as_text=True)  # whose LMS account
    assert _count_identities() == 0  # looking changes nothing

    response = post_form(browser, "/lti/link", {"token": _token(enter), "link": "1"}, token_from=enter)
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert response.headers["Location"].endswith(f"/manage/quizzes/{quiz.id}")  # type: ignore[attr-defined]
    identity = db.session.scalars(select(LtiIdentity)).one()
    assert (identity.subject, identity.user_id) == ("lms-teacher", teacher.id)
    assert _users() == before  # no new account
    assert browser.get(f"/manage/quizzes/{quiz.id}").status_code == 200  # still the teacher, who owns it
    assert browser.get(enter).status_code == 404  # the handoff is used up
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "user.lms_link")).all()
    assert (event.actor_id, event.subject_id) == (teacher.id, teacher.id)
    assert event.details["lms_user"] == "lms-teacher"

    # From now on the LMS opens quizapp as that teacher, in any browser.
    again = lms.launch(app.test_client(), "lms-teacher", [INSTRUCTOR])
    assert "Open the quiz in a new tab" in again.get_data(as_text=True)
    assert _users() == before


def _count_identities() -> int:
    return int(db.session.scalar(select(func.count()).select_from(LtiIdentity)) or 0)


def test_the_teacher_may_choose_a_new_account_instead(app: Flask, lms: Platform, quiz: Quiz, users: Accounts) -> None:
    browser, enter = _offer(app, lms, quiz, users.teacher)
    before = _users()
    response = post_form(browser, "/lti/link", {"token": _token(enter), "new": "1"}, token_from=enter)
    assert response.status_code == 302  # type: ignore[attr-defined]
    identity = db.session.scalars(select(LtiIdentity)).one()
    assert identity.user_id != user(users.teacher).id
    assert identity.user.role == "teacher"
    assert _users() == before + 1
    assert browser.get(f"/manage/quizzes/{quiz.id}").status_code == 404  # signed in as the new account now


def test_the_link_needs_the_csrf_token(app: Flask, lms: Platform, quiz: Quiz, users: Accounts) -> None:
    browser, enter = _offer(app, lms, quiz, users.teacher)
    response = browser.post("/lti/link", data={"token": _token(enter), "link": "1"})
    assert response.status_code in (302, 400)
    assert _count_identities() == 0


def test_a_student_signed_in_here_is_not_offered_the_link(
    app: Flask, lms: Platform, quiz: Quiz, users: Accounts
) -> None:
    browser, enter = _offer(app, lms, quiz, users.student)
    opened = browser.get(enter)
    assert opened.status_code == 302  # straight on, with a new teacher account
    identity = db.session.scalars(select(LtiIdentity)).one()
    assert identity.user_id != user(users.student).id
    assert identity.user.role == "teacher"


def test_an_account_linked_to_this_lms_already_cannot_take_a_second_lms_account(
    app: Flask, lms: Platform, quiz: Quiz, users: Accounts
) -> None:
    browser, enter = _offer(app, lms, quiz, users.teacher)
    post_form(browser, "/lti/link", {"token": _token(enter), "link": "1"}, token_from=enter)
    browser, enter = _offer(app, lms, quiz, users.teacher, subject="lms-teacher-2")
    response = post_form(browser, "/lti/link", {"token": _token(enter), "link": "1"}, token_from=enter)
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert "/lti/enter" in response.headers["Location"]  # type: ignore[attr-defined]  # back to the choice
    assert "linked to another account of this LMS" in browser.get(enter).get_data(as_text=True)
    assert _count_identities() == 1
