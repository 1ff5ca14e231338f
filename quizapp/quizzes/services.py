"""Assembling quizzes from the bank."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.bank.models import Question
from quizapp.classes.models import ClassMember
from quizapp.exceptions import NotFound
from quizapp.quizzes.models import Quiz, QuizAssignment, QuizQuestion


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
    if any(q.status != "approved" for q in questions):
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


def _assigned_to_student(student_id: Any):  # type: ignore[no-untyped-def]
    my_classes = select(ClassMember.class_id).where(ClassMember.user_id == student_id)
    return select(QuizAssignment.quiz_id).where(QuizAssignment.class_id.in_(my_classes))


def _open_to(student_id: Any):  # type: ignore[no-untyped-def]
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


def quiz_for_student(session: Session, quiz_id: int, student: User) -> Quiz:
    """The quiz if the student may see it; NotFound otherwise (the same answer as for a quiz that does not exist).

    A student may also take their own personal practice quizzes, and nobody else's.
    """
    quiz = session.scalar(select(Quiz).where(Quiz.id == quiz_id, open_to_student(student.id)))
    if quiz is None:
        raise NotFound("There is no such quiz, or it is not open to you.")
    return quiz


def extra_time_percent(session: Session, student: User, quiz: Quiz) -> int:
    """The most extra time any of the student's classes that were given this quiz grants them."""
    value = session.scalar(
        select(func.max(ClassMember.extra_time_percent))
        .join(QuizAssignment, QuizAssignment.class_id == ClassMember.class_id)
        .where(ClassMember.user_id == student.id, QuizAssignment.quiz_id == quiz.id)
    )
    return int(value or 0)


def window_problem(quiz: Quiz, now: datetime) -> str | None:
    """Why the quiz cannot be started now, or None when it can."""
    if quiz.opens_at is not None and now < quiz.opens_at:
        return f"This quiz opens on {quiz.opens_at:%d %B %Y at %H:%M} UTC."
    if quiz.closes_at is not None and now >= quiz.closes_at:
        return f"This quiz closed on {quiz.closes_at:%d %B %Y at %H:%M} UTC."
    return None
