"""A student's score history: every finished attempt, the scores over time, and mastery per document and tag.

Three queries whatever the number of attempts: the attempts, the graded answers by
document, the graded answers by tag. What a quiz hides from students after submitting
(its score) stays hidden here too when ``for_student`` is set: those attempts are listed
without a score and count toward neither the chart nor mastery.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.bank.models import Question, Tag, question_tags
from quizapp.history import stats
from quizapp.quizzes.models import Quiz
from quizapp.sources.models import SourceDocument
from quizapp.statuses import FINISHED


@dataclass(frozen=True)
class AttemptRow:
    attempt_id: int
    quiz_id: int
    quiz_title: str
    number: int
    status: str
    started_at: datetime
    submitted_at: datetime
    score: float | None  # None: the quiz does not show its score to the student
    max_score: float | None

    @property
    def percent(self) -> float | None:
        if self.score is None or not self.max_score:
            return None
        return round(100.0 * self.score / self.max_score, 1)

    @property
    def seconds_taken(self) -> float:
        return max(0.0, (self.submitted_at - self.started_at).total_seconds())


@dataclass(frozen=True)
class Mastery:
    label: str
    share: float  # recency-weighted share of marks earned, 0..1
    answers: int  # graded answers behind it


@dataclass(frozen=True)
class StudentHistory:
    attempts: list[AttemptRow]  # newest first
    by_document: list[Mastery]
    by_tag: list[Mastery]

    @property
    def chart_points(self) -> list[tuple[datetime, float]]:
        """(when, percent) of every attempt with a visible score, oldest first."""
        return [(row.submitted_at, row.percent) for row in reversed(self.attempts) if row.percent is not None]


def _attempts_query(student_id: int, quiz_owner_id: int | None) -> Select[Any]:
    query = (
        select(
            Attempt.id,
            Attempt.quiz_id,
            Quiz.title,
            Attempt.number,
            Attempt.status,
            Attempt.started_at,
            Attempt.submitted_at,
            Attempt.score,
            Attempt.max_score,
            Quiz.review_show_score,
        )
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Attempt.student_id == student_id, Attempt.status.in_(FINISHED))
        .order_by(Attempt.submitted_at.desc(), Attempt.id.desc())
    )
    if quiz_owner_id is not None:
        query = query.where(Quiz.owner_id == quiz_owner_id)
    return query


def _graded_answers(student_id: int, quiz_owner_id: int | None, for_student: bool) -> Select[Any]:
    query = (
        select(AttemptAnswer.score, AttemptAnswer.points, Attempt.submitted_at, AttemptAnswer.question_id)
        .join(Attempt, Attempt.id == AttemptAnswer.attempt_id)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(
            Attempt.student_id == student_id,
            Attempt.status.in_(FINISHED),
            AttemptAnswer.score.is_not(None),
            AttemptAnswer.points > 0,
        )
    )
    if for_student:
        query = query.where(Quiz.review_show_score.is_(True))
    if quiz_owner_id is not None:
        query = query.where(Quiz.owner_id == quiz_owner_id)
    return query


def _mastery(groups: dict[tuple[object, str], list[tuple[datetime, float]]], now: datetime) -> list[Mastery]:
    found = []
    for (_, label), results in groups.items():
        share = stats.mastery(results, now)
        if share is not None:
            found.append(Mastery(label, share, len(results)))
    # Weakest first: that is what a student should practise next.
    return sorted(found, key=lambda m: (m.share, m.label))


def _grouped(rows: Iterable[Any]) -> dict[tuple[object, str], list[tuple[datetime, float]]]:
    """Results by (what identifies the group, its label): two documents may share a title."""
    groups: dict[tuple[object, str], list[tuple[datetime, float]]] = defaultdict(list)
    for key, label, score, points, when in rows:
        groups[(key, label)].append((when, score / points))
    return groups


def student_history(
    session: Session,
    student_id: int,
    *,
    now: datetime,
    for_student: bool = True,
    quiz_owner_id: int | None = None,
) -> StudentHistory:
    """The student's finished attempts (newest first) and mastery per document and per tag.

    ``for_student``: hide scores the quiz keeps from students. ``quiz_owner_id``: only
    attempts at that teacher's quizzes (what a teacher may see of a student).
    """
    rows = session.execute(_attempts_query(student_id, quiz_owner_id)).all()
    attempts = [
        AttemptRow(
            attempt_id=row.id,
            quiz_id=row.quiz_id,
            quiz_title=row.title,
            number=row.number,
            status=row.status,
            started_at=row.started_at,
            submitted_at=row.submitted_at,
            score=row.score if (row.review_show_score or not for_student) else None,
            max_score=row.max_score if (row.review_show_score or not for_student) else None,
        )
        for row in rows
    ]
    answers = _graded_answers(student_id, quiz_owner_id, for_student).subquery()
    by_document = session.execute(
        select(SourceDocument.id, SourceDocument.title, answers.c.score, answers.c.points, answers.c.submitted_at)
        .join(Question, Question.id == answers.c.question_id)
        .join(SourceDocument, SourceDocument.id == Question.document_id)
    ).all()
    by_tag = session.execute(
        # a tag is grouped by its name: two teachers' "Reformation" tags are one subject to their student
        select(Tag.name, Tag.name, answers.c.score, answers.c.points, answers.c.submitted_at)
        .join(question_tags, question_tags.c.question_id == answers.c.question_id)
        .join(Tag, Tag.id == question_tags.c.tag_id)
    ).all()
    return StudentHistory(attempts, _mastery(_grouped(by_document), now), _mastery(_grouped(by_tag), now))


def format_duration(seconds: float) -> str:
    """'1 h 05 min', '12 min 30 s', '45 s'."""
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs:02d} s"
    return f"{secs} s"
