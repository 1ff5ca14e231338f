"""Taking a quiz: start, save, check (practice), submit, close overdue attempts.

Every function works on an explicit session and takes ``now`` from the caller;
the caller commits once. Saving and submitting lock the attempt row first, so
a save and a submit of the same attempt never interleave: a save either lands
before the grading reads it or is refused as too late, never lost in between.
"""

from __future__ import annotations

import logging
import random
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, not_, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, contains_eager, joinedload, object_session, with_expression
from sqlalchemy.orm.util import identity_key

from quizapp.attempts.deadlines import GRACE, effective_deadline, is_past, own_deadline, seconds_left
from quizapp.attempts.grading import Grade, answer_score, grade
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.attempts.responses import Shown, read_response, response_problem
from quizapp.attempts.selection import Candidate, Rule, plan
from quizapp.attempts.shown_versions import ShownVersion, shown_versions
from quizapp.audit.services import quoted, record
from quizapp.auth.models import User
from quizapp.bank.models import FLAG_KINDS, Question, QuestionFlag, QuestionVersion
from quizapp.classes.services import student_names
from quizapp.exceptions import Conflict, DomainError, NotFound
from quizapp.quizzes.models import Quiz, QuizQuestion, QuizRule
from quizapp.quizzes.services import extra_time_percent, open_to_student, quiz_for_student, rule_pool, window_problem
from quizapp.wording import count

logger = logging.getLogger(__name__)

DEADLINE_GRACE = GRACE
# Practice mode: tries at a question before its answer is shown anyway.
PRACTICE_TRIES = 3
START_RETRIES = 3


class QuizNotOpen(DomainError):
    status_code = 403


class AttemptLimitReached(DomainError):
    status_code = 409


class AttemptClosed(Conflict):
    """The attempt is submitted or past its deadline: nothing more is saved."""


class EmptyQuiz(DomainError):
    status_code = 409


class AlreadyFlagged(Conflict):
    """The student has an open flag on this question already."""


ALREADY_FLAGGED = "You have already reported this question; your teacher has not dealt with that report yet."


# --- starting -----------------------------------------------------------------


def _candidate(version: QuestionVersion, points: float) -> Candidate:
    return Candidate(version.question_id, version.id, version.type, list(version.options or []), version.answer, points)


def _fixed_candidates(session: Session, quiz: Quiz) -> list[Candidate]:
    """The quiz's fixed approved questions in order, each at its version in force, in one query (a whole class
    presses Start at once: one query per question each was the start's main cost)."""
    rows = session.execute(
        select(QuizQuestion.points, QuestionVersion)
        .join(Question, Question.id == QuizQuestion.question_id)
        .join(
            QuestionVersion,
            (QuestionVersion.question_id == Question.id) & (QuestionVersion.version == Question.current_version),
        )
        .where(QuizQuestion.quiz_id == quiz.id, Question.status == "approved")
        .order_by(QuizQuestion.position)
    )
    return [_candidate(version, points) for points, version in rows]


def _rule_pool(session: Session, rule: QuizRule) -> list[Candidate]:
    return [_candidate(q.latest, rule.points) for q in rule_pool(session, rule)]


def _deadline(session: Session, quiz: Quiz, student: User, started: datetime) -> datetime | None:
    """The attempt's own deadline; the quiz's closing time is not copied in but read as it is then."""
    if not quiz.time_limit_minutes:
        return None
    return own_deadline(started, quiz.time_limit_minutes, extra_time_percent(session, student, quiz))


def open_attempt(session: Session, quiz: Quiz, student: User) -> Attempt | None:
    return session.scalar(
        select(Attempt).where(
            Attempt.quiz_id == quiz.id, Attempt.student_id == student.id, Attempt.status == "in_progress"
        )
    )


def attempts_used(session: Session, quiz: Quiz, student: User) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Attempt)
            .where(Attempt.quiz_id == quiz.id, Attempt.student_id == student.id)
        )
        or 0
    )


def start_attempt(session: Session, quiz_id: int, student: User, *, now: datetime, seed: int | None = None) -> Attempt:
    """Start an attempt, or resume the one in progress (a double click or a second tab gets the same one).

    The attempt limit holds under races: the attempt number is unique per quiz
    and student, so of two simultaneous starts one insert fails and retries,
    finding the other's attempt in progress.
    """
    quiz = quiz_for_student(session, quiz_id, student)
    for _ in range(START_RETRIES):
        current = open_attempt(session, quiz, student)
        if current is not None and not close_if_overdue(session, current, now=now):
            return current
        problem = window_problem(quiz, now)
        if problem:
            raise QuizNotOpen(problem)
        used = attempts_used(session, quiz, student)
        if quiz.attempts_allowed is not None and used >= quiz.attempts_allowed:
            raise AttemptLimitReached(f"You have used all {count(quiz.attempts_allowed, 'attempt')} this quiz allows.")
        attempt = _new_attempt(session, quiz, student, number=used + 1, now=now, seed=seed)
        try:
            with session.begin_nested():
                session.add(attempt)
                session.flush()
        except IntegrityError:
            # Another start won the race for this number; the savepoint's rollback dropped ours.
            continue
        return attempt
    raise Conflict("Starting the quiz collided with another start; please try again.")


