"""Assembling quizzes from the bank."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, Select, and_, bindparam, func, inspect, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from quizapp.auth.models import User
from quizapp.auth.signed_in import SignedInUser, confirm_from, fold_login, login_parameters
from quizapp.bank.models import Question, Tag
from quizapp.classes.models import ClassMember
from quizapp.exceptions import NotFound
from quizapp.quizzes.models import Quiz, QuizAssignment, QuizQuestion, QuizRule
from quizapp.quizzes.timing import time_allowed
from quizapp.statuses import QuestionStatus, QuizWindow

NO_SUCH_QUIZ = "There is no such quiz, or it is not yours."


def quizzes_of_teacher(session: Session, teacher: User) -> Sequence[Quiz]:
    """The teacher's own quizzes, by title."""
    return session.scalars(select(Quiz).where(Quiz.owner_id == teacher.id).order_by(Quiz.title, Quiz.id)).all()


def quiz_of_teacher(session: Session, quiz_id: int, teacher: User) -> Quiz:
    """The teacher's own quiz with this id; NotFound for any other."""
    quiz = session.scalar(select(Quiz).where(Quiz.id == quiz_id, Quiz.owner_id == teacher.id))
    if quiz is None:
        raise NotFound(NO_SUCH_QUIZ)
    return quiz


def find_quiz_by_title(session: Session, owner: User, title: str) -> Quiz | None:
    return session.scalar(select(Quiz).where(Quiz.owner_id == owner.id, Quiz.title == title))


def create_fixed_quiz(
    session: Session,
    owner: User,
    *,
    title: str,
    questions: Sequence[Question],
    description: str = "",
    mode: str = "practice",
    visibility: str = "class",
    publish: bool = False,
) -> Quiz:
    """A quiz over a fixed list of approved questions, in the given order."""
    if any(q.status != QuestionStatus.APPROVED for q in questions):
        raise ValueError("only approved questions can go into a quiz")
    quiz = Quiz(
        owner_id=owner.id,
        title=title,
        description=description,
        mode=mode,
        visibility=visibility,
        is_published=publish,
    )
    for position, question in enumerate(questions):
        quiz.questions.append(QuizQuestion(question_id=question.id, position=position))
    session.add(quiz)
    session.flush()
    return quiz


def _assigned_to_student(student_id: Any):
    my_classes = select(ClassMember.class_id).where(ClassMember.user_id == student_id)
    column = getattr(student_id, "__clause_element__", None)
    table = getattr(column(), "table", None) if column is not None else None  # a bound parameter has none
    if table is not None:
        # A column (Attempt.student_id) of the query two levels up: correlate to it there. Left to itself
        # SQLAlchemy correlates only one level up, adds attempts to this FROM, and the quiz would count as
        # open while any attempt's student is in one of its classes.
        my_classes = my_classes.correlate(table)
    return select(QuizAssignment.quiz_id).where(QuizAssignment.class_id.in_(my_classes))


def _open_to(student_id: Any):
    """Teachers' published quizzes that are public or given to one of the student's classes.

    Personal practice quizzes are never published (a constraint), so they are not among them.
    """
    return and_(
        Quiz.personal_for_id.is_(None),
        Quiz.is_published,
        or_(Quiz.visibility == "public", Quiz.id.in_(_assigned_to_student(student_id))),
    )


def visible_quizzes(session: Session, student: User, *, limit: int = 100) -> Sequence[Quiz]:
    """Published quizzes a student may see: public ones and those assigned to one of their classes."""
    return session.scalars(
        select(Quiz).where(_open_to(student.id)).order_by(Quiz.created_at.desc(), Quiz.id.desc()).limit(limit)
    ).all()


def open_to_student(student_id: Any) -> ColumnElement[bool]:
    """SQL: the quiz (``Quiz``) is one the student may take: open to them, or their own personal practice quiz.

    ``student_id`` is a value or a column (``Attempt.student_id``: true while the attempt's quiz is still open to
    its student; unpublishing it, taking it from the class or the student from the class makes it false).
    """
    # "IS NOT NULL AND": never NULL, so that NOT of it is true for a quiz that is no longer open.
    return or_(_open_to(student_id), and_(Quiz.personal_for_id.is_not(None), Quiz.personal_for_id == student_id))


# The same answer for a quiz that does not exist and for one the student may not see.
NOT_OPEN = "There is no such quiz, or it is not open to you."


def quiz_for_student(session: Session, quiz_id: int, student: User) -> Quiz:
    """The quiz if the student may see it; NotFound otherwise (the same answer as for a quiz that does not exist).

    A student may also take their own personal practice quizzes, and nobody else's.
    """
    quiz = session.scalar(select(Quiz).where(Quiz.id == quiz_id, open_to_student(student.id)))
    if quiz is None:
        raise NotFound(NOT_OPEN)
    return quiz


@dataclass(frozen=True)
class QuizToStart:
    """A quiz a student may start, with the most extra time their classes that were given it grant them, and
    the values of the caller's own columns (``StartQuery``) in the order given."""

    quiz: Quiz
    extra_percent: int
    extra: tuple[Any, ...] = ()


@dataclass(frozen=True)
class StartQuery:
    """``quiz_to_start``'s statement with a caller's columns added (scalar subqueries correlated to ``Quiz`` that
    may use the ``student_id`` parameter), plain and with a pending login folded in; build it once per process."""

    plain: Select[Any]
    confirming: Select[Any]
    extra_columns: int  # the confirming row carries the login check's columns after them

    @classmethod
    def adding(cls, *columns: ColumnElement[Any]) -> StartQuery:
        plain = _QUIZ_TO_START.add_columns(*columns)
        return cls(plain, fold_login(plain, bindparam("student_id")), len(columns))


