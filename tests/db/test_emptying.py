"""Each test starts on empty tables whose ids start again at 1, on both databases, as with TRUNCATE."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask
from sqlalchemy import func, select

from quizapp.auth.models import User
from quizapp.extensions import db
from tests.conftest import Accounts, empty_all_tables
from tests.factories import all_types_quiz, class_with, finished_attempt, user


def test_emptying_clears_linked_rows_and_restarts_ids(app: Flask, users: Accounts) -> None:
    quiz, questions = all_types_quiz(users.teacher)
    class_with(users.teacher, [users.student])
    finished_attempt(quiz, user(users.student), [1.0] * len(questions), submitted_at=datetime.now(UTC))
    db.session.commit()

    empty_all_tables()

    left = {
        table.name: count
        for table in db.metadata.sorted_tables
        if (count := db.session.scalar(select(func.count()).select_from(table)))
    }
    assert left == {}
    again = User(username="again", display_name="again", password_hash="x", role="student")
    db.session.add(again)
    db.session.commit()
    assert again.id == 1
