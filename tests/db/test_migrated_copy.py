"""A test's SQLite database is a copy of one the migrations made, the same as a database they make again."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests import support


def parts(sql: str | None) -> list[str]:
    return sorted(re.split(r",?\s*\n\s*", sql or ""))


def schema(path: Path) -> dict[str, object]:
    """The database's objects, each table's columns and constraints as a set: SQLite's batch migrations write
    the constraints of a rebuilt table in an order that changes from run to run."""
    with closing(sqlite3.connect(path)) as connection:
        objects = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        return {
            "objects": sorted((kind, name, table, parts(sql)) for kind, name, table, sql in objects),
            "revision": connection.execute("SELECT version_num FROM alembic_version").fetchall(),
            "journal": connection.execute("PRAGMA journal_mode").fetchall(),
            "user_version": connection.execute("PRAGMA user_version").fetchall(),
        }


def test_sqlite_databases_after_the_first_are_copies_with_the_migrated_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrated = tmp_path / "migrated.sqlite"
    support.upgrade_to_head(f"sqlite:///{migrated}")
    support.migrate_to_head(f"sqlite:///{tmp_path / 'first.sqlite'}")

    def migrate_again(database_url: str) -> None:
        raise AssertionError(f"{database_url} was migrated again")

    monkeypatch.setattr(support, "upgrade_to_head", migrate_again)
    support.migrate_to_head(f"sqlite:///{tmp_path / 'second.sqlite'}")

    assert schema(tmp_path / "second.sqlite") == schema(migrated)
    assert schema(migrated)["revision"] != []
