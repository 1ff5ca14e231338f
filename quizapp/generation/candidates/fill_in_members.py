"""Accepted answers that name the same thing by its members or its kind (quality, round 19).

Classes a fair teacher accepts and the lists refused: a state's people where the state is a party to a dealing
("suppliers to Rome": "the Romans"), a body's name for its members ("two Italian Capuchin missionaries":
"Capuchin"; "Capuchin friars": "Capuchins"; "Roman traders": "Romans"), an undertaking named by its activity ("ten
survey expeditions": "ten surveys") and a controlling part of a company by its usual words ("majority stake").
"""

from __future__ import annotations

import re
from typing import Any

from ..analysis import Corpus
from ..lexicon import KINSHIP, PERSON_NOUNS, TITLES
from ..textutil import plural_of
from .matching import is_role_noun

# Prepositions whose object is a party to a dealing, not a place: "trade with Rome", "the war against Carthage".
_PARTY_PREPS = frozenset({"with", "against"})
# Verbs whose "with" sets two things side by side, not two parties: "compared with Rome".
_SIDE_BY_SIDE = frozenset({"compare", "contrast", "contrasted", "compared"})
# Prepositions whose object receives or is served, where a person noun heads them: "suppliers to Rome", "agents for
# Venice". After another noun ("the road to Rome") or a verb ("sailed to Rome") the object is a place.
_RECEIVER_PREPS = frozenset({"to", "for"})
# People named by going somewhere: "visitors to Rome", "migrants to Britain" went to a place, not to a people.
_GOERS = frozenset(
    {
        "migrant", "emigrant", "immigrant", "visitor", "traveller", "traveler", "pilgrim", "settler", "colonist",
        "tourist", "refugee", "exile", "newcomer", "voyager", "explorer", "sailor", "passenger", "deportee",
    }
)  # fmt: skip


# Endings that make a noun's lemma a person by what they do ("supplier", "missionary"), as ``matching`` reads them.
_AGENT_LEMMA_ENDS = ("er", "or", "ist", "ian", "ant", "ent", "eer", "man", "ess", "ary", "arch", "crat", "ee")


def person_noun(tok: Any) -> bool:
    """Whether a common noun, singular or plural, names people by what they are or do: "suppliers",
    "missionaries", "friars" (not a kinship: "sons of Rome" says whose)."""
    if tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    if lemma in KINSHIP:
        return False
    if is_role_noun(tok) or lemma in TITLES or lemma in PERSON_NOUNS:
        return True
    return len(lemma) > 4 and lemma.endswith(_AGENT_LEMMA_ENDS) and not lemma.endswith("ment")


def state_as_party(last: Any) -> bool:
    """Whether a place key (its last token ``last``) stands for the state acting or dealing, so that its people's
    name is as true: the subject ("Britain answered"), the agent of a passive ("conquered by Rome"), the party of
    "with"/"against" ("trade with Rome"), or what a person noun serves ("suppliers to Rome")."""
    if last.dep_ in ("nsubj", "nsubjpass"):
        return True
    if last.dep_ != "pobj":
        return False
    prep = last.head
    if prep.dep_ == "agent":
        return True
    if prep.lower_ in _PARTY_PREPS:
        return prep.head.pos_ in ("NOUN", "VERB") and prep.head.lemma_.lower() not in _SIDE_BY_SIDE
    return prep.lower_ in _RECEIVER_PREPS and person_noun(prep.head) and prep.head.lemma_.lower() not in _GOERS


def members_named(corpus: Corpus, doc: int, first: Any, last: Any) -> list[str]:
    """A body's name for its members, where the article names them by it alone ("the Capuchins"): "Capuchin" for
    the blank "two _____ missionaries" keyed "Italian Capuchin" (the person noun after the blank), "Capuchins" and
    "the Capuchins" for the key "Capuchin friars" (the person noun ending the key). The capitalised word must stand
    right before the person noun; a nationality before it only says where they came from."""
    doc_tokens = first.doc
    if last.i > first.i and person_noun(last):
        word, inside = doc_tokens[last.i - 1], True
    elif last.i + 1 < len(doc_tokens) and person_noun(doc_tokens[last.i + 1]):
        word, inside = last, False
        if word.i == first.i:
            return []  # the key is the name alone already
    else:
        return []
    if not re.fullmatch(r"[A-Z][a-z]{2,}", word.text) or word.pos_ not in ("PROPN", "ADJ", "NOUN"):
        return []
    if word.is_sent_start:
        return []  # "Urban workers" opening a sentence: the capital says nothing
    plural = plural_of(word.text)
    text = corpus.documents[doc].text
    peoples = inside and word.text.endswith("an") and word.pos_ in ("ADJ", "PROPN")
    if not peoples and re.search(rf"(?<![\w'’-]){re.escape(plural)}(?![\w'’-])", text) is None:
        # never names the members by the word alone: "Tokugawa officials" beside "the Tokugawa"; a people's
        # adjective in "-an" needs no such sign ("Roman traders" are Romans, "Persian envoys" Persians)
        return []
    return [plural, f"the {plural}"] if inside else [word.text]


# Nouns that name an undertaking by its course, not by what was done on it: "survey expedition", "trade mission".
_UNDERTAKINGS = frozenset({"expedition", "journey", "voyage", "trip", "tour", "mission"})


def activity_for_undertaking(corpus: Corpus, doc: int, first: Any, last: Any) -> list[str]:
    """ "surveys" for "survey expeditions": the activity that names an undertaking, where the article also writes it
    as a verb ("to survey the route") and alone as a noun in the key's number ("the surveys"), so it counts the
    same undertakings."""
    if last.i != first.i + 1 or last.lemma_.lower() not in _UNDERTAKINGS or first.pos_ != "NOUN":
        return []
    if first.dep_ != "compound" or first.tag_ != "NN":
        return []
    activity = first.lemma_.lower()
    tokens = [t for s in corpus.document_sentences(doc) for t in s.tokens]
    if not any(t.pos_ == "VERB" and t.lemma_.lower() == activity for t in tokens):
        return []
    form = plural_of(first.lower_) if last.tag_ == "NNS" else first.lower_
    alone = any(
        t.pos_ == "NOUN"
        and t.lower_ == form
        and t.dep_ != "compound"
        and any(c.dep_ in ("det", "poss", "nummod") for c in t.children)
        for t in tokens
    )
    return [form] if alone else []


# The words for an owner's part of a company, and for a part that gives control: a student writes any of them for
# another ("a majority stake" is a majority shareholding), and none of them names anything else after these
# modifiers.
_PART_OWNED = ("shareholding", "stake", "share", "holding")
_CONTROLLING = ("majority", "controlling")


def part_owned_forms(key: str) -> list[str]:
    """ "majority stake", "majority share", "controlling stake" for "majority shareholding": a controlling part of a
    company by the other usual words (the key is exactly the two words, singular)."""
    words = key.lower().split()
    if len(words) != 2 or words[0] not in _CONTROLLING or words[1] not in _PART_OWNED:
        return []
    return [f"{m} {p}" for m in _CONTROLLING for p in _PART_OWNED if [m, p] != words]
