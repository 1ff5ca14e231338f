"""Submitting an attempt, and closing the ones that may take no more (past their deadline, quiz withdrawn).

Every function works on an explicit session and takes ``now`` from the caller; the caller commits once.
Grading locks the attempt row first, as saving does, so no save is lost between the two.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import not_, or_, select
from sqlalchemy.orm import Session

from quizapp.attempts.deadlines import GRACE, is_past
from quizapp.attempts.loading import attempt_of, load_answers, read_again
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.attempts.scoring import graded_or_none, scored
from quizapp.audit.services import quoted, record
from quizapp.auth.models import User
from quizapp.classes.services import student_names
from quizapp.database import begin_writing
from quizapp.quizzes.models import Quiz
from quizapp.quizzes.services import open_to_student
from quizapp.statuses import AttemptStatus

logger = logging.getLogger(__name__)

TIME_UP = (
    "Time is up: this answer was not saved. Your attempt was submitted with the answers saved before the deadline."
)
WITHDRAWN = (
    "This quiz is no longer open to you: this answer was not saved. Your attempt was handed in with the answers "
    "saved before."
)


AWAITING_MARK = "awaiting the teacher's mark"


def await_mark(answer: AttemptAnswer, now: datetime) -> None:
    """Leave the answer for the teacher to mark: unscored, so the attempt's total is provisional without it."""
    answer.score = None
    answer.needs_mark = True
    answer.feedback = AWAITING_MARK
    answer.graded_at = now


def _grade_all(session: Session, attempt: Attempt, now: datetime) -> None:
    practice = attempt.quiz.mode == "practice"
    total = 0.0
    for answer in load_answers(session, attempt, sources=False):
        if answer.graded_at is None:
            result = graded_or_none(answer)
            if result is None:
                await_mark(answer, now)
                continue
            if practice and answer.checks:
                # Still open after a check, so every check was wrong: submitting is one more try, and the
                # penalties those checks earned stay (stored, so that a regrade counts them too).
                answer.checks += 1
            answer.score = scored(answer, attempt.quiz, result.fraction)
            answer.feedback = result.detail
            answer.graded_at = now
        total += answer.score or 0.0
    attempt.score = round(min(total, attempt.max_score or total), 4)


def submit_attempt(session: Session, attempt_id: int, student: User, *, now: datetime) -> Attempt:
    """Grade and close the attempt, in the caller's one transaction.

    Idempotent: an attempt already submitted (another tab, a retried request,
    the back button) is returned as it is, graded once.
    """
    attempt = attempt_of(session, attempt_id, student, lock=True)
    if attempt.status != AttemptStatus.IN_PROGRESS:
        return attempt
    if close_if_overdue(session, attempt, now=now):
        return attempt
    _grade_all(session, attempt, now)
    attempt.status = AttemptStatus.SUBMITTED
    attempt.submitted_at = now
    session.flush()
    return attempt


def _quiz_still_open(session: Session, attempt: Attempt) -> bool:
    if attempt.quiz_open is not None:  # read with the attempt (``attempt_of``)
        return bool(attempt.quiz_open)
    found = session.scalar(select(Quiz.id).where(Quiz.id == attempt.quiz_id, open_to_student(attempt.student_id)))
    return found is not None


def close_if_overdue(session: Session, attempt: Attempt, *, now: datetime) -> str | None:
    """Close and grade, with the answers saved, an attempt that may take no more; None if it stays open, else why
    (for the student).

    Past its deadline in force (the earlier of its own and the quiz's current closing time, plus grace): closed
    as overdue at that deadline. Its quiz no longer open to the student (unpublished, taken away from the class,
    the student taken out of the class): handed in now, as if submitted.
    """
    if attempt.status != AttemptStatus.IN_PROGRESS:
        return None
    deadline = attempt.effective_deadline
    if (deadline is None or not is_past(deadline, now)) and _quiz_still_open(session, attempt):
        return None
    if begin_writing(session):
        read_again(session, attempt)
        return close_if_overdue(session, attempt, now=now)  # decided again on fresh rows, now able to write
    if deadline is None or not is_past(deadline, now):
        return _hand_in_withdrawn(session, attempt, now)
    # A closing time moved before the start: the attempt ends where it began.
    _close(
        session,
        attempt,
        now,
        status=AttemptStatus.CLOSED_OVERDUE,
        closed_at=max(deadline, attempt.started_at),
        how="closed at its deadline and graded",
        details={"deadline": deadline},
        actor_name="system (deadline passed)",
    )
    return TIME_UP


