"""Ordering candidates: three to five dated events of one document (or of related ones), dates removed."""

from __future__ import annotations

import itertools
import math
import re
import statistics
from dataclasses import dataclass

from ..analysis import Mention, Sentence
from ..clauses import body_tokens, hedge, main_clause
from ..dates import DateValue
from ..definites import resolve_context
from ..textutil import anaphora_problem, as_sentence, drop_parentheticals, tokens_text, word_count
from ..types import QuestionDraft
from .base import Candidate, Context, shuffled, source_of

MAX_ITEM_WORDS = 24
_DATE_PREPS = frozenset({"in", "on", "during"})
_YEARISH = re.compile(r"\b1\d{3}\b|\b20\d{2}\b|\b\d{1,2}\.\d{1,2}\.")


@dataclass
class Event:
    sent: Sentence
    date: DateValue
    text: str


def event_of(ctx: Context, sent: Sentence) -> Event | None:
    """The sentence as a dated event, if it has one clean date on its main verb and reads on its own."""
    dates = [m for m in sent.mentions if m.kind in ("date", "vague_date")]
    if len(dates) != 1 or sent.id in ctx.disputed:
        return None
    m: Mention = dates[0]
    if m.date is None:
        return None
    date = m.date
    root = sent.root
    prep = m.root.head
    if m.root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _DATE_PREPS or prep.head != root:
        return None
    if root.pos_ not in ("VERB", "AUX") or not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
        return None
    if root.lemma_.lower() in OBVIOUS_ENDS:
        return None  # a birth comes first and a death last: no ordering needed to place them
    if hedge(sent):
        return None  # "probably joined in 1430": a place in the order the source does not vouch for
    removed = {t.i for t in prep.subtree}
    toks = [t for t in body_tokens(sent) if t.i not in removed]
    if word_count(tokens_text(toks)) > MAX_ITEM_WORDS:
        clause = main_clause(sent, root)
        if clause is None:
            return None
        toks = [t for t in clause if t.i not in removed]
    if not any(t.pos_ == "PROPN" for t in toks):
        return None  # "Testing outweighed training" means nothing out of context: an event names someone
    text = ctx.stand_alone(sent, as_sentence(drop_parentheticals(tokens_text(toks))))
    if text is None:
        return None
    # "The party's campaign began": an item is read alone too, so what earlier sentences named is written in
    text, problem = resolve_context(ctx.corpus, [sent], text, date_entry=False)
    if problem is not None:
        return None
    if word_count(text) > MAX_ITEM_WORDS or word_count(text) < 5 or _YEARISH.search(text) or anaphora_problem(text):
        return None
    return Event(sent, date, text)


def ordering_candidates(ctx: Context, events: list[Event]) -> list[Candidate]:
    """Groups of events, each group spread over the time span: from one document where it has enough
    dated events, else from related documents together (each item keeps its own source)."""
    out = []
    by_doc: dict[int, list[Event]] = {}
    for e in events:
        by_doc.setdefault(e.sent.doc, []).append(e)
    groups = [evs for evs in by_doc.values() if len({e.date.year for e in evs}) >= 3]
    short = {d: evs for d, evs in by_doc.items() if len({e.date.year for e in evs}) < 3}
    for docs in _related(ctx, sorted(short)):
        rest = [e for d in docs for e in short[d]]
        if len({e.date.year for e in rest}) >= 3:
            groups.append(rest)
    for doc_events in groups:
        doc_events.sort(key=lambda e: (e.date.sort_key, e.sent.id))
        # keep one event per year, so no two items share a date
        unique: list[Event] = []
        for e in doc_events:
            if not unique or unique[-1].date.year != e.date.year:
                unique.append(e)
        unique = without_outliers(unique)
        if len(unique) < 3:
            continue
        n_groups = max(1, math.ceil(len(unique) / 4))
        for g in range(n_groups):
            group = without_outliers(unique[g::n_groups][:5])
            if len(group) < 3:
                continue
            out.append(_candidate(ctx, group))
    return out


# Verbs of the events that open and close a life (and its records): their place in any order is plain.
OBVIOUS_ENDS = frozenset({"bear", "baptise", "baptize", "die", "bury"})
OUTLIER_GAP = 3.0  # an end event this many median gaps away from the rest is plainly first or last
OUTLIER_YEARS = 25  # ... and decades away: a few years' gap is no give-away however short the others


def without_outliers(events: list[Event]) -> list[Event]:
    """The events (sorted by date) without an end one far from the rest (a modern commemoration after events
    centuries before): set apart by a gap over OUTLIER_GAP times the median of the other gaps, it is plainly
    first or last, and the ordering would test nothing (a gap of a few years is none, however short the others).
    What is left may be too few for a question."""
    out = list(events)
    while len(out) >= 3:
        gaps = [b.date.year - a.date.year for a, b in itertools.pairwise(out)]
        first = max(statistics.median(gaps[1:]) * OUTLIER_GAP, OUTLIER_YEARS) < gaps[0]
        last = max(statistics.median(gaps[:-1]) * OUTLIER_GAP, OUTLIER_YEARS) < gaps[-1]
        if last and (not first or gaps[-1] >= gaps[0]):
            out.pop()
        elif first:
            out.pop(0)
        else:
            break
    return out


# Documents that name this many of the same people, places or bodies tell of one history: their events may be
# ordered together. Events of unrelated articles (a rebellion in China, a moon landing) make a pointless puzzle.
SHARED_NAMES = 2


def _names(sent: Sentence) -> set[str]:
    """The sentence's names as runs of proper nouns ("varden mill", "hollinford"), dates left out: read from
    the tags rather than the entities, which the small model misses in many a sentence."""
    out: set[str] = set()
    run: list[str] = []
    for t in [*sent.tokens, None]:
        if t is not None and t.pos_ == "PROPN" and t.is_alpha and t.ent_type_ not in ("DATE", "TIME"):
            run.append(t.lower_)
            continue
        if run:
            out.add(" ".join(run))
            run = []
    return out


def _related(ctx: Context, docs: list[int]) -> list[list[int]]:
    """``docs`` split into groups linked by shared names (a chain of links joins a group)."""
    names: dict[int, set[str]] = {d: set() for d in docs}
    for s in ctx.corpus.sentences:
        if s.doc in names:
            names[s.doc] |= _names(s)
    group = {d: d for d in docs}

    def root(d: int) -> int:
        while group[d] != d:
            d = group[d]
        return d

    for i, a in enumerate(docs):
        for b in docs[i + 1 :]:
            if len(names[a] & names[b]) >= SHARED_NAMES:
                group[root(b)] = root(a)
    out: dict[int, list[int]] = {}
    for d in docs:
        out.setdefault(root(d), []).append(d)
    return list(out.values())


def _candidate(ctx: Context, group: list[Event]) -> Candidate:
    answer = [e.text for e in group]
    shown = shuffled(answer, "ordering", *answer)
    if shown == answer:
        shown = shown[1:] + shown[:1]
    explanation = "; ".join(f"{e.date.render()}: {e.text.rstrip('.')}" for e in group) + "."
    draft = QuestionDraft(
        type="ordering",
        prompt="Put these events in chronological order, earliest first.",
        answer=answer,
        options=shown,
        explanation=explanation,
        confidence=0.8,
        confidence_reasons=["each event dated in its own sentence", "one event per year"],
        difficulty=min(0.5 + 0.05 * len(group), 0.8),
        sources=[source_of(ctx, e.sent) for e in group],
    )
    return Candidate(draft, "", [e.sent for e in group], 0.8, "", "ordering:" + "|".join(str(e.sent.id) for e in group))
