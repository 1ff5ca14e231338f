"""Applying a corrected key to attempts graded on an older version of a question.

A teacher first sees whose scores would change (``regrade_preview``), then
applies it (``apply_regrade``) in one transaction; the answers then point at
the version they were graded on.

Students outside the teacher's classes are not named (``student_names``), and
answers in a student's own practice quizzes ("My mistakes", "Due for review") are
regraded too but only counted: no teacher sees those attempts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from quizapp.attempts.grading import grade, key_problem
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.attempts.scoring import scored
from quizapp.audit.services import change, quoted, record
from quizapp.auth.models import User
from quizapp.bank.models import Question
from quizapp.classes.services import student_names
from quizapp.exceptions import DomainError
from quizapp.statuses import AttemptStatus
from quizapp.wording import count


@dataclass
class ScoreChange:
    answer: AttemptAnswer
    student_name: str  # as the teacher may see it; "" in a student's own practice
    quiz_title: str
    attempt_number: int
    old_score: float
    new_score: float
    old_total: float
    new_total: float
    private: bool = False  # in a student's own practice quiz: counted, never shown
    was_awaiting_mark: bool = False  # graded now for the first time: its old key could not be graded
    detail: str = ""  # the new grade's explanation, the answer's feedback when it was awaiting a mark


def _new_grade(answer: AttemptAnswer, question: Question) -> tuple[float, str]:
    """The answer's score with the current key, and the grade's detail for its feedback."""
    version = question.latest
    result = grade(
        version.type,
        version.answer,
        answer.response,
        options=version.options,
        grading=version.ordering_grading,
        case_sensitive=version.case_sensitive,
    )
    return scored(answer, answer.attempt.quiz, result.fraction), result.detail


def regrade_preview(session: Session, question: Question, teacher: User) -> list[ScoreChange]:
    """Graded answers on older versions of the question whose score the current key would change.

    Names are the ones ``teacher`` may see; a change in a student's own practice is ``private`` and unnamed.
    """
    current = question.latest
    problem = key_problem(
        current.type,
        current.answer,
        options=current.options,
        grading=current.ordering_grading,
        case_sensitive=current.case_sensitive,
    )
    if problem:
        # Only a question saved before keys were checked can get here: edit it to a key that can be graded.
        raise DomainError(f"The current key cannot be graded ({problem}); edit the question first.")
    answers = (
        session.scalars(
            select(AttemptAnswer)
            .options(
                joinedload(AttemptAnswer.attempt).joinedload(Attempt.student),
                joinedload(AttemptAnswer.question_version),
            )
            .join(Attempt, AttemptAnswer.attempt_id == Attempt.id)
            .where(
                AttemptAnswer.question_id == question.id,
                AttemptAnswer.question_version_id != current.id,
                Attempt.status != AttemptStatus.IN_PROGRESS,
            )
            .order_by(Attempt.id)
        )
        .unique()
        .all()
    )
    names = student_names(session, teacher, {answer.attempt.student for answer in answers})
    changes = []
    for answer in answers:
        if answer.question_version.type != current.type:
            raise DomainError("The question changed type; a regrade needs the same type of question.")
        new, detail = _new_grade(answer, question)
        old = answer.score or 0.0
        # An answer awaiting the teacher's mark (its old key could not be graded) is graded by the corrected key.
        if answer.needs_mark or abs(new - old) > 1e-9:
            attempt = answer.attempt
            private = attempt.quiz.personal_for_id is not None
            total = attempt.score or 0.0
            changes.append(
                ScoreChange(
                    answer, "" if private else names[attempt.student_id], "" if private else attempt.quiz.title,
                    attempt.number,
                    old, new, total, round(total - old + new, 4), private, answer.needs_mark, detail,
                )
            )  # fmt: skip
    return changes


def apply_regrade(session: Session, question: Question, actor: User, *, now: datetime) -> int:
    """Regrade every changed answer with the current key; returns how many scores changed.

    Each changed answer records ``now`` as its ``rescored_at``: practice cards built from it follow.
    """
    changes = regrade_preview(session, question, actor)
    graded_on = []
    for item in changes:
        graded_on.append(item.answer.question_version.version)
        item.answer.score = item.new_score
        if item.was_awaiting_mark:
            item.answer.needs_mark = False
            item.answer.feedback = item.detail
        item.answer.rescored_at = now
        item.answer.question_version_id = question.latest.id
        item.answer.attempt.score = item.new_total
    if changes:
        details: dict[str, object] = {
            "version": question.current_version,
            "changes": [
                {
                    "attempt": item.answer.attempt_id,
                    "student": item.student_name,
                    "quiz": item.quiz_title,
                    "graded_on_version": version,
                    "score": change(item.old_score, item.new_score),
                    "attempt_total": change(item.old_total, item.new_total),
                }
                for item, version in zip(changes, graded_on, strict=True)
                if not item.private
            ],
        }
        if practice := sum(item.private for item in changes):
            details["answers_in_students_own_practice"] = practice
        record(
            session,
            actor,
            "question.regrade",
            question,
            f"Regraded question {question.id} {quoted(question.latest.prompt)} with version {question.current_version}:"
            f" {count(len(changes), 'answer')} changed score",
            details,
        )
    session.flush()
    return len(changes)
