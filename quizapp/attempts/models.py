"""Attempts at a quiz and the answers saved in them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship

from quizapp.attempts.deadlines import effective_deadline
from quizapp.auth.models import User
from quizapp.bank.models import Question, QuestionVersion
from quizapp.models import JSONType, UTCDateTime, db, one_of, timestamp_column, utcnow
from quizapp.quizzes.models import Quiz
from quizapp.statuses import ATTEMPT_STATUSES, AttemptStatus


class Attempt(db.Model):
    __tablename__ = "attempts"
    __table_args__ = (
        # Two tabs starting "attempt 2" at once: one of them loses on this constraint,
        # which is what makes the attempt limit hold without locks.
        UniqueConstraint("quiz_id", "student_id", "number"),
        CheckConstraint(one_of("status", ATTEMPT_STATUSES), name="status_known"),
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint("deadline IS NULL OR deadline > started_at", name="deadline_after_start"),
        CheckConstraint(
            "(status = 'in_progress' AND submitted_at IS NULL) OR "
            "(status <> 'in_progress' AND submitted_at IS NOT NULL)",
            name="submitted_matches_status",
        ),
        CheckConstraint(
            "score IS NULL OR max_score IS NULL OR (score >= 0 AND score <= max_score)", name="score_range"
        ),
        # A student's history, newest first; a quiz's results; overdue sweeps.
        Index("ix_attempts_student_id_submitted_at", "student_id", "submitted_at"),
        Index("ix_attempts_quiz_id_status", "quiz_id", "status"),
        Index("ix_attempts_status_deadline", "status", "deadline"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"))
    student_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column()
    status: Mapped[str] = mapped_column(String(16), default=AttemptStatus.IN_PROGRESS)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # The attempt's own deadline (time limit and extra time); the quiz's closing time may come first.
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime())
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    score: Mapped[float | None] = mapped_column()
    max_score: Mapped[float | None] = mapped_column()
    created_at: Mapped[datetime] = timestamp_column()

    quiz: Mapped[Quiz] = relationship()
    student: Mapped[User] = relationship()
    answers: Mapped[list[AttemptAnswer]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan", order_by="AttemptAnswer.position"
    )
    # Whether the quiz is still open to the student, read in the same statement as the attempt where it is
    # loaded to be worked on (``loading.attempt_of``); None where it was not read.
    quiz_open: Mapped[bool | None] = query_expression()

    @property
    def effective_deadline(self) -> datetime | None:
        """The deadline in force: the earlier of the attempt's own and the quiz's closing time now."""
        return effective_deadline(self.deadline, self.quiz.closes_at)


class AttemptAnswer(db.Model):
    """One question of an attempt: chosen when the attempt starts, answered and graded later.

    Created for every question at the start (with the option order shown), so
    saving an answer is an update keyed on (attempt, question): idempotent, and
    a retried save cannot create a second row.
    """

    __tablename__ = "attempt_answers"
    __table_args__ = (
        UniqueConstraint("attempt_id", "question_id"),
        UniqueConstraint("attempt_id", "position"),
        CheckConstraint("score IS NULL OR (score >= 0 AND score <= points)", name="score_range"),
        CheckConstraint("checks >= 0", name="checks_non_negative"),
        # An answer waiting for the teacher's mark has no score yet (a provisional total leaves it out).
        CheckConstraint("NOT needs_mark OR score IS NULL", name="awaiting_mark_unscored"),
        # An answer the student gave up on in practice mode earned nothing, and no regrade gives it credit.
        CheckConstraint("NOT gave_up OR score = 0", name="given_up_unscored"),
        # Item analysis reads every answer to one question version.
        Index("ix_attempt_answers_question_version_id", "question_version_id"),
        Index("ix_attempt_answers_question_id", "question_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    # The exact version shown and graded; an edit of the question makes a new version instead.
    question_version_id: Mapped[int] = mapped_column(ForeignKey("question_versions.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column()
    points: Mapped[float] = mapped_column(default=1.0)
    # The order options were shown in, as indexes into the version's options.
    option_order: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    response: Mapped[Any | None] = mapped_column(JSONType)
    saved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Practice mode: the tries the answer was graded over, each check and a submit after wrong checks (each try
    # after the first costs a penalty). Saving an answer never lowers it.
    checks: Mapped[int] = mapped_column(default=0, server_default="0")
    score: Mapped[float | None] = mapped_column()
    graded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    feedback: Mapped[str | None] = mapped_column(String(2000))
    # Grading could not mark it (a key the grader refuses, a grader that failed): the teacher marks it by hand.
    needs_mark: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Practice mode: the student asked to see the answer ("give up") instead of answering it.
    gave_up: Mapped[bool] = mapped_column(default=False, server_default=false())
    # When a regrade or the teacher's mark last changed the score after grading: practice cards built
    # from the answer before then are rebuilt (see practice.cards).
    rescored_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The student flagged it to come back to before submitting (shown on the question numbers).
    flagged_for_later: Mapped[bool] = mapped_column(default=False, server_default=false())

    attempt: Mapped[Attempt] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()
    question_version: Mapped[QuestionVersion] = relationship()
