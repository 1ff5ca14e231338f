"""Live points, leaderboard, the class's answers, and the question's clock: pure, plain values."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quizapp.live import clock
from quizapp.live.scoring import class_answers, leaderboard, live_points

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("fraction", "taken", "allowed", "points"),
    [
        (1.0, 0, 20, 1000),  # right at once
        (1.0, 20, 20, 500),  # right at the last moment
        (1.0, 10, 20, 750),  # halfway
        (1.0, 30, 20, 500),  # late by the clock's rounding: never below half
        (0.5, 0, 20, 500),  # half marks, at once
        (0.5, 10, 20, 375),
        (0.0, 0, 20, 0),  # wrong
        (1.0, -1, 20, 1000),  # a clock a hair behind
    ],
)
def test_points_reward_right_and_fast(fraction: float, taken: float, allowed: float, points: int) -> None:
    assert live_points(fraction, taken, allowed) == points


def test_a_faster_right_answer_always_counts_more() -> None:
    assert live_points(1.0, 3, 20) > live_points(1.0, 4, 20) > live_points(0.9, 4, 20) > live_points(0, 0, 20)


def test_leaderboard_top_five_ties_share_a_place_and_names_can_be_hidden() -> None:
    scores = [("Zoe", 900), ("amy", 900), ("Bob", 2000), ("Cy", 100), ("Di", 50), ("Ed", 10), ("Flo", 0)]
    board = leaderboard(scores, show_names=True)
    assert [(s.place, s.name, s.points) for s in board] == [
        (1, "Bob", 2000),
        (2, "amy", 900),
        (2, "Zoe", 900),
        (4, "Cy", 100),
        (5, "Di", 50),
    ]
    assert {s.name for s in leaderboard(scores, show_names=False)} == {None}


def test_class_answers_bars_per_option_and_share_right() -> None:
    options = ["Thomas Reed", "Margaret Hale", "Ada Moss"]
    answers = [("Margaret Hale", True), ("Margaret Hale", True), ("Ada Moss", False), ("Thomas Reed", False)]
    counted = class_answers("multiple_choice", options, "Margaret Hale", answers)
    assert [(b.label, b.count, b.right) for b in counted.bars] == [
        ("Thomas Reed", 1, False),
        ("Margaret Hale", 2, True),
        ("Ada Moss", 1, False),
    ]
    assert counted.share_right == 0.5
    true_false = class_answers("true_false", [], True, [(True, True), (False, False), (True, True)])
    assert [(b.label, b.count, b.right) for b in true_false.bars] == [("True", 2, True), ("False", 1, False)]
    fill_in = class_answers("fill_in", [], ["nine years"], [("nine years", True), ("ten", False), ("9 years", True)])
    assert fill_in.bars == []
    assert fill_in.share_right == pytest.approx(2 / 3)
    assert class_answers("ordering", ["a", "b"], ["a", "b"], []).share_right == 0.0


def test_clock_pause_resume_extend() -> None:
    running = clock.opened(NOW, 20)
    assert clock.seconds_left(running, NOW + timedelta(seconds=5)) == 15
    held = clock.paused(running, NOW + timedelta(seconds=5))
    assert held.paused
    assert held.paused_remaining == 15
    # Time passes while paused: the question keeps its 15 seconds and never closes.
    assert clock.seconds_left(held, NOW + timedelta(minutes=10)) == 15
    assert not clock.is_over(held, NOW + timedelta(minutes=10))
    assert clock.paused(held, NOW + timedelta(minutes=11)) == held
    again = clock.resumed(held, NOW + timedelta(minutes=10))
    assert again.closes_at == NOW + timedelta(minutes=10, seconds=15)
    assert clock.extended(again, 10).closes_at == NOW + timedelta(minutes=10, seconds=25)
    assert clock.extended(held, 10).paused_remaining == 25
    assert clock.is_over(running, NOW + timedelta(seconds=20))
    assert not clock.is_over(running, NOW + timedelta(seconds=19.9))
    assert clock.seconds_left(running, NOW + timedelta(seconds=30)) == 0


def test_seconds_taken_runs_with_the_clock() -> None:
    assert clock.seconds_taken(20, 15) == 5
    assert clock.seconds_taken(30, 25) == 5  # 10 seconds added: still 5 taken
    assert clock.seconds_taken(20, 25) == 0
    assert clock.seconds_taken(20, -1) == 20
