"""Saving answers while the attempt is open, and checking them one at a time in practice mode.

Every function works on an explicit session and takes ``now`` from the caller; the caller commits once.
Saving locks the attempt row first, as submitting does, so a save and a submit of the same attempt never
interleave: a save either lands before the grading reads it or is refused as too late, never lost in between.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, bindparam, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from quizapp.attempts.deadlines import effective_deadline, is_past
from quizapp.attempts.grading import Grade
from quizapp.attempts.loading import answer_at, attempt_of, load_answers, shown_of, versions_shown
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.attempts.responses import read_response, response_problem
from quizapp.attempts.scoring import graded_or_none, scored
from quizapp.attempts.shown_versions import shown_versions
from quizapp.attempts.submitting import close_if_overdue
from quizapp.auth.models import User
from quizapp.auth.signed_in import SignedInUser, confirm_from, fold_login, login_parameters
from quizapp.exceptions import Conflict, DomainError, NotFound
from quizapp.quizzes.models import Quiz
from quizapp.quizzes.services import open_to_student
from quizapp.statuses import AttemptStatus

# Practice mode: tries at a question before its answer is shown anyway.
PRACTICE_TRIES = 3


class AttemptClosed(Conflict):
    """The attempt is submitted or past its deadline: nothing more is saved."""


NOT_CHECKABLE = (
    "This question cannot be checked: its key has a fault your teacher must fix. Your answer is saved, "
    "and your teacher will mark it after you submit."
)


@dataclass
class SaveOutcome:
    answered: bool = False  # the saved response is not empty
    closed: bool = False  # the deadline had passed: the attempt was closed instead
    message: str = ""
    problem: str | None = None  # saved, but unfinished (an order with gaps): what to tell the student


def _writable(
    session: Session, attempt_id: int, student: User | SignedInUser, now: datetime
) -> tuple[Attempt, SaveOutcome | None]:
    attempt = attempt_of(session, attempt_id, student, lock=True)
    if attempt.status != AttemptStatus.IN_PROGRESS:
        raise AttemptClosed("This attempt is already submitted; nothing more can be saved.")
    closed = close_if_overdue(session, attempt, now=now)
    if closed:
        return attempt, SaveOutcome(None, closed=True, message=closed)
    return attempt, None


# The autosave path's read: the attempt row locked, and what saving one of its answers needs.
_ANSWER_PLACE = (
    select(
        Attempt.status,
        Attempt.deadline,
        Quiz.closes_at,
        open_to_student(Attempt.student_id).label("quiz_open"),
        AttemptAnswer.id,
        AttemptAnswer.question_version_id,
        AttemptAnswer.option_order,
        AttemptAnswer.graded_at,
    )
    .join(AttemptAnswer, AttemptAnswer.attempt_id == Attempt.id)
    .join(Quiz, Quiz.id == Attempt.quiz_id)
    .where(
        Attempt.id == bindparam("attempt_id"),
        Attempt.student_id == bindparam("student_id"),
        AttemptAnswer.position == bindparam("position"),
    )
    .with_for_update(of=Attempt)
)

_ANSWER_PLACE_CONFIRMING = fold_login(_ANSWER_PLACE, Attempt.student_id)

_SAVE_ANSWER = (
    update(AttemptAnswer)
    .where(AttemptAnswer.id == bindparam("answer_id"))
    .values(response=bindparam("new_response"), saved_at=bindparam("now"))
    .execution_options(synchronize_session=False)  # the objects a caller holds are expired instead (below)
)


def save_answer(
    session: Session,
    attempt_id: int,
    student: User | SignedInUser,
    position: int,
    fields: Mapping[str, Any],
    *,
    now: datetime,
) -> SaveOutcome:
    """Save one answer from its form fields. Saving the same answer again changes nothing.

    Autosave runs this for every change of every answer, so its usual path is two statements: one
    locks the attempt row (as submitting does, so the two never interleave) and reads the answer's
    place in it, the other writes the answer. What the question showed comes from the cache.
    """
    parameters = {"attempt_id": attempt_id, "student_id": student.id, "position": position}
    place: Row[Any] | None
    if isinstance(student, SignedInUser) and student.pending:  # the same read checks the login
        row = session.execute(_ANSWER_PLACE_CONFIRMING, parameters | login_parameters(student)).one_or_none()
        place = confirm_from(student, row)
    else:
        place = session.execute(_ANSWER_PLACE, parameters).one_or_none()
    if (
        place is None
        or place.status != AttemptStatus.IN_PROGRESS
        or is_past(effective_deadline(place.deadline, place.closes_at), now)
        or not place.quiz_open
    ):
        # Not the student's attempt, no such question, submitted, out of time or its quiz withdrawn: the
        # general path says which.
        _, refused = _writable(session, attempt_id, student, now)
        if refused:
            return refused
        raise NotFound("This attempt has no such question.")
    if place.graded_at is not None:
        raise AttemptClosed("This question is finished: its answer was already shown.")
    shown = shown_versions(session, [place.question_version_id])[place.question_version_id]
    shown_here = shown.shown(place.option_order)
    response = read_response(shown_here, fields)
    session.execute(_SAVE_ANSWER, {"answer_id": place.id, "new_response": response, "now": now})
    # A caller already holding this answer's object (in the same transaction) must not keep the old value.
    held = session.identity_map.get(identity_key(AttemptAnswer, place.id))
    if held is not None:
        session.expire(held, ["response", "saved_at"])
    return SaveOutcome(answered=response is not None, problem=response_problem(shown_here, response))


def save_many(
    session: Session,
    attempt_id: int,
    student: User,
    fields_by_position: Mapping[int, Mapping[str, Any]],
    *,
    now: datetime,
) -> SaveOutcome:
    """Save several answers at once (all-on-one-page without script); refuses the lot on a bad one."""
    attempt, refused = _writable(session, attempt_id, student, now)
    if refused:
        return refused
    # One query for the whole page, not one per question.
    loaded = load_answers(session, attempt, versions=False)
    answers = {a.position: a for a in loaded}
    shown = versions_shown(session, loaded)
    for position, fields in sorted(fields_by_position.items()):
        answer = answers.get(position)
        if answer is None:
            raise NotFound("This attempt has no such question.")
        if answer.graded_at is None:
            answer.response = read_response(shown[answer.question_version_id].shown(answer.option_order), fields)
            answer.saved_at = now
    session.flush()
    return SaveOutcome(None)


@dataclass
class CheckOutcome:
    answer: AttemptAnswer
    grade: Grade
    revealed: bool
    tries_left: int


def check_answer(
    session: Session,
    attempt_id: int,
    student: User,
    position: int,
    fields: Mapping[str, Any],
    *,
    now: datetime,
    give_up: bool = False,
) -> CheckOutcome | SaveOutcome:
    """Practice mode: save and grade one answer at once.

    A wrong answer may be tried again (each try costs the quiz's penalty) until
    it is right, the tries run out, or the student asks to see the answer.
    """
    attempt, refused = _writable(session, attempt_id, student, now)
    if refused:
        return refused
    if attempt.quiz.mode != "practice":
        raise DomainError("Answers are checked only in practice quizzes; this one is graded when you submit.")
    answer = answer_at(attempt, position)
    if answer.graded_at is not None:
        raise AttemptClosed("This question is finished: its answer was already shown.")
    if not give_up:
        answer.response = read_response(shown_of(answer), fields)
        answer.saved_at = now
    result = graded_or_none(answer)
    if result is None:
        # Its key cannot be graded (saved before keys were checked): keep the answer for the teacher's mark.
        session.flush()
        return SaveOutcome(answered=answer.response is not None, message=NOT_CHECKABLE)
    if not give_up:
        answer.checks += 1
    # The detail ("2 of 4 pairs right") helps the next try without giving the key away.
    answer.feedback = result.detail
    revealed = give_up or result.correct or answer.checks >= PRACTICE_TRIES
    if revealed:
        answer.gave_up = give_up
        answer.score = scored(answer, attempt.quiz, result.fraction)
        answer.graded_at = now
    session.flush()
    return CheckOutcome(answer, result, revealed, max(0, PRACTICE_TRIES - answer.checks))
