"""Which dates a false statement may move: only where the date is what the sentence is about (core_event).

A false statement swaps the key's date for another date of the article a few years off, inside the window of
the events told around it (see distractors.choose). Where no date of the article fits, no false statement is made:
a year the article never gives ("The state of Qin conquered Shu in 313 BCE" for 316) makes a statement false only
by a number nobody could learn from the text. An earlier round let such made-up years in (14% False on v10);
over all judged verdicts (v1 to v16, every reader), a false statement whose year the article states nowhere
was kept as it was 6 times against 29 rejects and 2 wrong keys, where a swap to another year of the article was
kept 104 times against 32 (issue #15, round 18: the trap on a made-up year is the readers' "hair-splitting date
swap on a background fact").
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..analysis import Mention, Sentence
from .base import Context

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
