"""Whether the date of an event is worth asking: the event is one of the article's own, not an incidental act.

Reader 10 rejected about a fifth of all questions as date trivia (v13): the year a bishopric was founded, a letter
of introduction written, a sermon preached, a college founded, an embassy failed, a book published, a film made,
and true/false statements false only by a swapped birth, death or alliance year. The same reader kept the dates
of headline events: the war declared, the city encircled, the opium ban, the treaty signed. What tells them
apart is read from the parse and the document's own mentions: who does the dated act (or undergoes it) is what
the article is about or one of the names it keeps giving, or the act is one that turns a story (a ban, an
abolition, a proclamation). A date that only names a thing ("Tennent's 1740 sermon", "Orange's 1987 history")
dates that thing, and is worth asking only when the thing is the article's subject.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .analysis import Corpus, Mention, Sentence
from .setting import document_subject, subject_words

# Acts that turn a story whoever does them: a date of one is a headline date.
HEADLINE_VERBS = frozenset(
    {"sign", "abolish", "ban", "proclaim", "ratify", "repeal", "outlaw", "annex", "abdicate", "surrender",
     "capitulate", "emancipate", "partition", "invade", "crown", "depose", "overthrow", "assassinate"}
)  # fmt: skip
# "declared war", "declared independence": a declaration is a headline by what it declares.
DECLARE_VERBS = frozenset({"declare", "announce"})
DECLARED = frozenset({"war", "independence", "republic", "peace", "emancipation", "neutrality", "law", "commune"})
# Works written or made about the story: the year one came out is its own, not the story's.
WORKS = frozenset(
    {"history", "account", "book", "study", "biography", "sermon", "film", "novel", "article", "essay", "letter",
     "pamphlet", "poem", "play", "painting", "edition", "translation", "survey", "report", "lecture", "speech"}
)  # fmt: skip

# A name the document gives in at least this many sentences, and this share of them, is one of its own: an actor
# named once or twice (a letter writer, a gunner, an embassy) is incidental to it.
MAIN_NAME_SENTENCES = 3
MAIN_NAME_SHARE = 0.05
# A text of a few sentences names everything a few times at most: no count tells its own names from incidental ones.
MIN_SENTENCES = 15

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_OBJECTS = ("dobj", "attr", "oprd")
_NAME_PARTS = ("compound", "flat", "flat:name")
# Nouns whose date is their making: "Tennent's 1740 sermon", "a 1936 film", "the 1987 history".
_NOUN_DATE_DEPS = ("nummod", "compound", "amod", "npadvmod", "poss", "nmod")


def clause_verb(tok: Any) -> Any:
    """The verb whose clause holds the token (the token itself for a verb; the root at the latest)."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


_NAMED_KINDS = frozenset({"person", "place", "org", "group", "event", "law", "other", "product"})


def _main_names(corpus: Corpus, doc: int) -> tuple[frozenset[str], frozenset[str]]:
    """The names the document gives in many of its sentences (built once per document): the norms of its mentions
    (a person's last name standing for every form of it), and the proper-noun words no mention holds."""

    def count() -> tuple[frozenset[str], frozenset[str]]:
        sentences = corpus.document_sentences(doc)
        names: Counter[str] = Counter()
        words: Counter[str] = Counter()
        for s in sentences:
            named = {m.norm for m in s.mentions if m.kind in _NAMED_KINDS}
            named |= {"~" + m.norm.split()[-1] for m in s.mentions if m.kind == "person" and m.norm}
            names.update(named)
            words.update({t.lower_ for t in s.tokens if t.pos_ == "PROPN"})
        need = max(MAIN_NAME_SENTENCES, MAIN_NAME_SHARE * len(sentences))
        return frozenset(n for n, k in names.items() if k >= need), frozenset(w for w, k in words.items() if k >= need)

    return corpus.kept("date_main_names", doc, count)


def _main_name(corpus: Corpus, sent: Sentence, tok: Any) -> bool:
    """Whether the proper noun ``tok`` heads a name the document keeps giving, or the name of its subject. The
    whole name counts, not its words: "Dartmouth College" is not the colleges the article names elsewhere, "a
    Tripitaka Directorate" not the Tripitaka."""
    if tok.pos_ != "PROPN":
        return False
    names, words = _main_names(corpus, sent.doc)
    if tok.lower_ in subject_words(corpus, sent.doc):
        return True
    m = next((m for m in sent.mentions if m.first.i <= tok.i <= m.last.i), None)
    if m is None:
        return tok.lower_ in words
    return m.norm in names or (m.kind == "person" and bool(m.norm) and "~" + m.norm.split()[-1] in names)


