"""`flask users`: create, list and set roles from the command line."""

from __future__ import annotations

from flask.testing import FlaskCliRunner
from sqlalchemy import select

from quizapp.auth.models import User
from quizapp.extensions import db


def test_create_list_and_set_role(runner: FlaskCliRunner) -> None:
    result = runner.invoke(
        args=["users", "create", "Ana", "--role", "teacher", "--name", "Ana B", "--password", "long enough pw"]
    )
    assert result.exit_code == 0, result.output
    assert "Created teacher 'ana'" in result.output
    assert db.session.scalar(select(User.role).where(User.username == "ana")) == "teacher"

    listing = runner.invoke(args=["users", "list"])
    assert "ana\tteacher\tAna B" in listing.output

    result = runner.invoke(args=["users", "set-role", "ana", "admin"])
    assert result.exit_code == 0
    db.session.expire_all()
    assert db.session.scalar(select(User.role).where(User.username == "ana")) == "admin"


def test_password_is_asked_for_when_not_given(runner: FlaskCliRunner) -> None:
    result = runner.invoke(
        args=["users", "create", "bob", "--role", "admin"], input="a good password\na good password\n"
    )
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(User.role).where(User.username == "bob")) == "admin"


def test_bad_input_is_a_clear_error_that_changes_nothing(runner: FlaskCliRunner) -> None:
    assert runner.invoke(args=["users", "create", "cyd", "--password", "short"]).exit_code == 1
    assert runner.invoke(args=["users", "create", "x", "--password", "long enough pw"]).exit_code == 1
    assert (
        runner.invoke(args=["users", "create", "cyd", "--role", "wizard", "--password", "long enough pw"]).exit_code
        == 2
    )
    unknown = runner.invoke(args=["users", "set-role", "nobody", "teacher"])
    assert unknown.exit_code == 1
    assert "No user named 'nobody'" in unknown.output
    assert db.session.scalars(select(User)).all() == []
    runner.invoke(args=["users", "create", "cyd", "--password", "long enough pw"])
    again = runner.invoke(args=["users", "create", "CYD", "--password", "long enough pw"])
    assert again.exit_code == 1
    assert "already taken" in again.output
