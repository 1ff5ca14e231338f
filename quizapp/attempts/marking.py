"""The teacher's mark for an answer grading could not mark (its question's key could not be graded).

Such an answer is left unscored with ``needs_mark`` set when the attempt is graded, so the attempt's
score is provisional until the teacher marks it here. Like every service: an explicit session, flush only.
"""

from __future__ import annotations

import math
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.attempts.loading import attempt_for_owner
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.audit.services import quoted, record
from quizapp.auth.models import User
from quizapp.classes.services import student_names
from quizapp.exceptions import Conflict, DomainError, NotFound

MARKED_BY_TEACHER = "marked by the teacher"


def set_mark(
    session: Session, attempt_id: int, position: int, mark: float, teacher: User, *, now: datetime
) -> AttemptAnswer:
    """Give the answer at ``position`` of the teacher's own finished attempt the ``mark`` (0 to its points).

    Only an answer awaiting a mark takes one (others were graded, and a corrected key is a regrade);
    the attempt's total then counts it, and practice cards take it in (``rescored_at`` is ``now``).
    Returns the answer.
    """
    attempt = attempt_for_owner(session, attempt_id, teacher)
    answer = session.scalar(
        select(AttemptAnswer).where(AttemptAnswer.attempt_id == attempt.id, AttemptAnswer.position == position)
    )
    if answer is None:
        raise NotFound("This attempt has no such question.")
    if not answer.needs_mark:
        raise Conflict("This answer is not awaiting a mark: it was graded already.")
    if not (isinstance(mark, int | float) and math.isfinite(mark) and 0 <= mark <= answer.points):
        raise DomainError(f"A mark for this question is a number from 0 to {answer.points:g}.")
    answer.score = round(float(mark), 4)
    answer.needs_mark = False
    answer.rescored_at = now
    answer.feedback = MARKED_BY_TEACHER
    attempt.score = provisional_total(attempt)
    # The log is read by the quiz's owner: a student outside their classes is not named.
    student = student_names(session, teacher, [attempt.student])[attempt.student_id]
    record(
        session,
        teacher,
        "attempt.mark",
        attempt,
        f"Marked question {position + 1} of attempt {attempt.number} of {student} at "
        f"{quoted(attempt.quiz.title)}: {answer.score:g} of {answer.points:g}",
        {"position": position + 1, "question": answer.question_id, "mark": answer.score, "score": attempt.score},
    )
    session.flush()
    return answer


def provisional_total(attempt: Attempt) -> float:
    """The attempt's score from its scored answers (answers awaiting a mark count for nothing yet)."""
    total = sum(answer.score or 0.0 for answer in attempt.answers)
    return round(min(total, attempt.max_score or total), 4)


def awaiting_marks(attempt: Attempt) -> int:
    """How many answers of the attempt wait for the teacher's mark."""
    return sum(1 for answer in attempt.answers if answer.needs_mark)
