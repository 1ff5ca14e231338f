"""An attempt loaded with whether its quiz is open (``attempt_of``) and later expired reloads by itself: the
expression that read the joined quiz must not come along (without the join it ranged over every quiz)."""

from __future__ import annotations

import warnings

from sqlalchemy import exc

from quizapp.attempts import loading
from quizapp.attempts.submitting import _quiz_still_open
from quizapp.extensions import db
from tests.attempts.test_pages import start
from tests.factories import all_types_quiz, make_quiz, user


def test_an_expired_attempt_reloads_without_the_quiz_expression_and_asks_again(student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, questions = all_types_quiz(users.teacher)
    make_quiz(user(users.teacher), questions[:1], title="Another, open")  # a second quiz the product would reach
    db.session.commit()
    attempt_id = start(student_client, quiz.id).id
    db.session.expire_all()
    student = user(users.student)
    attempt = loading.attempt_of(db.session, attempt_id, student)
    assert attempt.quiz_open is True
    quiz.is_published = False  # taken back while the attempt is open
    db.session.commit()  # expires the attempt
    with warnings.catch_warnings():
        warnings.simplefilter("error", exc.SAWarning)  # a cartesian product warns
        assert attempt.status == "in_progress"
    assert attempt.quiz_open is None  # not carried to the refresh
    assert _quiz_still_open(db.session, attempt) is False
