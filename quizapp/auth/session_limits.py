"""How long a login lasts: an idle limit and an absolute limit, both configurable.

The times are kept in the signed session cookie; the check runs before every
request, so a stolen or forgotten session stops working on its own.
"""

from __future__ import annotations

import time

from flask import Flask, current_app, flash, jsonify, redirect, request, session, url_for
from flask.sessions import SecureCookieSessionInterface, SessionMixin
from flask.typing import ResponseReturnValue
from flask_login import current_user, logout_user
from werkzeug.wrappers import Request, Response

from quizapp.access import is_api_request, wants_json

LOGIN_AT = "_login_at"
SEEN_AT = "_seen_at"
# Static files, the health check, and the live state every phone polls each second (it needs no login: a signed
# cookie says who polls, and loading the user there would be most of its cost).
UNCHECKED_ENDPOINTS = frozenset({"static", "bootstrap.static", "dashboard.healthz", "live.state"})
# Writing the cookie on every request costs; a minute's precision is plenty for an idle limit.
TOUCH_EVERY_S = 60


def start(now: float | None = None) -> None:
    """Call right after login_user: the clock of this login starts now."""
    moment = now if now is not None else time.time()
    session[LOGIN_AT] = moment
    session[SEEN_AT] = moment


def check_session_age() -> ResponseReturnValue | None:
    """before_request hook: end a login that was idle too long or is older than the absolute limit."""
    if request.endpoint in UNCHECKED_ENDPOINTS or is_api_request():
        return None  # the API authenticates by token, never by this session (quizapp.api.auth)
    if not current_user.is_authenticated:
        return None
    now = time.time()
    login_at, seen_at = session.get(LOGIN_AT), session.get(SEEN_AT)
    idle = _seconds(current_app.config["SESSION_IDLE_TIMEOUT"])
    absolute = _seconds(current_app.config["SESSION_ABSOLUTE_TIMEOUT"])
    if login_at is None or seen_at is None or now - seen_at > idle or now - login_at > absolute:
        logout_user()
        session.clear()
        message = "Your session ended (too long without activity, or logged in too long ago). Please log in again."
        if wants_json():
            return jsonify(ok=False, error=message, login=url_for("auth.login")), 401
        flash(message, "info")
        return redirect(url_for("auth.login", next=request.path))
    if now - seen_at > TOUCH_EVERY_S:
        session[SEEN_AT] = now
    return None


def _seconds(value: object) -> float:
    # FLASK_SESSION_IDLE_TIMEOUT=7200 from the environment arrives as a number, the defaults as timedeltas.
    return value.total_seconds() if hasattr(value, "total_seconds") else float(value)


class UnchangedOnServerError(SecureCookieSessionInterface):
    """The signed session cookie, written only when the request did not fail: after a 5xx the browser keeps
    the cookie it came with. A login whose answer could not be made (a 500 under a page saying nothing was
    saved) must not leave the browser logged in, nor a logout half-done.

    The JSON API neither reads nor writes it: a request there starts with an empty session whatever cookie
    it brings (so the cookie never authenticates an API call, and CSRF cannot reach the API through it),
    and its answers set no cookie and leave a login's idle time as it was."""

    def open_session(self, app: Flask, request: Request) -> SessionMixin | None:
        if is_api_request():
            return self.session_class()
        return super().open_session(app, request)

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        if response.status_code >= 500 or is_api_request():
            return
        super().save_session(app, session, response)
