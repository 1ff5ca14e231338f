"""Sentences whose main words hold a place for something another sentence tells.

Prose carries its story across sentences with words that say nothing alone: "The governor saw an opportunity"
(the next sentence says which), "In 1685 she took a step that still puzzles biographers" (the step is told
after), "The result sold slowly" (the result of what the sentence before told). Read alone in a quiz, such a
sentence tests only a name or a date hung on nothing: its fill-in asks who saw "an opportunity", and a date swapped
into it cannot be judged false without knowing what the step was. Neither can be written in from the article
safely (what the step was takes a clause, not a name), so no question restates such a sentence.
"""

from __future__ import annotations

import re
from typing import Any

from .analysis import Sentence, doc_text
from .clauses import pointing_phrase_end

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


def pointing_opener(sent: Sentence) -> bool:
    """ "Nor did the law settle what freedom would mean", "Either way, the smog changed ...": a sentence opening
    with "Nor" denies it of what the sentence before denied, one opening "Either way" holds whichever way the
    sentences before told; neither asserts anything alone. (Another fronted phrase that points back, "In this
    way,", is cut from the prompt instead: see clauses.pointing_phrase_end.)"""
    if not sent.tokens:
        return False
    if sent.tokens[0].lower_ == "nor":
        return True
    # "Either way, the smog changed ...": true whichever of the ways told before, which the reader cannot see
    end = pointing_phrase_end(sent)
    return end is not None and any(t.lower_ == "either" for t in sent.tokens if t.i < end)


def bare_predicate(sent: Sentence) -> bool:
    """ "Getting to Asia was never the problem", "Silver was the answer": the main verb "be" says its subject is
    "the <noun>" with nothing that says of what: the problem, the answer of what the text around it tells."""
    root = sent.root
    if root.lemma_.lower() != "be" or _quoted(sent, root):
        return False
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "csubj")), None)
    inside = range(subj.left_edge.i, subj.right_edge.i + 1) if subj is not None else range(0)
    if any(
        t.text in (";", ":") or (t.pos_ in ("VERB", "AUX") and t.dep_ != "aux")
        for t in sent.tokens
        if t.i < root.i and t.i not in inside
    ):
        return False  # "... had few large animals; llamas were the main exception": of what, the clause before says
    attr = next((c for c in root.children if c.dep_ == "attr"), None)
    if attr is None or attr.pos_ != "NOUN" or attr.ent_type_:
        return False
    kids = list(attr.children)
    return (
        bool(kids)
        and kids[0].dep_ == "det"
        and kids[0].lower_ == "the"
        and all(k.dep_ == "amod" and k.text.islower() for k in kids[1:])
        and not any(c.dep_ in ("prep", "advcl", "ccomp", "xcomp") for c in root.children if c.i > attr.i)
    )


# Verbs that answer something told before ("The Soviet Union stepped in", "Larco disagreed"): used bare, with no
# object or complement, they say nothing of what was answered, which only another sentence tells.
_REACTIONS = frozenset(
    {"disagree", "retaliate", "respond", "reply", "object", "intervene", "relent", "comply", "agree", "refuse"}
)
_COMPLEMENTS = frozenset({"dobj", "prep", "xcomp", "ccomp", "attr", "acomp", "oprd", "dative", "agent", "pcomp"})


def bare_reaction(root: Any) -> bool:
    """ "The Soviet Union stepped in, providing loans", "Snow disagreed.": the main verb answers something told
    before, with no object or complement saying what (a date is no complement)."""
    lemma = root.lemma_.lower()
    stepped_in = lemma == "step" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "in" and not list(c.children) for c in root.children
    )
    if lemma not in _REACTIONS and not stepped_in:
        return False
    return not any(c.dep_ in _COMPLEMENTS and not _time_phrase(c) for c in root.children)


def _quoted(sent: Sentence, t: Any) -> bool:
    """Whether the token stands inside quotation marks ("chanting 'We are the people'")."""
    before = doc_text(sent.span.doc)[sent.span.start_char : t.idx]
    return sum(before.count(q) for q in '"“”') % 2 == 1 or len(re.findall(r"(?:^|\s)['‘]", before)) > len(
        re.findall(r"['’](?:\s|$|[,.;:])", before)
    )


def placeholder(sent: Sentence) -> bool:
    """Whether the sentence's main words stand for something only another sentence tells."""
    return (
        announced_act(sent)
        or anaphoric_subject(sent)
        or pointing_opener(sent)
        or bare_predicate(sent)
        or bare_reaction(sent.root)
    )
