"""Student flags: one open flag per student and question, counted by students, and rate-limited."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from quizapp.bank.models import QuestionFlag
from quizapp.extensions import db
from quizapp.history.analysis import item_analysis
from quizapp.models import utcnow
from tests.attempts.test_pages import start
from tests.auth.test_rate_limits import redis_limited_app
from tests.factories import all_types_quiz, user
from tests.support import csrf_token, login, post_form


def submitted_attempt(client, quiz_id: int) -> int:  # type: ignore[no-untyped-def]
    attempt_id = start(client, quiz_id).id
    post_form(client, f"/attempts/{attempt_id}/submit", {}, token_from=f"/attempts/{attempt_id}/submit")
    return attempt_id


def flag(client, attempt_id: int, position: int = 0):  # type: ignore[no-untyped-def]
    return post_form(
        client,
        f"/attempts/{attempt_id}/q/{position}/flag",
        {"kind": "wrong", "comment": "The key is wrong."},
        token_from=f"/attempts/{attempt_id}/review",
    )


def open_flags() -> int:
    db.session.rollback()  # a fresh snapshot: another app may have written
    return db.session.scalar(select(func.count()).select_from(QuestionFlag).where(QuestionFlag.resolved_at.is_(None)))


def test_a_second_open_flag_on_the_same_question_is_refused_kindly(student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, shuffle_questions=False)
    first_attempt = submitted_attempt(student_client, quiz.id)
    second_attempt = submitted_attempt(student_client, quiz.id)
    assert flag(student_client, first_attempt).status_code == 302
    again = flag(student_client, second_attempt)  # the same question, from another attempt
    assert again.status_code == 302
    page = student_client.get(again.headers["Location"]).get_data(as_text=True)
    assert "You have already reported this question" in page
    assert open_flags() == 1
    assert flag(student_client, first_attempt, position=1).status_code == 302  # another question: fine
    assert open_flags() == 2
    # Once the teacher has dealt with it, the student may report the question again.
    db.session.scalar(
        select(QuestionFlag).where(QuestionFlag.question_id == quiz.questions[0].question_id)
    ).resolved_at = utcnow()
    db.session.commit()
    flag(student_client, first_attempt)
    assert open_flags() == 2


def test_the_database_keeps_one_open_flag_per_student_and_question(app, users) -> None:  # type: ignore[no-untyped-def]
    _, questions = all_types_quiz(users.teacher)
    student = user(users.student)

    def open_flag() -> QuestionFlag:
        return QuestionFlag(question_id=questions[0].id, user_id=student.id, kind="wrong", comment="")

    db.session.add(open_flag())
    db.session.commit()
    db.session.add(open_flag())
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    db.session.add(QuestionFlag(question_id=questions[0].id, user_id=student.id, kind="wrong", resolved_at=utcnow()))
    db.session.commit()  # a resolved flag beside the open one is history, and allowed


def test_one_student_flagging_twice_does_not_make_a_question_weak(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, shuffle_questions=False)
    clients = {}
    for name in (users.student, users.other_student):
        clients[name] = app.test_client()
        login(clients[name], name)
    first = submitted_attempt(clients[users.student], quiz.id)
    second = submitted_attempt(clients[users.student], quiz.id)
    flag(clients[users.student], first)
    flag(clients[users.student], second)

    def flagged_reasons() -> list[str]:
        analysis = item_analysis(db.session, db.session.merge(quiz))
        return [reason for item in analysis.items for reason in item.reasons if "open flags" in reason]

    assert flagged_reasons() == []
    flag(clients[users.other_student], submitted_attempt(clients[users.other_student], quiz.id))
    assert flagged_reasons() == ["2 open flags from students"]


def test_flagging_is_rate_limited(app: Flask, database_url: str, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, shuffle_questions=False)
    quiz_id = quiz.id
    db.session.rollback()  # this test's session must not hold an old snapshot while the other app writes
    limited = redis_limited_app(database_url, RATELIMIT_FLAG=("100/hour", "2/hour"))
    client = limited.test_client()
    login(client, users.student)
    attempt_id = submitted_attempt(client, quiz_id)
    token = csrf_token(client, f"/attempts/{attempt_id}/review")
    statuses = [
        client.post(
            f"/attempts/{attempt_id}/q/{position}/flag", data={"kind": "other", "comment": "", "csrf_token": token}
        ).status_code
        for position in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert open_flags() == 2
    db.session.remove()
