"""Taking a quiz through the services, with a real database: start, save, check, submit, deadlines."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from quizapp.attempts import loading, saving, starting, submitting
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.attempts.responses import InvalidResponse
from quizapp.exceptions import NotFound
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.quizzes.models import QuizRule
from quizapp.statuses import QuizWindow
from tests.factories import QUESTIONS, all_types_quiz, assign, class_with, make_document, make_question, make_quiz, user


def fields_for_key(answer: AttemptAnswer) -> dict[str, str]:
    """The form fields a student who knows the key would send."""
    shown = loading.shown_of(answer)
    items = shown.shown_options()
    key = answer.question_version.answer
    if shown.type == "multiple_choice":
        return {"choice": str(items.index(key))}
    if shown.type == "true_false":
        return {"choice": "true" if key else "false"}
    if shown.type == "fill_in":
        return {"text": key[0].upper()}
    if shown.type == "ordering":
        return {f"position-{items.index(item)}": str(rank + 1) for rank, item in enumerate(key)}
    pairs = dict(key)
    return {f"match-{i}": str(items.index(pairs[left])) for i, left in enumerate(shown.lefts)}


def answer_everything(attempt: Attempt, student, now) -> None:  # type: ignore[no-untyped-def]
    for answer in attempt.answers:
        saving.save_answer(db.session, attempt.id, student, answer.position, fields_for_key(answer), now=now)


def test_start_fixes_questions_versions_and_option_orders(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, questions = all_types_quiz(users.teacher)
    student = user(users.student)
    now = utcnow()
    attempt = starting.start_attempt(db.session, quiz.id, student, now=now, seed=7)
    db.session.commit()
    assert attempt.number == 1
    assert attempt.max_score == 5
    assert sorted(a.question_id for a in attempt.answers) == sorted(q.id for q in questions)
    for answer in attempt.answers:
        assert answer.question_version_id == answer.question.latest.id
        version = answer.question_version
        if version.type in ("ordering", "matching"):
            shown = loading.shown_of(answer).shown_options()
            key_order = version.answer if version.type == "ordering" else [r for _, r in version.answer]
            assert shown != key_order  # showing the key's order would give the answer away
    # A second click on Start (or a second tab) resumes the same attempt.
    again = starting.start_attempt(db.session, quiz.id, student, now=now + timedelta(seconds=1))
    assert again.id == attempt.id


def test_attempt_limit_holds(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, attempts_allowed=1)
    student = user(users.student)
    attempt = starting.start_attempt(db.session, quiz.id, student, now=utcnow())
    submitting.submit_attempt(db.session, attempt.id, student, now=utcnow())
    db.session.commit()
    with pytest.raises(starting.AttemptLimitReached, match="all 1 attempt"):
        starting.start_attempt(db.session, quiz.id, student, now=utcnow())


def test_class_quiz_is_only_for_its_class(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, visibility="class")
    with pytest.raises(NotFound):
        starting.start_attempt(db.session, quiz.id, user(users.student), now=utcnow())
    assign(quiz, class_with(users.teacher, [users.student]))
    assert starting.start_attempt(db.session, quiz.id, user(users.student), now=utcnow()).number == 1
    with pytest.raises(NotFound):
        starting.start_attempt(db.session, quiz.id, user(users.other_student), now=utcnow())


def test_quiz_window_is_enforced(app, users) -> None:  # type: ignore[no-untyped-def]
    now = utcnow()
    quiz, _ = all_types_quiz(users.teacher, opens_at=now + timedelta(hours=1))
    with pytest.raises(starting.QuizNotOpen, match="opens on") as refused:
        starting.start_attempt(db.session, quiz.id, user(users.student), now=now)
    # What and when, for the page to say in the reader's zone; str() is the UTC sentence for JSON.
    assert (refused.value.window.kind, refused.value.window.at) == (QuizWindow.UPCOMING, quiz.opens_at)
    quiz.opens_at, quiz.closes_at = now - timedelta(hours=2), now - timedelta(hours=1)
    db.session.commit()
    with pytest.raises(starting.QuizNotOpen, match=r"closed on .* UTC\.") as refused:
        starting.start_attempt(db.session, quiz.id, user(users.student), now=now)
    assert (refused.value.window.kind, refused.value.window.at) == (QuizWindow.CLOSED, quiz.closes_at)


def test_saving_maps_shown_positions_and_refuses_forged_values(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher)
    student = user(users.student)
    attempt = starting.start_attempt(db.session, quiz.id, student, now=utcnow())
    mc = next(a for a in attempt.answers if a.question_version.type == "multiple_choice")
    shown = loading.shown_of(mc).shown_options()
    saving.save_answer(db.session, attempt.id, student, mc.position, {"choice": "2"}, now=utcnow())
    assert mc.response == shown[2]
    for forged in ({"choice": "9"}, {"choice": "Margaret Hale"}, {"choice": "-1"}):
        with pytest.raises(InvalidResponse):
            saving.save_answer(db.session, attempt.id, student, mc.position, forged, now=utcnow())
    assert mc.response == shown[2]
    with pytest.raises(NotFound):
        saving.save_answer(db.session, attempt.id, student, 99, {"choice": "0"}, now=utcnow())
    with pytest.raises(NotFound):
        saving.save_answer(
            db.session, attempt.id, user(users.other_student), mc.position, {"choice": "1"}, now=utcnow()
        )


def test_submit_grades_once_and_is_idempotent(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher)
    student = user(users.student)
    attempt = starting.start_attempt(db.session, quiz.id, student, now=utcnow())
    answer_everything(attempt, student, utcnow())
    submitted = submitting.submit_attempt(db.session, attempt.id, student, now=utcnow())
    db.session.commit()
    assert submitted.status == "submitted"
    assert submitted.score == 5
    graded_at = [a.graded_at for a in submitted.answers]
    again = submitting.submit_attempt(db.session, attempt.id, student, now=utcnow() + timedelta(minutes=1))
    assert again.score == 5
    assert [a.graded_at for a in again.answers] == graded_at
    with pytest.raises(saving.AttemptClosed):
        saving.save_answer(db.session, attempt.id, student, 0, {"choice": "0"}, now=utcnow())


def test_deadline_closes_with_saved_answers(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, time_limit_minutes=10)
    student = user(users.student)
    start = utcnow()
    attempt = starting.start_attempt(db.session, quiz.id, student, now=start)
    assert attempt.deadline == start + timedelta(minutes=10)
    tf = next(a for a in attempt.answers if a.question_version.type == "true_false")
    saving.save_answer(
        db.session, attempt.id, student, tf.position, {"choice": "true"}, now=start + timedelta(minutes=9)
    )
    late = saving.save_answer(db.session, attempt.id, student, 0, {"choice": "0"}, now=start + timedelta(minutes=11))
    db.session.commit()
    assert late.closed
    assert attempt.status == "closed_overdue"
    assert attempt.score == 1  # only the answer saved before the deadline counts
    assert attempt.submitted_at == attempt.deadline


def test_extra_time_from_the_class_extends_the_deadline(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, time_limit_minutes=20, visibility="class")
    assign(quiz, class_with(users.teacher, [users.student], extra_time=50))
    start = utcnow()
    attempt = starting.start_attempt(db.session, quiz.id, user(users.student), now=start)
    assert attempt.deadline == start + timedelta(minutes=30)


def test_close_overdue_sweeps_forgotten_attempts(app, users, runner) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, time_limit_minutes=5)
    student = user(users.student)
    attempt = starting.start_attempt(db.session, quiz.id, student, now=utcnow() - timedelta(minutes=30))
    db.session.commit()
    result = runner.invoke(args=["attempts", "close-overdue"])
    assert "closed 1 overdue" in result.output
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).status == "closed_overdue"


def test_practice_check_retry_penalty_and_reveal(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, mode="practice", penalty_percent=10)
    student = user(users.student)
    attempt = starting.start_attempt(db.session, quiz.id, student, now=utcnow())
    tf = next(a for a in attempt.answers if a.question_version.type == "true_false")
    first = saving.check_answer(db.session, attempt.id, student, tf.position, {"choice": "false"}, now=utcnow())
    assert not first.revealed
    assert first.tries_left == saving.PRACTICE_TRIES - 1
    assert tf.graded_at is None
    second = saving.check_answer(db.session, attempt.id, student, tf.position, {"choice": "true"}, now=utcnow())
    assert second.revealed
    assert tf.score == pytest.approx(0.9)
    with pytest.raises(saving.AttemptClosed):
        saving.save_answer(db.session, attempt.id, student, tf.position, {"choice": "false"}, now=utcnow())
    fi = next(a for a in attempt.answers if a.question_version.type == "fill_in")
    gave_up = saving.check_answer(db.session, attempt.id, student, fi.position, {}, now=utcnow(), give_up=True)
    assert gave_up.revealed
    assert fi.score == 0
    done = submitting.submit_attempt(db.session, attempt.id, student, now=utcnow())
    assert done.score == pytest.approx(0.9)


def test_exam_has_no_checking(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, mode="exam")
    student = user(users.student)
    attempt = starting.start_attempt(db.session, quiz.id, student, now=utcnow())
    with pytest.raises(Exception, match="only in practice"):
        saving.check_answer(db.session, attempt.id, student, 0, {"choice": "0"}, now=utcnow())
    assert db.session.scalars(select(AttemptAnswer).where(AttemptAnswer.checks > 0)).all() == []


def test_a_start_that_loses_the_race_for_its_number_resumes_the_winner_s_attempt(app, users, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher)
    student = user(users.student)
    now = utcnow()
    make_values = starting._new_attempt

    def another_start_first(session, quiz, student, *, number, now, seed, fixed_rows):  # type: ignore[no-untyped-def]
        values, answers = make_values(session, quiz, student, number=number, now=now, seed=seed, fixed_rows=fixed_rows)
        if number == 1:  # between this start's read and its insert, another start inserts attempt number 1
            session.add(Attempt(**values))
            session.flush()
        return values, answers

    monkeypatch.setattr(starting, "_new_attempt", another_start_first)
    attempt = starting.start_attempt(db.session, quiz.id, student, now=now)
    attempts = db.session.scalars(select(Attempt).where(Attempt.student_id == student.id)).all()
    assert [a.id for a in attempts] == [attempt.id]  # the winner's, resumed; no second attempt, no error
    assert attempt.number == 1
    # The losing start wrote none of its answers (the winner here was written without any).
    assert db.session.scalars(select(AttemptAnswer)).all() == []


def test_a_start_takes_the_fixed_approved_questions_in_order_with_their_points_and_the_rules_picks(app, users) -> None:  # type: ignore[no-untyped-def]
    # PostgreSQL reads the fixed questions as JSON in the quiz's row: points stay fractional, order and status hold.
    teacher = user(users.teacher)
    document = make_document(teacher)
    first, second, draft, *_ = [make_question(teacher, document, spec) for spec in QUESTIONS[:4]]
    draft.status = "draft"
    quiz = make_quiz(teacher, [second, draft, first], shuffle_questions=False)
    quiz.questions[0].points = 2.5
    quiz.rules.append(QuizRule(count=1, points=1.0, document_id=document.id))
    drawn_only = make_quiz(teacher, [], title="Drawn only")
    drawn_only.rules.append(QuizRule(count=2, points=0.5, document_id=document.id))
    db.session.commit()
    student = user(users.student)

    attempt = starting.start_attempt(db.session, quiz.id, student, now=utcnow())
    answers = sorted(attempt.answers, key=lambda a: a.position)
    assert [(a.question_id, a.points) for a in answers[:2]] == [(second.id, 2.5), (first.id, 1.0)]
    assert len(answers) == 3
    assert answers[2].question_id not in (first.id, second.id, draft.id)
    assert attempt.max_score == 4.5

    drawn = starting.start_attempt(db.session, drawn_only.id, student, now=utcnow())
    assert len({a.question_id for a in drawn.answers}) == 2
    assert drawn.max_score == 1.0
