"""What the exam's hot requests cost the database, and the cache that keeps it low.

The question page and autosave run hundreds of times per student and exam: each must cost a fixed
number of statements whatever the number of questions. What they show of the questions comes from
a per-process cache keyed by question version; versions never change, so an edited question
reaches only the attempts started after the edit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import event, select

from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.attempts.shown_versions import ShownVersion
from quizapp.bank.review import edit_question
from quizapp.extensions import db
from tests.attempts.test_pages import autosave, start
from tests.factories import QUESTIONS, make_document, make_question, make_quiz, user
from tests.support import csrf_token, login

WRITES_AND_READS = ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")


@contextmanager
def statements() -> Iterator[list[str]]:
    """The SQL statements sent inside the block (transaction control left out: SQLite's BEGIN is one)."""
    sent: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(WRITES_AND_READS):
            sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def fresh_request(call: Callable[[], object]) -> object:
    # The tests' app context outlives requests: start each one with an empty session, as in production.
    db.session.remove()
    return call()


def exam_of_length(teacher_name: str, length: int, title: str):  # type: ignore[no-untyped-def]
    teacher = user(teacher_name)
    document = make_document(teacher)
    questions = [
        make_question(teacher, document, {**QUESTIONS[i % 2], "prompt": f"{title} question {i}?"})
        for i in range(length)
    ]
    quiz = make_quiz(teacher, questions, title=title, shuffle_questions=False)
    db.session.commit()
    return quiz


def test_question_page_and_autosave_cost_fixed_statements_whatever_the_length(student_client, users) -> None:  # type: ignore[no-untyped-def]
    costs = []
    for length in (2, 12):
        quiz = exam_of_length(users.teacher, length, f"Exam of {length}")
        attempt_id = start(student_client, quiz.id).id
        token = csrf_token(student_client, f"/attempts/{attempt_id}/q/0")  # also fills the cache
        with statements() as page:
            response = fresh_request(lambda: student_client.get(f"/attempts/{attempt_id}/q/1"))  # noqa: B023
            assert response.status_code == 200
        with statements() as save:
            saved = fresh_request(lambda: autosave(student_client, attempt_id, 1, {"choice": "true"}, token))  # noqa: B023
            assert saved.status_code == 200, saved.get_data(as_text=True)
        costs.append((len(page), len(save)))
        db.session.remove()
        answer = db.session.scalar(
            select(AttemptAnswer).where(AttemptAnswer.attempt_id == attempt_id, AttemptAnswer.position == 1)
        )
        assert answer.response is True
    # The page: the attempt with its quiz (and the login's account, checked on the way), its answers.
    # Autosave: the attempt locked with the answer's place in it (and the account), the write.
    assert costs == [(2, 2), (2, 2)]


def test_starting_costs_the_same_statements_whatever_the_length(student_client, users) -> None:  # type: ignore[no-untyped-def]
    costs = []
    for length in (2, 12):
        quiz = exam_of_length(users.teacher, length, f"Start {length}")
        token = csrf_token(student_client, f"/quizzes/{quiz.id}")
        with statements() as sent:
            response = fresh_request(
                lambda: student_client.post(f"/quizzes/{quiz.id}/start", data={"csrf_token": token})  # noqa: B023
            )
            assert response.status_code == 302
        writes = [s for s in sent if not s.lstrip().upper().startswith("SELECT")]
        if db.engine.dialect.name == "postgresql":
            # One read (the quiz, the login, the student's attempts, the questions), one write (the attempt's row and
            # its answers' rows together).
            assert len(sent) == 2, sent
            assert len(writes) == 1, writes
            assert "INSERT INTO attempts" in writes[0], writes
            assert "INSERT INTO attempt_answers" in writes[0], writes
        else:
            assert [w.split("(")[0].strip() for w in writes] == ["INSERT INTO attempts", "INSERT INTO attempt_answers"]
        costs.append(len(sent))
        # A quiz without random-question rules (most) reads none: the quiz's row says it has none.
        assert not [s for s in sent if s.lstrip().startswith("SELECT quiz_rules.")], sent
    assert costs[0] == costs[1]


def test_a_cold_cache_costs_one_query_for_all_the_versions(app, student_client, users) -> None:  # type: ignore[no-untyped-def]
    from quizapp.attempts import shown_versions

    quiz = exam_of_length(users.teacher, 6, "Cold")
    attempt_id = start(student_client, quiz.id).id
    shown_versions._caches.clear()  # as after a worker restarts
    with statements() as cold:
        fresh_request(lambda: student_client.get(f"/attempts/{attempt_id}/q/0"))
    with statements() as warm:
        fresh_request(lambda: student_client.get(f"/attempts/{attempt_id}/q/0"))
    assert len(cold) == len(warm) + 1
    assert "question_versions" in cold[-1]


def test_nothing_about_the_key_is_cached() -> None:
    # What the student's pages are built from: a key, an explanation or a source cannot leak from here.
    assert {f.name for f in dataclasses.fields(ShownVersion)} == {"id", "type", "prompt", "options", "lefts"}


def edit(question_id: int, teacher_name: str, **changes: object) -> int:
    from quizapp.bank.models import Question

    question = db.session.get(Question, question_id)
    version = question.latest
    content = {
        "type": version.type,
        "prompt": version.prompt,
        "options": list(version.options),
        "answer": version.answer,
        "explanation": version.explanation,
        **changes,
    }
    new = edit_question(db.session, question, user(teacher_name), content)
    db.session.commit()
    return new.id


def test_an_edit_reaches_new_attempts_and_a_started_attempt_keeps_its_version(app, student_client, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    document = make_document(teacher)
    mc = make_question(teacher, document, QUESTIONS[0])
    quiz = make_quiz(teacher, [mc], shuffle_options=False)
    db.session.commit()
    quiz_id, question_id = quiz.id, mc.id
    first = start(student_client, quiz_id)
    first_id, old_version = first.id, first.answers[0].question_version_id
    page = f"/attempts/{first_id}/q/0"
    assert QUESTIONS[0]["prompt"] in student_client.get(page).get_data(as_text=True)  # now cached

    new_prompt = "Who planned the route of the Riverside Canal?"
    new_options = ["Thomas Reid", "Margaret Hale", "John Brindley", "Ada Moss"]
    new_version = edit(question_id, users.teacher, prompt=new_prompt, options=new_options)
    assert new_version != old_version  # an edit never changes a version: it adds one

    # The started attempt still shows, and reads answers against, the version it started with.
    html = student_client.get(page).get_data(as_text=True)
    assert QUESTIONS[0]["prompt"] in html
    assert new_prompt not in html
    assert "Thomas Reed" in html
    assert "Thomas Reid" not in html
    saved = autosave(student_client, first_id, 0, {"choice": "0"})
    assert saved.status_code == 200
    db.session.remove()
    answer = db.session.scalar(select(AttemptAnswer).where(AttemptAnswer.attempt_id == first_id))
    assert (answer.question_version_id, answer.response) == (old_version, "Thomas Reed")

    # Another student starting now gets the new version, served beside the old one.
    other = app.test_client()
    login(other, users.other_student)
    second = start(other, quiz_id)
    assert second.answers[0].question_version_id == new_version
    html = other.get(f"/attempts/{second.id}/q/0").get_data(as_text=True)
    assert new_prompt in html
    assert "Thomas Reid" in html
    assert QUESTIONS[0]["prompt"] not in html
    assert QUESTIONS[0]["prompt"] in student_client.get(page).get_data(as_text=True)


@pytest.mark.parametrize("closing", ["submitted", "overdue"])
def test_autosave_refuses_a_closed_attempt_and_saves_nothing(app, student_client, users, closing: str) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from tests.support import post_form

    quiz = exam_of_length(users.teacher, 2, "Closing")
    attempt = start(student_client, quiz.id)
    attempt_id = attempt.id
    token = csrf_token(student_client, f"/attempts/{attempt_id}/q/0")
    if closing == "submitted":
        post_form(student_client, f"/attempts/{attempt_id}/submit", {}, token_from=f"/attempts/{attempt_id}/submit")
    else:
        attempt.started_at -= timedelta(hours=2)
        attempt.deadline = attempt.started_at + timedelta(minutes=30)
        db.session.commit()
    response = autosave(student_client, attempt_id, 0, {"choice": "true"}, token)
    assert response.status_code == 409
    assert response.get_json()["ok"] is False
    db.session.remove()
    closed = db.session.get(Attempt, attempt_id)
    assert closed.status == ("submitted" if closing == "submitted" else "closed_overdue")
    assert all(a.response is None for a in closed.answers)


def test_a_timed_start_reads_extra_time_in_the_quizs_row(student_client, users) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import assign, class_with

    untimed = exam_of_length(users.teacher, 2, "Untimed")
    timed = exam_of_length(users.teacher, 2, "Timed")
    timed.time_limit_minutes = 20
    timed.visibility = "class"
    assign(timed, class_with(users.teacher, [users.student], extra_time=50))
    db.session.commit()
    timed_id = timed.id
    counts = []
    for quiz_id in (untimed.id, timed_id):
        token = csrf_token(student_client, f"/quizzes/{quiz_id}")
        with statements() as sent:
            response = fresh_request(
                lambda: student_client.post(f"/quizzes/{quiz_id}/start", data={"csrf_token": token})  # noqa: B023
            )
            assert response.status_code == 302
        counts.append(len(sent))
    assert counts[0] == counts[1]
    attempt = db.session.scalar(select(Attempt).where(Attempt.quiz_id == timed_id))
    assert attempt.deadline == attempt.started_at + timedelta(minutes=30)  # the class's half as much again
