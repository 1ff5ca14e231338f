"""What each role's start page shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from quizapp.attempts.models import Attempt
from quizapp.auth.models import User
from quizapp.bank.models import Question
from quizapp.classes.models import SchoolClass
from quizapp.practice.cards import due_count
from quizapp.quizzes.models import Quiz
from quizapp.quizzes.services import visible_quizzes
from quizapp.sources.models import SourceDocument


@dataclass
class StudentOverview:
    open_quizzes: list[Quiz]
    in_progress: list[Attempt]
    recent_results: list[Attempt]
    due_for_review: int = 0


@dataclass
class StaffOverview:
    documents: int
    drafts: int
    approved: int
    quizzes: int
    classes: int


def student_overview(session: Session, student: User, *, now: datetime, limit: int = 10) -> StudentOverview:
    """Published quizzes open to the student (public, or assigned to one of their classes), their attempts,
    and how many questions are due for review (sync the cards first for it to count the latest answers).
    """
    quizzes = visible_quizzes(session, student, limit=50)
    attempts: Any = select(Attempt).options(joinedload(Attempt.quiz)).where(Attempt.student_id == student.id)
    in_progress = session.scalars(attempts.where(Attempt.status == "in_progress").order_by(Attempt.started_at)).all()
    recent = session.scalars(
        attempts.where(Attempt.status != "in_progress").order_by(Attempt.submitted_at.desc()).limit(limit)
    ).all()
    return StudentOverview(list(quizzes), list(in_progress), list(recent), due_count(session, student.id, now=now))


def staff_overview(session: Session, teacher: User) -> StaffOverview:
    def count(query: Any) -> int:
        return session.scalar(select(func.count()).select_from(query.subquery())) or 0

    return StaffOverview(
        documents=count(
            select(SourceDocument.id).where(SourceDocument.owner_id == teacher.id, SourceDocument.is_current)
        ),
        drafts=count(select(Question.id).where(Question.owner_id == teacher.id, Question.status == "draft")),
        approved=count(select(Question.id).where(Question.owner_id == teacher.id, Question.status == "approved")),
        quizzes=count(select(Quiz.id).where(Quiz.owner_id == teacher.id)),
        classes=count(select(SchoolClass.id).where(SchoolClass.teacher_id == teacher.id)),
    )
