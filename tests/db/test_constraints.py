"""The schema enforces the invariants itself, on both databases (not only Python checks)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.auth.models import User
from quizapp.bank.models import Question, QuestionVersion
from quizapp.extensions import db
from quizapp.quizzes.models import Quiz


def make_user(name: str = "someone", role: str = "student") -> User:
    user = User(username=name, display_name=name, password_hash="x", role=role)
    db.session.add(user)
    db.session.flush()
    return user


def make_question() -> Question:
    question = Question(status="draft", origin="authored")
    question.versions.append(
        QuestionVersion(version=1, type="true_false", prompt="The canal opened in 1821.", answer=True, options=[])
    )
    db.session.add(question)
    db.session.flush()
    return question


def expect_refused(*objects: object) -> None:
    db.session.add_all(objects)
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_unknown_role_and_uppercase_username_are_refused(app) -> None:  # type: ignore[no-untyped-def]
    expect_refused(User(username="wizard", display_name="W", password_hash="x", role="wizard"))
    expect_refused(User(username="Upper", display_name="U", password_hash="x", role="student"))


def test_question_versions_are_unique_and_bounded(app) -> None:  # type: ignore[no-untyped-def]
    question = make_question()
    expect_refused(QuestionVersion(question_id=question.id, version=1, type="true_false", prompt="x", answer=False))
    question = make_question()
    expect_refused(QuestionVersion(question_id=question.id, version=2, type="essay", prompt="x", answer="free text"))
    question = make_question()
    expect_refused(
        QuestionVersion(question_id=question.id, version=2, type="true_false", prompt="x", answer=True, confidence=1.5)
    )


def test_attempt_numbers_are_unique_per_student_and_quiz(app) -> None:  # type: ignore[no-untyped-def]
    student = make_user()
    quiz = Quiz(title="Q", mode="exam")
    db.session.add(quiz)
    db.session.flush()
    db.session.add(Attempt(quiz_id=quiz.id, student_id=student.id, number=1))
    db.session.flush()
    # Two tabs starting "attempt 1" at once: the second insert loses.
    expect_refused(Attempt(quiz_id=quiz.id, student_id=student.id, number=1))


def test_attempt_status_and_submission_time_agree(app) -> None:  # type: ignore[no-untyped-def]
    student = make_user()
    quiz = Quiz(title="Q")
    db.session.add(quiz)
    db.session.flush()
    expect_refused(Attempt(quiz_id=quiz.id, student_id=student.id, number=1, status="submitted"))


def test_one_answer_per_question_per_attempt(app) -> None:  # type: ignore[no-untyped-def]
    student = make_user()
    quiz = Quiz(title="Q")
    question = make_question()
    db.session.add(quiz)
    db.session.flush()
    attempt = Attempt(quiz_id=quiz.id, student_id=student.id, number=1)
    db.session.add(attempt)
    db.session.flush()
    version_id = question.versions[0].id
    db.session.add(
        AttemptAnswer(attempt_id=attempt.id, question_id=question.id, question_version_id=version_id, position=0)
    )
    db.session.flush()
    expect_refused(
        AttemptAnswer(attempt_id=attempt.id, question_id=question.id, question_version_id=version_id, position=1)
    )


def test_quiz_window_must_be_ordered(app) -> None:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)
    expect_refused(Quiz(title="Q", opens_at=now, closes_at=now - timedelta(hours=1)))


def test_timestamps_come_back_as_utc_on_both_databases(app) -> None:  # type: ignore[no-untyped-def]
    user = make_user()
    moment = datetime(2026, 3, 1, 12, 30, tzinfo=timezone(timedelta(hours=2)))
    user.last_login_at = moment
    db.session.commit()
    db.session.expire_all()
    loaded = db.session.scalar(select(User.last_login_at).where(User.id == user.id))
    assert loaded == moment
    assert loaded.tzinfo is not None
    assert loaded.utcoffset() == timedelta(0)


def test_naive_timestamps_are_refused(app) -> None:  # type: ignore[no-untyped-def]
    user = make_user()
    user.last_login_at = datetime(2026, 3, 1, 12, 30)
    with pytest.raises(Exception, match="naive datetime"):
        db.session.flush()
    db.session.rollback()
