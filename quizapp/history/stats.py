"""Item analysis and score figures, as Moodle's quiz statistics report computes them.

Pure: the standard library and numpy only, so the history pages, a CLI command and a test can all call it
with plain values.

Sources for the formulas (Moodle, GPL; formulas only, no code copied):

- Moodle developer docs, "Quiz statistics calculations" (docs.moodle.org/dev/Quiz_statistics_calculations)
  and "Quiz report statistics" (what each figure means and what range to aim for);
- moodle/moodle ``question/classes/statistics/questions/calculator.php`` (facility, SD, discrimination
  index, discriminative efficiency) and ``mod/quiz/report/statistics/classes/calculator.php`` (median,
  SD, skewness and kurtosis from k-statistics, coefficient of internal consistency, error ratio, standard error).

Notation: ``x`` is one question's mark in an attempt, ``X`` the rest of that attempt's marks (total minus ``x``),
``T`` an attempt's total, ``s`` the number of attempts. Variances and covariances divide by ``s - 1`` as Moodle does.

Where an attempt lacks a question (random selection), that question's figures use only the attempts that had it,
and marks are taken as fractions of their maximum (``x / x_max``, ``X / X_max``, ``100 T / T_max``) so attempts
with different question sets stay comparable. When every attempt has the same maxima this changes nothing:
correlations, covariance ratios and Cronbach's alpha do not change when a variable is multiplied by a constant.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

import numpy as np

from .option_analysis import OptionCount, counted_option_frequencies, option_frequencies

__all__ = [
    "MIN_ATTEMPTS_FOR_STATISTICS",
    "AttemptMarks",
    "Bin",
    "MarkMatrix",
    "OptionCount",
    "QuestionStatistics",
    "QuizStatistics",
    "WeakThresholds",
    "counted_option_frequencies",
    "enough_attempts",
    "mastery",
    "option_frequencies",
    "question_statistics",
    "quiz_statistics",
    "score_distribution",
    "weak_question_reasons",
]

#: Below this many attempts the figures swing too much from one student to the next to act on; the pages say so.
MIN_ATTEMPTS_FOR_STATISTICS = 10

# Values that differ by less than this (relative) are equal: 0.1 + 0.2 and 0.3 are the same score, and
# a "variance" made only of rounding error must not yield a correlation.
_RELATIVE_TOLERANCE = 1e-9


def enough_attempts(n: int) -> bool:
    """Whether ``n`` attempts are enough for the figures to be shown as meaningful."""
    return n >= MIN_ATTEMPTS_FOR_STATISTICS


@dataclass(frozen=True)
class AttemptMarks:
    """One attempt's marks and maximum marks, both keyed by question id (the slot).

    The attempt's score is the sum of its marks. Every question in ``marks`` has a positive maximum in
    ``max_marks`` and vice versa; a question the attempt did not get is simply absent from both.
    """

    attempt_id: int
    marks: Mapping[int, float]
    max_marks: Mapping[int, float]

    def __post_init__(self) -> None:
        if set(self.marks) != set(self.max_marks):
            raise ValueError(f"attempt {self.attempt_id}: marks and max_marks name different questions")
        for question_id, mark in self.marks.items():
            maximum = self.max_marks[question_id]
            if not (math.isfinite(mark) and math.isfinite(maximum)):
                raise ValueError(f"attempt {self.attempt_id}, question {question_id}: marks must be finite numbers")
            if maximum <= 0:
                raise ValueError(f"attempt {self.attempt_id}, question {question_id}: max mark must be positive")

    @property
    def total(self) -> float:
        return math.fsum(self.marks.values())

    @property
    def max_total(self) -> float:
        return math.fsum(self.max_marks.values())


@dataclass(frozen=True)
class QuestionStatistics:
    """Item analysis of one question. A figure is ``None`` when it cannot be computed.

    - ``n``: attempts that had the question.
    - ``facility``: Moodle's facility index F = mean(x / x_max), 0..1 (Moodle shows it ×100 as a percentage).
      A high value is an easy question.
    - ``sd``: sample standard deviation of x / x_max, sqrt(Σ(f - F)² / (s - 1)), 0..1; needs s ≥ 2.
    - ``discrimination_index``: the product-moment correlation between the question's marks and the rest of
      the test, r = Cov(x, X) / sqrt(V(x) V(X)), as a correlation in -1..1 (Moodle shows 100 r, see
      ``discrimination_index_percent``). None when x or X does not vary.
    - ``discriminative_efficiency``: Moodle's DE = 100 Cov(x, X) / Cov_max(x, X) in percent, where Cov_max pairs
      the sorted x with the sorted X, the largest covariance those two sets of marks could have. It says how
      close the question comes to the best discrimination its spread of marks allows.
    - ``reliable``: n ≥ MIN_ATTEMPTS_FOR_STATISTICS.
    """

    question_id: int
    n: int
    facility: float | None
    sd: float | None
    discrimination_index: float | None
    discriminative_efficiency: float | None
    reliable: bool

    def shown(self) -> QuestionStatistics:
        """These statistics as pages and exports show them: with fewer than MIN_ATTEMPTS_FOR_STATISTICS
        answers only ``n``, every figure None (too few to mean anything)."""
        if self.reliable:
            return self
        return replace(self, facility=None, sd=None, discrimination_index=None, discriminative_efficiency=None)

    @property
    def discrimination_index_percent(self) -> float | None:
        """The discrimination index on Moodle's scale, 100 r (-100..100)."""
        return None if self.discrimination_index is None else 100.0 * self.discrimination_index


