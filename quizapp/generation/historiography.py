"""The study of the past, told in an article about the past (issue #15, round 13).

An article cites the scholars who found its sources or argued about them ("In 1997 the historian Harold Carter
found a letter ...", "A different approach was offered by the economist Ester Boserup in 1965"). When they did
it, and who found a document, is the history of the study, not of the subject: a blind reader rejected such
dates as trivia nobody teaches. A scholar is told by the role word the text gives beside the name, and the act
by its date coming after the story the article tells; an ancient historian or a contemporary writing in the
story's own time ("the historian Polybius saw Carthage burn in 146 BC") is part of the history. When the scholar
is the person the article is about, the work is its subject and stays.
"""

from __future__ import annotations

import statistics
from typing import Any

from .analysis import Corpus, Mention, Sentence
from .lexicon import SCHOLARS
from .worth import main_person

# Acts that find or publish a source: who did them is no more the subject's history than when they did.
_FINDING = frozenset({"find", "discover", "rediscover", "identify", "locate", "unearth", "publish", "edit"})
# Years after the middle of the story (the median of the document's dates) from which an act is told after it:
# a generation, so that a contemporary's account ("In 1919 the economist Keynes published ...") stays history.
AFTER_THE_STORY = 30


def historiography_date(corpus: Corpus, sent: Sentence, m: Mention) -> bool:
    """A date of a scholar's act after the story ("the economist X offered a new model in 1965", "in 1923 a
    historian found the letter"); kept when the scholar is the person the article is about."""
    if m.kind != "date":
        return False
    verb = _dated_verb(m)
    return verb is not None and _study_of_the_past(corpus, sent, verb)


def finder_of_a_source(corpus: Corpus, sent: Sentence, m: Mention) -> bool:
    """The scholar who found, identified or published a source ("In 1997 the historian _____ found a letter"): a
    name the history of the study keeps, not the subject's. Who argued what ("the economist X argued that ...")
    is left a key: a thesis is taught by its author's name."""
    if m.kind != "person":
        return False
    tok = m.root.head if m.root.dep_ == "appos" else m.root
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "agent" else tok.head
    if tok.dep_ not in ("nsubj", "pobj") or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _FINDING:
        return False
    return _study_of_the_past(corpus, sent, verb)


def tells_a_find(corpus: Corpus, sent: Sentence) -> bool:
    """Whether the sentence's main verb is a scholar finding or publishing a source ("In 1923 the historian X found
    her account book in Y"): no statement of it, true or false, tests the subject's history."""
    root = sent.root
    return root.pos_ in ("VERB", "AUX") and root.lemma_.lower() in _FINDING and _study_of_the_past(corpus, sent, root)


def _study_of_the_past(corpus: Corpus, sent: Sentence, verb: Any) -> bool:
    """Whether ``verb`` tells the act of a scholar (by the role word the text gives: "the historian X"), dated
    after the story, by someone other than the person the article is about."""
    actor = _actor(verb)
    if actor is None or not _is_scholar(actor) or not _after_the_story(corpus, sent):
        return False
    # "the economist X": the name may stand in apposition to the role word that heads the phrase
    heads = [actor.i] + [c.i for c in actor.children if c.dep_ == "appos"]
    people = (p for p in sent.mentions if p.kind == "person")
    named = next((p for p in people if any(p.first.i <= i <= p.last.i for i in heads)), None)
    main = main_person(corpus, sent.doc)
    return not (named is not None and main and named.norm.split()[-1:] == [main])


def _after_the_story(corpus: Corpus, sent: Sentence) -> bool:
    """Whether the sentence's latest date comes a generation after the middle of the document's dates."""
    years = [m.date.year for m in sent.mentions if m.date is not None]
    if not years:
        return False
    middle = corpus.kept("story_middle", sent.doc, lambda: _story_middle(corpus, sent.doc))
    return max(years) > middle + AFTER_THE_STORY


def _story_middle(corpus: Corpus, doc: int) -> float:
    """The median of the document's dates (a dated sentence's own date is one of them)."""
    return statistics.median(m.date.year for s in corpus.document_sentences(doc) for m in s.mentions if m.date)


def _dated_verb(m: Mention) -> Any | None:
    """The verb the date ``m`` hangs on (date -> "in" -> verb, at most two steps up), or None."""
    tok = m.root
    for _ in range(3):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _actor(verb: Any) -> Any | None:
    """Who does what ``verb`` says: its subject, or the agent of a passive ("offered by the economist X")."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            return verb.head if c.lower_ in ("who", "that") and verb.dep_ == "relcl" else c
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return verb.head if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN") else None


def _is_scholar(tok: Any) -> bool:
    """A scholar by the noun itself ("historians") or the role word given beside a name ("the economist X")."""
    words = [tok] + [c for c in tok.children if c.dep_ in ("compound", "appos", "amod", "nmod")]
    return any(w.lemma_.lower() in SCHOLARS or w.lower_ in SCHOLARS for w in words)
