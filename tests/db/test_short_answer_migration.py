"""The migration adding question names and "case matters" keeps every stored key as it was: a fill-in key saved
before partial credit (a list of strings) reads as all answers worth full marks and grades as it did."""

from __future__ import annotations

from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from quizapp.attempts import saving, starting, submitting
from quizapp.attempts.grading import grade
from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.bank.models import QuestionVersion
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.short_answers import accepted_answers
from tests.db.test_migrations import empty_database  # noqa: F401 - the fixture
from tests.factories import QUESTIONS, make_document, make_question, make_quiz
from tests.support import TEST_PASSWORD

BEFORE = "46d641372c92"


def test_stored_keys_read_as_full_marks_and_new_columns_default(empty_database: Flask) -> None:  # noqa: F811
    upgrade()
    teacher = accounts.create_user(db.session, username="teach", password=TEST_PASSWORD, role=Role.TEACHER)
    document = make_document(teacher)
    student = accounts.create_user(db.session, username="stu", password=TEST_PASSWORD, role=Role.STUDENT)
    fill_in = make_question(teacher, document, QUESTIONS[2])
    true_false = make_question(teacher, document, QUESTIONS[1])
    quiz = make_quiz(teacher, [fill_in])
    db.session.commit()
    attempt = starting.start_attempt(db.session, quiz.id, student, now=utcnow())
    saving.save_answer(db.session, attempt.id, student, 0, {"text": "nine years"}, now=utcnow())
    submitting.submit_attempt(db.session, attempt.id, student, now=utcnow())
    db.session.commit()
    ids = (fill_in.latest.id, true_false.latest.id)
    db.session.remove()

    downgrade(revision=BEFORE)
    upgrade()
    # Nothing pointing at the versions is lost (a copied-and-dropped table would take sources and answers with it).
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM question_sources")).scalar() == 2
        assert connection.execute(text("SELECT question_version_id, score FROM attempt_answers")).all() == [
            (ids[0], 1.0)
        ]
    version = db.session.get(QuestionVersion, ids[0])
    assert (version.name, version.case_sensitive) == ("", False)
    assert version.answer == ["nine years", "9 years"]
    assert [a.fraction for a in accepted_answers(version.answer)] == [1.0, 1.0]
    assert grade("fill_in", version.answer, "Nine years", case_sensitive=version.case_sensitive).correct
    db.session.remove()

    # The database itself refuses "case matters" on anything but a fill-in.
    with db.engine.connect() as connection:
        try:
            connection.execute(
                text("UPDATE question_versions SET case_sensitive = :yes WHERE id = :id"), {"yes": True, "id": ids[1]}
            )
        except IntegrityError:
            refused = True
        else:
            refused = False
        connection.rollback()
    assert refused
