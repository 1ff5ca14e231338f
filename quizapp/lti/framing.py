"""Who may frame quizapp's pages: nobody, except the LMS a browser session was launched from.

A session that began with an LTI launch carries the platform's id (``mark``); its quiz and attempt pages may then
be framed by that platform's origins, read from the registration (issuer, login URL, the frame origins an
admin listed), never from the request.
Every other session, and every other page, keeps ``frame-ancestors 'none'``. Plain functions; the session and
database session are passed in.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from quizapp.lti.models import LtiPlatform
from quizapp.lti.services import ORIGIN

SESSION_KEY = "lti_platform"
# The pages a launch leads to in the frame: the quiz and its attempt (students), the quiz's page (teachers).
FRAMEABLE_BLUEPRINTS = frozenset({"attempts", "quizzes"})
FRAMEABLE_ENDPOINTS = frozenset({"dashboard.index"})


def mark(browser_session: MutableMapping[str, Any], platform_id: int) -> None:
    """Remember in the browser's (signed) session that it began with a launch from this platform."""
    browser_session[SESSION_KEY] = platform_id


def platform_origins(platform: LtiPlatform) -> list[str]:
    """The https origins of the registration: its issuer's, its login URL's, and the frame origins it lists."""
    origins: list[str] = []
    for url in (platform.issuer, platform.auth_login_url, *(platform.frame_origins or "").split()):
        parts = urlsplit(url or "")
        origin = f"https://{parts.netloc.lower()}" if parts.scheme == "https" and parts.netloc else ""
        if ORIGIN.fullmatch(origin) and origin not in origins:  # nothing that could end the CSP directive
            origins.append(origin)
    return origins


def frame_ancestors(
    db_session: Session, browser_session: MutableMapping[str, Any], blueprint: str | None, endpoint: str | None
) -> str | None:
    """The frame-ancestors source list for this page, or None for the default ``'none'``."""
    if blueprint not in FRAMEABLE_BLUEPRINTS and endpoint not in FRAMEABLE_ENDPOINTS:
        return None  # first: other pages (static files) never read the session
    platform_id = browser_session.get(SESSION_KEY)
    if not isinstance(platform_id, int) or isinstance(platform_id, bool):
        return None
    try:
        platform = db_session.get(LtiPlatform, platform_id)
    except SQLAlchemyError:  # the database is down (the page says so): not frameable, and no 500 from here
        return None
    origins = platform_origins(platform) if platform is not None else []
    return " ".join(origins) or None
