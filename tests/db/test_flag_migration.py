"""The migration to one open flag per student and question closes the extra open duplicates, and back."""

from __future__ import annotations

from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from tests.db.test_migrations import empty_database  # noqa: F401 - the fixture
from tests.factories import QUESTIONS, make_document, make_question
from tests.support import TEST_PASSWORD

BEFORE = "bb9bb7709c57"


def open_flag_ids() -> list[int]:
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT id FROM question_flags WHERE resolved_at IS NULL ORDER BY id"))
        return [row.id for row in rows]


def test_duplicate_open_flags_are_closed_and_opened_again_on_downgrade(empty_database: Flask) -> None:  # noqa: F811
    upgrade()
    teacher = accounts.create_user(db.session, username="teach", password=TEST_PASSWORD, role=Role.TEACHER)
    students = [
        accounts.create_user(db.session, username=name, password=TEST_PASSWORD, role=Role.STUDENT)
        for name in ("stu", "stu2")
    ]
    question = make_question(teacher, make_document(teacher), QUESTIONS[0])
    db.session.commit()
    ids = (question.id, students[0].id, students[1].id)
    db.session.remove()
    downgrade(revision=BEFORE)
    with db.engine.begin() as connection:
        for user_id, resolved in ((ids[1], False), (ids[1], False), (ids[1], True), (ids[1], False), (ids[2], False)):
            connection.execute(
                text(
                    "INSERT INTO question_flags (question_id, user_id, kind, comment, created_at, resolved_at) "
                    "VALUES (:question, :user, 'wrong', '', CURRENT_TIMESTAMP, "
                    + ("CURRENT_TIMESTAMP" if resolved else "NULL")
                    + ")"
                ),
                {"question": ids[0], "user": user_id},
            )
    assert open_flag_ids() == [1, 2, 4, 5]

    upgrade()
    assert open_flag_ids() == [1, 5]  # the student's earliest open flag, and the other student's

    downgrade(revision=BEFORE)
    assert open_flag_ids() == [1, 2, 4, 5]  # the closed duplicates open again; the resolved one stays resolved
    upgrade()
    assert open_flag_ids() == [1, 5]
