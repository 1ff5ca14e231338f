"""Styled error pages, and faults that become a clear answer instead of a 500."""

from __future__ import annotations

import sqlite3

import pytest
from flask import Flask, abort
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from quizapp import create_app
from quizapp.access import ANYONE, allow
from quizapp.auth.models import User
from quizapp.extensions import db
from tests.support import TEST_PASSWORD, app_config, csrf_token


def add_route(app: Flask, path: str, view) -> None:  # type: ignore[no-untyped-def]
    app.add_url_rule(path, view.__name__, allow(ANYONE)(view))


@pytest.mark.parametrize("status", [400, 403, 404, 500])
def test_error_pages_are_styled_pages(app: Flask, status: int) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False

    def failing() -> str:
        if status == 500:
            raise RuntimeError("boom")
        abort(status)

    add_route(app, "/fail", failing)
    response = app.test_client().get("/fail")
    assert response.status_code == status
    html = response.get_data(as_text=True)
    assert '<nav class="navbar' in html  # the site's layout, not a bare server message
    assert f">{status}<" in html
    assert "boom" not in html  # no internals shown


def test_upload_over_the_limit_gets_a_413_page(app: Flask) -> None:
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    client = app.test_client()
    response = client.post("/register", data={"username": "x" * (2 * 1024 * 1024), "csrf_token": csrf_token(client)})
    assert response.status_code == 413
    assert b"1 MB at most" in response.data


@pytest.mark.backends("sqlite")
def test_a_locked_sqlite_database_answers_503_and_changes_nothing(database_url: str) -> None:
    app = create_app(app_config(database_url, SQLITE_BUSY_TIMEOUT_MS=200))
    client: FlaskClient = app.test_client()
    with app.app_context():
        token = csrf_token(client, "/register")
        blocker = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # another writer holds the lock for longer than the busy timeout
        try:
            response = client.post(
                "/register",
                data={
                    "username": "locked",
                    "display_name": "L",
                    "password": TEST_PASSWORD,
                    "confirm": TEST_PASSWORD,
                    "csrf_token": token,
                },
            )
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert response.status_code == 503
        assert b"try again" in response.data
        assert db.session.scalar(select(func.count()).select_from(User)) == 0
        db.session.remove()
        db.engine.dispose()


def test_a_connection_whose_rollback_also_fails_is_dropped_and_answers_503(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The server cut the connection mid-request: the handler's ROLLBACK meets the dead socket too, and the session
    # must then drop the connection (not fail in the error handler itself, which gave the student a 500).
    app.config["PROPAGATE_EXCEPTIONS"] = False
    cut = OperationalError("SELECT 1", {}, Exception("server closed the connection"))
    cut.connection_invalidated = True

    def failing() -> str:
        raise cut

    rollbacks: list[int] = []
    real_rollback = Session.rollback

    def rollback_on_a_dead_socket(self: Session) -> None:
        rollbacks.append(1)
        if len(rollbacks) == 1:
            raise OperationalError("ROLLBACK", {}, Exception("consuming input failed"))
        real_rollback(self)

    monkeypatch.setattr(Session, "rollback", rollback_on_a_dead_socket)
    add_route(app, "/cut", failing)
    response = app.test_client().get("/cut", headers={"Accept": "application/json"})
    assert response.status_code == 503
    assert response.get_json()["retry"] is True
    assert rollbacks  # the failing rollback was really tried
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) is not None  # the session works again
