"""Deep linking (LtiDeepLinkingRequest): a teacher in the LMS picks one of their quizzes, and quizapp answers the
platform with a signed LtiDeepLinkingResponse placing it in the course with a line item.

The request's settings (return URL, deployment, the platform's opaque data) are kept under a random picker token
in ``lti_launch_values``; the picker page and its form carry that token, which stands in for a session (an LMS
frame often has no cookies) and is used up by the answer. Plain functions over a session; no Flask.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pylti1p3.deep_link import DeepLink
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.lineitem import LineItem
from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.exceptions import DomainError, NotFound
from quizapp.lti.models import LtiLaunchValue, LtiPlacement, LtiPlatform
from quizapp.lti.tool import DatabaseToolConf
from quizapp.quizzes.models import Quiz

SETTINGS_CLAIM = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
DEPLOYMENT_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/deployment_id"
PICKER = "picker-"
PICKER_LIFETIME = timedelta(hours=2)
TOKEN_MAX = 64


class DeepLinkRefused(DomainError):
    """A deep linking request or choice quizapp cannot serve; the message says why."""


def start_picker(
    session: Session, platform: LtiPlatform, claims: Mapping[str, Any], user: User | None, *, now: datetime
) -> str:
    """Keep the request's settings for the picker; returns its token. ``user`` may come later (``set_picker_user``)."""
    settings = claims.get(SETTINGS_CLAIM)
    if not isinstance(settings, Mapping) or not str(settings.get("deep_link_return_url", "")).startswith(
        ("https://", "http://")
    ):
        raise DeepLinkRefused("The LMS sent no address to return the chosen quiz to.")
    accepted = settings.get("accept_types") or []
    if "ltiResourceLink" not in accepted:
        raise DeepLinkRefused("This place in the LMS does not accept LTI links, which is what quizapp adds.")
    token = secrets.token_urlsafe(24)
    value = {
        "user_id": user.id if user else None,
        "platform_id": platform.id,
        "deployment_id": str(claims.get(DEPLOYMENT_CLAIM, "")),
        "settings": dict(settings),
    }
    session.add(LtiLaunchValue(key=PICKER + token, value=json.dumps(value), expires_at=now + PICKER_LIFETIME))
    session.flush()
    return token


def _row(session: Session, token: str, now: datetime) -> LtiLaunchValue | None:
    if not token or len(token) > TOKEN_MAX:
        return None
    row = session.get(LtiLaunchValue, PICKER + token)
    return row if row is not None and row.expires_at > now else None


def set_picker_user(session: Session, token: str, user: User, *, now: datetime) -> None:
    """Give a picker started before its teacher was known (a first launch) to ``user``."""
    row = _row(session, token, now)
    if row is not None:
        row.value = json.dumps({**json.loads(row.value), "user_id": user.id})
        session.flush()


@dataclass(frozen=True)
class Picker:
    token: str
    user: User
    quizzes: list[Quiz]
    return_url: str
    row: LtiLaunchValue
    data: Mapping[str, Any]


def open_picker(session: Session, token: str, *, now: datetime) -> Picker:
    """The picker of ``token``: its teacher and their published quizzes. NotFound when unknown, used or expired."""
    row = _row(session, token, now)
    data = json.loads(row.value) if row is not None else {}
    user = session.get(User, int(data["user_id"])) if data.get("user_id") else None
    if row is None or user is None or not user.is_active_account or user.role not in (Role.TEACHER, Role.ADMIN):
        raise NotFound("This choice of quiz was made already or is too old. Start again from the LMS.")
    quizzes = list(
        session.scalars(
            select(Quiz)
            .where(Quiz.owner_id == user.id, Quiz.is_published, Quiz.personal_for_id.is_(None))
            .order_by(Quiz.title, Quiz.id)
        )
    )
    return Picker(token, user, quizzes, str(data["settings"]["deep_link_return_url"]), row, data)


def record_placement(session: Session, platform: LtiPlatform, deployment_id: str, quiz: Quiz, user: User) -> None:
    """Remember that ``quiz`` was placed on this platform and deployment: its links there may open it."""
    known = session.scalar(
        select(LtiPlacement.id).where(
            LtiPlacement.platform_id == platform.id,
            LtiPlacement.deployment_id == deployment_id,
            LtiPlacement.quiz_id == quiz.id,
        )
    )
    if known is None:
        session.add(
            LtiPlacement(platform_id=platform.id, deployment_id=deployment_id, quiz_id=quiz.id, placed_by_id=user.id)
        )


@dataclass(frozen=True)
class DeepLinkAnswer:
    return_url: str
    jwt: str
    quiz: Quiz


def answer_picker(session: Session, token: str, quiz_id: int, *, launch_url: str, now: datetime) -> DeepLinkAnswer:
    """The signed LtiDeepLinkingResponse placing the teacher's quiz in the course; the token is used up.

    The content item is an ltiResourceLink to ``launch_url`` with the custom parameter quiz_id, and a line
    item (score maximum 100, labelled with the quiz's title) that the LMS creates for the scores.
    """
    if _row(session, token, now) is None:  # a 400, as for a launch without its signature
        raise DeepLinkRefused("This choice of quiz was made already or is too old. Start again from the LMS.")
    picker = open_picker(session, token, now=now)
    quiz = next((quiz for quiz in picker.quizzes if quiz.id == quiz_id), None)
    if quiz is None:
        raise NotFound("That quiz is not one of your published quizzes.")
    data = picker.data
    platform = session.get(LtiPlatform, int(data["platform_id"]))
    registration = (
        DatabaseToolConf(session).find_registration_by_params(platform.issuer, platform.client_id)
        if platform is not None
        else None
    )
    if registration is None:
        raise DeepLinkRefused("This LMS is no longer registered.")
    resource = (
        DeepLinkResource()
        .set_title(quiz.title)
        .set_url(launch_url)
        .set_custom_params({"quiz_id": str(quiz.id)})
        .set_lineitem(LineItem().set_score_maximum(100).set_label(quiz.title).set_resource_id(f"quiz-{quiz.id}"))
    )
    jwt = DeepLink(registration, data["deployment_id"], data["settings"]).get_response_jwt([resource])
    record_placement(session, platform, str(data["deployment_id"]), quiz, picker.user)
    session.delete(picker.row)
    session.flush()
    return DeepLinkAnswer(picker.return_url, jwt, quiz)
