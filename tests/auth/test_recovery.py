"""Getting back into an account: temporary passwords, disabled accounts, "Forgot password" links by mail."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.attempts.models import Attempt
from quizapp.audit.models import AuditEvent
from quizapp.auth import recovery
from quizapp.auth.models import PasswordResetToken
from quizapp.extensions import db
from tests.factories import QUESTIONS, class_with, finished_attempt, make_document, make_question, make_quiz, user
from tests.support import TEST_PASSWORD, csrf_token, login, post_form

NEW_PASSWORD = "purple kettle migration"
PASSWORD_SHOWN = re.compile(r'id="temporary-password">([a-z0-9-]+)<')


def temporary_password_for(client: FlaskClient, username: str, **extra: str):  # type: ignore[no-untyped-def]
    return post_form(client, f"/accounts/{user(username).id}/temporary-password", dict(extra))


def shown_password(response) -> str:  # type: ignore[no-untyped-def]
    match = PASSWORD_SHOWN.search(response.get_data(as_text=True))
    assert match, response.get_data(as_text=True)[:2000]
    return match.group(1)


def test_admin_sets_a_temporary_password_that_must_be_changed_at_next_login(
    app: Flask,
    users,
    admin_client: FlaskClient,  # type: ignore[no-untyped-def]
) -> None:
    victim = app.test_client()
    login(victim, users.teacher)
    response = temporary_password_for(admin_client, users.teacher)
    assert response.status_code == 200
    password = shown_password(response)
    assert password not in user(users.teacher).password_hash
    assert victim.get("/bank/review").status_code == 302  # the teacher's open session ended

    fresh = app.test_client()
    login(fresh, users.teacher, password)
    # Every page leads to the password page until a new password is chosen.
    for path in ("/", "/bank/review", "/account"):
        answer = fresh.get(path)
        assert answer.status_code == 302, path
        assert answer.headers["Location"].endswith("/account/password"), path
    fields = {"current_password": password, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    assert post_form(fresh, "/account/password", fields, token_from="/account/password").status_code == 302
    assert fresh.get("/").status_code == 200
    assert not user(users.teacher).must_change_password
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user.temporary_password"))
    assert event is not None
    assert event.subject_id == user(users.teacher).id


def test_a_teacher_sets_temporary_passwords_for_their_own_students_only(
    app: Flask,
    users,
    teacher_client: FlaskClient,  # type: ignore[no-untyped-def]
) -> None:
    school_class = class_with(users.teacher, [users.student])
    db.session.commit()
    page = teacher_client.get(f"/classes/{school_class.id}").get_data(as_text=True)
    assert f"/accounts/{user(users.student).id}/temporary-password" in page
    mine = temporary_password_for(teacher_client, users.student, class_id=str(school_class.id))
    assert mine.status_code == 200
    assert user(users.student).must_change_password

    hashes = {name: user(name).password_hash for name in (users.other_student, users.other_teacher, users.admin)}
    for name in hashes:  # not in the teacher's classes, a teacher, an admin: all look like nobody
        assert temporary_password_for(teacher_client, name).status_code == 404
    assert temporary_password_for(teacher_client, users.teacher).status_code == 404  # not one's own either
    db.session.expire_all()
    assert {name: user(name).password_hash for name in hashes} == hashes


def test_a_student_cannot_set_anyone_s_password(users, student_client: FlaskClient) -> None:  # type: ignore[no-untyped-def]
    before = user(users.other_student).password_hash
    assert temporary_password_for(student_client, users.other_student).status_code == 403
    db.session.expire_all()
    assert user(users.other_student).password_hash == before


def test_a_forged_request_without_csrf_changes_nothing(users, admin_client: FlaskClient) -> None:  # type: ignore[no-untyped-def]
    before = user(users.student).password_hash
    response = admin_client.post(f"/accounts/{user(users.student).id}/temporary-password", data={})
    assert response.status_code in (302, 400)
    db.session.expire_all()
    assert user(users.student).password_hash == before
    assert not user(users.student).must_change_password


def test_a_disabled_account_cannot_log_in_its_sessions_end_and_its_history_stays(
    app: Flask,
    users,
    admin_client: FlaskClient,  # type: ignore[no-untyped-def]
) -> None:
    teacher = user(users.teacher)
    quiz = make_quiz(teacher, [make_question(teacher, make_document(teacher), QUESTIONS[0])])
    finished_attempt(quiz, user(users.student), [1.0], submitted_at=datetime(2026, 11, 2, 9, tzinfo=UTC))
    db.session.commit()
    victim = app.test_client()
    login(victim, users.student)

    response = post_form(admin_client, f"/accounts/{user(users.student).id}/active", {"active": "0"})
    assert response.status_code == 302
    assert victim.get("/history").status_code == 302  # logged out
    token = csrf_token(victim, "/login")
    refused = victim.post("/login", data={"username": users.student, "password": TEST_PASSWORD, "csrf_token": token})
    assert refused.status_code == 401
    assert b"disabled" in refused.data
    wrong = victim.post("/login", data={"username": users.student, "password": "not it at all", "csrf_token": token})
    assert b"disabled" not in wrong.data  # only whoever knows the password learns why
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 1
    assert b"disabled" in admin_client.get("/admin/users").data

    post_form(admin_client, f"/accounts/{user(users.student).id}/active", {"active": "1"})
    login(victim, users.student)
    actions = db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions[-2:] == ["user.disable", "user.enable"]


def test_an_admin_cannot_disable_themselves_and_bad_values_change_nothing(
    users,
    admin_client: FlaskClient,  # type: ignore[no-untyped-def]
) -> None:
    response = post_form(admin_client, f"/accounts/{user(users.admin).id}/active", {"active": "0"})
    assert response.status_code == 302
    assert b"cannot disable your own" in admin_client.get("/admin/users").data
    post_form(admin_client, f"/accounts/{user(users.student).id}/active", {"active": "maybe"})
    assert post_form(admin_client, "/accounts/999999/active", {"active": "0"}).status_code == 404
    db.session.expire_all()
    assert user(users.admin).is_active_account
    assert user(users.student).is_active_account


def test_teachers_cannot_disable_accounts(users, teacher_client: FlaskClient) -> None:  # type: ignore[no-untyped-def]
    assert post_form(teacher_client, f"/accounts/{user(users.student).id}/active", {"active": "0"}).status_code == 403
    db.session.expire_all()
    assert user(users.student).is_active_account


# --- "Forgot password" by mail, through a real SMTP server on this machine ---


class Inbox:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append(envelope.content)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def inbox(app: Flask) -> Iterator[Inbox]:
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port, PUBLIC_URL="https://quiz.school.example")
    try:
        yield handler
    finally:
        controller.stop()


def reset_link(message: bytes) -> str:
    body = message_from_bytes(message).get_payload(decode=True).decode()
    match = re.search(r"https://quiz\.school\.example(/password/reset\?token=\S+)", body)
    assert match, body
    return match.group(1)


def give_email(username: str, address: str) -> None:
    recovery.set_email(db.session, user(username), address)
    db.session.commit()


def test_forgot_password_mails_a_single_use_link(app: Flask, users, inbox: Inbox, client: FlaskClient) -> None:  # type: ignore[no-untyped-def]
    give_email(users.student, "Stu@School.example")
    response = post_form(
        client, "/password/forgot", {"identifier": "stu@school.example"}, token_from="/password/forgot"
    )
    assert response.status_code == 302
    assert len(inbox.messages) == 1
    assert b"To: stu@school.example" in inbox.messages[0]
    path = reset_link(inbox.messages[0])
    token = path.rsplit("=", 1)[1]
    assert db.session.scalar(select(PasswordResetToken.token_hash)) != token  # only its hash is kept

    assert client.get(path).status_code == 200
    form = {"token": token, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    assert post_form(client, "/password/reset", form, token_from=path).status_code == 302
    login(app.test_client(), users.student, NEW_PASSWORD)
    again = client.get(path)
    assert again.status_code == 404
    assert b"not valid any more" in again.data
    forged = post_form(client, "/password/reset", {**form, "password": "another fine password",
                       "confirm": "another fine password"}, token_from="/password/forgot")  # fmt: skip
    assert forged.status_code == 404
    login(app.test_client(), users.student, NEW_PASSWORD)  # unchanged by the second try


def test_forgot_password_says_the_same_for_unknown_accounts_and_sends_nothing(
    users,
    inbox: Inbox,
    client: FlaskClient,  # type: ignore[no-untyped-def]
) -> None:
    answers = []
    for identifier in ("nobody-here", users.teacher, "ghost@school.example"):  # the teacher has no address
        response = post_form(client, "/password/forgot", {"identifier": identifier}, token_from="/password/forgot")
        answers.append((response.status_code, client.get("/login").get_data(as_text=True).count("a link to set")))
    assert answers == [(302, 1)] * 3
    assert inbox.messages == []


def test_a_reset_link_expires_and_a_newer_one_replaces_it(users, app: Flask) -> None:  # type: ignore[no-untyped-def]
    give_email(users.student, "stu@school.example")
    now = datetime(2026, 12, 7, 9, tzinfo=UTC)
    found = recovery.request_reset(db.session, users.student, now=now, lifetime=timedelta(minutes=60))
    assert found is not None
    first = found[1]
    recovery.reset_token(db.session, first, now=now + timedelta(minutes=59))
    with pytest.raises(recovery.DomainError):
        recovery.reset_token(db.session, first, now=now + timedelta(minutes=60))
    second = recovery.request_reset(db.session, users.student, now=now, lifetime=timedelta(minutes=60))
    assert second is not None
    with pytest.raises(recovery.DomainError):
        recovery.reset_token(db.session, first, now=now)  # a newer link was sent
    recovery.reset_token(db.session, second[1], now=now)


def test_a_disabled_account_gets_no_link(users, inbox: Inbox, client: FlaskClient) -> None:  # type: ignore[no-untyped-def]
    give_email(users.student, "stu@school.example")
    user(users.student).is_active_account = False
    db.session.commit()
    post_form(client, "/password/forgot", {"identifier": users.student}, token_from="/password/forgot")
    assert inbox.messages == []


def test_without_mail_the_page_says_whom_to_ask(client: FlaskClient) -> None:
    page = client.get("/password/forgot")
    assert page.status_code == 200
    assert b"temporary" in page.data
    assert b"identifier" not in page.data


def test_an_email_address_belongs_to_one_account(users, student_client: FlaskClient) -> None:  # type: ignore[no-untyped-def]
    give_email(users.other_student, "taken@school.example")
    response = post_form(student_client, "/account", {"email": "TAKEN@school.example", "time_zone": ""},
                         token_from="/account")  # fmt: skip
    assert response.status_code == 409
    bad = post_form(student_client, "/account", {"email": "not an address", "time_zone": ""}, token_from="/account")
    assert bad.status_code == 400
    db.session.expire_all()
    assert user(users.student).email is None
    ok = post_form(student_client, "/account", {"email": "Mine@School.example", "time_zone": "Europe/Paris"},
                   token_from="/account")  # fmt: skip
    assert ok.status_code == 302
    db.session.expire_all()
    assert (user(users.student).email, user(users.student).time_zone) == ("mine@school.example", "Europe/Paris")


def test_an_unknown_time_zone_is_refused(users, student_client: FlaskClient) -> None:  # type: ignore[no-untyped-def]
    for zone in ("Mars/Olympus", "../../etc/passwd"):
        response = post_form(student_client, "/account", {"email": "", "time_zone": zone}, token_from="/account")
        assert response.status_code == 400
    db.session.expire_all()
    assert user(users.student).time_zone is None


def test_login_takes_the_browser_zone_when_the_account_has_none(app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    token = csrf_token(client, "/login")
    fields = {"username": users.teacher, "password": TEST_PASSWORD, "csrf_token": token}
    client.post("/login", data={**fields, "time_zone": "America/New_York"})
    assert user(users.teacher).time_zone == "America/New_York"
    other = app.test_client()
    other.post("/login", data={**fields, "csrf_token": csrf_token(other, "/login"), "time_zone": "Asia/Tokyo"})
    db.session.expire_all()
    assert user(users.teacher).time_zone == "America/New_York"  # a chosen zone stays
