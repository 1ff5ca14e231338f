"""The deployment of deploy/, run for real on this machine: two app servers, one PostgreSQL, one Redis, two workers.

Two gunicorn servers on two ports serve one database, with the settings of ``deploy/quizapp.env.example`` (its
addresses pointed here). Two huey consumers share the Redis queue, both scheduling the periodic tasks (the worst
case the claim guards against; a deployment starts the second with ``-n``). Every request of a student's exam goes
to the other server than the one before; the per-account login limit counts across both; an overdue attempt is
closed once, by one consumer; one server is killed mid-exam and the other serves everything saved.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
import redis
import requests
from sqlalchemy import select

from quizapp import create_app
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.extensions import db
from tests.attempts.test_services import fields_for_key
from tests.faults.support import fresh_postgresql_database, postgresql_selected, set_up_exam, wait_until
from tests.faults.test_killed_submit import free_port
from tests.support import CSRF_INPUT, TEST_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = ROOT / "deploy" / "quizapp.env.example"
REDIS = "redis://127.0.0.1:6379"
# Redis databases of their own, emptied after: the queue's name is the same in every run, so a run takes two empty
# ones of these (another run on this machine, or one killed before its teardown, keeps its own busy).
SPARE_DATABASES = range(10, 16)


def _empty_redis_databases() -> tuple[int, int]:
    empty = [n for n in SPARE_DATABASES if redis.Redis.from_url(f"{REDIS}/{n}").dbsize() == 0]
    if len(empty) < 2:
        pytest.fail(f"Redis databases {SPARE_DATABASES.start}-{SPARE_DATABASES.stop - 1} are in use; two must be empty")
    return empty[0], empty[1]


def deployment_environment(database_url: str, limits_db: int, queue_db: int) -> dict[str, str]:
    """The example environment file, its addresses pointed at this machine's services."""
    settings = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            settings[name.strip()] = value.strip()
    settings.update(
        DATABASE_URL=database_url,
        FLASK_SECRET_KEY=uuid.uuid4().hex * 2,
        FLASK_RATELIMIT_STORAGE_URI=f"{REDIS}/{limits_db}",
        FLASK_HUEY_REDIS_URL=f"{REDIS}/{queue_db}",
        # The test talks to gunicorn directly, over plain HTTP: no proxy to trust, no HTTPS for the cookies.
        FLASK_TRUSTED_PROXIES="0",
        FLASK_SESSION_COOKIE_SECURE="false",
        FLASK_REMEMBER_COOKIE_SECURE="false",
        FLASK_RATELIMIT_LOGIN='["100/minute", "4/minute"]',
        WEB_CONCURRENCY="1",
    )
    return {**os.environ, **settings}


@dataclass
class Process:
    name: str
    process: subprocess.Popen[bytes]
    log: Path
    url: str = ""

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL the whole process group: gunicorn's master and its workers, no goodbye."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=15)


@dataclass
class Deployment:
    environment: dict[str, str] = field(default_factory=dict)
    servers: list[Process] = field(default_factory=list)
    consumers: list[Process] = field(default_factory=list)

    def stop(self) -> None:
        for running in self.servers + self.consumers:
            if running.process.poll() is None:
                os.killpg(running.process.pid, signal.SIGTERM)
                try:
                    running.process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    running.kill()


def _spawn(name: str, command: list[str], environment: dict[str, str], folder: Path) -> Process:
    log = folder / f"{name}.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    return Process(name, process, log)


def _serving(server: Process) -> bool:
    assert server.process.poll() is None, f"{server.name} exited:\n{server.text()[-3000:]}"
    try:
        return requests.get(server.url + "/healthz", timeout=5).status_code == 200
    except (requests.ConnectionError, requests.Timeout):  # still starting, on a busy machine
        return False


