"""Security headers on every response.

No inline script anywhere (the pages' scripts are files), so script-src is
'self' alone; inline style attributes (progress bar widths) stay allowed.

Every response but a static file is ``Cache-Control: no-store``: pages and downloads
show grades, keys and names, and the same URL ("/") is a dashboard for one visitor and
the public landing page for the next, so neither a shared cache nor the browser's
(back button after logging out) may keep them. Static assets stay cacheable.

Nothing may frame a page (``frame-ancestors 'none'``), except the quiz pages of a session launched from an LMS,
which that LMS's registered origins may frame (``quizapp.lti.framing``).
"""

from __future__ import annotations

from flask import Flask, Response, request, session

from quizapp.access import BUILTIN_PUBLIC_ENDPOINTS
from quizapp.extensions import db
from quizapp.lti import framing


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
        framers = framing.frame_ancestors(db.session, session, request.blueprint, request.endpoint)
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


def init_app(app: Flask) -> None:
    app.after_request(add_security_headers)
