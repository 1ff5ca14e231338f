"""Third-person pronouns in a question: find what each one means, write it in, or refuse the question.

A question is read alone, so "In 1230 he granted the Order the Kulmerland" cannot stay as it is. Each pronoun
of a sentence is linked to an antecedent:
- inside the sentence: the nearest fitting name or noun before it, never the subject of its own verb (a pronoun
  does not mean the subject of its own clause: "A town grew up beside it");
- in the sentence before (same paragraph, or the one just before it): only for a subject or possessive pronoun,
  whose antecedent is, by the usual habit of prose, the subject of that sentence ("Nkrumah fell out with ...
  He demanded ..."), when that subject fits and is definite ("a settlement" points to nothing in particular).
A prompt that keeps a pronoun whose antecedent it no longer shows gets the antecedent written in
("its rules" -> "the charter's rules"); a pronoun with no antecedent found makes the prompt unusable.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from .analysis import Corpus, Sentence
from .definites import REFERRING_HEADS, bare_definites
from .gazetteer import place_class
from .kinds import PLACE_GRAINS
from .lexicon import TITLES
from .lifespans import contradicts_life
from .placeholders import ANAPHORIC_SUBJECTS
from .setting import BUILT_WORKS
from .textutil import BLANK, THERE_LOCATIVE, contains_phrase, tidy, tokens_text, word_count

PERSONAL = frozenset({"he", "him", "his", "she", "her"})
NEUTER = frozenset({"it", "its"})
PLURAL = frozenset({"they", "them", "their"})
PRONOUNS = PERSONAL | NEUTER | PLURAL
_SUBJ = ("nsubj", "nsubjpass")
MAX_ANTECEDENT_WORDS = 8


@dataclass(frozen=True)
class Link:
    """A pronoun of a sentence and what it stands for (None: nothing found)."""

    word: str  # the pronoun, lower case
    token: int
    antecedent: str | None
    possessive: bool
    local: bool  # the antecedent stands earlier in the same sentence
    # A local antecedent that cannot be written in ("wages", a bare common noun) but reads well where it stands:
    # "fixed wages at their levels" is clear while "wages" is in the prompt.
    seen: str | None = None
    # People the pronoun could mean, none surely: the prompt may keep it only where it shows them all
    rivals: tuple[str, ...] = ()


def _expletive(t: Any) -> bool:
    """ "it was decided to ...", "it is said that ...": an "it" that points at nothing."""
    if t.lower_ != "it":
        return False
    if t.dep_ == "expl":
        return True
    head = t.head
    if _described_subject(t):
        return False  # "Written in Akkadian, it is one of the longest texts to survive": "it" is the text
    return (
        t.dep_ in _SUBJ
        and any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > head.i for c in head.children)
        and (
            head.lemma_ in ("be", "seem", "appear", "become", "take", "decide", "say", "believe", "agree", "report")
            or any(c.dep_ == "acomp" for c in head.children)
        )
    )


def _fronted_participles(t: Any) -> list[Any]:
    """The participle phrases put before ``t``, the subject of its verb, that have no subject of their own
    ("Officially named Madinat al-Salam, it became ..."): they describe that subject."""
    if t.dep_ not in _SUBJ:
        return []
    return [
        c
        for c in t.head.children
        if c.dep_ == "advcl"
        and c.i < t.i
        and c.tag_ in ("VBN", "VBG")
        and not any(g.dep_ in (*_SUBJ, "mark") for g in c.children)
    ]


def _described_subject(t: Any) -> bool:
    return bool(_fronted_participles(t))


def _mention_at(sent: Sentence, t: Any) -> Any:
    return next((m for m in sent.mentions if m.first.i <= t.i <= m.last.i), None)


def _phrase(sent: Sentence, head: Any) -> str | None:
    """How an antecedent is written in: a name as named, else its noun phrase without clauses; a sentence's
    first word that the text elsewhere writes in lower case ("Penicillin was the first ...") is lowered."""
    text = _phrase_as_written(sent, head)
    if text and sent.cache.get("common_first_word") and text.split(" ", 1)[0] == sent.span[0].text:
        text = text[:1].lower() + text[1:]
    return text


def _phrase_as_written(sent: Sentence, head: Any) -> str | None:
    m = _mention_at(sent, head)
    if m is None and head.pos_ == "PROPN" and head.lower_ in sent.cache.get("surnames", {}):
        # a surname the model saw no name in: the full name it stands for, if one person has it
        full = sent.cache["surnames"][head.lower_]
        if full and _written_name_fits(sent, head, full):
            return full
        return _own_name(sent, head)
    toks = [t for t in head.subtree if not _inside_dropped(t, head)]
    contiguous = bool(toks) and toks[-1].i - toks[0].i + 1 == len(toks)
    if m is not None and m.kind in ("person", "org", "place", "law", "event", "product", "group"):
        # "Duke Konrad I of Masovia" says more than the name "Konrad I"; a name the parse cut short stays whole
        whole = contiguous and toks[0].i <= m.first.i and m.last.i <= toks[-1].i
        # a name cut short by the parse keeps the article it is written with ("the Liverpool and Manchester Railway")
        article = m.first.i > sent.span.start and m.first.nbor(-1).lower_ == "the"
        text = tidy(tokens_text(toks)) if whole else ("the " if article else "") + m.text
        return text if word_count(text) <= MAX_ANTECEDENT_WORDS else m.text
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    kids = list(head.children)
    det = next((k for k in kids if k.dep_ == "det"), None)
    if det is not None and det.lower_ in ("a", "an", "some", "another", "any", "each", "every", "no"):
        return None  # "a settlement" names nothing a reader could find again
    if det is None and head.pos_ == "NOUN" and not any(k.dep_ == "poss" for k in kids):
        return None  # "settlers": a bare common noun is no particular thing
    if not contiguous or word_count(tokens_text(toks)) > MAX_ANTECEDENT_WORDS:
        # "The largest dam, at Jones Falls": the words up to the noun still say which thing is meant
        toks = [t for t in head.doc[head.left_edge.i : head.i + 1] if not _inside_dropped(t, head)]
        if not toks or toks[-1].i - toks[0].i + 1 != len(toks):
            return None
    text = tidy(tokens_text(toks))
    if word_count(text) > MAX_ANTECEDENT_WORDS or any(t.lower_ in PRONOUNS for t in toks):
        return None
    return text


def _written_name(sent: Sentence, head: Any) -> tuple[int, list[str]]:
    """Where the name written up to ``head`` starts, and its capitalised words ("Sor Juana Ines de la Cruz" for
    "Cruz"), over the particles that join a name's parts ("de", "la", "van"), up to another name ("the First
    World War Weber")."""
    words = [head.text]
    start = head.i
    t = head
    while t.i > sent.span.start:
        t = t.nbor(-1)
        if _mention_at(sent, t) is not None:
            break
        if t.pos_ == "PROPN" and t.text[:1].isupper():
            words.append(t.text)
            start = t.i
        elif not (t.is_lower and t.is_alpha and len(t.text) <= 3 and t.head.i >= t.i):
            break
    return start, words


