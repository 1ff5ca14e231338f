"""quizapp: turns source texts into quizzes.

``create_app`` builds the application: configuration, extensions, blueprints,
commands, error pages. It has no side effects: it creates no tables, runs no
migration and asks nothing; the schema comes only from ``flask db upgrade``.
"""

from __future__ import annotations

import os
from typing import Any

from flask import Flask, g, request
from flask.typing import ResponseReturnValue
from werkzeug.middleware.proxy_fix import ProxyFix

from quizapp.config import DEFAULT_SECRET_KEY, IN_FRAME_WITHOUT_SECURE, Defaults, from_environment


class ConfigurationError(RuntimeError):
    """The configuration cannot be used; the message says what to change."""


class QuizFlask(Flask):
    """Flask with one commit point: every view's response passes ``quizapp.transactions.finish_request``."""

    def dispatch_request(self) -> ResponseReturnValue:
        from quizapp.transactions import finish_request

        return finish_request(self.make_response(super().dispatch_request()))


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app. ``config`` (tests) is applied last, over every other source."""
    app = QuizFlask(__name__, instance_relative_config=True)
    app.config.from_object(Defaults)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("FLASK")
    app.config.update(from_environment())
    if config:
        app.config.update(config)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + os.path.join(app.instance_path, "quizapp.sqlite")
    _refuse_unsafe_production(app)
    from quizapp.live import polling

    polling.install(app)  # the live state every phone polls, answered below Flask; inside ProxyFix
    _trust_proxies(app)
    _cookies_for_lms_frames(app)

    # Before the extensions' own hooks: who may use a route is decided before CSRF or anything else.
    _register_hooks(app)
    _init_extensions(app)
    _register_blueprints(app)
    _register_tasks(app)
    from quizapp.rate_limits import init_rate_limits

    init_rate_limits(app)  # after the blueprints: it wraps the views they marked
    _warn_unshared_rate_limits(app)

    from quizapp import api
    from quizapp.cli import register_commands
    from quizapp.errors import register_error_handlers
    from quizapp.local_time import time_element
    from quizapp.wording import count

    register_commands(app)
    register_error_handlers(app)
    api.finish(app)  # after the limiter and the error pages: per-token limits, JSON errors under /api
    app.jinja_env.filters["plural"] = count  # {{ n|plural('question') }}: "1 question", "74 questions"
    app.jinja_env.filters["when"] = time_element  # {{ moment|when }}: a <time> in UTC, shown in the reader's zone
    return app


def _trust_proxies(app: Flask) -> None:
    value = app.config.get("TRUSTED_PROXIES") or 0
    try:
        hops = int(value)
    except (TypeError, ValueError):
        hops = -1
    if hops < 0:
        raise ConfigurationError(f"TRUSTED_PROXIES must be a whole number of proxies, 0 or more, not {value!r}")
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def _cookies_for_lms_frames(app: Flask) -> None:
    """LTI_IN_FRAME: the session cookie is sent in an LMS's frame too (SameSite=None), only when it is Secure."""
    if not app.config.get("LTI_IN_FRAME"):
        return
    if app.config.get("SESSION_COOKIE_SECURE"):
        app.config["SESSION_COOKIE_SAMESITE"] = "None"
    else:
        app.logger.warning(IN_FRAME_WITHOUT_SECURE)


def _refuse_unsafe_production(app: Flask) -> None:
    if app.testing or not app.config.get("PRODUCTION"):
        return
    if app.config["SECRET_KEY"] in (DEFAULT_SECRET_KEY, "", None):
        raise ConfigurationError(
            "Refusing to start in production with the default SECRET_KEY. Set FLASK_SECRET_KEY to a long random "
            "value, e.g. FLASK_SECRET_KEY=$(python -c 'import secrets; print(secrets.token_hex(32))')."
        )


def _warn_unshared_rate_limits(app: Flask) -> None:
    # Each gunicorn worker keeps memory:// counts of its own: with 4 workers a guesser gets 4 times the limits.
    storage = str(app.config.get("RATELIMIT_STORAGE_URI") or "memory://")
    if app.config.get("PRODUCTION") and app.config.get("RATELIMIT_ENABLED", True) and storage.startswith("memory://"):
        app.logger.warning(
            "Rate limits are counted in memory (RATELIMIT_STORAGE_URI=%s): each worker process counts on its own, so "
            "with several workers every limit is multiplied by their number. Set FLASK_RATELIMIT_STORAGE_URI="
            "redis://127.0.0.1:6379 (or another shared store) in production.",
            storage,
        )