@dataclass(frozen=True)
class QuizStatistics:
    """Test statistics over attempts. Scores are percentages, T% = 100 T / T_max per attempt.

    - ``mean``, ``median`` (mean of the two middle scores when s is even), ``sd`` (sample SD, s ≥ 2),
      in percentage points.
    - ``skewness`` = k3 / k2^(3/2) and ``kurtosis`` = k4 / k2² (excess kurtosis, 0 for a normal distribution),
      from Fisher's k-statistics with m_j = Σ(T - mean)^j / s: k2 = s m2 / (s - 1),
      k3 = s² m3 / ((s - 1)(s - 2)), k4 = s² ((s + 1) m4 - 3 (s - 1) m2²) / ((s - 1)(s - 2)(s - 3)).
      Skewness needs s ≥ 3, kurtosis s ≥ 4, both a varying score.
    - ``cronbach_alpha``: coefficient of internal consistency, alpha = P / (P - 1) (1 - Σ V(x_i) / V(T)) over the P
      questions, 0..1 when the test is consistent, possibly negative when it is not (Moodle shows 100 alpha as
      "CIC", see ``coefficient_of_internal_consistency``). Only defined when every attempt had the same P ≥ 2
      questions: with random selection a question's variance covers other students than the total's.
    - ``error_ratio`` = 100 sqrt(1 - alpha) in percent: the share of the score spread that is noise.
    - ``standard_error`` = error_ratio × sd / 100, in percentage points: how far a student's score may be off.
    - ``reliable``: n ≥ MIN_ATTEMPTS_FOR_STATISTICS.
    """

    n: int
    mean: float | None
    median: float | None
    sd: float | None
    skewness: float | None
    kurtosis: float | None
    cronbach_alpha: float | None
    error_ratio: float | None
    standard_error: float | None
    reliable: bool

    @property
    def coefficient_of_internal_consistency(self) -> float | None:
        """Cronbach's alpha on Moodle's scale, in percent."""
        return None if self.cronbach_alpha is None else 100.0 * self.cronbach_alpha


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=_RELATIVE_TOLERANCE, abs_tol=_RELATIVE_TOLERANCE)


def _varies(values: np.ndarray) -> bool:
    return len(values) >= 2 and not _same(float(values.min()), float(values.max()))


def _sample_variance(values: np.ndarray) -> float:
    """Σ(x - x̄)² / (s - 1)."""
    deviations = values - values.mean()
    return float(deviations @ deviations) / (len(values) - 1)


def _sample_covariance(xs: np.ndarray, ys: np.ndarray) -> float:
    """Σ(x - x̄)(y - ȳ) / (s - 1)."""
    return float((xs - xs.mean()) @ (ys - ys.mean())) / (len(xs) - 1)


