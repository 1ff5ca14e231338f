"""One commit point per request (quizapp.transactions): views never commit, the request's end does.

Routes made for the test write a user row and answer in different ways; whether the row is there afterwards is
read on a connection of its own, so nothing of the request's session can hide it.
"""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import pytest
from flask import Flask, redirect
from sqlalchemy import func, select, text

import quizapp
from quizapp.access import ANYONE, allow
from quizapp.auth.models import User
from quizapp.database import _write_intent, begin_writing
from quizapp.exceptions import Conflict, DomainError
from quizapp.extensions import csrf, db
from quizapp.transactions import UndeclaredWrite, commit_now, undo_on, writes_on_get

NAME = "written-by-test-route"


class Recorded(logging.Handler):
    """The app logger's messages, caught on the logger itself rather than through pytest's capture."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _write() -> None:
    db.session.add(User(username=NAME, display_name="Row", password_hash="x", role="student"))
    db.session.flush()


def rows_written() -> int:
    with db.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(User).where(User.username == NAME)) or 0


def route(app: Flask, rule: str, methods: tuple[str, ...] = ("POST",), declared: bool = False):  # type: ignore[no-untyped-def]
    def decorate(view):  # type: ignore[no-untyped-def]
        view = allow(ANYONE)(view)
        if declared:
            view = writes_on_get(view)
        app.add_url_rule(rule, view.__name__, csrf.exempt(view), methods=list(methods))
        return view

    return decorate


def test_a_post_is_committed_at_the_end_without_the_view_committing(app: Flask) -> None:
    @route(app, "/t/ok")
    def ok() -> str:
        _write()
        return "done"

    response = app.test_client().post("/t/ok")

    assert response.status_code == 200
    assert rows_written() == 1


@pytest.mark.parametrize("status", [400, 409, 500])
def test_an_error_answer_rolls_back(app: Flask, status: int) -> None:
    @route(app, "/t/refused")
    def refused() -> tuple[str, int]:
        _write()
        return "no", status

    assert app.test_client().post("/t/refused").status_code == status
    assert rows_written() == 0


def test_a_raised_domain_error_rolls_back(app: Flask) -> None:
    @route(app, "/t/raises")
    def raises() -> str:
        _write()
        raise Conflict("Changed elsewhere.")

    assert app.test_client().post("/t/raises").status_code == 409
    assert rows_written() == 0


def test_undo_on_rolls_back_and_flashes_though_the_answer_is_a_redirect(app: Flask) -> None:
    @route(app, "/t/undo")
    def undo():  # type: ignore[no-untyped-def]
        with undo_on() as step:
            _write()
            raise DomainError("That class name is taken.")
        assert step.failed
        assert step.status_code == 400
        return redirect("/t/after")

    @route(app, "/t/after", methods=("GET",))
    def after() -> str:
        from flask import get_flashed_messages

        return " | ".join(get_flashed_messages())

    client = app.test_client()
    response = client.post("/t/undo")

    assert response.status_code == 302
    assert rows_written() == 0
    assert client.get("/t/after").get_data(as_text=True) == "That class name is taken."


def test_undo_on_lets_passing_errors_through_to_their_handler(app: Flask) -> None:
    from quizapp.exceptions import NotFound

    @route(app, "/t/passing")
    def passing() -> str:
        with undo_on(passing=(NotFound,)):
            _write()
            raise NotFound("No such thing.")
        return "not reached"

    assert app.test_client().post("/t/passing").status_code == 404
    assert rows_written() == 0


def test_a_get_without_the_declaration_cannot_write(app: Flask) -> None:
    @route(app, "/t/sneaky", methods=("GET",))
    def sneaky() -> str:
        _write()
        return "wrote"

    with pytest.raises(UndeclaredWrite):  # under TESTING the fault is raised, so a test finds it
        app.test_client().get("/t/sneaky")
    assert rows_written() == 0

    app.testing = False  # in production: logged, rolled back, and the page is still served
    logged = Recorded()
    app.logger.addHandler(logged)
    was_disabled, app.logger.disabled = app.logger.disabled, False  # alembic's fileConfig disables older loggers
    try:
        response = app.test_client().get("/t/sneaky")
    finally:
        app.logger.removeHandler(logged)
        app.logger.disabled = was_disabled
    assert response.status_code == 200
    assert rows_written() == 0
    assert any("without @writes_on_get" in message for message in logged.messages)


def test_a_get_without_the_declaration_cannot_commit_early(app: Flask) -> None:
    @route(app, "/t/early", methods=("GET",))
    def early() -> str:
        _write()
        commit_now()
        return "committed?"

    with pytest.raises(UndeclaredWrite):
        app.test_client().get("/t/early")
    assert rows_written() == 0


def test_a_declared_get_reads_until_it_begins_writing(app: Flask) -> None:
    seen: list[bool] = []

    @route(app, "/t/declared", methods=("GET",), declared=True)
    def declared() -> str:
        db.session.execute(text("SELECT 1"))
        seen.append(_write_intent.get())  # a plain read transaction: page loads do not queue behind writers
        restarted = begin_writing(db.session)
        seen.append(_write_intent.get())  # SQLite begins the next transaction with BEGIN IMMEDIATE
        _write()
        return "restarted" if restarted else "went on"

    @route(app, "/t/plain", methods=("GET",))
    def plain() -> str:
        seen.append(_write_intent.get())
        return "read"

    client = app.test_client()
    answer = client.get("/t/declared")
    assert answer.status_code == 200
    # SQLite ends the read transaction to begin again for writing; PostgreSQL's can simply write.
    assert answer.get_data(as_text=True) == ("restarted" if db.engine.dialect.name == "sqlite" else "went on")
    assert client.get("/t/plain").status_code == 200
    assert rows_written() == 1
    assert seen == [False, True, False]


def test_a_post_begins_writing_from_its_first_statement(app: Flask) -> None:
    seen: list[bool] = []

    @route(app, "/t/post", methods=("POST",))
    def post() -> str:
        seen.append(_write_intent.get())
        seen.append(begin_writing(db.session))  # nothing to end: it already writes
        return "ok"

    assert app.test_client().post("/t/post").status_code == 200
    assert seen == [True, False]


def test_no_view_commits_or_rolls_back_itself() -> None:
    package = Path(quizapp.__file__).resolve().parent
    views = [*package.rglob("views.py"), *package.rglob("*_views.py")]
    assert len(views) >= 10
    found = []
    for path in views:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("commit", "rollback"):
                found.append(f"{path.relative_to(package.parent)}:{node.lineno}: .{node.attr}")
    assert found == []


def test_a_write_statement_counts_as_a_write(app: Flask) -> None:
    from sqlalchemy import update

    @route(app, "/t/bulk")
    def bulk() -> str:
        _write()
        db.session.commit()  # the row exists; what follows is a bare UPDATE statement, no object flushed
        db.session.execute(update(User).where(User.username == NAME).values(display_name="Changed"))
        return "updated"

    @route(app, "/t/sneaky-bulk", methods=("GET",))
    def sneaky_bulk() -> str:
        db.session.execute(update(User).where(User.username == NAME).values(display_name="Sneaky"))
        return "updated"

    client = app.test_client()
    assert client.post("/t/bulk").status_code == 200
    with pytest.raises(UndeclaredWrite):
        client.get("/t/sneaky-bulk")
    with db.engine.connect() as connection:
        assert connection.scalar(select(User.display_name).where(User.username == NAME)) == "Changed"


def _server_transaction_open() -> bool:
    """Whether the request session's PostgreSQL connection has a transaction open on the server."""
    dbapi_connection = db.session.connection().connection.dbapi_connection
    return dbapi_connection.info.transaction_status != 0  # psycopg's TransactionStatus.IDLE


