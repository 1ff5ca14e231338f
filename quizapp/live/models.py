"""A live session of a quiz, the people who joined it, and their answers.

The session's row is the one truth every gunicorn worker reads: which question is open, when it opened and when
the server's clock closes it. ``version`` goes up by one on every change of state, so a phone that polls learns
from one integer whether anything changed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.auth.models import User
from quizapp.models import JSONType, UTCDateTime, db, one_of, timestamp_column
from quizapp.quizzes.models import Quiz
from quizapp.statuses import LIVE_STATES, LiveState

SECONDS_MIN = 5
SECONDS_MAX = 600
NICKNAME_MAX = 30


class LiveSession(db.Model):
    __tablename__ = "live_sessions"
    __table_args__ = (
        CheckConstraint(one_of("state", LIVE_STATES), name="state_known"),
        CheckConstraint(
            f"seconds_per_question >= {SECONDS_MIN} AND seconds_per_question <= {SECONDS_MAX}", name="seconds_range"
        ),
        CheckConstraint("current_index >= 0 AND current_index < question_count", name="index_in_range"),
        CheckConstraint("version >= 1", name="version_positive"),
        # An open question either runs against the server's clock or is paused with the seconds it had left.
        CheckConstraint(
            "state <> 'question' OR "
            "(opened_at IS NOT NULL AND (closes_at IS NOT NULL) <> (paused_remaining IS NOT NULL))",
            name="question_timed",
        ),
        CheckConstraint("paused_remaining IS NULL OR paused_remaining >= 0", name="paused_non_negative"),
        CheckConstraint("(state = 'ended') = (ended_at IS NOT NULL)", name="ended_matches_state"),
        Index("ix_live_sessions_teacher_id", "teacher_id"),
        Index("ix_live_sessions_quiz_id", "quiz_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"))
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    join_code: Mapped[str] = mapped_column(String(16), unique=True)
    allow_guests: Mapped[bool] = mapped_column(default=False, server_default=false())
    show_names: Mapped[bool] = mapped_column(default=True)
    seconds_per_question: Mapped[int] = mapped_column(default=20)
    state: Mapped[str] = mapped_column(String(16), default=LiveState.LOBBY)
    # The questions fixed when the session started, in order: [{question_id, version_id, points, option_order}].
    questions: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    # len(questions), kept in a column so that the state every phone polls reads no JSON.
    question_count: Mapped[int] = mapped_column()
    current_index: Mapped[int] = mapped_column(default=0)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Seconds the open question had left when the teacher paused it (closes_at is then NULL).
    paused_remaining: Mapped[float | None] = mapped_column()
    # Seconds the open question runs for in all: the countdown and any time the teacher added (for the points).
    allowed_seconds: Mapped[float | None] = mapped_column()
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = timestamp_column()
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The join code works until then (and never once the session ended).
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())

    quiz: Mapped[Quiz] = relationship()
    teacher: Mapped[User] = relationship()
    participants: Mapped[list[LiveParticipant]] = relationship(
        back_populates="live_session", cascade="all, delete-orphan", order_by="LiveParticipant.id"
    )


class LiveParticipant(db.Model):
    """A signed-in student (``user_id``) or a guest known by a nickname alone."""

    __tablename__ = "live_participants"
    __table_args__ = (
        UniqueConstraint("live_session_id", "user_id"),
        # Nicknames are unique per session whatever their case ("Sam" and "sam" would be one name on the board).
        UniqueConstraint("live_session_id", "nickname_key"),
        CheckConstraint("(user_id IS NULL) <> (nickname IS NULL)", name="student_or_guest"),
        CheckConstraint("(nickname IS NULL) = (nickname_key IS NULL)", name="nickname_keyed"),
        CheckConstraint("score >= 0", name="score_non_negative"),
        Index("ix_live_participants_user_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    live_session_id: Mapped[int] = mapped_column(ForeignKey("live_sessions.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    nickname: Mapped[str | None] = mapped_column(String(NICKNAME_MAX))
    nickname_key: Mapped[str | None] = mapped_column(String(NICKNAME_MAX))
    score: Mapped[int] = mapped_column(default=0, server_default="0")
    # The attempt in the student's history made when the session ended (signed-in students only).
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempts.id", ondelete="SET NULL"))
    joined_at: Mapped[datetime] = timestamp_column()

    live_session: Mapped[LiveSession] = relationship(back_populates="participants")
    user: Mapped[User | None] = relationship()

    @property
    def is_guest(self) -> bool:
        return self.user_id is None

    @property
    def name(self) -> str:
        """What the class sees: the student's display name, or the guest's nickname."""
        if self.user is not None:
            return self.user.display_name
        return self.nickname or ""


class LiveAnswer(db.Model):
    """One participant's one answer to one question of the session; a second is refused by the database."""

    __tablename__ = "live_answers"
    __table_args__ = (
        UniqueConstraint("participant_id", "question_index"),
        CheckConstraint("question_index >= 0", name="index_non_negative"),
        CheckConstraint("fraction >= 0 AND fraction <= 1", name="fraction_range"),
        CheckConstraint("points >= 0", name="points_non_negative"),
        CheckConstraint("seconds_taken >= 0", name="seconds_non_negative"),
        # The projector's bars read every answer to the open question.
        Index("ix_live_answers_live_session_id_question_index", "live_session_id", "question_index"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    live_session_id: Mapped[int] = mapped_column(ForeignKey("live_sessions.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("live_participants.id", ondelete="CASCADE"))
    question_index: Mapped[int] = mapped_column()
    question_version_id: Mapped[int] = mapped_column(ForeignKey("question_versions.id", ondelete="RESTRICT"))
    response: Mapped[Any | None] = mapped_column(JSONType)
    # The normal grader's fraction of the question's marks, and whether that was full marks.
    fraction: Mapped[float] = mapped_column()
    correct: Mapped[bool] = mapped_column()
    # The live points it earned (scoring.live_points): more for a faster right answer.
    points: Mapped[int] = mapped_column()
    seconds_taken: Mapped[float] = mapped_column()
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime())

    participant: Mapped[LiveParticipant] = relationship()
