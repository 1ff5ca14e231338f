"""When an attempt stops taking answers. Pure: datetimes in, datetimes out.

An attempt has a deadline of its own (its time limit plus the student's extra time, fixed when it
starts) and the quiz has a closing time the teacher may move at any moment. The deadline in force
is the earlier of the attempt's own and the quiz's closing time *now*, read on every save, submit,
page and overdue sweep, so closing a quiz (or moving its closing time earlier) stops attempts
already open, and moving it later gives them the time back.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from quizapp.quizzes.timing import time_allowed

# Absorbs request latency at the deadline: the page submits itself at zero.
GRACE = timedelta(seconds=5)


def own_deadline(started: datetime, time_limit_minutes: int | None, extra_time_percent: int = 0) -> datetime | None:
    """The attempt's own deadline: its time limit stretched by the extra time; None without a time limit."""
    allowed = time_allowed(time_limit_minutes, extra_time_percent)
    return None if allowed is None else started + allowed


def effective_deadline(own: datetime | None, closes_at: datetime | None) -> datetime | None:
    """The deadline in force: the earlier of the attempt's own and the quiz's current closing time (None: neither)."""
    if own is None or closes_at is None:
        return own if closes_at is None else closes_at
    return min(own, closes_at)


def is_past(deadline: datetime | None, now: datetime, grace: timedelta = GRACE) -> bool:
    """Whether ``now`` is past the deadline plus the grace for the network (never, without a deadline)."""
    return deadline is not None and now > deadline + grace


def seconds_left(deadline: datetime | None, now: datetime) -> float | None:
    """Seconds until the deadline, never below 0 (None: no deadline)."""
    if deadline is None:
        return None
    return max(0.0, (deadline - now).total_seconds())
