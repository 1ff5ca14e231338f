"""What a finished attempt leads to: its mistakes to retake now, and when the next review is due.

Practice sessions land here when submitted; any finished attempt of the student's has the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from quizapp.attempts.loading import attempt_of
from quizapp.attempts.models import Attempt
from quizapp.auth.models import User
from quizapp.exceptions import NotFound
from quizapp.practice import services
from quizapp.practice.cards import feeds_practice
from quizapp.statuses import AttemptStatus


@dataclass
class FinishedSession:
    attempt: Attempt
    mistakes: int  # questions not fully right that may be retaken now (0 where the answers stay hidden)
    overview: services.PracticeOverview  # due now, the next due time, sessions in progress


def finished_session(
    session: Session, student: User, attempt_id: int, *, now: datetime, session_size: int
) -> FinishedSession:
    """The student's finished attempt and what comes after it; NotFound for another's or one in progress."""
    attempt = attempt_of(session, attempt_id, student)
    if attempt.status == AttemptStatus.IN_PROGRESS:
        raise NotFound("This attempt is not finished yet.")
    return FinishedSession(
        attempt=attempt,
        mistakes=len(services.mistakes_in(session, attempt)) if feeds_practice(attempt.quiz) else 0,
        overview=services.overview(session, student, now=now, session_size=session_size),
    )