class MarkMatrix:
    """The marks of ``s`` attempts at ``P`` questions as two ``s × P`` arrays, marks and maximum marks.

    A question an attempt did not get has maximum 0 in that attempt's row. Arrays rather than one dict per
    attempt because a quiz's analysis reads every mark once per question: a page of 2,000 attempts spent
    most of its time in Python loops before.
    """

    def __init__(self, question_ids: Sequence[int], marks: np.ndarray, maxima: np.ndarray) -> None:
        self.question_ids = list(question_ids)
        self.marks = marks
        self.maxima = maxima
        self._column = {question_id: j for j, question_id in enumerate(self.question_ids)}
        self.totals = marks.sum(axis=1)
        self.max_totals = maxima.sum(axis=1)

    @classmethod
    def from_attempts(cls, attempts: Sequence[AttemptMarks]) -> MarkMatrix:
        question_ids = sorted({q for attempt in attempts for q in attempt.marks})
        column = {q: j for j, q in enumerate(question_ids)}
        marks = np.zeros((len(attempts), len(question_ids)))
        maxima = np.zeros_like(marks)
        for i, attempt in enumerate(attempts):
            for question_id, mark in attempt.marks.items():
                marks[i, column[question_id]] = mark
                maxima[i, column[question_id]] = attempt.max_marks[question_id]
        return cls(question_ids, marks, maxima)

    @classmethod
    def from_rows(
        cls, attempt_ids: Sequence[int], question_ids: Sequence[int], marks: Sequence[float], maxima: Sequence[float]
    ) -> MarkMatrix:
        """One row per graded answer: (attempt, question, mark, maximum), at most one per attempt and question."""
        attempt_index = np.asarray(attempt_ids, dtype=np.int64)
        question_index = np.asarray(question_ids, dtype=np.int64)
        mark_values = np.asarray(marks, dtype=float)
        max_values = np.asarray(maxima, dtype=float)
        bad = ~(np.isfinite(mark_values) & np.isfinite(max_values)) | (max_values <= 0)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise ValueError(
                f"attempt {attempt_index[i]}, question {question_index[i]}: marks must be finite numbers "
                "and max marks positive"
            )
        attempts, rows = np.unique(attempt_index, return_inverse=True)
        questions, columns = np.unique(question_index, return_inverse=True)
        matrix_marks = np.zeros((len(attempts), len(questions)))
        matrix_maxima = np.zeros_like(matrix_marks)
        matrix_marks[rows, columns] = mark_values
        matrix_maxima[rows, columns] = max_values
        return cls([int(q) for q in questions], matrix_marks, matrix_maxima)

    @property
    def attempts(self) -> int:
        return len(self.totals)

    def question_statistics(self, question_id: int) -> QuestionStatistics:
        """Facility, SD, discrimination index and discriminative efficiency of one question (see QuestionStatistics)."""
        j = self._column.get(question_id)
        if j is None:
            return QuestionStatistics(question_id, 0, None, None, None, None, reliable=False)
        present = self.maxima[:, j] > 0
        mark, maximum = self.marks[present, j], self.maxima[present, j]
        fractions = mark / maximum
        rest_max = self.max_totals[present] - maximum
        has_rest = rest_max > _RELATIVE_TOLERANCE  # a rest of rounding error only is no rest of the test
        paired = fractions[has_rest]
        rests = (self.totals[present][has_rest] - mark[has_rest]) / rest_max[has_rest]

        n = len(fractions)
        facility = float(fractions.mean()) if n else None
        sd = math.sqrt(_sample_variance(fractions)) if n >= 2 else None
        if sd is not None and not _varies(fractions):
            sd = 0.0

        discrimination = efficiency = None
        if _varies(paired) and _varies(rests):
            covariance = _sample_covariance(paired, rests)
            spread = _sample_covariance(paired, paired) * _sample_covariance(rests, rests)
            # Rounding can carry |r| a hair past 1.
            discrimination = max(-1.0, min(1.0, covariance / math.sqrt(spread)))
            best_covariance = _sample_covariance(np.sort(paired), np.sort(rests))
            if best_covariance > 0:
                efficiency = 100.0 * covariance / best_covariance

        return QuestionStatistics(
            question_id=question_id,
            n=n,
            facility=facility,
            sd=sd,
            discrimination_index=discrimination,
            discriminative_efficiency=efficiency,
            reliable=enough_attempts(n),
        )

    def quiz_statistics(self) -> QuizStatistics:
        """Test statistics over the attempts' percentage scores (see QuizStatistics).

        An attempt with no questions has no score and is left out.
        """
        scored = self.max_totals > 0
        scores = 100.0 * self.totals[scored] / self.max_totals[scored]
        n = len(scores)
        mean = float(scores.mean()) if n else None
        median = float(np.median(scores)) if n else None
        sd = math.sqrt(_sample_variance(scores)) if n >= 2 else None
        if sd is not None and not _varies(scores):
            sd = 0.0
        skewness, kurtosis = _moments(scores)
        alpha = self._cronbach_alpha(scored, scores) if n else None
        error_ratio = standard_error = None
        if alpha is not None and sd is not None:
            error_ratio = 100.0 * math.sqrt(max(0.0, 1.0 - alpha))
            standard_error = error_ratio * sd / 100.0
        return QuizStatistics(
            n=n,
            mean=mean,
            median=median,
            sd=sd,
            skewness=skewness,
            kurtosis=kurtosis,
            cronbach_alpha=alpha,
            error_ratio=error_ratio,
            standard_error=standard_error,
            reliable=enough_attempts(n),
        )

    def _cronbach_alpha(self, scored: np.ndarray, scores: np.ndarray) -> float | None:
        present = self.maxima[scored] > 0
        first = present[0]
        p = int(first.sum())
        if p < 2 or len(scores) < 2 or not (present == first).all() or not _varies(scores):
            return None
        # Each question's mark as a share of the attempt's score in percent, so the items add up to the score.
        shares = 100.0 * self.marks[scored][:, first] / self.max_totals[scored][:, None]
        item_variance_sum = math.fsum(_sample_variance(shares[:, k]) for k in range(p))
        alpha = p / (p - 1) * (1.0 - item_variance_sum / _sample_variance(scores))
        return min(1.0, alpha)  # alpha <= 1 in exact arithmetic (Cauchy-Schwarz); clip rounding


