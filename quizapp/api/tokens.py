"""Creating, listing, revoking and checking personal API tokens. No Flask: the caller passes the user and time.

A token reads ``qz_<prefix>_<secret>``: the prefix (public, unique) finds its row, the sha256 of the whole
token is compared in constant time. Only the hash is stored, so a leaked database gives no usable token;
the secret (``secrets.token_urlsafe(32)``, 256 bits) is too long to guess, so hashing needs no slow KDF.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.api.models import ApiToken
from quizapp.audit.services import quoted, record
from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.exceptions import DomainError, NotFound

TOKEN_PREFIX = "qz"  # noqa: S105 - the public start of every token, no secret
DEFAULT_DAYS = 90
MAX_DAYS = 365
MAX_ACTIVE = 20
NAME_MAX = 80


@dataclass(frozen=True)
class NewToken:
    """A token just made: the row, and the token itself (shown once, never stored)."""

    row: ApiToken
    token: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _active(now: datetime):  # type: ignore[no-untyped-def]
    return (ApiToken.revoked_at.is_(None)) & (ApiToken.expires_at > now)


def tokens_of(session: Session, user: User, now: datetime) -> Sequence[ApiToken]:
    """The user's tokens that still work, newest first."""
    return session.scalars(
        select(ApiToken).where(ApiToken.user_id == user.id, _active(now)).order_by(ApiToken.id.desc())
    ).all()


def create_token(session: Session, user: User, *, name: str, write: bool, days: int, now: datetime) -> NewToken:
    """A new token for ``user``: read scope, plus write when asked (staff only), valid for ``days`` days."""
    name = " ".join(name.split())
    if not name or len(name) > NAME_MAX:
        raise DomainError(f"Give the token a name of at most {NAME_MAX} characters (say where it is used).")
    if not 1 <= days <= MAX_DAYS:
        raise DomainError(f"A token lives between 1 and {MAX_DAYS} days.")
    if write and user.role == Role.STUDENT:
        raise DomainError("A student's token can only read: the API has nothing for students to change.")
    if len(tokens_of(session, user, now)) >= MAX_ACTIVE:
        raise DomainError(f"You have {MAX_ACTIVE} tokens already: revoke one you no longer use first.")
    prefix = secrets.token_hex(5)
    token = f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    row = ApiToken(
        user_id=user.id,
        name=name,
        prefix=prefix,
        token_hash=hash_token(token),
        scopes="read write" if write else "read",
        expires_at=now + timedelta(days=days),
    )
    session.add(row)
    session.flush()
    summary = f"Created API token {quoted(name)} ({row.scopes}, {days} days)"
    record(session, user, "api_token.create", user, summary, {"name": name, "scopes": row.scopes, "days": days})
    return NewToken(row, token)


def revoke_token(session: Session, user: User, token_id: int, now: datetime) -> ApiToken:
    """Revoke one of the user's tokens (another's: NotFound). Revoking twice changes nothing."""
    row = session.get(ApiToken, token_id)
    if row is None or row.user_id != user.id:
        raise NotFound("There is no such token.")
    if row.revoked_at is None:
        row.revoked_at = now
        record(session, user, "api_token.revoke", user, f"Revoked API token {quoted(row.name)}", {"name": row.name})
        session.flush()
    return row


def user_for_token(session: Session, token: str, now: datetime) -> tuple[User, ApiToken] | None:
    """The active user and token a presented token belongs to; None when it is unknown, wrong, expired,
    revoked, or its account is disabled."""
    parts = token.split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX or not parts[1] or len(token) > 200:
        return None
    row = session.scalar(select(ApiToken).where(ApiToken.prefix == parts[1]))
    if row is None or not hmac.compare_digest(row.token_hash, hash_token(token)):
        return None
    if row.revoked_at is not None or row.expires_at <= now:
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.is_active:
        return None
    return user, row