def _own_name(sent: Sentence, head: Any) -> str | None:
    """The name written up to a surname, where it is a longer name of its own ("Sor Juana Ines de la Cruz", not
    the bishop "Manuel Fernandez de Santa Cruz" whose surname it ends in), else None."""
    start, words = _written_name(sent, head)
    return tokens_text(list(head.doc[start : head.i + 1])) if len(words) >= 2 else None


def _written_name_fits(sent: Sentence, head: Any, full: str) -> bool:
    """Whether the name as written around a bare surname is part of the full name it would be written out as:
    "Juana Ines de la Cruz" ends in the surname of "Manuel Fernandez de Santa Cruz" but is another person, and
    writing him in would credit him with what she did."""
    mine = set(full.split())
    return all(word in mine for word in _written_name(sent, head)[1])


def _inside_dropped(t: Any, head: Any) -> bool:
    """Whether ``t`` sits in a relative clause, apposition, list or punctuation hanging off the antecedent; the
    names right after a common noun ("the archaeologists Terry Hunt and Carl Lipo") stay, since "the
    archaeologists" alone names no one a reader of the question can find."""
    chain = []
    x = t
    while x.i != head.i:
        chain.append(x)
        x = x.head
    if chain and _names_the_noun(chain[-1], head):
        return False
    return any(x.dep_ in ("relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "parataxis") for x in chain)


def _names_the_noun(appos: Any, head: Any) -> bool:
    """A name in apposition right after a common noun, with no comma between: "the engineer Ada Vell"."""
    return appos.dep_ == "appos" and appos.pos_ == "PROPN" and head.pos_ == "NOUN" and appos.left_edge.i == head.i + 1


def _fits(word: str, sent: Sentence, t: Any) -> bool:
    """Whether the token heading a phrase can be what the pronoun means (person, number, kind)."""
    if t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY"):
        return False
    m = _mention_at(sent, t)
    kind = m.kind if m is not None else ""
    # "the Dock, Wharf and General Labourers' Union" as the parser reads it: a list is "they", not "it"
    plural = t.tag_ in ("NNS", "NNPS") or any(
        c.dep_ == "conj" and not (m is not None and m.first.i <= c.i <= m.last.i) for c in t.children
    )
    if word in PERSONAL:
        # "Count Aldo": a title before a proper noun makes a person even where the model saw no name
        titled = t.pos_ == "PROPN" and any(c.dep_ == "compound" and c.lower_ in TITLES for c in t.children)
        # the surname of a person named in full elsewhere, where the model saw no name
        surnames = sent.cache.get("surnames", {})
        surname = (
            t.pos_ == "PROPN"
            and t.lower_ in surnames
            and (
                not surnames[t.lower_]
                or _written_name_fits(sent, t, surnames[t.lower_])
                or _own_name(sent, t) is not None
            )
        )
        # "the Admiralty", even if the model took it for a person: a person's name takes no article
        article = m is not None and m.first.i > sent.span.start and m.first.nbor(-1).lower_ == "the"
        return (kind == "person" or (not kind and (titled or surname))) and not plural and not article
    if word in NEUTER:
        # "the caliph", "King Hammurabi": a title is a person's, whatever the model made of the name
        personal = (
            t.lemma_.lower() in TITLES
            or (t.pos_ == "PROPN" and any(c.dep_ == "compound" and c.lower_ in TITLES for c in t.children))
            or _named_as_person(sent, t)
            or _bare_surname(sent, t, kind)
        )
        return (
            not plural
            and not personal
            and kind not in ("person", "group")
            and t.lower_ not in ("people", "men", "women")
        )
    return plural or kind == "group"


def _bare_surname(sent: Sentence, t: Any, kind: str) -> bool:
    """ "Tello argued that Chavin ... and that its roots ...": a word standing alone that is the surname of a person
    named in full elsewhere, where the model saw no name (a word of a longer name, "Rapa Nui", is not one)."""
    full = sent.cache.get("surnames", {}).get(t.lower_)
    return (
        not kind
        and t.pos_ == "PROPN"
        and bool(full)
        and not contains_phrase(sent.text, full)
        and t.dep_ != "compound"
        and not any(c.dep_ == "compound" for c in t.children)
    )


def _named_as_person(sent: Sentence, t: Any) -> bool:
    """ "A cleric, Ivar Holm, ...": a noun whose apposition is a person's name is that person, never an "it"."""
    for c in t.children:
        m = _mention_at(sent, c) if c.dep_ == "appos" else None
        if m is not None and m.kind == "person":
            return True
    return False


def _bound(pron: Any, cand: Any) -> bool:
    """A pronoun that is not possessive never means the subject of its own verb ("X grew beside it"); nor, as far
    as can be told, a name inside that subject ("senators led by Scipio attacked him": him is not Scipio, though
    "friends of John helped him" may be John)."""
    if pron.dep_ == "poss":
        return False
    if _within(pron, cand):
        return True  # "Hardy's book about it": a pronoun inside a noun's own phrase is not that noun
    for phrase in _fronted_participles(pron):
        if phrase.left_edge.i <= cand.i <= phrase.right_edge.i:
            return True  # "Officially named X, it ...": X is what it was named, said of it, not what it stands for
    verb = pron.head if pron.dep_ != "pobj" else pron.head.head
    while verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and not any(c.dep_ in _SUBJ for c in verb.children):
        verb = verb.head  # "Guards found and destroyed them": "destroyed" shares the subject of "found"
    if cand.dep_ in _SUBJ and cand.head.i == verb.i:
        return True
    if _raised(pron) and cand.dep_ in _SUBJ and cand.head.i == pron.head.head.i:
        return True  # "The governor allowed it to land": "it" is the object of "allowed", never the governor
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if (
        pron.dep_ == "pobj"
        and pron.head.head.i == verb.i
        and obj is not None
        and (cand.i == obj.i or (cand.head.i == obj.i and cand.dep_ == "compound"))
    ):  # ("took his children with him": "him" may be who "his" is)
        return True  # "Dickens filled Bleak House with it": not the verb's own object (that would be "itself")
    if pron.dep_ in _SUBJ and _adjunct_of(cand, verb):
        return True  # "With the courtier Shuvalov he drew up plans", "Under Peter he served": not Shuvalov, Peter
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    return subj is not None and subj.left_edge.i <= cand.i <= subj.right_edge.i


def _adjunct_of(cand: Any, verb: Any) -> bool:
    """Whether the candidate is (a name in) the object of a preposition hung on ``verb`` itself: a subject
    pronoun of that verb is someone else (else the text would say "himself" or name him)."""
    t = cand
    while t.dep_ in ("compound", "appos", "flat") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "npadvmod" and t.head.i == verb.i:
        # "With a business partner, Thomas Day, she established ...": the name set off by commas after the
        # preposition's object is that object (the parser hangs it on the verb)
        edge = t.left_edge
        before = edge.nbor(-2) if edge.i - 2 >= edge.sent.start and edge.nbor(-1).text == "," else None
        if before is not None and before.dep_ == "pobj" and before.head.dep_ == "prep" and before.head.head == verb:
            return True
    return t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.i == verb.i


def _within(pron: Any, cand: Any) -> bool:
    """Whether the pronoun stands in the phrase the candidate heads (the candidate is one of its heads)."""
    t = pron
    while t.head.i != t.i:
        t = t.head
        if t.i == cand.i:
            return True
    return False


def _raised(pron: Any) -> bool:
    """Whether the pronoun is the subject of an infinitive hanging off another verb ("allowed it to land",
    "wanted him to stay"): the parse makes it that clause's subject, but it is the outer verb's object."""
    head = pron.head
    return (
        pron.dep_ in _SUBJ
        and pron.lower_ not in ("he", "she", "they")
        and head.dep_ in ("ccomp", "xcomp")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    )


def _inside_a_thing(pron: Any, cand: Any) -> bool:
    """ "The death of Marco Pell led the council to ..., and he sold ...": a person named only inside a thing's
    "of" phrase is not who a later "he" (doing something) is; the reader takes the actor of the story, and a name
    written in from there changes the fact ("Saint-Domingue sold Louisiana"). A possessive may still mean him
    ("The death of Alexander left his generals ...")."""
    return (
        pron.lower_ in PERSONAL
        and pron.dep_ != "poss"
        and cand.dep_ == "pobj"
        and cand.head.lower_ == "of"
        and cand.head.head.pos_ == "NOUN"
    )


def _local(sent: Sentence, pron: Any, earlier: dict[int, Link]) -> Any:
    """The antecedent within the sentence: for a person the nearest name before the pronoun; for "it" and
    "they", which could follow almost any noun, only a subject or object (the nearest subject first).
    An earlier pronoun of the same kind ("it received ..., and its knights") counts as its own antecedent."""
    word = pron.lower_
    best = None
    best_rank = 9
    for t in sent.tokens:
        if t.i >= pron.i:
            break
        same = t.i in earlier and t.lower_ in _same_class(word)
        if same and any(_inside_a_thing(pron, x) and x.text in (earlier[t.i].antecedent or "") for x in sent.tokens):
            continue  # "The loss of X led Y to abandon his plans, and he ...": "his" read as X cannot carry "he"
        if not same and (t.dep_ in ("compound", "poss") or not _fits(word, sent, t)):
            continue
        if _bound(pron, t) or _bracketed(sent, t) or _inside_a_thing(pron, t):
            continue
        m = _mention_at(sent, t)
        if m is not None and t.i != m.root.i and t.i != m.last.i:
            continue
        if word in PERSONAL:
            best = t
            continue
        if word in NEUTER and _bare_object(t):
            continue
        rank = 0 if t.dep_ in _SUBJ else 1 if t.dep_ == "dobj" else 9
        if rank <= best_rank and rank < 9:
            best, best_rank = t, rank
    return best


def _clause_subject(pron: Any) -> Any:
    """The subject of the verb a possessive pronoun's phrase hangs from (through joined verbs that share it)."""
    if pron.dep_ != "poss":
        return None
    verb = pron.head
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT":
        verb = verb.head
    while True:
        subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
        if subj is not None or verb.dep_ not in ("conj", "xcomp"):
            return subj
        verb = verb.head


def _people_before(sent: Sentence, pron: Any) -> tuple[str, ...]:
    """The names of the people standing before a personal pronoun in its sentence."""
    out: list[str] = []
    for m in sent.mentions:
        if m.kind == "person" and m.last.i < pron.i and not any(contains_phrase(x, m.text) for x in out):
            out.append(m.text)
    return tuple(out)


def _two_people(sent: Sentence, pron: Any, chosen: Any) -> bool:
    """Whether another person than ``chosen`` stands before a personal pronoun in its sentence where it could be
    what the pronoun means (a possessor counts: "Thomson's supporters presented him" may mean Thomson)."""
    if pron.lower_ not in PERSONAL:
        return False
    named = _mention_at(sent, chosen)
    chosen_text = named.text if named is not None else chosen.text
    for t in sent.tokens:
        if t.i >= pron.i:
            break
        if t.i == chosen.i or t.dep_ == "compound" or not _fits(pron.lower_, sent, t):
            continue
        if (_bound(pron, t) and t.dep_ != "poss") or _bracketed(sent, t) or _inside_a_thing(pron, t):
            continue
        m = _mention_at(sent, t)
        if m is not None and t.i != m.root.i and t.i != m.last.i:
            continue
        text = m.text if m is not None else t.text
        if not (contains_phrase(chosen_text, text) or contains_phrase(text, chosen_text)):
            return True  # "Logan" after "Robert Logan" is the same man
    return False


# kinds of names that are never a person, whatever the pronoun
_NOT_PEOPLE = frozenset({"place", "date", "number", "event", "law", "product"})


def _unread_name_between(sent: Sentence, pron: Any, chosen: Any) -> bool:
    """Whether a name the model did not read as a person's stands as a subject, object or apposition between the
    chosen antecedent and a personal pronoun ("caused by the demon X, and the astronomer Y criticised Z because
    his ..."): Y or Z, nearer, may be who "his" is, so the farther name is no single candidate."""
    if pron.lower_ not in PERSONAL:
        return False
    named = _mention_at(sent, chosen)
    end = named.last.i if named is not None else chosen.i
    # a person the model did read is weighed by _two_people
    return any(_argument(t) and _unread_name(sent, t) for t in sent.span.doc[end + 1 : pron.i])


def _unread_name_before(sent: Sentence, pron: Any, across: str) -> bool:
    """Whether a name the model did not read as anyone's stands before a personal pronoun in its own sentence as
    a subject, object or agent ("Because Rastislav wanted ..., he asked ..."), and is not a word of ``across``,
    the person the sentences before would give: it is the nearer one the pronoun may mean, so that person written
    in may be the wrong one, and a true sentence made false."""
    if pron.lower_ not in PERSONAL:
        return False
    own = {w.lower() for w in across.split()}
    if any(_possessor_named(sent, t) and t.lower_ not in own for t in sent.span.doc[sent.span.start : pron.i]):
        return True
    return any(
        t.tag_ == "NNP"  # a person is one: "Elements", "Bulbs" are not
        and t.dep_ != "compound"  # "Ottoman chronicles", "the Slavonic Life": a word of a longer name
        and t.lower_ not in own
        and _argument(_phrase_head(t))
        and not _bound(pron, t)
        and not _bracketed(sent, t)
        and (_unread_name(sent, t) or _unread_opening_name(sent, t))
        for t in sent.span.doc[sent.span.start : pron.i]
    )


def _possessor_named(sent: Sentence, t: Any) -> bool:
    """A person's name as a possessor ("When Voltaire's Letters led to an order for his arrest"): never taken as
    the pronoun's antecedent in its sentence, yet the likeliest one."""
    if t.dep_ != "poss" or t.pos_ != "PROPN" or t.tag_ != "NNP" or _bracketed(sent, t):
        return False
    m = _mention_at(sent, t)
    return (m is not None and m.kind == "person") or _unread_name(sent, t)


_QUANTIFIERS = frozenset({"each", "every", "no", "any"})


def _quantified_before(sent: Sentence, pron: Any) -> Any:
    """A common noun counted one by one ("each chief", "every governor", "no ruler") standing before a personal
    pronoun in its sentence as a subject or object: the pronoun ranges over them ("his own stool"), so no name
    from the sentences before is what it means."""
    if pron.lower_ not in PERSONAL:
        return None
    for t in sent.span.doc[sent.span.start : pron.i]:
        if (
            t.pos_ == "NOUN"
            and t.lower_ != "one"  # "no one else could match his instruments": his may be one man's
            and t.dep_ in ("nsubj", "nsubjpass", "dobj")
            and any(c.dep_ == "det" and c.lower_ in _QUANTIFIERS for c in t.children)
        ):
            return t
    return None


def _phrase_head(t: Any) -> Any:
    """The head of the noun phrase a name stands in, through apposition and lists ("Non" of "the Living and
    Non-Living" is inside a "the Living" that is no argument)."""
    while t.dep_ in ("appos", "conj") and t.head.i != t.i:
        t = t.head
    return t


def _unread_opening_name(sent: Sentence, t: Any) -> bool:
    """A proper noun that opens the sentence as its subject ("Rastislav had been overthrown ..."), read as no
    one's name and nothing a person cannot be: its capital is no sign, its tag and place are."""
    if not t.is_sent_start or t.pos_ != "PROPN" or t.dep_ not in _SUBJ:
        return False
    m = _mention_at(sent, t)
    return m is None or (m.kind not in _NOT_PEOPLE and m.kind != "person")


def _bare_object(t: Any) -> bool:
    """A singular object with no article or possessor ("set fire to part of its building", "took part"): a mass
    noun or half of an idiom, not the one thing a later "it" points back to."""
    return (
        t.dep_ == "dobj"
        and t.tag_ == "NN"
        and t.pos_ == "NOUN"
        and not any(c.dep_ in ("det", "poss", "nummod") for c in t.children)
    )


def _cataphoric(sent: Sentence, pron: Any) -> Any:
    """ "Looking back in his memoir, Hughes wrote ...": a possessive in a phrase put before the sentence's subject
    means that subject, when it fits and no other fitting name stands between them."""
    subj = _subject(sent)
    if subj is None or subj.left_edge.i <= pron.i or not _fits(pron.lower_, sent, subj):
        return None
    between = sent.span.doc[pron.i + 1 : subj.left_edge.i]
    if any(_fits(pron.lower_, sent, t) for t in between):
        return None
    return subj


def _bracketed(sent: Sentence, t: Any) -> bool:
    """A gloss in brackets ("Thorn (Toruń)") is never what a later pronoun means."""
    before = sent.span.doc[sent.span.start : t.i]
    return sum(x.text == "(" for x in before) > sum(x.text == ")" for x in before)


def _previous(corpus: Corpus, sent: Sentence) -> Sentence | None:
    if sent.id == 0:
        return None
    prev = corpus.sentences[sent.id - 1]
    if prev.doc != sent.doc or prev.heading or prev.para < sent.para - 1:
        return None
    return prev


def _subject(sent: Sentence) -> Any:
    """The main clause's subject; none when the parser made a subordinate clause the root ("Because the war had
    exposed ..., the government passed the Act": "the war" is no subject a next "It" can mean)."""
    root = sent.root
    if any(c.dep_ == "mark" and c.i < root.i for c in root.children):
        return None
    return next((c for c in root.children if c.dep_ in _SUBJ), None)


def _from_before(corpus: Corpus, sent: Sentence, word: str, depth: int = 0) -> str | None:
    """The subject of the sentence before, written out, when it fits ``word``."""
    prev = _previous(corpus, sent)
    if prev is None or depth > 3:
        # the chain of "he" reached the paragraph's start with no one else named on the way: in a life of one
        # person, the person whose life it is
        return principal_person(corpus, sent.doc, word) if word in PERSONAL else None
    subj = _subject(prev)
    if subj is None:
        return None
    if subj.lower_ in PRONOUNS:
        if subj.lower_ not in _same_class(word):
            return None
        # "Shang Yang was a Legalist: he believed ... He divided ...": the "he" before stands for a name of its own
        # sentence, and the next "he" means what it means
        inside = (
            next((x for x in links(corpus, prev) if x.token == subj.i and x.local), None) if word in PERSONAL else None
        )
        if inside is not None and inside.antecedent is not None:
            return inside.antecedent
        found = _from_before(corpus, prev, subj.lower_, depth + 1)
        if found is not None and _gender_clash(corpus, prev, subj, found, depth):
            return None
        return found
    if not _fits(word, prev, subj):
        return _principal_alone(corpus, prev, word)
    if _rival(corpus, prev, subj, word):
        return None
    if subj.lemma_.lower() in ANAPHORIC_SUBJECTS:
        return _what_it_was(prev)
    phrase = _phrase(prev, subj)
    # "The canal was never needed. It carried timber": "the canal" is itself named before (or in the title)
    for definite, name in bare_definites(corpus, prev):
        if phrase is not None and definite.lower() == phrase.lower():
            if name:
                return name
            if definite.split()[-1].lower() in REFERRING_HEADS:
                return None  # "The ship reached 43 knots. It arrived in Odessa": "the ship" alone says no more
    return phrase


def _principal_alone(corpus: Corpus, prev: Sentence, word: str) -> str | None:
    """ "Several entries made Shen famous. He described ...": the sentence before has a thing for its subject, and
    the only person it names is the one whose life the document is: "he" means that person (see principal_person).
    """
    name = principal_person(corpus, prev.doc, word) if word in PERSONAL else None
    if name is None:
        return None
    surname = name.split()[-1].lower()
    people = [m for m in prev.mentions if m.kind == "person"]
    if not people or any(surname not in m.text.lower().split() for m in people):
        return None  # someone else is named there, whom "he" may mean as well
    return name


# A life of one person says "he" (or "she") far more often than the other: this many times as often at least.
GENDER_MAJORITY = 4
MIN_PRINCIPAL_MENTIONS = 3


def principal_person(corpus: Corpus, doc: int, word: str) -> str | None:
    """The person a document is the life of, as the article most often writes the name, if ``word`` can mean
    them: the person named most often, whose name the title holds, in a document whose personal pronouns are
    nearly all of ``word``'s gender. None otherwise (a document about a war, two rulers, a family)."""
    cache = corpus.cache.setdefault("principal_person", {})
    if doc not in cache:
        cache[doc] = _principal(corpus, doc)
    found = cache[doc]
    if found is None:
        return None
    name, gender = found
    return name if word in gender else None


def _leading_headings(corpus: Corpus, doc: int) -> str:
    """The document's title and the headings above its first paragraph: a page whose title is its series' name
    ("Lives in Science | Biography series") names its subject in the heading below ("Ada Lorne (1815-1852)")."""
    lines = [corpus.documents[doc].title]
    for s in corpus.document_sentences(doc):
        if not s.heading:
            break
        lines.append(s.text)
    return "\n".join(lines)


def _principal(corpus: Corpus, doc: int) -> tuple[str, frozenset[str]] | None:
    title = _leading_headings(corpus, doc).lower()
    forms: dict[str, dict[str, int]] = {}
    male = female = 0
    for s in corpus.document_sentences(doc):
        for t in s.tokens:
            male += t.lower_ in _MASCULINE and t.pos_ == "PRON"
            female += t.lower_ in _FEMININE and t.pos_ == "PRON"
        for m in s.mentions:
            if m.kind == "person" and m.norm:
                last = m.norm.split()[-1]
                forms.setdefault(last, {})
                forms[last][m.text] = forms[last].get(m.text, 0) + 1
    if not forms:
        return None
    ranked = sorted(forms.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    last, texts = ranked[0]
    if sum(texts.values()) < MIN_PRINCIPAL_MENTIONS or last not in title:
        return None
    if len(ranked) > 1 and sum(ranked[1][1].values()) * 2 > sum(texts.values()):
        return None  # two people named about as often: the life is not one person's
    if male >= GENDER_MAJORITY * max(female, 1):
        gender = _MASCULINE
    elif female >= GENDER_MAJORITY * max(male, 1):
        gender = _FEMININE
    else:
        return None
    # the name as the article writes it most often, of more than one word where it has such a form
    # ("Marquis du Châtelet", her husband, shares her surname: no form of hers)
    word = "she" if gender is _FEMININE else "he"
    fitting = [kv for kv in texts.items() if not title_clash(word, kv[0])]
    if not fitting:
        return None
    name = sorted(fitting, key=lambda kv: (-(len(kv[0].split()) > 1), -kv[1], kv[0]))[0][0]
    return name, gender


def _what_it_was(prev: Sentence) -> str | None:
    """ "The result was the Codex Tolmar. It sold slowly": "the result" stands for an earlier sentence's work, so
    "it" means the name the sentence says the result was; with no such name there is nothing to write in."""
    root = prev.root
    attr = next((c for c in root.children if c.dep_ == "attr"), None)
    if root.lemma_.lower() != "be" or attr is None:
        return None
    # the name and what is written into it ("the Codex Tolmar"), not the clauses after it ("published in ...");
    # a title in Latin may be tagged as common nouns after its capital word
    toks = [t for t in attr.lefts if t.dep_ in ("det", "compound")] + [attr]
    if toks[-1].i - toks[0].i + 1 != len(toks) or len(toks) > MAX_ANTECEDENT_WORDS:
        return None
    if not any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in toks):
        return None  # "The result was a famine": no name
    return tokens_text(toks)


def _gender_clash(corpus: Corpus, sent: Sentence, subj: Any, antecedent: str, depth: int) -> bool:
    """ "Pierre was killed. She took over his post. She received ...": the chain of "she" leads to Pierre, but
    the sentence it passes through says "his" of Pierre as well, so "she" there is someone else."""
    word = subj.lower_
    other = _MASCULINE if word in _FEMININE else _FEMININE if word in _MASCULINE else frozenset()
    for t in sent.tokens:
        if t.i == subj.i or t.lower_ not in other or not (t.dep_ in _SUBJ or t.dep_ == "poss" or t.tag_ == "PRP$"):
            continue
        if _from_before(corpus, sent, t.lower_, depth + 1) == antecedent:
            return True
    return False


def _rival(corpus: Corpus, prev: Sentence, subj: Any, word: str) -> bool:
    """Whether the sentence before has another fitting antecedent besides its subject: after "the governor
    released him", "He became leader" could be either man, so it is left unresolved."""
    people = _person_words(corpus, prev.doc)
    own_words = {x.lower_ for x in subj.subtree}  # "Kepler ... Kepler's notes": the subject again
    for t in prev.span:
        if t.i == subj.i or subj.left_edge.i <= t.i <= subj.right_edge.i:
            continue
        if word in PERSONAL:
            if t.lower_ in PERSONAL and t.pos_ == "PRON":
                # "Reinholt served on the Eastern Front, where he planned ...": a pronoun that means the subject
                # itself is no rival to it
                own = _local(prev, t, {})
                if own is not None and subj.left_edge.i <= own.i <= subj.right_edge.i:
                    continue
                return True
            m = _mention_at(prev, t)
            if m is not None and m.kind == "person" and t.i == m.root.i and _argument(t):
                return True
            if _named_person(t, m, people) and _argument(t) and t.lower_ not in own_words:
                # "Tycho fell ill ...; Kepler recorded ...": a part of a person's name the document writes in full
                # elsewhere, whatever the model made of it here, is someone "He died" may mean
                return True
        elif (
            t.dep_ == "dobj"
            and t.head.i == prev.root.i
            and t.tag_ in ("NN", "NNP")
            and (t.pos_ == "PROPN" or any(_determined(c) for c in t.children))
        ):
            # "The Admiralty chose the Challenger. It ...", "The city opened a library. In 2011 ... its roof", "The
            # state signs its first contract. It ...": a thing just brought in is as likely as the subject to be
            # what "it" means
            return True
    return _joined_clause_subject(prev, subj, word)


def _determined(t: Any) -> bool:
    """An article or a possessive pronoun before a noun: the noun names one thing the reader can point back to."""
    return (t.dep_ == "det" and t.lower_ in ("the", "a", "an")) or (t.dep_ == "poss" and t.lower_ in PRONOUNS)


def _joined_clause_subject(prev: Sentence, subj: Any, word: str) -> bool:
    """ "X was hostile, and Y's post was not renewed. He left": a sentence of two joined clauses has two
    subjects, and a next pronoun may mean the second (or the person it belongs to) as well as the first."""
    root = prev.root
    for verb in root.children:
        if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
            continue
        other = next((c for c in verb.children if c.dep_ in _SUBJ), None)
        if other is None or other.i == subj.i:
            continue
        owners = [c for c in other.children if c.dep_ == "poss"]
        if any(x.lower_ not in PRONOUNS and _may_mean(word, prev, x) for x in (other, *owners)):
            return True
    return False


def _may_mean(word: str, sent: Sentence, t: Any) -> bool:
    """Whether ``t`` may be what the pronoun means: it fits, or, for "he" or "she", it is a name the model did
    not read as anyone's ("Dorn's post"), which may well be a person's."""
    return _fits(word, sent, t) or (word in PERSONAL and _unread_name(sent, t))


def _unread_name(sent: Sentence, t: Any) -> bool:
    """A capitalised name, not at the sentence's start, that the model read as no person and as nothing a person
    cannot be (a place, a date ...), with no article before it (a person's name takes none)."""
    if not t.text[:1].isupper() or t.pos_ not in ("PROPN", "NOUN") or t.is_sent_start:
        return False
    m = _mention_at(sent, t)
    if m is not None and (m.kind in _NOT_PEOPLE or m.kind == "person"):
        return False
    return not any(c.dep_ == "det" for c in t.children)


def _person_words(corpus: Corpus, doc: int) -> frozenset[str]:
    """The words of the people's names the document writes in full ("tycho", "brahe" of "Tycho Brahe")."""
    return corpus.kept(
        "person_words",
        doc,
        lambda: frozenset(
            t.lower_
            for s in corpus.document_sentences(doc)
            for m in s.mentions
            if m.kind == "person"
            for t in _name_tokens(m)
            if t.text[:1].isupper() and t.is_alpha
        ),
    )


def _name_tokens(m: Any) -> list[Any]:
    """A person's name written in full: the mention, with the given names the model left out of it ("Sten" of
    "Sten Ulfeldt" where it saw only "Ulfeldt"); none for a name of one word."""
    start = m.first.i
    while start > m.sent.span.start:
        t = m.first.doc[start - 1]
        if not (t.pos_ == "PROPN" and t.dep_ == "compound" and m.first.i <= t.head.i <= m.last.i):
            break
        start -= 1
    toks = list(m.first.doc[start : m.last.i + 1])
    return toks if len(toks) > 1 else []


def _named_person(t: Any, m: Any, people: frozenset[str]) -> bool:
    """Whether ``t`` is a person's name standing alone, read by the document's full names: a capitalised word
    of one of them, not part of a longer name of another kind ("Brahe Street") nor a place."""
    if t.pos_ not in ("PROPN", "NOUN") or not t.text[:1].isupper() or t.lower_ not in people:
        return False
    return m is None or (m.first.i == m.last.i and m.kind not in ("place", "date"))


def _argument(t: Any) -> bool:
    """A subject, object or agent of a verb, not a name inside a description ("the monks of Bobbio")."""
    if t.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "appos", "conj"):
        return True
    return t.dep_ == "pobj" and t.head.lower_ in ("by", "to", "with")


def _same_class(word: str) -> frozenset[str]:
    return PERSONAL if word in PERSONAL else NEUTER if word in NEUTER else PLURAL


def links(corpus: Corpus, sent: Sentence) -> list[Link]:
    """Every third-person pronoun of the sentence with its antecedent (cached on the sentence)."""
    cached = sent.cache.get("pronouns")
    if cached is not None:
        return cached
    out: list[Link] = []
    earlier: dict[int, Link] = {}
    for t in sent.tokens:
        word = t.lower_
        if word not in PRONOUNS or (t.pos_ != "PRON" and t.tag_ not in ("PRP", "PRP$")):
            continue
        if _expletive(t):
            continue
        possessive = t.dep_ == "poss" or t.tag_ == "PRP$"
        local = _local(sent, t, earlier) or (_cataphoric(sent, t) if possessive else None)
        # "Steinbeck wrote ..., and Guthrie recorded his ballads": a possessive means the doer of its clause
        doer = _clause_subject(t)
        if (
            local is not None
            and local.i not in earlier
            and (doer is None or doer.i != local.i)
            and (_two_people(sent, t, local) or _unread_name_between(sent, t, local))
        ):
            # "Whitehouse was blamed, and Thomson's supporters presented him as ...": either man could be "him";
            # a name written in by guess may turn a true sentence false. Left as the article has it, it stays true.
            out.append(Link(word, t.i, None, possessive, True, None, _people_before(sent, t)))
            earlier[t.i] = out[-1]
            continue
        if local is not None:
            before = earlier.get(local.i)
            if before is not None:
                link = Link(word, t.i, before.antecedent, possessive, before.local)
            else:
                phrase = _phrase(sent, local)
                if phrase is not None and word in PERSONAL and contradicts_life(corpus, sent, t, phrase):
                    phrase = None
                link = Link(word, t.i, phrase, possessive, True, None if phrase else local.text)
            out.append(link)
            earlier[t.i] = link
            continue
        every = _quantified_before(sent, t)
        if every is not None:
            # "each chief owed loyalty to his own stool": "his" is each chief's, no one person's, and reads well
            # wherever "each chief" stands before it
            out.append(Link(word, t.i, None, possessive, True, every.text))
            earlier[t.i] = out[-1]
            continue
        across = None
        if t.dep_ in _SUBJ or possessive:
            across = _from_before(corpus, sent, word)
        if across is not None and _unread_name_before(sent, t, across):
            across = None
        if across is not None and word in PERSONAL and contradicts_life(corpus, sent, t, across):
            across = None  # "He died in 1601" is not of Kepler, whom the article has live until 1630
        out.append(Link(word, t.i, across, possessive, False))
        earlier[t.i] = out[-1]
    out = _one_gender_each(out)
    out = [
        Link(x.word, x.token, None, x.possessive, x.local, x.seen, x.rivals)
        if x.antecedent is not None and title_clash(x.word, x.antecedent)
        else x
        for x in out
    ]
    sent.cache["pronouns"] = out
    return out


_MASCULINE = frozenset({"he", "him", "his"})
_FEMININE = frozenset({"she", "her", "hers"})
# Titles that make a name a man's or a woman's: "she" never means "the Marquis du Châtelet" (her husband's title)
_MEN_TITLES = frozenset(
    {
        "king", "emperor", "prince", "duke", "marquis", "marquess", "count", "earl", "baron", "viscount", "lord",
        "sir", "tsar", "sultan", "mr", "pope", "abbot", "friar", "shah", "caliph", "pharaoh",
    }
)  # fmt: skip
_WOMEN_TITLES = frozenset(
    {"queen", "empress", "princess", "duchess", "marchioness", "countess", "baroness", "lady", "tsarina", "madame"}
    | {"mrs", "miss", "abbess", "sister"}
)


def title_clash(word: str, name: str) -> bool:
    """Whether ``name`` opens on a title of the other sex than the pronoun ``word`` ("she" and "Marquis du
    Châtelet", "he" and "Queen Anne"): not the person the pronoun means, whatever the chain of pronouns says."""
    words = name.lower().replace(".", "").split()
    if words and words[0] == "the":
        words = words[1:]
    first = words[0] if words else ""
    return (word in _FEMININE and first in _MEN_TITLES) or (word in _MASCULINE and first in _WOMEN_TITLES)


def _one_gender_each(found: list[Link]) -> list[Link]:
    """ "Pierre was killed, and she took over his chair": "he" and "she" cannot both mean Pierre, and which
    one does is not known here, so neither is resolved."""
    genders: dict[str, set[str]] = {}
    for link in found:
        if link.antecedent is not None and (link.word in _MASCULINE or link.word in _FEMININE):
            genders.setdefault(link.antecedent, set()).add("m" if link.word in _MASCULINE else "f")
    mixed = {ante for ante, seen in genders.items() if len(seen) > 1}
    if not mixed:
        return found
    return [Link(x.word, x.token, None, x.possessive, False) if x.antecedent in mixed else x for x in found]


_DEMONSTRATIVE = frozenset({"that", "this", "these", "those"})


def demonstratives(sent: Sentence) -> list[str]:
    """ "that date", "these purposes": phrases pointing back to something the sentence does not name."""
    out = []
    for t in sent.tokens:
        if t.lower_ in _DEMONSTRATIVE and t.dep_ == "det" and t.head.pos_ in ("NOUN", "PROPN"):
            # "that later excess": the words between go with it, or a prompt that keeps them all is not matched
            out.append(tokens_text(list(t.doc[t.i : t.head.i + 1])) if t.head.i > t.i else f"{t.text} {t.head.text}")
        elif t.lower_ in _DEMONSTRATIVE and t.dep_ == "pobj":
            # "much of that later excess", parsed as a pronoun with loose words after it: still a determiner
            words = list(
                itertools.takewhile(lambda x: x.pos_ in ("ADV", "ADJ", "NOUN"), t.doc[t.i + 1 : sent.span.end])
            )
            if words and words[-1].pos_ in ("ADJ", "NOUN"):
                out.append(tokens_text([t, *words]))
    return out


# "Most are written in Prakrit", "a large part flowed on to Genoa", "The rest fled": a share of something told before
_PARTITIVES = frozenset({"most", "many", "some", "several", "few", "all", "none", "both", "half", "much", "others"})
_SHARES = frozenset({"part", "rest", "majority", "minority", "remainder", "bulk"})


def partitives(sent: Sentence) -> list[str]:
    """Subjects that are a share of something the sentence does not name ("Most", "a large part"), each with the
    words up to its verb ("Most are written"): a prompt that keeps them says "most" of nothing."""
    out = []
    for t in sent.tokens:
        if t.dep_ not in _SUBJ or t.head.i != sent.root.i or t.head.i < t.i:
            continue  # "Rulers had dug canals, but none had cut ...": a share in a later clause is of what it follows
        if t.lower_ not in _PARTITIVES and not (t.lemma_.lower() in _SHARES and t.pos_ == "NOUN"):
            continue
        if any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in t.children):
            continue  # "most of the edicts", "the rest who stayed": the share says of what
        out.append(tokens_text(list(t.doc[t.left_edge.i : t.head.i + 1])))
    return out