def _new_attempt(
    session: Session, quiz: Quiz, student: User, *, number: int, now: datetime, seed: int | None
) -> Attempt:
    fixed = _fixed_candidates(session, quiz)
    rules = [Rule(rule.count, _rule_pool(session, rule), rule.points) for rule in quiz.rules]
    rng = random.Random(seed if seed is not None else secrets.randbits(64))  # noqa: S311 - shuffling, not secrecy
    slots = plan(fixed, rules, rng, shuffle_questions=quiz.shuffle_questions, shuffle_options=quiz.shuffle_options)
    if not slots:
        raise EmptyQuiz("This quiz has no questions yet.")
    attempt = Attempt(
        quiz_id=quiz.id,
        student_id=student.id,
        number=number,
        status="in_progress",
        started_at=now,
        deadline=_deadline(session, quiz, student, now),
        max_score=sum(slot.points for slot in slots),
    )
    for position, slot in enumerate(slots):
        attempt.answers.append(
            AttemptAnswer(
                question_id=slot.candidate.question_id,
                question_version_id=slot.candidate.version_id,
                position=position,
                points=slot.points,
                option_order=slot.option_order,
            )
        )
    return attempt


# --- loading ------------------------------------------------------------------


# Every question page and submit loads the attempt: the statement is built once, not on every request.
# It reads in passing whether the quiz is still open to the student (unpublished, taken away: not).
_ATTEMPT_OF = (
    select(Attempt)
    .join(Attempt.quiz)
    .options(contains_eager(Attempt.quiz), with_expression(Attempt.quiz_open, open_to_student(Attempt.student_id)))
    .where(Attempt.id == bindparam("attempt_id"), Attempt.student_id == bindparam("student_id"))
)
_ATTEMPT_OF_LOCKED = _ATTEMPT_OF.with_for_update(of=Attempt)  # the quiz is joined in; only the attempt row is locked


def attempt_of(session: Session, attempt_id: int, student: User, *, lock: bool = False) -> Attempt:
    """The student's own attempt; NotFound for anyone else's (it must look like one that does not exist)."""
    attempt = session.scalar(
        _ATTEMPT_OF_LOCKED if lock else _ATTEMPT_OF, {"attempt_id": attempt_id, "student_id": student.id}
    )
    if attempt is None:
        raise NotFound("There is no such attempt.")
    return attempt


def attempt_for_owner(session: Session, attempt_id: int, teacher: User) -> Attempt:
    """A finished attempt at one of the teacher's own quizzes; NotFound for any other (the same answer as none)."""
    attempt = session.scalar(
        select(Attempt)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Attempt.id == attempt_id, Quiz.owner_id == teacher.id, Attempt.status != "in_progress")
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


def versions_shown(session: Session, answers: Sequence[AttemptAnswer]) -> dict[int, ShownVersion]:
    """What the student is shown of each answer's question version, by version id (cached per process)."""
    return shown_versions(session, (answer.question_version_id for answer in answers))


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
    return attempt.status != "in_progress" or answer.graded_at is not None


# --- saving and checking ---------------------------------------------------------


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


def _writable(session: Session, attempt_id: int, student: User, now: datetime) -> tuple[Attempt, SaveOutcome | None]:
    attempt = attempt_of(session, attempt_id, student, lock=True)
    if attempt.status != "in_progress":
        raise AttemptClosed("This attempt is already submitted; nothing more can be saved.")
    closed = close_if_overdue(session, attempt, now=now)
    if closed:
        return attempt, SaveOutcome(None, closed=True, message=closed)
    return attempt, None


TIME_UP = (
    "Time is up: this answer was not saved. Your attempt was submitted with the answers saved before the deadline."
)
WITHDRAWN = (
    "This quiz is no longer open to you: this answer was not saved. Your attempt was handed in with the answers "
    "saved before."
)


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

_SAVE_ANSWER = (
    update(AttemptAnswer)
    .where(AttemptAnswer.id == bindparam("answer_id"))
    .values(response=bindparam("new_response"), saved_at=bindparam("now"))
    .execution_options(synchronize_session=False)  # the objects a caller holds are expired instead (below)
)


