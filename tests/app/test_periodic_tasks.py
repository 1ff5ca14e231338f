"""The periodic tasks run once a minute in the whole deployment, however many consumers schedule them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from flask import Flask

from quizapp import background
from quizapp.background import DUPLICATE_PERIODIC_RUN, LAST_PERIODIC_RUN, claim_periodic_run, huey

NOON = datetime(2026, 12, 7, 12, 0, 5)


@pytest.fixture
def consumer(monkeypatch: pytest.MonkeyPatch, app: Flask) -> list[str]:
    name = ["host-a:101"]
    monkeypatch.setattr(background, "consumer_name", lambda: name[0])
    return name


def test_the_first_copy_of_a_minute_runs_and_a_second_consumers_copy_is_skipped_and_noted(consumer: list[str]) -> None:
    assert claim_periodic_run("every_minute", NOON)
    assert huey.get(LAST_PERIODIC_RUN, peek=True) == {
        "task": "every_minute",
        "at": "2026-12-07T12:00:00",
        "by": "host-a:101",
    }
    assert huey.get(DUPLICATE_PERIODIC_RUN, peek=True) is None

    consumer[0] = "host-b:202"
    assert not claim_periodic_run("every_minute", NOON + timedelta(seconds=40))

    duplicate = huey.get(DUPLICATE_PERIODIC_RUN, peek=True)
    assert duplicate == {
        "task": "every_minute",
        "at": "2026-12-07T12:00:00",
        "by": "host-b:202",
        "ran_by": "host-a:101",
    }


def test_each_minute_is_claimed_anew_and_old_claims_are_deleted(consumer: list[str]) -> None:
    for minute in range(4):
        assert claim_periodic_run("every_minute", NOON + timedelta(minutes=minute))
    keys = [f"periodic:every_minute:2026-12-07T12:{m:02d}" for m in range(4)]
    assert [huey.get(key, peek=True) is not None for key in keys] == [False, False, True, True]


def test_the_same_consumer_scheduling_twice_is_not_a_duplicate(consumer: list[str]) -> None:
    assert claim_periodic_run("every_minute", NOON)
    assert not claim_periodic_run("every_minute", NOON)
    assert huey.get(DUPLICATE_PERIODIC_RUN, peek=True) is None


def test_every_minute_does_nothing_in_a_minute_another_consumer_took(consumer: list[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from quizapp.history import tasks

    ran: list[str] = []
    monkeypatch.setattr(tasks, "close_overdue", lambda *_a, **_k: ran.append("closed"))
    monkeypatch.setattr(tasks, "check_quizzes", lambda *_a, **_k: ran.append("checked"))
    monkeypatch.setattr(tasks, "forget_expired", lambda *_a, **_k: ran.append("forgot"))
    monkeypatch.setattr(tasks, "utcnow", lambda: NOON)
    tasks.every_minute.call_local()
    consumer[0] = "host-b:202"
    tasks.every_minute.call_local()
    assert ran == ["closed", "checked", "forgot"]
