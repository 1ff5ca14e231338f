"""`flask doctor`: what a deployment is missing, said before the students find out.

``diagnose`` is a pure function of the facts ``gather_facts`` reads off the running configuration (settings, the
database, the stores in Redis, what the background worker left in the queue's storage), so each rule is tested
without a deployment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask

from quizapp.background import WORKER_SILENT_AFTER
from quizapp.config import DEFAULT_SECRET_KEY, IN_FRAME_WITHOUT_SECURE
from quizapp.timezones import stored_time

PROBLEM, WARNING, OK = "problem", "warning", "ok"
# A duplicate run noted within this window is news; an older one may have been fixed since.
DUPLICATE_NEWS = timedelta(minutes=15)


@dataclass(frozen=True)
class Finding:
    level: str
    topic: str
    message: str


@dataclass
class Facts:
    production: bool
    secret_key: str
    processes: int  # app processes serving requests in all: gunicorn workers x servers (1 when not told)
    database_backend: str
    database_error: str | None = None
    migrations_behind: bool = False
    rate_limit_storage: str = "memory://"
    rate_limit_error: str | None = None
    queue_backend: str = "sqlite"
    queue_error: str | None = None
    last_periodic_run: dict[str, Any] | None = None
    duplicate_periodic_run: dict[str, Any] | None = None
    cookie_secure: bool = False
    lti_in_frame: bool = False
    trusted_proxies: int = 0
    now: datetime = field(default_factory=lambda: datetime.now(UTC))


def diagnose(facts: Facts) -> list[Finding]:
    """Every finding, problems first; a deployment without problems still hears what is fine."""
    findings = [
        *_secret(facts),
        *_database(facts),
        *_rate_limits(facts),
        *_queue(facts),
        *_worker(facts),
        *_cookies_and_proxies(facts),
    ]
    order = {PROBLEM: 0, WARNING: 1, OK: 2}
    return sorted(findings, key=lambda finding: order[finding.level])


def _secret(facts: Facts) -> list[Finding]:
    if facts.secret_key in (DEFAULT_SECRET_KEY, ""):
        level = PROBLEM if facts.production or facts.processes > 1 else WARNING
        return [
            Finding(
                level,
                "secret key",
                "the default SECRET_KEY is set: anyone can forge a session. Set "
                "FLASK_SECRET_KEY to one long random value shared by every app server.",
            )
        ]
    return [Finding(OK, "secret key", "a secret key of your own is set")]


def _database(facts: Facts) -> list[Finding]:
    if facts.database_error:
        return [Finding(PROBLEM, "database", f"cannot reach the database: {facts.database_error}")]
    found = []
    if facts.migrations_behind:
        found.append(Finding(PROBLEM, "database", "the schema is behind the code: run `flask db upgrade`"))
    if facts.database_backend == "sqlite" and (facts.production or facts.processes > 1):
        found.append(
            Finding(
                WARNING,
                "database",
                "SQLite serves one machine only: several app servers need PostgreSQL (DATABASE_URL); several "
                "workers on one machine share the file but write one at a time",
            )
        )
    if not found:
        found.append(Finding(OK, "database", f"{facts.database_backend} reachable, schema up to date"))
    return found


def _rate_limits(facts: Facts) -> list[Finding]:
    if facts.rate_limit_storage.startswith("memory://"):
        if facts.production or facts.processes > 1:
            return [
                Finding(
                    PROBLEM,
                    "rate limits",
                    "rate limits are counted in memory: each worker counts on its own, so every limit is "
                    "multiplied by the number of workers. Set FLASK_RATELIMIT_STORAGE_URI=redis://…",
                )
            ]
        return [Finding(WARNING, "rate limits", "counted in memory: right for one process only")]
    if facts.rate_limit_error:
        return [Finding(PROBLEM, "rate limits", f"cannot reach the rate-limit store: {facts.rate_limit_error}")]
    return [Finding(OK, "rate limits", "counted in a shared store")]


def _queue(facts: Facts) -> list[Finding]:
    if facts.queue_error:
        return [Finding(PROBLEM, "job queue", f"cannot reach the job queue: {facts.queue_error}")]
    if facts.queue_backend == "sqlite" and facts.database_backend != "sqlite":
        return [
            Finding(
                WARNING,
                "job queue",
                "the job queue is a SQLite file: app servers on other machines cannot reach it. Set "
                "FLASK_HUEY_REDIS_URL when there is more than one machine",
            )
        ]
    return [Finding(OK, "job queue", f"in {facts.queue_backend}")]


def _worker(facts: Facts) -> list[Finding]:
    found = []
    last = facts.last_periodic_run
    last_at = stored_time(last.get("at")) if last else None
    if last_at is None or facts.now - last_at > WORKER_SILENT_AFTER:
        since = f" since {last_at:%Y-%m-%d %H:%M} UTC" if last_at else ""
        found.append(
            Finding(
                PROBLEM,
                "background worker",
                f"no worker has run the periodic tasks{since}: overdue attempts are not closed and long "
                "documents are not drafted. Start `huey_consumer quizapp.jobs.huey` (see the README)",
            )
        )
    else:
        found.append(Finding(OK, "background worker", f"periodic tasks last run by {last['by']} at {last['at']}"))
    duplicate = facts.duplicate_periodic_run
    duplicate_at = stored_time(duplicate.get("at")) if duplicate else None
    if duplicate and duplicate_at and facts.now - duplicate_at <= DUPLICATE_NEWS:
        found.append(
            Finding(
                WARNING,
                "background worker",
                f"the periodic tasks are scheduled by more than one consumer ({duplicate['ran_by']} and "
                f"{duplicate['by']}); only one copy a minute runs, but start every consumer but one with `-n`",
            )
        )
    return found


def _cookies_and_proxies(facts: Facts) -> list[Finding]:
    found = []
    if facts.lti_in_frame and not facts.cookie_secure:
        found.append(Finding(PROBLEM, "cookies", IN_FRAME_WITHOUT_SECURE))
    if not facts.production:
        return found
    if not facts.cookie_secure:
        found.append(
            Finding(
                WARNING,
                "cookies",
                "session cookies are sent over plain HTTP too: behind TLS set FLASK_SESSION_COOKIE_SECURE=true "
                "and FLASK_REMEMBER_COOKIE_SECURE=true",
            )
        )
    if facts.trusted_proxies == 0:
        found.append(
            Finding(
                WARNING,
                "proxy",
                "FLASK_TRUSTED_PROXIES is 0: behind nginx every student shares the proxy's address for the rate "
                "limits. Set it to the number of proxies in front (1 behind one nginx)",
            )
        )
    return found


def gather_facts(app: Flask, processes: int | None = None) -> Facts:
    """Read the facts off the running configuration; each store that cannot be reached says why."""
    from quizapp.background import DUPLICATE_PERIODIC_RUN, LAST_PERIODIC_RUN, huey
    from quizapp.extensions import db
    from quizapp.models import utcnow

    config = app.config
    if processes is None:
        processes = _positive_int(os.environ.get("WEB_CONCURRENCY")) or 1
    facts = Facts(
        production=bool(config.get("PRODUCTION")),
        secret_key=str(config.get("SECRET_KEY") or ""),
        processes=processes,
        database_backend=db.engine.dialect.name,
        rate_limit_storage=str(config.get("RATELIMIT_STORAGE_URI") or "memory://"),
        queue_backend="redis" if config.get("HUEY_REDIS_URL") else "sqlite",
        cookie_secure=bool(config.get("SESSION_COOKIE_SECURE")),
        lti_in_frame=bool(config.get("LTI_IN_FRAME")),
        trusted_proxies=int(config.get("TRUSTED_PROXIES") or 0),
        now=utcnow(),
    )
    try:
        facts.migrations_behind = _migrations_behind(app)
    except Exception as error:  # any failure to reach the database is the finding itself
        facts.database_error = _short(error)
    if not facts.rate_limit_storage.startswith("memory://"):
        facts.rate_limit_error = _redis_error(facts.rate_limit_storage)
    try:
        facts.last_periodic_run = huey.get(LAST_PERIODIC_RUN, peek=True)
        facts.duplicate_periodic_run = huey.get(DUPLICATE_PERIODIC_RUN, peek=True)
    except Exception as error:  # as above, for the queue storage
        facts.queue_error = _short(error)
    return facts


def _migrations_behind(app: Flask) -> bool:
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from quizapp.extensions import db

    directory = app.extensions["migrate"].directory
    heads = set(ScriptDirectory(directory).get_heads())
    with db.engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current != heads


def _redis_error(url: str) -> str | None:
    if not url.startswith(("redis://", "rediss://")):
        return None
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except Exception as error:  # reported, not raised
        return _short(error)
    return None


def _positive_int(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if number > 0 else None


def _short(error: Exception) -> str:
    return str(error).strip().splitlines()[0][:200] if str(error).strip() else type(error).__name__
