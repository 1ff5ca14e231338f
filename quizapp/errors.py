"""Error pages and the mapping of domain errors to HTTP answers, in one place."""

from __future__ import annotations

from flask import Flask, jsonify, render_template
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from werkzeug.exceptions import HTTPException

from quizapp.access import wants_json
from quizapp.database import is_unavailable
from quizapp.exceptions import DomainError
from quizapp.extensions import db

MESSAGES = {
    400: ("Bad request", "The request could not be understood."),
    403: ("Not allowed", "Your account does not have access to this page."),
    404: ("Not found", "There is nothing here. It may have been removed, or the link is wrong."),
    405: ("Method not allowed", "This page cannot be used that way."),
    409: ("Conflict", "This was changed elsewhere in the meantime."),
    413: ("File too large", "The upload is larger than this site accepts."),
    429: ("Too many requests", "Please wait a moment and try again."),
    500: ("Something went wrong", "An unexpected error happened. Nothing you sent was half-saved; please try again."),
    503: ("Busy", "The site is busy for a moment. Please try again in a few seconds."),
}


# A database that is locked, restarting or closed for a moment: a 503 that says to try again, never a 500.
RETRY_AFTER_S = 5
UNAVAILABLE_PAGE = "The database is busy or not answering for a moment. Please try again in a few seconds."
# Shown after "Not checked: " by the practice check; the autosave retries by itself and says "Not saved, retrying".
UNAVAILABLE_JSON = "the database is busy or not answering for a moment; nothing was lost, try again in a few seconds."


def forget_transaction() -> None:
    """Roll the request's transaction back; when the server cut the connection, the rollback fails too (its
    ROLLBACK meets "terminating connection"): then drop the connection instead, as nothing is left to undo."""
    try:
        db.session.rollback()
    except SQLAlchemyError:
        db.session().invalidate()  # the scoped_session proxy does not offer invalidate(); its Session does


def render_error(status: int, detail: str | None = None, *, window: object = None) -> tuple[str, int]:
    """The error page; ``window`` (a quiz's WindowProblem) is said with its time in the reader's zone."""
    title, message = MESSAGES.get(status, (f"Error {status}", "The request failed."))
    page = render_template("errors/error.html", status=status, title=title, message=detail or message, window=window)
    return page, status


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> ResponseReturnValue:
        db.session.rollback()
        message = (
            "This form was not accepted: its security token is missing or no longer valid "
            "(the page may be old, or you were logged out). Reload the page and try again; nothing was changed."
        )
        if wants_json():
            return jsonify(ok=False, error=message, csrf=True), 400
        return render_error(400, message)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> ResponseReturnValue:
        db.session.rollback()
        status = error.code or 500
        if status == 429 and wants_json():
            return jsonify(ok=False, error="Too many requests: wait a moment; the page retries by itself."), 429
        detail = None
        if status == 413:
            limit = app.config.get("MAX_CONTENT_LENGTH") or 0
            detail = (
                f"The upload is larger than this site accepts ({limit // (1024 * 1024)} MB at most). Nothing was saved."
            )
        return render_error(status, detail)

    @app.errorhandler(DomainError)
    def domain_error(error: DomainError) -> ResponseReturnValue:
        db.session.rollback()
        if wants_json():
            return jsonify(ok=False, error=str(error)), error.status_code
        return render_error(error.status_code, str(error), window=getattr(error, "window", None))

    @app.errorhandler(OperationalError)
    def database_error(error: OperationalError) -> ResponseReturnValue:
        # The failed transaction must not leak into whatever this session serves next.
        forget_transaction()
        if not is_unavailable(error):
            app.logger.exception("database error", exc_info=error)
            return render_error(500)
        app.logger.warning("database unavailable: %s", str(error.orig).splitlines()[0] if error.orig else error)
        headers = {"Retry-After": str(RETRY_AFTER_S)}
        if wants_json():
            # The page's script keeps the answer and retries; this message is what the student reads meanwhile.
            return jsonify(ok=False, retry=True, error=UNAVAILABLE_JSON), 503, headers
        try:
            return (*render_error(503, UNAVAILABLE_PAGE), headers)
        except SQLAlchemyError:
            # The layout asks who is logged in, which needs the database that just failed: answer in plain text.
            forget_transaction()
            return UNAVAILABLE_PAGE, 503, {**headers, "Content-Type": "text/plain; charset=utf-8"}

    @app.errorhandler(500)
    def server_error(error: Exception) -> tuple[str, int]:
        forget_transaction()
        return render_error(500)
