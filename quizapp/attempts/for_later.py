"""A student's flag on a question of an open attempt, to come back to before submitting.

Only a reminder for the student, shown on the question numbers: it changes no answer and no mark.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from quizapp.attempts.loading import answer_at
from quizapp.attempts.saving import _writable
from quizapp.auth.models import User


def flag_for_later(session: Session, attempt_id: int, student: User, position: int, *, now: datetime) -> bool | None:
    """Turn the flag of question ``position`` on or off; its new state, or None if the attempt just closed.

    NotFound for another student's attempt or a position it does not have; AttemptClosed once submitted.
    """
    attempt, closed = _writable(session, attempt_id, student, now)
    if closed is not None:
        return None
    answer = answer_at(attempt, position)
    answer.flagged_for_later = not answer.flagged_for_later
    session.flush()
    return answer.flagged_for_later
