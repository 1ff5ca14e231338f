"""A blank that is only a piece of a date: the day of a month ("1858 (___ Aug)", "on ___ August") or the era
marker ("150 and 100 ___" for BC). Neither is a fact a student learns from the article: the day alone is trivia
beside its month, and the era is read off the numbers around it."""

from __future__ import annotations

import re

from .candidates.base import Candidate
from .normalise import MONTHS

_MONTH = "|".join([*MONTHS, *(m[:3] for m in MONTHS), "Sept"])
_ERA = re.compile(r"^(?:BC|BCE|AD|CE|B\.C\.(?:E\.)?|A\.D\.|C\.E\.)$")
_DAY = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?$")


def date_part_key(c: Candidate) -> str | None:
    """Why the key of a choice or fill-in question is only part of a date, or None."""
    d = c.draft
    if d.type == "multiple_choice":
        key = str(d.answer)
    elif d.type == "fill_in" and d.answer:
        key = str(d.answer[0])
    else:
        return None
    key = key.strip()
    if _ERA.match(key):
        return "the blank is only an era marker"
    if not _DAY.match(key):
        return None
    beside = re.compile(
        rf"(?<![\w.,]){re.escape(key)}\.?\s(?:of\s)?(?:{_MONTH})\b|\b(?:{_MONTH})\.?\s{re.escape(key)}(?![\w,.]\d)(?!\d)"
    )
    if any(beside.search(src.quote) for src in d.sources):
        return "the blank is only the day of a month"
    return None
