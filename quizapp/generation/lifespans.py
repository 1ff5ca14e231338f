"""The years a document gives for a person's life, and whether a sentence said of them fits those years.

A pronoun written out as a name makes the question state a fact of that person. "Johannes Kepler (1571-1630)"
did not die in 1601, nor act in 1650: when the sentence's own years say so, the name is the wrong one, whatever
the parse suggested, and the pronoun is better left unresolved (the question is then not made).
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from .analysis import Corpus, Sentence

# "(1571-1630)", "(c. 1725 - 1770)", "(born 1546, died 1601)", "(b. 1546 - d. 1601)" right after the name
_SPAN = re.compile(
    r"\s*\((?:c\.\s*|ca\.\s*|born\s+|b\.\s*)?(\d{3,4})\s*(?:[-–—]|to|,\s*died|,\s*d\.)\s*"
    r"(?:c\.\s*|ca\.\s*|died\s+|d\.\s*)?(\d{3,4})\s*\)"
)
_SUBJ = ("nsubj", "nsubjpass")
T = TypeVar("T")


def life_years(corpus: Corpus, doc: int) -> dict[str, tuple[int, int]]:
    """Name (as written, and each of its capitalised words) -> (birth year, death year), for the people the
    document gives both years of in brackets after their name; a word two people's names share is left out."""
    return corpus.kept("life_years", doc, lambda: _life_years(corpus, doc))


def _life_years(corpus: Corpus, doc: int) -> dict[str, tuple[int, int]]:
    text = corpus.documents[doc].text
    found: dict[str, set[tuple[int, int]]] = {}
    for s in corpus.document_sentences(doc):
        for m in s.mentions:
            if m.kind != "person":
                continue
            span = _SPAN.match(text, m.end)
            if span is None:
                continue
            years = (int(span.group(1)), int(span.group(2)))
            if years[1] < years[0]:
                continue
            for key in _name_keys(m.text):
                found.setdefault(key, set()).add(years)
    return {key: next(iter(spans)) for key, spans in found.items() if len(spans) == 1}


def _name_keys(name: str) -> set[str]:
    """The keys a name is found by: the name as written and each of its capitalised words, in lower case."""
    return {name.lower(), *(w.lower() for w in name.split() if w[:1].isupper())}


def _looked_up(table: dict[str, T], name: str) -> T | None:
    """A name's entry: by the name as written, else by its last capitalised word ("Kepler" of "Johannes Kepler")."""
    found = table.get(name.lower())
    if found is None:
        words = [w.lower() for w in name.split() if w[:1].isupper()]
        found = table.get(words[-1]) if words else None
    return found


def _years_of(corpus: Corpus, doc: int, name: str) -> tuple[int, int] | None:
    return _looked_up(life_years(corpus, doc), name)


def contradicts_life(corpus: Corpus, sent: Sentence, pron: Any, name: str) -> bool:
    """Whether writing ``name`` for the pronoun ``pron`` (a subject) makes the sentence say what the document's
    years for that person rule out: dying or being born in another year than those, or doing something in
    years all outside the life."""
    if pron.dep_ not in _SUBJ:
        return False
    life = _years_of(corpus, sent.doc, name)
    if life is None:
        return False
    verb = pron.head
    years = _dating(sent, verb)
    if not years:
        return False
    if verb.lemma_.lower() == "die":
        return life[1] not in years
    if verb.lemma_.lower() == "bear" and pron.dep_ == "nsubjpass":
        return life[0] not in years
    if pron.dep_ == "nsubj":
        return all(y < life[0] or y > life[1] for y in years)
    return False


def _dating(sent: Sentence, verb: Any) -> list[int]:
    """The years of the dates that date ``verb`` ("died on 24 October 1601", "In 1650 he published"), not those
    of what it is about ("wrote a history of the war of 1066")."""
    verbs = {verb.i, verb.head.i} if verb.dep_ == "conj" else {verb.i}
    out = []
    for m in sent.mentions:
        if m.date is None or m.date.granularity == "decade":
            continue
        attach = m.root.head if m.root.dep_ == "pobj" else m.root
        if attach.dep_ in ("prep", "npadvmod") and attach.head.i in verbs:
            out.append(m.date.year)
    return out


_DEATH_NOUNS = frozenset({"death", "execution", "assassination", "murder", "killing"})


def deaths(corpus: Corpus, doc: int) -> dict[str, tuple[int, int]]:
    """Name (as written, and each of its capitalised words) -> (year of death, id of the sentence saying so), for
    the people whose death the document dates: "(1571-1630)" after the name, "X died in 1707", "X's death in
    1707"; a word two people's names share, or a name given two years, is left out."""
    return corpus.kept("deaths", doc, lambda: _deaths(corpus, doc))


def _deaths(corpus: Corpus, doc: int) -> dict[str, tuple[int, int]]:
    found: dict[str, set[int]] = {}
    first: dict[str, int] = {}
    lives = life_years(corpus, doc)
    for s in corpus.document_sentences(doc):
        for m in s.mentions:
            if m.kind != "person":
                continue
            year = lives.get(m.text.lower(), (0, 0))[1] or _death_told(s, m.root)
            if not year:
                continue
            for key in _name_keys(m.text):
                found.setdefault(key, set()).add(year)
                first.setdefault(key, s.id)
    return {key: (next(iter(ys)), first[key]) for key, ys in found.items() if len(ys) == 1}


def _death_told(sent: Sentence, root: Any) -> int | None:
    """The year the sentence dates this person's death to ("Aurangzeb's death in 1707", "he died in 1707")."""
    if root.dep_ == "nsubj" and root.head.lemma_.lower() == "die":
        years = _dating(sent, root.head)
        return years[0] if len(years) == 1 else None
    if root.dep_ == "poss" and root.head.lemma_.lower() in _DEATH_NOUNS:
        noun = root.head
        years = [
            m.date.year
            for m in sent.mentions
            if m.date is not None
            and m.date.granularity != "decade"
            and m.root.dep_ == "pobj"
            and m.root.head.head.i in (noun.i, noun.head.i)  # "followed Aurangzeb's death in 1707" too
        ]
        return years[0] if len(years) == 1 else None
    return None


def sentence_year(corpus: Corpus, sent: Sentence) -> int | None:
    """The earliest year the sentence's events are dated to: its own dates, else those of the nearest sentence
    before it in its paragraph that gives one ("In the war of succession that year" after "in 1707")."""
    for s in reversed([s for s in corpus.document_sentences(sent.doc) if s.id <= sent.id]):
        if s.para != sent.para:
            return None
        years = [m.date.year for m in s.mentions if m.date is not None and m.date.granularity != "decade"]
        if years:
            return min(years) if s is sent else max(years)
    return None


def dead_by(corpus: Corpus, sent: Sentence, year: int, name: str) -> bool:
    """Whether the document has this person dead, or not yet born, in ``year``, the time the sentence tells of
    (see sentence_year): a name swapped into a statement of events after its owner's death is false at a glance."""
    found = _looked_up(deaths(corpus, sent.doc), name)
    if found is not None and (year > found[0] or (year == found[0] and found[1] < sent.id)):
        return True
    life = _years_of(corpus, sent.doc, name)
    return life is not None and year < life[0]
