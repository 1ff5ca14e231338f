"""Practice what I forget: review cards made from graded answers, due-for-review and retake-my-mistakes sessions.

Cards are derived data: ``sync_cards`` replays the student's graded answers
(of submitted attempts) into fsrs, in the order they were graded, so running it
twice, or in two requests at once, reaches the same cards. Nothing in
``attempts`` calls into here (practice sits above attempts): the pages that show
cards sync first, and starting a session syncs too.

A session is an ordinary practice-mode attempt at a personal quiz (one per
student and kind) whose fixed questions are replaced by the chosen ones just
before the attempt starts. Everything about taking it (autosave, checking,
tries, submitting, review) is the attempts feature's.

Like every service: an explicit session, ``now`` from the caller, flush only.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.attempts.services import attempt_of, open_attempt, start_attempt
from quizapp.auth.models import User
from quizapp.bank.models import Question
from quizapp.exceptions import DomainError
from quizapp.practice import scheduling
from quizapp.practice.models import ReviewCard
from quizapp.quizzes.models import Quiz, QuizQuestion

REVIEW = "review"
MISTAKES = "mistakes"
PERSONAL_QUIZZES = {
    REVIEW: (
        "Due for review",
        "Questions you have answered before, brought back just before you would forget them.",
    ),
    MISTAKES: ("My mistakes", "The questions you got wrong, to try again."),
}
_TOLERANCE = 1e-9


class NothingToPractice(DomainError):
    """No question to put in a session; the message says why, the page says what comes next."""

    status_code = 409


class NotPracticable(DomainError):
    status_code = 409


# --- which answers feed practice --------------------------------------------------


def feeds_practice(quiz: Quiz) -> bool:
    """May this quiz's answers be practised again, with their keys shown?

    Only if its review shows the student their score and the answers: practice
    mode reveals keys, and a teacher who hides an exam's answers (to reuse the
    questions, say) must not have them revealed here.
    """
    return quiz.review_show_score and quiz.review_show_answers


def _feeds_practice_sql() -> ColumnElement[bool]:
    return and_(Quiz.review_show_score, Quiz.review_show_answers)


def _is_wrong() -> ColumnElement[bool]:
    return or_(AttemptAnswer.score.is_(None), AttemptAnswer.score < AttemptAnswer.points - _TOLERANCE)


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
            _feeds_practice_sql(),
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


def _cards_of(student_id: int) -> Any:
    """The student's cards of questions that can still be asked (retired or rejected ones rest)."""
    return (
        select(ReviewCard)
        .join(Question, Question.id == ReviewCard.question_id)
        .where(ReviewCard.student_id == student_id, Question.status == "approved")
    )


def due_question_ids(session: Session, student_id: int, *, now: datetime, limit: int) -> list[int]:
    """The questions due now, most overdue first, at most ``limit``."""
    query = (
        _cards_of(student_id)
        .where(ReviewCard.due <= now)
        .order_by(ReviewCard.due, ReviewCard.question_id)
        .limit(limit)
        .with_only_columns(ReviewCard.question_id)
    )
    return list(session.scalars(query))


def due_count(session: Session, student_id: int, *, now: datetime) -> int:
    query = _cards_of(student_id).where(ReviewCard.due <= now).with_only_columns(func.count(ReviewCard.id))
    return session.scalar(query) or 0


@dataclass
class PracticeOverview:
    cards: int
    due_now: int
    next_due: datetime | None  # the earliest card due after now
    session_size: int
    review_in_progress: Attempt | None
    mistakes_in_progress: Attempt | None
    last_attempt: Attempt | None  # the latest finished attempt whose mistakes may be retaken
    last_mistakes: int


def last_finished_attempt(session: Session, student: User) -> Attempt | None:
    """The student's most recently finished attempt at a quiz whose answers may be practised."""
    return session.scalar(
        select(Attempt)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .options(joinedload(Attempt.quiz))
        .where(Attempt.student_id == student.id, Attempt.status != "in_progress", _feeds_practice_sql())
        .order_by(Attempt.submitted_at.desc(), Attempt.id.desc())
        .limit(1)
    )


def mistakes_in(session: Session, attempt: Attempt) -> list[int]:
    """Questions the attempt did not get full marks on (unanswered too), in its order; askable ones only."""
    return list(
        session.scalars(
            select(AttemptAnswer.question_id)
            .join(Question, Question.id == AttemptAnswer.question_id)
            .where(AttemptAnswer.attempt_id == attempt.id, Question.status == "approved", _is_wrong())
            .order_by(AttemptAnswer.position)
        )
    )