_NOMINAL = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})


def elliptical_numbers(sent: Sentence) -> list[str]:
    """A number in a noun's place with no noun ("the two were enclosed", "set out to provide one"), as written:
    it counts things the sentence named before it or an earlier sentence did, which a prompt cut from it may not
    show. "one of the ships", "two thousand" say what they count."""
    out = []
    for t in sent.tokens:
        if t.pos_ != "NUM" or not t.is_alpha or t.dep_ not in _NOMINAL:
            continue
        if t.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"):
            continue
        if any(c.dep_ in ("prep", "compound", "amod", "relcl", "acl", "appos") for c in t.children):
            continue
        det = next((c for c in t.children if c.dep_ == "det" and c.i == t.i - 1), None)
        out.append(tokens_text([det, t]) if det is not None else t.text)
    return out


def stand_alone(corpus: Corpus, sent: Sentence, text: str, key: str = "") -> str | None:
    """``text`` (a prompt or item cut from ``sent``) with its pronouns' antecedents written in, or None when a
    pronoun, a demonstrative ("that date") or a share of something untold ("Most are") is left pointing at nothing
    the reader can see."""
    pointing = sent.cache.get("pointing")
    if pointing is None:  # asked of every prompt and item cut from the sentence: worked out once
        pointing = sent.cache["pointing"] = demonstratives(sent) + partitives(sent) + elliptical_numbers(sent)
    for phrase in pointing:
        if contains_phrase(text, phrase):
            return None
    if THERE_LOCATIVE.search(text):
        place = _there(corpus, sent)
        if place is not None:
            text = _write_in_there(text, place)
    found = links(corpus, sent)
    if not found:
        return text
    by_word: dict[str, set[str | None]] = {}
    for link in found:
        by_word.setdefault(link.word, set()).add(link.antecedent)
    for link in found:
        if not _word(link.word).search(text):
            continue
        ante = link.antecedent
        if ante is None and link.seen and len(by_word[link.word]) == 1 and _before(text, link.seen, link.word):
            continue  # the noun it means stands just before it in the prompt
        if ante is None and link.rivals and all(_shown(text, key, name, link.word) for name in link.rivals):
            continue  # every person it could mean is in view (or is the blank), as in the article
        if ante is None or len(by_word[link.word]) > 1 or BLANK in ante:
            return None
        if contains_phrase(text, ante) or (link.word in PERSONAL and _surname_before(text, ante, link.word)):
            continue  # the reader sees the antecedent
        if link.local and key and (contains_phrase(ante, key) or contains_phrase(key, ante)):
            continue  # the antecedent is the key: the blank or the wh-word stands where it was
        text = _write_in(text, link, ante)
    return text


