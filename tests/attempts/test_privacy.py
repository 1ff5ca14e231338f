"""A teacher sees by name only the students of their own classes, and never a student's own practice.

Anyone may take a public quiz, so a teacher's quiz, question and regrade can hold the attempts of a
student of another teacher's class, and that student's "My mistakes" practice over the teacher's
question: the results page already counted such a student without naming them; every other page
that shows a teacher students' attempts follows the same rule.
"""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from quizapp.attempts import saving, starting, submitting
from quizapp.attempts.models import Attempt
from quizapp.auth import services as accounts
from quizapp.bank.review import edit_question
from quizapp.classes.services import OUTSIDE_CLASSES
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.practice.services import start_mistakes_session
from tests.factories import QUESTIONS, class_with, make_document, make_question, make_quiz, user
from tests.support import TEST_PASSWORD, login, post_form

OUTSIDER = ("outsider", "Otto Outsider")
INSIDER = ("insider", "Ines Insider")


def take(quiz_id: int, student_name: str, choice: str) -> Attempt:
    student = user(student_name)
    attempt = starting.start_attempt(db.session, quiz_id, student, now=utcnow())
    saving.save_answer(db.session, attempt.id, student, 0, {"choice": choice}, now=utcnow())
    return submitting.submit_attempt(db.session, attempt.id, student, now=utcnow())


def test_a_teacher_never_sees_the_name_or_practice_of_a_student_outside_their_classes(app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    for username, display_name in (OUTSIDER, INSIDER):
        accounts.create_user(db.session, username=username, password=TEST_PASSWORD, display_name=display_name)
    class_with(users.teacher, [INSIDER[0]], code="CLASSA11")
    class_with(users.other_teacher, [OUTSIDER[0]], code="CLASSB22")
    teacher = user(users.teacher)
    tf = make_question(teacher, make_document(teacher), QUESTIONS[1])  # key: True
    quiz = make_quiz(teacher, [tf])  # public: the other teacher's student may take it
    db.session.commit()
    mine = take(quiz.id, INSIDER[0], "true")
    theirs = take(quiz.id, OUTSIDER[0], "false")
    db.session.commit()
    # The outsider retakes the mistake in their own practice, and misses it again.
    practice = start_mistakes_session(db.session, user(OUTSIDER[0]), theirs.id, now=utcnow()).attempt
    practice = take(practice.quiz_id, OUTSIDER[0], "false")
    db.session.commit()
    ids = {"mine": mine.id, "theirs": theirs.id, "practice": practice.id}
    # The key was wrong: the teacher corrects it, which changes all three scores.
    edit_question(db.session, tf, teacher, {**QUESTIONS[1], "answer": False})
    db.session.commit()

    client = app.test_client()
    login(client, users.teacher)
    regrade = f"/bank/questions/{tf.id}/regrade"
    pages = {
        "own student's attempt": client.get(f"/manage/attempts/{ids['mine']}"),
        "outsider's attempt": client.get(f"/manage/attempts/{ids['theirs']}"),
        "regrade preview": client.get(regrade),
        "results": client.get(f"/manage/quizzes/{quiz.id}/results"),
        "results CSV": client.get(f"/manage/quizzes/{quiz.id}/results.csv"),
    }
    assert client.get(f"/manage/attempts/{ids['practice']}").status_code == 404
    assert post_form(client, regrade, {}, token_from=regrade).status_code == 302
    pages["audit log"] = client.get("/manage/audit")

    for what, response in pages.items():
        assert response.status_code == 200, what
        body = response.get_data(as_text=True)
        assert OUTSIDER[1] not in body, what
        assert OUTSIDER[0] not in body, what
        assert "My mistakes" not in body, what
    assert INSIDER[1] in pages["own student's attempt"].get_data(as_text=True)
    assert OUTSIDE_CLASSES in pages["outsider's attempt"].get_data(as_text=True)
    preview = pages["regrade preview"].get_data(as_text=True)
    assert INSIDER[1] in preview
    assert OUTSIDE_CLASSES in preview
    assert "1 answer in students' own practice changes score too" in preview
    # One row for the outsider's exam attempt (its mark and its total), none for the practice attempt.
    assert preview.count("0.00 → 1.00") == 2
    # The practice attempt is regraded all the same: the student's own review shows the corrected key's mark.
    db.session.expire_all()
    assert [db.session.get(Attempt, ids[key]).score for key in ("mine", "theirs", "practice")] == [0, 1, 1]


def test_a_deadlines_grading_is_logged_without_the_name_of_a_student_outside_the_class(app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from quizapp.audit.models import AuditEvent

    accounts.create_user(db.session, username=OUTSIDER[0], password=TEST_PASSWORD, display_name=OUTSIDER[1])
    teacher = user(users.teacher)
    quiz = make_quiz(teacher, [make_question(teacher, make_document(teacher), QUESTIONS[1])], time_limit_minutes=10)
    db.session.commit()
    starting.start_attempt(db.session, quiz.id, user(OUTSIDER[0]), now=utcnow() - timedelta(hours=1))
    db.session.commit()
    assert submitting.close_overdue(db.session, now=utcnow()).closed == 1
    db.session.commit()
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "attempt.close_overdue"))
    assert event.owner_id == teacher.id
    assert OUTSIDE_CLASSES in event.summary
    assert OUTSIDER[1] not in event.summary
    assert event.details["student"] == OUTSIDE_CLASSES
