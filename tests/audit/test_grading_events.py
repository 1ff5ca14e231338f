"""Changes to grades write one event each: a regrade (old and new score per attempt), a deadline's grading."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from quizapp.attempts import saving, starting, submitting
from quizapp.bank.review import edit_question
from quizapp.extensions import db
from quizapp.models import utcnow
from tests.audit.logged import actions, logged
from tests.factories import QUESTIONS, class_with, make_document, make_question, make_quiz, user
from tests.support import login, post_form


def test_a_regrade_logs_each_attempts_old_and_new_score(app: Flask, teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    tf = make_question(teacher, make_document(teacher), QUESTIONS[1])  # key: True
    quiz = make_quiz(teacher, [tf])
    db.session.commit()
    attempt_ids = {}
    for name, choice in ((users.student, "true"), (users.other_student, "false")):
        student = user(name)
        attempt = starting.start_attempt(db.session, quiz.id, student, now=utcnow())
        saving.save_answer(db.session, attempt.id, student, 0, {"choice": choice}, now=utcnow())
        submitting.submit_attempt(db.session, attempt.id, student, now=utcnow())
        attempt_ids[name] = attempt.id
    db.session.commit()
    url = f"/bank/questions/{tf.id}/regrade"
    # Nothing to regrade yet: applying changes no score and logs nothing.
    assert post_form(teacher_client, url, {}, token_from=url).status_code == 302
    assert logged() == []
    edit_question(db.session, tf, teacher, {**QUESTIONS[1], "answer": False})
    db.session.commit()
    assert actions() == ["question.edit"]

    other = app.test_client()
    login(other, users.other_teacher)
    assert post_form(other, url, {}).status_code == 404
    teacher_client.get(url)  # the preview changes nothing
    assert actions() == ["question.edit"]

    post_form(teacher_client, url, {}, token_from=url)
    [regrade] = logged("question.regrade")
    assert (regrade.subject_type, regrade.subject_id, regrade.actor_id) == ("question", tf.id, teacher.id)
    assert regrade.details["version"] == 2
    by_attempt = {change["attempt"]: change for change in regrade.details["changes"]}
    assert by_attempt[attempt_ids[users.student]]["score"] == {"old": 1.0, "new": 0.0}
    assert by_attempt[attempt_ids[users.other_student]]["score"] == {"old": 0.0, "new": 1.0}
    assert by_attempt[attempt_ids[users.student]]["attempt_total"] == {"old": 1.0, "new": 0.0}
    assert {change["graded_on_version"] for change in regrade.details["changes"]} == {1}
    assert "2 answers changed score" in regrade.summary
    post_form(teacher_client, url, {}, token_from=url)  # again: nothing left to change
    assert len(logged("question.regrade")) == 1


def test_an_attempt_graded_by_its_deadline_is_logged_as_the_systems_doing(
    app: Flask, runner: FlaskCliRunner, users
) -> None:  # type: ignore[no-untyped-def]
    teacher, student = user(users.teacher), user(users.student)
    tf = make_question(teacher, make_document(teacher), QUESTIONS[1])
    quiz = make_quiz(teacher, [tf], time_limit_minutes=10)
    class_with(users.teacher, [users.student])  # named in the log: one of the teacher's students
    db.session.commit()
    started = utcnow() - timedelta(hours=1)
    attempt = starting.start_attempt(db.session, quiz.id, student, now=started)
    saving.save_answer(db.session, attempt.id, student, 0, {"choice": "true"}, now=started + timedelta(minutes=1))
    on_time = starting.start_attempt(db.session, quiz.id, user(users.other_student), now=utcnow())
    db.session.commit()

    result = runner.invoke(args=["attempts", "close-overdue"])
    assert result.exit_code == 0, result.output
    [closed] = logged()
    assert (closed.action, closed.subject_type, closed.subject_id) == ("attempt.close_overdue", "attempt", attempt.id)
    assert (closed.actor_id, closed.actor_name, closed.owner_id) == (None, "system (deadline passed)", teacher.id)
    assert closed.details["score"] == 1.0
    assert closed.details["student"] == users.student
    assert on_time.id != attempt.id
    runner.invoke(args=["attempts", "close-overdue"])  # nothing more is overdue
    assert len(logged()) == 1
