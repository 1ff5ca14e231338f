"""A year the article never gives, for a false statement whose date no other date of the article can replace.

A false statement swaps the key's date for another date of the article a few years off, inside the window of
the events told around it (see distractors.choose). An article rarely gives two dates of one part three to ten
years apart, so most dated sentences made no false statement and the true ones stood alone (issue #15: 14% False
on v10). A date a few years off that the article states nowhere is the same kind of slip, from the same time
window, and one the corpus never states for that slot: "The canal opened in 1831" for 1825. Readers kept such
date swaps as they are far more often than name swaps (87 of 135 date swaps as-is, 21 of 54 name swaps).
"""

from __future__ import annotations

from dataclasses import replace

from ..analysis import Mention
from ..distractors import MAX_SWAP_YEARS, MIN_SWAP_YEARS, stable_hash
from .base import Context


def _stated_years(ctx: Context) -> frozenset[int]:
    """Every year the documents give (built once)."""
    cache = ctx.corpus.cache
    if "stated_years" not in cache:
        cache["stated_years"] = frozenset(
            m.date.year for s in ctx.corpus.sentences for m in s.mentions if m.date is not None
        )
    out: frozenset[int] = cache["stated_years"]
    return out


NEAR_YEARS = 200  # a bare number this close to the key's year may be another year of the same events


def _other_year(m: Mention) -> bool:
    """Whether the sentence holds, outside the key, a bare number that may be a year near the key's: the other end
    of a span ("from 141 to 87 BCE") or a name with a year ("the Electoral Act 1893"). Moving the key alone would
    break the span ("more than half a century, from 141 to 93 BCE") or contradict the name at a glance."""
    assert m.date is not None
    for t in m.sent.tokens:
        if m.first.i <= t.i <= m.last.i or not t.text.isdigit() or not 2 <= len(t.text) <= 4:
            continue
        if abs(int(t.text) - abs(m.date.year)) <= NEAR_YEARS:
            return True
    return False


def unstated_year(ctx: Context, m: Mention) -> str | None:
    """The key's date moved MIN_SWAP_YEARS to MAX_SWAP_YEARS years, to a year inside the window of the events
    told around it that no document gives, written as the key is; None where no such year exists (no
    window, a date not written in its plain form, another year beside it, a year that would cross the start of the
    era)."""
    date = m.date
    if date is None or date.granularity == "decade" or date.render() != m.text.strip():
        return None  # a decade, or a date with words around it
    if _other_year(m):
        return None
    window = ctx.distractors.window_of(m.sent)
    if window is None:
        return None
    stated = _stated_years(ctx)
    years = [
        y
        for gap in range(MIN_SWAP_YEARS, MAX_SWAP_YEARS + 1)
        for y in (date.year - gap, date.year + gap)
        if window[0] <= y <= window[1] and y not in stated and (y > 0) == (date.year > 0)
    ]
    if not years:
        return None
    year = min(years, key=lambda y: stable_hash(m.sent.id, m.norm, y))
    return replace(date, year=year).render()
