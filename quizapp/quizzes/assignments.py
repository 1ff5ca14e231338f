"""Quizzes given to classes: assigning, taking away, and what each class has.

Plain functions on an explicit SQLAlchemy session; the caller commits. A teacher gives only their own
quizzes to their own classes; anything else is the same NotFound as an id that does not exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, contains_eager

from quizapp.audit.services import quoted, record
from quizapp.auth.models import User
from quizapp.classes.models import SchoolClass
from quizapp.classes.services import NO_SUCH_CLASS
from quizapp.exceptions import NotFound
from quizapp.quizzes.models import Quiz, QuizAssignment
from quizapp.quizzes.services import NO_SUCH_QUIZ


def assign_quiz(session: Session, school_class: SchoolClass, quiz: Quiz, teacher: User) -> QuizAssignment:
    """Give the teacher's own quiz to their class; assigning twice returns the first assignment."""
    if school_class.teacher_id != teacher.id:
        raise NotFound(NO_SUCH_CLASS)
    if quiz.owner_id != teacher.id:
        raise NotFound(NO_SUCH_QUIZ)
    query = select(QuizAssignment).where(QuizAssignment.class_id == school_class.id, QuizAssignment.quiz_id == quiz.id)
    existing = session.scalar(query)
    if existing is not None:
        return existing
    assignment = QuizAssignment(class_id=school_class.id, quiz_id=quiz.id)
    session.add(assignment)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        existing = session.scalar(query)
        if existing is None:
            raise
        return existing
    return assignment


def unassign_quiz(session: Session, school_class: SchoolClass, quiz_id: int, *, actor: User) -> bool:
    """Take a quiz away from the class; False when it was not assigned (nothing to do). Attempts stay."""
    result = session.execute(
        delete(QuizAssignment).where(QuizAssignment.class_id == school_class.id, QuizAssignment.quiz_id == quiz_id)
    )
    removed = bool(result.rowcount)
    if removed:
        quiz = session.get(Quiz, quiz_id)
        title = quoted(quiz.title) if quiz is not None else f"{quiz_id}"
        record(
            session,
            actor,
            "class.quiz_unassign",
            school_class,
            f"Took quiz {title} away from class {quoted(school_class.name)}",
            {"quiz": quiz_id},
        )
    session.flush()
    return removed


def assigned_quizzes(session: Session, school_class: SchoolClass) -> Sequence[QuizAssignment]:
    """The class's assignments with their quizzes loaded, by quiz title."""
    return session.scalars(
        select(QuizAssignment)
        .join(QuizAssignment.quiz)
        .options(contains_eager(QuizAssignment.quiz))
        .where(QuizAssignment.class_id == school_class.id)
        .order_by(Quiz.title, Quiz.id)
    ).all()


def quiz_counts(session: Session, class_ids: Iterable[int]) -> dict[int, int]:
    """How many quizzes each of these classes has, by class id (0 for none; one query)."""
    wanted = set(class_ids)
    counts = dict.fromkeys(wanted, 0)
    if wanted:
        rows = session.execute(
            select(QuizAssignment.class_id, func.count(QuizAssignment.id))
            .where(QuizAssignment.class_id.in_(wanted))
            .group_by(QuizAssignment.class_id)
        )
        counts.update({class_id: int(n) for class_id, n in rows})
    return counts
