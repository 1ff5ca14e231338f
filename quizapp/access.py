"""Who may use which route: every view declares it, anything undeclared is denied.

A view is marked with ``@allow(...)``; the check itself runs once, in a
``before_request`` hook, for every endpoint of the app. A route that forgets
its rule is refused (403) rather than served, and the access test that walks
``app.url_map`` fails on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, jsonify, redirect, request, url_for
from flask_login import current_user

from quizapp.auth.roles import Role

F = TypeVar("F", bound=Callable[..., object])

ANYONE = "anyone"
SIGNED_IN = frozenset(Role)
STUDENT = frozenset({Role.STUDENT})
STAFF = frozenset({Role.TEACHER, Role.ADMIN})
ADMIN = frozenset({Role.ADMIN})

# Endpoints that Flask and extensions register themselves: static files only.
BUILTIN_PUBLIC_ENDPOINTS = frozenset({"static", "bootstrap.static"})

ACCESS_ATTRIBUTE = "access_rule"

# The JSON API (quizapp.api) lives under this prefix: token authentication, no session, JSON errors.
API_PREFIX = "/api"


def allow(rule: str | Iterable[Role]) -> Callable[[F], F]:
    """Declare who may call a view: ``ANYONE`` or a set of roles."""
    value: str | frozenset[Role] = rule if rule == ANYONE else frozenset(rule)
    if value != ANYONE and not value:
        raise ValueError("an access rule needs at least one role")

    def mark(view: F) -> F:
        setattr(view, ACCESS_ATTRIBUTE, value)
        return view

    return mark


def rule_for(app: Flask, endpoint: str) -> str | frozenset[Role] | None:
    """The declared rule of an endpoint, or None when it has none."""
    if endpoint in BUILTIN_PUBLIC_ENDPOINTS:
        return ANYONE
    view = app.view_functions.get(endpoint)
    return getattr(view, ACCESS_ATTRIBUTE, None)


def enforce_access() -> object | None:
    """before_request hook: apply the endpoint's rule, denying by default."""
    endpoint = request.endpoint
    if endpoint is None:  # no route matched: let the 404/405 handlers answer
        return None
    rule = rule_for(current_app, endpoint)
    if rule is None:
        current_app.logger.error("route %s has no access rule; refused", endpoint)
        abort(403)
    if rule == ANYONE:
        return None
    if not current_user.is_authenticated:
        if wants_json():
            # A page's script (autosave) must learn it was logged out, not follow a redirect to a login form.
            return jsonify(
                ok=False,
                error="You were logged out. Log in again; your saved answers are kept.",
                login=url_for("auth.login", next=request.referrer and urlsplit(request.referrer).path),
            ), 401
        return redirect(url_for("auth.login", next=request.full_path if request.query_string else request.path))
    if getattr(current_user, "pending", False):
        return None  # a student-only route whose first query checks the login and the role (quizapp.auth.login)
    if current_user.role not in rule:
        abort(403)
    return None


def is_api_request() -> bool:
    """True for a request to the JSON API, whether or not a route matched (its 404s are JSON too)."""
    return request.path == API_PREFIX or request.path.startswith(API_PREFIX + "/")


def wants_json() -> bool:
    """True for requests made by the pages' scripts (they send and accept JSON)."""
    return request.is_json or request.accept_mimetypes.best == "application/json"


def undeclared_endpoints(app: Flask) -> list[str]:
    """Endpoints of the app that declare no access rule (each is refused at run time)."""
    return sorted(endpoint for endpoint in app.view_functions if rule_for(app, endpoint) is None)
