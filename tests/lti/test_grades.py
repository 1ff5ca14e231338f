"""Score passback (AGS) through the outbox: a submit queues the kept score, the worker sends it, failures are
retried and shown to the teacher and the admin. HTTP to the LMS is answered by ``responses``; the token endpoint
checks the tool's client assertion with lti1p3platform against quizapp's published JWKS.

Jobs run at once in tests (``huey.immediate``): a commit that queues a score sends it before the test goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs

import pytest
import requests
import responses
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, update

from quizapp.attempts import saving, starting, submitting
from quizapp.attempts.marking import set_mark
from quizapp.attempts.models import Attempt
from quizapp.attempts.regrade import apply_regrade
from quizapp.auth.models import User
from quizapp.bank.models import Question
from quizapp.bank.review import edit_question
from quizapp.extensions import db
from quizapp.lti import outbox, sending, services, tasks
from quizapp.lti.grades import QuizServiceConnector
from quizapp.lti.models import LtiGradeSend, LtiIdentity
from quizapp.models import utcnow
from quizapp.quizzes.models import Quiz
from quizapp.statuses import GradeSendStatus
from tests.conftest import Accounts
from tests.factories import QUESTIONS, finished_attempt, make_document, make_question, make_quiz, user
from tests.history.test_page_queries import statements_of
from tests.lti.platform import ISSUER, LEARNER, Platform, _Conf
from tests.support import post_form

LINEITEM = f"{ISSUER}/lineitems/42"
SCORES = f"{LINEITEM}/scores"


class LinkedQuiz:
    """A one-question quiz (true/false, key True) placed in an LMS course, and a learner launched into it."""

    def __init__(self, lms: Platform, quiz: Quiz, question: Question, student: User) -> None:
        self.lms, self.quiz, self.question, self.student = lms, quiz, question, student

    def submit(self, choice: str) -> int:
        attempt = starting.start_attempt(db.session, self.quiz.id, self.student, now=utcnow())
        saving.save_answer(db.session, attempt.id, self.student, 0, {"choice": choice}, now=utcnow())
        submitting.submit_attempt(db.session, attempt.id, self.student, now=utcnow())
        db.session.commit()  # the outbox row is written with the submit; the worker sends it after the commit
        return attempt.id

    def row(self) -> LtiGradeSend:
        db.session.expire_all()
        return db.session.scalars(select(LtiGradeSend)).one()


@pytest.fixture
def linked(app: Flask, users: Accounts) -> LinkedQuiz:
    QuizServiceConnector.access_tokens.clear()  # each test's LMS issues its own token
    lms = Platform()
    lms.register_in_quizapp()
    teacher = user(users.teacher)
    question = make_question(teacher, make_document(teacher), QUESTIONS[1])
    quiz = make_quiz(teacher, [question], visibility="class", score_policy="last", attempts_allowed=None)
    db.session.commit()
    lms.place(quiz)
    response = lms.launch(
        app.test_client(), "lms-user-1", [LEARNER], custom={"quiz_id": str(quiz.id)}, lineitem=LINEITEM
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    student = db.session.scalars(select(LtiIdentity)).one().user
    return LinkedQuiz(lms, quiz, question, student)


@pytest.fixture
def lms_http(linked: LinkedQuiz) -> Iterator[responses.RequestsMock]:
    """The LMS's token and score endpoints; any other HTTP call fails the test."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add_callback(responses.POST, f"{ISSUER}/token", callback=_token_endpoint(linked.lms))
        yield mock


