"""Starting an attempt (or resuming the one in progress), and the teacher's preview of a quiz.

Every function works on an explicit session and takes ``now`` from the caller; the caller commits once.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, column, func, select, true
from sqlalchemy.dialects.postgresql import JSONB, aggregate_order_by
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value

from quizapp.attempts.deadlines import own_deadline
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.attempts.selection import Candidate, Rule, Slot, plan
from quizapp.attempts.submitting import close_if_overdue
from quizapp.auth.models import User
from quizapp.auth.signed_in import SignedInUser
from quizapp.bank.models import Question, QuestionVersion
from quizapp.exceptions import Conflict, DomainError
from quizapp.quizzes.models import Quiz, QuizQuestion, QuizRule
from quizapp.quizzes.services import (
    QuizToStart,
    StartQuery,
    WindowProblem,
    quiz_to_start,
    rule_pool,
    window_problem,
)
from quizapp.statuses import AttemptStatus, QuestionStatus
from quizapp.wording import count

START_RETRIES = 3
_ATTEMPTS = Attempt.__table__
_ANSWERS = AttemptAnswer.__table__
# The student's attempt at a quiz, the one in progress first, with the count of all of them beside it.
_CURRENT_AND_USED = (
    select(Attempt, func.count().over())
    .where(Attempt.quiz_id == bindparam("quiz_id"), Attempt.student_id == bindparam("student_id"))
    .order_by((Attempt.status == AttemptStatus.IN_PROGRESS).desc())
    .limit(1)
)


# The columns a plan needs of a quiz's fixed approved questions, each at its version in force (built once).
_CANDIDATE_COLUMNS = (
    QuizQuestion.points,
    QuestionVersion.question_id,
    QuestionVersion.id,
    QuestionVersion.type,
    QuestionVersion.options,
    QuestionVersion.answer,
)
_FIXED_QUESTIONS = (
    select(QuizQuestion)
    .join(Question, Question.id == QuizQuestion.question_id)
    .join(
        QuestionVersion,
        (QuestionVersion.question_id == Question.id) & (QuestionVersion.version == Question.current_version),
    )
    .where(Question.status == QuestionStatus.APPROVED)
)
_FIXED_CANDIDATES = (
    _FIXED_QUESTIONS.with_only_columns(*_CANDIDATE_COLUMNS)
    .where(QuizQuestion.quiz_id == bindparam("quiz_id"))
    .order_by(QuizQuestion.position)
)
# The start's first statement: the quiz as ``quiz_to_start`` reads it, with the student's attempt in progress
# (its id) and how many attempts they have made, so that a start reads once before it writes.
_STUDENTS_ATTEMPTS = (
    select(Attempt.id)
    .where(
        Attempt.quiz_id == Quiz.id,
        Attempt.student_id == bindparam("student_id"),
        Attempt.status == AttemptStatus.IN_PROGRESS,
    )
    .order_by(Attempt.id)
    .limit(1)
    .scalar_subquery(),
    select(func.count())
    .where(Attempt.quiz_id == Quiz.id, Attempt.student_id == bindparam("student_id"))
    .scalar_subquery(),
)
_START_READ = {
    "sqlite": StartQuery.adding(*_STUDENTS_ATTEMPTS),
    # PostgreSQL: the fixed questions too, as one JSON array in the same row (a row per question would repeat
    # the quiz's columns twenty times): the start reads in one statement, and writes in one.
    "postgresql": StartQuery.adding(
        *_STUDENTS_ATTEMPTS,
        _FIXED_QUESTIONS.with_only_columns(
            func.json_agg(aggregate_order_by(func.json_build_array(*_CANDIDATE_COLUMNS), QuizQuestion.position))
        )
        .where(QuizQuestion.quiz_id == Quiz.id)
        .scalar_subquery(),
    ),
}
_ATTEMPT_FIELDS = ("quiz_id", "student_id", "number", "status", "started_at", "deadline", "max_score")
_ANSWER_FIELDS = ("question_id", "question_version_id", "position", "points", "option_order")
# SQLite: the attempt's row (its values as parameters: one statement object, its cache key computed once), then
# its answers' rows. ON CONFLICT DO NOTHING: see start_attempt.
_INSERT_ATTEMPT = sqlite_insert(_ATTEMPTS).on_conflict_do_nothing().returning(_ATTEMPTS.c.id)
_INSERT_ANSWERS = _ANSWERS.insert()
# PostgreSQL: both in one statement. The attempt's insert is a data-modifying CTE; its answers' rows come as one
# JSON parameter, unpacked by jsonb_to_recordset, each joined to the new id. When the attempt's number is taken
# (ON CONFLICT DO NOTHING), the CTE returns no row, so no answer is written and the statement returns nothing.
_NEW_ATTEMPT = (
    postgresql_insert(_ATTEMPTS)
    .values({field: bindparam(field) for field in _ATTEMPT_FIELDS})
    .on_conflict_do_nothing()
    .returning(_ATTEMPTS.c.id)
    .cte("new_attempt")
)
_ANSWER_ROWS = (
    func.jsonb_to_recordset(bindparam("answers", type_=JSONB))
    .table_valued(*(column(field, _ANSWERS.c[field].type) for field in _ANSWER_FIELDS))
    .render_derived(name="answer", with_types=True)
)
_INSERT_ATTEMPT_AND_ANSWERS = (
    _ANSWERS.insert()
    .from_select(
        ["attempt_id", *_ANSWER_FIELDS],
        select(_NEW_ATTEMPT.c.id, *(_ANSWER_ROWS.c[field] for field in _ANSWER_FIELDS)).join_from(
            _NEW_ATTEMPT,
            _ANSWER_ROWS,
            true(),  # every answer row with the one new id
        ),
        include_defaults=False,  # the other columns' server defaults: no parameters for them
    )
    .returning(_ANSWERS.c.attempt_id)
)


class QuizNotOpen(DomainError):
    """Refused: the quiz is not open now. ``window`` says why, for the page to show in the reader's zone."""

    status_code = 403

    def __init__(self, window: WindowProblem) -> None:
        super().__init__(str(window))
        self.window = window


