"""Who calls the API: the bearer token of each request, its scope, and the per-token rate limit key.

``authenticate_request`` runs before every request, ahead of the session-age check and the access rules: under
/api it makes the token's user the request's ``current_user`` (never the session's), so ``quizapp.access``
applies the same role rules to the API as to the pages.
"""

from __future__ import annotations

from flask import current_app, g, request
from flask_limiter.util import get_remote_address

from quizapp.access import ANYONE, is_api_request, rule_for
from quizapp.api.errors import ApiError
from quizapp.api.tokens import user_for_token
from quizapp.extensions import db, login_manager
from quizapp.models import utcnow
from quizapp.transactions import READ_METHODS


def authenticate_request() -> None:
    """before_request hook: under /api, the caller is the token's user or nobody (a 401 where a rule needs one)."""
    if not is_api_request():
        return
    login_manager._update_request_context_with_user(None)  # anonymous, whatever the cookie says
    header = request.headers.get("Authorization", "")
    endpoint = request.endpoint
    public = endpoint is None or rule_for(current_app, endpoint) == ANYONE
    if not header:
        if not public:
            raise ApiError(401, "Send your API token: Authorization: Bearer <token> (make one on your account page).")
        return
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "The Authorization header must read: Bearer <token>.")
    found = user_for_token(db.session, token.strip(), utcnow())
    if found is None:
        raise ApiError(401, "The token is unknown, expired or revoked.")
    user, row = found
    login_manager._update_request_context_with_user(user)
    g.api_token = row
    needed = "read" if request.method in READ_METHODS else "write"
    if needed not in row.scope_list:
        raise ApiError(403, f"This token has no {needed} scope.", code="insufficient_scope")


def token_key() -> str:
    """The rate-limit key of an API request: its token (requests without one count by address)."""
    row = g.get("api_token")
    return f"token:{row.prefix}" if row is not None else f"address:{get_remote_address()}"
