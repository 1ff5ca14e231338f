"""One question that cannot be graded never stops grading: the attempt is submitted, that answer waits for the
teacher's mark, and the overdue sweep closes every other attempt and reports the ones to look at."""

from __future__ import annotations

from datetime import timedelta

from flask.testing import FlaskClient

from quizapp.attempts import saving, starting, submitting
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.extensions import db
from quizapp.models import utcnow
from tests.factories import QUESTIONS, assign, class_with, make_document, make_question, make_quiz, user
from tests.support import csrf_token, post_form

# A short-answer key that can match nothing (punctuation normalises to nothing), saved before keys were checked on
# saving (or by an older version).
UNGRADEABLE = {**QUESTIONS[2], "prompt": "Name anything: ___", "answer": ["?!"]}


def quiz_with_an_ungradeable_key(teacher_name: str, title: str = "Canal quiz", **settings):  # type: ignore[no-untyped-def]
    teacher = user(teacher_name)
    document = make_document(teacher)
    questions = [make_question(teacher, document, QUESTIONS[1]), make_question(teacher, document, UNGRADEABLE)]
    return make_quiz(teacher, questions, title=title, shuffle_questions=False, **settings)


def answers_of(attempt_id: int) -> list[AttemptAnswer]:
    return db.session.query(AttemptAnswer).filter_by(attempt_id=attempt_id).order_by(AttemptAnswer.position).all()


def test_a_question_that_cannot_be_graded_waits_for_the_teachers_mark(  # type: ignore[no-untyped-def]
    app, users, student_client: FlaskClient, teacher_client: FlaskClient
) -> None:
    quiz = quiz_with_an_ungradeable_key(users.teacher)
    school_class = class_with(users.teacher, [users.student])
    assign(quiz, school_class)
    db.session.commit()
    student = user(users.student)
    attempt = starting.start_attempt(db.session, quiz.id, student, now=utcnow())
    saving.save_answer(db.session, attempt.id, student, 0, {"choice": "true"}, now=utcnow())
    saving.save_answer(db.session, attempt.id, student, 1, {"text": "Margaret Hale"}, now=utcnow())
    db.session.commit()

    submit = f"/attempts/{attempt.id}/submit"
    response = post_form(student_client, submit, {}, token_from=submit)
    assert response.status_code == 302
    db.session.expire_all()
    done = db.session.get(Attempt, attempt.id)
    assert done.status == "submitted"
    right, pending = answers_of(attempt.id)
    assert (right.score, right.needs_mark) == (1.0, False)
    assert (pending.score, pending.needs_mark, pending.graded_at is not None) == (None, True, True)
    assert (done.score, done.max_score) == (1.0, 2.0)  # provisional: the pending answer is left out
    review = student_client.get(f"/attempts/{attempt.id}/review").get_data(as_text=True)
    assert "Awaiting your teacher&#39;s mark" in review or "Awaiting your teacher's mark" in review
    assert "Provisional: 1 answer" in review

    detail = f"/manage/attempts/{attempt.id}"
    page = teacher_client.get(detail).get_data(as_text=True)
    assert "awaiting mark" in page
    assert "1 answer awaiting your mark" in page
    gradebook = teacher_client.get(f"/classes/{school_class.id}/gradebook").get_data(as_text=True)
    assert "1 awaiting mark" in gradebook

    mark = f"/manage/attempts/{attempt.id}/answers/1/mark"
    for bad in ("", "abc", "1.5", "-1", "nan"):
        refused = post_form(teacher_client, mark, {"mark": bad}, token_from=detail)
        assert refused.status_code == 400, bad
        assert "mark" in refused.get_data(as_text=True).lower(), refused.get_data(as_text=True)[-1500:]
    assert post_form(teacher_client, f"/manage/attempts/{attempt.id}/answers/0/mark", {"mark": "0"},
                     token_from=detail).status_code == 409  # fmt: skip
    db.session.expire_all()
    assert (db.session.get(Attempt, attempt.id).score, answers_of(attempt.id)[1].needs_mark) == (1.0, True)

    assert post_form(teacher_client, mark, {"mark": "0.5"}, token_from=detail).status_code == 302
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).score == 1.5
    marked = answers_of(attempt.id)[1]
    assert (marked.score, marked.needs_mark) == (0.5, False)
    assert "1 awaiting mark" not in teacher_client.get(f"/classes/{school_class.id}/gradebook").get_data(as_text=True)