def _init_extensions(app: Flask) -> None:
    from quizapp import schema  # noqa: F401 - every model joins the metadata before anything uses it
    from quizapp.database import configure_engine, engine_options
    from quizapp.extensions import bootstrap, csrf, db, login_manager, migrate

    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = engine_options(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=os.path.join(os.path.dirname(os.path.dirname(__file__)), "migrations"))
    csrf.init_app(app)
    bootstrap.init_app(app)
    from quizapp.page_urls import init_page_urls

    init_page_urls(app)  # after Bootstrap-Flask's init: it wraps its template object
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to see this page."
    login_manager.login_message_category = "info"
    with app.app_context():
        configure_engine(db.engine, app)

    from quizapp.auth import passwords
    from quizapp.auth.login import init_login

    passwords.configure(app.config["PASSWORD_HASH_METHOD"], published=(app.config.get("DEMO_PASSWORD") or "",))

    init_login(app)


def _register_blueprints(app: Flask) -> None:
    from quizapp import api
    from quizapp.attempts.staff_views import bp as attempts_staff_bp
    from quizapp.attempts.views import bp as attempts_bp
    from quizapp.audit.views import bp as audit_bp
    from quizapp.auth.admin_views import bp as admin_bp
    from quizapp.auth.recovery_views import bp as account_bp
    from quizapp.auth.views import bp as auth_bp
    from quizapp.bank.views import bp as bank_bp
    from quizapp.classes.account_views import bp as accounts_bp
    from quizapp.classes.views import bp as classes_bp
    from quizapp.dashboard.views import bp as dashboard_bp
    from quizapp.history.views import bp as history_bp
    from quizapp.live.views import bp as live_bp
    from quizapp.lti.grade_views import bp as lti_grades_bp
    from quizapp.lti.views import bp as lti_bp
    from quizapp.practice.views import bp as practice_bp
    from quizapp.quizzes.class_views import bp as class_quizzes_bp
    from quizapp.quizzes.views import bp as quizzes_bp
    from quizapp.request_args import URL_CONVERTERS
    from quizapp.sources.views import bp as sources_bp

    app.url_map.converters.update(URL_CONVERTERS)  # <id:...> and <index:...>, before any route uses them
    app.register_blueprint(dashboard_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(account_bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(attempts_bp)
    app.register_blueprint(attempts_staff_bp)
    app.register_blueprint(classes_bp)
    app.register_blueprint(class_quizzes_bp)
    app.register_blueprint(sources_bp)
    app.register_blueprint(bank_bp)
    app.register_blueprint(quizzes_bp)
    app.register_blueprint(audit_bp)
    app.register_blueprint(history_bp)
    app.register_blueprint(practice_bp)
    app.register_blueprint(live_bp)
    api.register(app)
    app.register_blueprint(lti_bp)
    app.register_blueprint(lti_grades_bp)


def _register_tasks(app: Flask) -> None:
    """Bind the job queue to this app's settings; every feature's tasks join it as their module loads."""
    from quizapp.background import init_queue
    from quizapp.bank import tasks as bank_tasks  # noqa: F401 - registers its tasks
    from quizapp.history import tasks as history_tasks  # noqa: F401 - registers its tasks
    from quizapp.live import tasks as live_tasks  # noqa: F401 - registers its tasks
    from quizapp.lti import tasks as lti_tasks  # noqa: F401 - registers its tasks
    from quizapp.lti.outbox import init_outbox

    init_queue(app)
    init_outbox()  # LMS scores are queued with the transaction that changes them


def _register_hooks(app: Flask) -> None:
    from quizapp import security_headers
    from quizapp.access import enforce_access
    from quizapp.api.auth import authenticate_request
    from quizapp.auth.session_limits import UnchangedOnServerError, check_session_age
    from quizapp.database import end_mismatched_transaction, set_write_intent
    from quizapp.extensions import db
    from quizapp.lti import framing
    from quizapp.moved import init_moved
    from quizapp.transactions import READ_METHODS, init_transactions, request_may_write

    security_headers.init_app(app, frame_ancestors=framing.frame_ancestors)  # a launched session's LMS may frame
    init_moved(app)  # an old URL is redirected before anything else looks at it
    init_transactions(app)
    app.session_interface = UnchangedOnServerError()

    @app.before_request
    def _mark_writes() -> None:
        # A POST's transactions begin for writing; a GET declared @writes_on_get reads until begin_writing;
        # a GET's statements run in autocommit on PostgreSQL until it writes.
        reads = request.method in READ_METHODS
        set_write_intent(not reads, may_begin_writing=request_may_write(), autocommit_reads=reads)
        end_mismatched_transaction(db.session())

    app.before_request(authenticate_request)  # under /api the caller is the token's user, never the session's
    app.before_request(check_session_age)
    app.before_request(enforce_access)

    @app.teardown_request
    def _forget_request_state(_error: BaseException | None) -> None:
        # Flask-Login (the user) and Flask-WTF (the CSRF token) cache per-request state on g, which
        # lives as long as the app context. When a caller keeps one context open across requests (the
        # test suite does), nothing of one request may leak into the next.
        for name in list(g):
            g.pop(name, None)
        set_write_intent(False)  # the next transaction in this thread is a read unless a request says otherwise
