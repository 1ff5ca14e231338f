"""Review cards: which answers feed them, keeping them up to date, what is due.

Cards are derived data: ``sync_cards`` replays the student's graded answers (of
finished attempts) into fsrs in the order they were graded, so running it twice,
or in two requests at once, reaches the same cards. Nothing in ``attempts`` calls
into here (practice sits above attempts): pages that show cards sync first, and
starting a review session syncs too. A regrade or the teacher's mark stamps the
answers whose score it changed (``rescored_at``), and the next sync rebuilds their
cards.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from itertools import groupby
from operator import attrgetter
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.bank.models import Question
from quizapp.practice import scheduling
from quizapp.practice.models import ReviewCard
from quizapp.quizzes.models import Quiz
from quizapp.statuses import AttemptStatus, QuestionStatus


def feeds_practice(quiz: Quiz) -> bool:
    """May this quiz's answers be practised again, with their keys shown?

    Only if its review shows the student their score and the answers: practice
    mode reveals keys, and a teacher who hides an exam's answers (to reuse the
    questions, say) must not have them revealed here.
    """
    return quiz.review_show_score and quiz.review_show_answers


def feeds_practice_sql() -> ColumnElement[bool]:
    return and_(Quiz.review_show_score, Quiz.review_show_answers)


# --- keeping the cards up to date ---------------------------------------------------


def _feeding_answers(student_id: int, now: datetime) -> Any:
    """The student's answers that feed cards: graded answers of finished attempts at quizzes that allow it."""
    return (
        select(
            AttemptAnswer.question_id,
            AttemptAnswer.score,
            AttemptAnswer.points,
            AttemptAnswer.graded_at,
            AttemptAnswer.rescored_at,
        )
        .join(Attempt, Attempt.id == AttemptAnswer.attempt_id)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(
            Attempt.student_id == student_id,
            Attempt.status != AttemptStatus.IN_PROGRESS,
            AttemptAnswer.graded_at.is_not(None),
            AttemptAnswer.graded_at <= now,
            # Waiting for the teacher's mark is not a forgotten answer: it feeds the card once marked.
            AttemptAnswer.needs_mark.is_(False),
            feeds_practice_sql(),
        )
    )


def _out_of_step_answers(student_id: int, now: datetime) -> Any:
    """Feeding answers their card does not hold: no card yet, graded after its last review, or rescored since."""
    return (
        _feeding_answers(student_id, now)
        .outerjoin(
            ReviewCard,
            and_(ReviewCard.student_id == Attempt.student_id, ReviewCard.question_id == AttemptAnswer.question_id),
        )
        .where(
            or_(
                ReviewCard.id.is_(None),
                AttemptAnswer.graded_at > ReviewCard.last_review,
                # A regrade or the teacher's mark changed a score after the card was built from it.
                and_(
                    AttemptAnswer.rescored_at.is_not(None),
                    or_(ReviewCard.rescored_through.is_(None), AttemptAnswer.rescored_at > ReviewCard.rescored_through),
                ),
            )
        )
    )


def has_unsynced_answers(session: Session, student_id: int, *, now: datetime) -> bool:
    """True when ``sync_cards`` would change something (a cheap read, so pages write only when they must)."""
    return session.scalar(_out_of_step_answers(student_id, now).limit(1)) is not None


# The card's columns carry the names of fsrs's fields, so a card and its state convert name for name.
_CARD_FIELDS = tuple(field.name for field in fields(scheduling.CardState))


def _store(card: ReviewCard, state: scheduling.CardState) -> None:
    for name in _CARD_FIELDS:
        setattr(card, name, getattr(state, name))


def _reviews(answers: list[Any]) -> list[tuple[scheduling.Rating, datetime]]:
    """One question's answers, in grading order, as the reviews they stand for."""
    reviews: list[tuple[scheduling.Rating, datetime]] = []
    for answer in answers:
        if reviews and answer.graded_at <= reviews[-1][1]:
            continue  # two answers to one question graded at the same instant: the first counts
        reviews.append((scheduling.rating_for(answer.score, answer.points), answer.graded_at))
    return reviews


def sync_cards(session: Session, student_id: int, *, now: datetime) -> int:
    """Bring the student's cards in step with their answers, making cards as needed.

    A card that some answer is not in (a new answer, or one whose score a regrade or the teacher's
    mark changed since) is rebuilt from all the answers to its question: each is one review, at its
    grading time, rated from its current score (see ``scheduling.rating_for``), in grading order. So a
    card is always the same function of the answers, whatever happened in between, and running this
    twice, or in two requests at once, reaches the same cards. Returns how many cards were made or
    rebuilt.
    """
    query = _out_of_step_answers(student_id, now).with_only_columns(AttemptAnswer.question_id)
    out_of_step = set(session.scalars(query))
    if not out_of_step:
        return 0
    rows = session.execute(
        _feeding_answers(student_id, now)
        .where(AttemptAnswer.question_id.in_(out_of_step))
        .order_by(AttemptAnswer.question_id, AttemptAnswer.graded_at, AttemptAnswer.id)
    ).all()
    try:
        with session.begin_nested():
            cards = {
                card.question_id: card
                for card in session.scalars(
                    select(ReviewCard).where(
                        ReviewCard.student_id == student_id, ReviewCard.question_id.in_(out_of_step)
                    )
                )
            }
            for question_id, group in groupby(rows, key=attrgetter("question_id")):
                answers = list(group)
                state = scheduling.replay(_reviews(answers))
                assert state is not None  # the question is out of step because it has an answer
                card = cards.get(question_id)
                if card is None:
                    card = ReviewCard(student_id=student_id, question_id=question_id)
                    session.add(card)
                _store(card, state)
                card.rescored_through = max((a.rescored_at for a in answers if a.rescored_at), default=None)
            session.flush()
    except IntegrityError:
        # Another request synced the same answers at the same moment and made these cards first.
        # Cards depend only on the answers, so its cards are the very ones this run would have made.
        return 0
    return len(out_of_step)


# --- what is due ------------------------------------------------------------------------


def cards_of(student_id: int) -> Any:
    """The student's cards of questions that can still be asked (retired or rejected ones rest)."""
    return (
        select(ReviewCard)
        .join(Question, Question.id == ReviewCard.question_id)
        .where(ReviewCard.student_id == student_id, Question.status == QuestionStatus.APPROVED)
    )


def due_question_ids(session: Session, student_id: int, *, now: datetime, limit: int) -> list[int]:
    """The questions due now, most overdue first, at most ``limit``."""
    query = (
        cards_of(student_id)
        .where(ReviewCard.due <= now)
        .order_by(ReviewCard.due, ReviewCard.question_id)
        .limit(limit)
        .with_only_columns(ReviewCard.question_id)
    )
    return list(session.scalars(query))


def due_count(session: Session, student_id: int, *, now: datetime) -> int:
    query = cards_of(student_id).where(ReviewCard.due <= now).with_only_columns(func.count(ReviewCard.id))
    return session.scalar(query) or 0
