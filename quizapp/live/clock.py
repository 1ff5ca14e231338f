"""What the server's clock says of a live question. Pure: the caller passes ``now``.

A question runs until ``closes_at``; a paused one keeps the seconds it had left instead (``closes_at`` is then
``None``) and gets a fresh ``closes_at`` when it resumes. Every worker reads the same row and the same rule, so
the class sees one countdown whatever server answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Timing:
    """A question's clock: when it closes, or the seconds it keeps while paused."""

    closes_at: datetime | None
    paused_remaining: float | None

    @property
    def paused(self) -> bool:
        return self.closes_at is None


def seconds_left(timing: Timing, now: datetime) -> float:
    """Seconds the question has left (0 once it closed); a paused question keeps what it had."""
    if timing.closes_at is None:
        return max(0.0, timing.paused_remaining or 0.0)
    return max(0.0, (timing.closes_at - now).total_seconds())


def is_over(timing: Timing, now: datetime) -> bool:
    """True once the server's clock passed the closing time (a paused question never is)."""
    return timing.closes_at is not None and now >= timing.closes_at


def opened(now: datetime, seconds: float) -> Timing:
    return Timing(now + timedelta(seconds=seconds), None)


def paused(timing: Timing, now: datetime) -> Timing:
    """Stop the clock: keep the seconds left. Pausing a paused question changes nothing."""
    if timing.paused:
        return timing
    return Timing(None, seconds_left(timing, now))


def resumed(timing: Timing, now: datetime) -> Timing:
    """Start the clock again with the seconds kept."""
    if not timing.paused:
        return timing
    return Timing(now + timedelta(seconds=timing.paused_remaining or 0.0), None)


def extended(timing: Timing, seconds: float) -> Timing:
    """``seconds`` more, running or paused."""
    if timing.paused:
        return Timing(None, (timing.paused_remaining or 0.0) + seconds)
    assert timing.closes_at is not None
    return Timing(timing.closes_at + timedelta(seconds=seconds), None)


def seconds_taken(seconds_allowed: float, left: float) -> float:
    """Seconds an answer took, as the question's clock ran: the time allowed (with any added) less the time left,
    so a pause does not count against the student; never below 0 nor above the time allowed."""
    return min(max(seconds_allowed - left, 0.0), seconds_allowed)
