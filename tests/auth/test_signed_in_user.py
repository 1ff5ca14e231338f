"""The signed-in user is read by one Core select that checks the session version and the account's state.

Every signed-in request pays for this load, so it is a select of a few columns, not an ORM load of the row;
nothing of the check may go with it: a login whose password changed elsewhere, that logged out on another
device or whose account was disabled is refused at its very next request, on the pages and on autosave.
"""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from flask_login import current_user

from quizapp.attempts.models import Attempt
from quizapp.auth.login import SignedInUser, signed_in_account
from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.extensions import db
from tests.attempts.test_pages import autosave, start
from tests.attempts.test_request_cost import exam_of_length, fresh_request, statements
from tests.support import TEST_PASSWORD, csrf_token, login, post_form


def exam_in_progress(app: Flask, client: FlaskClient, teacher: str) -> tuple[int, str]:
    """A started two-question exam: its attempt id and the page's CSRF token."""
    quiz = exam_of_length(teacher, 2, "Signed-in exam")
    attempt_id = start(client, quiz.id).id
    return attempt_id, csrf_token(client, f"/attempts/{attempt_id}/q/0")


def assert_logged_out(client: FlaskClient, attempt_id: int, token: str) -> None:
    page = fresh_request(lambda: client.get(f"/attempts/{attempt_id}/q/1"))
    assert page.status_code == 302
    assert "/login" in page.headers["Location"]
    saved = fresh_request(lambda: autosave(client, attempt_id, 1, {"choice": "true"}, token))
    assert saved.status_code == 401
    assert saved.get_json()["ok"] is False


def test_a_password_changed_elsewhere_logs_out_the_page_and_autosave(app, users, student_client) -> None:  # type: ignore[no-untyped-def]
    attempt_id, token = exam_in_progress(app, student_client, users.teacher)
    assert fresh_request(lambda: student_client.get(f"/attempts/{attempt_id}/q/1")).status_code == 200
    phone = app.test_client()
    login(phone, users.student)
    changed = post_form(
        phone,
        "/account/password",
        {"current_password": TEST_PASSWORD, "password": "a new long password", "confirm": "a new long password"},
        token_from="/account/password",
    )
    assert changed.status_code == 302, changed.get_data(as_text=True)[:400]
    assert_logged_out(student_client, attempt_id, token)
    # The device that changed it goes on under the new version.
    assert fresh_request(lambda: phone.get(f"/attempts/{attempt_id}/q/1")).status_code == 200


def test_a_raised_session_version_logs_out_at_the_next_request(app, users, student_client) -> None:  # type: ignore[no-untyped-def]
    attempt_id, token = exam_in_progress(app, student_client, users.teacher)
    db.session.remove()
    account = db.session.query(User).filter_by(username=users.student).one()
    account.session_version += 1
    db.session.commit()
    assert_logged_out(student_client, attempt_id, token)


def test_a_disabled_account_is_refused_at_the_next_request(app, users, student_client) -> None:  # type: ignore[no-untyped-def]
    attempt_id, token = exam_in_progress(app, student_client, users.teacher)
    db.session.remove()
    account = db.session.query(User).filter_by(username=users.student).one()
    account.is_active_account = False  # the session version is left as it was: the state alone refuses
    db.session.commit()
    assert_logged_out(student_client, attempt_id, token)


def test_the_signed_in_user_is_one_select_of_plain_values(app, users, student_client) -> None:  # type: ignore[no-untyped-def]
    with statements() as sent:
        assert fresh_request(lambda: student_client.get("/csrf-token")).status_code == 200
    assert len(sent) == 1
    assert "session_version" in sent[0]
    assert "is_active_account" in sent[0]
    assert "password_hash" not in sent[0]
    with student_client:  # keeps the request context open after the request, to look at current_user
        student_client.get("/csrf-token")
        assert isinstance(current_user._get_current_object(), SignedInUser)
        assert current_user.role == Role.STUDENT
        assert not current_user.is_staff
        assert current_user.username == users.student
        account = signed_in_account()  # the ORM row, for views changing the account
        assert isinstance(account, User)
        assert account.id == current_user.id


def test_the_account_page_still_shows_and_saves_the_account(app, users, student_client) -> None:  # type: ignore[no-untyped-def]
    saved = post_form(
        student_client,
        "/account",
        {"email": "stu@school.example", "time_zone": "Europe/Paris"},
        token_from="/account",
    )
    assert saved.status_code == 302, saved.get_data(as_text=True)[:400]
    page = student_client.get("/account").get_data(as_text=True)
    assert 'value="stu@school.example"' in page
    assert re.search(r'<option[^>]*(selected[^>]*value="Europe/Paris"|value="Europe/Paris"[^>]*selected)', page)
    db.session.remove()
    assert db.session.query(User).filter_by(username=users.student).one().time_zone == "Europe/Paris"