def save_answer(
    session: Session, attempt_id: int, student: User, position: int, fields: Mapping[str, Any], *, now: datetime
) -> SaveOutcome:
    """Save one answer from its form fields. Saving the same answer again changes nothing.

    Autosave runs this for every change of every answer, so its usual path is two statements: one
    locks the attempt row (as submitting does, so the two never interleave) and reads the answer's
    place in it, the other writes the answer. What the question showed comes from the cache.
    """
    place = session.execute(
        _ANSWER_PLACE, {"attempt_id": attempt_id, "student_id": student.id, "position": position}
    ).one_or_none()
    if (
        place is None
        or place.status != "in_progress"
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


# --- submitting ---------------------------------------------------------------


AWAITING_MARK = "awaiting the teacher's mark"


def graded_or_none(answer: AttemptAnswer) -> Grade | None:
    """The grade of the answer's response, or ``None`` when its question cannot be graded.

    One question that cannot be graded (a key saved before keys were checked, a grader that fails)
    must not stop the rest of the attempt from being graded: it waits for the teacher's mark instead.
    """
    version = answer.question_version
    try:
        return grade(version.type, version.answer, answer.response, options=version.options)
    except Exception:  # any failure of one grader is that one answer's, never the attempt's
        logger.exception("answer %s (question version %s) could not be graded", answer.id, version.id)
        return None


def scored(answer: AttemptAnswer, quiz: Quiz, fraction: float) -> float:
    """The score ``answer`` (of an attempt at ``quiz``) earns for a grade of ``fraction``, by the one rule of
    :func:`~quizapp.attempts.grading.answer_score`: its points, the quiz's mode and penalty, its checks, given up."""
    return answer_score(
        answer.points,
        fraction,
        practice=quiz.mode == "practice",
        checks=answer.checks,
        penalty_percent=quiz.penalty_percent,
        gave_up=bool(answer.gave_up),
    )


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
    if attempt.status != "in_progress":
        return attempt
    if close_if_overdue(session, attempt, now=now):
        return attempt
    _grade_all(session, attempt, now)
    attempt.status = "submitted"
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
    if attempt.status != "in_progress":
        return None
    deadline = attempt.effective_deadline
    if deadline is None or not is_past(deadline, now):
        if _quiz_still_open(session, attempt):
            return None
        return _hand_in_withdrawn(session, attempt, now)
    _grade_all(session, attempt, now)
    attempt.status = "closed_overdue"
    # A closing time moved before the start: the attempt ends where it began.
    attempt.submitted_at = max(deadline, attempt.started_at)
    # Graded without the student submitting: the log says the deadline did it, and with what score. The quiz's
    # owner reads the event, so a student outside their classes is not named.
    student = student_names(session, attempt.quiz.owner, [attempt.student])[attempt.student_id]
    record(
        session,
        None,
        "attempt.close_overdue",
        attempt,
        f"Attempt {attempt.number} of {student} at {quoted(attempt.quiz.title)} closed at its "
        f"deadline and graded with the answers saved: {attempt.score:g} of {attempt.max_score or 0:g}",
        {"student": student, "score": attempt.score, "deadline": deadline},
        actor_name="system (deadline passed)",
    )
    session.flush()
    return TIME_UP


def _hand_in_withdrawn(session: Session, attempt: Attempt, now: datetime) -> str:
    _grade_all(session, attempt, now)
    attempt.status = "submitted"
    attempt.submitted_at = now
    student = student_names(session, attempt.quiz.owner, [attempt.student])[attempt.student_id]
    record(
        session,
        None,
        "attempt.close_overdue",
        attempt,
        f"Attempt {attempt.number} of {student} at {quoted(attempt.quiz.title)} handed in "
        f"when the quiz stopped being open to the student, graded with the answers saved: {attempt.score:g} of "
        f"{attempt.max_score or 0:g}",
        {"student": student, "score": attempt.score, "reason": "quiz no longer open to the student"},
        actor_name="system (quiz withdrawn)",
    )
    session.flush()
    return WITHDRAWN


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
    cutoff = now - DEADLINE_GRACE
    ids = session.scalars(
        select(Attempt.id)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(
            Attempt.status == "in_progress",
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


def preview(session: Session, quiz: Quiz) -> tuple[Attempt, list[AttemptAnswer]]:
    """The quiz as a student would get it, built in memory only (nothing is stored, no attempt counts)."""
    fixed = _fixed_candidates(session, quiz)
    rules = [Rule(rule.count, _rule_pool(session, rule), rule.points) for rule in quiz.rules]
    slots = plan(
        fixed,
        rules,
        random.Random(quiz.id),  # noqa: S311 - a stable shuffle for a preview, not a secret
        shuffle_questions=quiz.shuffle_questions,
        shuffle_options=quiz.shuffle_options,
    )
    versions = {
        v.id: v
        for v in session.scalars(
            select(QuestionVersion).where(QuestionVersion.id.in_([s.candidate.version_id for s in slots]))
        )
    }
    attempt = Attempt(quiz=quiz, status="in_progress", number=0)
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