def question_statistics(attempts: Sequence[AttemptMarks], question_id: int) -> QuestionStatistics:
    """Facility, SD, discrimination index and discriminative efficiency of one question (see QuestionStatistics)."""
    return MarkMatrix.from_attempts(attempts).question_statistics(question_id)


def _moments(scores: np.ndarray) -> tuple[float | None, float | None]:
    """Skewness k3 / k2^1.5 and excess kurtosis k4 / k2², as in Moodle's quiz calculator."""
    s = len(scores)
    if s < 3 or not _varies(scores):
        return None, None
    deviations = scores - scores.mean()
    m2, m3, m4 = (float((deviations**power).sum()) / s for power in (2, 3, 4))
    k2 = s * m2 / (s - 1)
    k3 = s * s * m3 / ((s - 1) * (s - 2))
    skewness = k3 / k2**1.5
    if s < 4:
        return skewness, None
    k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1) * (s - 2) * (s - 3))
    return skewness, k4 / (k2 * k2)


def quiz_statistics(attempts: Sequence[AttemptMarks]) -> QuizStatistics:
    """Test statistics over the attempts' percentage scores (see QuizStatistics).

    An attempt with no questions has no score and is left out.
    """
    return MarkMatrix.from_attempts(attempts).quiz_statistics()


@dataclass(frozen=True)
class Bin:
    """Scores in [lower, upper), or [lower, 100] for the top bin."""

    lower: float
    upper: float
    count: int

    @property
    def label(self) -> str:
        return f"{self.lower:g}–{self.upper:g}%"


def score_distribution(percentages: Iterable[float], bins: int = 10) -> list[Bin]:
    """Count scores (0..100) into ``bins`` equal bins; 100 falls in the top bin. Raises ValueError outside 0..100."""
    if bins < 1:
        raise ValueError("bins must be at least 1")
    counts = [0] * bins
    for value in percentages:
        if not (math.isfinite(value) and 0.0 <= value <= 100.0):
            raise ValueError(f"a score must be a percentage between 0 and 100, not {value!r}")
        # value * bins / 100 rather than value / width: 30 * 10 / 100 is exactly 3, 30 / (100 / 3) * ... is not.
        counts[min(int(value * bins / 100.0), bins - 1)] += 1
    return [Bin(lower=100.0 * i / bins, upper=100.0 * (i + 1) / bins, count=c) for i, c in enumerate(counts)]


