"""Personal API tokens: a user's keys to the JSON API, stored hashed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.auth.models import User
from quizapp.models import UTCDateTime, db, one_of, timestamp_column

SCOPES = ("read", "write")
SCOPE_SETS = ("read", "read write")  # how ``scopes`` is stored: write always comes with read


class ApiToken(db.Model):
    """One token: its public prefix (to find it), the sha256 of the whole token (to check it), scopes, expiry.

    The token itself is shown once, when it is made, and never stored.
    """

    __tablename__ = "api_tokens"
    __table_args__ = (
        CheckConstraint(one_of("scopes", SCOPE_SETS), name="scopes_known"),
        CheckConstraint("length(token_hash) = 64", name="hash_is_sha256"),
        Index("ix_api_tokens_user_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(80))
    prefix: Mapped[str] = mapped_column(String(16), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    scopes: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = timestamp_column()
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship()

    @property
    def scope_list(self) -> list[str]:
        return self.scopes.split()