# Common nouns of a place one can be "there" at: a sentence about one is about it, not the places it mentions
_SITE_NOUNS = BUILT_WORKS | frozenset(PLACE_GRAINS)


def _there(corpus: Corpus, sent: Sentence) -> str | None:
    """The place a leading "There" (not "there was") points back to: the place the sentence before is about,
    its subject, or the one place it names."""
    there = next((t for t in sent.tokens if t.lower_ == "there" and t.dep_ == "advmod"), None)
    if there is None:
        return None
    if any(m.kind == "place" and m.last.i < there.i for m in sent.mentions):
        return None  # "the kingdom held Damascus, and coins were struck there": its own sentence's place
    prev = _previous(corpus, sent)
    if prev is None:
        return None
    places = [m for m in prev.mentions if m.kind == "place" and not (m.gloss or m.fragment)]
    subject = _subject(prev)
    about = [m for m in places if subject is not None and m.first.i <= subject.i <= m.last.i]
    if about:
        return about[0].text
    if not places and subject is not None and subject.pos_ == "PROPN" and place_class(subject.lower_) is not None:
        return subject.text  # "Bruges became the chief market": a place the model did not tag, but a known one
    lead = subject if subject is not None else next((t for t in prev.tokens if t.dep_ in _SUBJ), None)
    if lead is not None and lead.pos_ == "NOUN" and lead.lemma_.lower() in _SITE_NOUNS:
        return None  # "The amphitheatre ... is the oldest in the Roman world. A brawl there ...": the building
    return places[0].text if len({m.norm for m in places}) == 1 else None


