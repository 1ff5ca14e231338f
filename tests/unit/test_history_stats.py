"""Item analysis and score figures: hand-worked cases, edge cases, and random cases checked against numpy."""

import ast
import math
import pathlib
import statistics
import sys
from datetime import datetime, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.history import stats
from quizapp.history.stats import (
    MIN_ATTEMPTS_FOR_STATISTICS,
    AttemptMarks,
    Bin,
    MarkMatrix,
    OptionCount,
    QuestionStatistics,
    WeakThresholds,
    enough_attempts,
    mastery,
    option_frequencies,
    question_statistics,
    quiz_statistics,
    score_distribution,
    weak_question_reasons,
)

approx = pytest.approx


def attempts_from(rows, max_marks):
    """Attempts from rows of marks; max_marks gives each question's maximum (question ids 1, 2, ...)."""
    ids = range(1, len(max_marks) + 1)
    return [
        AttemptMarks(i, dict(zip(ids, row, strict=True)), dict(zip(ids, max_marks, strict=True)))
        for i, row in enumerate(rows)
    ]


# Five attempts at two one-mark questions, used by several hand-worked tests.
#   attempt: q1 q2 total  score%
#   0        1  1  2      100
#   1        1  0  1      50
#   2        0  0  0      0
#   3        1  1  2      100
#   4        0  1  1      50
FIVE = attempts_from([(1, 1), (1, 0), (0, 0), (1, 1), (0, 1)], (1, 1))