@pytest.mark.backends("postgresql")
def test_a_get_reads_on_postgresql_without_begin_or_rollback(app: Flask) -> None:
    seen: list[bool] = []

    @route(app, "/t/read", methods=("GET",))
    def read() -> str:
        db.session.scalar(select(func.count()).select_from(User))
        seen.append(_server_transaction_open())  # autocommit: the select sent no BEGIN, so no ROLLBACK follows
        return "read"

    @route(app, "/t/after")
    def after() -> str:
        db.session.scalar(select(func.count()).select_from(User))
        seen.append(_server_transaction_open())
        return "posted"

    with app.app_context():  # one session for both requests, as the tests' kept contexts have
        client = app.test_client()
        assert client.get("/t/read").status_code == 200
        assert client.post("/t/after").status_code == 200
    assert seen == [False, True]  # the POST did not inherit the read's autocommit connection


@pytest.mark.backends("postgresql")
def test_a_get_that_writes_on_postgresql_writes_in_one_transaction(app: Flask) -> None:
    seen: list[bool] = []

    @route(app, "/t/lock-then-fail", methods=("GET",), declared=True)
    def lock_then_fail() -> tuple[str, int]:
        db.session.scalars(select(User).with_for_update()).all()
        seen.append(_server_transaction_open())  # the lock holds until the request ends, not its statement
        _write()
        return "refused", 409

    @route(app, "/t/write", methods=("GET",), declared=True)
    def write() -> str:
        db.session.scalar(select(func.count()).select_from(User))
        seen.append(_server_transaction_open())
        _write()
        seen.append(_server_transaction_open())
        return "written"

    client = app.test_client()
    assert client.get("/t/lock-then-fail").status_code == 409
    assert rows_written() == 0  # written in autocommit, the row would have stayed
    assert client.get("/t/write").status_code == 200
    assert rows_written() == 1
    assert seen == [True, False, True]
