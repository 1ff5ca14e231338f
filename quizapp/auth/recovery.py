"""Getting back into an account: temporary passwords, disabled accounts, single-use reset links.

Plain functions on an explicit session; the caller commits. Who may set whose temporary password is decided
by quizapp.classes.accounts (it needs to know who teaches whom).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from quizapp.audit.services import change, record
from quizapp.auth import passwords
from quizapp.auth.models import EMAIL_MAX, PasswordResetToken, User
from quizapp.auth.roles import Role
from quizapp.auth.services import check_password, find_user
from quizapp.exceptions import Conflict, DomainError, NotFound

# Letters and digits nobody misreads when a teacher reads a temporary password out (no 0/o, 1/l/i).
_READABLE = "abcdefghjkmnpqrstuvwxyz23456789"
RESET_TOKEN_BYTES = 32


def temporary_password() -> str:
    """A fresh password to read out or write down: four groups of four (about 79 bits), e.g. ``k7mq-2xta-...``."""
    return "-".join("".join(secrets.choice(_READABLE) for _ in range(4)) for _ in range(4))


def set_temporary_password(session: Session, actor: User, target: User) -> str:
    """Give ``target`` a new random password that must be changed at the next login; their sessions end.

    Returns the password, to be shown once to ``actor`` (only its hash is stored). Whether ``actor`` may do it
    is the caller's check (:func:`quizapp.classes.accounts.managed_account`).
    """
    password = temporary_password()
    target.password_hash = passwords.hash_password(password)
    target.must_change_password = True
    target.session_version += 1
    _forget_reset_links(session, target)
    record(
        session,
        actor,
        "user.temporary_password",
        target,
        f"Set a temporary password for '{target.username}'",
        {"must_change_password": True},
    )
    session.flush()
    return password


def set_enabled(session: Session, actor: User, target: User, *, enabled: bool) -> None:
    """Disable an account (it cannot log in, its sessions end, its history stays) or enable it again. Admins only."""
    if actor.role != Role.ADMIN:
        raise NotFound("There is no such account among yours.")
    if target.id == actor.id:
        raise Conflict("You cannot disable your own account.")
    if target.is_active_account == enabled:
        return
    if not enabled and target.role == Role.ADMIN and _active_admins(session) <= 1:
        raise Conflict("This is the last admin account that can log in; make another admin first.")
    target.is_active_account = enabled
    target.session_version += 1
    if not enabled:
        _forget_reset_links(session, target)
    record(
        session,
        actor,
        "user.enable" if enabled else "user.disable",
        target,
        f"{'Enabled' if enabled else 'Disabled'} the account '{target.username}'",
        {"active": change(not enabled, enabled)},
    )
    session.flush()


def _active_admins(session: Session) -> int:
    query = select(func.count()).select_from(User).where(User.role == Role.ADMIN.value, User.is_active_account)
    return session.scalar(query) or 0


def check_email(email: str) -> str | None:
    """An address as stored (lower case), None for an empty one; InvalidAccountData-like DomainError if malformed."""
    address = email.strip().lower()
    if not address:
        return None
    local, at, domain = address.partition("@")
    if not at or not local or "." not in domain or len(address) > EMAIL_MAX or any(c.isspace() for c in address):
        raise DomainError("That does not look like an email address (name@school.example).")
    return address


def set_email(session: Session, user: User, email: str) -> None:
    """Set (or clear) the address a reset link goes to; Conflict when another account has it."""
    address = check_email(email)
    if address and session.scalar(select(User.id).where(User.email == address, User.id != user.id)):
        raise Conflict("Another account has this email address.")
    user.email = address
    session.flush()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _forget_reset_links(session: Session, user: User) -> None:
    session.execute(
        update(PasswordResetToken)
        .where(PasswordResetToken.user_id == user.id, PasswordResetToken.used_at.is_(None))
        .values(used_at=func.now())
    )


def request_reset(session: Session, identifier: str, *, now: datetime, lifetime: timedelta) -> tuple[User, str] | None:
    """A reset link's token for the account named by username or email, if it has an address and may log in.

    None otherwise; the caller says the same thing either way, so nobody learns which accounts exist.
    Only the token's hash is stored; earlier unused links of the account stop working.
    """
    text = identifier.strip().lower()
    if not text or len(text) > EMAIL_MAX:
        return None
    user = session.scalar(select(User).where(User.email == text)) if "@" in text else find_user(session, text)
    if user is None or not user.email or not user.is_active_account:
        return None
    _forget_reset_links(session, user)
    token = secrets.token_urlsafe(RESET_TOKEN_BYTES)
    session.add(PasswordResetToken(user_id=user.id, token_hash=_token_hash(token), expires_at=now + lifetime))
    session.flush()
    return user, token


INVALID_LINK = "This link is not valid any more (it was used, has expired, or a newer one was sent). Ask for a new one."


def reset_token(session: Session, token: str, *, now: datetime) -> PasswordResetToken:
    """The unused, unexpired token row for a link; DomainError when there is none."""
    if not token or len(token) > 200:
        raise DomainError(INVALID_LINK)
    row = session.scalar(select(PasswordResetToken).where(PasswordResetToken.token_hash == _token_hash(token)))
    if row is None or row.used_at is not None or row.expires_at <= now:
        raise DomainError(INVALID_LINK)
    user = session.get(User, row.user_id)
    if user is None or not user.is_active_account:
        raise DomainError(INVALID_LINK)
    return row


def reset_password(session: Session, token: str, new_password: str, *, now: datetime) -> User:
    """Use a link once: set the new password, end every session of the account, spend every link it has."""
    row = reset_token(session, token, now=now)
    user = session.get(User, row.user_id)
    assert user is not None  # checked by reset_token
    check_password(new_password, user_inputs=(user.username, user.display_name))
    # Spent at once with a condition on used_at: of two tabs using one link together, one wins.
    spent = session.execute(
        update(PasswordResetToken)
        .where(PasswordResetToken.id == row.id, PasswordResetToken.used_at.is_(None))
        .values(used_at=now)
    )
    if spent.rowcount != 1:  # type: ignore[attr-defined]
        raise DomainError(INVALID_LINK)
    user.password_hash = passwords.hash_password(new_password)
    user.must_change_password = False
    user.session_version += 1
    _forget_reset_links(session, user)
    session.flush()
    return user


def account_by_name(session: Session, username: str) -> User:
    user = find_user(session, username)
    if user is None:
        raise NotFound("There is no such account.")
    return user
