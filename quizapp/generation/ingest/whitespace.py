"""Whitespace clean-up shared by every reader: the only change made to an article's wording."""

from __future__ import annotations

import re

# Invisible characters that only steer rendering (zero-width space, joiners, word joiner,
# byte-order mark, soft hyphen); they would split words when searching the text.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Control characters other than tab/newline/carriage return carry no text; a stray one from a
# copy-paste would otherwise end up inside a quoted sentence.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_LINE_BREAKS = re.compile("[\r\x0b\x0c\x85\u2028\u2029]")
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_LIGATURE = re.compile("|".join(_LIGATURES))


def clean_line(text: str) -> str:
    """Return ``text`` on one line: invisible and control characters gone, any run of whitespace one space."""
    text = _CONTROL.sub("", text.translate(_INVISIBLE))
    return " ".join(text.split())


def strip_controls(text: str) -> str:
    """Drop invisible and control characters but keep line breaks, for readers that still need lines."""
    text = text.replace("\r\n", "\n")
    text = _LINE_BREAKS.sub("\n", text)
    return _CONTROL.sub("", text.translate(_INVISIBLE))


def undo_ligatures(text: str) -> str:
    """Spell out the typographic ligatures PDFs use (``ﬁ`` is how a PDF writes ``fi``)."""
    return _LIGATURE.sub(lambda m: _LIGATURES[m.group(0)], text)
