"""The question bank: questions, their versions, sources, tags and flags.

A ``Question`` is the stable identity a teacher reviews; its content lives in
``QuestionVersion`` rows. Editing adds a version, and attempts point at the
version they were graded on, so an edit never rewrites a past grade.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.auth.models import User
from quizapp.models import JSONType, UTCDateTime, db, one_of, timestamp_column
from quizapp.question_types import ORDERING_GRADINGS, QUESTION_TYPES
from quizapp.sources.models import SourceDocument
from quizapp.statuses import JOB_STATUSES, QUESTION_STATUSES, JobStatus, QuestionStatus

QUESTION_ORIGINS = ("generated", "authored", "imported")
FLAG_KINDS = ("wrong", "unclear", "other")


question_tags = Table(
    "question_tags",
    db.Model.metadata,
    Column("question_id", ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_question_tags_tag_id", "tag_id"),
)


class Tag(db.Model):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)


class Question(db.Model):
    __tablename__ = "questions"
    __table_args__ = (
        CheckConstraint(one_of("status", QUESTION_STATUSES), name="status_known"),
        CheckConstraint(one_of("origin", QUESTION_ORIGINS), name="origin_known"),
        CheckConstraint("current_version >= 1", name="current_version_positive"),
        Index("ix_questions_status", "status"),
        Index("ix_questions_owner_id_status", "owner_id", "status"),
        Index("ix_questions_document_id", "document_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # The document it was generated from or filed under (optional for authored ones).
    document_id: Mapped[int | None] = mapped_column(ForeignKey("source_documents.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(
        String(16), default=QuestionStatus.DRAFT, server_default=QuestionStatus.DRAFT.value
    )
    origin: Mapped[str] = mapped_column(String(16), default="generated")
    current_version: Mapped[int] = mapped_column(default=1, server_default="1")
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    review_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = timestamp_column()

    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id])
    reviewed_by: Mapped[User | None] = relationship(foreign_keys=[reviewed_by_id])
    document: Mapped[SourceDocument | None] = relationship()
    versions: Mapped[list[QuestionVersion]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="QuestionVersion.version"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=question_tags)
    flags: Mapped[list[QuestionFlag]] = relationship(back_populates="question", cascade="all, delete-orphan")

    @property
    def latest(self) -> QuestionVersion:
        """The version in force (the one a new attempt would use)."""
        for version in self.versions:
            if version.version == self.current_version:
                return version
        raise LookupError(f"question {self.id} has no version {self.current_version}")


class QuestionVersion(db.Model):
    """The content of a question at one version. Never edited once an attempt uses it."""

    __tablename__ = "question_versions"
    __table_args__ = (
        UniqueConstraint("question_id", "version"),
        CheckConstraint(one_of("type", QUESTION_TYPES), name="type_known"),
        CheckConstraint("version >= 1", name="version_positive"),
        CheckConstraint("confidence IS NULL OR (confidence >= 0 AND confidence <= 1)", name="confidence_range"),
        CheckConstraint("difficulty IS NULL OR (difficulty >= 0 AND difficulty <= 1)", name="difficulty_range"),
        CheckConstraint("length(prompt) > 0", name="prompt_not_empty"),
        CheckConstraint(
            f"ordering_grading IS NULL OR (type = 'ordering' AND {one_of('ordering_grading', ORDERING_GRADINGS)})",
            name="ordering_grading_known",
        ),
        # Moodle's "case matters" belongs to short answers alone.
        CheckConstraint("NOT case_sensitive OR type = 'fill_in'", name="case_sensitive_fill_in_only"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column()
    type: Mapped[str] = mapped_column(String(20))
    prompt: Mapped[str] = mapped_column(Text)
    # Shapes by type are checked by quizapp.bank.content.validate_content before a row is written.
    options: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    answer: Mapped[Any] = mapped_column(JSONType)
    explanation: Mapped[str] = mapped_column(Text, default="")
    # How an ordering question is graded (Moodle's grading types); None (and any other type) grades by the
    # longest ordered subset, as every ordering question written before the choice existed.
    ordering_grading: Mapped[str | None] = mapped_column(String(32))
    # The teacher's name for the question (Moodle's question name); "" when it has none.
    name: Mapped[str] = mapped_column(String(255), default="", server_default="")
    # Fill-in only: whether letter case matters when a response is compared with the key (Moodle's usecase).
    case_sensitive: Mapped[bool] = mapped_column(default=False, server_default=false())
    confidence: Mapped[float | None] = mapped_column()
    confidence_reasons: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    # What the generator's guards found (empty for written or imported questions).
    checks: Mapped[list[Any]] = mapped_column(JSONType, default=list, server_default="[]")
    difficulty: Mapped[float | None] = mapped_column()
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = timestamp_column()

    question: Mapped[Question] = relationship(back_populates="versions")
    sources: Mapped[list[QuestionSource]] = relationship(
        back_populates="question_version", cascade="all, delete-orphan", order_by="QuestionSource.position"
    )


class QuestionSource(db.Model):
    """A sentence a question version was drawn from: document revision + offsets + the quote."""

    __tablename__ = "question_sources"
    __table_args__ = (
        CheckConstraint("start_offset >= 0 AND end_offset > start_offset", name="span_valid"),
        UniqueConstraint("question_version_id", "position"),
        Index("ix_question_sources_document_id", "document_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_version_id: Mapped[int] = mapped_column(ForeignKey("question_versions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    document_id: Mapped[int] = mapped_column(ForeignKey("source_documents.id", ondelete="CASCADE"))
    start_offset: Mapped[int] = mapped_column()
    end_offset: Mapped[int] = mapped_column()
    quote: Mapped[str] = mapped_column(Text)

    question_version: Mapped[QuestionVersion] = relationship(back_populates="sources")
    document: Mapped[SourceDocument] = relationship()


class QuestionFlag(db.Model):
    """A student's report that a question is wrong or unclear, and what a teacher did."""

    __tablename__ = "question_flags"
    __table_args__ = (
        CheckConstraint(one_of("kind", FLAG_KINDS), name="kind_known"),
        Index("ix_question_flags_question_id", "question_id"),
        # One open flag per student and question: flagging again cannot stack up to the weak-question rule.
        Index(
            "uq_question_flags_open_user_id_question_id",
            "user_id",
            "question_id",
            unique=True,
            sqlite_where=text("resolved_at IS NULL"),
            postgresql_where=text("resolved_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    question_version_id: Mapped[int | None] = mapped_column(ForeignKey("question_versions.id", ondelete="SET NULL"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempts.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = timestamp_column()
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    resolution: Mapped[str | None] = mapped_column(Text)

    question: Mapped[Question] = relationship(back_populates="flags")


class GenerationJob(db.Model):
    """Drafting questions for a long document in the background, with progress a page can follow."""

    __tablename__ = "generation_jobs"
    __table_args__ = (
        CheckConstraint(one_of("status", JOB_STATUSES), name="status_known"),
        CheckConstraint("progress >= 0 AND progress <= 1", name="progress_range"),
        Index("ix_generation_jobs_owner_id", "owner_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(ForeignKey("source_documents.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default=JobStatus.QUEUED)
    stage: Mapped[str] = mapped_column(String(40), default="")
    progress: Mapped[float] = mapped_column(default=0.0)
    message: Mapped[str] = mapped_column(Text, default="")
    questions_made: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = timestamp_column()
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    document: Mapped[SourceDocument] = relationship()


IMPORT_FORMATS = ("gift", "moodle_xml", "qti21")


class ImportJob(db.Model):
    """A large GIFT, Moodle XML or QTI 2.1 import run by the background worker, with progress a page can follow.

    The file itself waits here (``data``), where any worker machine can read it, and is dropped once the job ends.
    """

    __tablename__ = "import_jobs"
    __table_args__ = (
        CheckConstraint(one_of("status", JOB_STATUSES), name="status_known"),
        CheckConstraint(one_of("format", IMPORT_FORMATS), name="format_known"),
        CheckConstraint("progress >= 0 AND progress <= 1", name="progress_range"),
        Index("ix_import_jobs_owner_id", "owner_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(255))
    format: Mapped[str] = mapped_column(String(16))
    data: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)  # loaded by the worker alone
    status: Mapped[str] = mapped_column(String(16), default=JobStatus.QUEUED)
    stage: Mapped[str] = mapped_column(String(40), default="")
    progress: Mapped[float] = mapped_column(default=0.0)
    message: Mapped[str] = mapped_column(Text, default="")
    imported: Mapped[int] = mapped_column(default=0)
    # One line per question left out and why, as the inline import lists them.
    skipped: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    # Import questions the owner's bank already holds too (by default they are left out and listed).
    keep_duplicates: Mapped[bool] = mapped_column(default=False, server_default="0")
    created_at: Mapped[datetime] = timestamp_column()
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
