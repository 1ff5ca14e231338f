"""What each role's start page shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from quizapp.attempts.models import Attempt
from quizapp.auth.models import User
from quizapp.bank.flags import OpenFlag, count_open_flags, latest_open_flags
from quizapp.bank.models import Question
from quizapp.classes.models import SchoolClass
from quizapp.practice.cards import due_count
from quizapp.quizzes.models import Quiz
from quizapp.quizzes.services import Timing, timings, visible_quizzes
from quizapp.sources.models import SourceDocument
from quizapp.statuses import AttemptStatus, QuestionStatus


@dataclass
class StudentOverview:
    open_quizzes: list[Timing]  # may be started now
    in_progress: list[Attempt]
    recent_results: list[Attempt]
    due_for_review: int = 0
    opening_later: list[Timing] = field(default_factory=list)  # soonest first
    closed: list[Timing] = field(default_factory=list)


@dataclass
class StaffOverview:
    documents: int
    drafts: int
    approved: int
    quizzes: int
    classes: int
    open_flags: int = 0
    latest_flags: list[OpenFlag] = field(default_factory=list)  # newest first, with their text


def student_overview(session: Session, student: User, *, now: datetime, limit: int = 10) -> StudentOverview:
    """Published quizzes the student may see (public, or assigned to one of their classes), split into open
    now, opening later and closed, each with its times and the student's time limit; their attempts; and how
    many questions are due for review (sync the cards first for it to count the latest answers).
    """
    by_state: dict[str, list[Timing]] = {"open": [], "upcoming": [], "closed": []}
    for timing in timings(session, student, visible_quizzes(session, student, limit=50)):
        by_state[timing.state(now)].append(timing)
    attempts: Any = select(Attempt).options(joinedload(Attempt.quiz)).where(Attempt.student_id == student.id)
    in_progress = session.scalars(
        attempts.where(Attempt.status == AttemptStatus.IN_PROGRESS).order_by(Attempt.started_at)
    ).all()
    recent = session.scalars(
        attempts.where(Attempt.status != AttemptStatus.IN_PROGRESS).order_by(Attempt.submitted_at.desc()).limit(limit)
    ).all()
    return StudentOverview(
        by_state["open"],
        list(in_progress),
        list(recent),
        due_count(session, student.id, now=now),
        opening_later=sorted(by_state["upcoming"], key=lambda timing: timing.quiz.opens_at or now),
        closed=by_state["closed"],
    )


def staff_overview(session: Session, teacher: User) -> StaffOverview:
    def count(query: Any) -> int:
        return session.scalar(select(func.count()).select_from(query.subquery())) or 0

    return StaffOverview(
        documents=count(
            select(SourceDocument.id).where(SourceDocument.owner_id == teacher.id, SourceDocument.is_current)
        ),
        drafts=count(
            select(Question.id).where(Question.owner_id == teacher.id, Question.status == QuestionStatus.DRAFT)
        ),
        approved=count(
            select(Question.id).where(Question.owner_id == teacher.id, Question.status == QuestionStatus.APPROVED)
        ),
        quizzes=count(select(Quiz.id).where(Quiz.owner_id == teacher.id)),
        classes=count(select(SchoolClass.id).where(SchoolClass.teacher_id == teacher.id)),
        open_flags=count_open_flags(session, teacher),
        latest_flags=latest_open_flags(session, teacher),
    )
