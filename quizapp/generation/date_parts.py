"""Parts of a date that ask nothing alone: the era marker of a year, the day of a month.

A blank on the day alone ("1858 (___ Aug)", "on ___ August") is trivia beside its month, and the era ("150 and
100 ___" for BC) is read off the numbers around it: a student who knows the event learns nothing from either.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .analysis import Mention
from .dates import ERA_WORDS, MONTH_INDEX, MONTH_PATTERN

if TYPE_CHECKING:  # distractors imports this module, and candidates import distractors
    from .candidates.base import Candidate


def bare_date_part(m: Mention) -> bool:
    """ "BC" read alone as a name, or "16" of "(16 Aug)" read as a count: a student who knows the event still
    cannot know which day of the month the article gives, and the era marker tests no knowledge at all."""
    if m.text.lower() in ERA_WORDS:
        return True
    if not m.text.isdigit() or not 1 <= int(m.text) <= 31:
        return False
    span = m.sent.span
    around = [m.first.nbor(-1)] if m.first.i > span.start else []
    around += [m.last.nbor(1)] if m.last.i + 1 < span.end else []
    return any(t.text[:1].isupper() and t.lower_.rstrip(".") in MONTH_INDEX for t in around)


_MONTH = MONTH_PATTERN
_DAY = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?$")


def date_part_key(c: Candidate) -> str | None:
    """Why the key of a choice or fill-in question is only part of a date, or None: the guard over a finished
    draft, whatever way its key was found."""
    d = c.draft
    if d.type == "multiple_choice":
        key = str(d.answer)
    elif d.type == "fill_in" and d.answer:
        key = str(d.answer[0])
    else:
        return None
    key = key.strip()
    if key.isupper() and key.lower() in ERA_WORDS:  # "AD", "B.C.", not the word "ad"
        return "the blank is only an era marker"
    if not _DAY.match(key):
        return None
    beside = re.compile(
        rf"(?<![\w.,]){re.escape(key)}\.?\s(?:of\s)?(?:{_MONTH})\b|\b(?:{_MONTH})\.?\s{re.escape(key)}(?![\w,.]\d)(?!\d)"
    )
    if any(beside.search(src.quote) for src in d.sources):
        return "the blank is only the day of a month"
    return None
