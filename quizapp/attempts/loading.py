"""Reading a student's attempt and its answers: the queries every page, save and submit share.

Every function works on an explicit session; none writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import bindparam, inspect, select
from sqlalchemy.orm import Session, aliased, contains_eager, joinedload, object_session, with_expression
from sqlalchemy.sql.base import ExecutableOption

from quizapp.attempts.deadlines import seconds_left
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.attempts.responses import Shown
from quizapp.attempts.shown_versions import ShownVersion, shown_versions
from quizapp.auth.models import User
from quizapp.auth.signed_in import SignedInUser, confirm_from, fold_login, login_parameters
from quizapp.bank.models import QuestionVersion
from quizapp.exceptions import NotFound
from quizapp.quizzes.models import Quiz
from quizapp.quizzes.services import open_to_student
from quizapp.statuses import AttemptStatus


def _this_load_only(option: ExecutableOption) -> ExecutableOption:
    """The option for the statement it is given to, not carried to the instance's later refreshes: an expression
    that reads the joined quiz, re-applied when an expired attempt reloads by itself (no join), made a cartesian
    product over every quiz and took an arbitrary row's answer. A refreshed attempt's ``quiz_open`` is None, and
    ``submitting`` asks the database again."""
    option.propagate_to_loaders = False  # type: ignore[attr-defined]
    return option


# Every question page and submit loads the attempt: the statement is built once, not on every request.
# It reads in passing whether the quiz is still open to the student (unpublished, taken away: not).
_ATTEMPT_BY_ID = (
    select(Attempt)
    .join(Attempt.quiz)
    .options(
        contains_eager(Attempt.quiz),
        _this_load_only(with_expression(Attempt.quiz_open, open_to_student(Attempt.student_id))),
    )
    .where(Attempt.id == bindparam("attempt_id"))
)
_ATTEMPT_OF = _ATTEMPT_BY_ID.where(Attempt.student_id == bindparam("student_id"))
_ATTEMPT_AGAIN = _ATTEMPT_BY_ID.execution_options(populate_existing=True)
_ATTEMPT_OF_LOCKED = _ATTEMPT_OF.with_for_update(of=Attempt)  # the quiz is joined in; only the attempt row is locked
# The same, checking a pending login on the way (quizapp.auth.signed_in): a question page's only user query.
_ATTEMPT_OF_CONFIRMING = {
    lock: fold_login(statement, Attempt.student_id)
    for lock, statement in ((False, _ATTEMPT_OF), (True, _ATTEMPT_OF_LOCKED))
}


def attempt_of(session: Session, attempt_id: int, student: User | SignedInUser, *, lock: bool = False) -> Attempt:
    """The student's own attempt; NotFound for anyone else's (it must look like one that does not exist).
    A pending login is checked by the same query (LoginUnconfirmed when it finds nothing)."""
    parameters = {"attempt_id": attempt_id, "student_id": student.id}
    if isinstance(student, SignedInUser) and student.pending:
        row = session.execute(_ATTEMPT_OF_CONFIRMING[lock], parameters | login_parameters(student)).first()
        return confirm_from(student, row)[0]
    attempt = session.scalar(_ATTEMPT_OF_LOCKED if lock else _ATTEMPT_OF, parameters)
    if attempt is None:
        raise NotFound("There is no such attempt.")
    return attempt


def read_again(session: Session, attempt: Attempt) -> None:
    """Read an attempt loaded by ``attempt_of`` again, in place, after its transaction ended: left expired,
    it would reload by itself without its quiz joined, and the expression of whether the quiz is open would
    then range over every quiz."""
    session.execute(_ATTEMPT_AGAIN, {"attempt_id": inspect(attempt).identity[0]}).one()


def attempts_of_student(session: Session, student: User, *, limit: int) -> list[Attempt]:
    """The student's own attempts, open and finished, newest first, with their quizzes (one query)."""
    return list(
        session.scalars(
            select(Attempt)
            .join(Attempt.quiz)
            .options(contains_eager(Attempt.quiz))
            .where(Attempt.student_id == student.id)
            .order_by(Attempt.started_at.desc(), Attempt.id.desc())
            .limit(limit)
        )
    )


