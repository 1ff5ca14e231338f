"""Random slots and Moodle's figures beside quizapp's: hand-worked cases and the attribution of draws to rules."""

from __future__ import annotations

import numpy as np
import pytest

from quizapp.history import slot_stats
from quizapp.history.slot_stats import RandomRule, moodle_figures, question_moodle_figures, slot_alpha, slot_matrix
from quizapp.history.stats import MarkMatrix

# Five attempts at a quiz of one fixed question (id 1) and a rule drawing one of questions 2 and 3, 1 mark each:
#   attempt   fixed q1   drawn   its mark   total
#   10        1          q2      1          2
#   11        1          q3      1          2
#   12        1          q2      0          1
#   13        0          q3      0          0
#   14        0          q2      0          0
ROWS = [
    (10, 1, 0, 1.0), (10, 2, 1, 1.0), (11, 1, 0, 1.0), (11, 3, 1, 1.0), (12, 1, 0, 1.0), (12, 2, 1, 0.0),
    (13, 3, 0, 0.0), (13, 1, 1, 0.0), (14, 1, 0, 0.0), (14, 2, 1, 0.0),
]  # fmt: skip
RULE = RandomRule(key=7, title="1 random question", count=1, pool=frozenset({2, 3}))


def _slots():  # type: ignore[no-untyped-def]
    attempts, questions, positions, marks = zip(*ROWS, strict=True)
    return slot_matrix(attempts, questions, positions, marks, [1.0] * len(ROWS), [1], [RULE])


def test_each_fixed_question_and_each_draw_is_a_slot() -> None:
    matrix, slots = _slots()
    assert [s.label for s in slots] == ["Question 1", "1 random question: draw 1"]
    assert matrix.marks.tolist() == [[1, 1], [1, 1], [1, 0], [0, 0], [0, 0]]
    assert dict(slots[1].drawn) == {2: 3, 3: 2}
    assert not slots[0].is_random
    assert slots[1].is_random


def test_slot_alpha_by_hand() -> None:
    """V(q1) = 1.2 / 4 = 0.3, V(slot) = 0.3, V(T) = 4 / 4 = 1: alpha = 2 / 1 × (1 − 0.6 / 1) = 0.8."""
    matrix, _ = _slots()
    assert slot_alpha(matrix) == pytest.approx(0.8)


def test_the_random_slot_row_by_hand() -> None:
    """Slot x = (1, 1, 0, 0, 0), rest X = q1 = (1, 1, 1, 0, 0): Cov = 0.8 / 4 = 0.2, V(x) = V(X) = 0.3, so Moodle's
    index is 0.2 / 0.3 = 2/3; sorted, Cov_max = 0.2 too, so the efficiency is 100%."""
    matrix, slots = _slots()
    row = slot_stats.slot_rows(matrix, slots)[1]
    assert row.moodle.discrimination_index == pytest.approx(2 / 3)
    assert row.moodle.discriminative_efficiency == pytest.approx(100.0)
    assert row.statistics.facility == pytest.approx(0.4)
    assert row.statistics.discrimination_index == pytest.approx(2 / 3)  # same maxima everywhere: the same figure


def test_moodle_counts_a_drawn_question_on_both_sides_and_quizapp_does_not() -> None:
    """q2 was drawn by attempts 10, 12, 14: marks (1, 0, 0), totals (2, 1, 0), rest (1, 1, 0).
    Moodle: Cov(x, T) = 1 / 2, V(x) = 1/3, V(T) = 1, r = 0.5 / sqrt(1/3) = 0.866.
    Rest of quiz: Cov(x, X) = 1/6, V(X) = 1/3, r = (1/6) / (1/3) = 0.5."""
    attempts, questions, _, marks = zip(*ROWS, strict=True)
    matrix = MarkMatrix.from_rows(attempts, questions, marks, [1.0] * len(ROWS))
    moodle = question_moodle_figures(matrix, 2, drawn_at_random=True)
    assert moodle.discrimination_index == pytest.approx(0.5 / np.sqrt(1 / 3))
    assert matrix.question_statistics(2).discrimination_index == pytest.approx(0.5)
    assert question_moodle_figures(matrix, 2, drawn_at_random=False).discrimination_index == pytest.approx(0.5)


def test_no_spread_gives_no_moodle_figures() -> None:
    figures = moodle_figures(np.array([1.0, 1.0, 1.0]), np.array([2.0, 1.0, 3.0]), including_itself=False)
    assert figures == slot_stats.MoodleFigures(None, None)


def test_draws_go_to_the_rule_whose_pool_holds_them_in_the_order_shown() -> None:
    """Rule A (2 from {5, 6, 7}) then rule B (1 from {7, 8}): shown 8, 7, 6 → A takes 7 and 6, B takes 8.
    A question no pool holds (9, retired since) fills the first rule with room."""
    a = RandomRule(1, "A", 2, frozenset({5, 6, 7}))
    b = RandomRule(2, "B", 1, frozenset({7, 8}))
    rows = [(1, 8, 0, 1.0), (1, 7, 1, 0.0), (1, 6, 2, 1.0), (2, 9, 0, 1.0), (2, 5, 1, 0.0), (2, 8, 2, 1.0)]
    attempts, questions, positions, marks = zip(*rows, strict=True)
    matrix, slots = slot_matrix(attempts, questions, positions, marks, [1.0] * 6, [], [a, b])
    assert [s.label for s in slots] == ["A: draw 1", "A: draw 2", "B: draw 1"]
    assert [dict(s.drawn) for s in slots] == [{7: 1, 5: 1}, {6: 1, 9: 1}, {8: 2}]
    assert matrix.marks.tolist() == [[0, 1, 1], [0, 1, 1]]


def test_alpha_needs_attempts_that_fill_every_slot() -> None:
    short = [(1, 1, 0, 1.0), (2, 1, 0, 0.0), (2, 2, 1, 1.0)]  # attempt 1's pool ran short
    attempts, questions, positions, marks = zip(*short, strict=True)
    matrix, _ = slot_matrix(attempts, questions, positions, marks, [1.0] * 3, [1], [RULE])
    assert slot_alpha(matrix) is None


def test_slot_alpha_matches_the_item_variance_formula_on_random_marks() -> None:
    rng = np.random.default_rng(7)
    marks = rng.integers(0, 2, size=(40, 6)).astype(float)
    matrix = MarkMatrix(list(range(6)), marks, np.ones_like(marks))
    totals = marks.sum(axis=1)
    expected = 6 / 5 * (1 - marks.var(axis=0, ddof=1).sum() / totals.var(ddof=1))
    assert slot_alpha(matrix) == pytest.approx(expected)
    assert slot_alpha(matrix) == pytest.approx(matrix.quiz_statistics().cronbach_alpha)