class AttemptLimitReached(DomainError):
    status_code = 409


class EmptyQuiz(DomainError):
    status_code = 409


def _candidate(version: QuestionVersion, points: float) -> Candidate:
    return Candidate(version.question_id, version.id, version.type, list(version.options or []), version.answer, points)


def _fixed_candidates(session: Session, quiz: Quiz, rows: Iterable[Sequence[Any]] | None = None) -> list[Candidate]:
    """The quiz's fixed approved questions in order, each at its version in force, in one query (a whole class
    presses Start at once: one query per question each was the start's main cost), or from ``rows`` already
    read (PostgreSQL's start). Only the columns a plan needs, not whole versions: building twenty ORM objects
    with their texts was a tenth of a start."""
    if rows is None:
        rows = session.execute(_FIXED_CANDIDATES, {"quiz_id": quiz.id})
    return [
        Candidate(question_id, version_id, type_, list(options or []), answer, float(points))  # JSON's 1 is an int
        for points, question_id, version_id, type_, options, answer in rows
    ]


def _rule_pool(session: Session, rule: QuizRule) -> list[Candidate]:
    return [_candidate(q.latest, rule.points) for q in rule_pool(session, rule)]


def _deadline(starting: QuizToStart, started: datetime) -> datetime | None:
    """The attempt's own deadline; the quiz's closing time is not copied in but read as it is then."""
    if not starting.quiz.time_limit_minutes:
        return None
    return own_deadline(started, starting.quiz.time_limit_minutes, starting.extra_percent)


def open_attempt(session: Session, quiz: Quiz, student: User) -> Attempt | None:
    return session.scalar(
        select(Attempt).where(
            Attempt.quiz_id == quiz.id, Attempt.student_id == student.id, Attempt.status == AttemptStatus.IN_PROGRESS
        )
    )


def start_attempt(
    session: Session, quiz_id: int, student: User | SignedInUser, *, now: datetime, seed: int | None = None
) -> Attempt:
    """Start an attempt, or resume the one in progress (a double click or a second tab gets the same one).

    The attempt limit holds under races: the attempt number is unique per quiz
    and student, so of two simultaneous starts one insert finds the number taken and tries again,
    finding the other's attempt in progress.
    """
    dialect = "sqlite" if session.get_bind().dialect.name == "sqlite" else "postgresql"
    starting = quiz_to_start(session, quiz_id, student, _START_READ[dialect])
    quiz = starting.quiz
    # PostgreSQL's first statement also read the fixed questions' rows (a JSON array, NULL for none).
    current_id, used, *fixed = starting.extra
    fixed_rows = (fixed[0] or []) if fixed else None
    for attempt_number in range(START_RETRIES):
        if attempt_number:  # an earlier try lost a race: read the student's attempts again
            # One query for the attempt in progress (if any) and how many the student has made.
            row = session.execute(_CURRENT_AND_USED, {"quiz_id": quiz.id, "student_id": student.id}).first()
            current, used = (
                (row[0] if row[0].status == AttemptStatus.IN_PROGRESS else None, row[1]) if row else (None, 0)
            )
        else:
            current = session.get(Attempt, current_id) if current_id is not None else None
        if current is not None and not close_if_overdue(session, current, now=now):
            return current
        problem = window_problem(quiz, now)
        if problem:
            raise QuizNotOpen(problem)
        if quiz.attempts_allowed is not None and used >= quiz.attempts_allowed:
            raise AttemptLimitReached(f"You have used all {count(quiz.attempts_allowed, 'attempt')} this quiz allows.")
        values, answers = _new_attempt(
            session, starting, student, number=used + 1, now=now, seed=seed, fixed_rows=fixed_rows
        )
        # ON CONFLICT DO NOTHING rather than a savepoint around a plain insert: two round trips fewer per start
        # (SAVEPOINT, RELEASE), and a lost race leaves the transaction usable all the same.
        attempt_id = _insert(session, dialect, values, answers)
        if attempt_id is None:
            continue  # another start took this number
        # The row as an ORM object without reading it back (the ORM's own INSERT ... RETURNING of the whole
        # entity cost a fifth more Python calls per start); columns left to their defaults load if read.
        attempt = Attempt(id=attempt_id, **values)
        make_transient_to_detached(attempt)
        session.add(attempt)
        set_committed_value(attempt, "quiz", quiz)  # the redirect reads the quiz's layout: no load of it again
        return attempt
    raise Conflict("Starting the quiz collided with another start; please try again.")


