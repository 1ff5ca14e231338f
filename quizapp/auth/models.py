"""Users and their roles."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.auth.roles import Role
from quizapp.models import UTCDateTime, db, timestamp_column

USERNAME_MAX = 40
DISPLAY_NAME_MAX = 80
EMAIL_MAX = 254
TIME_ZONE_MAX = 64  # the longest IANA names are about 30 characters


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('student', 'teacher', 'admin')", name="role_known"),
        CheckConstraint("username = lower(username)", name="username_lowercase"),
        CheckConstraint("session_version >= 1", name="session_version_positive"),
        Index("ix_users_role", "role"),
        Index("ix_users_email", "email", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored lower-case so "Anna" and "anna" cannot both register.
    username: Mapped[str] = mapped_column(String(USERNAME_MAX), unique=True)
    display_name: Mapped[str] = mapped_column(String(DISPLAY_NAME_MAX))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default=Role.STUDENT.value)
    is_active_account: Mapped[bool] = mapped_column(default=True, server_default="1")
    # Part of the login id: raising it ends every other session of the account.
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")
    created_at: Mapped[datetime] = timestamp_column()
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Where a reset link goes when mail is configured; stored lower-case, one account per address.
    email: Mapped[str | None] = mapped_column(String(EMAIL_MAX))
    # An IANA zone ("Europe/Paris") the account types and reads times in; None: the school's (SCHOOL_TIME_ZONE).
    time_zone: Mapped[str | None] = mapped_column(String(TIME_ZONE_MAX))
    # Set with a temporary password given by an admin or teacher: every page asks for a new one first.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default="0")

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.is_active_account

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    @property
    def is_staff(self) -> bool:
        return self.role in (Role.TEACHER, Role.ADMIN)

    def __repr__(self) -> str:
        return f"<User {self.username} {self.role}>"


class PasswordResetToken(db.Model):
    """A single-use "forgot password" link: only the token's SHA-256 is stored, so a copy of the database
    cannot be used to reset anyone's password."""

    __tablename__ = "password_reset_tokens"
    __table_args__ = (Index("ix_password_reset_tokens_user_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = timestamp_column()
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
