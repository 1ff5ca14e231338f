"""Parts of a date that ask nothing alone: the era marker of a year, the day of a month."""

from __future__ import annotations

from .analysis import Mention
from .dates import ERA_WORDS, MONTH_INDEX


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
