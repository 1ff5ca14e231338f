"""Review cards: which answers feed them, keeping them up to date, what is due.

Cards are derived data: ``sync_cards`` replays the student's graded answers (of
finished attempts) into fsrs in the order they were graded, so running it twice,
or in two requests at once, reaches the same cards. Nothing in ``attempts`` calls
into here (practice sits above attempts): pages that show cards sync first, and
starting a review session syncs too.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.bank.models import Question
from quizapp.practice import scheduling
from quizapp.practice.models import ReviewCard
from quizapp.quizzes.models import Quiz


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


def _unreviewed_answers(student_id: int, now: datetime) -> Any:
    """Graded answers of finished attempts that no card has taken in yet."""
    return (
        select(AttemptAnswer.question_id, AttemptAnswer.score, AttemptAnswer.points, AttemptAnswer.graded_at)
        .join(Attempt, Attempt.id == AttemptAnswer.attempt_id)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .outerjoin(
            ReviewCard,
            and_(ReviewCard.student_id == Attempt.student_id, ReviewCard.question_id == AttemptAnswer.question_id),
        )
        .where(
            Attempt.student_id == student_id,
            Attempt.status != "in_progress",
            AttemptAnswer.graded_at.is_not(None),
            AttemptAnswer.graded_at <= now,
            # Waiting for the teacher's mark is not a forgotten answer: it feeds the card once marked.
            AttemptAnswer.needs_mark.is_(False),
            feeds_practice_sql(),
            or_(ReviewCard.id.is_(None), AttemptAnswer.graded_at > ReviewCard.last_review),
        )
    )


def has_unsynced_answers(session: Session, student_id: int, *, now: datetime) -> bool:
    """True when ``sync_cards`` would change something (a cheap read, so pages write only when they must)."""
    return session.scalar(_unreviewed_answers(student_id, now).limit(1)) is not None


# The card's columns carry the names of fsrs's fields, so a card and its state convert name for name.
_CARD_FIELDS = tuple(field.name for field in fields(scheduling.CardState))


def _state_of(card: ReviewCard) -> scheduling.CardState:
    return scheduling.CardState(**{name: getattr(card, name) for name in _CARD_FIELDS})


def _store(card: ReviewCard, state: scheduling.CardState) -> None:
    for name in _CARD_FIELDS:
        setattr(card, name, getattr(state, name))


def sync_cards(session: Session, student_id: int, *, now: datetime) -> int:
    """Review every card with the graded answers it has not taken in yet, making cards as needed.

    Answers are taken in the order they were graded; each is one review, at its
    grading time, rated from its score (see ``scheduling.rating_for``). An
    answer no newer than its card's last review is already in the card, so a
    second run changes nothing. (An answer graded before the card's last review
    but submitted after it, a practice check in an attempt left open meanwhile,
    is skipped: fsrs takes reviews in time order only.) Returns how many reviews
    were applied.
    """
    rows = session.execute(
        _unreviewed_answers(student_id, now).order_by(AttemptAnswer.graded_at, AttemptAnswer.id)
    ).all()
    if not rows:
        return 0
    try:
        with session.begin_nested():
            cards = {
                card.question_id: card
                for card in session.scalars(
                    select(ReviewCard).where(
                        ReviewCard.student_id == student_id,
                        ReviewCard.question_id.in_({row.question_id for row in rows}),
                    )
                )
            }
            applied = 0
            for row in rows:
                card = cards.get(row.question_id)
                if card is not None and row.graded_at <= card.last_review:
                    continue  # two answers to one question graded at the same instant: the first counts
                rating = scheduling.rating_for(row.score, row.points)
                state = scheduling.review(_state_of(card) if card else None, rating, row.graded_at)
                if card is None:
                    card = ReviewCard(student_id=student_id, question_id=row.question_id)
                    session.add(card)
                    cards[row.question_id] = card
                _store(card, state)
                applied += 1
            session.flush()
    except IntegrityError:
        # Another request synced the same answers at the same moment and made these cards first.
        # Reviews depend only on the answers, so its cards are the very ones this run would have made.
        return 0
    return applied


# --- what is due ------------------------------------------------------------------------


def cards_of(student_id: int) -> Any:
    """The student's cards of questions that can still be asked (retired or rejected ones rest)."""
    return (
        select(ReviewCard)
        .join(Question, Question.id == ReviewCard.question_id)
        .where(ReviewCard.student_id == student_id, Question.status == "approved")
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
