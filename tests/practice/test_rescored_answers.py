"""Practice cards follow a score that changes after grading (a regrade, the teacher's mark), and an answer the
student gave up on stays at nothing whatever the key says later. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from quizapp.attempts import saving, starting, submitting
from quizapp.attempts.marking import set_mark
from quizapp.attempts.models import AttemptAnswer
from quizapp.attempts.regrade import apply_regrade, regrade_preview
from quizapp.auth.models import User
from quizapp.bank.models import Question
from quizapp.bank.review import edit_question
from quizapp.extensions import db
from quizapp.practice import cards
from quizapp.practice.models import ReviewCard
from quizapp.practice.scheduling import Rating, replay
from quizapp.quizzes.models import Quiz
from tests.attempts.test_ungradeable import UNGRADEABLE
from tests.conftest import Accounts
from tests.factories import QUESTIONS, make_document, make_question, make_quiz, user

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
HOUR, DAY = timedelta(hours=1), timedelta(days=1)
# QUESTIONS[1] is a true/false question whose key is True; the teacher later finds it should be False.
KEY_CORRECTED = {"type": "true_false", "prompt": "The Riverside Canal opened in 1821.", "answer": False, "options": []}


def card_of(student: User, question: Question) -> tuple[object, ...]:
    db.session.expire_all()
    card = db.session.scalar(
        select(ReviewCard).where(ReviewCard.student_id == student.id, ReviewCard.question_id == question.id)
    )
    assert card is not None
    return (card.due, card.stability, card.difficulty, card.state, card.step, card.last_review, card.reps, card.lapses)


def as_replayed(reviews: list[tuple[Rating, datetime]]) -> tuple[object, ...]:
    """The card made from these reviews from the start."""
    want = replay(reviews)
    assert want is not None
    return (want.due, want.stability, want.difficulty, want.state, want.step, want.last_review, want.reps, want.lapses)


def answered(quiz: Quiz, student: User, fields: dict[str, Any], at: datetime) -> AttemptAnswer:
    """An attempt at the one-question quiz, answered with ``fields`` and submitted at ``at``."""
    attempt = starting.start_attempt(db.session, quiz.id, student, now=at - 5 * timedelta(minutes=1))
    saving.save_answer(db.session, attempt.id, student, 0, fields, now=at - timedelta(minutes=1))
    submitting.submit_attempt(db.session, attempt.id, student, now=at)
    db.session.commit()
    return attempt.answers[0]


def synced(student: User, now: datetime) -> int:
    changed = cards.sync_cards(db.session, student.id, now=now)
    db.session.commit()
    return changed


def test_a_regrade_rebuilds_the_card_as_if_the_answer_had_scored_so_from_the_start(users: Accounts) -> None:
    teacher, student = user(users.teacher), user(users.student)
    question = make_question(teacher, make_document(teacher), QUESTIONS[1])
    quiz = make_quiz(teacher, [question])
    db.session.commit()
    first = answered(quiz, student, {"choice": "false"}, T0)  # right, but the key says True
    assert first.score == 0
    edit_question(db.session, question, teacher, KEY_CORRECTED)
    db.session.commit()
    answered(quiz, student, {"choice": "false"}, T0 + DAY)  # graded on the corrected key
    synced(student, T0 + DAY + HOUR)
    assert card_of(student, question) == as_replayed([(Rating.Again, T0), (Rating.Good, T0 + DAY)])

    # The teacher applies the corrected key to the first attempt, whose answer is older than the card's review.
    assert apply_regrade(db.session, question, teacher, now=T0 + 2 * DAY) == 1
    db.session.commit()
    assert db.session.get(AttemptAnswer, first.id).score == 1

    assert cards.has_unsynced_answers(db.session, student.id, now=T0 + 2 * DAY + HOUR)
    assert synced(student, T0 + 2 * DAY + HOUR) == 1
    assert card_of(student, question) == as_replayed([(Rating.Good, T0), (Rating.Good, T0 + DAY)])
    # In step now: the next page load reads and writes nothing.
    assert not cards.has_unsynced_answers(db.session, student.id, now=T0 + 3 * DAY)
    assert synced(student, T0 + 3 * DAY) == 0


def test_a_regrade_that_takes_a_mark_away_lowers_the_card_too(users: Accounts) -> None:
    teacher, student = user(users.teacher), user(users.student)
    question = make_question(teacher, make_document(teacher), QUESTIONS[1])
    quiz = make_quiz(teacher, [question])
    db.session.commit()
    answered(quiz, student, {"choice": "true"}, T0)
    assert synced(student, T0 + HOUR) == 1
    assert card_of(student, question) == as_replayed([(Rating.Good, T0)])

    edit_question(db.session, question, teacher, KEY_CORRECTED)
    apply_regrade(db.session, question, teacher, now=T0 + 2 * HOUR)
    db.session.commit()
    assert synced(student, T0 + 3 * HOUR) == 1
    assert card_of(student, question) == as_replayed([(Rating.Again, T0)])


def test_an_answer_given_up_in_practice_stays_at_nothing_after_a_regrade(users: Accounts) -> None:
    teacher, student = user(users.teacher), user(users.student)
    question = make_question(teacher, make_document(teacher), QUESTIONS[1])
    quiz = make_quiz(teacher, [question], mode="practice")
    db.session.commit()
    attempt = starting.start_attempt(db.session, quiz.id, student, now=T0)
    tried = saving.check_answer(db.session, attempt.id, student, 0, {"choice": "false"}, now=T0 + HOUR / 60)
    assert isinstance(tried, saving.CheckOutcome)
    assert not tried.revealed  # wrong on the old key, tries left
    shown = saving.check_answer(db.session, attempt.id, student, 0, {}, now=T0 + HOUR / 30, give_up=True)
    assert isinstance(shown, saving.CheckOutcome)
    assert (shown.revealed, shown.answer.score, shown.answer.gave_up) == (True, 0, True)
    submitting.submit_attempt(db.session, attempt.id, student, now=T0 + HOUR / 20)
    db.session.commit()
    assert synced(student, T0 + HOUR) == 1
    before = card_of(student, question)
    assert before == as_replayed([(Rating.Again, T0 + HOUR / 30)])

    # The corrected key makes the response the student had checked right; the student still saw the key instead.
    edit_question(db.session, question, teacher, KEY_CORRECTED)
    db.session.commit()
    assert regrade_preview(db.session, question, teacher) == []
    assert apply_regrade(db.session, question, teacher, now=T0 + 2 * HOUR) == 0
    db.session.commit()
    answer = db.session.get(AttemptAnswer, shown.answer.id)
    assert (answer.score, answer.gave_up, answer.rescored_at) == (0, True, None)
    assert not cards.has_unsynced_answers(db.session, student.id, now=T0 + 3 * HOUR)
    assert card_of(student, question) == before


def test_the_teachers_mark_on_an_answer_older_than_the_card_brings_the_card_in_step(users: Accounts) -> None:
    teacher, student = user(users.teacher), user(users.student)
    question = make_question(teacher, make_document(teacher), UNGRADEABLE)  # a key grading cannot use
    quiz = make_quiz(teacher, [question])
    db.session.commit()
    pending = answered(quiz, student, {"text": "Margaret Hale"}, T0)
    assert pending.needs_mark
    # The teacher fixes the key; the student's next attempt is graded and makes the card.
    edit_question(db.session, question, teacher, {**UNGRADEABLE, "answer": ["Margaret Hale"]})
    db.session.commit()
    answered(quiz, student, {"text": "Thomas Reed"}, T0 + DAY)
    assert synced(student, T0 + DAY + HOUR) == 1
    assert card_of(student, question) == as_replayed([(Rating.Again, T0 + DAY)])

    set_mark(db.session, pending.attempt_id, 0, 1.0, teacher, now=T0 + 2 * DAY)
    db.session.commit()
    assert cards.has_unsynced_answers(db.session, student.id, now=T0 + 2 * DAY + HOUR)
    assert synced(student, T0 + 2 * DAY + HOUR) == 1
    assert card_of(student, question) == as_replayed([(Rating.Good, T0), (Rating.Again, T0 + DAY)])
