"""The migration that keeps ordering grading types and allows multiple-answer questions, on data, both ways.

Batch mode rebuilds ``question_versions`` on SQLite; with rows pointing at it (sources, attempt answers) that must
neither fail nor delete them, and existing ordering questions keep grading by the longest ordered subset.
"""

from __future__ import annotations

from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from tests.db.test_migrations import empty_database  # noqa: F401 - the fixture
from tests.factories import MULTIPLE_ANSWER, QUESTIONS, make_document, make_question
from tests.support import TEST_PASSWORD

BEFORE = "c4e8a1f2d9b6"


def count(table: str, where: str = "1 = 1") -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table} WHERE {where}")).scalar_one())


def test_rows_pointing_at_question_versions_survive_both_ways(empty_database: Flask) -> None:  # noqa: F811
    upgrade()
    teacher = accounts.create_user(db.session, username="teach", password=TEST_PASSWORD, role=Role.TEACHER)
    document = make_document(teacher)
    for spec in QUESTIONS:
        make_question(teacher, document, spec)
    make_question(teacher, document, {**QUESTIONS[3], "ordering_grading": "absolute_position"})
    make_question(teacher, document, MULTIPLE_ANSWER)
    db.session.commit()
    db.session.remove()
    assert count("question_sources") == 7

    downgrade(revision=BEFORE)
    # The old schema cannot hold the multiple-answer question: it goes, with its source; the rest stay.
    assert count("question_versions") == 6
    assert count("question_sources") == 6
    assert count("questions") == 6

    upgrade()
    assert count("question_sources") == 6
    # Ordering questions from before keep NULL: graded by the longest ordered subset, as they were.
    assert count("question_versions", "type = 'ordering' AND ordering_grading IS NULL") == 2
    with db.engine.begin() as connection:
        connection.execute(
            text("UPDATE question_versions SET ordering_grading = 'relative_to_correct' WHERE type = 'ordering'")
        )
    assert count("question_versions", "ordering_grading = 'relative_to_correct'") == 2
