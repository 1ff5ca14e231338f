"""Registration, login, logout and passwords through the pages, with bad input changing nothing."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.extensions import db
from tests.support import TEST_PASSWORD, csrf_token, login, post_form


def user_count() -> int:
    return db.session.scalar(select(func.count()).select_from(User)) or 0


def register(client: FlaskClient, **fields: str):  # type: ignore[no-untyped-def]
    data = {"username": "newkid", "display_name": "New Kid", "password": TEST_PASSWORD, "confirm": TEST_PASSWORD}
    data.update(fields)
    return post_form(client, "/register", data, token_from="/register")


def change_password(client: FlaskClient, new_password: str):  # type: ignore[no-untyped-def]
    fields = {"current_password": TEST_PASSWORD, "password": new_password, "confirm": new_password}
    return post_form(client, "/account/password", fields, token_from="/account/password")


def test_register_creates_a_student_and_logs_in(client: FlaskClient) -> None:
    response = register(client, username="NewKid")
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.username == "newkid"))
    assert user is not None
    assert user.role == "student"
    assert user.password_hash.startswith("$argon2id$")
    assert TEST_PASSWORD not in user.password_hash
    assert b"New Kid" in client.get("/").data


def test_register_ignores_a_forged_role_field(client: FlaskClient) -> None:
    register(client, role="admin")
    assert db.session.scalar(select(User.role).where(User.username == "newkid")) == "student"


def test_duplicate_registration_is_refused_and_changes_nothing(client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    before = user_count()
    response = register(client, username=users.student.upper())
    assert response.status_code == 409
    assert b"already taken" in response.data
    assert user_count() == before


def test_validation_keeps_what_was_typed(client: FlaskClient) -> None:
    response = register(client, username="kept_name", display_name="Kept Display", confirm="something else")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "The two passwords differ." in html
    assert 'value="kept_name"' in html
    assert 'value="Kept Display"' in html
    assert TEST_PASSWORD not in html  # passwords are never echoed back
    assert user_count() == 0


def test_over_long_fields_get_a_message_and_change_nothing(client: FlaskClient) -> None:
    response = register(client, username="a" * 500, display_name="b" * 5000)
    assert response.status_code == 200
    assert b"between 3 and 40 characters" in response.data or b"at most 40" in response.data
    assert user_count() == 0
    response = register(client, password="x" * 129, confirm="x" * 129)
    assert b"128" in response.data
    assert user_count() == 0


def test_eight_characters_are_enough_and_seven_are_not(client: FlaskClient) -> None:
    response = register(client, password="Kq7#Vx2", confirm="Kq7#Vx2")
    assert b"between 8 and 128 characters" in response.data
    assert user_count() == 0
    assert register(client, password="Kq7#Vx2m", confirm="Kq7#Vx2m").status_code == 302
    assert user_count() == 1


def test_form_without_csrf_token_is_refused_with_400(client: FlaskClient) -> None:
    response = client.post(
        "/register",
        data={"username": "nocsrf", "display_name": "X", "password": TEST_PASSWORD, "confirm": TEST_PASSWORD},
    )
    assert response.status_code == 400
    assert b"security token" in response.data
    assert user_count() == 0


def test_forged_csrf_token_is_refused(client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/login", data={"username": users.student, "password": TEST_PASSWORD, "csrf_token": "forged.token.value"}
    )
    assert response.status_code == 400
    assert b"Log out" not in client.get("/").data


def test_unknown_user_and_wrong_password_get_the_same_message(client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    token = csrf_token(client)
    wrong = client.post("/login", data={"username": users.student, "password": "wrong password!", "csrf_token": token})
    unknown = client.post("/login", data={"username": "nobody", "password": "wrong password!", "csrf_token": token})
    assert wrong.status_code == unknown.status_code == 401
    message = b"Unknown username or wrong password."
    assert message in wrong.data
    assert message in unknown.data
    assert b"Log out" not in client.get("/").data


def test_login_redirects_only_within_the_site(client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    for target, expected in (
        ("/account/password", "/account/password"),
        ("https://evil.example/", "/"),
        ("//evil.example/x", "/"),
        ("/\\evil.example", "/"),
    ):
        fresh = client.application.test_client()
        token = csrf_token(fresh)
        response = fresh.post(
            "/login",
            query_string={"next": target},
            data={"username": users.student, "password": TEST_PASSWORD, "csrf_token": token},
        )
        assert response.status_code == 302
        assert response.headers["Location"] == expected, target


def test_logout_needs_post_with_token(student_client: FlaskClient) -> None:
    assert student_client.get("/logout").status_code == 405
    assert student_client.post("/logout").status_code == 400
    assert b"Log out" in student_client.get("/").data
    response = post_form(student_client, "/logout", {})
    assert response.status_code == 302
    assert b"Log out" not in student_client.get("/").data


def test_change_password_ends_other_sessions(app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    laptop, phone = app.test_client(), app.test_client()
    login(laptop, users.student)
    login(phone, users.student)
    new_password = "a brand new passphrase"
    response = post_form(
        laptop,
        "/account/password",
        {"current_password": TEST_PASSWORD, "password": new_password, "confirm": new_password},
        token_from="/account/password",
    )
    assert response.status_code == 302
    assert b"Log out" in laptop.get("/").data  # this browser stays in
    assert phone.get("/account/password").status_code == 302  # the other session ended
    fresh = app.test_client()
    login(fresh, users.student, new_password)


def test_change_password_with_wrong_current_changes_nothing(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    before = db.session.scalar(select(User.password_hash).where(User.username == users.student))
    response = post_form(
        student_client,
        "/account/password",
        {"current_password": "not my password", "password": "whatever12345", "confirm": "whatever12345"},
        token_from="/account/password",
    )
    assert response.status_code == 400
    assert b"current password is wrong" in response.data
    db.session.expire_all()
    assert db.session.scalar(select(User.password_hash).where(User.username == users.student)) == before


def test_admin_creates_a_teacher_and_changes_roles(admin_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    response = post_form(
        admin_client,
        "/admin/users",
        {
            "username": "newteacher",
            "display_name": "New T",
            "role": "teacher",
            "password": TEST_PASSWORD,
            "confirm": TEST_PASSWORD,
        },
        token_from="/admin/users",
    )
    assert response.status_code == 302
    teacher = db.session.scalar(select(User).where(User.username == "newteacher"))
    assert teacher is not None
    assert teacher.role == "teacher"
    response = post_form(
        admin_client, f"/admin/users/{teacher.id}/role", {f"u{teacher.id}-role": "student"}, token_from="/admin/users"
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, teacher.id).role == "student"


def test_admin_cannot_remove_the_last_admin(admin_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    admin = db.session.scalar(select(User).where(User.username == users.admin))
    post_form(
        admin_client, f"/admin/users/{admin.id}/role", {f"u{admin.id}-role": "student"}, token_from="/admin/users"
    )
    db.session.expire_all()
    assert db.session.get(User, admin.id).role == "admin"


def test_role_change_ends_the_sessions_of_that_account(app: Flask, admin_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    teacher_browser = app.test_client()
    login(teacher_browser, users.teacher)
    teacher = db.session.scalar(select(User).where(User.username == users.teacher))
    post_form(
        admin_client, f"/admin/users/{teacher.id}/role", {f"u{teacher.id}-role": "student"}, token_from="/admin/users"
    )
    assert teacher_browser.get("/account/password").status_code == 302


def test_common_and_guessable_passwords_are_refused_with_a_reason(client: FlaskClient) -> None:
    for weak in ("password123", "iloveyou2024", "newkidnewkid"):  # the last one is the username twice
        response = register(client, password=weak, confirm=weak)
        assert response.status_code == 400, weak
        assert b"guess" in response.data.lower() or b"common" in response.data.lower(), weak
    assert user_count() == 0
    # No composition rules: a long passphrase of plain words is fine, up to 128 characters.
    long_phrase = ("river lantern orchard " * 6)[:128]
    assert register(client, password=long_phrase, confirm=long_phrase).status_code == 302
    assert user_count() == 1


def test_changing_to_a_common_password_is_refused(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    before = db.session.scalar(select(User.password_hash).where(User.username == users.student))
    response = post_form(
        student_client,
        "/account/password",
        {"current_password": TEST_PASSWORD, "password": "password123", "confirm": "password123"},
        token_from="/account/password",
    )
    assert response.status_code == 400
    db.session.expire_all()
    assert db.session.scalar(select(User.password_hash).where(User.username == users.student)) == before


def test_the_demo_password_is_refused_as_anyones_new_password(app: Flask, client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    demo = app.config["DEMO_PASSWORD"]
    for typed in (demo, demo.upper()):
        response = register(client, password=typed, confirm=typed)
        assert response.status_code == 400, typed
        assert b"demo accounts&#39; password" in response.data, typed
    assert user_count() == 5  # the fixture's accounts only

    student = app.test_client()
    login(student, users.student)
    before = db.session.scalar(select(User.password_hash).where(User.username == users.student))
    assert change_password(student, demo).status_code == 400
    db.session.expire_all()
    assert db.session.scalar(select(User.password_hash).where(User.username == users.student)) == before

    admin = app.test_client()
    login(admin, users.admin)
    fields = {"username": "newteacher", "display_name": "New T", "role": "teacher", "password": demo, "confirm": demo}
    assert post_form(admin, "/admin/users", fields, token_from="/admin/users").status_code == 400
    assert user_count() == 5


def test_a_configured_demo_password_is_refused_and_seeding_still_uses_it(database_url: str) -> None:
    from quizapp import create_app
    from quizapp.auth import services as accounts
    from quizapp.exceptions import DomainError
    from quizapp.seeding import ensure_user
    from tests.support import app_config

    demo = "lantern orchard river"  # strong by zxcvbn's measure: refused only because it is published
    with create_app(app_config(database_url, DEMO_PASSWORD=demo)).app_context():
        try:
            with pytest.raises(DomainError, match="demo accounts' password"):
                accounts.create_user(db.session, username="someone", password=demo)
            accounts.create_user(db.session, username="someone", password="lantern orchard rivers")
            teacher, made = ensure_user(db.session, "teacher", demo, "Demo Teacher", Role.TEACHER)
            assert made
            assert accounts.authenticate(db.session, "teacher", demo) is teacher
        finally:
            db.session.rollback()
            db.session.remove()
