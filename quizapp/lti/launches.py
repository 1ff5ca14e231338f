"""What a validated LTI launch does: which quiz the link opens, and letting them take it.

Plain functions over a session and the launch's claims (a dict); the view validates the JWT first.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.classes.models import ClassMember
from quizapp.classes.services import create_class
from quizapp.exceptions import Forbidden, NotFound
from quizapp.lti.accounts import (
    CLAIM,
    LaunchRefused,
    display_name,
    known_user,
    lms_subject,
    new_handoff,
    new_lms_user,
    role_from_claims,
)
from quizapp.lti.deep_linking import DEPLOYMENT_CLAIM, start_picker
from quizapp.lti.models import LtiContext, LtiPlacement, LtiPlatform, LtiResourceLink
from quizapp.lti.tool import find_platform
from quizapp.quizzes.models import Quiz, QuizAssignment

AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
logger = logging.getLogger(__name__)


class LinkNotAllowed(Forbidden):
    """A launch whose link names a quiz this LMS was not given; the message tells the LMS user what to do."""


def _custom_quiz_id(claims: Mapping[str, Any]) -> int | None:
    custom = claims.get(CLAIM + "custom") or {}
    value = str(custom.get("quiz_id", "")).strip() if isinstance(custom, Mapping) else ""
    return int(value) if value.isdigit() and len(value) < 10 else None


def may_link(session: Session, platform: LtiPlatform, claims: Mapping[str, Any], user: User | None, quiz: Quiz) -> bool:
    """Whether a new resource link of this launch may open ``quiz``: placed by deep linking on this platform and
    deployment, or owned by the launching instructor's linked quizapp account (never a learner's choice)."""
    placed = session.scalar(
        select(LtiPlacement.id).where(
            LtiPlacement.platform_id == platform.id,
            LtiPlacement.deployment_id == str(claims.get(DEPLOYMENT_CLAIM, "")),
            LtiPlacement.quiz_id == quiz.id,
        )
    )
    if placed is not None:
        return True
    return user is not None and user.role != Role.STUDENT.value and quiz.owner_id == user.id


def link_for_launch(
    session: Session, platform: LtiPlatform, claims: Mapping[str, Any], user: User | None = None
) -> LtiResourceLink:
    """The resource link launched, mapped to its quiz: known already, or named by the custom parameter quiz_id
    (when the link may open that quiz, see ``may_link``)."""
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
        if not may_link(session, platform, claims, user, quiz):
            logger.warning(
                "LTI launch refused: link %r of %s (deployment %r) names quiz %s, neither placed there nor the "
                "launching instructor's",
                link_id[:80],
                platform.name,
                str(claims.get(DEPLOYMENT_CLAIM, ""))[:80],
                quiz.id,
            )
            raise LinkNotAllowed(
                "This LMS link names a quiz that was not added to this LMS. Ask your teacher to add the quiz "
                "through the tool's content picker (deep linking), or the quiz's owner to launch the link once."
            )
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
    """What a launch leads to. ``user`` is None for an instructor new to quizapp: who they are here (a new
    account, or the account already signed in in their browser) is settled where the browser's own cookies are
    sent, in the new tab the handoff opens."""

    user: User | None
    quiz: Quiz | None  # the linked quiz; None for a deep linking request
    handoff: str  # one-time token that signs the user in (or offers the link) in a new tab
    picker: str | None = None  # the deep linking request's picker token
    platform_id: int | None = None  # the launching platform


def accept_launch(session: Session, message: Any, *, now: datetime) -> Launch:
    """Validate a pylti1p3 message launch (signature, nonce, deployment) and act on it.

    Raises pylti1p3's ``LtiException`` for a launch that fails its checks, ``DomainError`` for one quizapp
    cannot serve.
    """
    claims = message.get_launch_data()  # validates: state, signature, nonce (used up), deployment, message
    platform = find_platform(session, str(claims.get("iss")), message.get_client_id())
    if platform is None:  # validation found it a moment ago
        raise LaunchRefused("This LMS is not registered.")
    role = role_from_claims(claims)
    user = known_user(session, platform, claims)
    if user is None and role == Role.STUDENT:
        user = new_lms_user(session, platform, lms_subject(claims), display_name(claims), role)
    if user is not None and not user.is_active_account:
        raise LaunchRefused("This account is disabled.")
    pending = None if user is not None else {"platform_id": platform.id, "subject": lms_subject(claims)}
    if pending is not None:
        pending["name"], pending["lms"] = display_name(claims), platform.name
    if message.is_deep_link_launch():
        if role != Role.TEACHER or (user is not None and user.role == Role.STUDENT.value):
            raise Forbidden("Only teachers can choose quizzes to add to the course.")
        picker = start_picker(session, platform, claims, user, now=now)
        return Launch(user, None, new_handoff(session, user, pending, None, picker, now), picker, platform.id)
    link = link_for_launch(session, platform, claims, user)
    quiz = session.get(Quiz, link.quiz_id)
    if quiz is None:
        raise NotFound("The quiz of this link no longer exists.")
    if user is not None:
        open_quiz_to(session, platform, claims, user, quiz)
    return Launch(user, quiz, new_handoff(session, user, pending, quiz.id, None, now), None, platform.id)
