"""What a validated LTI launch does: who the user is here, which quiz the link opens, and letting them take it.

Plain functions over a session and the launch's claims (a dict); the view validates the JWT first.
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

from quizapp.auth.models import DISPLAY_NAME_MAX, User
from quizapp.auth.passwords import hash_password
from quizapp.auth.roles import Role
from quizapp.classes.models import ClassMember
from quizapp.classes.services import create_class
from quizapp.exceptions import DomainError, NotFound
from quizapp.lti.models import LtiContext, LtiIdentity, LtiLaunchValue, LtiPlatform, LtiResourceLink
from quizapp.lti.tool import find_platform
from quizapp.models import utcnow
from quizapp.quizzes.models import Quiz, QuizAssignment

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
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


def user_for_launch(session: Session, platform: LtiPlatform, claims: Mapping[str, Any]) -> User:
    """The user behind the LMS's ``sub`` on this platform, made on the first launch with the LMS's role.

    The account has a random password nobody knows: it is reached only through the LMS.
    """
    subject = str(claims.get("sub") or "")
    if not subject or len(subject) > 255:
        raise LaunchRefused("The LMS sent no user (an anonymous launch); quizapp needs to know who takes the quiz.")
    identity = session.scalar(
        select(LtiIdentity).where(LtiIdentity.platform_id == platform.id, LtiIdentity.subject == subject)
    )
    if identity is not None:
        return identity.user
    name = str(claims.get("name") or claims.get("given_name") or "LMS user").strip()[:DISPLAY_NAME_MAX] or "LMS user"
    user = User(
        username=_username(platform, subject),
        display_name=name,
        password_hash=hash_password(secrets.token_urlsafe(32)),
        role=role_from_claims(claims).value,
    )
    session.add(user)
    session.flush()
    session.add(LtiIdentity(platform_id=platform.id, subject=subject, user_id=user.id))
    session.flush()
    return user


def _custom_quiz_id(claims: Mapping[str, Any]) -> int | None:
    custom = claims.get(CLAIM + "custom") or {}
    value = str(custom.get("quiz_id", "")).strip() if isinstance(custom, Mapping) else ""
    return int(value) if value.isdigit() and len(value) < 10 else None


def link_for_launch(session: Session, platform: LtiPlatform, claims: Mapping[str, Any]) -> LtiResourceLink:
    """The resource link launched, mapped to its quiz: known already, or named by the custom parameter quiz_id."""
    link_claim = claims.get(CLAIM + "resource_link") or {}
    link_id = str(link_claim.get("id", "")) if isinstance(link_claim, Mapping) else ""
    if not link_id:
        raise LaunchRefused("The launch names no resource link.")
    link = session.scalar(
        select(LtiResourceLink).where(
            LtiResourceLink.platform_id == platform.id, LtiResourceLink.resource_link_id == link_id
        )
    )
    quiz_id = _custom_quiz_id(claims)
    if link is None:
        if quiz_id is None:
            raise LaunchRefused(
                "This LMS link is not connected to a quiz. Add it through the tool's content picker (deep "
                "linking), or give the link the custom parameter quiz_id=<number of the quiz>."
            )
        quiz = session.get(Quiz, quiz_id)
        if quiz is None or quiz.personal_for_id is not None or quiz.owner_id is None:
            raise NotFound("The quiz this link names does not exist.")
        link = LtiResourceLink(platform_id=platform.id, resource_link_id=link_id, quiz_id=quiz.id)
        session.add(link)
    ags = claims.get(AGS_ENDPOINT) or {}
    lineitem = ags.get("lineitem") if isinstance(ags, Mapping) else None
    if isinstance(lineitem, str) and lineitem.startswith(("https://", "http://")) and len(lineitem) <= 500:
        link.lineitem_url = lineitem
    session.flush()
    return link


def open_quiz_to(session: Session, platform: LtiPlatform, claims: Mapping[str, Any], user: User, quiz: Quiz) -> None:
    """Put a learner in the quizapp class of the LMS course, and give that class the quiz, so that it opens to them.

    The class belongs to the quiz's owner and is made on the course's first launch.
    """
    if user.role != Role.STUDENT.value:
        return
    context = claims.get(CLAIM + "context") or {}
    context_id = str(context.get("id", "")) if isinstance(context, Mapping) else ""
    context_id = context_id or f"link:{(claims.get(CLAIM + 'resource_link') or {}).get('id', '')}"
    known = session.scalar(
        select(LtiContext).where(LtiContext.platform_id == platform.id, LtiContext.context_id == context_id[:255])
    )
    if known is None:
        owner = session.get(User, quiz.owner_id) if quiz.owner_id else None
        if owner is None:
            raise LaunchRefused("The quiz of this link has no teacher any more.")
        title = (
            str(context.get("title") or context.get("label") or "LMS course") if isinstance(context, Mapping) else ""
        )
        school_class = create_class(session, owner, f"LMS: {title}"[:120])
        known = LtiContext(platform_id=platform.id, context_id=context_id[:255], class_id=school_class.id)
        session.add(known)
        session.flush()
    class_id = known.class_id
    if (
        session.scalar(select(ClassMember.id).where(ClassMember.class_id == class_id, ClassMember.user_id == user.id))
        is None
    ):
        session.add(ClassMember(class_id=class_id, user_id=user.id))
    if (
        session.scalar(
            select(QuizAssignment.id).where(QuizAssignment.class_id == class_id, QuizAssignment.quiz_id == quiz.id)
        )
        is None
    ):
        session.add(QuizAssignment(class_id=class_id, quiz_id=quiz.id))
    session.flush()


@dataclass(frozen=True)
class Launch:
    user: User
    quiz: Quiz
    handoff: str  # one-time token that logs the user in in a new tab


def accept_launch(session: Session, message: Any, *, now: datetime) -> Launch:
    """Validate a pylti1p3 message launch (signature, nonce, deployment) and act on it.

    Raises pylti1p3's ``LtiException`` for a launch that fails its checks, ``DomainError`` for one quizapp
    cannot serve.
    """
    claims = message.get_launch_data()  # validates: state, signature, nonce (used up), deployment, message
    platform = find_platform(session, str(claims.get("iss")), message.get_client_id())
    if platform is None:  # validation found it a moment ago
        raise LaunchRefused("This LMS is not registered.")
    if message.is_deep_link_launch():
        raise LaunchRefused("Choosing a quiz from the LMS (deep linking) is not available yet; use quiz_id.")
    user = user_for_launch(session, platform, claims)
    if not user.is_active_account:
        raise LaunchRefused("This account is disabled.")
    link = link_for_launch(session, platform, claims)
    quiz = session.get(Quiz, link.quiz_id)
    if quiz is None:
        raise NotFound("The quiz of this link no longer exists.")
    open_quiz_to(session, platform, claims, user, quiz)
    token = secrets.token_urlsafe(24)
    session.add(
        LtiLaunchValue(
            key=HANDOFF + token,
            value=json.dumps({"user_id": user.id, "quiz_id": quiz.id}),
            expires_at=now + HANDOFF_LIFETIME,
        )
    )
    session.flush()
    return Launch(user=user, quiz=quiz, handoff=token)


def use_handoff(session: Session, token: str, *, now: datetime | None = None) -> tuple[User, int] | None:
    """The user and quiz of a launch's one-time token, which is used up; None when unknown, used or expired."""
    if not token or len(token) > 64:
        return None
    row = session.get(LtiLaunchValue, HANDOFF + token)
    if row is None:
        return None
    data = json.loads(row.value)
    fresh = row.expires_at > (now or utcnow())
    session.delete(row)
    session.flush()
    user = session.get(User, int(data["user_id"])) if fresh else None
    if user is None or not user.is_active_account:
        return None
    return user, int(data["quiz_id"])
