"""Fixtures every test of the app uses: app, client, runner, the database, logged-in users.

Database tests run on a real SQLite file and again on a real PostgreSQL
database made fresh for the run (``--db sqlite,postgresql``, the default). The
schema comes from the Alembic migrations, as in production. With CI=true a
missing PostgreSQL fails the run instead of skipping its half.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from hypothesis import settings as hypothesis_settings
from jinja2.bccache import Bucket, BytecodeCache
from sqlalchemy import text

from quizapp import create_app
from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from tests.support import (
    BACKENDS,
    IN_CI,
    TEST_PASSWORD,
    app_config,
    create_postgresql_database,
    drop_postgresql_database,
    forget_migrated_sqlite,
    login,
    migrate_to_head,
    require_postgresql,
)

# CI explores the same examples on every run, so a submission never fails by the luck of the draw;
# local runs keep exploring new ones (and remember failures in .hypothesis/).
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if IN_CI:
    hypothesis_settings.load_profile("ci")


def pytest_sessionstart(session: pytest.Session) -> None:
    # Background jobs run at once, in process: a test sees a job's outcome as soon as it is enqueued.
    from quizapp.background import huey

    huey.immediate = True


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    forget_migrated_sqlite()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db",
        default=os.environ.get("QUIZAPP_TEST_DBS", ",".join(BACKENDS)),
        help="comma-separated databases to run the database tests on (sqlite, postgresql)",
    )


def selected_backends(config: pytest.Config) -> list[str]:
    chosen = [name.strip() for name in config.getoption("--db").split(",") if name.strip()]
    unknown = set(chosen) - set(BACKENDS)
    if unknown:
        raise pytest.UsageError(f"unknown --db value(s): {', '.join(sorted(unknown))}")
    return chosen


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "database_url" in metafunc.fixturenames:
        backends = selected_backends(metafunc.config)
        marker = metafunc.definition.get_closest_marker("backends")
        if marker is not None:
            backends = [name for name in backends if name in marker.args]
        metafunc.parametrize("database_url", backends, indirect=True, scope="session")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "backends(*names): run only on these databases")


@pytest.fixture(scope="session")
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated database shared by the tests of one backend; tables are emptied after each test."""
    backend = request.param
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("sqlite") / "quizapp.sqlite"
        url = f"sqlite:///{path}"
        migrate_to_head(url)
        yield url
        return
    require_postgresql()
    url = create_postgresql_database()
    try:
        migrate_to_head(url)
        yield url
    finally:
        drop_postgresql_database(url)


# Every sequence a test drew from starts again, as TRUNCATE ... RESTART IDENTITY would restart it.
RESTART_USED_SEQUENCES = """
SELECT setval(format('%I.%I', schemaname, sequencename)::regclass, start_value, false)
FROM pg_sequences WHERE schemaname = current_schema() AND last_value IS NOT NULL
"""


def empty_all_tables() -> None:
    # DELETE, children first, rather than TRUNCATE on PostgreSQL: a test leaves a few rows, and TRUNCATE of every
    # table gives each a new file and syncs them, 0.3-2 s per test on this machine against 0.03-0.1 s.
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(text(f"DELETE FROM {table.name}"))
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text(RESTART_USED_SEQUENCES))
    db.session.commit()


# Each test's app would parse and compile every template it renders again (a third of a plain page test's time);
# the apps of one worker share the compiled code, kept per template name and checked against the source's hash.
class TemplateCode(BytecodeCache):
    """Compiled templates in memory; jinja2 recompiles a template whose source no longer matches its code."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CODE = TemplateCode()


@contextmanager
def app_on(database_url: str) -> Iterator[Flask]:
    """An app on this database, inside its app context; every table is emptied when the block ends."""
    app = create_app(app_config(database_url))
    app.jinja_env.bytecode_cache = TEMPLATE_CODE
    with app.app_context():
        try:
            yield app
        finally:
            db.session.remove()
            empty_all_tables()
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    with app_on(database_url) as app:
        yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@dataclass
class Accounts:
    student: str = "stu"
    other_student: str = "stu2"
    teacher: str = "teach"
    other_teacher: str = "teach2"
    admin: str = "admin"
    password: str = TEST_PASSWORD


@pytest.fixture
def users(app: Flask) -> Accounts:
    """One account of each role (and a second student and teacher, for "not yours" checks)."""
    names = Accounts()
    for username, role in (
        (names.student, Role.STUDENT),
        (names.other_student, Role.STUDENT),
        (names.teacher, Role.TEACHER),
        (names.other_teacher, Role.TEACHER),
        (names.admin, Role.ADMIN),
    ):
        accounts.create_user(db.session, username=username, password=TEST_PASSWORD, role=role)
    db.session.commit()
    return names


@pytest.fixture
def student_client(app: Flask, users: Accounts) -> FlaskClient:
    client = app.test_client()
    login(client, users.student)
    return client


@pytest.fixture
def teacher_client(app: Flask, users: Accounts) -> FlaskClient:
    client = app.test_client()
    login(client, users.teacher)
    return client


@pytest.fixture
def admin_client(app: Flask, users: Accounts) -> FlaskClient:
    client = app.test_client()
    login(client, users.admin)
    return client


@pytest.fixture(scope="session")
def project_root() -> Path:
    return Path(__file__).resolve().parent.parent
