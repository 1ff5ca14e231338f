"""A year the article never gives, for a false statement whose date no other date of the article can replace.

A false statement swaps the key's date for another date of the article a few years off, inside the window of
the events told around it (see distractors.choose). An article rarely gives two dates of one part three to ten
years apart, so most dated sentences made no false statement and the true ones stood alone (issue #15: 14% False
on v10). A date a few years off that the article states nowhere is the same kind of slip, from the same time
window, and one the corpus never states for that slot: "The canal opened in 1831" for 1825. Readers kept such
date swaps as they are far more often than name swaps (87 of 135 date swaps as-is, 21 of 54 name swaps).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any

from ..analysis import Mention, Sentence
from ..distractors import MAX_SWAP_YEARS, MIN_SWAP_YEARS, stable_hash
from ..worth import dates_a_life_event
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
    era, a birth, death or marriage: false only by a year of someone's life, which readers rejected every time on
    the sentences still asked, 5 of 5, and 9 of 11 on all they judged)."""
    if dates_a_life_event(m):
        return None
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


CORE_TIMES = 3  # a name the article gives in this many sentences is one of its subjects
_SUBJECTS = ("nsubj", "nsubjpass")
_NAMES = ("compound", "appos", "flat", "nmod")


def _clause_verb(tok: Any) -> Any:
    """The verb whose clause holds the token (the token itself for a verb; the root at the latest)."""
    seen = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and seen < 8:
        tok = tok.head
        seen += 1
    return tok


def _subject(verb: Any) -> Any | None:
    """The verb's subject, or that of the verb it is joined to ("X rebelled in 1404 and took ...")."""
    for v in (verb, verb.head if verb.dep_ == "conj" else None):
        if v is None:
            continue
        subj = next((c for c in v.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            return subj
    return None


def _title_words(ctx: Context, sent: Sentence) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[^\W\d_]{4,}", ctx.title(sent).lower()))


def _named_in_sentences(ctx: Context, sent: Sentence) -> Counter[str]:
    """Per document: in how many of its sentences each proper-noun word stands (built once per document)."""

    def count() -> Counter[str]:
        counts: Counter[str] = Counter()
        for s in ctx.corpus.document_sentences(sent.doc):
            counts.update({t.lower_ for t in s.tokens if t.pos_ == "PROPN"})
        return counts

    return ctx.corpus.kept("named_in_sentences", sent.doc, count)


def core_event(ctx: Context, m: Mention) -> bool:
    """Whether the date is what the sentence is about: the event of its clause is done by (or befalls) one of
    the article's subjects - a subject whose words stand in the document's title ("The canal opened in 1825" in
    "The Erie Canal"), or a name the article gives in CORE_TIMES sentences or more. A date moved on a side
    detail (a later honour, an edition, an archaeologist's find, who coined a phrase) makes a statement false
    only by a year nobody would learn (reader 8 rejected 9 of 14 such on v11; on all verdicts, 2 of the 42 this
    lets through were rejected, 16 of the 58 it stops); such a date is asked, if at all, as a choice among the
    article's dates."""
    verb = _clause_verb(m.root)
    subj = _subject(verb)
    if subj is not None:
        near = list(subj.subtree)
    elif verb.pos_ in ("NOUN", "PROPN"):
        # a misparse with a noun at the root ("In 1841 the merchant X founded ...", "founded" read as a clause on
        # "merchant"): the noun, its names, and the subjects of the clauses on it
        near = [verb, *(t for c in verb.children if c.dep_ in _NAMES for t in c.subtree)]
        for c in verb.children:
            clause_subj = _subject(c) if c.pos_ in ("VERB", "AUX") else None
            near += list(clause_subj.subtree) if clause_subj is not None else []
    else:
        return False
    words = [t for t in near if t.pos_ in ("PROPN", "NOUN") and not (m.first.i <= t.i <= m.last.i)]
    title = _title_words(ctx, m.sent)
    if any(t.lower_ in title or t.lemma_.lower() in title for t in words):
        return True
    named = _named_in_sentences(ctx, m.sent)
    return any(t.pos_ == "PROPN" and named[t.lower_] >= CORE_TIMES for t in words)
