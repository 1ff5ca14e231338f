"""One migration history builds the schema on SQLite and PostgreSQL, both ways, matching the models."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from quizapp import create_app
from quizapp.extensions import db
from tests.support import app_config, create_postgresql_database, drop_postgresql_database, require_postgresql


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path) -> Iterator[Flask]:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'migrations.sqlite'}"
        app = create_app(app_config(url))
        with app.app_context():
            yield app
            db.engine.dispose()
        return
    require_postgresql()
    url = create_postgresql_database()
    try:
        app = create_app(app_config(url))
        with app.app_context():
            yield app
            db.engine.dispose()
    finally:
        drop_postgresql_database(url)


def table_names() -> set[str]:
    return set(inspect(db.engine).get_table_names()) - {"alembic_version"}


def pending_differences() -> list[object]:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "render_as_batch": True})
        return compare_metadata(context, db.metadata)


def test_upgrade_downgrade_upgrade_round_trip(empty_database: Flask) -> None:
    model_tables = {table.name for table in db.metadata.sorted_tables}
    assert table_names() == set()

    upgrade()
    assert table_names() == model_tables
    assert pending_differences() == []

    downgrade(revision="base")
    assert table_names() == set()

    upgrade()
    assert table_names() == model_tables
    assert pending_differences() == []


def test_models_changed_without_migration_are_detected(empty_database: Flask) -> None:
    """The check above can fail: a column the migrations lack shows up as a difference."""
    import sqlalchemy as sa

    upgrade()
    users = db.metadata.tables["users"]
    extra = sa.Column("nickname_for_test", sa.String(20))
    users.append_column(extra)
    try:
        differences = pending_differences()
    finally:
        users._columns.remove(extra)  # leave the shared metadata as it was
    assert any("nickname_for_test" in repr(diff) for diff in differences)