def imported_roots(path):
    """Top-level names of the absolute imports in a file (relative imports stay inside quizapp.history)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level:
            yield node.module.split(".")[0]


@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        ("stats.py", {"numpy"}),
        ("slot_stats.py", {"numpy"}),
        ("option_analysis.py", set()),
        ("charts.py", {"markupsafe"}),
    ],
)
def test_history_modules_stay_pure(name, allowed):
    roots = set(imported_roots(pathlib.Path(stats.__file__).parent / name))
    assert roots - set(sys.stdlib_module_names) - {"__future__"} == allowed


def test_enough_attempts_starts_at_the_minimum():
    assert MIN_ATTEMPTS_FOR_STATISTICS == 10
    assert not enough_attempts(9)
    assert enough_attempts(10)
    assert question_statistics(FIVE * 2, 1).reliable
    assert not question_statistics(FIVE, 1).reliable
    assert quiz_statistics(FIVE * 2).reliable
    assert not quiz_statistics(FIVE).reliable


@pytest.mark.parametrize(
    ("marks", "max_marks"),
    [
        ({1: 1.0}, {1: 1.0, 2: 1.0}),  # a maximum for a question with no mark
        ({1: 1.0}, {1: 0.0}),  # nothing to be earned
        ({1: math.nan}, {1: 1.0}),
        ({1: 1.0}, {1: math.inf}),
    ],
)
def test_attempt_marks_refuse_inconsistent_input(marks, max_marks):
    with pytest.raises(ValueError, match="attempt 7"):
        AttemptMarks(7, marks, max_marks)


def test_a_matrix_of_answer_rows_in_any_order_gives_the_figures_of_the_attempts():
    rows = [(a.attempt_id, q, a.marks[q], a.max_marks[q]) for a in FIVE for q in a.marks]
    rows.reverse()
    matrix = MarkMatrix.from_rows(*zip(*rows, strict=True))
    assert matrix.attempts == 5
    assert matrix.question_statistics(1) == question_statistics(FIVE, 1)
    assert matrix.question_statistics(2) == question_statistics(FIVE, 2)
    assert matrix.quiz_statistics() == quiz_statistics(FIVE)
    assert matrix.question_statistics(3).n == 0


@pytest.mark.parametrize(("mark", "maximum"), [(math.nan, 1.0), (1.0, 0.0), (1.0, math.inf)])
def test_a_matrix_refuses_rows_that_are_not_marks(mark, maximum):
    with pytest.raises(ValueError, match="attempt 4, question 2"):
        MarkMatrix.from_rows([3, 4], [1, 2], [1.0, mark], [1.0, maximum])


def test_question_statistics_by_hand():
    q1 = question_statistics(FIVE, 1)
    # q1 marks 1,1,0,1,0: facility = 3/5 = 0.6.
    assert q1.n == 5
    assert q1.facility == approx(0.6)
    # Deviations .4,.4,-.6,.4,-.6; squares 3(.16) + 2(.36) = 1.2; / (5 - 1) = .3; sd = sqrt(.3).
    assert q1.sd == approx(math.sqrt(0.3))
    # Rest of the test = q2 = 1,0,0,1,1 (mean .6, deviations .4,-.6,-.6,.4,.4).
    # Σ products = .16 - .24 + .36 + .16 - .24 = .2; Cov = .2 / 4 = .05; V(q1) = V(rest) = .3.
    # r = .05 / sqrt(.3 * .3) = 1/6.
    assert q1.discrimination_index == approx(1 / 6)
    assert q1.discrimination_index_percent == approx(100 / 6)
    # Sorted q1 0,0,1,1,1 against sorted rest 0,0,1,1,1: Cov_max = V = .3; DE = 100 * .05 / .3 = 16.67%.
    assert q1.discriminative_efficiency == approx(100 / 6)
    assert not q1.reliable


def test_partial_marks_make_discriminative_efficiency_differ_from_the_index():
    # q1 (1 mark) against q2 (3 marks), which is the rest of the test for q1.
    rows = [(1, 3), (0, 2), (1, 1), (0, 0)]
    q1 = question_statistics(attempts_from(rows, (1, 3)), 1)
    # x = 1,0,1,0 (mean .5, dev ±.5); rest = 3,2,1,0 (mean 1.5, dev 1.5,.5,-.5,-1.5).
    # Σ products = .75 - .25 - .25 + .75 = 1; Cov = 1/3. V(x) = 1/3; V(rest) = (2.25+.25+.25+2.25)/3 = 5/3.
    # r = (1/3) / sqrt(1/3 * 5/3) = 1/sqrt(5) = 0.447. (Rest as fractions of 3 gives the same r.)
    assert q1.discrimination_index == approx(1 / math.sqrt(5))
    # Sorted x 0,0,1,1 (dev -.5,-.5,.5,.5) with sorted rest 0,1,2,3: Σ = .75+.25+.25+.75 = 2; Cov_max = 2/3.
    # DE = 100 * (1/3) / (2/3) = 50%.
    assert q1.discriminative_efficiency == approx(50.0)
    # q2: marks 3,2,1,0 out of 3: facility = mean(1, 2/3, 1/3, 0) = .5.
    assert question_statistics(attempts_from(rows, (1, 3)), 2).facility == approx(0.5)


def test_a_question_the_better_students_miss_has_negative_discrimination():
    # Same as above with q1 flipped: x = 0,1,0,1 against rest 3,2,1,0: Cov = -1/3, r = -1/sqrt(5), DE = -50%.
    q1 = question_statistics(attempts_from([(0, 3), (1, 2), (0, 1), (1, 0)], (1, 3)), 1)
    assert q1.discrimination_index == approx(-1 / math.sqrt(5))
    assert q1.discriminative_efficiency == approx(-50.0)


def test_quiz_statistics_by_hand():
    quiz = quiz_statistics(FIVE)
    # Scores 100, 50, 0, 100, 50: mean 300/5 = 60; sorted 0,50,50,100,100: median 50.
    assert quiz.n == 5
    assert quiz.mean == approx(60.0)
    assert quiz.median == approx(50.0)
    # Deviations 40,-10,-60,40,-10; squares 1600+100+3600+1600+100 = 7000; V = 7000/4 = 1750.
    assert quiz.sd == approx(math.sqrt(1750))
    # m2 = 7000/5 = 1400; m3 = (64000 - 1000 - 216000 + 64000 - 1000)/5 = -18000;
    # k2 = 5 * 1400 / 4 = 1750; k3 = 25 * -18000 / (4 * 3) = -37500; skewness = -37500 / 1750^1.5.
    assert quiz.skewness == approx(-37500 / 1750**1.5)
    # m4 = (2560000 + 10000 + 12960000 + 2560000 + 10000)/5 = 3620000;
    # k4 = 25 * (6 * 3620000 - 3 * 4 * 1400²) / (4 * 3 * 2) = 25 * -1800000 / 24 = -1875000;
    # kurtosis = -1875000 / 1750² = -0.612.
    assert quiz.kurtosis == approx(-1875000 / 1750**2)
    # Items in score points are 50 * mark: V(q1) = V(q2) = 2500 * .3 = 750; Σ = 1500.
    # alpha = 2/1 * (1 - 1500/1750) = 2/7.
    assert quiz.cronbach_alpha == approx(2 / 7)
    assert quiz.coefficient_of_internal_consistency == approx(200 / 7)
    # Error ratio = 100 sqrt(1 - 2/7) = 100 sqrt(5/7); standard error = ER * sd / 100.
    assert quiz.error_ratio == approx(100 * math.sqrt(5 / 7))
    assert quiz.standard_error == approx(math.sqrt(5 / 7) * math.sqrt(1750))


def test_median_of_an_odd_count_is_the_middle_score():
    quiz = quiz_statistics(attempts_from([(1, 0), (0, 0), (1, 1)], (1, 1)))
    # Scores 50, 0, 100: median 50, mean 50; three scores give a skewness (0, symmetric) but no kurtosis.
    assert quiz.median == approx(50.0)
    assert quiz.skewness == approx(0.0)
    assert quiz.kurtosis is None


def test_one_attempt_gives_only_the_figures_one_attempt_can():
    single = attempts_from([(1, 0)], (1, 1))
    q = question_statistics(single, 1)
    assert (q.n, q.facility) == (1, 1.0)
    assert q.sd is None
    assert q.discrimination_index is None
    assert q.discriminative_efficiency is None
    quiz = quiz_statistics(single)
    assert (quiz.n, quiz.mean, quiz.median) == (1, 50.0, 50.0)
    assert quiz.sd is quiz.skewness is quiz.kurtosis is quiz.cronbach_alpha is None
    assert quiz.error_ratio is quiz.standard_error is None


def test_no_attempts_give_no_figures():
    q = question_statistics([], 1)
    assert (q.n, q.facility, q.sd, q.discrimination_index, q.reliable) == (0, None, None, None, False)
    quiz = quiz_statistics([])
    assert (quiz.n, quiz.mean, quiz.median, quiz.sd, quiz.cronbach_alpha) == (0, None, None, None, None)


def test_a_question_everyone_got_right_has_no_discrimination():
    attempts = attempts_from([(1, 1), (1, 0), (1, 0), (1, 1)], (1, 1))
    q = question_statistics(attempts, 1)
    assert q.facility == 1.0
    assert q.sd == 0.0
    assert q.discrimination_index is None
    assert q.discriminative_efficiency is None


def test_a_constant_rest_of_the_test_gives_no_discrimination():
    # q1 varies but q2 (the rest) is 1 everywhere: the correlation is undefined.
    q = question_statistics(attempts_from([(1, 1), (0, 1), (1, 1)], (1, 1)), 1)
    assert q.sd == approx(math.sqrt(1 / 3))
    assert q.discrimination_index is None


def test_rest_totals_equal_up_to_rounding_count_as_constant():
    # The rest is .1 + .2 in one attempt and .3 in the other: the same score, not a tiny variance.
    attempts = [
        AttemptMarks(1, {1: 1.0, 2: 0.1, 3: 0.2}, {1: 1.0, 2: 1.0, 3: 1.0}),
        AttemptMarks(2, {1: 0.0, 2: 0.3, 3: 0.0}, {1: 1.0, 2: 1.0, 3: 1.0}),
    ]
    assert 0.1 + 0.2 != 0.3
    assert question_statistics(attempts, 1).discrimination_index is None


def test_all_blank_attempts_score_zero_with_no_spread():
    attempts = attempts_from([(0, 0)] * 4, (1, 2))
    q = question_statistics(attempts, 2)
    assert (q.facility, q.sd, q.discrimination_index) == (0.0, 0.0, None)
    quiz = quiz_statistics(attempts)
    assert (quiz.mean, quiz.median, quiz.sd) == (0.0, 0.0, 0.0)
    assert quiz.skewness is quiz.kurtosis is quiz.cronbach_alpha is None


def test_random_selection_uses_the_attempts_that_had_the_question():
    attempts = [
        AttemptMarks(1, {1: 1.0, 2: 1.0}, {1: 1.0, 2: 1.0}),
        AttemptMarks(2, {1: 0.0, 3: 2.0}, {1: 1.0, 3: 4.0}),
        AttemptMarks(3, {2: 0.0, 3: 4.0}, {2: 1.0, 3: 4.0}),
    ]
    q1 = question_statistics(attempts, 1)
    # Only attempts 1 and 2 had q1: marks 1, 0; facility .5; sd = sqrt((.25 + .25) / 1).
    assert q1.n == 2
    assert q1.facility == approx(0.5)
    assert q1.sd == approx(math.sqrt(0.5))
    # Rest as a fraction of its maximum: attempt 1: 1/1 = 1; attempt 2: 2/4 = .5. Two points: r = 1, DE = 100%.
    # (Raw rests 1 and 2 would have given r = -1: the fraction keeps different question sets comparable.)
    assert q1.discrimination_index == approx(1.0)
    assert q1.discriminative_efficiency == approx(100.0)
    assert question_statistics(attempts, 99).n == 0
    quiz = quiz_statistics(attempts)
    # Scores: 2/2 = 100%, 2/5 = 40%, 4/5 = 80%: mean 220/3, median 80.
    assert quiz.mean == approx(220 / 3)
    assert quiz.median == approx(80.0)
    # Different question sets: Cronbach's alpha (and what follows from it) is not defined.
    assert quiz.cronbach_alpha is quiz.error_ratio is quiz.standard_error is None
    assert quiz.sd is not None


def test_an_attempt_without_questions_has_no_score():
    attempts = [*attempts_from([(1, 0), (1, 1)], (1, 1)), AttemptMarks(9, {}, {})]
    quiz = quiz_statistics(attempts)
    assert quiz.n == 2
    assert quiz.mean == approx(75.0)


def test_one_question_quiz_has_no_rest_and_no_alpha():
    attempts = attempts_from([(1,), (0,), (1,)], (1,))
    q = question_statistics(attempts, 1)
    assert q.facility == approx(2 / 3)
    assert q.discrimination_index is None
    assert quiz_statistics(attempts).cronbach_alpha is None


# Random cases: marks on a quarter-mark grid (exact in binary, so "equal" is exact) checked against numpy.

GRID = st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0])


@st.composite
def complete_attempts(draw):
    p = draw(st.integers(2, 5))
    max_marks = draw(st.lists(st.sampled_from([1.0, 2.0, 3.0]), min_size=p, max_size=p))
    n = draw(st.integers(2, 25))
    rows = [[draw(GRID) * m for m in max_marks] for _ in range(n)]
    return rows, max_marks


@settings(max_examples=150, deadline=None)
@given(complete_attempts())
def test_question_statistics_match_numpy(case):
    rows, max_marks = case
    attempts = attempts_from(rows, max_marks)
    marks = np.array(rows)
    for j, maximum in enumerate(max_marks):
        q = question_statistics(attempts, j + 1)
        x = marks[:, j]
        rest = marks.sum(axis=1) - x
        assert q.n == len(rows)
        assert q.facility == approx(np.mean(x / maximum), abs=1e-12)
        assert q.sd == approx(np.std(x / maximum, ddof=1), abs=1e-12)
        if np.ptp(x) == 0 or np.ptp(rest) == 0:
            assert q.discrimination_index is None
            assert q.discriminative_efficiency is None
        else:
            assert q.discrimination_index == approx(np.corrcoef(x, rest)[0, 1], abs=1e-9)
            assert q.discrimination_index == approx(statistics.correlation(list(x), list(rest)), abs=1e-9)
            best = np.cov(np.sort(x), np.sort(rest))[0, 1]
            assert q.discriminative_efficiency == approx(100 * np.cov(x, rest)[0, 1] / best, abs=1e-7)
            # Cov <= Cov_max (rearrangement inequality), so DE <= 100.
            assert q.discriminative_efficiency <= 100 + 1e-9


@settings(max_examples=150, deadline=None)
@given(complete_attempts())
def test_quiz_statistics_match_numpy(case):
    rows, max_marks = case
    quiz = quiz_statistics(attempts_from(rows, max_marks))
    marks = np.array(rows)
    scores = 100 * marks.sum(axis=1) / sum(max_marks)
    n = len(scores)
    assert quiz.mean == approx(np.mean(scores), abs=1e-9)
    assert quiz.median == approx(np.median(scores), abs=1e-9)
    assert quiz.median == approx(statistics.median(scores.tolist()), abs=1e-9)
    assert quiz.sd == approx(np.std(scores, ddof=1), abs=1e-9)
    if np.ptp(scores) == 0:
        assert quiz.skewness is quiz.kurtosis is quiz.cronbach_alpha is None
        return
    # The textbook adjusted forms G1 and G2 (other algebra than Moodle's k-statistics, same values).
    deviations = scores - scores.mean()
    m2, m3, m4 = (np.mean(deviations**k) for k in (2, 3, 4))
    g1, g2 = m3 / m2**1.5, m4 / m2**2 - 3
    if n >= 3:
        assert quiz.skewness == approx(math.sqrt(n * (n - 1)) / (n - 2) * g1, abs=1e-9)
    if n >= 4:
        assert quiz.kurtosis == approx((n - 1) / ((n - 2) * (n - 3)) * ((n + 1) * g2 + 6), abs=1e-9)
    # Alpha from the covariance matrix of the raw marks: p/(p-1) (1 - trace(C) / ΣC).
    p = len(max_marks)
    covariance = np.cov(marks, rowvar=False)
    alpha = p / (p - 1) * (1 - np.trace(covariance) / covariance.sum())
    assert quiz.cronbach_alpha == approx(alpha, abs=1e-9)
    # Compared squared: near alpha = 1 the square root turns a rounding error of 1e-16 into 1e-8.
    assert (quiz.error_ratio / 100) ** 2 == approx(max(0.0, 1 - alpha), abs=1e-9)
    assert quiz.standard_error == approx(quiz.error_ratio * np.std(scores, ddof=1) / 100, abs=1e-6)


@settings(max_examples=100, deadline=None)
@given(complete_attempts(), st.data())
def test_random_selection_matches_numpy_on_the_attempts_that_had_the_question(case, data):
    rows, max_marks = case
    p = len(max_marks)
    attempts = []
    for i, row in enumerate(rows):
        kept = data.draw(st.sets(st.integers(1, p), min_size=1))
        attempts.append(AttemptMarks(i, {q: row[q - 1] for q in kept}, {q: max_marks[q - 1] for q in kept}))
    for q in range(1, p + 1):
        having = [a for a in attempts if q in a.marks]
        stats_q = question_statistics(attempts, q)
        assert stats_q.n == len(having)
        if not having:
            assert stats_q.facility is None
            continue
        x = np.array([a.marks[q] / a.max_marks[q] for a in having])
        assert stats_q.facility == approx(x.mean(), abs=1e-12)
        with_rest = [a for a in having if len(a.marks) > 1]
        if len(with_rest) < 2:
            assert stats_q.discrimination_index is None
            continue
        xr = np.array([a.marks[q] / a.max_marks[q] for a in with_rest])
        rest = np.array([(a.total - a.marks[q]) / (a.max_total - a.max_marks[q]) for a in with_rest])
        if np.ptp(xr) == 0 or np.ptp(rest) == 0:
            assert stats_q.discrimination_index is None
        else:
            assert stats_q.discrimination_index == approx(np.corrcoef(xr, rest)[0, 1], abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(complete_attempts(), st.sampled_from([0.5, 2.0, 10.0]))
def test_figures_do_not_depend_on_the_scale_of_the_marks(case, factor):
    rows, max_marks = case
    plain = attempts_from(rows, max_marks)
    scaled = attempts_from([[m * factor for m in row] for row in rows], [m * factor for m in max_marks])
    for q in range(1, len(max_marks) + 1):
        a, b = question_statistics(plain, q), question_statistics(scaled, q)
        for name in ("facility", "sd", "discrimination_index", "discriminative_efficiency"):
            assert getattr(a, name) == approx(getattr(b, name), abs=1e-9), name
    qa, qb = quiz_statistics(plain), quiz_statistics(scaled)
    for name in ("mean", "sd", "skewness", "kurtosis", "cronbach_alpha"):
        assert getattr(qa, name) == approx(getattr(qb, name), abs=1e-9), name


# Options, distributions, mastery.


def test_option_frequencies_count_every_option_then_unlisted_then_blanks():
    rows = option_frequencies(["a", "a", "b", None, "gone"], ["a", "b", "c"], correct={"a"})
    # Five responses: a 2/5, b 1/5, c 0, "gone" (not an option any more) 1/5, blank 1/5.
    assert [(r.option, r.count, r.share, r.correct, r.listed) for r in rows] == [
        ("a", 2, 0.4, True, True),
        ("b", 1, 0.2, False, True),
        ("c", 0, 0.0, False, True),
        ("gone", 1, 0.2, False, False),
        (None, 1, 0.2, False, True),
    ]
    assert rows[-1].is_blank
    assert not rows[0].is_blank
    assert math.fsum(r.share for r in rows) == approx(1.0)


def test_option_frequencies_all_blank_and_none_at_all():
    rows = option_frequencies([None, None, None], ["x", "y"])
    assert [(r.option, r.count, r.share) for r in rows] == [("x", 0, 0.0), ("y", 0, 0.0), (None, 3, 1.0)]
    rows = option_frequencies([], ["x"])
    assert [(r.option, r.count, r.share) for r in rows] == [("x", 0, 0.0), (None, 0, 0.0)]


@given(st.lists(st.one_of(st.none(), st.sampled_from("abcde")), max_size=40))
def test_option_counts_add_up_to_the_responses(chosen):
    rows = option_frequencies(chosen, ["a", "b", "c"])
    assert sum(r.count for r in rows) == len(chosen)
    assert [r.option for r in rows[:3]] == ["a", "b", "c"]
    assert rows[-1].count == chosen.count(None)


def test_score_distribution_puts_a_hundred_in_the_top_bin():
    bins = score_distribution([0, 9.99, 10, 95, 100, 100.0], bins=10)
    assert [b.count for b in bins] == [2, 1, 0, 0, 0, 0, 0, 0, 0, 3]
    assert (bins[0].lower, bins[0].upper, bins[-1].lower, bins[-1].upper) == (0.0, 10.0, 90.0, 100.0)
    assert bins[3] == Bin(30.0, 40.0, 0)
    assert bins[3].label == "30–40%"
    # 30 with 10 bins lands in [30, 40), not [20, 30), however the division rounds.
    assert [b.count for b in score_distribution([30, 70], bins=10)][3] == 1
    assert [b.count for b in score_distribution([25, 50, 74.9], bins=4)] == [0, 1, 2, 0]


@pytest.mark.parametrize("bad", [-0.1, 100.1, math.nan, math.inf])
def test_score_distribution_refuses_scores_outside_0_to_100(bad):
    with pytest.raises(ValueError, match="percentage"):
        score_distribution([50, bad])


def test_score_distribution_needs_a_bin():
    with pytest.raises(ValueError, match="bins"):
        score_distribution([50], bins=0)


@given(st.lists(st.floats(0, 100), max_size=50), st.integers(1, 20))
def test_every_score_lands_in_the_bin_that_contains_it(scores, bins):
    result = score_distribution(scores, bins)
    assert len(result) == bins
    assert sum(b.count for b in result) == len(scores)
    for score in scores:
        assert any(b.lower <= score < b.upper or (b.upper == 100 and score == 100) for b in result if b.count)


NOW = datetime(2025, 6, 1, 12, 0)


def test_mastery_weighs_a_result_one_half_life_old_half_as_much():
    # Today 1.0 (weight 1), 30 days ago 0.0 (weight 1/2): (1 * 1 + .5 * 0) / 1.5 = 2/3.
    assert mastery([(NOW, 1.0), (NOW - timedelta(days=30), 0.0)], NOW) == approx(2 / 3)
    # With a 60-day half-life the old result weighs 2^(-1/2): 1 / (1 + 0.7071) = 0.586.
    assert mastery([(NOW, 1.0), (NOW - timedelta(days=30), 0.0)], NOW, half_life_days=60) == approx(1 / (1 + 2**-0.5))
    # The same results the other way round: 0.5 / 1.5 = 1/3.
    assert mastery([(NOW, 0.0), (NOW - timedelta(days=30), 1.0)], NOW) == approx(1 / 3)


def test_mastery_edge_cases():
    assert mastery([], NOW) is None
    assert mastery([(NOW, 0.4)], NOW) == approx(0.4)
    # A result dated after now counts as from now: weights 1 and 1.
    assert mastery([(NOW + timedelta(days=5), 1.0), (NOW, 0.0)], NOW) == approx(0.5)
    # Two thousand half-lives old: 2^(-2000) underflows to 0 in a naive sum (0/0); the ratio is still 2/3.
    old = NOW - timedelta(days=2000)
    assert mastery([(old, 1.0), (old - timedelta(days=1), 0.0)], NOW, half_life_days=1) == approx(2 / 3)
    with pytest.raises(ValueError, match="fraction"):
        mastery([(NOW, 1.5)], NOW)
    with pytest.raises(ValueError, match="half_life"):
        mastery([(NOW, 1.0)], NOW, half_life_days=0)


@given(st.lists(st.tuples(st.integers(0, 2000), st.floats(0, 1)), min_size=1, max_size=30))
def test_mastery_lies_between_the_worst_and_best_result(results):
    dated = [(NOW - timedelta(days=days), fraction) for days, fraction in results]
    value = mastery(dated, NOW)
    fractions = [f for _, f in results]
    assert min(fractions) - 1e-12 <= value <= max(fractions) + 1e-12


# Weak questions.


def question(n=30, facility=0.6, discrimination=0.4):
    return QuestionStatistics(
        question_id=1,
        n=n,
        facility=facility,
        sd=0.3,
        discrimination_index=discrimination,
        discriminative_efficiency=50.0,
        reliable=enough_attempts(n),
    )


def test_a_sound_question_has_no_reasons():
    assert weak_question_reasons(question(), None, 0) == []


def test_negative_discrimination_is_named_with_its_figure():
    (reason,) = weak_question_reasons(question(discrimination=-0.31), None, 0)
    assert reason.startswith("discrimination −0.31: ")
    assert "did well on the rest of the quiz" in reason


def test_low_discrimination_is_a_reason_below_the_threshold_only():
    (reason,) = weak_question_reasons(question(discrimination=0.12), None, 0)
    assert reason.startswith("discrimination 0.12 (below 0.20)")
    assert weak_question_reasons(question(discrimination=0.2), None, 0) == []
    custom = WeakThresholds(min_discrimination=0.5)
    assert weak_question_reasons(question(discrimination=0.4), None, 0, custom)[0].startswith("discrimination 0.40")


def test_facility_near_the_ends_is_a_reason():
    (easy,) = weak_question_reasons(question(facility=0.97), None, 0)
    assert easy.startswith("facility 97%: almost everyone got this right")
    (hard,) = weak_question_reasons(question(facility=0.05), None, 0)
    assert hard.startswith("facility 5%: almost everyone got this wrong")
    assert weak_question_reasons(question(facility=0.95), None, 0) == []
    assert weak_question_reasons(question(facility=0.1), None, 0) == []


def test_too_few_attempts_give_no_statistical_reasons_but_flags_still_count():
    shaky = question(n=MIN_ATTEMPTS_FOR_STATISTICS - 1, facility=0.01, discrimination=-0.9)
    assert weak_question_reasons(shaky, None, 0) == []
    assert weak_question_reasons(shaky, None, 2) == ["2 open flags from students"]
    assert weak_question_reasons(question(), None, 1) == []


def test_a_distractor_nobody_chose_is_a_reason_given_enough_answers():
    options = option_frequencies(["a"] * 8 + ["b"] * 4 + [None] * 5, ["a", "b", "c"], correct={"a"})
    (reason,) = weak_question_reasons(question(), options, 0)
    # Twelve answers (the five blanks do not count), nobody chose "c".
    assert reason.startswith("distractor “c” was chosen by nobody in 12 answers")
    few = option_frequencies(["a"] * 6 + ["b"] * 3, ["a", "b", "c"], correct={"a"})
    assert weak_question_reasons(question(), few, 0) == []
    # A right option nobody chose is not a distractor (its facility says what is wrong).
    unchosen_key = option_frequencies(["a"] * 8 + ["b"] * 4, ["a", "b", "c"], correct={"c"})
    assert weak_question_reasons(question(), unchosen_key, 0) == []


def test_several_reasons_come_together():
    options = [OptionCount("a", 20, 1.0, correct=True), OptionCount("b", 0, 0.0), OptionCount(None, 0, 0.0)]
    reasons = weak_question_reasons(question(facility=0.99, discrimination=-0.05), options, 3)
    assert [r.split(" ")[0] for r in reasons] == ["discrimination", "facility", "distractor", "3"]
