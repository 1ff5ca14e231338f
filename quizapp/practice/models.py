"""A spaced-repetition card per student and question: when to see it again, and fsrs's memory model of it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.bank.models import Question
from quizapp.models import UTCDateTime, db, timestamp_column


class ReviewCard(db.Model):
    """Made from the student's graded answers (``practice.services.sync_cards``), never typed in.

    A card exists only once it has been reviewed at least once, so its memory
    model and last review are never empty.
    """

    __tablename__ = "review_cards"
    __table_args__ = (
        UniqueConstraint("student_id", "question_id"),
        # fsrs's states: 1 learning, 2 review, 3 relearning.
        CheckConstraint("state IN (1, 2, 3)", name="state_known"),
        CheckConstraint("stability > 0", name="stability_positive"),
        CheckConstraint("difficulty >= 1 AND difficulty <= 10", name="difficulty_range"),
        CheckConstraint("reps >= 1 AND lapses >= 0 AND lapses < reps", name="counts_valid"),
        CheckConstraint("due > last_review", name="due_after_review"),
        # "What is due for this student", oldest first.
        Index("ix_review_cards_student_id_due", "student_id", "due"),
        # Deleting a question removes its cards.
        Index("ix_review_cards_question_id", "question_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    due: Mapped[datetime] = mapped_column(UTCDateTime())
    stability: Mapped[float] = mapped_column()
    difficulty: Mapped[float] = mapped_column()
    state: Mapped[int] = mapped_column()
    step: Mapped[int | None] = mapped_column()
    last_review: Mapped[datetime] = mapped_column(UTCDateTime())
    reps: Mapped[int] = mapped_column(default=1)
    lapses: Mapped[int] = mapped_column(default=0)
    # The latest rescoring (``AttemptAnswer.rescored_at``) among the answers the card was built from:
    # a later one means a regrade or a teacher's mark changed a score the card holds.
    rescored_through: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = timestamp_column()

    question: Mapped[Question] = relationship()
