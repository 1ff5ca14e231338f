"""Every answer under /api that is not a success: JSON of one shape, ``{"error": {"code", "message", "fields"}}``.

``install`` wraps the app's error handlers (the pages' error pages) once they are all registered: under the
API's prefix each error, from a routing 404 or 405 to a 413, a 429 or a database outage, answers in that shape
instead of an HTML page. The pages keep their handlers unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask, Response, current_app, jsonify
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException

from quizapp.access import is_api_request
from quizapp.database import is_unavailable
from quizapp.exceptions import DomainError
from quizapp.extensions import db

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "rate_limited",
    500: "server_error",
    503: "unavailable",
}
MESSAGES = {
    401: "Send a valid API token: Authorization: Bearer <token>.",
    403: "Your token or account may not do this.",
    404: "There is nothing here, or it is not yours.",
    405: "This operation does not take that method.",
    413: "The request body is larger than this site accepts.",
    429: "Too many requests with this token: wait a moment and try again.",
    500: "An unexpected error happened; nothing was half-saved.",
    503: "The database is busy or not answering for a moment; try again in a few seconds.",
}
RETRY_AFTER_S = 5


class ApiError(Exception):
    """A caller's mistake found by the API layer itself (a malformed body, a missing scope)."""

    def __init__(self, status: int, message: str, fields: Mapping[str, str] | None = None, code: str | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.fields = dict(fields or {})
        self.code = code or CODES.get(status, "error")


def error_response(
    status: int, message: str, *, fields: Mapping[str, str] | None = None, code: str | None = None
) -> Response:
    response = jsonify(error={"code": code or CODES.get(status, "error"), "message": message, "fields": fields or {}})
    response.status_code = status
    return response


def answer(error: BaseException) -> Response:
    """The JSON answer for any error raised while serving an API request."""
    db.session.rollback()  # nothing of a failed request is committed later by accident
    if isinstance(error, ApiError):
        return error_response(error.status, error.message, fields=error.fields, code=error.code)
    if isinstance(error, DomainError):
        return error_response(error.status_code, str(error))
    if isinstance(error, HTTPException):
        status = error.code or 500
        response = error_response(status, MESSAGES.get(status) or error.description or "The request failed.")
        for name, value in error.get_headers():
            if name.lower() != "content-type":  # keep Allow (405), Retry-After (429) and the like
                response.headers[name] = value
        return response
    if isinstance(error, OperationalError) and is_unavailable(error):
        response = error_response(503, MESSAGES[503])
        response.headers["Retry-After"] = str(RETRY_AFTER_S)
        return response
    current_app.logger.error("API request failed", exc_info=error)
    return error_response(500, MESSAGES[500])


def _json_under_api(page_handler: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def handler(error: Any) -> Any:
        if is_api_request():
            original = getattr(error, "original_exception", None)  # an unhandled error reaches the 500 handler
            return answer(original if isinstance(original, BaseException) else error)
        return page_handler(error)

    return handler


def install(app: Flask) -> None:
    """Answer errors under /api in JSON; call after every error handler of the pages is registered."""
    for handlers in app.error_handler_spec[None].values():
        for exception_class, page_handler in list(handlers.items()):
            handlers[exception_class] = _json_under_api(page_handler)
    app.register_error_handler(ApiError, answer)
