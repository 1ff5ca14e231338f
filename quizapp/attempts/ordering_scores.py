"""The grading types of Moodle's ordering question, as plain formulas.

Pure: standard library only. Each formula follows qtype_ordering's ``question.php`` (``grade_response``): it
counts what is right (``countcorrect``) out of what could be (``countanswers``), and the fraction is their
ratio. The student's order comes as *slots*: one entry per position, the item placed there or ``None`` for a
position left empty (an unfinished order: an item without a position, or two items at one, leaves its slot
empty). Moodle only grades finished orders; an empty slot simply earns nothing here.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

# The ends of the list, as Moodle's 0 "item" before the first and after the last.
_START, _END = object(), object()

Slots = Sequence[str | None]


def ordering_counts(grading: str, key: Sequence[str], slots: Slots) -> tuple[int, int, str]:
    """(what is right, what could be, a short phrase for what is counted) for one grading type.

    ``key`` holds the items in the right order; ``slots`` as many entries, each an item or ``None``. Raises
    ``KeyError`` for an unknown grading type.
    """
    return _FORMULAS[grading](key, slots)


def _placed(slots: Slots) -> list[tuple[int, str]]:
    return [(index, item) for index, item in enumerate(slots) if item is not None]


def _absolute(key: Sequence[str], slots: Slots) -> tuple[int, int, str]:
    right = sum(1 for index, item in enumerate(key) if slots[index] == item)
    return right, len(key), "items in their place"


def _all_or_nothing(key: Sequence[str], slots: Slots) -> tuple[int, int, str]:
    right, total, _ = _absolute(key, slots)
    return (right if right == total else 0), total, "items in order (all or nothing)"


def _neighbour(slots: Slots, index: int, step: int) -> object:
    other = index + step
    if other < 0:
        return _START
    if other >= len(slots):
        return _END
    return slots[other]


def _next_item(key: Sequence[str], slots: Slots, *, include_last: bool) -> tuple[int, int, str]:
    wanted: dict[str, object] = {key[i]: key[i + 1] for i in range(len(key) - 1)}
    if include_last:
        wanted[key[-1]] = _END
    where = {item: index for index, item in _placed(slots)}
    right = sum(
        1 for item, after in wanted.items() if item in where and _same(_neighbour(slots, where[item], 1), after)
    )
    return right, len(wanted), "items followed by the right item"


def _same(given: object, wanted: object) -> bool:
    return given is wanted if wanted in (_START, _END) else given == wanted


def _one_previous_and_next(key: Sequence[str], slots: Slots) -> tuple[int, int, str]:
    where = {item: index for index, item in _placed(slots)}
    right = 0
    for index, item in enumerate(key):
        if item not in where:
            continue
        right += _same(_neighbour(slots, where[item], -1), _neighbour(key, index, -1))
        right += _same(_neighbour(slots, where[item], 1), _neighbour(key, index, 1))
    return right, 2 * len(key), "neighbours right"


def _all_previous_and_next(key: Sequence[str], slots: Slots) -> tuple[int, int, str]:
    placed = _placed(slots)
    order = [item for _, item in placed]
    right = 0
    for index, item in enumerate(key):
        if item not in order:
            continue
        at = order.index(item)
        right += len(set(order[:at]) & set(key[:index])) + len(set(order[at + 1 :]) & set(key[index + 1 :]))
    return right, len(key) * (len(key) - 1), "items before and after right"


def _key_positions(key: Sequence[str], slots: Slots) -> list[int]:
    position = {item: index for index, item in enumerate(key)}
    return [position[item] for _, item in _placed(slots)]


def longest_increasing_length(values: Sequence[int]) -> int:
    """The length of the longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
    for value in values:
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
        else:
            tails[k] = value
    return len(tails)


def _longest_ordered(key: Sequence[str], slots: Slots) -> tuple[int, int, str]:
    # Moodle keeps the longest subset of at least two items: one item alone is never "in order".
    run = longest_increasing_length(_key_positions(key, slots))
    return (run if run >= 2 else 0), len(key), "items in order"


def _longest_contiguous(key: Sequence[str], slots: Slots) -> tuple[int, int, str]:
    # As get_ordered_subsets(contiguous=true): an item joins the run whose last item is the one right before it
    # in the key, wherever it stands after that item in the student's order.
    runs: list[list[int]] = []
    for value in _key_positions(key, slots):
        extended = False
        for run in runs:
            if value == run[-1] + 1:
                run.append(value)
                extended = True
        if not extended:
            runs.append([value])
    best = max((len(run) for run in runs), default=0)
    return (best if best >= 2 else 0), len(key), "items in an unbroken run in order"


def _relative_to_correct(key: Sequence[str], slots: Slots) -> tuple[int, int, str]:
    most = len(key) - 1
    where = {item: index for index, item in _placed(slots)}
    right = sum(max(0, most - abs(index - where[item])) for index, item in enumerate(key) if item in where)
    return right, len(key) * most, "marks for items near their place"


_FORMULAS = {
    "all_or_nothing": _all_or_nothing,
    "absolute_position": _absolute,
    "relative_next_exclude_last": lambda key, slots: _next_item(key, slots, include_last=False),
    "relative_next_include_last": lambda key, slots: _next_item(key, slots, include_last=True),
    "relative_one_previous_and_next": _one_previous_and_next,
    "relative_all_previous_and_next": _all_previous_and_next,
    "longest_ordered_subset": _longest_ordered,
    "longest_contiguous_subset": _longest_contiguous,
    "relative_to_correct": _relative_to_correct,
}
