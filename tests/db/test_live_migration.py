"""The live mode's migration: its three tables come and go, the rest stays, and the database itself refuses a
second answer to one question and a participant who is both a student and a guest."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from quizapp.models import utcnow
from tests.db.test_migrations import empty_database  # noqa: F401 - the fixture
from tests.factories import QUESTIONS, make_document, make_question, make_quiz
from tests.support import TEST_PASSWORD

BEFORE = "7a1c3e9d2b40"
LIVE_TABLES = {"live_sessions", "live_participants", "live_answers"}


def _tables() -> set[str]:
    return set(inspect(db.engine).get_table_names())


def _refused(statement: str, values: dict[str, object]) -> bool:
    with db.engine.connect() as connection:
        try:
            connection.execute(text(statement), values)
        except IntegrityError:
            return True
        finally:
            connection.rollback()
    return False


def test_live_tables_upgrade_downgrade_and_constraints(empty_database: Flask) -> None:  # noqa: F811
    upgrade()
    assert _tables() >= LIVE_TABLES
    teacher = accounts.create_user(db.session, username="teach", password=TEST_PASSWORD, role=Role.TEACHER)
    student = accounts.create_user(db.session, username="stu", password=TEST_PASSWORD, role=Role.STUDENT)
    question = make_question(teacher, make_document(teacher), QUESTIONS[0])
    quiz = make_quiz(teacher, [question])
    db.session.commit()
    now = utcnow()
    ids = {"quiz": quiz.id, "teacher": teacher.id, "student": student.id, "version": question.latest.id}
    db.session.remove()
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO live_sessions (id, quiz_id, teacher_id, join_code, show_names, seconds_per_question, "
                "state, questions, question_count, current_index, version, expires_at) "
                "VALUES (1, :quiz, :teacher, 'ABC234', :yes, 20, 'lobby', '[]', 1, 0, 1, :expires)"
            ),
            {"quiz": ids["quiz"], "teacher": ids["teacher"], "yes": True, "expires": now + timedelta(hours=1)},
        )
        connection.execute(
            text("INSERT INTO live_participants (id, live_session_id, user_id) VALUES (1, 1, :student)"),
            {"student": ids["student"]},
        )
        connection.execute(
            text(
                "INSERT INTO live_answers (live_session_id, participant_id, question_index, question_version_id, "
                "fraction, correct, points, seconds_taken, answered_at) VALUES (1, 1, 0, :version, 1, :yes, 900, 2, "
                ":now)"
            ),
            {"version": ids["version"], "yes": True, "now": now},
        )
    second_answer = (
        "INSERT INTO live_answers (live_session_id, participant_id, question_index, question_version_id, fraction, "
        "correct, points, seconds_taken, answered_at) VALUES (1, 1, 0, :version, 0, :no, 0, 3, :now)"
    )
    assert _refused(second_answer, {"version": ids["version"], "no": False, "now": now})
    both = "INSERT INTO live_participants (live_session_id, user_id, nickname, nickname_key) VALUES (1, :s, 'x', 'x')"
    assert _refused(both, {"s": ids["student"]})
    paused_and_timed = (
        "UPDATE live_sessions SET state = 'question', opened_at = :now, closes_at = :now, paused_remaining = 3"
    )
    assert _refused(paused_and_timed, {"now": now})

    downgrade(revision=BEFORE)
    assert not (LIVE_TABLES & _tables())
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM quizzes")).scalar() == 1
    upgrade()
    assert _tables() >= LIVE_TABLES


@pytest.mark.parametrize("state", ["question", "ended"])
def test_a_state_without_its_times_is_refused(empty_database: Flask, state: str) -> None:  # noqa: F811
    """The checks can fail: a question with no clock, an end with no time, are refused by the database."""
    upgrade()
    teacher = accounts.create_user(db.session, username="teach", password=TEST_PASSWORD, role=Role.TEACHER)
    quiz = make_quiz(teacher, [])
    db.session.commit()
    values = {"quiz": quiz.id, "teacher": teacher.id, "state": state, "expires": utcnow()}
    db.session.remove()
    statement = (
        "INSERT INTO live_sessions (quiz_id, teacher_id, join_code, show_names, seconds_per_question, state, "
        "questions, question_count, current_index, version, expires_at) "
        "VALUES (:quiz, :teacher, 'XYZ234', :yes, 20, :state, '[]', 1, 0, 1, :expires)"
    )
    assert _refused(statement, {**values, "yes": True})