def test_the_overdue_sweep_closes_every_other_attempt_and_reports_the_rest(  # type: ignore[no-untyped-def]
    app, users, runner, monkeypatch
) -> None:
    bad_quiz = quiz_with_an_ungradeable_key(users.teacher, title="Ungradeable quiz", time_limit_minutes=5)
    teacher = user(users.teacher)
    good_quiz = make_quiz(teacher, [make_question(teacher, make_document(teacher), QUESTIONS[0])], title="Good quiz",
                          time_limit_minutes=5)  # fmt: skip
    db.session.commit()
    long_ago = utcnow() - timedelta(minutes=30)
    # The attempt at the quiz with an ungradeable key comes first: it used to stop the sweep before any other.
    ungradeable = starting.start_attempt(db.session, bad_quiz.id, user(users.student), now=long_ago)
    others = [
        starting.start_attempt(db.session, quiz.id, user(name), now=long_ago)
        for quiz in (good_quiz, bad_quiz)
        for name in (users.other_student, users.admin)
    ]
    broken = starting.start_attempt(db.session, good_quiz.id, user(users.student), now=long_ago)
    db.session.commit()
    # Something other than grading fails for one attempt: it alone is rolled back and left open.
    close_if_overdue = submitting.close_if_overdue

    def failing_for_one(session, attempt, *, now):  # type: ignore[no-untyped-def]
        if attempt.id == broken.id:
            raise RuntimeError("disk on fire")
        return close_if_overdue(session, attempt, now=now)

    monkeypatch.setattr(submitting, "close_if_overdue", failing_for_one)

    result = runner.invoke(args=["attempts", "close-overdue"])
    assert result.exit_code == 1
    assert "closed 5 overdue attempts" in result.output
    assert f"attempt {ungradeable.id}: 1 answer could not be graded and await the teacher's mark" in result.output
    assert f"attempt {broken.id} could not be closed and stays open: RuntimeError: disk on fire" in result.output
    db.session.expire_all()
    statuses = {a.id: a.status for a in db.session.query(Attempt)}
    assert statuses.pop(broken.id) == "in_progress"
    assert set(statuses.values()) == {"closed_overdue"}
    assert set(statuses) == {ungradeable.id, *(other.id for other in others)}
    assert [a.needs_mark for a in answers_of(ungradeable.id)] == [False, True]

    sweep = submitting.close_overdue(db.session, now=utcnow())  # the return value says the same
    assert (sweep.closed, [attempt_id for attempt_id, _ in sweep.failed]) == (0, [broken.id])


def test_the_worker_closes_overdue_attempts_despite_a_question_that_cannot_be_graded(app, users) -> None:  # type: ignore[no-untyped-def]
    from quizapp.history.tasks import every_minute

    quiz = quiz_with_an_ungradeable_key(users.teacher, time_limit_minutes=5)
    db.session.commit()
    long_ago = utcnow() - timedelta(minutes=30)
    ids = [starting.start_attempt(db.session, quiz.id, user(n), now=long_ago).id for n in (users.student, users.admin)]
    db.session.commit()
    every_minute.call_local()
    db.session.expire_all()
    assert [db.session.get(Attempt, i).status for i in ids] == ["closed_overdue", "closed_overdue"]


def test_checking_a_practice_answer_whose_key_cannot_be_graded_keeps_it_for_the_teacher(  # type: ignore[no-untyped-def]
    app, users, student_client: FlaskClient
) -> None:
    quiz = quiz_with_an_ungradeable_key(users.teacher, mode="practice")
    assign(quiz, class_with(users.teacher, [users.student]))
    db.session.commit()
    attempt = starting.start_attempt(db.session, quiz.id, user(users.student), now=utcnow())
    db.session.commit()
    page = f"/attempts/{attempt.id}/q/1"

    # With the page's script: a JSON answer that says why, and the answer kept unchecked.
    checked = student_client.post(
        f"/attempts/{attempt.id}/check",
        json={"position": 1, "fields": {"text": "Margaret Hale"}},
        headers={"X-CSRFToken": csrf_token(student_client, page)},
    )
    assert checked.status_code == 409
    assert checked.get_json() == {"ok": False, "error": saving.NOT_CHECKABLE}
    # Without it: the form's Check button says the same on the question's page.
    response = post_form(student_client, page, {"q1-text": "Margaret Hale, again", "action": "check"}, token_from=page)
    assert response.status_code == 302
    assert "your teacher will mark it after you submit" in student_client.get(response.location).get_data(as_text=True)
    db.session.expire_all()
    _, pending = answers_of(attempt.id)
    assert (pending.response, pending.checks, pending.graded_at) == ("Margaret Hale, again", 0, None)

    submit = f"/attempts/{attempt.id}/submit"
    assert post_form(student_client, submit, {}, token_from=submit).status_code == 302
    db.session.expire_all()
    _, pending = answers_of(attempt.id)
    assert (pending.score, pending.needs_mark) == (None, True)


def test_a_corrected_key_regrades_the_answers_awaiting_a_mark(  # type: ignore[no-untyped-def]
    app, users, teacher_client: FlaskClient
) -> None:
    from quizapp.attempts.models import Attempt as AttemptRow
    from quizapp.bank.review import edit_question

    quiz = quiz_with_an_ungradeable_key(users.teacher)
    assign(quiz, class_with(users.teacher, [users.student]))
    db.session.commit()
    student = user(users.student)
    attempt = starting.start_attempt(db.session, quiz.id, student, now=utcnow())
    saving.save_answer(db.session, attempt.id, student, 1, {"text": "Margaret Hale"}, now=utcnow())
    submitting.submit_attempt(db.session, attempt.id, student, now=utcnow())
    db.session.commit()
    _, pending = answers_of(attempt.id)
    assert pending.needs_mark

    # The teacher corrects the key, then regrades: the answer is graded by the new key, not left waiting.
    edit_question(db.session, pending.question, user(users.teacher), {**UNGRADEABLE, "answer": ["Margaret Hale"]})
    db.session.commit()
    page = f"/bank/questions/{pending.question_id}/regrade"
    preview = teacher_client.get(page)
    assert preview.status_code == 200
    assert "awaiting mark → 1.00" in preview.get_data(as_text=True)
    assert post_form(teacher_client, page, {}, token_from=page).status_code == 302
    db.session.expire_all()
    _, graded = answers_of(attempt.id)
    assert (graded.score, graded.needs_mark) == (1.0, False)
    assert graded.feedback != "awaiting the teacher's mark"
    assert db.session.get(AttemptRow, attempt.id).score == 1.0  # the true/false left unanswered scores 0