@pytest.fixture
def deployment(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Deployment, str]]:
    if not postgresql_selected(request.config):
        pytest.skip("several app servers share PostgreSQL; this run selected SQLite only")
    databases = _empty_redis_databases()
    queues = [redis.Redis.from_url(f"{REDIS}/{number}") for number in databases]
    running = Deployment()
    with fresh_postgresql_database() as database_url:
        environment = running.environment = deployment_environment(database_url, *databases)
        try:
            for name in ("server-a", "server-b"):
                port = free_port()
                bind = ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "60"]
                server = _spawn(name, [sys.executable, "-m", "gunicorn", *bind, "wsgi:app"], environment, tmp_path)
                server.url = f"http://127.0.0.1:{port}"
                running.servers.append(server)
            for name in ("consumer-1", "consumer-2"):
                command = [sys.executable, "-m", "huey.bin.huey_consumer", "quizapp.jobs.huey", "--workers", "1"]
                running.consumers.append(_spawn(name, command, environment, tmp_path))
            for server in running.servers:
                wait_until(lambda server=server: _serving(server), 90, f"{server.name} serving")
            yield running, database_url
        finally:
            running.stop()
            for store in queues:
                store.flushdb()


def _token(page: requests.Response) -> str:
    match = CSRF_INPUT.search(page.text)
    assert match, f"no CSRF token on {page.url}"
    return match.group(1) or match.group(2)


def _log_in(client: requests.Session, server: Process, name: str, password: str = TEST_PASSWORD) -> int:
    token = _token(client.get(server.url + "/login", timeout=30))
    response = client.post(
        server.url + "/login",
        data={"username": name, "password": password, "csrf_token": token},
        allow_redirects=False,
        timeout=30,
    )
    return response.status_code


def _stored(database_url: str, attempt_id: int) -> tuple[Attempt, list[AttemptAnswer]]:
    db.session.remove()
    attempt = db.session.get(Attempt, attempt_id)
    answers = db.session.scalars(
        select(AttemptAnswer).where(AttemptAnswer.attempt_id == attempt_id).order_by(AttemptAnswer.position)
    ).all()
    assert attempt is not None
    return attempt, list(answers)


class Student(requests.Session):
    """A student's browser; each step names the server it goes to."""

    def start(self, page_on: Process, post_on: Process, quiz_id: int) -> int:
        quiz_page = self.get(f"{page_on.url}/quizzes/{quiz_id}", timeout=30)
        assert quiz_page.status_code == 200
        started = self.post(
            f"{post_on.url}/quizzes/{quiz_id}/start",
            data={"csrf_token": _token(quiz_page)},
            allow_redirects=False,
            timeout=30,
        )
        assert started.status_code == 302, started.text[:500]
        return int(re.search(r"/attempts/(\d+)", started.headers["Location"]).group(1))  # type: ignore[union-attr]

    def save(self, on: Process, attempt_id: int, position: int, fields: dict, token: str) -> None:
        saved = self.post(
            f"{on.url}/attempts/{attempt_id}/autosave",
            json={"position": position, "fields": fields},
            headers={"X-CSRFToken": token},
            timeout=30,
        )
        assert saved.status_code == 200, (on.name, saved.text)

    def submit(self, page_on: Process, post_on: list[Process], attempt_id: int) -> list[int]:
        """Open the submit page on one server, then post it to each of ``post_on`` (a double submit: two)."""
        token = _token(self.get(f"{page_on.url}/attempts/{attempt_id}/submit", timeout=30))
        return [
            self.post(
                f"{server.url}/attempts/{attempt_id}/submit",
                data={"csrf_token": token},
                allow_redirects=False,
                timeout=60,
            ).status_code
            for server in post_on
        ]


