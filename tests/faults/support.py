"""Faults made on purpose: a PostgreSQL database cut off or closed, an exam set up to be attacked.

Other test runs share this machine's PostgreSQL server, so nothing here restarts it: every fault is
limited to one throwaway database (``WHERE datname = ...``). Closing a database to new connections
and terminating its backends is a real outage of that database, as a restart is for all of them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from quizapp.attempts import loading, starting
from quizapp.attempts.models import AttemptAnswer
from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from quizapp.models import utcnow
from tests.attempts.test_services import fields_for_key
from tests.factories import all_types_quiz, user
from tests.support import (
    PG_ADMIN_URL,
    TEST_PASSWORD,
    create_postgresql_database,
    drop_postgresql_database,
    migrate_to_head,
    require_postgresql,
)


def postgresql_selected(config: pytest.Config) -> bool:
    return "postgresql" in [name.strip() for name in str(config.getoption("--db")).split(",")]


@contextmanager
def fresh_postgresql_database() -> Iterator[str]:
    """A new migrated database that only this test uses (its faults touch nobody else); dropped after."""
    require_postgresql()
    url = create_postgresql_database()
    try:
        migrate_to_head(url)
        yield url
    finally:
        PostgresFaults(url).reopen()  # a failed test must not leave it closed: DROP would still work, but be tidy
        drop_postgresql_database(url)


class PostgresFaults:
    """Cuts and outages of one database, made from the server's maintenance database."""

    def __init__(self, url: str) -> None:
        self.name = make_url(url).database
        self.admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)

    def cut(self) -> int:
        """Terminate every connection to the database (idle in the pool or mid-query). How many."""
        with self.admin.connect() as connection:
            return len(
                connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = :name AND pid <> pg_backend_pid()"
                    ),
                    {"name": self.name},
                ).all()
            )

    def close(self) -> int:
        """Refuse new connections and cut the open ones: the database is down until reopen()."""
        with self.admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS false'))
        return self.cut()

    def reopen(self) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS true'))

    def backends(self) -> list[dict[str, Any]]:
        """The database's sessions as pg_stat_activity shows them (state, wait, query)."""
        with self.admin.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT pid, state, wait_event_type, query FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": self.name},
            ).mappings()
            return [dict(row) for row in rows]


def wrong_fields(answer: AttemptAnswer) -> dict[str, str]:
    """Fields a student who gets the question wrong would send (a different, valid answer)."""
    right = fields_for_key(answer)
    shown = loading.shown_of(answer)
    count = len(shown.option_order)
    if shown.type == "multiple_choice":
        return {"choice": str((int(right["choice"]) + 1) % count)}
    if shown.type == "true_false":
        return {"choice": "false" if right["choice"] == "true" else "true"}
    if shown.type == "fill_in":
        return {"text": "nobody knows"}
    if shown.type == "ordering":  # the key's order reversed: no two items in order, no credit
        return {key: str(count + 1 - int(rank)) for key, rank in right.items()}
    return {key: str((int(value) + 1) % count) for key, value in right.items()}


@dataclass
class Exam:
    """An exam of every question type, with one attempt in progress per student."""

    quiz_id: int
    attempts: dict[str, int]  # student name -> attempt id
    right: dict[tuple[int, int], dict[str, str]]  # (attempt, position) -> fields of the key
    wrong: dict[tuple[int, int], dict[str, str]]


def set_up_exam(students: list[str], *, teacher: str = "faultteacher", start: bool = True, **quiz: Any) -> Exam:
    """Accounts, an exam (with ``quiz`` settings) and, if ``start``, an attempt per student; needs an app context."""
    accounts.create_user(db.session, username=teacher, password=TEST_PASSWORD, role=Role.TEACHER)
    for name in students:
        accounts.create_user(db.session, username=name, password=TEST_PASSWORD, role=Role.STUDENT)
    db.session.commit()
    quiz, _ = all_types_quiz(teacher, **{"title": "Fault exam", "shuffle_questions": False, **quiz})
    attempts = {}
    if start:
        attempts = {name: starting.start_attempt(db.session, quiz.id, user(name), now=utcnow()).id for name in students}
    db.session.commit()
    answers = db.session.scalars(select(AttemptAnswer).where(AttemptAnswer.attempt_id.in_(attempts.values()))).all()
    exam = Exam(
        quiz_id=quiz.id,
        attempts=attempts,
        right={(a.attempt_id, a.position): fields_for_key(a) for a in answers},
        wrong={(a.attempt_id, a.position): wrong_fields(a) for a in answers},
    )
    db.session.remove()
    return exam


def wait_until(condition: Any, timeout: float, what: str) -> Any:
    """Poll ``condition`` until it returns something true; fail saying ``what`` never happened."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"{what} did not happen within {timeout:.0f} s")
