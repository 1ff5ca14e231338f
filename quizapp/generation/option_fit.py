"""Options a student rules out without knowing anything (issue #15, round 7).

An option must be the sort of answer the stem asks for, by the stem's own words and by what the article says of
the option. This module holds the article's evidence for that, read once per corpus:

- the stem's qualifiers: "the Dutch explorer ___" asks for a Dutch explorer, so every option must be one the
  article calls Dutch; "which city ... in central Europe" asks for a European city, so an option the place list
  puts in Asia is no option;
- a person's other name ("Olaudah Equiano, who used the name Gustavus Vassa"; "renamed him X"; "X, or Y") is the
  same person, never someone else to choose;
- nor is a name the article gives as another name of the key or of a person the stem names ("José Vell, who took
  the name Tupac Ardo II" offered as Tupac Ardo's wife);
- where the stem asks who argued or traced something and the article writes the key as a scholar, an option it
  never writes as one (a rebel's wife, a satirist of the story's own time) is of another sort;
- the reverse: where the key is an actor of the events (the article never writes it as a scholar), a person it
  writes as one ("Rodney Hilton, in Bond Men Made Free (1973), saw ...") is of another sort;
- a relative (someone's daughter, son, wife) is no option against a key the article gives no kinship;
- people of another era: a twentieth-century scholar among sixteenth-century actors; a year of another era
  ("1837" among options for "185 BCE"); a birth year later than the first deeds the article dates the person in;
- the stem's holder: "capture ___ from the Kingdom of Hungary" asks for a place the article (or the place list)
  ties to Hungary, not Nice or Jerusalem;
- a one-word place the model read as a person ("Genoese Galata" of "behind Galata");
- rank: a ruler is not appointed by his minister, nor does a subordinate appoint the ruler's officers: a swap that
  puts one in the other's role ("the sultan is appointed chief architect") is absurd; so is a swap that brings a
  foreigner into a statement of someone the article gives no such nationality ("unusually for a tsar, Charles
  XII ...");
- the stem's class noun beside the blank: "Pope _____", "the port of _____", "_____, an Englishwoman" (the
  article's evidence for it is read in stem_class).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .analysis import Corpus, Mention
from .gazetteer import REGION_CONTINENTS, containers, continents, place_class
from .kinds import PERSON_WORDS, said_kinds
from .stem_class import (
    called_a_port,
    called_a_woman,
    class_group,
    class_nouns,
    rank_titles,
    scholar_sign,
    stem_asks_a_port,
    stem_asks_a_scholar,
    stem_asks_a_woman,
    stem_class_noun,
    stem_title,
)
from .textutil import contains_phrase

# Verbs by which one person disposes of another: who does them holds rank over whom they are done to.
RANK_VERBS = frozenset(
    {
        "appoint", "dismiss", "execute", "exile", "banish", "pardon", "promote", "demote", "depose", "summon",
        "command", "order", "knight", "ennoble", "commission", "employ", "hire", "reward", "punish", "imprison",
    }
)  # fmt: skip
# Nouns of a command someone gives: "on Suleiman's orders".
_COMMAND_NOUNS = frozenset({"order", "orders", "command", "commands", "decree", "edict", "instruction"})
# Verbs that give a person a name: "renamed him X", "called her X", "was known as X".
_NAMING_VERBS = frozenset({"rename", "call", "name", "know", "baptise", "baptize", "christen", "dub", "style"})
_NAME_NOUNS = frozenset({"name", "alias", "pseudonym", "nickname", "title"})
# Prepositions that put what follows on a map: a one-word name after them is a place, whatever the model says.
_SPATIAL = frozenset({"in", "at", "behind", "across", "near", "inside", "outside", "into", "beyond", "around"})
# People further apart in time than this are of different eras: a student rules one out by that alone.
ERA_GAP_YEARS = 150
MINOR_MENTIONS = 2


@dataclass
class Facts:
    """What the corpus says of each name (by norm), for the rules below."""

    naming_only: set[str] = field(default_factory=set)  # names only ever given as someone's other name
    # names -> the other names the article gives the same person ("X, who took the name Y": each of the other)
    aliases: dict[str, set[str]] = field(default_factory=dict)
    kin: set[str] = field(default_factory=set)  # names the article calls someone's son, daughter, wife...
    nationality: dict[str, set[str]] = field(default_factory=dict)  # names -> the nationality words said of them
    authority: set[str] = field(default_factory=set)  # names (and surnames) of those who rule or command
    rulers: set[str] = field(default_factory=set)  # names the article gives a ruler's title or office
    places: set[str] = field(default_factory=set)  # one-word names written where a place goes ("behind Galata")
    titles: dict[str, set[str]] = field(default_factory=dict)  # names -> the rank titles the article gives them
    ports: set[str] = field(default_factory=set)  # names the article calls a port or has ships sail from
    women: set[str] = field(default_factory=set)  # names the article calls a queen, a wife, a sister...
    classes: dict[str, set[str]] = field(default_factory=dict)  # names -> the class nouns the article gives them
    scholars: set[str] = field(default_factory=set)  # people the article writes as scholars (``scholar_sign``)
    # of those, the ones whose verb, if it is their only sign, states a claim ("argued that"; not "explored race")
    claimants: set[str] = field(default_factory=set)


def facts(corpus: Corpus) -> Facts:
    """The corpus's evidence, read once and cached on the corpus."""
    hit = corpus.cache.get("option_fit")
    if hit is None:
        hit = corpus.cache["option_fit"] = _read(corpus)
    out: Facts = hit
    return out