def _hand_in_withdrawn(session: Session, attempt: Attempt, now: datetime) -> str:
    _close(
        session,
        attempt,
        now,
        status=AttemptStatus.SUBMITTED,
        closed_at=now,
        how="handed in when the quiz stopped being open to the student, graded",
        details={"reason": "quiz no longer open to the student"},
        actor_name="system (quiz withdrawn)",
    )
    return WITHDRAWN


def _close(
    session: Session,
    attempt: Attempt,
    now: datetime,
    *,
    status: str,
    closed_at: datetime,
    how: str,
    details: dict[str, Any],
    actor_name: str,
) -> None:
    """Grade and close an attempt the student did not submit, and log what closed it and with what score."""
    _grade_all(session, attempt, now)
    attempt.status = status
    attempt.submitted_at = closed_at
    # Graded without the student submitting: the log says what did it, and with what score. The quiz's
    # owner reads the event, so a student outside their classes is not named.
    student = student_names(session, attempt.quiz.owner, [attempt.student])[attempt.student_id]
    record(
        session,
        None,
        "attempt.close_overdue",
        attempt,
        f"Attempt {attempt.number} of {student} at {quoted(attempt.quiz.title)} {how} with the answers saved: "
        f"{attempt.score:g} of {attempt.max_score or 0:g}",
        {"student": student, "score": attempt.score, **details},
        actor_name=actor_name,
    )
    session.flush()


@dataclass
class OverdueSweep:
    """What one run of the overdue sweep did: attempts closed, and the ones to look at."""

    closed: int = 0
    # Closed, but with answers grading could not mark: (attempt id, how many wait for the teacher's mark).
    awaiting_mark: list[tuple[int, int]] = field(default_factory=list)
    # Could not be closed at all, left open and rolled back alone: (attempt id, why).
    failed: list[tuple[int, str]] = field(default_factory=list)


def close_overdue(session: Session, *, now: datetime) -> OverdueSweep:
    """Close every attempt past its deadline in force, or whose quiz is no longer open to its student (the
    `flask attempts close-overdue` command and the worker).

    Each attempt is closed in its own savepoint: one that fails is rolled back alone, reported and
    left for the next run, and every other attempt is still closed.
    """
    cutoff = now - GRACE
    ids = session.scalars(
        select(Attempt.id)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(
            Attempt.status == AttemptStatus.IN_PROGRESS,
            or_(Attempt.deadline < cutoff, Quiz.closes_at < cutoff, not_(open_to_student(Attempt.student_id))),
        )
    ).all()
    sweep = OverdueSweep()
    for attempt_id in ids:
        try:
            with session.begin_nested():
                attempt = session.scalar(select(Attempt).where(Attempt.id == attempt_id).with_for_update())
                if attempt is None or not close_if_overdue(session, attempt, now=now):
                    continue
        except Exception as error:  # one attempt's failure must not stop the sweep
            logger.exception("overdue attempt %s could not be closed", attempt_id)
            sweep.failed.append((attempt_id, f"{type(error).__name__}: {error}"))
            continue
        sweep.closed += 1
        pending = sum(1 for answer in attempt.answers if answer.needs_mark)
        if pending:
            logger.warning("overdue attempt %s closed; %s answer(s) await the teacher's mark", attempt_id, pending)
            sweep.awaiting_mark.append((attempt_id, pending))
    return sweep


def unanswered_positions(answers: Sequence[AttemptAnswer]) -> list[int]:
    return [a.position for a in answers if a.response is None]
