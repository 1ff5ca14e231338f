"""The spaced-repetition wrapper with plain values: ratings from scores, and what each review schedules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from quizapp.practice.scheduling import CardState, Rating, rating_for, replay, review

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("score", "points", "rating"),
    [
        (None, 1.0, Rating.Again),
        (0.0, 1.0, Rating.Again),
        (0.0, 2.0, Rating.Again),
        (0.9, 1.0, Rating.Hard),  # right at the second try in practice mode: 10 % penalty
        (1.0 / 3, 1.0, Rating.Hard),  # one pair of three matched
        (1.9999, 2.0, Rating.Hard),
        (1.0, 1.0, Rating.Good),
        (2.0, 2.0, Rating.Good),
        (0.9999999999, 1.0, Rating.Good),  # float noise of a full mark is still a full mark
    ],
)
def test_rating_from_score(score: float | None, points: float, rating: Rating) -> None:
    assert rating_for(score, points) == rating


def test_rating_needs_positive_points() -> None:
    with pytest.raises(ValueError, match="points"):
        rating_for(0.0, 0.0)


def test_first_review_schedules_in_days_missed_sooner_than_known() -> None:
    missed = review(None, Rating.Again, T0)
    hard = review(None, Rating.Hard, T0)
    known = review(None, Rating.Good, T0)
    # No minute-long learning steps: one session reviews a card once, so the next review is days away.
    assert missed.due == T0 + timedelta(days=1)
    assert hard.due == T0 + timedelta(days=1)
    assert known.due == T0 + timedelta(days=2)
    assert missed.stability < hard.stability < known.stability
    assert missed.difficulty > hard.difficulty > known.difficulty
    for card in (missed, hard, known):
        assert card.last_review == T0
        assert card.reps == 1
        assert card.lapses == 0
        assert card.state == 2  # fsrs's Review state


def test_intervals_grow_while_remembered_and_shrink_after_a_lapse() -> None:
    card = review(None, Rating.Good, T0)
    intervals = []
    for _ in range(4):
        previous_due = card.due
        card = review(card, Rating.Good, card.due)
        intervals.append(card.due - previous_due)
        assert card.last_review == previous_due
    assert intervals == sorted(intervals)
    assert intervals[0] > timedelta(days=2)
    assert card.reps == 5
    forgotten = review(card, Rating.Again, card.due)
    assert forgotten.lapses == 1
    assert forgotten.reps == 6
    assert forgotten.due - card.due < intervals[-1]
    assert forgotten.stability < card.stability


def test_same_reviews_give_the_same_card() -> None:
    reviews = [(Rating.Good, T0), (Rating.Hard, T0 + timedelta(days=3)), (Rating.Again, T0 + timedelta(days=9))]
    first = replay(reviews)
    assert first == replay(reviews)
    assert first is not None
    assert first.reps == 3
    assert replay([]) is None


def test_reviews_are_timed_in_utc() -> None:
    with pytest.raises(ValueError, match="naive"):
        review(None, Rating.Good, datetime(2026, 3, 2, 9, 30))  # naive: the mistake under test
    # Any zone is converted: fsrs itself would refuse a non-UTC zone.
    paris = timezone(timedelta(hours=1))
    card = review(None, Rating.Good, T0.astimezone(paris))
    assert card.last_review == T0
    assert card.last_review.tzinfo == UTC


def test_card_state_round_trips_through_plain_values() -> None:
    card = review(None, Rating.Good, T0)
    copied = CardState(**{name: getattr(card, name) for name in card.__dataclass_fields__})
    assert review(copied, Rating.Good, card.due) == review(card, Rating.Good, card.due)
