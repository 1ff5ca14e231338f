"""How a reviewed answer is worded: one verdict sentence, and no explanation that only repeats the source.

Pure: plain values in, plain strings out, so the unit tests call it without a request.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Grader details that only restate right or wrong ("Right. 1 of 1 mark. (right)" said one thing three times).
_SAID_BY_THE_VERDICT = re.compile(
    r"^(right|wrong|matches an accepted answer|does not match an accepted answer|all \d+ items in order|"
    r"no items in order)$"
)

# What the generator writes as an explanation: "The text says: “<sentence>”", after "True." on true/false.
_QUOTING = re.compile(r"^(?P<lead>(?:True|False)\.)?\s*The text says:\s*[“\"](?P<quote>.*)[”\"]\s*$", re.DOTALL)


def verdict_kind(score: float | None, points: float, *, awaiting_mark: bool = False) -> str:
    """ "right", "partly", "wrong", or "awaiting" (the teacher has still to mark it)."""
    if awaiting_mark or score is None:
        return "awaiting"
    if score >= points - 1e-9:
        return "right"
    return "partly" if score > 1e-9 else "wrong"


def marks(value: float) -> str:
    """2 -> "2", 0.6667 -> "0.67", 2.5 -> "2.5"."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


_VERDICT_WORDS = {"right": "Right", "partly": "Partly right", "wrong": "Not right"}


def verdict(score: float | None, points: float, detail: str) -> str:
    """One sentence: the verdict, what the grader found when it adds anything, and the marks.

    >>> verdict(1.0, 1.0, "right")
    'Right: 1 of 1 mark.'
    >>> verdict(2.0, 3.0, "2 of 3 pairs right")
    'Partly right (2 of 3 pairs right): 2 of 3 marks.'
    """
    kind = verdict_kind(score, points)
    if kind == "awaiting":
        return "Awaiting your teacher's mark."
    detail = " ".join(detail.split())
    said = "" if not detail or _SAID_BY_THE_VERDICT.match(detail) else f" ({detail})"
    unit = "mark" if points == 1 else "marks"
    return f"{_VERDICT_WORDS[kind]}{said}: {marks(score or 0.0)} of {marks(points)} {unit}."


def _plain(text: str) -> str:
    return " ".join(text.split()).strip().rstrip(".").casefold()


def explanation_beyond(explanation: str | None, quotes: Iterable[str]) -> str | None:
    """The explanation, or None when all it does is quote a source sentence that is shown anyway.

    A "True." or "False." before the quote is dropped too: the verdict and the answer already say it.
    """
    if not explanation:
        return None
    found = _QUOTING.match(explanation.strip())
    if found is None:
        return explanation
    if _plain(found.group("quote")) in {_plain(quote) for quote in quotes}:
        return None
    return explanation
