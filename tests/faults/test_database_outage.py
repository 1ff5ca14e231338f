"""PostgreSQL drops its connections, then closes for a while, in the middle of an exam.

Students autosave through the test client (one app context per student, so one session serves all
of a student's requests, as a long-lived worker thread would) while another thread terminates the
database's connections again and again and then closes it to connections for a while. The simulated
page behaves as attempt.js does: a save that is not answered 200 is retried until it is.

What must hold: a cut between requests costs at most one request, answered 503 and retried (the pool does
not ping before use: the first request on a dropped connection fails, and SQLAlchemy then replaces every
connection the pool held); a request hit by a cut or made during the outage gets a 503 with a JSON message,
never a 500; the same app serves
again as soon as the database is back; every answer last reported saved is what the database holds,
and grades right.
"""

from __future__ import annotations

import random
import threading
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp import create_app
from quizapp.attempts import loading
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.attempts.responses import read_response
from quizapp.extensions import db
from tests.faults.support import Exam, PostgresFaults, fresh_postgresql_database, postgresql_selected, set_up_exam
from tests.support import app_config, csrf_token, login

STUDENTS = 4
CUTS_BETWEEN_REQUESTS = 3
CUTS_DURING_TRAFFIC = 12
CUT_EVERY_S = 0.25
OUTAGE_S = 2.0
TRAFFIC_AFTER_S = 1.5
GIVE_UP_AFTER_S = 30.0
RECOVERY_LIMIT_S = 3.0


@pytest.fixture
def pg_app(request: pytest.FixtureRequest) -> Iterator[Flask]:
    if not postgresql_selected(request.config):
        pytest.skip("about PostgreSQL's connections; PostgreSQL is not among --db")
    with fresh_postgresql_database() as url:
        app = create_app(app_config(url))
        try:
            yield app
        finally:
            with app.app_context():
                db.session.remove()
                db.engine.dispose()


@dataclass
class Request:
    started: float
    ended: float
    status: int
    body: Any


@dataclass
class Student:
    name: str
    attempt_id: int
    client: FlaskClient
    token: str
    requests: list[Request] = field(default_factory=list)
    last_saved: dict[int, dict[str, str]] = field(default_factory=dict)  # position -> fields last answered 200

    def post_save(self, position: int, fields: dict[str, str]) -> Request:
        started = time.monotonic()
        response = self.client.post(
            f"/attempts/{self.attempt_id}/autosave",
            json={"position": position, "fields": fields},
            headers={"X-CSRFToken": self.token},
        )
        done = Request(started, time.monotonic(), response.status_code, response.get_json(silent=True))
        self.requests.append(done)
        return done

    def save_until_saved(self, position: int, fields: dict[str, str]) -> None:
        """As the page does: retry with a growing pause until the server answers 200."""
        pause, give_up = 0.02, time.monotonic() + GIVE_UP_AFTER_S
        while self.post_save(position, fields).status != 200:
            assert time.monotonic() < give_up, f"{self.name}: a save never went through; last: {self.requests[-1]}"
            time.sleep(pause)
            pause = min(pause * 2, 0.2)
        self.last_saved[position] = fields


def students_of(app: Flask, exam: Exam) -> list[Student]:
    students = []
    for name, attempt_id in exam.attempts.items():
        client = app.test_client()
        login(client, name)
        students.append(Student(name, attempt_id, client, csrf_token(client, f"/attempts/{attempt_id}/q/0")))
    return students


def choose(exam: Exam, student: Student, position: int, rng: random.Random) -> dict[str, str]:
    key = (student.attempt_id, position)
    return exam.right[key] if rng.random() < 0.5 else exam.wrong[key]


