"""Rate limits per address and per account, counted in this machine's Redis; a clear 429 page and JSON."""

from __future__ import annotations

import uuid

import pytest
import redis
from flask import Flask

from quizapp import create_app
from quizapp.extensions import db
from tests.support import IN_CI, TEST_PASSWORD, app_config, csrf_token, login

REDIS_URL = "redis://127.0.0.1:6379"


@pytest.fixture
def limited_app(app: Flask, database_url: str) -> Flask:
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.RedisError as error:
        if IN_CI:
            pytest.fail(f"Redis is not reachable at {REDIS_URL}: {error} (CI=true: a missing service fails the run)")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    return create_app(
        app_config(
            database_url,
            RATELIMIT_ENABLED=True,
            RATELIMIT_STORAGE_URI=REDIS_URL,
            RATELIMIT_KEY_PREFIX=f"quizapp-test-{uuid.uuid4().hex}",
            RATELIMIT_LOGIN=("6/minute", "3/minute"),
            RATELIMIT_AUTOSAVE=("100/minute", "2/minute"),
        )
    )


def try_login(client, username: str, password: str = "wrong password!"):  # type: ignore[no-untyped-def]
    token = csrf_token(client, "/login")
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token})


def test_guessing_one_accounts_password_is_stopped(limited_app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    client = limited_app.test_client()
    statuses = [try_login(client, users.student).status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    blocked = try_login(client, users.student, TEST_PASSWORD)  # even the right password waits now
    assert blocked.status_code == 429
    assert b"Too many requests" in blocked.data
    # Another account from the same address still gets in (until the address limit).
    assert try_login(client, users.teacher, TEST_PASSWORD).status_code == 302


def test_one_address_cannot_try_many_accounts(limited_app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    client = limited_app.test_client()
    statuses = [try_login(client, f"someone{i}").status_code for i in range(7)]
    assert statuses[:6] == [401] * 6
    assert statuses[6] == 429


def test_autosave_limit_answers_json(limited_app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    from tests.attempts.test_pages import start
    from tests.attempts.test_services import fields_for_key
    from tests.factories import all_types_quiz

    quiz, _ = all_types_quiz(users.teacher)
    quiz_id = quiz.id
    db.session.rollback()  # this test's session must not hold an old snapshot while the other app writes
    client = limited_app.test_client()
    login(client, users.student)
    attempt = start(client, quiz_id)
    token = csrf_token(client, f"/attempts/{attempt.id}/q/0")
    fields = fields_for_key(attempt.answers[0])
    answers = [
        client.post(
            f"/attempts/{attempt.id}/autosave",
            json={"position": 0, "fields": fields},
            headers={"X-CSRFToken": token, "Accept": "application/json"},
        )
        for _ in range(3)
    ]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert "Too many requests" in answers[2].get_json()["error"]
    db.session.remove()
