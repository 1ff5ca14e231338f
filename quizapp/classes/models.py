"""Classes (teaching groups) with a join code, and their members."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.auth.models import User
from quizapp.models import db, timestamp_column


class SchoolClass(db.Model):
    __tablename__ = "classes"
    __table_args__ = (Index("ix_classes_teacher_id", "teacher_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    join_code: Mapped[str] = mapped_column(String(16), unique=True)
    is_archived: Mapped[bool] = mapped_column(default=False, server_default="0")
    created_at: Mapped[datetime] = timestamp_column()

    teacher: Mapped[User] = relationship()
    members: Mapped[list[ClassMember]] = relationship(back_populates="school_class", cascade="all, delete-orphan")


class ClassMember(db.Model):
    __tablename__ = "class_members"
    __table_args__ = (
        UniqueConstraint("class_id", "user_id"),
        # History pages ask "which classes is this student in".
        Index("ix_class_members_user_id", "user_id"),
        CheckConstraint("extra_time_percent >= 0 AND extra_time_percent <= 400", name="extra_time_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # Extra time on timed quizzes, as a share of the quiz's limit (25 = a quarter more).
    extra_time_percent: Mapped[int] = mapped_column(default=0, server_default="0")
    joined_at: Mapped[datetime] = timestamp_column()

    school_class: Mapped[SchoolClass] = relationship(back_populates="members")
    user: Mapped[User] = relationship()
