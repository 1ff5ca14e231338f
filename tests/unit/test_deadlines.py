"""The deadline in force: the earlier of the attempt's own and the quiz's current closing time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from quizapp.attempts.deadlines import GRACE, effective_deadline, is_past, own_deadline, seconds_left

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def test_the_earlier_of_its_own_and_the_closing_time() -> None:
    assert effective_deadline(None, None) is None
    assert effective_deadline(T0, None) == T0
    assert effective_deadline(None, T0) == T0  # no time limit: the quiz's closing time alone
    assert effective_deadline(T0 + HOUR, T0) == T0
    assert effective_deadline(T0, T0 + HOUR) == T0


def test_own_deadline_is_the_time_limit_with_extra_time() -> None:
    assert own_deadline(T0, None) is None
    assert own_deadline(T0, 20) == T0 + timedelta(minutes=20)
    assert own_deadline(T0, 20, 50) == T0 + timedelta(minutes=30)


def test_past_only_after_the_grace() -> None:
    assert not is_past(None, T0 + 100 * HOUR)
    assert not is_past(T0, T0 + GRACE)
    assert is_past(T0, T0 + GRACE + timedelta(microseconds=1))
    assert seconds_left(T0, T0 - timedelta(seconds=90)) == 90
    assert seconds_left(T0, T0 + HOUR) == 0
    assert seconds_left(None, T0) is None
