"""Which people of the corpus may be swapped in for a person in a false statement.

The model labels rare names as people that the article shows are not: a treatise ("Mi'raj al-su'ud", only ever a
"reply" or among "Main works"), a city ("Mexico City"). Swapped in for a painter, such a name makes a statement
false at a glance ("Mexico City painted the 27 panels"). A value is swapped in for a person only where the
article shows it doing what people do: the subject of a verb, the agent after "by", or named with a role word.
"""

from __future__ import annotations

from typing import Any

from ..analysis import Mention, Sentence
from ..giveaways import people_word, related_name
from ..lifespans import dead_by, sentence_year
from ..textutil import contains_phrase
from .base import Context


def acts_as_person(m: Mention) -> bool:
    """Whether this mention shows a person: a role or kinship word gives it, or it is the subject of a verb
    ("Rivera painted") or the agent of a passive ("paid for by Edsel Ford")."""
    if m.fine.startswith("person"):
        return True
    r: Any = m.root
    if r.dep_ == "nsubj" and r.head.pos_ == "VERB":
        return True
    return r.dep_ == "pobj" and r.head.dep_ == "agent"


def not_people(ctx: Context) -> frozenset[str]:
    """Person-pool values never shown acting as a person anywhere in the corpus (see acts_as_person), under
    their whole name or their last name ("Diego Rivera" acts as "Rivera"): no value to swap in for a person."""
    cache = ctx.corpus.cache
    if "not_people" not in cache:
        acting: set[str] = set()
        for s in ctx.corpus.sentences:
            acting |= {m.norm.split()[-1] for m in s.mentions if m.norm.split() and acts_as_person(m)}
        pool = ctx.distractors.pools.get("person", [])
        cache["not_people"] = frozenset(
            v.norm for v in pool if v.norm.split()[-1:] != [] and v.norm.split()[-1] not in acting
        )
    out: frozenset[str] = cache["not_people"]
    return out


def someones_surname(ctx: Context, m: Mention) -> bool:
    """Whether a place key is the last name of someone the corpus shows acting as a person ("Rivera painted", read
    as the town, where the article names "Diego Rivera"): a place swapped in would make a city paint panels."""
    if m.kind != "place" or " " in m.norm:
        return False
    cache = ctx.corpus.cache
    if "acting_surnames" not in cache:
        cache["acting_surnames"] = frozenset(
            p.norm.split()[-1]
            for s in ctx.corpus.sentences
            for p in s.mentions
            if p.kind == "person" and " " in p.norm and acts_as_person(p)
        )
    return m.norm in cache["acting_surnames"]


def dead_then(ctx: Context, sent: Sentence) -> frozenset[str]:
    """Person-pool values the document has dead (or not yet born) at the time the sentence tells of: no value to
    swap in ("Bahadur Shah punished Aurangzeb" after the article dates Aurangzeb's death)."""
    year = sentence_year(ctx.corpus, sent)
    if year is None:
        return frozenset()
    pool = ctx.distractors.pools.get("person", [])
    return frozenset(v.norm for v in pool if dead_by(ctx.corpus, sent, year, v.text))


def names_itself(statement: str, value: str) -> bool:
    """Whether the rest of the statement already names the value, under its own name or another word for it
    ("Britain" beside "British manufactures", "the Commune" beside "Communards"): swapped in, it makes nonsense
    ("Britain had no need of British manufactures"), false at a glance."""
    return bool(contains_phrase(statement, value) or related_name(statement, value) or people_word(statement, value))
