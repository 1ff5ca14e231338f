"""Rate limits on the doors attackers knock on: login, registration, passwords, join codes, uploads, autosave,
student flags.

Each is limited per address and per account; before signing in, "the account" is the
name typed *from this address*. Counted by the name alone, anyone who knows a username
could keep its owner from logging in (ten wrong passwords a minute from anywhere); counted
per name and address, a guesser locks out only their own address. Memory storage by default
(per process: fine for one worker); set RATELIMIT_STORAGE_URI (e.g. redis://...) so that
every gunicorn worker counts together (create_app warns in production when it is not set).
Limits are settings, so a school behind one NAT address can raise the per-address ones.

Views are only marked here; ``init_rate_limits`` gives each app a limiter of its own.
A limiter made once at import and shared by every app keeps the storage URI given to
its constructor over the app's setting, and the first app's key prefix for all later
ones: the Redis setting was silently ignored that way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import current_user

F = TypeVar("F", bound=Callable[..., Any])

LIMIT_ATTRIBUTE = "_quizapp_rate_limit"
EXEMPT_ATTRIBUTE = "_quizapp_rate_limit_exempt"

# A sliding-window counter costs O(1) per check; a moving window keeps every hit and slowed autosave down.
STRATEGY = "sliding-window-counter"

DEFAULTS = {
    "RATELIMIT_LOGIN": ("120/minute", "10/minute"),  # per address (a class behind one NAT), per name and address
    "RATELIMIT_REGISTER": ("30/hour", "30/hour"),
    "RATELIMIT_PASSWORD": ("60/hour", "10/hour"),
    "RATELIMIT_JOIN": ("120/hour", "20/hour"),
    "RATELIMIT_UPLOAD": ("120/hour", "30/hour"),
    "RATELIMIT_AUTOSAVE": ("6000/minute", "240/minute"),
    "RATELIMIT_FLAG": ("300/hour", "30/hour"),
    # Live sessions: a whole class (guests too, all "no account" from one school address) joins in a minute.
    "RATELIMIT_LIVE_JOIN": ("600/hour", "600/hour"),
}


def account_key() -> str:
    """The account a request acts for: the signed-in user, or the username a form names from this address."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    name = (request.form.get("username") or "").strip().lower()[:64]
    return f"name:{name}@{get_remote_address()}"


def limited(setting: str) -> Callable[[F], F]:
    """Limit a view's POSTs per address and per account (see ``account_key``), by the named setting."""
    if setting not in DEFAULTS:
        raise ValueError(f"no rate-limit setting {setting!r}")

    def mark(view: F) -> F:
        setattr(view, LIMIT_ATTRIBUTE, setting)
        return view

    return mark


def exempt(view: F) -> F:
    """Never count this view (health checks)."""
    setattr(view, EXEMPT_ATTRIBUTE, True)
    return view


def init_rate_limits(app: Flask) -> Limiter:
    """The app's limiter, over the views marked above; called once the blueprints are registered."""
    limiter = Limiter(key_func=get_remote_address, strategy=STRATEGY)
    limiter.init_app(app)
    # The limits hold the limiter weakly, and a disabled limiter is not kept by init_app: the app keeps it.
    app.extensions["quizapp.limiter"] = limiter
    for endpoint, view in list(app.view_functions.items()):
        if getattr(view, EXEMPT_ATTRIBUTE, False):
            app.view_functions[endpoint] = limiter.exempt(view)
        elif (setting := getattr(view, LIMIT_ATTRIBUTE, None)) is not None:
            app.view_functions[endpoint] = _limit(limiter, setting, view)
    _drop_app_wide_hooks(app, limiter)
    return limiter


APP_WIDE_SETTINGS = ("RATELIMIT_DEFAULT", "RATELIMIT_APPLICATION", "RATELIMIT_META", "RATELIMIT_HEADERS_ENABLED")


def _drop_app_wide_hooks(app: Flask, limiter: Limiter) -> None:
    """Take the limiter's before/after/teardown hooks off every request when only marked views are limited.

    Flask-Limiter's hooks serve default, application-wide and meta limits and rate-limit headers; quizapp sets
    none of them, and the marked views check their limits in their own wrapper. The hooks still ran on every
    request (about 300 Python calls each, a tenth of a signed-in no-op's cost). A deployment that sets one of
    those settings keeps them.
    """
    if any(app.config.get(name) for name in APP_WIDE_SETTINGS):
        return

    def ours(hook: Any) -> bool:
        owner = getattr(hook, "__self__", None) or (getattr(hook, "args", None) or (None,))[0]
        return owner is limiter

    for hooks in (app.before_request_funcs, app.after_request_funcs, app.teardown_request_funcs):
        hooks[None] = [hook for hook in hooks.get(None, []) if not ours(hook)]  # type: ignore[index]


def _limit(limiter: Limiter, setting: str, view: F) -> F:
    def per_address() -> str:
        return str(current_app.config.get(setting, DEFAULTS[setting])[0])

    def per_account() -> str:
        return str(current_app.config.get(setting, DEFAULTS[setting])[1])

    view = limiter.limit(per_address, methods=["POST"], scope=f"{setting}:address")(view)
    return limiter.limit(per_account, key_func=account_key, methods=["POST"], scope=f"{setting}:account")(view)
