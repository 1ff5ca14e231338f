"""PostgreSQL goes down while a student answers in Chromium: the page says so, retries, and saves by itself.

A live server on a fresh PostgreSQL database of its own (the outage is that database closed to
connections and its connections cut; the server is not restarted, other tests share it).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select
from werkzeug.serving import make_server

from quizapp import create_app
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.extensions import db
from tests.browser.conftest import LiveServer
from tests.browser.test_first_journey import log_in
from tests.browser.test_taking_quizzes import wait_for_questions
from tests.factories import QUESTIONS
from tests.faults.support import PostgresFaults, fresh_postgresql_database, postgresql_selected, set_up_exam
from tests.support import app_config

SPEC = {spec["type"]: spec for spec in QUESTIONS}
OUTAGE_AT_LEAST_S = 3.0


@pytest.fixture
def pg_live_server(request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    if not postgresql_selected(request.config):
        pytest.skip("an outage of PostgreSQL; PostgreSQL is not among --db")
    with fresh_postgresql_database() as url:
        app = create_app(app_config(url, TESTING=False))
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield LiveServer(url=f"http://127.0.0.1:{server.server_port}", app=app)
        finally:
            server.shutdown()
            thread.join(timeout=5)
            with app.app_context():
                db.engine.dispose()


def test_answers_changed_during_an_outage_are_saved_when_the_database_returns(
    page: Any, pg_live_server: LiveServer
) -> None:
    from playwright.sync_api import expect

    server = pg_live_server
    faults = PostgresFaults(server.app.config["SQLALCHEMY_DATABASE_URI"])
    with server.app.app_context():
        exam = set_up_exam(["outage_kid"], start=False, layout="all_on_one_page")
    status = page.locator("#save-status")
    log_in(page, server, "outage_kid")
    page.goto(f"{server.url}/quizzes/{exam.quiz_id}")
    page.get_by_role("button", name="Start").click()
    wait_for_questions(page)

    page.get_by_label("Thomas Reed", exact=True).check()  # a wrong answer, saved while all is well
    expect(status).to_have_text("Saved")

    faults.close()
    closed = time.monotonic()
    page.get_by_label(SPEC["multiple_choice"]["answer"], exact=True).check()  # changes of mind during the outage
    page.get_by_label("True", exact=True).check()
    page.get_by_label("Your answer to question").fill(SPEC["fill_in"]["answer"][0])
    page.get_by_label("Your answer to question").press("Tab")
    expect(status).to_contain_text("not saved", ignore_case=True, timeout=15_000)
    expect(status).to_contain_text("retrying")
    time.sleep(max(0.0, OUTAGE_AT_LEAST_S - (time.monotonic() - closed)))
    expect(status).not_to_have_text("Saved")  # still down: nothing claims to be saved
    faults.reopen()
    reopened = time.monotonic()

    expect(status).to_have_text("Saved", timeout=40_000)  # nobody touched anything: the page retried by itself
    print(
        f"\noutage {reopened - closed:.1f} s; the page showed Saved {time.monotonic() - reopened:.1f} s "
        "after the database reopened"
    )
    page.get_by_role("button", name="Finish and submit…").click()
    page.wait_for_url("**/submit")
    page.get_by_role("button", name="Submit now").click()
    page.wait_for_url("**/review")

    with server.app.app_context():
        attempt = db.session.scalar(select(Attempt).where(Attempt.quiz_id == exam.quiz_id))
        answers = {a.question_version.type: a for a in attempt.answers}
        assert attempt.status == "submitted"
        assert (
            answers["multiple_choice"].response == SPEC["multiple_choice"]["answer"]
        )  # the last answer, not the first
        assert answers["true_false"].response is True
        assert answers["fill_in"].response == SPEC["fill_in"]["answer"][0]
        assert {t for t, a in answers.items() if a.score == a.points} == {"multiple_choice", "true_false", "fill_in"}
        assert attempt.score == 3
        assert db.session.scalar(select(AttemptAnswer.id).where(AttemptAnswer.graded_at.is_(None))) is None
        db.session.remove()
