"""The JSON API under /api/v1, described by OpenAPI at /api/openapi.json, with personal API tokens.

It calls the same services as the pages and is held to the same access rules (``quizapp.access``); it
authenticates by bearer token only (``quizapp.api.auth``), never by the session cookie, so it needs no CSRF
token and sets no cookie. Every error is JSON (``quizapp.api.errors``).
"""

from __future__ import annotations

from flask import Flask, current_app

RATE_LIMIT_SETTING = "RATELIMIT_API"
RATE_LIMIT_DEFAULT = "600/minute"


def register(app: Flask) -> None:
    """Register the API's blueprint; call with the other blueprints."""
    from quizapp.api import attempts, classes, docs, documents, imports, questions, quizzes, results, reviews  # noqa: F401
    from quizapp.api.blueprint import bp
    from quizapp.api.token_views import bp as tokens_bp
    from quizapp.extensions import csrf

    csrf.exempt(bp)  # no cookie authenticates a call, so no cross-site request can make one on a user's behalf
    app.register_blueprint(bp)
    app.register_blueprint(tokens_bp)  # the account page's tokens: session and CSRF like every page


def finish(app: Flask) -> None:
    """After the rate limiter and the pages' error handlers exist: limit per token, answer errors in JSON."""
    from quizapp.api import errors
    from quizapp.api.auth import token_key

    errors.install(app)
    limiter = app.extensions["quizapp.limiter"]

    def per_token() -> str:
        return str(current_app.config.get(RATE_LIMIT_SETTING, RATE_LIMIT_DEFAULT))

    for endpoint, view in list(app.view_functions.items()):
        if endpoint.startswith("api."):
            app.view_functions[endpoint] = limiter.limit(per_token, key_func=token_key, scope="api")(view)


__all__ = ["finish", "register"]
