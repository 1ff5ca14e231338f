"""Which questions an attempt gets, in which order, with options in which order.

Pure: the caller passes the candidates and a random generator, so a test can
fix the seed. Chosen once when the attempt starts and kept for all of it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Candidate:
    question_id: int
    version_id: int
    type: str
    options: Sequence[str]
    answer: Any
    points: float = 1.0


@dataclass(frozen=True)
class Rule:
    count: int
    pool: Sequence[Candidate]
    points: float = 1.0


@dataclass(frozen=True)
class Slot:
    candidate: Candidate
    option_order: list[int]
    points: float


def choose(
    fixed: Sequence[Candidate], rules: Sequence[Rule], rng: random.Random, *, shuffle_questions: bool
) -> list[Candidate]:
    """The fixed questions, then for each rule ``count`` random ones from its pool not already chosen."""
    chosen = list(fixed)
    taken = {c.question_id for c in chosen}
    for rule in rules:
        pool = [c for c in rule.pool if c.question_id not in taken]
        picked = rng.sample(pool, min(rule.count, len(pool)))
        for candidate in picked:
            taken.add(candidate.question_id)
            chosen.append(
                Candidate(
                    candidate.question_id,
                    candidate.version_id,
                    candidate.type,
                    candidate.options,
                    candidate.answer,
                    rule.points,
                )
            )
    if shuffle_questions:
        rng.shuffle(chosen)
    return chosen


def option_order(candidate: Candidate, rng: random.Random, *, shuffle_options: bool) -> list[int]:
    """The order options are shown in, as indexes into the stored options.

    Ordering and matching are always shuffled, and never shown in the key's own
    order: for ordering that would be the answer itself, for matching it would
    line each right-hand value up with its left.
    """
    count = len(candidate.options)
    order = list(range(count))
    if candidate.type in ("ordering", "matching"):
        key = _key_order(candidate)
        rng.shuffle(order)
        if count > 1 and order == key:
            order = order[1:] + order[:1]
        return order
    if candidate.type in ("multiple_choice", "multiple_answer") and shuffle_options:
        rng.shuffle(order)
    return order


def _key_order(candidate: Candidate) -> list[int]:
    """The option indexes in the key's order (what must not be shown)."""
    items = list(candidate.answer) if candidate.type == "ordering" else [right for _, right in candidate.answer]
    positions = []
    for item in items:
        if item in candidate.options:
            positions.append(list(candidate.options).index(item))
    remaining = [i for i in range(len(candidate.options)) if i not in positions]
    return positions + remaining


def lefts_of(candidate: Candidate) -> list[str]:
    """Matching: the left-hand items, shown in the key's order (the right-hand side is shuffled)."""
    return [left for left, _ in candidate.answer] if candidate.type == "matching" else []


def plan(
    fixed: Sequence[Candidate],
    rules: Sequence[Rule],
    rng: random.Random,
    *,
    shuffle_questions: bool,
    shuffle_options: bool,
) -> list[Slot]:
    """The whole attempt: each question with its option order and points."""
    return [
        Slot(candidate, option_order(candidate, rng, shuffle_options=shuffle_options), candidate.points)
        for candidate in choose(fixed, rules, rng, shuffle_questions=shuffle_questions)
    ]