def attempt_for_owner(session: Session, attempt_id: int, teacher: User) -> Attempt:
    """A finished attempt at one of the teacher's own quizzes; NotFound for any other (the same answer as none)."""
    attempt = session.scalar(
        select(Attempt)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Attempt.id == attempt_id, Quiz.owner_id == teacher.id, Attempt.status != AttemptStatus.IN_PROGRESS)
    )
    if attempt is None:
        raise NotFound("There is no such finished attempt at one of your quizzes.")
    return attempt


def load_answers(
    session: Session, attempt: Attempt, *, versions: bool = True, sources: bool = True
) -> list[AttemptAnswer]:
    """Every answer row of the attempt, in position order, in one to three queries whatever the length.

    ``versions`` joins each question version (key, explanation: grading and feedback need them) and
    ``sources`` its sources. A page that shows no feedback wants neither: what it shows of the questions
    comes from ``shown_versions``, cached.
    """
    query = select(AttemptAnswer).where(AttemptAnswer.attempt_id == attempt.id).order_by(AttemptAnswer.position)
    if versions:
        version = joinedload(AttemptAnswer.question_version)
        query = query.options(version.selectinload(QuestionVersion.sources) if sources else version)
    return list(session.scalars(query).unique())


class AnswerState(NamedTuple):
    """What the question numbers show of one answer."""

    position: int
    answered: bool
    flagged: bool
    version_id: int  # the question version it asks


# A paged question page: every answer's position, response and flag, and the answer at the page's position whole.
# The ORM built twenty answers (their datetimes, JSON and identity) where the page shows one: a fifth of it.
# The response itself, not "response IS NOT NULL": a JSON column may hold JSON null, which the ORM reads as None.
_SHOWN = aliased(AttemptAnswer, name="shown")
_PAGE_ANSWERS = (
    select(
        AttemptAnswer.position,
        AttemptAnswer.response,
        AttemptAnswer.flagged_for_later,
        AttemptAnswer.question_version_id,
        _SHOWN,
    )
    .outerjoin(_SHOWN, (_SHOWN.id == AttemptAnswer.id) & (_SHOWN.position == bindparam("position")))
    .where(AttemptAnswer.attempt_id == bindparam("attempt_id"))
    .order_by(AttemptAnswer.position)
)


def page_answers(session: Session, attempt: Attempt, position: int) -> tuple[list[AnswerState], AttemptAnswer]:
    """Every answer's state for the question numbers, in position order, and the answer at ``position`` (without
    its question version), in one query; NotFound when the attempt has no such question."""
    states: list[AnswerState] = []
    shown: AttemptAnswer | None = None
    row: Any
    for row in session.execute(_PAGE_ANSWERS, {"attempt_id": attempt.id, "position": position}):
        states.append(AnswerState(row[0], row[1] is not None, row[2], row[3]))
        if row[4] is not None:
            shown = row[4]
    if shown is None:
        raise NotFound("This attempt has no such question.")
    return states, shown


def versions_shown(
    session: Session, answers: Sequence[AttemptAnswer] | Sequence[AnswerState]
) -> dict[int, ShownVersion]:
    """What the student is shown of each answer's question version, by version id (cached per process: the
    first page of an attempt that misses any reads them all in one query)."""
    return shown_versions(
        session,
        (answer.version_id if isinstance(answer, AnswerState) else answer.question_version_id for answer in answers),
    )


def shown_of(answer: AttemptAnswer) -> Shown:
    return ShownVersion.of(answer.question_version).shown(answer.option_order)


def answer_at(attempt: Attempt, position: int) -> AttemptAnswer:
    """One question of the attempt with its version, in one query (the autosave path: keep it cheap)."""
    session = object_session(attempt)
    answer = (
        session.scalar(
            select(AttemptAnswer)
            .options(joinedload(AttemptAnswer.question_version))
            .where(AttemptAnswer.attempt_id == attempt.id, AttemptAnswer.position == position)
        )
        if session is not None
        else None
    )
    if answer is None:
        raise NotFound("This attempt has no such question.")
    return answer


def time_left(attempt: Attempt, now: datetime) -> float | None:
    """Seconds until the deadline in force by the server's clock (None: no deadline)."""
    return seconds_left(attempt.effective_deadline, now)


def is_revealed(attempt: Attempt, answer: AttemptAnswer) -> bool:
    """May the student see this question's key? After submitting, or once checked out in practice mode."""
    return attempt.status != AttemptStatus.IN_PROGRESS or answer.graded_at is not None
