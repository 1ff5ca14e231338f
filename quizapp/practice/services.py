"""Practice sessions: the practice page's figures, due-for-review and retake-my-mistakes sessions.

A session is an ordinary practice-mode attempt at a personal quiz (one per
student and kind) whose fixed questions are replaced by the chosen ones just
before the attempt starts. Everything about taking it (autosave, checking,
tries, submitting, review) is the attempts feature's. The cards are kept by
``practice.cards``.

Like every service: an explicit session, ``now`` from the caller, flush only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from quizapp.attempts.loading import attempt_of
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.attempts.starting import open_attempt, start_attempt
from quizapp.auth.models import User
from quizapp.bank.models import Question
from quizapp.exceptions import DomainError
from quizapp.practice.cards import cards_of, due_count, due_question_ids, feeds_practice, feeds_practice_sql, sync_cards
from quizapp.practice.models import ReviewCard
from quizapp.quizzes.models import Quiz, QuizQuestion
from quizapp.statuses import AttemptStatus, QuestionStatus

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


def _is_wrong() -> ColumnElement[bool]:
    return or_(AttemptAnswer.score.is_(None), AttemptAnswer.score < AttemptAnswer.points - _TOLERANCE)


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
        .where(Attempt.student_id == student.id, Attempt.status != AttemptStatus.IN_PROGRESS, feeds_practice_sql())
        .order_by(Attempt.submitted_at.desc(), Attempt.id.desc())
        .limit(1)
    )


def mistakes_in(session: Session, attempt: Attempt) -> list[int]:
    """Questions the attempt did not get full marks on (unanswered too), in its order; askable ones only."""
    return list(
        session.scalars(
            select(AttemptAnswer.question_id)
            .join(Question, Question.id == AttemptAnswer.question_id)
            .where(AttemptAnswer.attempt_id == attempt.id, Question.status == QuestionStatus.APPROVED, _is_wrong())
            .order_by(AttemptAnswer.position)
        )
    )


def sessions_in_progress(session: Session, student: User) -> dict[str, Attempt]:
    """The student's open practice sessions by kind."""
    rows = session.execute(
        select(Quiz.personal_kind, Attempt)
        .join(Attempt, Attempt.quiz_id == Quiz.id)
        .where(
            Quiz.personal_for_id == student.id,
            Attempt.student_id == student.id,
            Attempt.status == AttemptStatus.IN_PROGRESS,
        )
    ).all()
    return {row.personal_kind: row.Attempt for row in rows}


def overview(session: Session, student: User, *, now: datetime, session_size: int) -> PracticeOverview:
    """What the practice page shows. Call ``sync_cards`` first for it to include the latest answers."""
    cards = cards_of(student.id)
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


# How every personal quiz is set, applied again at each session start (so a change here reaches old ones).
PERSONAL_SETTINGS: dict[str, Any] = {
    "mode": "practice",
    "time_limit_minutes": None,
    "attempts_allowed": None,
    "opens_at": None,
    "closes_at": None,
    "shuffle_questions": False,  # the session's order is chosen: most overdue first, or the attempt's order
    "shuffle_options": True,
    # One page: check each answer in place. (One per page would post a question whose answer was
    # shown again on Next or Finish, which attempts refuses as "this question is finished".)
    "layout": "all_on_one_page",
    "visibility": "class",
    "review_show_score": True,
    "review_show_answers": True,
    "review_show_explanations": True,
    "review_show_sources": True,
}


def _set_up(quiz: Quiz) -> None:
    title, description = PERSONAL_QUIZZES[quiz.personal_kind or ""]
    quiz.title, quiz.description = title, description
    for name, value in PERSONAL_SETTINGS.items():
        setattr(quiz, name, value)


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
    # No owner: no teacher's list, builder or class can reach it (they all select by owner).
    quiz = Quiz(owner_id=None, personal_for_id=student.id, personal_kind=kind, is_published=False)
    _set_up(quiz)
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
    _set_up(quiz)
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
    if attempt.status == AttemptStatus.IN_PROGRESS:
        raise NotPracticable("Submit this attempt first; then you can retake what you got wrong.")
    if not feeds_practice(attempt.quiz):
        raise NotPracticable("Your teacher keeps this quiz's answers hidden, so its mistakes cannot be retaken here.")
    wrong = mistakes_in(session, attempt)
    if not wrong:
        raise NothingToPractice("You got every question of this attempt right: there is nothing to retake.")
    return _start_session(session, student, MISTAKES, wrong, now=now)
