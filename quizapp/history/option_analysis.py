"""How often each option of a question was chosen (Moodle's "response analysis", for fixed options).

Pure: standard library only. Re-exported by :mod:`quizapp.history.stats`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class OptionCount:
    """One row of an option analysis: the option, how many chose it, and their share of all responses.

    The blank row has ``option=None``. ``correct`` marks a right option (so a right option nobody chose is not
    reported as an unused distractor). ``listed`` is False for a response that is not among the options given
    (an option since edited away, say): such responses are counted in rows of their own, never dropped.
    """

    option: Hashable | None
    count: int
    share: float
    correct: bool = False
    listed: bool = True

    @property
    def is_blank(self) -> bool:
        return self.option is None


def option_frequencies(
    chosen: Iterable[Hashable | None], options: Sequence[Hashable], *, correct: Collection[Hashable] = ()
) -> list[OptionCount]:
    """Count the responses per option, in the order of ``options``, then unlisted responses, then blanks.

    ``chosen`` holds one value per response (``None`` for a blank; for a multi-select question pass one value
    per ticked option). Every listed option gets a row even when nobody chose it, and the blank row is always
    last. ``share`` = count / number of responses (blanks included), 0 when there are none, so the shares of
    all rows add up to 1.
    """
    return counted_option_frequencies(((value, 1) for value in chosen), options, correct=correct)


def counted_option_frequencies(
    counted: Iterable[tuple[Hashable | None, int]], options: Sequence[Hashable], *, correct: Collection[Hashable] = ()
) -> list[OptionCount]:
    """As :func:`option_frequencies`, from (response, how many times) pairs, e.g. counted by the database."""
    counts: Counter[Hashable] = Counter()
    blanks = total = 0
    unlisted: list[Hashable] = []  # first-seen order, so the output is deterministic
    listed = set(options)
    for value, times in counted:
        total += times
        if value is None:
            blanks += times
            continue
        if value not in listed and value not in counts:
            unlisted.append(value)
        counts[value] += times

    def share(count: int) -> float:
        return count / total if total else 0.0

    rows = [OptionCount(o, counts[o], share(counts[o]), correct=o in correct) for o in options]
    rows += [OptionCount(o, counts[o], share(counts[o]), correct=o in correct, listed=False) for o in unlisted]
    rows.append(OptionCount(None, blanks, share(blanks)))
    return rows
