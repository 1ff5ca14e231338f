"""Helpers shared by tests: configuration, throwaway PostgreSQL databases, logging in, posting forms."""

from __future__ import annotations

import atexit
import os
import re
import shutil
import sqlite3
import tempfile
import uuid
from contextlib import closing
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from quizapp import create_app
from quizapp.extensions import db

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
PG_ADMIN_URL = os.environ.get("QUIZAPP_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
TEST_PASSWORD = "correct horse battery"
BACKENDS = ("sqlite", "postgresql")


def app_config(database_url: str, **extra: object) -> dict[str, object]:
    config: dict[str, object] = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": database_url,
        # Still Argon2id, at a cost that keeps hundreds of logins fast.
        "PASSWORD_HASH_METHOD": "argon2id:1:64:1",
        "SERVER_NAME": None,
        # Tests log in hundreds of times from one address; the rate-limit tests turn limits back on.
        "RATELIMIT_ENABLED": False,
    }
    config.update(extra)
    return config


# A migrated SQLite file per test process, copied for each further SQLite database it needs: the migrations take
# 3-10 s on SQLite here, and the tests of the migrations themselves run them on databases of their own.
_MIGRATED_SQLITE: list[Path] = []


def migrate_to_head(database_url: str) -> None:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        if not _MIGRATED_SQLITE:
            template = Path(tempfile.mkdtemp(prefix="quizapp-migrated-")) / "head.sqlite"
            atexit.register(shutil.rmtree, template.parent, True)
            upgrade_to_head(f"sqlite:///{template}")
            _MIGRATED_SQLITE.append(template)
        with closing(sqlite3.connect(_MIGRATED_SQLITE[0])) as source, closing(sqlite3.connect(url.database)) as copy:
            source.backup(copy)
        return
    upgrade_to_head(database_url)


def forget_migrated_sqlite() -> None:
    """Remove the process's migrated SQLite file (xdist's workers end without running atexit)."""
    while _MIGRATED_SQLITE:
        shutil.rmtree(_MIGRATED_SQLITE.pop().parent, ignore_errors=True)


def upgrade_to_head(database_url: str) -> None:
    from flask_migrate import upgrade

    app = create_app(app_config(database_url))
    with app.app_context():
        upgrade()
        db.engine.dispose()


def create_postgresql_database() -> str:
    """A new, empty database on this machine's server; its URL."""
    name = f"quizapp_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


def drop_postgresql_database(url: str) -> None:
    name = make_url(url).database
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def postgresql_available() -> str | None:
    """None when the server answers, else why not."""
    engine = create_engine(PG_ADMIN_URL)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:
        return str(error).splitlines()[0]
    finally:
        engine.dispose()
    return None


def require_postgresql() -> None:
    problem = postgresql_available()
    if problem is None:
        return
    message = f"PostgreSQL is not reachable at {PG_ADMIN_URL}: {problem}"
    if IN_CI:
        pytest.fail(message + " (CI=true: a missing database fails the run)")
    pytest.skip(message)


CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


def csrf_token(client: FlaskClient, path: str = "/login") -> str:
    """The CSRF token of the client's session, read from a page as a browser would."""
    html = client.get(path, follow_redirects=True).get_data(as_text=True)
    match = CSRF_INPUT.search(html)
    if not match:
        raise AssertionError(f"no csrf_token field on {path}")
    return match.group(1) or match.group(2)


def login(client: FlaskClient, username: str, password: str = TEST_PASSWORD) -> None:
    token = csrf_token(client, "/login")
    response = client.post("/login", data={"username": username, "password": password, "csrf_token": token})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]


def post_form(client: FlaskClient, url: str, data: dict[str, object], *, token_from: str = "/") -> object:
    """POST a form with the session's CSRF token, as the page's own form would."""
    payload = dict(data)
    payload.setdefault("csrf_token", csrf_token(client, token_from))
    return client.post(url, data=payload)