def _token_endpoint(lms: Platform):  # type: ignore[no-untyped-def]
    def answer(request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        form = {k: v[0] for k, v in parse_qs(str(request.body)).items()}
        conf = _Conf(registration=lms.registration().set_tool_key_set(services.public_jwks(db.session)))
        conf.get_registration()
        claims = conf.tool_validate_and_decode(form["client_assertion"])  # raises on a bad signature
        assert claims["iss"] == "quizapp-client"
        return 200, {}, json.dumps({"access_token": "platform-token", "expires_in": 3600})

    return answer


def _scores_sent(mock: responses.RequestsMock) -> list[dict[str, Any]]:
    return [json.loads(call.request.body or b"{}") for call in mock.calls if call.request.url == SCORES]


def test_a_submit_queues_the_score_and_the_worker_sends_it(
    linked: LinkedQuiz, lms_http: responses.RequestsMock
) -> None:
    lms_http.add(responses.POST, SCORES, json={}, status=200)
    linked.submit("true")

    [body] = _scores_sent(lms_http)
    assert (body["userId"], body["scoreGiven"], body["scoreMaximum"]) == ("lms-user-1", 100.0, 100)
    assert (body["activityProgress"], body["gradingProgress"]) == ("Completed", "FullyGraded")
    score_call = next(call for call in lms_http.calls if call.request.url == SCORES)
    assert score_call.request.headers["Authorization"] == "Bearer platform-token"
    row = linked.row()
    assert (row.status, row.score, row.tries, row.last_error, row.next_try_at) == ("sent", 100.0, 1, None, None)


def test_the_score_the_policy_keeps_is_sent_and_an_unchanged_one_is_not_sent_again(
    app: Flask, linked: LinkedQuiz, lms_http: responses.RequestsMock
) -> None:
    lms_http.add(responses.POST, SCORES, json={}, status=200)
    linked.quiz.score_policy = "best"
    db.session.commit()
    linked.submit("true")
    linked.submit("false")  # "best" still keeps 100: nothing new to send
    assert [body["scoreGiven"] for body in _scores_sent(lms_http)] == [100.0]

    # The worker running again, or the queue delivering the job twice, sends nothing more.
    assert sending.send_one(db.session, linked.row().id) is None
    tasks.send_grade(linked.row().id)
    tasks.retry_grades()
    assert len(_scores_sent(lms_http)) == 1

    linked.quiz.score_policy = "last"
    db.session.commit()
    finished_attempt(linked.quiz, linked.student, [0.0], submitted_at=utcnow())
    db.session.commit()
    assert [body["scoreGiven"] for body in _scores_sent(lms_http)] == [100.0, 0.0]


def test_a_refused_score_is_retried_later_and_shown_to_the_teacher_and_the_admin(
    linked: LinkedQuiz, lms_http: responses.RequestsMock, teacher_client: FlaskClient, admin_client: FlaskClient
) -> None:
    lms_http.add(responses.POST, SCORES, json={"error": "database down"}, status=500)
    linked.submit("true")

    row = linked.row()
    assert (row.status, row.tries) == ("failed", 1)
    assert "HTTP 500" in str(row.last_error)
    assert row.next_try_at is not None
    assert row.next_try_at > utcnow() + timedelta(seconds=50)
    results = teacher_client.get(f"/manage/quizzes/{linked.quiz.id}/results").get_data(as_text=True)
    assert "LMS grade not sent" in results
    assert "HTTP 500" in results
    assert "1 try" in results
    assert "Retry now" in results
    assert "LMS grade not sent" in admin_client.get("/admin/lti").get_data(as_text=True)

    tasks.retry_grades()  # not due yet: backoff
    assert len(_scores_sent(lms_http)) == 1

    # The backoff passes, the LMS is still down: a second failed try, a longer wait.
    row.next_try_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert sending.send_due(db.session) == {"failed": 1}
    row = linked.row()
    assert row.tries == 2
    assert row.next_try_at is not None
    assert row.next_try_at > utcnow() + timedelta(seconds=110)

    # The LMS is back; the teacher does not wait for the backoff.
    lms_http.replace(responses.POST, SCORES, json={}, status=200)
    url = f"/manage/quizzes/{linked.quiz.id}/lms-grades/retry"
    response = post_form(teacher_client, url, {}, token_from=f"/manage/quizzes/{linked.quiz.id}/results")
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert len(_scores_sent(lms_http)) == 3
    row = linked.row()
    assert (row.status, row.last_error) == ("sent", None)
    assert "LMS grade not sent" not in teacher_client.get(f"/manage/quizzes/{linked.quiz.id}/results").get_data(
        as_text=True
    )


def test_tries_run_out_and_the_admin_can_retry_them(
    linked: LinkedQuiz, lms_http: responses.RequestsMock, admin_client: FlaskClient
) -> None:
    lms_http.add(responses.POST, SCORES, status=503)
    linked.submit("true")
    row = linked.row()
    row.tries, row.next_try_at = sending.MAX_TRIES - 1, utcnow() - timedelta(seconds=1)
    db.session.commit()
    sending.send_due(db.session)
    row = linked.row()
    assert (row.status, row.tries, row.next_try_at) == ("failed", sending.MAX_TRIES, None)  # no more automatic tries
    assert "No more automatic tries" in admin_client.get("/admin/lti").get_data(as_text=True)

    lms_http.replace(responses.POST, SCORES, json={}, status=200)
    assert post_form(admin_client, "/admin/lti/grades/retry", {}, token_from="/admin/lti").status_code == 302  # type: ignore[attr-defined]
    assert linked.row().status == GradeSendStatus.SENT


def test_a_regrade_sends_the_new_score(linked: LinkedQuiz, lms_http: responses.RequestsMock, users: Accounts) -> None:
    lms_http.add(responses.POST, SCORES, json={}, status=200)
    linked.submit("true")
    teacher = user(users.teacher)
    content = {"type": "true_false", "prompt": "The Riverside Canal opened in 1821.", "answer": False, "options": []}
    edit_question(db.session, linked.question, teacher, content)  # the key was wrong
    db.session.commit()
    assert apply_regrade(db.session, linked.question, teacher, now=utcnow()) == 1
    db.session.commit()
    assert [body["scoreGiven"] for body in _scores_sent(lms_http)] == [100.0, 0.0]
    assert linked.row().score == 0.0


def test_a_score_awaiting_the_teachers_mark_goes_as_pending_then_the_mark_is_sent(
    linked: LinkedQuiz, lms_http: responses.RequestsMock, users: Accounts
) -> None:
    lms_http.add(responses.POST, SCORES, json={}, status=200)
    attempt = finished_attempt(linked.quiz, linked.student, [0.0], submitted_at=utcnow())
    attempt.answers[0].score, attempt.answers[0].needs_mark = None, True  # its key could not be graded
    db.session.commit()
    set_mark(db.session, attempt.id, 0, 1.0, user(users.teacher), now=utcnow())
    db.session.commit()
    sent = [(body["scoreGiven"], body["gradingProgress"]) for body in _scores_sent(lms_http)]
    assert sent == [(0.0, "PendingManual"), (100.0, "FullyGraded")]


def test_an_overdue_close_by_the_sweep_sends_the_score(linked: LinkedQuiz, lms_http: responses.RequestsMock) -> None:
    lms_http.add(responses.POST, SCORES, json={}, status=200)
    attempt = starting.start_attempt(db.session, linked.quiz.id, linked.student, now=utcnow())
    saving.save_answer(db.session, attempt.id, linked.student, 0, {"choice": "true"}, now=utcnow())
    linked.quiz.closes_at = utcnow() - timedelta(hours=1)
    db.session.commit()
    assert _scores_sent(lms_http) == []
    sweep = submitting.close_overdue(db.session, now=utcnow())
    db.session.commit()
    assert sweep.closed == 1
    assert [body["scoreGiven"] for body in _scores_sent(lms_http)] == [100.0]


def test_a_score_changed_while_it_was_being_sent_is_sent_again(
    linked: LinkedQuiz, lms_http: responses.RequestsMock
) -> None:
    lms_http.add(responses.POST, SCORES, json={}, status=200)
    assert outbox.queue_kept_scores(db.session, [], now=utcnow()) == []  # nothing asked, nothing queued
    finished_attempt(linked.quiz, linked.student, [1.0], submitted_at=utcnow())
    db.session.commit()  # sent by the worker after this commit: 100
    row = linked.row()
    send_id = row.id
    row.status, row.next_try_at = GradeSendStatus.PENDING, utcnow()  # due again, as if the LMS lost it
    db.session.commit()
    claim = sending.claim_send(db.session, send_id, now=utcnow())
    db.session.commit()
    assert claim is not None
    assert claim.score == 100.0
    assert sending.claim_send(db.session, send_id, now=utcnow()) is None  # a second worker cannot take it
    finished_attempt(linked.quiz, linked.student, [0.0], submitted_at=utcnow())
    db.session.commit()  # the new score waits: the row is claimed
    assert sending.deliver(claim, now=utcnow()) is None
    sending.record_outcome(db.session, claim, None, now=utcnow())
    db.session.commit()  # due again, handed to the worker, sent
    assert [body["scoreGiven"] for body in _scores_sent(lms_http)] == [100.0, 100.0, 0.0]
    assert (linked.row().status, linked.row().score) == ("sent", 0.0)


def test_attempts_outside_an_lms_link_queue_nothing(app: Flask, users: Accounts) -> None:
    teacher = user(users.teacher)
    quiz = make_quiz(teacher, [make_question(teacher, make_document(teacher), QUESTIONS[1])])
    with responses.RequestsMock():  # any HTTP call would fail the test
        finished_attempt(quiz, user(users.student), [1.0], submitted_at=utcnow())
        db.session.commit()
    assert db.session.scalars(select(LtiGradeSend)).all() == []


def test_a_class_regraded_at_once_reads_its_queued_rows_in_one_select(
    app: Flask, linked: LinkedQuiz, lms_http: responses.RequestsMock
) -> None:
    lms_http.add(responses.POST, SCORES, json={}, status=200)
    students = [linked.student]
    for n in (2, 3):
        launched = linked.lms.launch(
            app.test_client(), f"lms-user-{n}", [LEARNER], custom={"quiz_id": str(linked.quiz.id)}, lineitem=LINEITEM
        )
        assert launched.status_code == 200
        students.append(
            db.session.scalars(select(LtiIdentity).where(LtiIdentity.subject == f"lms-user-{n}")).one().user
        )
    for student in students:
        finished_attempt(linked.quiz, student, [1.0], submitted_at=utcnow())
    db.session.commit()  # three rows queued and sent: 100 each
    db.session.execute(update(Attempt).values(score=0.0))  # as a regrade leaves them, without its hooks
    pairs = [(linked.quiz.id, student.id) for student in students]
    due: list[int] = []
    seen = statements_of(app, lambda: due.extend(outbox.queue_kept_scores(db.session, pairs, now=utcnow())))
    assert len(due) == 3
    reads = [sql for sql, _ in seen if sql.lstrip().startswith("SELECT") and "FROM lti_grade_sends" in sql]
    assert len(reads) == 1, reads
    assert sorted(row.score for row in db.session.scalars(select(LtiGradeSend))) == [0.0, 0.0, 0.0]
