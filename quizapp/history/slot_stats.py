"""Item analysis by slot, and Moodle's own figures beside quizapp's, for quizzes with random questions.

Pure: the standard library and numpy only (and :mod:`.stats`).

A *slot* is a place in the quiz that every attempt fills: each fixed question is one slot, and a rule "N random
questions from this pool" is N slots, each filled by whichever question the attempt drew. This is Moodle's layout
(a random question occupies a slot), so these are the figures Moodle's quiz statistics report shows:

- per slot, Moodle's ``calculator::initial_steps_walker`` with ``$positionstat`` true: x is the mark in the slot,
  X the rest of the attempt (total minus x), both raw marks; discrimination index 100 Cov(x, X) / sqrt(V(x) V(X)),
  discriminative efficiency 100 Cov(x, X) / Cov_max(x, X);
- per question drawn by a random slot (Moodle's "sub-question"), ``$positionstat`` false: X is the attempt's total
  *including* x (``secondary_steps_walker`` with ``$stats->subquestion``), raw marks;
- the coefficient of internal consistency over slots (``mod/quiz/report/statistics/classes/calculator.php``):
  alpha = P / (P - 1) (1 - Σ V(x_slot) / V(T)), P slots, T the raw total.

quizapp's own per-question figure (:meth:`.stats.MarkMatrix.question_statistics`) correlates a question with the
rest of the quiz for every question, random or not, on marks taken as fractions of each attempt's maxima. Moodle's
sub-question figure counts the question's own mark on both sides of the correlation, which lifts it (a question
correlates with itself); the rest-of-quiz figure does not, so quizapp keeps it and shows Moodle's beside it.

Which rule drew a question is not stored with an attempt; :func:`slot_matrix` attributes it the way the quiz draws:
rules in their order, each taking the attempt's questions from its current pool in the order they were shown, up to
its count; a question no pool holds any more (retired since) goes to the first rule with room left.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .stats import MarkMatrix, QuestionStatistics, _sample_covariance, _sample_variance, _varies


@dataclass(frozen=True)
class RandomRule:
    """A quiz rule as the analysis needs it: ``count`` slots filled from ``pool`` (question ids)."""

    key: int
    title: str
    count: int
    pool: frozenset[int]


@dataclass(frozen=True)
class Slot:
    """One column of the slot matrix: a fixed question (``question_id``) or the ``index``-th draw of a rule."""

    label: str
    question_id: int | None = None
    rule_key: int | None = None
    index: int = 0
    drawn: Counter[int] = field(default_factory=Counter, compare=False)

    @property
    def is_random(self) -> bool:
        return self.rule_key is not None


@dataclass(frozen=True)
class MoodleFigures:
    """Moodle's discrimination index (as a correlation, -1..1; Moodle prints 100 r) and discriminative efficiency (%)
    for one question or slot, on raw marks. None where Moodle leaves the cell empty (no variance, no covariance)."""

    discrimination_index: float | None
    discriminative_efficiency: float | None


@dataclass(frozen=True)
class SlotRow:
    slot: Slot
    statistics: QuestionStatistics  # quizapp's way: fractions of the maxima, against the rest of the quiz
    moodle: MoodleFigures  # Moodle's way: raw marks, against the rest of the attempt


def moodle_figures(marks: np.ndarray, totals: np.ndarray, *, including_itself: bool) -> MoodleFigures:
    """Moodle's index and efficiency for raw ``marks`` against ``totals`` (each attempt's raw total).

    ``including_itself`` correlates with the total (a question a random slot drew); otherwise with the total minus
    the mark (a slot, or a fixed question).
    """
    others = totals if including_itself else totals - marks
    if not (_varies(marks) and _varies(others)):
        return MoodleFigures(None, None)
    covariance = _sample_covariance(marks, others)
    index = max(-1.0, min(1.0, covariance / math.sqrt(_sample_variance(marks) * _sample_variance(others))))
    best = _sample_covariance(np.sort(marks), np.sort(others))
    return MoodleFigures(index, 100.0 * covariance / best if best > 0 else None)


def question_moodle_figures(matrix: MarkMatrix, question_id: int, *, drawn_at_random: bool) -> MoodleFigures:
    """Moodle's figures for one question of the matrix, over the attempts that had it."""
    j = matrix.question_ids.index(question_id)
    present = matrix.maxima[:, j] > 0
    return moodle_figures(matrix.marks[present, j], matrix.totals[present], including_itself=drawn_at_random)


