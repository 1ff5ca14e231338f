"""A fill-in key's entries as the packaged formats write them: each accepted text with its fraction of the marks.

A key is a list of entries tried in order: a plain string is worth full marks; ``{"text": ..., "fraction": f}`` is
worth that part of them (the shape Moodle's partial-credit short answers bring; a bank without them holds strings
only). In a text, as in Moodle, ``*`` is a wildcard and ``\\*`` a literal asterisk. Pure: standard library only.
"""

from __future__ import annotations

import re
from typing import Any

_WILDCARD = re.compile(r"(?<!\\)\*")


def entries(answer: Any) -> list[tuple[str, float]]:
    """(text, fraction) of each entry of a fill-in key, in order."""
    found = []
    for entry in answer:
        if isinstance(entry, str):
            found.append((entry, 1.0))
        elif isinstance(entry, dict):
            found.append((str(entry.get("text", "")), float(entry.get("fraction", 1.0))))
    return found


def is_literal(text: str) -> bool:
    """Whether a text matches only itself (no Moodle wildcard)."""
    return _WILDCARD.search(text) is None


def literal(text: str) -> str:
    """The text a literal entry matches: ``\\*`` read as ``*``."""
    return text.replace("\\*", "*")


def exact_answers(answer: Any, *, full_marks_only: bool) -> list[tuple[str, float]]:
    """The entries a format without wildcards can carry: literal texts worth marks (only full marks if asked)."""
    return [
        (literal(text), fraction)
        for text, fraction in entries(answer)
        if is_literal(text) and fraction > 0 and (fraction >= 1 or not full_marks_only)
    ]


def entry(text: str, fraction: float) -> Any:
    """The stored form of one entry: a string for full marks, else a dict with its fraction."""
    return text if fraction >= 1 else {"text": text, "fraction": round(fraction, 7)}
