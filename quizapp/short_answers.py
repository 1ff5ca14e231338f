"""A fill-in (short-answer) key as Moodle keeps one: answers tried in order, each with its own fraction of the marks.

Pure: standard library only. The generator, the bank, the importers and exporters and the grader all read a
key through :func:`accepted_answers`, so there is one shape and one check.

A key is a list of entries, tried in the order given; the first that matches a response gives its fraction
(Moodle's "first matching answer"). An entry is either

* a plain string: worth full marks. Every key saved before partial credit existed, and every key the generator
  makes (names, their variants and spellings), has only these, so they read unchanged; or
* ``{"text": str, "fraction": f}`` with ``0 <= f < 1``: worth that part of the marks (``0`` makes a response
  that matches it wrong, which matters when a wildcard follows it).

In an entry's text, as in Moodle, ``*`` matches any run of characters (``colo*r``; ``*`` alone matches any
answer) and ``\\*`` is a literal asterisk. Whether letter case matters is the question's setting, not the key's.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = [
    "AcceptedAnswer",
    "accepted_answers",
    "describe_key",
    "format_line",
    "has_wildcard",
    "key_from",
    "literal_text",
    "parse_line",
    "percent",
    "wildcard_pieces",
]

# Moodle stores fractions with seven decimals (question_answers.fraction is NUMBER(12,7)).
FRACTION_DECIMALS = 7
_UNESCAPED_STARS = re.compile(r"(?<!\\)\*+")
_LINE_WEIGHT = re.compile(r"%(\d+(?:\.\d+)?)%\s*")


@dataclass(frozen=True)
class AcceptedAnswer:
    """One entry of a fill-in key: the text a response is compared with, and the fraction it earns (0 to 1)."""

    text: str
    fraction: float = 1.0

    @property
    def full_marks(self) -> bool:
        return math.isclose(self.fraction, 1.0, abs_tol=1e-9)


def accepted_answers(key: Any) -> list[AcceptedAnswer]:
    """The entries of a fill-in key, in order; ValueError saying what is wrong when it is not one.

    Blank entries are kept (the grader skips what can match nothing); a fraction must be a number from 0 to 1.
    """
    if not isinstance(key, list | tuple):
        raise ValueError("a fill-in key must be a list of accepted answers")
    answers = []
    for entry in key:
        if isinstance(entry, str):
            answers.append(AcceptedAnswer(entry))
            continue
        if not isinstance(entry, dict) or set(entry) != {"text", "fraction"} or not isinstance(entry["text"], str):
            raise ValueError('an accepted answer must be text, or {"text": ..., "fraction": ...}')
        fraction = entry["fraction"]
        if isinstance(fraction, bool) or not isinstance(fraction, int | float) or not 0 <= fraction <= 1:
            raise ValueError(f"the answer {entry['text']!r} has a weight of {fraction!r}; it must be from 0% to 100%")
        answers.append(AcceptedAnswer(entry["text"], float(fraction)))
    return answers


def key_from(answers: Iterable[AcceptedAnswer]) -> list[Any]:
    """The stored form of a key: a plain string for a full-marks answer, a dict for any other."""
    key: list[Any] = []
    for answer in answers:
        fraction = round(answer.fraction, FRACTION_DECIMALS)
        key.append(answer.text if answer.full_marks else {"text": answer.text, "fraction": fraction})
    return key


def has_wildcard(text: str) -> bool:
    """Whether the text holds Moodle's wildcard: an asterisk not escaped with a backslash."""
    return _UNESCAPED_STARS.search(text) is not None


def wildcard_pieces(text: str) -> list[str]:
    """The literal pieces between the wildcards, ``\\*`` read as ``*``: ``colo*r`` -> ``["colo", "r"]``.

    A text without a wildcard is one piece; ``*`` alone is two empty pieces (anything fits). Runs of ``*`` count
    as one, as in Moodle.
    """
    return [piece.replace("\\*", "*") for piece in _UNESCAPED_STARS.split(text)]


def literal_text(text: str) -> str:
    """The text a student would type to match a plain entry: ``\\*`` as the asterisk it stands for."""
    return text.replace("\\*", "*")


def percent(fraction: float) -> str:
    """A fraction as Moodle writes a weight, without needless decimals: 0.5 -> ``50``, 0.3333333 -> ``33.33333``."""
    text = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def parse_line(line: str) -> AcceptedAnswer:
    """One line of the editor's answer box: ``%50% Cat`` is Cat for half marks, a line without a weight full marks.

    A weight over 100% is kept as given so that the key's check can refuse it with a message.
    """
    match = _LINE_WEIGHT.match(line)
    if not match:
        return AcceptedAnswer(line.strip())
    return AcceptedAnswer(line[match.end() :].strip(), float(match.group(1)) / 100)


def format_line(answer: AcceptedAnswer) -> str:
    """The editor's line for an entry (the inverse of :func:`parse_line`)."""
    if answer.full_marks and not _LINE_WEIGHT.match(answer.text):
        return answer.text
    return f"%{percent(answer.fraction)}% {answer.text}"


def describe_key(key: Any) -> str:
    """A key as one readable line: ``Frog / Cat (50%) / * (0%)``."""
    try:
        answers = accepted_answers(key)
    except ValueError:
        return " / ".join(str(entry) for entry in key) if isinstance(key, list | tuple) else str(key)
    return " / ".join(a.text if a.full_marks else f"{a.text} ({percent(a.fraction)}%)" for a in answers)