def quiz_to_start(session: Session, quiz_id: int, student: User | SignedInUser, query: StartQuery) -> QuizToStart:
    """``quiz_for_student`` for a start, in one row: whether the quiz has random-question rules (a quiz without
    any, most, has its empty list set, so that planning the sitting reads no rules), the student's extra time
    and the values of ``query``'s own columns (a whole class presses Start at once: each statement saved is one
    round trip per student). A pending login (``login_in_first_query``) is checked by the same query
    (LoginUnconfirmed when it finds nothing)."""
    parameters = {"quiz_id": quiz_id, "student_id": student.id}
    if isinstance(student, SignedInUser) and student.pending:
        row = session.execute(query.confirming, parameters | login_parameters(student)).first()
        row = confirm_from(student, row)
    else:
        row = session.execute(query.plain, parameters).first()
    if row is None:
        raise NotFound(NOT_OPEN)
    quiz, has_rules, extra_percent = row[0], row[1], row[2]
    if not has_rules and "rules" not in inspect(quiz).dict:
        set_committed_value(quiz, "rules", [])
    return QuizToStart(quiz, int(extra_percent or 0), tuple(row[3 : 3 + query.extra_columns]))


def _extra_percent(student_id: Any) -> ScalarSelect[Any]:
    """SQL: the most extra time (percent, or NULL) the student's classes that were given the quiz grant them."""
    return (
        select(func.max(ClassMember.extra_time_percent))
        .join(QuizAssignment, QuizAssignment.class_id == ClassMember.class_id)
        .where(ClassMember.user_id == student_id, QuizAssignment.quiz_id == Quiz.id)
        .scalar_subquery()
    )


# A start's statements, built once per process: building them per request (their dozens of comparisons, and the
# cache key SQLAlchemy computes for each new statement object) was a tenth of a start's Python calls.
_QUIZ_TO_START = select(
    Quiz, select(QuizRule.id).where(QuizRule.quiz_id == Quiz.id).exists(), _extra_percent(bindparam("student_id"))
).where(Quiz.id == bindparam("quiz_id"), open_to_student(bindparam("student_id")))


def extra_time_by_quiz(session: Session, student: User, quiz_ids: Iterable[int]) -> dict[int, int]:
    """For each of these quizzes given to one of the student's classes, the most extra time (percent) those
    classes grant the student, in one query; quizzes without any are left out."""
    rows = session.execute(
        select(QuizAssignment.quiz_id, func.max(ClassMember.extra_time_percent))
        .join(ClassMember, ClassMember.class_id == QuizAssignment.class_id)
        .where(ClassMember.user_id == student.id, QuizAssignment.quiz_id.in_(list(quiz_ids)))
        .group_by(QuizAssignment.quiz_id)
    )
    return {quiz_id: int(percent or 0) for quiz_id, percent in rows}


@dataclass(frozen=True)
class Timing:
    """When a quiz is open to one student, and how long an attempt of theirs may last."""

    quiz: Quiz
    extra_percent: int = 0

    @property
    def allowed(self) -> timedelta | None:
        return time_allowed(self.quiz.time_limit_minutes, self.extra_percent)

    def state(self, now: datetime) -> QuizWindow:
        """The quiz's state at ``now``: upcoming before it opens, closed once it has closed, else open."""
        problem = window_problem(self.quiz, now)
        return problem.kind if problem is not None else QuizWindow.OPEN


def timings(session: Session, student: User, quizzes: Sequence[Quiz]) -> list[Timing]:
    """Each quiz's timing for the student (their extra time looked up in one query for all)."""
    extra = extra_time_by_quiz(session, student, [quiz.id for quiz in quizzes])
    return [Timing(quiz, extra.get(quiz.id, 0)) for quiz in quizzes]


@dataclass(frozen=True)
class WindowProblem:
    """Why a quiz cannot be started: it opens later (``at`` its opening) or has closed (``at`` its closing).

    Pages say it with ``at`` in the reader's own zone (the ``window_refusal`` macro of ``_timing.html``);
    ``str()`` is the same sentence in UTC, for JSON answers and logs, which have no reader's zone.
    """

    kind: QuizWindow  # UPCOMING or CLOSED
    at: datetime

    @property
    def verb(self) -> str:
        return "opens" if self.kind == QuizWindow.UPCOMING else "closed"

    def __str__(self) -> str:
        return f"This quiz {self.verb} on {self.at.astimezone(UTC):%d %B %Y at %H:%M} UTC."


def window_problem(quiz: Quiz, now: datetime) -> WindowProblem | None:
    """Why the quiz cannot be started at ``now``, or None when it can."""
    if quiz.opens_at is not None and now < quiz.opens_at:
        return WindowProblem(QuizWindow.UPCOMING, quiz.opens_at)
    if quiz.closes_at is not None and now >= quiz.closes_at:
        return WindowProblem(QuizWindow.CLOSED, quiz.closes_at)
    return None


# --- random-pick rules ---------------------------------------------------------


def rule_pool(session: Session, rule: QuizRule) -> list[Question]:
    """The approved questions a rule may pick from (with their versions): only the quiz owner's own
    (another teacher's bank is theirs), of the rule's document, tag and type."""
    query = (
        select(Question)
        .options(selectinload(Question.versions))
        .where(Question.status == QuestionStatus.APPROVED, Question.owner_id == rule.quiz.owner_id)
        .order_by(Question.id)
    )
    if rule.document_id is not None:
        query = query.where(Question.document_id == rule.document_id)
    if rule.tag:
        query = query.where(Question.tags.any(Tag.name == rule.tag))
    questions = session.scalars(query).all()
    if rule.question_type:
        return [q for q in questions if q.latest.type == rule.question_type]
    return list(questions)
