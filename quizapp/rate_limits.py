"""Rate limits on the doors attackers knock on: login, registration, passwords, join codes, uploads, autosave.

Each is limited per address and per account. Memory storage by default (per
process: fine for one worker); set RATELIMIT_STORAGE_URI (e.g. redis://...) so
that every gunicorn worker counts together. Limits are settings, so a school
behind one NAT address can raise the per-address ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import current_user

F = TypeVar("F", bound=Callable[..., Any])

# A sliding-window counter costs O(1) per check; a moving window keeps every hit and slowed autosave down.
limiter = Limiter(key_func=get_remote_address, storage_uri="memory://", strategy="sliding-window-counter")

DEFAULTS = {
    "RATELIMIT_LOGIN": ("120/minute", "10/minute"),  # per address (a class behind one NAT), per account
    "RATELIMIT_REGISTER": ("30/hour", "30/hour"),
    "RATELIMIT_PASSWORD": ("60/hour", "10/hour"),
    "RATELIMIT_JOIN": ("120/hour", "20/hour"),
    "RATELIMIT_UPLOAD": ("120/hour", "30/hour"),
    "RATELIMIT_AUTOSAVE": ("6000/minute", "240/minute"),
}


def account_key() -> str:
    """The account a request acts for: the signed-in user, or the username a login form names."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    name = (request.form.get("username") or "").strip().lower()[:64]
    return f"name:{name}" if name else f"address:{get_remote_address()}"


def limited(setting: str) -> Callable[[F], F]:
    """Limit a view's POSTs per address and per account, by the named setting."""

    def per_address() -> str:
        return str(current_app.config.get(setting, DEFAULTS[setting])[0])

    def per_account() -> str:
        return str(current_app.config.get(setting, DEFAULTS[setting])[1])

    def wrap(view: F) -> F:
        view = limiter.limit(per_address, methods=["POST"], scope=f"{setting}:address")(view)
        return limiter.limit(per_account, key_func=account_key, methods=["POST"], scope=f"{setting}:account")(view)

    return wrap
