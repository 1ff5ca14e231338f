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


def redis_limited_app(database_url: str, **limits: object) -> Flask:
    """The app with rate limits on, counted in this machine's Redis under a prefix of its own.

    Windows of an hour or a day, not a minute: the sliding-window counter weighs the previous window's hits by
    how much of it is left, so posts that straddle a minute boundary could pass a limit they should not."""
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.RedisError as error:
        if IN_CI:
            pytest.fail(f"Redis is not reachable at {REDIS_URL}: {error} (CI=true: a missing service fails the run)")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    settings = {"RATELIMIT_KEY_PREFIX": f"quizapp-test-{uuid.uuid4().hex}", **limits}
    return create_app(app_config(database_url, RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=REDIS_URL, **settings))


@pytest.fixture
def limited_app(app: Flask, database_url: str) -> Flask:
    return redis_limited_app(
        database_url, RATELIMIT_LOGIN=("6/hour", "3/hour"), RATELIMIT_AUTOSAVE=("100/hour", "2/hour")
    )


def try_login(client, username: str, password: str = "wrong password!", *, address: str = "127.0.0.1"):  # type: ignore[no-untyped-def]
    token = csrf_token(client, "/login")
    form = {"username": username, "password": password, "csrf_token": token}
    return client.post("/login", data=form, environ_base={"REMOTE_ADDR": address})


def test_guessing_one_accounts_password_is_stopped(limited_app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    client = limited_app.test_client()
    statuses = [try_login(client, users.student).status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    blocked = try_login(client, users.student, TEST_PASSWORD)  # even the right password waits now
    assert blocked.status_code == 429
    assert b"Too many requests" in blocked.data
    # Another account from the same address still gets in (until the address limit).
    assert try_login(client, users.teacher, TEST_PASSWORD).status_code == 302


def test_a_guesser_cannot_lock_the_owner_out_from_elsewhere(limited_app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    attacker, owner = limited_app.test_client(), limited_app.test_client()
    guesses = [try_login(attacker, users.student, address="203.0.113.9").status_code for _ in range(4)]
    assert guesses == [401, 401, 401, 429]
    # The owner, at school, still gets in; the guesser is still stopped, for this account and then for any.
    assert try_login(owner, users.student, TEST_PASSWORD, address="198.51.100.20").status_code == 302
    assert try_login(attacker, users.student, TEST_PASSWORD, address="203.0.113.9").status_code == 429
    others = [try_login(attacker, f"someone{i}", address="203.0.113.9").status_code for i in range(2)]
    assert others == [401, 429]  # the address's six tries are used up


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


@pytest.fixture
def tight_app(app: Flask, database_url: str) -> Flask:
    """Every other limited door at two POSTs a day per account."""
    tight = ("100/day", "2/day")
    return redis_limited_app(
        database_url, RATELIMIT_REGISTER=tight, RATELIMIT_PASSWORD=tight, RATELIMIT_JOIN=tight, RATELIMIT_UPLOAD=tight
    )


@pytest.mark.parametrize(
    ("path", "who", "data"),
    [
        ("/register", None, {"username": "newcomer", "password": "x", "confirm": "y"}),
        ("/account/password", "student", {"current_password": "wrong", "new_password": "x", "confirm": "y"}),
        ("/classes/join", "student", {"code": "NOSUCHCODE"}),
        ("/sources/new", "teacher", {"title": ""}),
        ("/bank/import", "teacher", {}),
    ],
)
def test_each_limited_door_answers_429_past_its_limit_and_does_nothing(  # type: ignore[no-untyped-def]
    tight_app: Flask, users, path: str, who: str | None, data: dict[str, str]
) -> None:
    from quizapp.auth.models import User

    client = tight_app.test_client()
    if who is not None:
        login(client, getattr(users, who))
    with tight_app.app_context():
        accounts_before = db.session.query(User).count()
    statuses = []
    for _ in range(3):
        token = csrf_token(client, path)
        statuses.append(client.post(path, data={**data, "csrf_token": token}).status_code)
    assert 429 not in statuses[:2]
    assert statuses[2] == 429
    blocked = client.post(path, data={**data, "csrf_token": csrf_token(client, path)})
    assert blocked.status_code == 429
    assert b"Too many requests" in blocked.data
    with tight_app.app_context():
        assert db.session.query(User).count() == accounts_before
        db.session.remove()


def test_workers_count_together_in_redis(app: Flask, database_url: str, users) -> None:  # type: ignore[no-untyped-def]
    # Two apps stand for two gunicorn workers: with RATELIMIT_STORAGE_URI set, a guesser who is
    # spread over both still meets one limit, and the counts are in Redis under the app's prefix.
    prefix = f"quizapp-test-{uuid.uuid4().hex}"
    workers = [
        redis_limited_app(database_url, RATELIMIT_LOGIN=("100/hour", "3/hour"), RATELIMIT_KEY_PREFIX=prefix)
        for _ in range(2)
    ]
    clients = [worker.test_client() for worker in workers]
    statuses = [try_login(clients[i % 2], users.student).status_code for i in range(4)]
    assert statuses == [401, 401, 401, 429]
    keys = redis.Redis.from_url(REDIS_URL).keys(f"*{prefix}*")
    assert keys, "no rate-limit counts in Redis"


def test_each_app_counts_in_its_own_memory_by_default(app: Flask, database_url: str, users) -> None:  # type: ignore[no-untyped-def]
    config = app_config(database_url, RATELIMIT_ENABLED=True, RATELIMIT_LOGIN=("100/hour", "2/hour"))
    config.pop("RATELIMIT_STORAGE_URI", None)
    first, second = create_app(config), create_app(config)
    assert first.config["RATELIMIT_STORAGE_URI"] == "memory://"
    client = first.test_client()
    assert [try_login(client, users.student).status_code for _ in range(3)] == [401, 401, 429]
    # A second process has counts of its own (this is why production sets Redis).
    assert try_login(second.test_client(), users.student).status_code == 401


def test_one_address_cannot_register_many_accounts(app: Flask, database_url: str) -> None:
    from quizapp.auth.models import User

    limited = redis_limited_app(database_url, RATELIMIT_REGISTER=("2/day", "100/day"))
    client = limited.test_client()
    statuses = []
    for i in range(3):
        token = csrf_token(client, "/register")
        form = {"username": f"newcomer{i}", "password": "x", "confirm": "y", "csrf_token": token}
        statuses.append(client.post("/register", data=form).status_code)
    assert 429 not in statuses[:2]
    assert statuses[2] == 429
    with limited.app_context():
        assert db.session.query(User).filter(User.username == "newcomer2").count() == 0
        db.session.remove()


def test_only_the_limited_views_consult_the_limiter(limited_app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    limiter = limited_app.extensions["quizapp.limiter"]
    checks: list[str] = []
    identify = limiter.identify_request  # the first thing every check of the limiter does
    monkeypatch.setattr(limiter, "identify_request", lambda: checks.append("check") or identify())
    client = limited_app.test_client()
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code in (200, 302)
    assert client.get("/static/no-such-file.css").status_code == 404
    assert checks == []
    try_login(client, "somebody")
    assert checks


def test_app_wide_limits_keep_the_limiters_hooks(database_url: str) -> None:
    app = redis_limited_app(database_url, RATELIMIT_APPLICATION="2/hour")
    client = app.test_client()
    assert [client.get("/register").status_code for _ in range(3)] == [200, 200, 429]
