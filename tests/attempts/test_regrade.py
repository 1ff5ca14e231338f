"""A corrected key applied to past attempts: first whose scores change, then the change, once."""

from __future__ import annotations

from flask.testing import FlaskClient

from quizapp.attempts import saving, starting, submitting
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.attempts.regrade import apply_regrade, regrade_preview
from quizapp.bank.review import edit_question
from quizapp.extensions import db
from quizapp.models import utcnow
from tests.attempts.test_services import fields_for_key
from tests.factories import QUESTIONS, make_document, make_question, make_quiz, user
from tests.support import login, post_form


def test_regrade_preview_then_apply(app, teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    tf = make_question(teacher, make_document(teacher), QUESTIONS[1])  # key: True
    quiz = make_quiz(teacher, [tf])
    db.session.commit()
    scores = {}
    for name, choice in ((users.student, "true"), (users.other_student, "false")):
        student = user(name)
        attempt = starting.start_attempt(db.session, quiz.id, student, now=utcnow())
        saving.save_answer(db.session, attempt.id, student, 0, {"choice": choice}, now=utcnow())
        submitting.submit_attempt(db.session, attempt.id, student, now=utcnow())
        scores[name] = attempt.id
    db.session.commit()
    # The teacher finds the key was wrong and corrects it (a new version).
    content = {"type": "true_false", "prompt": "The Riverside Canal opened in 1821.", "answer": False, "options": []}
    edit_question(db.session, tf, teacher, content)
    db.session.commit()

    preview = teacher_client.get(f"/bank/questions/{tf.id}/regrade").get_data(as_text=True)
    assert "1.00 → 0.00" in preview
    assert "0.00 → 1.00" in preview
    other = app.test_client()
    login(other, users.other_teacher)
    assert other.get(f"/bank/questions/{tf.id}/regrade").status_code == 404
    assert post_form(other, f"/bank/questions/{tf.id}/regrade", {}).status_code == 404
    db.session.expire_all()
    assert db.session.get(Attempt, scores[users.student]).score == 1  # nothing changed by looking

    response = post_form(
        teacher_client, f"/bank/questions/{tf.id}/regrade", {}, token_from=f"/bank/questions/{tf.id}/regrade"
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Attempt, scores[users.student]).score == 0
    assert db.session.get(Attempt, scores[users.other_student]).score == 1
    answer = db.session.query(AttemptAnswer).filter_by(attempt_id=scores[users.student]).one()
    assert answer.question_version_id == db.session.get(type(tf), tf.id).latest.id
    again = teacher_client.get(f"/bank/questions/{tf.id}/regrade").get_data(as_text=True)
    assert "No submitted attempt would change score." in again


def test_a_regrade_to_a_key_that_cannot_be_graded_is_refused(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    fill_in = make_question(teacher, make_document(teacher), QUESTIONS[2])
    quiz = make_quiz(teacher, [fill_in])
    db.session.commit()
    student = user(users.student)
    attempt = starting.start_attempt(db.session, quiz.id, student, now=utcnow())
    saving.save_answer(db.session, attempt.id, student, 0, {"text": "nine years"}, now=utcnow())
    submitting.submit_attempt(db.session, attempt.id, student, now=utcnow())
    # A version saved before keys were checked on saving (written straight in, as old data would be).
    fill_in.versions.append(type(fill_in.latest)(version=2, type="fill_in", prompt="Name anything", answer=["?!"]))
    fill_in.current_version = 2
    db.session.commit()
    url = f"/bank/questions/{fill_in.id}/regrade"
    for response in (
        teacher_client.get(url),
        post_form(teacher_client, url, {}, token_from=f"/bank/questions/{fill_in.id}/edit"),
    ):
        assert response.status_code == 400
        assert "The current key cannot be graded" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).score == 1


def test_a_practice_answer_checked_out_with_part_marks_is_no_change_to_a_regrade(app, users) -> None:  # type: ignore[no-untyped-def]
    # Checking stored the score unrounded (0.26666...) where submitting and regrading round to 4 places:
    # a new version that left this answer's grade alone still showed it as a change of score.
    teacher = user(users.teacher)
    matching = make_question(teacher, make_document(teacher), QUESTIONS[4])
    quiz = make_quiz(teacher, [matching], mode="practice", penalty_percent=10)
    db.session.commit()
    student = user(users.student)
    attempt = starting.start_attempt(db.session, quiz.id, student, now=utcnow())
    answer = attempt.answers[0]
    right = fields_for_key(answer)
    one_of_three = {**right, "match-1": right["match-2"], "match-2": right["match-1"]}
    for _ in range(saving.PRACTICE_TRIES):
        outcome = saving.check_answer(db.session, attempt.id, student, 0, one_of_three, now=utcnow())
    assert outcome.revealed
    assert answer.score == 0.2667  # 1 of 3 pairs at the third try, 10 % off per extra try
    submitting.submit_attempt(db.session, attempt.id, student, now=utcnow())
    db.session.commit()
    content = {**QUESTIONS[4], "prompt": "Match each year with what happened at the canal."}
    edit_question(db.session, matching, teacher, content)
    db.session.commit()

    assert regrade_preview(db.session, matching, teacher) == []
    assert apply_regrade(db.session, matching, teacher, now=utcnow()) == 0