def _read(corpus: Corpus) -> Facts:
    out = Facts()
    given: dict[str, list[bool]] = {}
    for m in corpus.mentions():
        if m.kind != "person":
            continue
        given.setdefault(m.norm, []).append(_given_name(m))
        kinds = said_kinds(m)
        if "person" in kinds or (m.root.dep_ == "appos" and m.root.head.lemma_.lower() in PERSON_WORDS):
            # "two daughters, Anna Maria and Joanna": the kinship covers every name of the list
            out.kin |= {n.norm for n in m.sent.mentions if n.kind == "person" and _listed_with(n, m)} | {m.norm}
        if "person:ruler" in kinds:
            # under the name and the surname: "Sultan Aldric Vane" is "Aldric Vane" and "Vane" elsewhere
            names = {m.norm, m.norm.split()[-1]}
            out.authority |= names
            out.rulers |= names
        adjective = nationality_of(m)
        if adjective:
            out.nationality.setdefault(m.norm, set()).add(adjective)
    out.naming_only = {norm for norm, flags in given.items() if all(flags)}
    for m in corpus.mentions():
        out.classes.setdefault(m.norm, set()).update(class_nouns(m))
        # of any kind: the model may read "took the name Tupac Ardo II" as a law by its numeral
        bearer = _bearer(m) if m.kind not in ("date", "vague_date", "number") and _given_name(m) else None
        if bearer is not None:
            out.aliases.setdefault(m.norm, set()).add(bearer.norm)
            out.aliases.setdefault(bearer.norm, set()).add(m.norm)
        if m.kind == "person":
            if scholar_sign(m):
                out.scholars.add(m.norm)
            if scholar_sign(m, thesis=True):
                out.claimants.add(m.norm)
            out.titles.setdefault(m.norm, set()).update(rank_titles(m))
            if called_a_woman(m):
                out.women.add(m.norm)
        elif m.kind == "place" and called_a_port(m):
            out.ports.add(m.norm)
    # a surname is also written after "in" now and then ("faith in Luther"), but its bearer acts elsewhere
    acting = {m.norm for m in corpus.mentions() if " " not in m.norm and m.root.dep_ in ("nsubj", "nsubjpass", "poss")}
    out.places = {
        m.norm
        for m in corpus.mentions()
        if " " not in m.norm and m.root.dep_ == "pobj" and m.root.head.lower_ in _SPATIAL and m.first.i == m.last.i
    } - acting
    for sent in corpus.sentences:
        for tok in sent.tokens:
            agent = None
            if tok.lemma_.lower() in RANK_VERBS and tok.pos_ == "VERB" and _done_to_a_person(tok):
                agent = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                agent = agent or next(
                    (g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None
                )
            elif tok.lower_ in _COMMAND_NOUNS:
                agent = next((c for c in tok.children if c.dep_ == "poss"), None)
            if agent is not None and agent.pos_ == "PROPN":
                covering = next((m for m in sent.mentions if m.first.i <= agent.i <= m.last.i), None)
                out.authority.add(agent.lower_)
                if covering is not None and covering.kind == "person":
                    out.authority.add(covering.norm)
    return out


def _done_to_a_person(verb: Any) -> bool:
    """Whether the verb's object (or passive subject) is a name: "appoints Ibrahim Pasha", not "commands the
    garrison"."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "PROPN" for c in verb.children)


def _listed_with(n: Mention, m: Mention) -> bool:
    """Whether ``n`` is joined to ``m`` by "and" / "or" ("Anna Maria and Joanna")."""
    return n.root.dep_ == "conj" and n.root.head.i == m.root.i


def _bearer(m: Mention) -> Mention | None:
    """The person whose other name ``m`` gives: the last person named before it in its sentence ("José Vell, who
    took the name Túpac Ardo II"), or None."""
    before = [n for n in m.sent.mentions if n.kind == "person" and n.last.i < m.first.i and n.norm != m.norm]
    return before[-1] if before else None


def _roman_free(norm: str) -> str:
    """A name without a closing regnal number: "tupac ardo ii" is written "Tupac Ardo" as often."""
    words = norm.split()
    return " ".join(words[:-1]) if len(words) > 1 and re.fullmatch(r"[ivx]+", words[-1]) else norm


def same_person_as_named(f: Facts, key: str, norm: str, prompt: str) -> bool:
    """Whether the option ``norm`` is another name of the key or of a person the stem names ("In 1760, Tupac Ardo
    married _____" with José Vell, who took the name Tupac Ardo II): the subject offered as his own wife."""
    return any(a == key or contains_phrase(prompt, _roman_free(a)) for a in f.aliases.get(norm, ()))


def _given_name(m: Mention) -> bool:
    """Whether a mention gives a name rather than a person: "used the name X", "renamed him X", "known as X",
    "A, or X"."""
    r = m.root
    if r.dep_ == "oprd" and r.head.lemma_.lower() in _NAMING_VERBS:
        return True
    if r.dep_ == "appos" and r.head.lemma_.lower() in _NAME_NOUNS:
        return True
    if r.dep_ == "pobj" and r.head.lower_ == "as" and r.head.head.lemma_.lower() in _NAMING_VERBS:
        return True
    # "A, or X"; "the name X", however the parser hangs it
    if m.first.i > m.sent.span.start and (
        m.first.nbor(-1).lower_ == "or" or m.first.nbor(-1).lemma_.lower() in _NAME_NOUNS
    ):
        return True
    # "José Rizal Mercado y Alonso Realonda": the surnames after "y" are the rest of the name before it
    return (
        m.first.i > m.sent.span.start + 1
        and m.first.nbor(-1).text == "y"
        and m.first.nbor(-2).pos_ == "PROPN"
        and m.first.nbor(-2).text[:1].isupper()
    )


def _nationality_word(tok: Any) -> bool:
    return tok.ent_type_ == "NORP" and tok.text[:1].isupper() and tok.pos_ in ("ADJ", "PROPN", "NOUN")


def nationality_of(m: Mention) -> str:
    """The nationality the sentence gives a person, lower case, or "": "the Dutch navigator X" (the words just
    before the name), "X, a Spanish friar" (an apposition after it)."""
    start = m.sent.span.start
    tokens = m.first.doc[max(start, m.first.i - 4) : m.first.i]
    # walk back over lower-case nouns ("navigator", "master navigator") to the adjective in front of them
    i = len(tokens) - 1
    while i >= 0 and tokens[i].is_lower and tokens[i].pos_ == "NOUN":
        i -= 1
    if 0 <= i < len(tokens) - 1 and _nationality_word(tokens[i]):
        return str(tokens[i].lower_)
    for c in m.root.children:
        if c.dep_ == "appos" and c.i > m.last.i:
            adjective = next((a for a in c.children if a.dep_ == "amod" and _nationality_word(a)), None)
            if adjective is not None:
                return str(adjective.lower_)
    return ""


def stem_nationality(key: Mention, prompt: str) -> str:
    """The nationality word the stem still says of the key ("Dutch" of "the Dutch explorer ___"), or ""."""
    adjective = nationality_of(key) if key.kind == "person" else ""
    return adjective if adjective and _says(prompt, adjective) else ""


def drop_nationality(prompt: str, adjective: str) -> str | None:
    """The stem without the nationality word ("the explorer ___"), or None where dropping it would leave "a"
    before a vowel or the other way round."""
    match = re.search(rf"\b(\w+) {re.escape(adjective)} ", prompt, flags=re.IGNORECASE)
    if match is None or match.group(1).lower() in ("a", "an"):
        return None
    return prompt[: match.end(1) + 1] + prompt[match.end() :]


def _says(prompt: str, words: str) -> bool:
    return re.search(rf"\b{re.escape(words)}\b", prompt, flags=re.IGNORECASE) is not None


def ruled_out(
    corpus: Corpus,
    key: Mention,
    norm: str,
    value: Mention,
    sentence_ids: Iterable[int],
    prompt: str,
    key_years: tuple[int, int] | None,
    swap: bool = False,
) -> bool:
    """Whether a student rules out the value (a corpus name, ``norm``, written as ``value``) as an answer for
    ``key`` in ``prompt`` by the stem's words or the value's kind alone (``sentence_ids``: the sentences naming
    the value); ``key_years`` are the years the key's part of the article tells of; ``swap``: the value is to
    replace the key in a false statement, where a change of rank reads as absurd."""
    f = facts(corpus)
    if of_another_class(f, key.norm, norm, prompt):
        return True
    if key.kind == "person":
        if same_person_as_named(f, key.norm, norm, prompt):
            return True
        if key.norm in f.scholars and norm not in f.scholars and stem_asks_a_scholar(prompt):
            return True  # "_____ (1957) presented the rebel as a precursor" with the rebel's wife among the options
        if actor_among_scholars(f, key.norm, norm, prompt):
            return True  # "Rodney Hilton" offered as the 1381 rebels' leader
        # a relative named only in passing ("two daughters, Anna Maria and Joanna") is known to the reader only as
        # someone's kin; one who acts in the story (a son who becomes sultan) is a player like the others
        minor = len(set(sentence_ids)) <= MINOR_MENTIONS
        if norm in f.naming_only or (norm in f.kin and norm not in f.authority and not key.fine and minor):
            return True
        adjective = stem_nationality(key, prompt)
        if adjective and adjective not in f.nationality.get(norm, set()):
            return True
        theirs = f.nationality.get(norm, set())
        if swap and theirs and not theirs & f.nationality.get(key.norm, set()):
            return True  # "unusually for a tsar, Charles XII ...": a foreigner swapped in reads as absurd
        if norm in f.places or norm.split()[-1] in f.places or names_a_country(norm):
            return True  # "Genoese Galata" of "behind Galata": a place the model read as a person
        if key_years is not None and _other_era(corpus, key, sentence_ids, key_years):
            return True
        if stem_asks_a_woman(prompt) and key.norm in f.women and norm not in f.women:
            return True  # "Equiano married _____, an Englishwoman" with men among the options
        title = stem_title(prompt)
        if title and title in f.titles.get(key.norm, ()) and title not in f.titles.get(norm, ()):
            return True  # "Pope _____" with a count among the options
        return _outranks(f, key, norm, swap)
    if key.kind == "place":
        if stem_asks_a_port(prompt) and key.norm in f.ports and norm not in f.ports:
            return True  # "the Mediterranean port of _____" with an inland city among the options
        return (
            _off_the_stem_locator(corpus, key, norm, sentence_ids, prompt)
            or _outside_stem_region(key, norm, prompt)
            or _off_the_listed_continent(key, norm, prompt)
            or _off_the_listed_country(key, norm, prompt)
            or _not_held_by(corpus, key, norm, sentence_ids, prompt)
        )
    if key.kind == "date" and key.date is not None and value.date is not None:
        latest = _latest_birth(corpus, key)
        return (latest is not None and value.date.year > latest) or _dates_of_other_eras(key.date.year, value.date.year)
    return False


def actor_among_scholars(f: Facts, key: str, norm: str, prompt: str) -> bool:
    """Whether the option ``norm`` is a person the article writes as a scholar (``scholar_sign``: "Rodney Hilton,
    in Bond Men Made Free (1973), saw ...", "the historian X", "X argued that"; not "Larsen explored race in her
    novels", which the story's own writers and artists do) offered for a key it never writes as one, where the
    stem does not ask a scholar's act: a modern historian among the actors of the events is ruled out at a
    glance."""
    return norm in f.claimants and key not in f.scholars and not stem_asks_a_scholar(prompt)


def of_another_class(f: Facts, key: str, norm: str, prompt: str) -> bool:
    """Whether the stem's class noun for its blank ("the _____, a store that ...") is one the article gives the key
    (``key``, a norm) but not the option (``norm``), which the article calls something else (a newspaper, a
    club): a student rules it out by the stem's word alone. An option the article gives no class is not judged."""
    noun = class_group(stem_class_noun(prompt))
    theirs = {class_group(n) for n in f.classes.get(norm, ())}
    mine = {class_group(n) for n in f.classes.get(key, ())}
    return bool(noun and theirs and noun in mine and noun not in theirs)


def _dates_of_other_eras(key: int, value: int) -> bool:
    """Whether a year is of another era than the key's: "1837" among options for "185 BCE", "1979" for a
    date of the fourth century; a gap of a few centuries in prehistory is no give-away."""
    if (key < 0) != (value < 0):
        return abs(key - value) > ERA_GAP_YEARS
    return key > 0 and abs(key - value) > ERA_GAP_YEARS


def _holder(key: Mention) -> Mention | None:
    """The place or body the stem says the key was taken from: "capture Belgrade from the Kingdom of Hungary"."""
    verb = key.root.head
    if key.root.dep_ != "dobj":
        return None
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ == "from":
            obj = next((c for c in p.children if c.dep_ == "pobj"), None)
            held = next((m for m in key.sent.mentions if obj is not None and m.first.i <= obj.i <= m.last.i), None)
            if held is not None and held.kind in ("place", "org"):
                return held
    return None


def _not_held_by(corpus: Corpus, key: Mention, norm: str, sentence_ids: Iterable[int], prompt: str) -> bool:
    """Whether the stem says whom the key was taken from ("from the Kingdom of Hungary") and nothing shows the
    value was theirs too: neither the place list (the value lies in that country) nor a sentence of the article
    naming the value beside that holder, or the people of it ("Buda; central Hungary becomes ...")."""
    holder = _holder(key)
    if holder is None or not _says(prompt, holder.text):
        return False
    name = holder.norm.split()[-1]
    if name in containers(norm):
        return False
    stem = name[: max(5, len(name) - 2)]  # "Hungary" and "Hungarian"
    for sid in sentence_ids:
        s = corpus.sentences[sid]
        if s.doc == key.sent.doc and any(t.lower_.startswith(stem) for t in s.tokens):
            return False
    return True


# Years before a person's first dated deed by which he must have been born: no one acts as a child of ten.
MIN_AGE_AT_FIRST_DEED = 12


def _latest_birth(corpus: Corpus, key: Mention) -> int | None:
    """If the key dates a birth ("Luther was born on 10 November 1483"), the latest year a student would accept
    for it: MIN_AGE_AT_FIRST_DEED years before the first year the article dates the person in; else None."""
    born = key.root.head.head if key.root.dep_ == "pobj" else key.root.head
    if born.lemma_.lower() != "bear":
        return None
    # "Luther was born in 1483"; "Galileo, born in Pisa in 1564, taught ...": the one the birth is told of
    person = next((m for m in key.sent.mentions if m.kind == "person" and m.root.head.i == born.i), None)
    if person is None and born.dep_ == "acl":
        person = next((m for m in key.sent.mentions if m.kind == "person" and m.root.i == born.head.i), None)
    if person is None:
        return None
    cache: dict[tuple[int, str], int | None] = corpus.cache.setdefault("latest_birth", {})
    surname = person.norm.split()[-1]
    if (key.sent.id, surname) not in cache:
        deeds = {
            d.date.year
            for s in corpus.document_sentences(key.sent.doc)
            if s.id != key.sent.id
            if any(p.kind == "person" and p.norm.split()[-1] == surname for p in s.mentions)
            for d in s.mentions
            if d.date is not None
        }
        cache[(key.sent.id, surname)] = min(deeds) - MIN_AGE_AT_FIRST_DEED if deeds else None
    return cache[(key.sent.id, surname)]


def _other_era(corpus: Corpus, key: Mention, sentence_ids: Iterable[int], key_years: tuple[int, int]) -> bool:
    """Whether every year the article gives beside the value lies more than an era from the key's years."""
    years = {
        m.date.year
        for sid in sentence_ids
        if corpus.sentences[sid].doc == key.sent.doc
        for m in corpus.sentences[sid].mentions
        if m.date is not None
    }
    # the key's own sentence dates it best; its part of the article may run from the events to their study
    own = [m.date.year for m in key.sent.mentions if m.date is not None]
    lo, hi = (min(own), max(own)) if own else key_years
    return bool(years) and all(y < lo - ERA_GAP_YEARS or y > hi + ERA_GAP_YEARS for y in years)


def _outranks(f: Facts, key: Mention, norm: str, swap: bool) -> bool:
    """Whether the value holds rank the key's role denies it, or lacks the rank the role needs: one appointed,
    dismissed or executed is no ruler ("the sultan is appointed chief architect"); in a false statement, one who
    appoints is no one the article shows taking orders. Among options only a ruler's title counts: that one
    person gave another orders says too little of who else might have been executed."""
    r = key.root
    if r.head.lemma_.lower() not in RANK_VERBS:
        return False
    ranked = f.authority if swap else f.rulers
    mine = key.norm in ranked or key.norm.split()[-1] in ranked
    theirs = norm in ranked or norm.split()[-1] in ranked
    if r.dep_ in ("nsubjpass", "dobj"):
        return theirs and not mine
    if r.dep_ == "nsubj" and swap:
        return mine and not theirs
    return False


def _off_the_stem_locator(corpus: Corpus, key: Mention, norm: str, sentence_ids: Iterable[int], prompt: str) -> bool:
    """Whether the stem locates the key by a place after a comma ("deported to _____, on Mindanao") and nothing
    puts the value there: neither the place list, nor the article's "X, a town in Y", nor a sentence naming the
    value beside that place. Heidelberg and Paris are not on Mindanao, and the stem says so."""
    after = key.last.i + 1
    doc = key.sent.span.doc
    if after + 2 >= key.sent.span.end or doc[after].text != "," or doc[after + 1].lower_ not in ("on", "in"):
        return False
    where = next((m for m in key.sent.mentions if m.first.i == after + 2 and m.kind == "place"), None)
    if where is None or not _says(prompt, where.text):
        return False
    if where.norm in containers(norm) or where.norm in corpus.cache.get("inside", {}).get(norm, ()):
        return False
    return not any(any(m.norm == where.norm for m in corpus.sentences[sid].mentions) for sid in sentence_ids)


def _outside_stem_region(key: Mention, norm: str, prompt: str) -> bool:
    """Whether the stem puts the key in a continent's part ("in central Europe") that the place list puts the
    value outside of, while it puts the key inside."""
    for m in key.sent.mentions:
        code = REGION_CONTINENTS.get(m.norm)
        if m is key or code is None or not _says(prompt, m.text):
            continue
        theirs = continents(norm)
        if code in continents(key.norm) and theirs and code not in theirs:
            return True
    return False


LISTED_PLACES = 2


def _off_the_listed_continent(key: Mention, norm: str, prompt: str) -> bool:
    """Whether the stem lists other places that share a continent with the key ("opened in ___ in 1650, London
    in 1652 and Paris and Vienna"), and the place list puts the value on none of them: an Asian city among
    European ones stands out at a glance."""
    shared = continents(key.norm)
    listed = 0
    for m in key.sent.mentions:
        if m is key or m.kind != "place" or m.norm == key.norm or not _says(prompt, m.text):
            continue
        theirs = continents(m.norm)
        if not theirs:
            continue
        shared &= theirs
        listed += 1
    theirs = continents(norm)
    # two or more: a list of places; one other place is often the actor ("Japan annexed ___"), not a sibling
    return listed >= LISTED_PLACES and bool(shared) and bool(theirs) and not theirs & shared


def _off_the_listed_country(key: Mention, norm: str, prompt: str) -> bool:
    """Whether the stem names other cities that the place list puts in one country with the key ("moved to
    Nanchang in 1595 and to ___ in 1599"), and puts the value only in other countries: a stop abroad among stops
    in one country stands out at a glance. A country in the stem is often the actor ("Japan took ___"), so only
    cities count; and only a key the place list puts in one country."""
    shared = set(containers(key.norm))
    if len(shared) != 1:
        return False  # "Paris" of France or of Texas: a name of several places says no one country
    listed = 0
    for m in key.sent.mentions:
        if m is key or m.kind != "place" or m.norm == key.norm or not _says(prompt, m.text):
            continue
        theirs = containers(m.norm)
        if place_class(m.norm) != "city" or not theirs:
            continue
        shared &= theirs
        listed += 1
    theirs = containers(norm)
    return listed >= 1 and bool(shared) and bool(theirs) and not theirs & shared


# Words that join a person's name to a place: "Louis of France", "Juan de Austria" are people.
_PLACE_PARTICLES = frozenset({"of", "the", "de", "del", "da", "di", "du", "la", "le", "von", "van", "y", "al", "el"})


def names_a_country(norm: str) -> bool:
    """Whether a name of several words holds a country's name not joined to it by a particle ("kenya colony",
    "norse greenland"): a polity or a place the model read as a person, never someone to offer or ask for."""
    words = norm.split()
    return len(words) > 1 and any(
        place_class(w) == "country" and (i == 0 or words[i - 1] not in _PLACE_PARTICLES) for i, w in enumerate(words)
    )
