"""Practice mode: a penalty earned by a wrong check stays earned, whatever the student saves afterwards."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quizapp.attempts.models import AttemptAnswer
from quizapp.extensions import db
from tests.attempts.test_pages import autosave, start
from tests.factories import all_types_quiz
from tests.support import post_form


def test_a_wrong_check_then_autosave_and_submit_keeps_the_penalty(student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, mode="practice", penalty_percent=10)
    attempt = start(student_client, quiz.id)
    tf = next(a for a in attempt.answers if a.question_version.type == "true_false")
    attempt_id, position = attempt.id, tf.position
    token_page = f"/attempts/{attempt_id}/q/{position}"
    checked = post_form(
        student_client, token_page, {"action": "check", f"q{position}-choice": "false"}, token_from=token_page
    )
    assert checked.status_code == 302
    assert autosave(student_client, attempt_id, position, {"choice": "true"}).status_code == 200  # the right one
    post_form(student_client, f"/attempts/{attempt_id}/submit", {}, token_from=f"/attempts/{attempt_id}/submit")
    db.session.expire_all()
    answer = db.session.scalar(
        select(AttemptAnswer).where(AttemptAnswer.attempt_id == attempt_id, AttemptAnswer.position == position)
    )
    assert answer.response is True
    assert answer.score == pytest.approx(0.9)  # one wrong check: 10 % off, as a right second check would cost
    assert answer.checks == 2  # stored, so that a regrade counts the same tries


def test_an_answer_never_checked_is_not_penalised(student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, mode="practice", penalty_percent=10)
    attempt = start(student_client, quiz.id)
    tf = next(a for a in attempt.answers if a.question_version.type == "true_false")
    attempt_id, position = attempt.id, tf.position
    assert autosave(student_client, attempt_id, position, {"choice": "true"}).status_code == 200
    post_form(student_client, f"/attempts/{attempt_id}/submit", {}, token_from=f"/attempts/{attempt_id}/submit")
    db.session.expire_all()
    answer = db.session.scalar(
        select(AttemptAnswer).where(AttemptAnswer.attempt_id == attempt_id, AttemptAnswer.position == position)
    )
    assert (answer.score, answer.checks) == (1.0, 0)
