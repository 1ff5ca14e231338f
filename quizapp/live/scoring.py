"""Live points, the leaderboard and how the class answered one question. Pure: plain values in and out.

**Points.** A live answer earns ``round(1000 × f × (1 − (t / T) / 2))`` points, where ``f`` is the fraction of the
question's marks the normal grader gives it (1 for a right answer, a share for partial credit: a fill-in worth
half, an ordering partly right), ``t`` the seconds from the question opening to the answer reaching the server,
and ``T`` the seconds the question was open for (its countdown, with any time the teacher added). A right answer
at once earns 1,000 points, one at the last moment 500, a wrong answer nothing: Kahoot's rule, with partial credit
scaled. Time during a pause does not count against the student.

The attempt a signed-in student gets in their history is graded by the normal graders, not by these points:
speed counts only in the game.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

MAX_POINTS = 1000
LEADERBOARD_SIZE = 5


def live_points(fraction: float, seconds_taken: float, seconds_allowed: float) -> int:
    """Points for an answer worth ``fraction`` of the marks, given ``seconds_taken`` into ``seconds_allowed``."""
    if fraction <= 0 or seconds_allowed <= 0:
        return 0
    share = min(max(seconds_taken / seconds_allowed, 0.0), 1.0)
    return round(MAX_POINTS * min(fraction, 1.0) * (1 - share / 2))


@dataclass(frozen=True)
class Standing:
    """One line of the leaderboard: place (ties share one), name (``None`` when names are hidden), points."""

    place: int
    name: str | None
    points: int


def leaderboard(scores: Iterable[tuple[str, int]], *, show_names: bool, size: int = LEADERBOARD_SIZE) -> list[Standing]:
    """The top ``size`` of (name, points), best first; equal points share a place and are listed by name."""
    ordered = sorted(scores, key=lambda pair: (-pair[1], pair[0].casefold()))
    standings: list[Standing] = []
    place = 0
    previous: int | None = None
    for index, (name, points) in enumerate(ordered[:size]):
        if points != previous:
            place = index + 1
            previous = points
        standings.append(Standing(place, name if show_names else None, points))
    return standings


@dataclass(frozen=True)
class Bar:
    """One bar on the projector: a choice, how many chose it, their share of the answers, and whether it is right."""

    label: str
    count: int
    share: float
    right: bool


@dataclass(frozen=True)
class ClassAnswers:
    """How the class answered one question: bars per choice (choice questions) and the share right."""

    answered: int
    right: int
    bars: list[Bar]

    @property
    def share_right(self) -> float:
        return self.right / self.answered if self.answered else 0.0


def class_answers(
    question_type: str, shown_options: Sequence[str], key: Any, answers: Iterable[tuple[Any, bool]]
) -> ClassAnswers:
    """Count the class's ``(response, correct)`` answers. Multiple choice and true/false get a bar per choice, in
    the order shown; choose-all-that-apply a bar per option (how many ticked it); fill-ins, orderings and
    matchings only the share right (their answers are too varied for bars)."""
    answers = list(answers)
    right = sum(1 for _, correct in answers if correct)
    counts: Counter[str] = Counter()
    labels: list[tuple[str, str, bool]] = []  # (value counted, label, right)
    if question_type == "multiple_choice":
        labels = [(option, option, option == key) for option in shown_options]
        counts.update(response for response, _ in answers if isinstance(response, str))
    elif question_type == "true_false":
        labels = [("True", "True", key is True), ("False", "False", key is False)]
        counts.update(str(response) for response, _ in answers if isinstance(response, bool))
    elif question_type == "multiple_answer":
        weights = {str(option): float(weight) for option, weight in key} if isinstance(key, list) else {}
        labels = [(option, option, weights.get(option, 0.0) > 0) for option in shown_options]
        for response, _ in answers:
            if isinstance(response, list):
                counts.update(str(item) for item in response)
    total = len(answers)
    bars = [
        Bar(label, counts[value], counts[value] / total if total else 0.0, is_right)
        for value, label, is_right in labels
    ]
    return ClassAnswers(total, right, bars)
