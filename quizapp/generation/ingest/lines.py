"""Helpers for formats that arrive as lines (plain text, PDF): list markers and joining wrapped lines."""

from __future__ import annotations

import re

# A bullet glyph is layout, not wording: it is dropped and the line becomes a list item.
_BULLET = re.compile(r"^\s*[•◦▪▫‣∙●○■□➢➤►▶·*+\-–—]\s+")
# A number or letter is kept (it may carry the order of steps) but also starts a list item.
_NUMBERED = re.compile(r"^\s*(?:\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-z][.)])\s+\S")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_HYPHENATED = re.compile(r"[^\W\d_]-$")


def bullet_text(line: str) -> str | None:
    """The line without its bullet glyph when it starts with one, else None."""
    match = _BULLET.match(line)
    return line[match.end() :] if match else None


def is_numbered(line: str) -> bool:
    """True when the line starts with a list number or letter such as ``1.``, ``2)`` or ``a)``."""
    return bool(_NUMBERED.match(line))


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends the way a sentence does (full stop, question or exclamation mark)."""
    return bool(_SENTENCE_END.search(text.rstrip()))


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph, mending words hyphenated across a line break."""
    joined = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not joined:
            joined = line
        elif _HYPHENATED.search(joined) and line[0].islower():
            joined = joined[:-1] + line
        else:
            joined = f"{joined} {line}"
    return joined


def in_capitals(line: str) -> bool:
    """True when every letter of ``line`` is a capital (and it has at least four)."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def case_breaks(previous: str, line: str) -> bool:
    """A line in capitals followed by one that is not: a title over its subtitle, never wrapped prose."""
    return in_capitals(previous) and not in_capitals(line)
