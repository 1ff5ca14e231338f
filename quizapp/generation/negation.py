"""A key under a negation (issue #15, wrong keys): "It was in the colonies, not in Britain, that the change came
first" denies Britain the fact, so a question keyed on it asks for the one value the sentence rules out, and any
other option would do as well. Read off the parse of the key's own phrase, never an article's words."""

from __future__ import annotations

from .analysis import Mention

_NOT = frozenset({"not", "never"})  # "not until 1902" asserts 1902: no denial
# "rather than X", "instead of X": the preposition and the word before it that turn it against its object
_AGAINST = frozenset({("rather", "than"), ("instead", "of")})
# The roles of a negated verb whose filler any other value fills as well: "The 1938 heads were not the first",
# "the section beyond Ma'an was never restored" (a date or place that only frames the denial is left: "for a time
# in 1922 the laboratory could not make extract" dates the state, and readers took it)
_DENIED_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def negated_key(m: Mention) -> bool:
    """Whether the key is what its phrase denies ("not in X", "never X", "not X but Y", "rather than X", "instead
    of X"), or lies in the subject or object of a denied verb."""
    doc = m.root.doc
    r = m.root
    if r.dep_ == "pobj" and r.head.i > 0:
        prep = r.head
        before = doc[prep.i - 1]
        if (before.lower_ in _NOT and prep.lower_ != "until") or (before.lower_, prep.lower_) in _AGAINST:
            return True
    i = m.first.i - 1
    while i >= 0 and doc[i].dep_ == "det":
        i -= 1
    return (i >= 0 and doc[i].lower_ in _NOT) or _in_denied_role(m)


def _in_denied_role(m: Mention) -> bool:
    """Whether the key lies in the subject or object of a verb with "not" or "never"."""
    t = m.root
    while t.head.i != t.i:
        if t.dep_ in _DENIED_ROLES:
            verb = t.head
            return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in verb.children)
        t = t.head
    return False