def own_thing(corpus: Corpus, sent: Sentence, tok: Any) -> bool:
    """Whether the token heads a phrase naming what the document is about: its subject ("the canal" in a history
    of the Erie Canal), a name the document keeps giving ("the Commune", "Jai Singh"), or a phrase "of" one of them
    ("the encirclement of Paris")."""
    subject = document_subject(corpus, sent.doc)
    for t in [tok, *(c for c in tok.children if c.dep_ == "conj")]:
        if subject is not None and t.lemma_.lower() == subject.head:
            return True
        # "the merchant Joseph Carrow": a common noun with the name in apposition is that name
        if any(_main_name(corpus, sent, n) for n in [t, *(c for c in t.children if c.dep_ == "appos")]):
            return True
        of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if any(own_thing(corpus, sent, g) for g in of if g.i != tok.i):
            return True
    return False


def _participants(verb: Any) -> list[Any]:
    """The heads of who does the verb's act and what it is done to (the subject of a verb it is joined to too)."""
    out = [c for c in verb.children if c.dep_ in _SUBJECTS + _OBJECTS]
    out += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if verb.dep_ == "conj" and not any(c.dep_ in _SUBJECTS for c in verb.children):
        out += [c for c in verb.head.children if c.dep_ in _SUBJECTS]
    if verb.dep_ in ("relcl", "acl") and not any(c.dep_ in _SUBJECTS for c in verb.children):
        out.append(verb.head)  # "the treaty, signed in 1840": the noun the clause is on does its act
    return out


def _dated_noun(m: Mention) -> Any | None:
    """The noun a date names a thing by ("Tennent's 1740 sermon", "the 1840 treaty"), or None for a date of the
    clause's event ("in 1740", "on 6 February")."""
    r = m.root
    if r.dep_ in _NOUN_DATE_DEPS and r.head.pos_ in ("NOUN", "PROPN") and r.head.i > m.last.i:
        return r.head
    return None


_SPAN_WORDS = frozenset({"from", "to", "between", "through", "since", "until"})


def _span_end(m: Mention) -> bool:
    """Whether the date is an end of a stretch of time ("from 1720 to 1770", "since 1920")."""
    before = m.first.nbor(-1).lower_ if m.first.i > m.sent.span.start else ""
    return (m.root.dep_ == "pobj" and m.root.head.lower_ in _SPAN_WORDS) or before in _SPAN_WORDS


def headline(verb: Any) -> bool:
    """Whether the verb is an act that turns a story whoever does it: a ban, an abolition, a war declared."""
    lemma = verb.lemma_.lower()
    if lemma in HEADLINE_VERBS:
        return True
    if lemma in DECLARE_VERBS:
        return any(c.dep_ in _OBJECTS and c.lemma_.lower() in DECLARED for c in verb.children)
    # "agreed to surrender", "voted to abolish": the act agreed on is the headline
    return any(c.dep_ == "xcomp" and c.pos_ == "VERB" and headline(c) for c in verb.children)


def life_event_date(m: Mention) -> bool:
    """Whether the date dates a birth or a death ("was born in 1688", "died on 21 September 1743", "his death in
    1743"): a year a student could only have memorised, worth asking as a choice at most, never as a swap."""
    tok = m.root
    for _ in range(3):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        lemma = tok.lemma_.lower()
        if lemma in ("bear", "die", "birth", "death"):
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def central_date(corpus: Corpus, sent: Sentence, m: Mention) -> bool:
    """Whether a date key dates one of the article's own events: a headline act, or an act whose doer or object is
    what the article is about; a date that names a thing, only where that thing is the article's own."""
    if m.kind != "date" or len(corpus.document_sentences(sent.doc)) < MIN_SENTENCES:
        return True
    if _span_end(m):
        return True  # "a movement stretching from the 1720s to the 1770s": the extent of something, not an act
    noun = _dated_noun(m)
    if noun is not None:
        # "Brun's 1931 history of the League": a work about the subject is no event of it
        return noun.lemma_.lower() not in WORKS and own_thing(corpus, sent, noun)
    verb = clause_verb(m.root)
    if verb.pos_ not in ("VERB", "AUX"):
        # a misparse with a noun at the root ("In 1841 the merchant X founded ...", "founded" read as a clause on
        # "merchant"): the noun, its names, and the doers of the clauses on it
        near = [verb, *(c for c in verb.children if c.dep_ in (*_NAME_PARTS, "appos", "nmod"))]
        near += [p for c in verb.children if c.pos_ in ("VERB", "AUX") for p in _participants(c) if p.i != verb.i]
        return any(own_thing(corpus, sent, t) for t in near)
    if headline(verb):
        return True
    return any(own_thing(corpus, sent, p) for p in _participants(verb))


def swap_worthy_date(corpus: Corpus, sent: Sentence, m: Mention) -> bool:
    """Whether a statement made false by moving this date tests more than a year: the date is central (see
    central_date) and not a birth or death. Of reader 10's nine date swaps (v13) seven were rejected; this keeps
    the war declared (kept as it was), the announcement (an edit) and an alliance joined (rejected)."""
    if m.kind != "date":
        return True
    return not life_event_date(m) and central_date(corpus, sent, m)
