"""Security headers on every response.

No inline script anywhere (the pages' scripts are files), so script-src is
'self' alone; inline style attributes (progress bar widths) stay allowed.

Every response but a static file is ``Cache-Control: no-store``: pages and downloads
show grades, keys and names, and the same URL ("/") is a dashboard for one visitor and
the public landing page for the next, so neither a shared cache nor the browser's
(back button after logging out) may keep them. Static assets stay cacheable.

Nothing may frame a page (``frame-ancestors 'none'``), except the quiz pages of a session launched from an LMS,
which that LMS's registered origins may frame. Which ones is LTI's business (``quizapp.lti.framing``), handed in
by the app factory: this module sits below every feature and imports none of them.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

from flask import Flask, Response, current_app, request, session
from sqlalchemy.orm import Session

from quizapp.access import BUILTIN_PUBLIC_ENDPOINTS
from quizapp.extensions import db

# (database session, browser session, blueprint, endpoint) -> the page's frame-ancestors, or None for 'none'.
FrameAncestors = Callable[[Session, MutableMapping[str, Any], str | None, str | None], str | None]
_PROVIDER = "security_headers.frame_ancestors"


def content_security_policy(*, frame_ancestors: str = "'none'", form_action: str = "'self'") -> str:
    """The policy of every page; the LTI pages an LMS frames, or that post back to it, widen the last two."""
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            f"form-action {form_action}",
            f"frame-ancestors {frame_ancestors}",
        )
    )


CONTENT_SECURITY_POLICY = content_security_policy()


def add_security_headers(response: Response) -> Response:
    headers = response.headers
    if "Content-Security-Policy" not in headers:
        provider: FrameAncestors | None = current_app.extensions.get(_PROVIDER)
        framers = provider(db.session, session, request.blueprint, request.endpoint) if provider else None
        headers["Content-Security-Policy"] = (
            CONTENT_SECURITY_POLICY if framers is None else content_security_policy(frame_ancestors=framers)
        )
    headers.setdefault("X-Content-Type-Options", "nosniff")
    if "frame-ancestors 'none'" in headers["Content-Security-Policy"]:  # else the page named who may frame it
        headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    if request.endpoint not in BUILTIN_PUBLIC_ENDPOINTS:
        headers.setdefault("Cache-Control", "no-store")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    return response


def init_app(app: Flask, frame_ancestors: FrameAncestors | None = None) -> None:
    """Add the headers to every response; ``frame_ancestors`` names who may frame a page (none when not given)."""
    if frame_ancestors is not None:
        app.extensions[_PROVIDER] = frame_ancestors
    app.after_request(add_security_headers)