def sessions_in_progress(session: Session, student: User) -> dict[str, Attempt]:
    """The student's open practice sessions by kind."""
    rows = session.execute(
        select(Quiz.personal_kind, Attempt)
        .join(Attempt, Attempt.quiz_id == Quiz.id)
        .where(Quiz.personal_for_id == student.id, Attempt.student_id == student.id, Attempt.status == "in_progress")
    ).all()
    return {row.personal_kind: row.Attempt for row in rows}


def overview(session: Session, student: User, *, now: datetime, session_size: int) -> PracticeOverview:
    """What the practice page shows. Call ``sync_cards`` first for it to include the latest answers."""
    cards = _cards_of(student.id)
    last = last_finished_attempt(session, student)
    open_sessions = sessions_in_progress(session, student)
    return PracticeOverview(
        cards=session.scalar(cards.with_only_columns(func.count(ReviewCard.id))) or 0,
        due_now=due_count(session, student.id, now=now),
        next_due=session.scalar(cards.where(ReviewCard.due > now).with_only_columns(func.min(ReviewCard.due))),
        session_size=session_size,
        review_in_progress=open_sessions.get(REVIEW),
        mistakes_in_progress=open_sessions.get(MISTAKES),
        last_attempt=last,
        last_mistakes=len(mistakes_in(session, last)) if last is not None else 0,
    )


# --- sessions ------------------------------------------------------------------------------


def personal_quiz(session: Session, student: User, kind: str) -> Quiz:
    """The student's own practice quiz of this kind, made on first use, locked for the caller's transaction.

    The lock makes two simultaneous starts (a double click) take turns: the
    second finds the first one's attempt in progress and resumes it.
    """
    if kind not in PERSONAL_QUIZZES:
        raise ValueError(f"unknown kind of practice quiz: {kind!r}")
    query = select(Quiz).where(Quiz.personal_for_id == student.id, Quiz.personal_kind == kind).with_for_update()
    quiz = session.scalar(query)
    if quiz is not None:
        return quiz
    title, description = PERSONAL_QUIZZES[kind]
    quiz = Quiz(
        owner_id=None,  # no teacher's list, builder or class can reach it: they all select by owner
        personal_for_id=student.id,
        personal_kind=kind,
        title=title,
        description=description,
        mode="practice",
        time_limit_minutes=None,
        attempts_allowed=None,
        shuffle_questions=False,  # the session's order is chosen: most overdue first, or the attempt's order
        shuffle_options=True,
        layout="one_per_page",
        visibility="class",
        is_published=False,
    )
    try:
        with session.begin_nested():
            session.add(quiz)
            session.flush()
    except IntegrityError:
        # The other click made it first; the savepoint dropped ours.
        quiz = session.scalar(query)
        if quiz is None:
            raise
    return quiz


@dataclass
class SessionStart:
    attempt: Attempt
    # An earlier session of this kind was still open with other questions: it was resumed instead.
    resumed_other: bool = False


def _start_session(
    session: Session, student: User, kind: str, question_ids: list[int], *, now: datetime
) -> SessionStart:
    quiz = personal_quiz(session, student, kind)
    current = open_attempt(session, quiz, student)
    if current is not None:
        # A double click, a second tab, or a session left open: one session of a kind at a time.
        held = {answer.question_id for answer in current.answers}
        return SessionStart(current, resumed_other=held != set(question_ids))
    quiz.questions.clear()
    session.flush()  # the old rows go before the new ones come: a question may be in both
    for position, question_id in enumerate(question_ids):
        quiz.questions.append(QuizQuestion(question_id=question_id, position=position))
    session.flush()
    return SessionStart(start_attempt(session, quiz.id, student, now=now))


def start_review_session(session: Session, student: User, *, now: datetime, size: int) -> SessionStart:
    """A practice attempt over the questions due now (most overdue first, at most ``size``)."""
    sync_cards(session, student.id, now=now)
    due = due_question_ids(session, student.id, now=now, limit=size)
    if not due:
        raise NothingToPractice("Nothing is due for review right now.")
    return _start_session(session, student, REVIEW, due, now=now)


def start_mistakes_session(session: Session, student: User, attempt_id: int, *, now: datetime) -> SessionStart:
    """A practice attempt over the questions the student got wrong in one of their finished attempts."""
    attempt = attempt_of(session, attempt_id, student)
    if attempt.status == "in_progress":
        raise NotPracticable("Submit this attempt first; then you can retake what you got wrong.")
    if not feeds_practice(attempt.quiz):
        raise NotPracticable("Your teacher keeps this quiz's answers hidden, so its mistakes cannot be retaken here.")
    wrong = mistakes_in(session, attempt)
    if not wrong:
        raise NothingToPractice("You got every question of this attempt right: there is nothing to retake.")
    return _start_session(session, student, MISTAKES, wrong, now=now)
