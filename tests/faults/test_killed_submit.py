"""A gunicorn worker killed in the middle of a submit: the attempt is submitted once or still open, never half-graded.

A real gunicorn (one sync worker, ``wsgi:app`` as in production) serves the test's database. The
submit is stopped at a chosen point (see gunicorn_hooks.py, a test-only hook that gunicorn installs;
on PostgreSQL also with no hook at all, by a row lock the test holds) and the worker is SIGKILLed
there. gunicorn starts a new worker; the student submits again, as a reload or a second click would.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from flask import Flask
from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.extensions import db
from tests.faults.support import Exam, PostgresFaults, set_up_exam, wait_until
from tests.support import CSRF_INPUT, TEST_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
HOOKS = Path(__file__).with_name("gunicorn_hooks.py")
RIGHT_POSITIONS = {0, 2, 4}  # the student answers these right and the others wrong


@dataclass
class Server:
    url: str
    control: Path
    process: subprocess.Popen[bytes]
    log: Path

    def worker_pid(self) -> int | None:
        pid_file = self.control / "worker.pid"
        return int(pid_file.read_text()) if pid_file.exists() else None

    def our_workers(self) -> list[int]:
        """The pids of this gunicorn's live workers (children of its master process)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def wait_for_worker(self, not_pid: int | None = None) -> int:
        """Wait until a worker (another than ``not_pid``) serves requests; its pid."""

        def serving() -> int | None:
            assert self.process.poll() is None, f"gunicorn exited:\n{self.log.read_text()[-3000:]}"
            pid = self.worker_pid()
            if pid is None or pid == not_pid:
                return None
            try:
                ok = requests.get(self.url + "/healthz", timeout=2).status_code == 200
            except requests.ConnectionError:
                return None
            return pid if ok else None

        return wait_until(serving, 60, "a gunicorn worker serving")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(app: Flask, tmp_path: Path) -> Iterator[Server]:
    control = tmp_path / "control"
    control.mkdir()
    port = free_port()
    log = tmp_path / "gunicorn.log"
    environment = {
        **os.environ,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "QUIZAPP_ENV": "production",
        "FLASK_SECRET_KEY": "killed-worker-test-secret",
        "FLASK_RATELIMIT_ENABLED": "false",
        "QUIZAPP_FAULT_DIR": str(control),
    }
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(HOOKS), "--bind", f"127.0.0.1:{port}", "wsgi:app"],
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    running = Server(f"http://127.0.0.1:{port}", control, process, log)
    try:
        running.wait_for_worker()
        yield running
    finally:
        # A worker left paused by a failed test would hold its transaction (and SQLite's lock) for a minute.
        for pid in running.our_workers():
            os.kill(pid, signal.SIGKILL)
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def token_on(client: requests.Session, url: str) -> str:
    match = CSRF_INPUT.search(client.get(url, timeout=30).text)
    assert match, f"no CSRF token on {url}"
    return match.group(1) or match.group(2)


def student_with_answers(server: Server, name: str) -> tuple[Exam, int, requests.Session]:
    """An exam, the student logged in to the server, every question answered through autosave."""
    exam = set_up_exam([name])
    attempt_id = exam.attempts[name]
    client = requests.Session()
    token = token_on(client, server.url + "/login")
    login = client.post(
        server.url + "/login",
        data={"username": name, "password": TEST_PASSWORD, "csrf_token": token},
        allow_redirects=False,
        timeout=30,
    )
    assert login.status_code == 302
    token = token_on(client, f"{server.url}/attempts/{attempt_id}/q/0")
    for position in range(5):
        fields = (exam.right if position in RIGHT_POSITIONS else exam.wrong)[(attempt_id, position)]
        saved = client.post(
            f"{server.url}/attempts/{attempt_id}/autosave",
            json={"position": position, "fields": fields},
            headers={"X-CSRFToken": token},
            timeout=30,
        )
        assert saved.status_code == 200, saved.text
    return exam, attempt_id, client


def submit(server: Server, client: requests.Session, attempt_id: int) -> requests.Response:
    token = token_on(client, f"{server.url}/attempts/{attempt_id}/submit")
    return client.post(
        f"{server.url}/attempts/{attempt_id}/submit", data={"csrf_token": token}, allow_redirects=False, timeout=90
    )


def submit_in_background(server: Server, client: requests.Session, attempt_id: int) -> tuple[threading.Thread, dict]:
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["response"] = submit(server, client, attempt_id)
        except requests.ConnectionError as error:  # the worker died before answering
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def submit_paused_at(
    server: Server, client: requests.Session, attempt_id: int, point: str
) -> tuple[threading.Thread, dict, int]:
    """Arm the hook's ``point``, submit, and wait until the worker stops there; the request and the worker's pid."""
    (server.control / f"pause-{point}").touch()
    thread, outcome = submit_in_background(server, client, attempt_id)
    paused = server.control / f"paused-{point}"
    wait_until(paused.exists, 30, f"the submit reaching its pause ({point})")
    return thread, outcome, int(paused.read_text())


@dataclass
class Stored:
    status: str
    score: float | None
    submitted_at: Any
    graded_at: set[Any]
    answered: int  # answers with a saved response
    full_marks: set[int]
    attempts_of_student: int