def _insert(session: Session, dialect: str, values: dict[str, Any], answers: list[dict[str, Any]]) -> int | None:
    """Write the attempt's row and its answers' rows, outside the unit of work (the ORM's insert of twenty
    objects, with their ids returned, was a third of a start; attempt.answers loads them if asked): the new
    attempt's id, or None when its number was taken by another start (nothing written)."""
    if dialect == "postgresql":
        # One statement, one round trip: the twenty answers' inserts sent after the attempt's, one execution
        # each in the server, were a fifth of a start's app CPU and most of its PostgreSQL CPU.
        return session.scalar(_INSERT_ATTEMPT_AND_ANSWERS, {**values, "answers": answers})
    attempt_id = session.scalar(_INSERT_ATTEMPT, values)
    if attempt_id is not None:
        session.execute(_INSERT_ANSWERS, [{**answer, "attempt_id": attempt_id} for answer in answers])
    return attempt_id


def quiz_slots(
    session: Session, quiz: Quiz, rng: random.Random, fixed_rows: Iterable[Sequence[Any]] | None = None
) -> list[Slot]:
    """The questions one sitting of the quiz gets, in order, with their option orders and points: its fixed
    approved questions (read here unless their ``fixed_rows`` were read already) and its rules' random picks,
    shuffled as the quiz's settings say (an attempt, a preview, a live session)."""
    fixed = _fixed_candidates(session, quiz, fixed_rows)
    rules = [Rule(rule.count, _rule_pool(session, rule), rule.points) for rule in quiz.rules]
    return plan(fixed, rules, rng, shuffle_questions=quiz.shuffle_questions, shuffle_options=quiz.shuffle_options)


def _new_attempt(
    session: Session,
    starting: QuizToStart,
    student: User | SignedInUser,
    *,
    number: int,
    now: datetime,
    seed: int | None,
    fixed_rows: Sequence[Any] | None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The attempt's row, and the rows of its answers (without the attempt's id, which its insert gives)."""
    quiz = starting.quiz
    rng = random.Random(seed if seed is not None else secrets.randbits(64))  # noqa: S311 - shuffling, not secrecy
    slots = quiz_slots(session, quiz, rng, fixed_rows)
    if not slots:
        raise EmptyQuiz("This quiz has no questions yet.")
    attempt = {
        "quiz_id": quiz.id,
        "student_id": student.id,
        "number": number,
        "status": AttemptStatus.IN_PROGRESS,
        "started_at": now,
        "deadline": _deadline(starting, now),
        "max_score": sum(slot.points for slot in slots),
    }
    answers = [
        {
            "question_id": slot.candidate.question_id,
            "question_version_id": slot.candidate.version_id,
            "position": position,
            "points": slot.points,
            "option_order": slot.option_order,
        }
        for position, slot in enumerate(slots)
    ]
    return attempt, answers


def first_page(attempt: Attempt, started: datetime) -> int | None:
    """Where a student who pressed Start at ``started`` goes: question 0 of the attempt that start created on a
    paged quiz, else None (show the attempt: a resumed one goes to its first open question, a one-page quiz
    whole). Asks nothing of the database: the new attempt and its quiz are already in the session."""
    if attempt.started_at != started or attempt.quiz.layout == "all_on_one_page":
        return None
    return 0


def preview(session: Session, quiz: Quiz) -> tuple[Attempt, list[AttemptAnswer]]:
    """The quiz as a student would get it, built in memory only (nothing is stored, no attempt counts)."""
    slots = quiz_slots(session, quiz, random.Random(quiz.id))  # noqa: S311 - a stable shuffle for a preview
    versions = {
        v.id: v
        for v in session.scalars(
            select(QuestionVersion).where(QuestionVersion.id.in_([s.candidate.version_id for s in slots]))
        )
    }
    attempt = Attempt(quiz=quiz, status=AttemptStatus.IN_PROGRESS, number=0)
    answers = [
        AttemptAnswer(
            question_id=slot.candidate.question_id,
            question_version_id=slot.candidate.version_id,
            question_version=versions[slot.candidate.version_id],
            position=position,
            points=slot.points,
            option_order=slot.option_order,
            checks=0,
        )
        for position, slot in enumerate(slots)
    ]
    return attempt, answers
