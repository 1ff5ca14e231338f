"""Who a launch's user is in quizapp: matched by platform and LMS subject, made on a first launch, or, for an
instructor new to quizapp, linked to the account already signed in in their browser; and the one-time handoff
token that signs them in where the browser's own cookies are sent (a new tab).

Plain functions over a session and the launch's claims (a dict).
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.audit.services import quoted, record
from quizapp.auth.models import DISPLAY_NAME_MAX, User
from quizapp.auth.passwords import hash_password
from quizapp.auth.roles import Role
from quizapp.exceptions import Conflict, DomainError, NotFound
from quizapp.lti.deep_linking import set_picker_user
from quizapp.lti.models import LtiIdentity, LtiLaunchValue, LtiPlatform

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
HANDOFF = "handoff-"
HANDOFF_LIFETIME = timedelta(minutes=5)
TEACHING_ROLES = ("#Instructor", "#ContentDeveloper", "#Administrator", "#Mentor")


class LaunchRefused(DomainError):
    """A signed launch quizapp cannot serve (no quiz linked, a teacher's quiz gone); the message says why."""


def role_from_claims(claims: Mapping[str, Any]) -> Role:
    """Teacher for the LMS's Instructor (and course designer, administrator) roles, student otherwise."""
    roles = claims.get(CLAIM + "roles") or []
    if any(str(role).endswith(TEACHING_ROLES) or "#Instructor#" in str(role) for role in roles):
        return Role.TEACHER
    return Role.STUDENT


def _username(platform: LtiPlatform, subject: str) -> str:
    digest = hashlib.sha256(f"{platform.id}\0{subject}".encode()).hexdigest()[:24]
    return f"lti-{platform.id}-{digest}"[:40]


def lms_subject(claims: Mapping[str, Any]) -> str:
    subject = str(claims.get("sub") or "")
    if not subject or len(subject) > 255:
        raise LaunchRefused("The LMS sent no user (an anonymous launch); quizapp needs to know who takes the quiz.")
    return subject


def display_name(claims: Mapping[str, Any]) -> str:
    name = str(claims.get("name") or claims.get("given_name") or "LMS user").strip()
    return name[:DISPLAY_NAME_MAX] or "LMS user"


def known_user(session: Session, platform: LtiPlatform, claims: Mapping[str, Any]) -> User | None:
    """The user already matched to the LMS's ``sub`` on this platform, if any."""
    identity = session.scalar(
        select(LtiIdentity).where(LtiIdentity.platform_id == platform.id, LtiIdentity.subject == lms_subject(claims))
    )
    return identity.user if identity is not None else None


def new_lms_user(session: Session, platform: LtiPlatform, subject: str, name: str, role: Role) -> User:
    """A quizapp account for the LMS user ``subject``, reached only through the LMS (a password nobody knows)."""
    user = User(
        username=_username(platform, subject),
        display_name=name,
        password_hash=hash_password(secrets.token_urlsafe(32)),
        role=role.value,
    )
    session.add(user)
    session.flush()
    session.add(LtiIdentity(platform_id=platform.id, subject=subject, user_id=user.id))
    session.flush()
    return user


def new_handoff(
    session: Session,
    user: User | None,
    pending: dict[str, Any] | None,
    quiz_id: int | None,
    picker: str | None,
    now: datetime,
) -> str:
    token = secrets.token_urlsafe(24)
    value = {"user_id": user.id if user else None, "pending": pending, "quiz_id": quiz_id, "picker": picker}
    session.add(LtiLaunchValue(key=HANDOFF + token, value=json.dumps(value), expires_at=now + HANDOFF_LIFETIME))
    session.flush()
    return token


@dataclass(frozen=True)
class Handoff:
    """A launch's one-time token, read: its user (None while an instructor new to quizapp has not chosen), and
    where it leads (the quiz, or the deep linking picker)."""

    token: str
    user: User | None
    quiz_id: int | None
    picker: str | None
    platform_id: int | None = None
    subject: str = ""
    name: str = ""  # the instructor's name in the LMS
    lms: str = ""  # the LMS registration's name


def open_handoff(session: Session, token: str, *, now: datetime) -> Handoff | None:
    """The launch's handoff, not used up yet; None when unknown, expired, or its user is disabled."""
    if not token or len(token) > 64:
        return None
    row = session.get(LtiLaunchValue, HANDOFF + token)
    if row is None or row.expires_at <= now:
        return None
    data = json.loads(row.value)
    user = session.get(User, int(data["user_id"])) if data.get("user_id") else None
    if data.get("user_id") and (user is None or not user.is_active_account):
        return None
    pending = data.get("pending") or {}
    return Handoff(
        token,
        user,
        data.get("quiz_id"),
        data.get("picker"),
        pending.get("platform_id"),
        str(pending.get("subject", "")),
        str(pending.get("name", "")),
        str(pending.get("lms", "")),
    )


def use_handoff(session: Session, handoff: Handoff, user: User, *, now: datetime) -> None:
    """Use the token up, its launch done as ``user``: a picker waiting for its teacher goes to them."""
    row = session.get(LtiLaunchValue, HANDOFF + handoff.token)
    if row is not None:
        session.delete(row)
    if handoff.picker:
        set_picker_user(session, handoff.picker, user, now=now)
    session.flush()


def settle_instructor(session: Session, handoff: Handoff, account: User | None, *, now: datetime) -> User:
    """Who an instructor new to quizapp is here: linked to ``account`` (the one signed in in their browser),
    or, without one, a new teacher account. Uses the handoff up; returns the user.

    Raises ``Conflict`` when ``account`` is not a teacher's or already has an identity on this LMS.
    """
    if handoff.user is not None or handoff.platform_id is None:
        raise Conflict("This launch needs no choice of account.")
    platform = session.get(LtiPlatform, handoff.platform_id)
    if platform is None:
        raise NotFound("This LMS is no longer registered.")
    taken = session.scalar(
        select(LtiIdentity).where(LtiIdentity.platform_id == platform.id, LtiIdentity.subject == handoff.subject)
    )
    if taken is not None:  # settled in another tab meanwhile
        user = taken.user
    elif account is None:
        user = new_lms_user(session, platform, handoff.subject, handoff.name, Role.TEACHER)
    else:
        if account.role not in (Role.TEACHER.value, Role.ADMIN.value):
            raise Conflict("Only a teacher's account can be linked to an LMS instructor.")
        linked = session.scalar(
            select(LtiIdentity.id).where(LtiIdentity.platform_id == platform.id, LtiIdentity.user_id == account.id)
        )
        if linked is not None:
            raise Conflict(f"{account.display_name} is linked to another account of this LMS already.")
        session.add(LtiIdentity(platform_id=platform.id, subject=handoff.subject, user_id=account.id))
        user = account
        # Whoever holds this LMS account now enters quizapp as ``account``: a change of trust, logged.
        record(
            session,
            account,
            "user.lms_link",
            account,
            f"LMS account {quoted(handoff.name)} of {platform.name} linked to {account.display_name}",
            {"platform": platform.name, "lms_user": handoff.subject, "lms_name": handoff.name},
        )
    use_handoff(session, handoff, user, now=now)
    return user