def test_healthz_reads_no_account_even_with_a_login_cookie(app, users, student_client) -> None:  # type: ignore[no-untyped-def]
    with statements() as sent:
        response = fresh_request(lambda: student_client.get("/healthz"))
    assert response.status_code == 200
    assert sent == []


def test_the_question_page_and_autosave_check_the_login_in_their_first_query(app, users, student_client) -> None:  # type: ignore[no-untyped-def]
    attempt_id, token = exam_in_progress(app, student_client, users.teacher)
    with statements() as page:
        assert fresh_request(lambda: student_client.get(f"/attempts/{attempt_id}/q/1")).status_code == 200
    with statements() as save:
        saved = fresh_request(lambda: autosave(student_client, attempt_id, 1, {"choice": "true"}, token))
        assert saved.status_code == 200
    for first in (page[0], save[0]):  # no select of the account alone: the attempt's query carries the check
        assert "attempts" in first
        assert "session_version" in first
        assert "is_active_account" in first
        assert "must_change_password" in first
    assert not any(statement.lstrip().startswith("SELECT users.id") for statement in page + save)
    shown = db.session.query(User).filter_by(username=users.student).one().display_name
    assert shown in student_client.get(f"/attempts/{attempt_id}/q/1").get_data(as_text=True)  # the header's account


def test_a_temporary_password_still_stops_the_question_page_and_autosave(app, users, student_client) -> None:  # type: ignore[no-untyped-def]
    attempt_id, token = exam_in_progress(app, student_client, users.teacher)
    db.session.remove()
    db.session.query(User).filter_by(username=users.student).one().must_change_password = True
    db.session.commit()
    page = fresh_request(lambda: student_client.get(f"/attempts/{attempt_id}/q/1"))
    assert page.status_code == 302
    assert page.headers["Location"].endswith("/account/password")
    saved = fresh_request(lambda: autosave(student_client, attempt_id, 1, {"choice": "true"}, token))
    assert saved.status_code == 403
    assert "temporary password" in saved.get_json()["error"]


def test_a_student_made_teacher_meets_the_teacher_s_refusal(app, users, student_client) -> None:  # type: ignore[no-untyped-def]
    attempt_id, token = exam_in_progress(app, student_client, users.teacher)
    db.session.remove()
    db.session.query(User).filter_by(username=users.student).one().role = Role.TEACHER
    db.session.commit()
    assert fresh_request(lambda: student_client.get(f"/attempts/{attempt_id}/q/1")).status_code == 403
    unreadable = fresh_request(
        lambda: student_client.post(f"/attempts/{attempt_id}/autosave", data="x", headers={"X-CSRFToken": token})
    )
    assert unreadable.status_code == 403  # the role answers before the payload, as on every route


def test_start_checks_the_login_in_the_quiz_query_and_refuses_as_before(app, users, student_client) -> None:  # type: ignore[no-untyped-def]
    quizzes = [exam_of_length(users.teacher, 2, f"Start check {n}").id for n in range(3)]
    token = csrf_token(student_client, f"/quizzes/{quizzes[0]}")

    def press(quiz_id: int):  # type: ignore[no-untyped-def]
        return fresh_request(lambda: student_client.post(f"/quizzes/{quiz_id}/start", data={"csrf_token": token}))

    with statements() as sent:
        assert press(quizzes[0]).status_code == 302
    assert "quizzes" in sent[0]
    assert "session_version" in sent[0]
    assert "must_change_password" in sent[0]
    assert not any(statement.lstrip().startswith("SELECT users.id") for statement in sent)
    assert (
        fresh_request(lambda: student_client.post("/quizzes/999999/start", data={"csrf_token": token})).status_code
        == 404
    )

    db.session.remove()
    db.session.query(User).filter_by(username=users.student).one().must_change_password = True
    db.session.commit()
    refused = press(quizzes[1])
    assert refused.status_code == 302
    assert refused.headers["Location"].endswith("/account/password")

    db.session.remove()
    account = db.session.query(User).filter_by(username=users.student).one()
    account.must_change_password = False
    account.session_version += 1  # every session of the account ended elsewhere
    account_id = account.id
    db.session.commit()
    stale = press(quizzes[2])
    assert stale.status_code == 302
    assert "/login" in stale.headers["Location"]
    started = {a.quiz_id for a in db.session.query(Attempt).filter_by(student_id=account_id)}
    assert started == {quizzes[0]}
