"""Dates that bound a stretch of time rather than fix a point in it: one test for every kind of question.

"Before 1492 the Americas had few horses" stays true of 1520; "in 1703 there was no city there" was as true in
1700. Such a date is no key for options or a swapped false statement, since other years make the sentence as true;
a blank takes it only where the student recalls the one year written ("since _____" names the start).
"""

from __future__ import annotations

from ..analysis import Mention

# One end left open: any later (or earlier) year makes the sentence as true, whatever the question.
ONE_SIDED = frozenset({"before", "after", "by", "until", "till"})
# An end of a stretch named on both sides or from its start ("since 1920", "from 1520 to 1566"): a blank asks for
# the year written, but an option or a swapped year may fall inside the stretch, or before its start.
STRETCH_ENDS = frozenset({"since", "from", "to", "between", "through"})
# Verbs of a state rather than an event: "in 1703 there was no city there" was as true in 1700.
STATE_VERBS = frozenset({"be", "remain", "stay", "exist", "lie", "belong", "have", "live", "own", "contain"})


def open_ended(m: Mention, *, blank: bool = False) -> bool:
    """Whether the date bounds a stretch of time or dates a state, so that other years would fit as well: for a
    blank (``blank``) only an end left open or a state, for options and swaps any end of a stretch too."""
    if m.kind != "date":
        return False
    preps = ONE_SIDED if blank else ONE_SIDED | STRETCH_ENDS
    # the word before the date too: in "since 45 BCE" the parse hangs "45" on "BCE", not on "since"
    before = m.first.nbor(-1).lower_ if m.first.i > m.sent.span.start else ""
    return (m.root.dep_ == "pobj" and m.root.head.lower_ in preps) or before in preps or dated_state(m)


def dated_state(m: Mention) -> bool:
    """Whether the date dates a state (the verb it hangs on is "be", "remain", "have" ...) rather than an event.
    Only a date on the verb itself counts: "the peace of 201 BCE was harsh" names an event by its date."""
    t = m.root.head if m.root.dep_ == "pobj" else m.root
    verb = t.head
    return t.dep_ in ("prep", "npadvmod") and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in STATE_VERBS