def test_autosave_survives_cut_connections_and_an_outage(pg_app: Flask) -> None:
    app = pg_app
    faults = PostgresFaults(app.config["SQLALCHEMY_DATABASE_URI"])
    names = [f"outage{i}" for i in range(STUDENTS)]
    with app.app_context():
        exam = set_up_exam(names)
        students = students_of(app, exam)
    rng = random.Random(7)

    # 1. Connections cut while idle in the pool: one request after each cut may fail, cleanly, and its retry
    # goes through; the pool does not hand the other dead connections out.
    with app.app_context():
        for student in students:
            student.save_until_saved(0, exam.right[(student.attempt_id, 0)])
        for _ in range(CUTS_BETWEEN_REQUESTS):
            assert faults.cut() >= 1  # the pool's idle connections were really there and were really cut
            before = sum(len(s.requests) for s in students)
            for student in students:
                position = rng.randrange(5)
                student.save_until_saved(position, choose(exam, student, position, rng))
            after_cut = [r for s in students for r in s.requests][before:]
            failed = [r for r in after_cut if r.status != 200]
            assert len(failed) <= 1, f"a cut between requests cost more than one request: {failed}"
            assert all(r.status == 503 and r.body["retry"] is True for r in failed), failed
        db.session.remove()

    # 2. Cuts in the middle of traffic, then the database closed to connections for OUTAGE_S.
    stop = threading.Event()
    outage: dict[str, float] = {}
    page_during_outage: dict[str, Any] = {}
    errors: list[BaseException] = []

    def student_thread(student: Student, seed: int) -> None:
        own = random.Random(seed)
        try:
            with app.app_context():
                while not stop.is_set():
                    position = own.randrange(5)
                    student.save_until_saved(position, choose(exam, student, position, own))
                for position in range(5):  # a last round once the faults are over: every question ends saved
                    student.save_until_saved(position, choose(exam, student, position, own))
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    def fault_thread() -> None:
        try:
            for _ in range(CUTS_DURING_TRAFFIC):
                time.sleep(CUT_EVERY_S)
                faults.cut()
            faults.close()
            outage["closed"] = time.monotonic()
            with app.app_context():  # a page, not the script, during the outage: a 503 page, not a 500
                visitor = students[0].client.get(f"/attempts/{students[0].attempt_id}/q/0")
                page_during_outage.update(status=visitor.status_code, text=visitor.get_data(as_text=True))
            time.sleep(max(0.0, OUTAGE_S - (time.monotonic() - outage["closed"])))
            faults.reopen()
            outage["reopened"] = time.monotonic()
            time.sleep(TRAFFIC_AFTER_S)
        except BaseException as error:
            errors.append(error)
        finally:
            stop.set()

    threads = [threading.Thread(target=student_thread, args=(s, i)) for i, s in enumerate(students)]
    threads.append(threading.Thread(target=fault_thread))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    # The first error's whole traceback: an error in a thread says nothing of where it came from by its repr.
    assert errors == [], "".join(traceback.format_exception(errors[0]))

    requests = [r for s in students for r in s.requests]
    refused = [r for r in requests if r.status != 200]
    # Whatever the fault, the answer is a 503 the page understands, never a 500 (a dirty session gives 500s).
    assert Counter(r.status for r in refused).keys() <= {503}, Counter(r.status for r in refused)
    for r in refused:
        assert r.body is not None
        assert r.body["ok"] is False
        assert r.body["retry"] is True
        assert "not answering for a moment" in r.body["error"]
        assert "try again in a few seconds" in r.body["error"]
    assert page_during_outage["status"] == 503
    assert "try again in a few seconds" in page_during_outage["text"]

    closed, reopened = outage["closed"], outage["reopened"]
    inside = [r for r in requests if r.started > closed and r.ended < reopened]
    assert inside
    assert all(r.status == 503 for r in inside)
    for student in students:  # each student felt it and got through after it, without a restart of the app
        assert any(r.status == 503 for r in student.requests if closed < r.started < reopened), student.name
        assert any(r.status == 200 and r.started > reopened for r in student.requests), student.name
    first_after = min(r.ended for r in requests if r.status == 200 and r.started > reopened)
    recovery = first_after - reopened
    assert recovery < RECOVERY_LIMIT_S
    cut_hits = sum(1 for r in refused if r.started < closed)
    print(
        f"\n{len(requests)} saves, {len(refused)} refused with 503 ({cut_hits} hit by the {CUTS_DURING_TRAFFIC} "
        f"cuts, {len(inside)} made during the {reopened - closed:.1f} s outage); first save after reopening "
        f"{recovery * 1000:.0f} ms later"
    )

    # 3. What the students were last told was saved is what the database holds, and it grades right.
    with app.app_context():
        for student in students:
            answers = {
                a.position: a
                for a in db.session.scalars(select(AttemptAnswer).where(AttemptAnswer.attempt_id == student.attempt_id))
            }
            for position, fields in student.last_saved.items():
                expected = read_response(loading.shown_of(answers[position]), fields)
                assert answers[position].response == expected, (student.name, position)
            response = student.client.post(f"/attempts/{student.attempt_id}/submit", data={"csrf_token": student.token})
            assert response.status_code == 302
            db.session.expire_all()
            attempt = db.session.get(Attempt, student.attempt_id)
            assert attempt.status == "submitted"
            right = [p for p, f in student.last_saved.items() if f == exam.right[(student.attempt_id, p)]]
            assert {a.position for a in attempt.answers if a.score == a.points} == set(right)
            assert attempt.score == len(right)  # a wrong answer here earns nothing, not even partly
        db.session.remove()


@pytest.mark.backends("sqlite")
def test_a_database_error_that_is_a_bug_stays_a_500(app: Flask) -> None:
    """Only faults worth retrying become 503s; a broken query is not hidden behind "try again"."""
    from sqlalchemy import text

    from quizapp.access import ANYONE, allow

    app.config["PROPAGATE_EXCEPTIONS"] = False

    def broken() -> str:
        db.session.execute(text("SELECT * FROM no_such_table"))  # SQLite raises OperationalError for this
        return "unreachable"

    app.add_url_rule("/broken", "broken", allow(ANYONE)(broken))
    response = app.test_client().get("/broken", headers={"Accept": "application/json"})
    assert response.status_code == 500
    assert "Retry-After" not in response.headers