def test_an_exam_across_two_servers_and_two_workers_loses_nothing_and_grades_once(
    deployment: tuple[Deployment, str],
) -> None:
    running, database_url = deployment
    a, b = running.servers
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        exam = set_up_exam(["ada", "ben", "cyd"], start=False)
        overdue = set_up_exam(["late"], teacher="lateteacher")
        late_attempt = db.session.get(Attempt, overdue.attempts["late"])
        assert late_attempt is not None
        late_attempt.started_at -= timedelta(hours=1)
        late_attempt.deadline = late_attempt.started_at + timedelta(seconds=1)
        db.session.commit()
        db.session.remove()

        # Ada's whole exam, each request on the other server than the one before.
        ada = Student()
        assert _log_in(ada, a, "ada") == 302
        attempt_id = ada.start(b, a, exam.quiz_id)
        token = _token(ada.get(f"{b.url}/attempts/{attempt_id}/q/0", timeout=30))
        right = {answer.position: fields_for_key(answer) for answer in _stored(database_url, attempt_id)[1]}
        for position, fields in right.items():
            ada.save((a, b)[position % 2], attempt_id, position, fields, token)
        first, again = ada.submit(a, [b, a], attempt_id)
        assert first == 302
        assert again in (302, 409)
        attempt, answers = _stored(database_url, attempt_id)
        assert attempt.status == "submitted"
        assert attempt.score == attempt.max_score == len(right)
        assert len({answer.graded_at for answer in answers}) == 1  # one grading, by one server
        assert ada.get(f"{a.url}/attempts/{attempt_id}/review", timeout=30).status_code == 200

        # Ben starts and answers on server A, which is then killed: server B serves all he saved.
        ben = Student()
        assert _log_in(ben, a, "ben") == 302
        ben_attempt = ben.start(a, a, exam.quiz_id)
        token = _token(ben.get(f"{a.url}/attempts/{ben_attempt}/q/0", timeout=30))
        ben_right = {answer.position: fields_for_key(answer) for answer in _stored(database_url, ben_attempt)[1]}
        for position in (0, 1):
            ben.save(a, ben_attempt, position, ben_right[position], token)
        a.kill()
        page = ben.get(f"{b.url}/attempts/{ben_attempt}/q/1", timeout=30)
        assert page.status_code == 200  # the same login, on the other server
        for position in sorted(ben_right)[2:]:
            ben.save(b, ben_attempt, position, ben_right[position], _token(page))
        assert ben.submit(b, [b], ben_attempt) == [302]
        attempt, _ = _stored(database_url, ben_attempt)
        assert (attempt.status, attempt.score) == ("submitted", len(ben_right))

        # Cy's wrong passwords, alternating between the servers, meet one count: 4 a minute per name.
        cy = Student()
        command = [sys.executable, "-m", "gunicorn", "--bind", a.url.removeprefix("http://"), "wsgi:app"]
        restarted = _spawn("server-a2", command, running.environment, a.log.parent)
        restarted.url = a.url
        running.servers.append(restarted)
        wait_until(lambda: _serving(restarted), 90, "server A restarted")
        live = [restarted, b]
        codes = [_log_in(cy, live[turn % 2], "cyd", password="wrong-password") for turn in range(6)]
        assert codes[:4] == [401, 401, 401, 401]
        assert codes[4:] == [429, 429]

        # The overdue attempt is closed once, by one of the two consumers, at the next minute.
        wait_until(
            lambda: _stored(database_url, overdue.attempts["late"])[0].status == "closed_overdue",
            130,
            "the overdue attempt closed by a worker",
        )
        logs = "\n".join(consumer.text() for consumer in running.consumers)
        ran = re.findall(r"periodic every_minute of (\d\d:\d\d) run by (\S+)", logs)
        skips = re.findall(r"periodic every_minute of (\d\d:\d\d) skipped by (\S+): run by (\S+)", logs)
        skipped = [minute for minute, by, holder in skips]
        # A consumer's own copy running late into the next minute is skipped too, and is no duplicate.
        skipped_for_another = [minute for minute, by, holder in skips if by != holder]
        minutes = [minute for minute, _ in ran]
        assert minutes, logs[-3000:]
        assert len(minutes) == len(set(minutes)), ran  # each minute run once in the whole deployment
        assert set(skipped) <= set(minutes)
        late, late_answers = _stored(database_url, overdue.attempts["late"])
        assert late.submitted_at is not None
        assert len({answer.graded_at for answer in late_answers}) == 1

    # flask doctor, run with the deployment's settings, finds nothing missing but the second scheduler.
    doctor = subprocess.run(
        [sys.executable, "-m", "flask", "doctor", "--processes", "2"],
        cwd=ROOT,
        env=running.environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "ok       background worker: periodic tasks last run by" in doctor.stdout
    if skipped_for_another:
        assert "scheduled by more than one consumer" in doctor.stdout
