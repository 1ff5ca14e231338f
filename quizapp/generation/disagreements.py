"""Find facts the documents state differently: where a facility was, when a treaty was made."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .analysis import Corpus, Sentence
from .candidates.base import Context, source_of
from .candidates.matching import SETUP_VERBS
from .distractors import usable_key
from .textutil import contains_phrase
from .types import Disagreement

_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside"})


def _facility_claims(sent: Sentence) -> list[tuple[str, frozenset[str], str, str]]:
    """(head lemma, modifier lemmas, place norm, place text) for 'a flying school ... at X' statements:
    a noun with a locative phrase of its own, or the subject or object of a setting-up verb with one."""
    root = sent.span.root
    out = []
    things = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ == "NOUN"]
    for m in sent.mentions:
        if m.kind != "place" or not usable_key(m) or m.root.dep_ != "pobj" or m.root.head.lower_ not in _LOCATIVE:
            continue
        attach: Any = m.root.head.head
        thing = attach if attach.pos_ == "NOUN" else None
        if thing is None and attach == root and root.lemma_.lower() in SETUP_VERBS and things:
            thing = things[0]
        if thing is None:
            continue
        mods = frozenset(
            t.lemma_.lower() for t in thing.lefts for t in t.subtree if t.dep_ in ("amod", "compound") and t.is_alpha
        )
        if mods:  # a bare "the factory" may be any factory: only described things are compared
            out.append((thing.lemma_.lower(), mods, m.norm, m.text))
    return out


def _dated_claims(sent: Sentence) -> list[tuple[str, int, str]]:
    named = [m for m in sent.mentions if m.kind in ("law", "event") and usable_key(m)]
    dates = [m for m in sent.mentions if m.kind == "date" and m.date is not None and usable_key(m)]
    if len(named) == 1 and len(dates) == 1:
        return [(named[0].norm, dates[0].date.year, named[0].text)]
    return []


def find_disagreements(corpus: Corpus, ctx: Context) -> list[Disagreement]:
    """Disagreements between documents; marks the sentences involved in ``ctx``."""
    if len(corpus.documents) < 2:
        return []
    facilities: dict[str, list[tuple[Sentence, frozenset[str], str, str]]] = defaultdict(list)
    dated: dict[str, list[tuple[Sentence, int, str]]] = defaultdict(list)
    for s in corpus.sentences:
        if s.heading:
            continue
        for head, mods, place, text in _facility_claims(s):
            facilities[head].append((s, mods, place, text))
        for norm, year, text in _dated_claims(s):
            dated[norm].append((s, year, text))
    out: list[Disagreement] = []
    seen: set[tuple[int, int]] = set()
    for head, claims in sorted(facilities.items()):
        for i, (a, mods_a, place_a, text_a) in enumerate(claims):
            for b, mods_b, place_b, text_b in claims[i + 1 :]:
                if a.doc == b.doc or place_a == place_b or (a.id, b.id) in seen:
                    continue
                if not (mods_a & mods_b):
                    continue
                if contains_phrase(a.text, text_b) or contains_phrase(b.text, text_a):
                    continue
                thing = " ".join([*sorted(mods_a & mods_b), head])
                topic = f"where the {thing} was"
                note = f"{_title(corpus, a)}: {text_a}; {_title(corpus, b)}: {text_b}"
                out.append(_mark(ctx, corpus, topic, note, [(a, place_b), (b, place_a)]))
                seen.add((a.id, b.id))
    for _norm, claims in sorted(dated.items()):
        for i, (a, year_a, text_a) in enumerate(claims):
            for b, year_b, _text_b in claims[i + 1 :]:
                if a.doc == b.doc or year_a == year_b or (a.id, b.id) in seen:
                    continue
                note = f"{_title(corpus, a)}: {year_a}; {_title(corpus, b)}: {year_b}"
                out.append(_mark(ctx, corpus, f"when {text_a} happened", note, [(a, str(year_b)), (b, str(year_a))]))
                seen.add((a.id, b.id))
    return out


def _title(corpus: Corpus, s: Sentence) -> str:
    doc = corpus.documents[s.doc]
    return doc.title or doc.name


def _mark(ctx: Context, corpus: Corpus, topic: str, note: str, claims: list[tuple[Sentence, str]]) -> Disagreement:
    for s, rival in claims:
        ctx.disputed.setdefault(s.id, topic)
        ctx.rival_values[s.id] = ctx.rival_values.get(s.id, frozenset()) | {rival}
    return Disagreement(topic=topic, claims=[source_of(ctx, s) for s, _ in claims], note=note)
