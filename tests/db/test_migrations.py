"""One migration history builds the schema on SQLite and PostgreSQL, both ways, matching the models."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from quizapp import create_app
from quizapp.extensions import db
from tests.support import app_config, create_postgresql_database, drop_postgresql_database, require_postgresql


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path) -> Iterator[Flask]:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'migrations.sqlite'}"
        app = create_app(app_config(url))
        with app.app_context():
            yield app
            db.engine.dispose()
        return
    require_postgresql()
    url = create_postgresql_database()
    try:
        app = create_app(app_config(url))
        with app.app_context():
            yield app
            db.engine.dispose()
    finally:
        drop_postgresql_database(url)


def table_names() -> set[str]:
    return set(inspect(db.engine).get_table_names()) - {"alembic_version"}


def pending_differences() -> list[object]:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "render_as_batch": True})
        return compare_metadata(context, db.metadata)


def test_upgrade_downgrade_upgrade_round_trip(empty_database: Flask) -> None:
    model_tables = {table.name for table in db.metadata.sorted_tables}
    assert table_names() == set()

    upgrade()
    assert table_names() == model_tables
    assert pending_differences() == []

    downgrade(revision="base")
    assert table_names() == set()

    upgrade()
    assert table_names() == model_tables
    assert pending_differences() == []


def test_models_changed_without_migration_are_detected(empty_database: Flask) -> None:
    """The check above can fail: a column the migrations lack shows up as a difference."""
    import sqlalchemy as sa

    upgrade()
    users = db.metadata.tables["users"]
    extra = sa.Column("nickname_for_test", sa.String(20))
    users.append_column(extra)
    try:
        differences = pending_differences()
    finally:
        users._columns.remove(extra)  # leave the shared metadata as it was
    assert any("nickname_for_test" in repr(diff) for diff in differences)


def test_answers_given_up_before_the_flag_was_kept_are_found_and_cards_rebuilt(empty_database: Flask) -> None:
    """Revision bb9bb7709c57 marks the practice answers given up before it (a 0 from a check, tries left) and
    drops the cards, which the next sync rebuilds from the answers."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import text

    from quizapp.attempts import saving, starting, submitting
    from quizapp.auth import services as accounts
    from quizapp.auth.roles import Role
    from quizapp.practice.cards import sync_cards
    from tests.factories import QUESTIONS, make_document, make_question, make_quiz

    upgrade()
    teacher = accounts.create_user(db.session, username="teach", password="pw-for-tests-1", role=Role.TEACHER)
    student = accounts.create_user(db.session, username="stu", password="pw-for-tests-1")
    document = make_document(teacher)
    questions = [make_question(teacher, document, QUESTIONS[1]) for _ in range(4)]  # true/false, key True
    practice = make_quiz(teacher, questions, mode="practice", shuffle_questions=False)
    exam = make_quiz(teacher, questions[:1], title="Exam", shuffle_questions=False)
    db.session.commit()
    start, minute = datetime(2026, 11, 2, 9, 0, tzinfo=UTC), timedelta(minutes=1)
    done = starting.start_attempt(db.session, practice.id, student, now=start)
    saving.check_answer(db.session, done.id, student, 0, {"choice": "false"}, now=start + minute)
    saving.check_answer(db.session, done.id, student, 0, {}, now=start + 2 * minute, give_up=True)
    saving.check_answer(db.session, done.id, student, 1, {}, now=start + 3 * minute, give_up=True)
    for n in range(3):  # wrong three times: the tries ran out
        saving.check_answer(db.session, done.id, student, 2, {"choice": "false"}, now=start + (4 + n) * minute)
    submitting.submit_attempt(db.session, done.id, student, now=start + 9 * minute)  # question 4 unanswered: 0
    graded = starting.start_attempt(db.session, exam.id, student, now=start)
    submitting.submit_attempt(db.session, graded.id, student, now=start + minute)
    still_open = starting.start_attempt(db.session, practice.id, student, now=start + 10 * minute)
    saving.check_answer(db.session, still_open.id, student, 3, {}, now=start + 11 * minute, give_up=True)
    db.session.commit()
    assert sync_cards(db.session, student.id, now=start + timedelta(hours=1)) == 4
    db.session.commit()
    ids = {
        (attempt.number, attempt.quiz.mode, position): answer.id
        for attempt in (done, graded, still_open)
        for position, answer in enumerate(attempt.answers)
    }
    db.session.remove()  # no transaction may hold the tables while they change

    downgrade(revision="a3f1c9e2b7d4")
    upgrade()
    gave_up = {row.id: row.gave_up for row in db.session.execute(text("SELECT id, gave_up FROM attempt_answers"))}
    # The submitted practice attempt's first two answers and the open one's last; not the exam's.
    assert {key for key, answer_id in ids.items() if gave_up[answer_id]} == {
        (1, "practice", 0),
        (1, "practice", 1),
        (2, "practice", 3),
    }
    assert db.session.scalar(text("SELECT count(*) FROM review_cards")) == 0