def _write_in_there(text: str, place: str) -> str:
    def repl(m: re.Match[str]) -> str:
        at_start = not text[: m.start()].strip()
        return ("In " if at_start else "in ") + place

    return THERE_LOCATIVE.sub(repl, text, count=1)


def _word(pronoun: str) -> re.Pattern[str]:
    """The pronoun as a whole word, any case ("her" not in "there", nor "it" in "it's")."""
    return re.compile(rf"(?<![\w']){pronoun}(?![\w'])", re.I)


def _shown(text: str, key: str, name: str, pronoun: str) -> bool:
    """Whether ``name`` stands in the prompt before the pronoun, or is what its blank stands for."""
    return _before(text, name, pronoun) or bool(key and (contains_phrase(key, name) or contains_phrase(name, key)))


def _before(text: str, word: str, pronoun: str) -> bool:
    """Whether ``word`` stands in ``text`` before the first ``pronoun``."""
    at = _word(pronoun).search(text)
    return at is not None and contains_phrase(text[: at.start()], word)


def _surname_before(text: str, name: str, pronoun: str) -> bool:
    """Whether the prompt calls the person ``name`` by the last word of the name alone before the pronoun: "Ricci
    and his fellow Jesuit" needs no "Matteo Ricci's". Not where another name runs into it ("Otte Brahe")."""
    words = name.split()
    at = _word(pronoun).search(text)
    if len(words) < 2 or at is None or not words[-1][:1].isupper():
        return False
    before = text[: at.start()]
    return any(
        not re.search(r"[A-Z][\w'-]*\s+$", before[: m.start()])
        for m in re.finditer(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])", before)
    )


def _write_in(text: str, link: Link, ante: str) -> str:
    if link.possessive:
        ante = ante + ("'" if ante.endswith("s") and not ante.endswith("ss") else "'s")

    def repl(m: re.Match[str]) -> str:
        at_start = not text[: m.start()].strip() or text[: m.start()].rstrip().endswith((".", "?", "!"))
        if at_start:
            return ante[:1].upper() + ante[1:]
        first = ante.split(" ", 1)[0]
        return ante[:1].lower() + ante[1:] if first in ("The", "A", "An") else ante

    # Only the first: once the name stands there, a later "she" reads as it ("X moved ..., where she earned").
    return _word(link.word).sub(repl, text, count=1)
