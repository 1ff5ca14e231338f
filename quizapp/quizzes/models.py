"""Quizzes: their settings, their questions or selection rules, and the classes they are assigned to."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.auth.models import User
from quizapp.bank.models import QUESTION_TYPES, Question
from quizapp.classes.models import SchoolClass
from quizapp.models import UTCDateTime, db, one_of, timestamp_column
from quizapp.sources.models import SourceDocument

QUIZ_MODES = ("practice", "exam")
SCORE_POLICIES = ("best", "last", "average")
LAYOUTS = ("one_per_page", "all_on_one_page")
VISIBILITIES = ("class", "public")
# A student's own practice quizzes (practice feature): one per student and kind, refilled per session.
PERSONAL_KINDS = ("review", "mistakes")


class Quiz(db.Model):
    __tablename__ = "quizzes"
    __table_args__ = (
        CheckConstraint(one_of("mode", QUIZ_MODES), name="mode_known"),
        CheckConstraint(one_of("score_policy", SCORE_POLICIES), name="score_policy_known"),
        CheckConstraint(one_of("layout", LAYOUTS), name="layout_known"),
        CheckConstraint(one_of("visibility", VISIBILITIES), name="visibility_known"),
        CheckConstraint("time_limit_minutes IS NULL OR time_limit_minutes > 0", name="time_limit_positive"),
        CheckConstraint("attempts_allowed IS NULL OR attempts_allowed > 0", name="attempts_allowed_positive"),
        CheckConstraint("opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at", name="window_ordered"),
        CheckConstraint("penalty_percent >= 0 AND penalty_percent <= 100", name="penalty_range"),
        # "IS NOT NULL" spelled out: a CHECK that comes out NULL (an IN over a NULL) lets the row through.
        CheckConstraint(
            "(personal_for_id IS NULL AND personal_kind IS NULL) OR (personal_for_id IS NOT NULL AND "
            f"personal_kind IS NOT NULL AND {one_of('personal_kind', PERSONAL_KINDS)})",
            name="personal_kind_known",
        ),
        # Every list of quizzes a teacher or another student sees filters on the owner or on
        # being published: a personal quiz, ownerless and never published, falls out of all of them.
        CheckConstraint("personal_for_id IS NULL OR (owner_id IS NULL AND NOT is_published)", name="personal_private"),
        UniqueConstraint("personal_for_id", "personal_kind"),
        Index("ix_quizzes_owner_id", "owner_id"),
        Index("ix_quizzes_is_published_visibility", "is_published", "visibility"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    mode: Mapped[str] = mapped_column(String(16), default="practice")
    time_limit_minutes: Mapped[int | None] = mapped_column()
    attempts_allowed: Mapped[int | None] = mapped_column()  # None: unlimited
    score_policy: Mapped[str] = mapped_column(String(16), default="best")
    shuffle_questions: Mapped[bool] = mapped_column(default=True)
    shuffle_options: Mapped[bool] = mapped_column(default=True)
    layout: Mapped[str] = mapped_column(String(20), default="one_per_page")
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Practice mode: share of a question's marks lost per extra try.
    penalty_percent: Mapped[int] = mapped_column(default=10, server_default="10")
    # What a student sees after submitting.
    review_show_score: Mapped[bool] = mapped_column(default=True)
    review_show_answers: Mapped[bool] = mapped_column(default=True)
    review_show_explanations: Mapped[bool] = mapped_column(default=True)
    review_show_sources: Mapped[bool] = mapped_column(default=True)
    visibility: Mapped[str] = mapped_column(String(16), default="class")
    is_published: Mapped[bool] = mapped_column(default=False)
    # When the item analysis last looked for weak questions after the quiz closed (so it runs once per closing).
    weak_check_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Set for a student's own practice quiz (due for review, my mistakes): only they may see it.
    personal_for_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    personal_kind: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = timestamp_column()

    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id])
    questions: Mapped[list[QuizQuestion]] = relationship(
        back_populates="quiz", cascade="all, delete-orphan", order_by="QuizQuestion.position"
    )
    rules: Mapped[list[QuizRule]] = relationship(back_populates="quiz", cascade="all, delete-orphan")


class QuizQuestion(db.Model):
    """A question fixed in a quiz, at a position, worth some points."""

    __tablename__ = "quiz_questions"
    __table_args__ = (
        UniqueConstraint("quiz_id", "question_id"),
        CheckConstraint("points > 0", name="points_positive"),
        Index("ix_quiz_questions_question_id", "question_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    points: Mapped[float] = mapped_column(default=1.0)

    quiz: Mapped[Quiz] = relationship(back_populates="questions")
    question: Mapped[Question] = relationship()


class QuizRule(db.Model):
    """ "N random approved questions from this document / of this type / with this tag"."""

    __tablename__ = "quiz_rules"
    __table_args__ = (
        CheckConstraint("count > 0", name="count_positive"),
        CheckConstraint(f"question_type IS NULL OR {one_of('question_type', QUESTION_TYPES)}", name="type_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"))
    count: Mapped[int] = mapped_column()
    document_id: Mapped[int | None] = mapped_column(ForeignKey("source_documents.id", ondelete="CASCADE"))
    question_type: Mapped[str | None] = mapped_column(String(20))
    tag: Mapped[str | None] = mapped_column(String(60))
    points: Mapped[float] = mapped_column(default=1.0)

    quiz: Mapped[Quiz] = relationship(back_populates="rules")
    document: Mapped[SourceDocument | None] = relationship()


class QuizAssignment(db.Model):
    __tablename__ = "quiz_assignments"
    __table_args__ = (UniqueConstraint("quiz_id", "class_id"), Index("ix_quiz_assignments_class_id", "class_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"))
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    assigned_at: Mapped[datetime] = timestamp_column()

    quiz: Mapped[Quiz] = relationship()
    school_class: Mapped[SchoolClass] = relationship()