def slot_matrix(
    attempt_ids: Sequence[int],
    question_ids: Sequence[int],
    positions: Sequence[int],
    marks: Sequence[float],
    maxima: Sequence[float],
    fixed: Sequence[int],
    rules: Sequence[RandomRule],
) -> tuple[MarkMatrix, list[Slot]]:
    """The answers (one row each: attempt, question, position shown, mark, maximum) as an attempts × slots matrix.

    Slots: the ``fixed`` questions in the quiz's order, then each rule's ``count`` draws. A slot an attempt did not
    fill (a pool that ran short) has maximum 0 in that attempt's row, as a question it did not get.
    """
    slots = [Slot(label=f"Question {n}", question_id=q) for n, q in enumerate(fixed, start=1)]
    first_of_rule = {}
    for rule in rules:
        first_of_rule[rule.key] = len(slots)
        slots += [Slot(f"{rule.title}: draw {k}", rule_key=rule.key, index=k) for k in range(1, rule.count + 1)]
    column_of_fixed = {q: j for j, q in enumerate(fixed)}
    by_attempt: dict[int, list[tuple[int, int, float, float]]] = {}
    for attempt, question, position, mark, maximum in zip(
        attempt_ids, question_ids, positions, marks, maxima, strict=True
    ):
        by_attempt.setdefault(int(attempt), []).append((int(position), int(question), float(mark), float(maximum)))
    rows = sorted(by_attempt)
    slot_marks = np.zeros((len(rows), len(slots)))
    slot_maxima = np.zeros_like(slot_marks)
    for i, attempt in enumerate(rows):
        drawn = []
        for _, question, mark, maximum in sorted(by_attempt[attempt]):
            j = column_of_fixed.get(question)
            if j is None:
                drawn.append((question, mark, maximum))
            else:
                slot_marks[i, j], slot_maxima[i, j] = mark, maximum
        for j, (question, mark, maximum) in _attribute(drawn, rules, first_of_rule):
            slot_marks[i, j], slot_maxima[i, j] = mark, maximum
            slots[j].drawn[question] += 1
    return MarkMatrix(list(range(len(slots))), slot_marks, slot_maxima), slots


def _attribute(
    drawn: list[tuple[int, float, float]], rules: Sequence[RandomRule], first_of_rule: dict[int, int]
) -> list[tuple[int, tuple[int, float, float]]]:
    """(slot column, answer) for an attempt's drawn answers, in the order shown: each rule in turn takes those its
    pool holds, up to its count; what is left goes to the first rule with room."""
    placed: list[tuple[int, tuple[int, float, float]]] = []
    used = dict.fromkeys(first_of_rule, 0)
    left = list(drawn)
    for rule in rules:
        for answer in [a for a in left if a[0] in rule.pool][: rule.count]:
            placed.append((first_of_rule[rule.key] + used[rule.key], answer))
            used[rule.key] += 1
            left.remove(answer)
    for answer in left:
        room = next((r for r in rules if used[r.key] < r.count), None)
        if room is None:
            break
        placed.append((first_of_rule[room.key] + used[room.key], answer))
        used[room.key] += 1
    return placed


def slot_rows(matrix: MarkMatrix, slots: Sequence[Slot]) -> list[SlotRow]:
    """Each slot's figures both ways (quizapp's, Moodle's), over the attempts that filled it."""
    rows = []
    for j, slot in enumerate(slots):
        present = matrix.maxima[:, j] > 0
        moodle = moodle_figures(matrix.marks[present, j], matrix.totals[present], including_itself=False)
        rows.append(SlotRow(slot, matrix.question_statistics(j), moodle))
    return rows


def slot_alpha(matrix: MarkMatrix) -> float | None:
    """Moodle's coefficient of internal consistency over the slots, as a fraction (Moodle prints 100 alpha):
    P / (P - 1) (1 - Σ V(x_slot) / V(T)) on raw marks, over the attempts that filled every slot.

    None with fewer than 2 slots or 2 such attempts, or when their totals do not vary.
    """
    p = len(matrix.question_ids)
    full = (matrix.maxima > 0).all(axis=1)
    if p < 2 or int(full.sum()) < 2:
        return None
    marks = matrix.marks[full]
    totals = marks.sum(axis=1)
    if not _varies(totals):
        return None
    item_variances = math.fsum(_sample_variance(marks[:, k]) for k in range(p))
    return min(1.0, p / (p - 1) * (1.0 - item_variances / _sample_variance(totals)))
