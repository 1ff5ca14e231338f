"""Sentences whose main words hold a place for something another sentence tells.

Prose carries its story across sentences with words that say nothing alone: "The governor saw an opportunity"
(the next sentence says which), "In 1685 she took a step that still puzzles biographers" (the step is told
after), "The result sold slowly" (the result of what the sentence before told). Read alone in a quiz, such a
sentence tests only a name or a date hung on nothing: its fill-in asks who saw "an opportunity", and a date swapped
into it cannot be judged false without knowing what the step was. Neither can be written in from the article
safely (what the step was takes a clause, not a name), so no question restates such a sentence.
"""

from __future__ import annotations

from typing import Any

from .analysis import Sentence

# A verb and an object that only announce an act or a chance the text goes on to tell ("took a step", "saw an
# opportunity", "made a decision"): the pair says what happened only with what the object is for.
_LIGHT_VERBS = frozenset({"take", "see", "make", "face", "seize"})
_ANNOUNCING_OBJECTS = frozenset({"step", "opportunity", "decision", "move", "choice", "chance", "gamble"})
# Subjects that stand for what an earlier sentence told: "The result sold slowly", "The outcome was a compromise".
ANAPHORIC_SUBJECTS = frozenset({"result", "outcome", "consequence", "upshot", "aftermath"})
_SUBJ = ("nsubj", "nsubjpass")


def _says_what(t: Any) -> bool:
    """Whether a child of the object or verb says what the act or chance was ("a step towards independence", "an
    opportunity to expand", "saw an opportunity and seized the land"); a relative clause that only judges it ("a
    step that still puzzles biographers") does not."""
    return t.dep_ in ("prep", "acl", "xcomp", "ccomp", "advcl", "conj", "appos", "oprd")


def _time_phrase(t: Any) -> bool:
    """ "in 1685", "during the war": a phrase that dates the act, not one that says what it was."""
    if t.dep_ != "prep":
        return False
    if t.lower_ in ("during", "after", "before", "until", "since"):
        return True
    # ("In 1685 Merian took ...": the parser may hang the year on the name and leave "In" with no object)
    objs = [c for c in t.children if c.dep_ == "pobj"]
    return all(o.ent_type_ in ("DATE", "TIME") or o.like_num for o in objs)


def announced_act(sent: Sentence) -> bool:
    """ "In 1685 Merian took a step that puzzles biographers": the main verb and its object announce an act or a
    chance the sentence does not say."""
    root = sent.root
    if root.lemma_.lower() not in _LIGHT_VERBS:
        return False
    obj = next((c for c in root.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in _ANNOUNCING_OBJECTS:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in obj.children):
        return False  # "took the step of ...", "made the decision": named or told in the sentence
    if any(_says_what(c) for c in obj.children):
        return False
    return not any(_says_what(c) and not _time_phrase(c) for c in root.children)


def anaphoric_subject(sent: Sentence) -> bool:
    """ "The result sold slowly": the main verb's subject is "the result" (of something an earlier sentence told),
    with nothing in the sentence that says of what."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in _SUBJ), None)
    if subj is None or subj.lemma_.lower() not in ANAPHORIC_SUBJECTS:
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
        return False
    # ("The result sold slowly, but ...": the parser may take the main verb for a clause of the noun; a past tense
    # there is no "the result obtained by ..." that says of what)
    return not any(
        c.dep_ in ("prep", "relcl", "appos", "poss", "compound") or (c.dep_ == "acl" and c.tag_ != "VBD")
        for c in subj.children
    )


# Determiners that point at alternatives or a case an earlier sentence told: "Either way,", "In that case,"
_POINTING_DETS = frozenset({"either", "this", "that", "these", "those", "such"})
# ... except a time ("In that year,"), which the dating of questions handles, and a stated cause ("For this reason,")
_NOT_POINTING = frozenset({"year", "month", "day", "week", "time", "period", "decade", "century", "era", "reason"})
OPENER_TOKENS = 4  # the longest fronted phrase read as an opener ("In that very case,")


def pointing_opener(sent: Sentence) -> bool:
    """ "Either way, the smog changed ...", "In that case, the council ...": the sentence opens, before a comma,
    with a short phrase whose noun points back with "either", "this", "that": which way, which case, only the
    sentences before tell, and the sentence asserts nothing alone."""
    toks = sent.tokens[: OPENER_TOKENS + 1]
    comma = next((i for i, t in enumerate(toks) if t.text == ","), None)
    if comma is None or comma == 0:
        return False
    for t in toks[:comma]:
        if t.pos_ != "NOUN" or t.lemma_.lower() in _NOT_POINTING:
            continue
        if any(c.dep_ == "det" and c.lower_ in _POINTING_DETS for c in t.children):
            return True
    return False


def placeholder(sent: Sentence) -> bool:
    """Whether the sentence's main words stand for something only another sentence tells."""
    return announced_act(sent) or anaphoric_subject(sent) or pointing_opener(sent)
