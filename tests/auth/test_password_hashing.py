"""Argon2id hashes; older scrypt hashes (and other costs) still log in and are rewritten at that login."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from quizapp.auth import passwords
from quizapp.auth import services as accounts
from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.extensions import db
from tests.support import TEST_PASSWORD, csrf_token, login


@pytest.fixture
def method() -> Iterator[None]:
    """Lets a test configure another method; the app's own comes back afterwards."""
    saved = passwords._scheme
    yield
    passwords._scheme = saved
    passwords._DUMMY_HASH = None


def test_the_default_is_argon2id_at_owasp_minimum_cost(method: None) -> None:
    passwords.configure(passwords.DEFAULT_METHOD)
    stored = passwords.hash_password("a long pass phrase")
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert passwords.verify_password(stored, "a long pass phrase")
    assert not passwords.verify_password(stored, "a long pass phrasE")
    assert not passwords.needs_rehash(stored)


@pytest.mark.parametrize(
    "broken",
    [
        "",
        "$argon2id$v=19$m=64,t=1,p=1$bm90$bm90",
        "$argon2id$garbage",
        "plain text",
        "md5$salt$abc",
        "$argon2i$v=19$m=64,t=1,p=1$bm90$bm90",
        "$$",
    ],
)
def test_a_damaged_or_foreign_hash_never_verifies(method: None, broken: str) -> None:
    passwords.configure("argon2id:1:64:1")
    assert not passwords.verify_password(broken, "anything at all")


def test_other_costs_and_methods_need_a_rehash(method: None) -> None:
    passwords.configure("argon2id:1:64:1")
    same = passwords.hash_password("x" * 10)
    assert not passwords.needs_rehash(same)
    passwords.configure("argon2id:2:128:1")
    assert passwords.needs_rehash(same)
    assert passwords.needs_rehash(generate_password_hash("x" * 10, method="scrypt:1024:8:1"))
    passwords.configure("scrypt:1024:8:1")
    assert passwords.needs_rehash(same)
    assert not passwords.needs_rehash(generate_password_hash("x" * 10, method="scrypt:1024:8:1"))
    assert passwords.needs_rehash(generate_password_hash("x" * 10, method="scrypt:2048:8:1"))
    passwords.configure("scrypt")  # Werkzeug's default cost, written out in the hash
    assert not passwords.needs_rehash(passwords.hash_password("x" * 10))


@pytest.mark.parametrize(
    "bad", ["md5", "argon2", "argon2id:1:64", "argon2id:a:b:c", "argon2id:1:4:1", "argon2id:0:64:1"]
)
def test_a_bad_method_is_refused_at_start(method: None, bad: str) -> None:
    with pytest.raises(ValueError, match="PASSWORD_HASH_METHOD"):
        passwords.configure(bad)


def test_unknown_user_costs_a_check_of_the_configured_method(method: None, monkeypatch: pytest.MonkeyPatch) -> None:
    passwords.configure("argon2id:1:64:1")
    checked = []
    real = passwords.verify_password
    monkeypatch.setattr(passwords, "verify_password", lambda h, p: checked.append(h) or real(h, p))
    passwords.burn_equal_time("guess")
    assert checked
    assert checked[0].startswith("$argon2id$v=19$m=64,t=1,p=1$")


def _stored_hash(username: str) -> str:
    db.session.expire_all()
    return db.session.scalar(select(User.password_hash).where(User.username == username))


def test_an_old_scrypt_account_logs_in_and_is_moved_to_argon2id(app: Flask, client: FlaskClient) -> None:
    accounts.create_user(db.session, username="oldtimer", password=TEST_PASSWORD, display_name="Old", role=Role.STUDENT)
    user = db.session.scalar(select(User).where(User.username == "oldtimer"))
    user.password_hash = generate_password_hash(TEST_PASSWORD, method="scrypt:1024:8:1")
    db.session.commit()

    token = csrf_token(client, "/login")
    refused = client.post("/login", data={"username": "oldtimer", "password": "wrong password", "csrf_token": token})
    assert b"Unknown username or wrong password." in refused.data
    assert _stored_hash("oldtimer").startswith("scrypt:")  # a failed login rewrites nothing

    login(client, "oldtimer")
    assert client.get("/").status_code == 200
    upgraded = _stored_hash("oldtimer")
    assert upgraded.startswith("$argon2id$")
    assert passwords.verify_password(upgraded, TEST_PASSWORD)

    login(app.test_client(), "oldtimer")
    assert _stored_hash("oldtimer") == upgraded  # already current: left as it is
