"""The slot a key fills in its sentence, and whether another sentence gives a value for that same slot.

A false statement swaps one fact for another value of the same document. The swap is only false if the article
never gives that value for the slot: "Harold is crowned king in Westminster Abbey" is no false statement when
another sentence says Harold Godwinson was crowned there, nor "Gutenberg was living in Mainz by 1434" when
another sentence puts Gutenberg in Mainz.
"""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import Mention, Sentence
from .textutil import content_tokens

# A verb this general says nothing about which slot is filled ("was", "had", "did").
_LIGHT = frozenset({"be", "have", "do", "make", "take", "give", "get", "go", "come"})


@dataclass(frozen=True)
class Slot:
    """What a key is said of: the lemma of the word that governs it, and the names of that word's subject."""

    lemma: str
    subjects: frozenset[str]  # content words of the subject's names (the key's own excluded)


def slot_of(key: Mention) -> Slot:
    """The slot of ``key``: "died in 1035" -> die; "Edward quarrels with Godwin" (key Godwin) -> quarrel, {edward}."""
    head = key.root.head
    while head.pos_ == "ADP" and head.head is not head:
        head = head.head  # "died in X": through the preposition to the verb
    lemma = head.lemma_.lower() if head is not key.root and head.pos_ in ("VERB", "NOUN", "AUX") else ""
    if lemma in _LIGHT:
        # "X was a Legalist", "X had the power": what is said is the complement, not the verb
        complement = [c for c in head.children if c.dep_ in ("attr", "acomp", "dobj") and c.i not in _span(key)]
        lemma = complement[0].lemma_.lower() if complement else ""
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    subjects: set[str] = set()
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass") or key.first.i <= child.i <= key.last.i:
            continue
        for m in key.sent.mentions:
            if m is not key and m.first.i <= child.i <= m.last.i and m.kind in ("person", "org", "place"):
                subjects |= content_tokens(m.text)
    return Slot(lemma, frozenset(subjects))


def _span(m: Mention) -> range:
    return range(m.first.i, m.last.i + 1)


def gives_for_slot(sent: Sentence, value_tokens: set[str], slot: Slot) -> bool:
    """Whether ``sent``, which names the value, gives it for the slot: beside the same governing word, or beside
    the subject's name."""
    lemmas, names = _words(sent)
    if slot.lemma and slot.lemma in lemmas:
        return True
    return bool(slot.subjects and (names - value_tokens) & slot.subjects)


def _words(sent: Sentence) -> tuple[frozenset[str], frozenset[str]]:
    """The sentence's lemmas and the content words of its names, computed once per sentence: a name common in a
    long document is checked against many of its sentences."""
    hit = sent.cache.get("slot_words")
    if hit is None:
        names: set[str] = set()
        for m in sent.mentions:
            if m.kind in ("person", "org", "place"):
                names |= content_tokens(m.text)
        hit = sent.cache["slot_words"] = (frozenset(t.lemma_.lower() for t in sent.tokens), frozenset(names))
    out: tuple[frozenset[str], frozenset[str]] = hit
    return out
