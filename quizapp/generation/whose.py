"""Nouns that say "of what" only through the article's subject: "the side wings", "Fragments", "the members".

A relational noun needs a complement: a wing is some thing's wing, a member some body's member. An article leaves
the complement out where it is the article's subject ("the side wings were bought in 1821" in an article on the
Ghent Altarpiece); a question read alone then does not say whose. Where the article has a clear subject (see
setting.document_subject) and the prompt does not name it, "of <subject>" is written in after such a noun.

Which nouns is a small table of the field rather than a guess: a noun whose right preposition is not always "of"
("demand for", "a campaign on", "donations to / for") is left out, as is one whose complement is seldom the
article's subject ("the discoverer" of the gold, not of the gold rush). Each group says what kind of subject it
fits: the parts of a work are no parts of a person, an event or a country. A noun the article itself writes as
another thing's ("the panels of the windows") is left as it is, as is one the sentence gives a whole for ("a
cathedral with a crypt", "the tower carried the spire").
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .analysis import Corpus, Sentence, norm_key
from .clauses import body_tokens
from .lexicon import EVENT_WORDS
from .setting import Subject, document_subject
from .textutil import contains_phrase

# The parts, pieces and contents of a made thing: a building, a work of art, a collection, a machine.
_PARTS = frozenset(
    {
        "wing", "panel", "chamber", "dome", "facade", "façade", "nave", "apse", "transept", "crypt", "minaret",
        "spire", "portal", "courtyard", "interior", "exterior", "roof", "fragment", "remains", "contents",
        "section", "tower", "gate", "wall",
    }
)  # fmt: skip
# What a written work comes out in: "the first edition", "the English translation" ("the text" may be the article's
# own, "the version" one of a building's)
_ISSUES = frozenset({"edition", "translation"})
# What is left of a work or a place: "the ruins" of a city as of a temple.
_LEFT = frozenset({"ruin", "ruins"})
# What a body, a cult or an institution has: members, a founder, a founding.
_BODY = frozenset({"member", "membership", "founder", "founding", "leadership"})
# What anything but a person has: how it began, the story told of it.
_ANY = frozenset({"origin", "story"})
_ALL = _PARTS | _BODY | _ANY | _ISSUES | _LEFT
# Heads of subjects that are events: a story or origins they have, but no parts or members.
_EVENT_HEADS = frozenset(w.lower() for w in EVENT_WORDS) | frozenset(
    {
        "rush", "boom", "scheme", "march", "strike", "walk-off", "revolt", "famine", "flood", "trial", "exchange",
        "conquest", "partition", "discovery", "fall", "restoration", "reformation", "renaissance", "debate",
        "trials", "earthquake", "eruption", "fire", "smog", "plague", "epidemic", "crusade", "voyage", "expedition",
        "death", "pandemic", "outbreak",
    }
)  # fmt: skip
# A place as a country or a town is: "the chamber of Agra" says nothing; its story it may have.
_WIDE_PLACES = frozenset({"country", "region", "state", "city", "town", "continent", "province", "island"})
# Roles in which the noun stands alone as a thing the sentence speaks of.
# Not a conjunct: "doors, windows, columns and roofs" would get the subject on the last noun only.
_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})
# "the wings", or a bare plural ("Fragments"): a thing the article has in mind. "A new spire" is one more, told
# as new; "its", "these", "some" point elsewhere.
_OPEN_DETS = frozenset({"the"})
# Verbs whose subject holds their object: in "the north tower carried a spire" the spire is the tower's
_HAVING = frozenset({"have", "carry", "hold", "contain", "include", "feature", "possess", "bear", "keep", "house"})


def _subject_kind(corpus: Corpus, doc: int, subject: Subject) -> str:
    """ "person", "event", "place" (a country or town), "work" (built by hand) or "thing" (anything else)."""
    if subject.built:
        return "work"
    if subject.head in _EVENT_HEADS:
        return "event"
    norm = norm_key(subject.text)
    kinds = Counter(f"{m.kind}:{m.sub}" for s in corpus.document_sentences(doc) for m in s.mentions if m.norm == norm)
    top = kinds.most_common(1)[0][0] if kinds else ""
    if top.startswith("person") and not subject.text.startswith("the "):  # "the Taj Mahal" is no person's name
        return "person"
    if top.startswith("place:") and top.split(":", 1)[1] in _WIDE_PLACES:
        return "place"
    return "thing"


def _fits(lemma: str, kind: str) -> bool:
    """Whether a relational noun may be of a subject of this kind."""
    if kind == "person":
        return False
    if lemma in _ANY:
        return True
    if lemma in _PARTS or lemma in _ISSUES:
        return kind in ("work", "thing")
    if lemma in _LEFT:
        return kind in ("work", "thing", "place")
    return lemma in _BODY and kind == "thing"


def _owned_elsewhere(corpus: Corpus, doc: int, subject: Subject) -> set[str]:
    """The relational nouns the document writes, somewhere, as of another thing than its subject ("the panels of
    the windows", "the guild's members"): a bare one may then be of either, and is left as it is."""
    return corpus.kept("owned_elsewhere", doc, lambda: _owned_other(corpus, doc, subject))


def _owned_other(corpus: Corpus, doc: int, subject: Subject) -> set[str]:
    bare = re.sub(r"^the\s+", "", subject.text, flags=re.I)
    out: set[str] = set()
    for s in corpus.document_sentences(doc):
        for t in s.tokens:
            lemma = t.lemma_.lower() if t.lemma_.lower() in _ALL else t.lower_
            if lemma not in _ALL:
                continue
            for k in t.children:
                owner = k if k.dep_ == "poss" else None
                if k.dep_ == "prep" and k.lower_ == "of" and k.i == t.i + 1:
                    owner = next((o for o in k.children if o.dep_ == "pobj"), None)
                if owner is None or owner.lower_ in ("its", "their"):
                    continue  # "its wings": whose, the sentence before says; often the subject's
                text = " ".join(w.text for w in owner.subtree)
                if not contains_phrase(text, bare) and not contains_phrase(text, subject.head):
                    out.add(lemma)
    return out


def _phrase(t: Any) -> Any | None:
    """The noun's phrase ("the side wings", "Fragments") when nothing in it says of what, else None."""
    kids = list(t.children)
    if any(k.dep_ == "poss" or (k.i > t.i and k.dep_ in ("prep", "nmod")) for k in kids):
        return None  # "the wings of the altarpiece", "its wings", "the chamber in the garden"
    after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if t.lemma_.lower() in _ANY and (
        any(k.i > t.i and not k.is_punct for k in kids) or (after and after.lower_ == "that")
    ):
        return None  # "the story that Ptolemy borrowed the texts": the clause says which story
    if t.dep_ == "pobj" and t.head.head.pos_ in ("NOUN", "PROPN"):
        return None  # "a cathedral with a crypt", "the vault of the nave": the sentence gives the whole
    if t.dep_ in ("dobj", "attr") and t.head.lemma_.lower() in _HAVING:
        return None
    left = [k for k in kids if k.i < t.i]
    for k in left:
        if k.dep_ == "det" and k.lower_ not in _OPEN_DETS:
            return None
        named = k.ent_type_ or (k.text[:1].isupper() and k.i > t.sent.start)
        if k.dep_ not in ("det", "amod", "compound", "nummod") or named:
            return None  # "the Geniza fragments", "Mughal chambers": a name says whose
    if not any(k.dep_ == "det" for k in left) and (t.tag_ != "NNS" or t.dep_ not in ("nsubj", "nsubjpass")):
        # a bare singular ("membership grew") is a mass or a role; a bare plural but as the subject is any such
        # thing ("houses built around courtyards"), not the ones the article has in mind ("Fragments began")
        return None
    start = min([k.left_edge.i for k in left], default=t.i)
    return t.doc[start : t.i + 1]


def _as_complement(corpus: Corpus, doc: int, subject: Subject) -> str:
    """The subject as it follows "of": with the "the" the body writes before it at least once ("members of the
    Hanseatic League"), where the subject was chosen in its bare form ("Hanseatic League" opening sentences)."""
    text = subject.text
    if text.lower().startswith("the ") or "'" in text or "’" in text:
        return text
    body = corpus.documents[doc].text
    return f"the {text}" if re.search(rf"\bthe\s+{re.escape(text)}(?![\w’'-])", body) else text


def written_whose(corpus: Corpus, sent: Sentence, prompt: str, key: str = "") -> str:
    """The prompt with "of <the article's subject>" after the first relational noun that leaves its complement
    out: "Fragments began to leave Cairo" -> "Fragments of the Cairo Geniza began to leave Cairo". A prompt that
    names the subject, or its head word after "the", or whose key is in it, stays as it is."""
    subject = document_subject(corpus, sent.doc)
    if subject is None:
        return prompt
    bare = re.sub(r"^the\s+", "", subject.text, flags=re.I)
    if contains_phrase(prompt, bare) or contains_phrase(prompt, subject.head):
        return prompt  # "the dome of the mausoleum", "many Geniza fragments": the prompt says whose, or may
    if key and (contains_phrase(subject.text, key) or contains_phrase(key, bare)):
        return prompt
    plural = len(subject.text.split()) > 1 and subject.head.endswith("s") and not subject.head.endswith("ss")
    if plural and not subject.text.lower().startswith("the "):
        return prompt  # "Roman Aqueducts": a class of things, not one the nouns could be of ("Persepolis" is one)
    kind = corpus.kept("subject_kind", sent.doc, lambda: _subject_kind(corpus, sent.doc, subject))
    for t in body_tokens(sent):
        lemma = t.lemma_.lower() if t.lemma_.lower() in _ALL else t.lower_
        noun = t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.text.islower())  # "the tomb chamber" tagged a name
        if not noun or t.dep_ not in _ROLES or t.ent_type_ or not _fits(lemma, kind):
            continue
        if lemma in _owned_elsewhere(corpus, sent.doc, subject):
            continue
        span = _phrase(t)
        if span is None or contains_phrase(subject.text, t.text):
            continue
        found = re.search(rf"(?<![\w-]){re.escape(span.text)}(?![\w-])", prompt, re.I)
        if found is None:
            continue
        return f"{prompt[: found.end()]} of {_as_complement(corpus, sent.doc, subject)}{prompt[found.end() :]}"
    return prompt
