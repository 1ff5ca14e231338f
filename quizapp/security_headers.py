"""Security headers on every response.

No inline script anywhere (the pages' scripts are files), so script-src is
'self' alone; inline style attributes (progress bar widths) stay allowed.

Every response but a static file is ``Cache-Control: no-store``: pages and downloads
show grades, keys and names, and the same URL ("/") is a dashboard for one visitor and
the public landing page for the next, so neither a shared cache nor the browser's
(back button after logging out) may keep them. Static assets stay cacheable.
"""

from __future__ import annotations

from flask import Flask, Response, request

from quizapp.access import BUILTIN_PUBLIC_ENDPOINTS

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


def add_security_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    if request.endpoint not in BUILTIN_PUBLIC_ENDPOINTS:
        headers.setdefault("Cache-Control", "no-store")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    return response


def init_app(app: Flask) -> None:
    app.after_request(add_security_headers)