def mastery(results: Iterable[tuple[datetime, float]], now: datetime, half_life_days: float = 30.0) -> float | None:
    """Weighted share of credit, recent results counting more: Σ w f / Σ w with w = 2^(-age_days / half_life_days).

    Each result is (when, fraction 0..1). A result ``half_life_days`` old counts half as much as one from ``now``;
    a result dated after ``now`` counts as if from ``now``. None when there are no results.
    """
    if not half_life_days > 0:
        raise ValueError("half_life_days must be positive")
    aged: list[tuple[float, float]] = []
    for when, fraction in results:
        if not (math.isfinite(fraction) and 0.0 <= fraction <= 1.0):
            raise ValueError(f"a result must be a fraction between 0 and 1, not {fraction!r}")
        aged.append((max(0.0, (now - when).total_seconds() / 86400.0), fraction))
    if not aged:
        return None
    # Ages measured from the newest result give the same ratio and keep very old histories from underflowing to 0/0.
    newest = min(age for age, _ in aged)
    weights = [0.5 ** ((age - newest) / half_life_days) for age, _ in aged]
    share = math.fsum(w * f for w, (_, f) in zip(weights, aged, strict=True)) / math.fsum(weights)
    return min(1.0, max(0.0, share))


@dataclass(frozen=True)
class WeakThresholds:
    """When a question should go back to review (see weak_question_reasons)."""

    min_discrimination: float = 0.2  # as a correlation; Moodle's docs call under 20 (of 100) weak
    max_facility: float = 0.95
    min_facility: float = 0.1
    min_answers_for_unpicked_option: int = MIN_ATTEMPTS_FOR_STATISTICS
    min_open_flags: int = 2


def _signed(value: float) -> str:
    return f"{value:.2f}".replace("-", "\N{MINUS SIGN}")


def _option_name(option: Hashable) -> str:
    return f"“{option}”"


def weak_question_reasons(
    stats: QuestionStatistics,
    options: list[OptionCount] | None,
    open_flags: int,
    thresholds: WeakThresholds = WeakThresholds(),  # frozen, so one shared default is safe
) -> list[str]:
    """Plain-language reasons to send a question back to review; empty when there are none.

    The statistical reasons (discrimination, facility) need ``stats.reliable``; an option nobody chose needs
    ``thresholds.min_answers_for_unpicked_option`` non-blank answers and is only reported for wrong options
    (a right option nobody chose already shows as a facility near 0). Open student flags always count.
    """
    reasons: list[str] = []
    if stats.reliable:
        r = stats.discrimination_index
        if r is not None and r < 0:
            reasons.append(
                f"discrimination {_signed(r)}: students who did well on the rest of the quiz "
                "got this wrong more often than those who did badly"
            )
        elif r is not None and r < thresholds.min_discrimination:
            reasons.append(
                f"discrimination {_signed(r)} (below {_signed(thresholds.min_discrimination)}): this question "
                "barely tells apart students who did well on the rest of the quiz from those who did not"
            )
        f = stats.facility
        if f is not None and f > thresholds.max_facility:
            reasons.append(f"facility {100 * f:.0f}%: almost everyone got this right, so it tells you little")
        elif f is not None and f < thresholds.min_facility:
            reasons.append(f"facility {100 * f:.0f}%: almost everyone got this wrong; check the key and the wording")
    if options:
        answered = sum(o.count for o in options if not o.is_blank)
        if answered >= thresholds.min_answers_for_unpicked_option:
            for option in options:
                if not option.is_blank and not option.correct and option.count == 0:
                    reasons.append(
                        f"distractor {_option_name(option.option)} was chosen by nobody in {answered} answers: "
                        "it is not a plausible wrong answer"
                    )
    if open_flags >= thresholds.min_open_flags:
        reasons.append(f"{open_flags} open flags from students")
    return reasons
