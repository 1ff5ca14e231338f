"""A student's report that a question is wrong or unclear, once its key has been shown."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quizapp.attempts.loading import answer_at, attempt_of, is_revealed
from quizapp.auth.models import User
from quizapp.bank.models import FLAG_KINDS, QuestionFlag
from quizapp.exceptions import Conflict, DomainError


class AlreadyFlagged(Conflict):
    """The student has an open flag on this question already."""


ALREADY_FLAGGED = "You have already reported this question; your teacher has not dealt with that report yet."


def flag_question(
    session: Session, attempt_id: int, student: User, position: int, *, kind: str, comment: str
) -> QuestionFlag:
    """A student's note that a question is wrong or unclear, for the teacher; only once its key is shown."""
    attempt = attempt_of(session, attempt_id, student)
    answer = answer_at(attempt, position)
    if not is_revealed(attempt, answer):
        raise DomainError("You can report a question once you have seen its answer.")
    if _open_flag_of(session, student, answer.question_id) is not None:
        raise AlreadyFlagged(ALREADY_FLAGGED)
    flag = QuestionFlag(
        question_id=answer.question_id,
        question_version_id=answer.question_version_id,
        user_id=student.id,
        attempt_id=attempt.id,
        kind=kind if kind in FLAG_KINDS else "other",
        comment=comment.strip()[:1000],
    )
    try:
        # Two tabs sending the same report at once: the partial unique index keeps one.
        with session.begin_nested():
            session.add(flag)
            session.flush()
    except IntegrityError:
        raise AlreadyFlagged(ALREADY_FLAGGED) from None
    return flag


def _open_flag_of(session: Session, student: User, question_id: int) -> int | None:
    return session.scalar(
        select(QuestionFlag.id).where(
            QuestionFlag.user_id == student.id,
            QuestionFlag.question_id == question_id,
            QuestionFlag.resolved_at.is_(None),
        )
    )
