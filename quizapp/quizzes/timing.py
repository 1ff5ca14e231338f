"""How long an attempt may last. Pure, so the quiz pages and the attempt's deadline compute it the same way."""

from __future__ import annotations

from datetime import timedelta


def time_allowed(limit_minutes: int | None, extra_percent: int) -> timedelta | None:
    """How long an attempt may last: the quiz's limit plus the student's extra time (None: no limit)."""
    if not limit_minutes:
        return None
    return timedelta(minutes=limit_minutes * (1 + extra_percent / 100))
