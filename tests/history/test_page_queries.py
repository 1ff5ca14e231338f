"""Every history page, as a browser asks for it: the same number of SQL statements for 3 attempts as for 40,
and (on SQLite, whose plans do not depend on table sizes) no statement reads the attempts or their answers
by scanning the whole table instead of through an index."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event

from quizapp.extensions import db
from quizapp.quizzes.models import Quiz
from tests.conftest import Accounts
from tests.factories import all_types_quiz, assign, class_with, finished_attempt, user

NOW = datetime.now(UTC)
# The tables that grow with every attempt; the others hold a school's people, quizzes and questions.
GROWING = ("attempts", "attempt_answers")
# An index search narrows these tables only when it starts from one student, quiz or attempt: "status=?"
# alone is an index search over every finished attempt of the school.
NARROWING = ("student_id", "quiz_id", "attempt_id", "rowid")


def pages(quiz_id: int, class_id: int, student_id: int) -> dict[str, list[str]]:
    """Who asks for which pages."""
    return {
        "student": ["/history"],
        "teacher": [
            f"/classes/{class_id}/gradebook",
            f"/classes/{class_id}/gradebook.csv",
            f"/classes/{class_id}/students/{student_id}",
            f"/manage/quizzes/{quiz_id}/results",
            f"/manage/quizzes/{quiz_id}/results.csv",
            f"/manage/quizzes/{quiz_id}/analysis",
            f"/manage/quizzes/{quiz_id}/analysis.csv",
        ],
    }


def statements_of(app: Flask, call: Callable[[], Any]) -> list[tuple[str, Any]]:
    seen: list[tuple[str, Any]] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        seen.append((statement, parameters))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen


def add_attempts(quiz_id: int, users: Accounts, count: int, start_day: int) -> None:
    quiz = db.session.get(Quiz, quiz_id)
    for i in range(count):
        for name in (users.student, users.other_student):
            finished_attempt(quiz, user(name), [1, i % 2, 1, 0, i % 3 and 1],
                             submitted_at=NOW - timedelta(days=start_day + i, minutes=i))  # fmt: skip
    db.session.commit()


@pytest.fixture
def world(users: Accounts):  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher)
    school_class = class_with(users.teacher, [users.student, users.other_student])
    assign(quiz, school_class)
    db.session.commit()
    return quiz.id, school_class.id


def visit_all(clients: dict[str, FlaskClient], urls: dict[str, list[str]]) -> Callable[[], None]:
    def visit() -> None:
        for who, paths in urls.items():
            for path in paths:
                response = clients[who].get(path)
                assert response.status_code == 200, path

    return visit


def per_page(app: Flask, clients: dict[str, FlaskClient], urls: dict[str, list[str]]) -> dict[str, int]:
    counts = {}
    for who, paths in urls.items():
        for path in paths:
            counts[path] = len(statements_of(app, visit_all(clients, {who: [path]})))
    return counts


def test_each_page_costs_the_same_statements_for_3_attempts_as_for_40(  # type: ignore[no-untyped-def]
    app: Flask, world, users: Accounts, student_client: FlaskClient, teacher_client: FlaskClient
) -> None:
    quiz_id, class_id = world
    clients = {"student": student_client, "teacher": teacher_client}
    urls = pages(quiz_id, class_id, user(users.student).id)
    add_attempts(quiz_id, users, 3, start_day=50)
    db.session.remove()
    few = per_page(app, clients, urls)
    add_attempts(quiz_id, users, 37, start_day=1)
    db.session.remove()
    many = per_page(app, clients, urls)
    assert many == few
    # The page's own queries plus the login check: a handful, never one per attempt or per student.
    assert max(many.values()) <= 10, many


# PostgreSQL picks a plan by table size: on a test's few rows a scan is its right choice (benchmarks/history.py
# times the pages on 100,000 attempts there).
@pytest.mark.backends("sqlite")
def test_no_page_scans_the_attempts_or_their_answers(  # type: ignore[no-untyped-def]
    app: Flask, world, users: Accounts, student_client: FlaskClient, teacher_client: FlaskClient
) -> None:
    quiz_id, class_id = world
    urls = pages(quiz_id, class_id, user(users.student).id)
    add_attempts(quiz_id, users, 5, start_day=1)
    db.session.remove()
    seen = statements_of(app, visit_all({"student": student_client, "teacher": teacher_client}, urls))
    scans = []
    with app.app_context():
        raw = db.engine.raw_connection()
        try:
            cursor = raw.cursor()
            for statement, parameters in seen:
                if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                    continue
                cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
                for row in cursor.fetchall():
                    detail = row[-1]
                    # SCAN reads every row (in an index's order with "USING INDEX", but every row all the same).
                    access = re.match(rf"(SCAN|SEARCH) ({'|'.join(GROWING)})\b(.*)", detail)
                    if access is None:
                        continue
                    constraint = re.search(r"\(([^)]*)\)\s*$", access.group(3))
                    narrowed = constraint is not None and any(
                        re.match(rf"{column}\b", part.strip())
                        for part in constraint.group(1).split(" AND ")
                        for column in NARROWING
                    )
                    if access.group(1) == "SCAN" or not narrowed:
                        scans.append((detail, statement[:300]))
        finally:
            raw.close()
    assert len(seen) > 20
    assert scans == []