def stored(attempt_id: int) -> Stored:
    db.session.remove()  # a fresh read, not this test's cached objects or an old snapshot
    attempt = db.session.get(Attempt, attempt_id)
    answers = db.session.scalars(select(AttemptAnswer).where(AttemptAnswer.attempt_id == attempt_id)).all()
    state = Stored(
        status=attempt.status,
        score=attempt.score,
        submitted_at=attempt.submitted_at,
        graded_at={a.graded_at for a in answers},
        answered=sum(1 for a in answers if a.response is not None),
        full_marks={a.position for a in answers if a.score is not None and a.score == a.points},
        attempts_of_student=len(
            db.session.scalars(select(Attempt).where(Attempt.student_id == attempt.student_id)).all()
        ),
    )
    db.session.remove()
    return state


def assert_write_transaction_open(app: Flask) -> None:
    """The paused worker really is inside an open write transaction (not before it, not after it)."""
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if url.startswith("sqlite"):
        probe = sqlite3.connect(make_url(url).database, timeout=0, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                probe.execute("BEGIN IMMEDIATE")
        finally:
            probe.close()
    else:
        states = [b["state"] for b in PostgresFaults(url).backends()]
        assert "idle in transaction" in states, states


def assert_still_open_and_ungraded(state: Stored) -> None:
    assert state.status == "in_progress"
    assert state.score is None
    assert state.submitted_at is None
    assert state.graded_at == {None}  # not one answer graded: nothing of the killed transaction remains
    assert state.answered == 5  # and every saved answer is still there


def assert_graded_once(state: Stored) -> None:
    assert state.status == "submitted"
    assert len(state.graded_at) == 1  # every answer graded in the one transaction
    assert state.graded_at == {state.submitted_at}
    assert state.full_marks == RIGHT_POSITIONS
    assert state.score == len(RIGHT_POSITIONS)
    assert state.attempts_of_student == 1


def resubmit_and_check(server: Server, client: requests.Session, attempt_id: int, killed_pid: int) -> Stored:
    """gunicorn's new worker takes the student's second submit: graded once, and a third changes nothing."""
    server.wait_for_worker(not_pid=killed_pid)
    again = submit(server, client, attempt_id)
    assert again.status_code == 302
    assert again.headers["Location"].endswith(f"/attempts/{attempt_id}/review")
    after = stored(attempt_id)
    assert_graded_once(after)
    assert submit(server, client, attempt_id).status_code == 302
    assert stored(attempt_id) == after
    return after


def test_worker_killed_inside_the_submit_transaction_leaves_the_attempt_open(app: Flask, server: Server) -> None:
    _, attempt_id, client = student_with_answers(server, "killed_mid")
    thread, outcome, pid = submit_paused_at(server, client, attempt_id, "in-transaction")
    assert_write_transaction_open(app)
    assert_still_open_and_ungraded(stored(attempt_id))  # what others see meanwhile: nothing half-done

    os.kill(pid, signal.SIGKILL)
    thread.join(timeout=30)
    assert "error" in outcome, outcome  # the student's browser got no answer
    assert_still_open_and_ungraded(stored(attempt_id))
    resubmit_and_check(server, client, attempt_id, pid)


def test_worker_killed_right_after_the_submit_commit_leaves_one_submitted_attempt(app: Flask, server: Server) -> None:
    _, attempt_id, client = student_with_answers(server, "killed_after")
    thread, outcome, pid = submit_paused_at(server, client, attempt_id, "after-commit")
    os.kill(pid, signal.SIGKILL)
    thread.join(timeout=30)
    assert "error" in outcome, outcome  # committed, but the student never heard
    committed = stored(attempt_id)
    assert_graded_once(committed)
    assert resubmit_and_check(server, client, attempt_id, pid) == committed  # the retry graded nothing again


@pytest.mark.backends("postgresql")
def test_worker_killed_while_its_submit_waits_on_a_row_lock(app: Flask, server: Server) -> None:
    """No hook at all: the test locks one answer row, so the submit blocks half-way through its writes."""
    _, attempt_id, client = student_with_answers(server, "killed_locked")
    blocker = create_engine(app.config["SQLALCHEMY_DATABASE_URI"], poolclass=NullPool)
    faults = PostgresFaults(app.config["SQLALCHEMY_DATABASE_URI"])
    with blocker.connect() as holding:
        # The submit updates the attempt row, then the answers in id order: the last one waits for us.
        holding.execute(
            select(AttemptAnswer.id)
            .where(AttemptAnswer.attempt_id == attempt_id)
            .order_by(AttemptAnswer.id.desc())
            .limit(1)
            .with_for_update()
        )
        pid = server.worker_pid()
        assert pid is not None
        thread, outcome = submit_in_background(server, client, attempt_id)
        wait_until(
            lambda: any(
                b["wait_event_type"] == "Lock" and b["query"].lstrip().upper().startswith("UPDATE ATTEMPT_ANSWERS")
                for b in faults.backends()
            ),
            30,
            "the submit blocking on the locked answer row",
        )
        os.kill(pid, signal.SIGKILL)
        thread.join(timeout=30)
        holding.rollback()
    blocker.dispose()
    assert "error" in outcome, outcome
    assert_still_open_and_ungraded(stored(attempt_id))
    resubmit_and_check(server, client, attempt_id, pid)
