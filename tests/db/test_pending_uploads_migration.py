"""The migration that keeps waiting uploads in the database (pending_uploads): up, down and up again."""

from __future__ import annotations

from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.sources import duplicates
from tests.db.test_migrations import empty_database  # noqa: F401 - the fixture
from tests.support import TEST_PASSWORD

BEFORE = "b3d5f7a9c1e2"


def has_table() -> bool:
    return "pending_uploads" in inspect(db.engine).get_table_names()


def test_pending_uploads_table_up_down_up(empty_database: Flask) -> None:  # noqa: F811
    upgrade(revision=BEFORE)
    assert not has_table()
    upgrade()
    assert has_table()
    columns = {column["name"] for column in inspect(db.engine).get_columns("pending_uploads")}
    assert columns == {"id", "owner_id", "token", "name", "data", "is_text", "format", "created_at"}
    teacher = accounts.create_user(db.session, username="teach", password=TEST_PASSWORD, role=Role.TEACHER)
    token = duplicates.keep_pending(db.session, teacher, "a.pdf", b"%PDF-1.4 \x00\xff", None, now=utcnow())
    db.session.commit()
    assert duplicates.take_pending(db.session, teacher, token, now=utcnow()) == ("a.pdf", b"%PDF-1.4 \x00\xff", None)
    duplicates.keep_pending(db.session, teacher, "b.txt", "waiting", "txt", now=utcnow())
    db.session.commit()
    db.session.remove()

    downgrade(revision=BEFORE)  # a waiting upload goes with the table: it is an hour's convenience, not data
    assert not has_table()
    upgrade()
    assert has_table()
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM pending_uploads")).scalar() == 0
