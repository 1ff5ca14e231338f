"""Spaced repetition, PURE: a thin wrapper over the fsrs package. No flask, no sqlalchemy.

A card's schedule is a plain ``CardState``; a graded answer becomes one
review with a rating. Everything is deterministic (no fuzz, no clock read
here): the same answers in the same order always give the same schedule, which
is what lets the sync that feeds it run twice, or in two requests at once,
and agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from fsrs import Card, Rating, Scheduler, State

# No learning steps (fsrs defaults to 1 and 10 minutes). A review here is one question in one
# practice session; minute-long steps only make sense when a card can come back within the same
# sitting, which an attempt cannot do. Without them every review schedules the next one in days:
# a question missed today is due tomorrow, one answered well in a few days.
SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)

_TOLERANCE = 1e-9


@dataclass(frozen=True)
class CardState:
    """Where a card stands: when it is due next, and fsrs's memory model of it."""

    due: datetime
    stability: float
    difficulty: float
    state: int
    step: int | None
    last_review: datetime
    reps: int = 1
    lapses: int = 0


def rating_for(score: float | None, points: float) -> Rating:
    """The fsrs rating a graded answer stands for.

    No credit means the student did not recall it (Again). Partial credit (part of a matching
    or ordering right, or right only after an extra try in practice mode, which costs a penalty)
    means recalled with trouble (Hard). Full marks mean recalled (Good). Easy is never given:
    a score cannot tell effortless recall from ordinary recall, and Easy stretches the next
    interval the most, so guessing it wrong would hide a question for weeks.
    """
    if points <= 0:
        raise ValueError(f"points must be positive, not {points!r}")
    if score is None or score <= _TOLERANCE:
        return Rating.Again
    if score >= points - _TOLERANCE:
        return Rating.Good
    return Rating.Hard


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime given; reviews are timed in UTC")
    # fsrs insists on the very object timezone.utc, not any zone at offset zero.
    return moment.astimezone(UTC)


def review(card: CardState | None, rating: Rating, at: datetime) -> CardState:
    """The card after a review with ``rating`` at ``at``; ``None`` is a card never reviewed before."""
    at = _utc(at)
    if card is None:
        # card_id is fsrs's own bookkeeping; passing one stops it from sleeping a millisecond to make a unique id.
        before = Card(card_id=1, due=at)
        reps, lapses = 0, 0
    else:
        before = Card(
            card_id=1,
            state=State(card.state),
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=_utc(card.due),
            last_review=_utc(card.last_review),
        )
        reps, lapses = card.reps, card.lapses
    after, _log = SCHEDULER.review_card(before, rating, review_datetime=at)
    assert after.stability is not None
    assert after.difficulty is not None
    assert after.last_review is not None
    lapsed = card is not None and card.state == State.Review and rating == Rating.Again
    return CardState(
        due=after.due,
        stability=after.stability,
        difficulty=after.difficulty,
        state=int(after.state),
        step=after.step,
        last_review=after.last_review,
        reps=reps + 1,
        lapses=lapses + (1 if lapsed else 0),
    )


def replay(reviews: list[tuple[Rating, datetime]]) -> CardState | None:
    """A card's state after these reviews in order (``None`` for none): what the sync must reach."""
    card: CardState | None = None
    for rating, at in reviews:
        card = review(card, rating, at)
    return card


__all__ = ["SCHEDULER", "CardState", "Rating", "rating_for", "replay", "review"]
