"""`flask backup` while students keep submitting, then a restore that must hold every attempt.

SQLite: the copy is made with the backup API while another thread commits attempts; it must open,
pass PRAGMA integrity_check, and hold every attempt committed before the backup began (a plain file
copy misses those still in the write-ahead log). PostgreSQL: pg_dump's archive restored with
pg_restore into a fresh database holds them all too.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from quizapp import create_app
from quizapp.attempts import saving, starting, submitting
from quizapp.attempts.models import Attempt
from quizapp.database import writing
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.sources.models import SourceDocument
from tests.attempts.test_services import fields_for_key
from tests.factories import user
from tests.faults.support import set_up_exam
from tests.support import IN_CI, app_config, create_postgresql_database, drop_postgresql_database, migrate_to_head

STUDENTS = ["bk0", "bk1", "bk2"]
BEFORE_BACKUP = 12  # attempts committed before the backup starts
FILLER_DOCUMENTS = 1500  # about 12 MB, so that copying takes long enough for writes to land meanwhile
FILLER_BYTES = 8000


def attempt_state(app: Flask) -> dict[int, tuple[Any, ...]]:
    """Every submitted attempt as (status, score, answers as (position, response, score, graded_at))."""
    with app.app_context():
        attempts = db.session.scalars(select(Attempt).where(Attempt.status == "submitted")).all()
        state = {
            a.id: (
                a.status,
                a.score,
                a.student_id,
                tuple(
                    (x.position, repr(x.response), x.score, x.graded_at)
                    for x in sorted(a.answers, key=lambda x: x.position)
                ),
            )
            for a in attempts
        }
        db.session.remove()
    return state


class Writer(threading.Thread):
    """Commits whole attempts (start, answer, submit: one transaction each), as fast as it can, until stopped."""

    def __init__(self, app: Flask, quiz_id: int) -> None:
        super().__init__(daemon=True)
        self.app, self.quiz_id = app, quiz_id
        self.stop = threading.Event()
        self.committed: list[tuple[int, float]] = []  # attempt id, when its commit returned
        self.error: BaseException | None = None
        self.rng = random.Random(3)

    def run(self) -> None:
        try:
            with self.app.app_context(), writing():
                while not self.stop.is_set():
                    student = user(self.rng.choice(STUDENTS))
                    attempt = starting.start_attempt(db.session, self.quiz_id, student, now=utcnow())
                    for answer in attempt.answers:
                        fields = fields_for_key(answer) if self.rng.random() < 0.6 else {}
                        saving.save_answer(db.session, attempt.id, student, answer.position, fields, now=utcnow())
                    submitting.submit_attempt(db.session, attempt.id, student, now=utcnow())
                    db.session.commit()
                    self.committed.append((attempt.id, time.monotonic()))
                    db.session.remove()
        except BaseException as error:
            self.error = error


def run_backup(app: Flask, target: Path) -> Result:
    """`flask backup TARGET`, as the command line runs it (inside an app context)."""
    with app.app_context():
        return app.test_cli_runner().invoke(args=["backup", str(target)])


def add_filler(app: Flask) -> None:
    rng = random.Random(5)
    owner = None
    with app.app_context():
        owner = user("faultteacher").id
        for i in range(FILLER_DOCUMENTS):
            text = rng.randbytes(FILLER_BYTES // 2).hex()
            db.session.add(
                SourceDocument(
                    owner_id=owner,
                    title=f"filler {i}",
                    original_filename=f"filler{i}.txt",
                    format="txt",
                    cleaned_text=text,
                    blocks=[],
                    stripped=[],
                    content_hash=hashlib.sha256(text.encode()).hexdigest(),
                )
            )
        db.session.commit()
        db.session.remove()


def backup_while_writing(app: Flask, target: Path, *, filler: bool) -> tuple[dict[int, tuple[Any, ...]], Writer, str]:
    """Start writing attempts, run `flask backup` in the middle; the state committed before, the writer, the output."""
    with app.app_context():
        exam = set_up_exam(STUDENTS, start=False)
    if filler:
        add_filler(app)
    writer = Writer(app, exam.quiz_id)
    writer.start()
    while len(writer.committed) < BEFORE_BACKUP and writer.is_alive():
        time.sleep(0.01)
    before = attempt_state(app)  # read once these commits returned: all of it must be in the copy
    started = time.monotonic()
    result = run_backup(app, target)
    finished = time.monotonic()
    time.sleep(0.1)
    writer.stop.set()
    writer.join(timeout=30)
    assert writer.error is None, writer.error
    assert result.exit_code == 0, result.output
    during = [a for a, at in writer.committed if started < at < finished]
    print(
        f"\nbackup of {target.stat().st_size / 1e6:.1f} MB took {finished - started:.2f} s; "
        f"{len(during)} attempts committed meanwhile, {len(writer.committed)} in all"
    )
    assert during, "no attempt was committed while the backup ran: the test did not test a live database"
    assert len(before) >= BEFORE_BACKUP
    return before, writer, result.output


def assert_restored(restored: Flask, before: dict[int, tuple[Any, ...]], writer: Writer) -> None:
    """The restored database holds every attempt of ``before`` as it was, and takes new ones."""
    after = attempt_state(restored)
    assert {k: after.get(k) for k in before} == before  # every attempt, its answers and scores
    assert set(after) <= {a for a, _ in writer.committed}
    with restored.app_context(), writing():
        assert db.session.scalar(select(func.count()).select_from(Attempt)) == len(after)
        quiz_id = db.session.get(Attempt, next(iter(before))).quiz_id
        # A new attempt gets a new id: the id sequence came back with the data.
        attempt = starting.start_attempt(db.session, quiz_id, user(STUDENTS[0]), now=utcnow())
        db.session.commit()
        assert attempt.id not in after
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def sqlite_app(tmp_path: Path) -> Iterator[Flask]:
    url = f"sqlite:///{tmp_path / 'live.sqlite'}"
    migrate_to_head(url)
    app = create_app(app_config(url))
    yield app
    with app.app_context():
        db.engine.dispose()


def test_sqlite_backup_of_a_live_database_is_whole_and_restores(sqlite_app: Flask, tmp_path: Path) -> None:
    target = tmp_path / "backups" / "copy.sqlite"
    target.parent.mkdir()
    before, writer, output = backup_while_writing(sqlite_app, target, filler=True)
    assert f"wrote {target} (" in output
    assert "MB, SQLite backup API)" in output

    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    copy.close()
    assert not Path(str(target) + "-wal").exists()

    # Restore as the README says: the app stopped, the database file and its -wal/-shm replaced by the copy.
    database = Path(make_url(sqlite_app.config["SQLALCHEMY_DATABASE_URI"]).database)
    with sqlite_app.app_context():
        db.engine.dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    shutil.copyfile(target, database)
    assert_restored(create_app(app_config(sqlite_app.config["SQLALCHEMY_DATABASE_URI"])), before, writer)


def test_a_plain_file_copy_would_have_missed_attempts(sqlite_app: Flask, tmp_path: Path) -> None:
    """Why the backup API: committed attempts still in the write-ahead log are not in the database file."""
    with sqlite_app.app_context():
        exam = set_up_exam(STUDENTS, start=False)
    writer = Writer(sqlite_app, exam.quiz_id)
    writer.start()
    while len(writer.committed) < BEFORE_BACKUP and writer.is_alive():
        time.sleep(0.01)
    writer.stop.set()
    writer.join(timeout=30)
    before = attempt_state(sqlite_app)
    database = Path(make_url(sqlite_app.config["SQLALCHEMY_DATABASE_URI"]).database)
    naive = tmp_path / "cp.sqlite"
    shutil.copyfile(database, naive)  # what `cp` does while the app runs
    copied = sqlite3.connect(naive).execute("SELECT count(*) FROM attempts WHERE status = 'submitted'").fetchone()[0]
    assert copied < len(before)
    result = run_backup(sqlite_app, tmp_path / "api.sqlite")
    assert result.exit_code == 0, result.output
    backed = (
        sqlite3.connect(tmp_path / "api.sqlite")
        .execute("SELECT count(*) FROM attempts WHERE status = 'submitted'")
        .fetchone()[0]
    )
    assert backed == len(before)


def test_backup_refuses_to_overwrite_and_names_files_in_a_folder(sqlite_app: Flask, tmp_path: Path) -> None:
    existing = tmp_path / "taken.sqlite"
    existing.write_bytes(b"keep me")
    result = run_backup(sqlite_app, existing)
    assert result.exit_code != 0
    assert "already exists" in result.output
    assert existing.read_bytes() == b"keep me"
    result = run_backup(sqlite_app, tmp_path / "missing" / "x.sqlite")
    assert result.exit_code != 0
    assert "does not exist" in result.output
    folder = tmp_path / "nightly"
    folder.mkdir()
    result = run_backup(sqlite_app, folder)
    assert result.exit_code == 0, result.output
    [made] = list(folder.iterdir())
    assert made.name.startswith("quizapp-")
    assert made.suffix == ".sqlite"
    assert not list(folder.glob("*.partial"))


def require_pg_tools() -> None:
    missing = [tool for tool in ("pg_dump", "pg_restore") if shutil.which(tool) is None]
    if missing:
        message = f"{' and '.join(missing)} not on PATH (Debian: apt install postgresql-client)"
        if IN_CI:
            pytest.fail(message + "; CI=true: missing tools fail the run")
        pytest.skip(message)


@pytest.mark.backends("postgresql")
def test_postgresql_dump_restores_into_a_fresh_database(app: Flask, tmp_path: Path) -> None:
    require_pg_tools()
    target = tmp_path / "quizapp.dump"
    before, writer, output = backup_while_writing(app, target, filler=False)
    assert f"wrote {target} (" in output
    assert "pg_dump --format=custom)" in output
    restored_url = create_postgresql_database()
    try:
        # As the README says: pg_restore into an empty database.
        libpq = make_url(restored_url).set(drivername="postgresql").render_as_string(hide_password=False)
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={libpq}", str(target)],
            check=True,
            capture_output=True,
        )
        assert_restored(create_app(app_config(restored_url)), before, writer)
    finally:
        drop_postgresql_database(restored_url)


@pytest.mark.backends("postgresql")
def test_postgresql_backup_without_pg_dump_says_how(app: Flask, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no pg_dump on it
    result = run_backup(app, tmp_path / "x.dump")
    assert result.exit_code != 0
    assert "pg_dump was not found" in result.output
    assert "pg_dump --format=custom" in result.output
    assert not (tmp_path / "x.dump").exists()
