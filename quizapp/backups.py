"""Backups of the database while the app runs: SQLite's backup API, or pg_dump for PostgreSQL.

Copying a live SQLite file with ``cp`` can catch it between the writes of one transaction, and
misses what still sits in its write-ahead log; SQLite's backup API copies every page inside one
read transaction instead, so the copy is the database as of one moment, while writers carry on
(WAL mode). pg_dump likewise reads one snapshot. Either way the file appears under its name only
once it is complete, and an existing file is never overwritten.

No Flask here: the ``flask backup`` command passes the database URL and the target.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import URL, make_url

PG_DUMP_HOWTO = (
    "Install PostgreSQL's client tools (Debian/Ubuntu: apt install postgresql-client, the server's major "
    'version or newer), or run it yourself: pg_dump --format=custom --file=quizapp.dump "$DATABASE_URL"'
)


class BackupError(Exception):
    """The backup could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class Backup:
    path: Path
    size: int  # bytes
    method: str


def backup_database(database_url: str, target: Path, *, now: datetime) -> Backup:
    """Back up the database at ``database_url`` to ``target``: a new file, or a folder to put a dated file in."""
    url = make_url(database_url)
    backend = url.get_backend_name()
    if backend == "sqlite":
        return backup_sqlite(_sqlite_file(url), _new_file(target, now, ".sqlite"))
    if backend == "postgresql":
        return backup_postgresql(url, _new_file(target, now, ".dump"))
    raise BackupError(f"Backups are made for SQLite and PostgreSQL, not {backend}.")


def backup_sqlite(database: Path, target: Path, *, busy_timeout_s: float = 15.0) -> Backup:
    """Copy a SQLite database that may be in use, consistently, into the new file ``target``."""
    if not database.is_file():
        raise BackupError(f"There is no SQLite database at {database}.")
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(database, timeout=busy_timeout_s)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)  # all pages in one step: one snapshot, whatever the app writes meanwhile
            # One self-contained file, no -wal beside it; the app turns WAL back on when it opens a restored copy.
            copy.execute("PRAGMA journal_mode=DELETE")
            check = copy.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            copy.close()
    finally:
        source.close()
    if check != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"The copy failed SQLite's check ({check}); nothing was written. Is {database} damaged?")
    return _finish(partial, target, "SQLite backup API")


def backup_postgresql(url: URL, target: Path) -> Backup:
    """Run pg_dump (custom format, for pg_restore) into the new file ``target``."""
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise BackupError("pg_dump was not found on PATH. " + PG_DUMP_HOWTO)
    partial = target.with_name(target.name + ".partial")
    environment = dict(os.environ)
    if url.password:
        # In the environment, not on the command line, where any user of the machine could read it.
        environment["PGPASSWORD"] = str(url.password)
    libpq_url = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    finished = subprocess.run(  # noqa: S603 - a fixed program and arguments, no shell
        [pg_dump, "--format=custom", f"--file={partial}", f"--dbname={libpq_url}"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if finished.returncode != 0:
        partial.unlink(missing_ok=True)
        raise BackupError(f"pg_dump failed: {finished.stderr.strip()}")
    return _finish(partial, target, "pg_dump --format=custom")


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    value = size / 1024
    for unit in ("KB", "MB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def _sqlite_file(url: URL) -> Path:
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        raise BackupError("Only a SQLite database in a file can be backed up this way.")
    return Path(url.database)


def _new_file(target: Path, now: datetime, suffix: str) -> Path:
    if target.is_dir():
        target = target / f"quizapp-{now:%Y%m%d-%H%M%S}{suffix}"
    if target.exists():
        raise BackupError(f"{target} already exists; backups never overwrite a file. Give a new name.")
    if not target.parent.is_dir():
        raise BackupError(f"The folder {target.parent} does not exist.")
    return target


def _finish(partial: Path, target: Path, method: str) -> Backup:
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())  # on disk before it takes the name that says "complete"
    try:
        os.link(partial, target)  # unlike a rename, refuses to replace a file that appeared meanwhile
    except FileExistsError as error:
        raise BackupError(f"{target} already exists; backups never overwrite a file. Give a new name.") from error
    finally:
        partial.unlink()
    return Backup(target, target.stat().st_size, method)
