"""Phrases that lean on earlier sentences: "the school", "the treaty", "on the night of November 8-9".

A question is read alone. A definite description with a bare common-noun head ("the invasion") refers to
something named before, and a date without a year is dated by an earlier sentence. Both are resolved from
the previous sentences of the same paragraph where they can be ("the treaty" -> "the Treaty of Rapallo",
"November 8-9" -> "November 8-9, 1923"); a candidate whose prompt keeps an unresolved one is refused.
"""

from __future__ import annotations

import re
from typing import Any

from .analysis import Corpus, Sentence
from .clauses import body_tokens, relative_time
from .dangling import counted_view, dangling_phrase, lead_in_dropped, unanswered_reply
from .dates import DateValue
from .kinds import PLACE_GRAINS
from .lexicon import EVENT_WORDS, LAW_WORDS, TITLES
from .normalise import MONTHS
from .setting import document_subject
from .tense import historical_present, left_in_present, past_clauses, past_question, past_statement, undated_entry
from .textutil import contains_phrase, tidy, tokens_text, word_count
from .timeline import dated as entry_dated
from .timeline import entry_date, raw_label
from .whose import written_whose

LOOK_BACK = 6  # earlier sentences of the same document searched for an antecedent
MAX_NAME_WORDS = 7
# Heads that name one thing in any text ("the world", "the past") or a part of the sentence's own frame.
GENERIC_HEADS = frozenset(
    {
        "world",
        "past",
        "future",
        "present",
        "public",
        "sun",
        "moon",
        "earth",
        "sky",
        "sea",
        "ocean",
        "west",
        "east",
        "north",
        "south",
        "time",
        "end",
        "beginning",
        "start",
        "rest",
        "majority",
        "minority",
        "most",
        "first",
        "last",
        "same",
        "following",
        "century",
        "period",
        "era",
        "day",
        "night",
        "morning",
        "evening",
        "year",
        "month",
        "week",
        "population",
        "people",
        "environment",
        "economy",
        "way",
        "case",
        "fact",
        "idea",
        "truth",
        "result",
        "number",
        "amount",
        "top",
        "bottom",
        "middle",
        "side",
        "front",
        "back",
        "other",
        "others",
        "latter",
        "former",
    }
)
# Heads naming events, institutions, places, documents and groups: "the treaty", "the school", "the invasion"
# without a name cannot be answered away from the article. Other bare heads ("the trade") only lower confidence.
REFERRING_HEADS = frozenset(
    {
        "school",
        "academy",
        "university",
        "college",
        "institute",
        "base",
        "camp",
        "centre",
        "center",
        "site",
        "plant",
        "factory",
        "works",
        "shipyard",
        "mine",
        "airfield",
        "airport",
        "harbour",
        "harbor",
        "port",
        "station",
        "bridge",
        "canal",
        "railway",
        "road",
        "tunnel",
        "dam",
        "fortress",
        "castle",
        "fort",
        "palace",
        "church",
        "cathedral",
        "monastery",
        "city",
        "town",
        "village",
        "country",
        "region",
        "province",
        "state",
        "kingdom",
        "empire",
        "republic",
        "capital",
        "island",
        "colony",
        "headquarters",
        "treaty",
        "pact",
        "agreement",
        "accord",
        "alliance",
        "truce",
        "armistice",
        "contract",
        "deal",
        "protocol",
        "charter",
        "constitution",
        "decree",
        "law",
        "act",
        "declaration",
        "document",
        "letter",
        "report",
        "plan",
        "project",
        "programme",
        "program",
        "operation",
        "expedition",
        "mission",
        "campaign",
        "invasion",
        "war",
        "battle",
        "siege",
        "attack",
        "offensive",
        "occupation",
        "revolt",
        "revolution",
        "rebellion",
        "uprising",
        "coup",
        "strike",
        "crisis",
        "scandal",
        "affair",
        "trial",
        "incident",
        "election",
        "referendum",
        "reform",
        "meeting",
        "conference",
        "congress",
        "summit",
        "negotiations",
        "talks",
        "assembly",
        "council",
        "committee",
        "commission",
        "parliament",
        "government",
        "ministry",
        "office",
        "department",
        "agency",
        "court",
        "company",
        "firm",
        "enterprise",
        "bank",
        "group",
        "party",
        "movement",
        "organisation",
        "organization",
        "union",
        "league",
        "army",
        "navy",
        "fleet",
        "regiment",
        "division",
        "unit",
        "squadron",
        "regime",
        "dynasty",
        "ship",
        "archive",
        "collection",
        "museum",
        "library",
        # events told earlier: "the construction", "the voyage", "the spending" are that one, not any
        "construction",
        "spending",
        "voyage",
        "journey",
        "survey",
        "dispute",
        "visit",
        "tour",
        "excavation",
        "restoration",
        "merger",
        "sale",
        "purchase",
        "ceremony",
        "celebration",
        "celebrations",
        "investigation",
        "inquiry",
        "coronation",
        "funeral",
        "wedding",
        "march",
        "riot",
        "riots",
        "boycott",
        "protest",
        "mutiny",
        "massacre",
        "famine",
        "epidemic",
        "flood",
        "fire",
        "earthquake",
        "explosion",
        "disaster",
        "raid",
        # words that tell again, in other words, what an earlier sentence told: "the scene" of a beating, "the
        # disease" of an epidemic, "the execution" of a hanging; read alone they say neither what nor whose
        "scene",
        "event",
        "events",
        "episode",
        "occasion",
        "situation",
        "disease",
        "illness",
        "sickness",
        "infection",
        "outbreak",
        "execution",
        "defence",
        "defense",
        "opinion",
        "details",
        "structure",
    }
)
# Nouns whose content is a claim, a rule or a way of doing told elsewhere ("shell nouns"): "the principle" is the
# one the text argued before, in other words; without "that ..." or "of ..." it says nothing a reader alone can place.
SHELL_NOUNS = frozenset(
    {
        "principle", "theory", "method", "practice", "technique", "view", "argument", "claim", "doctrine",
        "proposal", "hypothesis", "thesis", "notion", "concept", "approach", "scheme", "finding", "conclusion",
        "explanation", "interpretation", "suggestion", "belief", "policy",
    }
)  # fmt: skip
# Adjectives that say the thing was spoken of before: "the new science" (the one just told of), "the same
# method", "the latter": whatever the noun, the phrase points back to what it does not name.
POINTING_ADJECTIVES = frozenset(
    {"new", "same", "latter", "former", "aforementioned", "above", "previous", "said", "remaining", "other"}
)
# Dependents that pin down which thing is meant: "the school in Kazan", "the treaty that ...", "the Soviet army".
_IDENTIFYING = frozenset({"prep", "relcl", "acl", "poss", "appos", "compound", "nummod", "npadvmod", "nmod"})
_YEAR = re.compile(r"\b(?:1\d{3}|20\d{2})\b")
_MONTH_WORDS = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)


def _bare(t: Any) -> bool:
    """A common noun with "the" and nothing that identifies it."""
    # "beneath the stupa" tagged an adjective: a word that stands alone as an object or subject is a noun
    nominal = t.pos_ == "NOUN" or (t.pos_ == "ADJ" and t.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass"))
    if not nominal or t.ent_type_ or t.lemma_.lower() in GENERIC_HEADS or t.lower_ in GENERIC_HEADS:
        return False
    if t.dep_ in ("compound", "npadvmod"):
        return False  # ("the party's campaign": a possessive is as vague as any other "the party")
    kids = list(t.children)
    if (
        not kids
        or kids[0].dep_ != "det"
        or kids[0].lower_ != "the"
        or (
            kids[0].i != t.i - 1
            and not all(_describing(k, t) and k.text[:1].islower() for k in t.doc[kids[0].i + 1 : t.i])
        )
    ):
        return False
    if _comma_name_tokens(t) or _name_follows(t):
        return False  # "the ship, HMS Challenger", "the archaeologist James Porter": named right there
    for k in kids[1:]:
        if _says_nothing_of_which(k):
            continue
        if k.dep_ in _IDENTIFYING or (k.dep_ == "amod" and k.text[:1].isupper()):
            return False
        if k.dep_ not in ("amod", "punct", "case"):
            return False
    return True


def _describing(k: Any, head: Any) -> bool:
    """A word between "the" and its noun that describes it: an adjective, or an adverb of one ("the much larger
    project": "much" grades "larger", and still says nothing of which project)."""
    if k.dep_ == "advmod" and k.lower_ in ("most", "least"):
        return False  # "the most famous text": a superlative says which one
    return k.dep_ == "amod" or (k.dep_ == "advmod" and k.head.dep_ == "amod" and k.head.head.i == head.i)


def _says_nothing_of_which(k: Any) -> bool:
    """A dependent of "the <noun>" that does not pick out which thing it is: an apposition with "a" ("the
    occupation, a revolt ...": it says what, not which), or a participle with adverbs only ("the principle
    widely accepted", an inverted passive the parser hung on the noun)."""
    if k.dep_ == "appos":
        return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in k.children)
    if k.dep_ == "acl" and k.tag_ == "VBN":
        return all(c.dep_ in ("advmod", "neg") for c in k.children)
    return False


def _short_name(t: Any) -> bool:
    """ "the League", "the Republic": one capitalised word after "the", with nothing else that names it."""
    return (
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and t.text[1:].islower()
        and t.dep_ != "compound"
        and t.i > 0
        and t.doc[t.i - 1].lower_ == "the"
        and t.i > t.sent.start  # last: spaCy finds a token's sentence by walking the parse
        and all(k.i == t.i - 1 or (k.dep_ == "case" and k.i == t.i + 1) for k in t.children)  # "the League's"
    )


def _elided(t: Any) -> bool:
    """A singular count noun with no article or modifier after a preposition of place ("went to school")."""
    return (
        t.tag_ == "NN"
        and t.dep_ == "pobj"
        and t.n_lefts == 0
        and t.n_rights == 0
        and not t.ent_type_
        and t.head.lower_ in ("to", "at", "into", "from")
        and t.lemma_.lower() not in GENERIC_HEADS
    )


def _antecedent(corpus: Corpus, sent: Sentence, head: Any, modifiers: tuple[str, ...] = ()) -> str | None:
    """The name whose head word is ``head`` ("the Treaty of Rapallo", "the Kama tank school") that "the <head>"
    stands for, written as it may replace it: the one such name the document gives before the sentence (its
    title included). When the document has named two different things so ("the drilling ship Glomar Challenger",
    "the ship HMS Challenger"), "the ship" could be either, and it is left unresolved. The phrase's own modifiers
    must be in the name: they pick one of several ("the lunar module" of "the command module Columbia" and "the
    lunar module Eagle"), and with none that has them the phrase is left unresolved."""
    lemma = head.lemma_.lower()
    found = [
        (sid, name)
        for sid, name in _name_index(corpus, sent.doc, lemma)
        if sid < sent.id and (sid == -1 or not _DESCRIBED.match(name) or corpus.sentences[sid].para == sent.para)
    ]
    if head.tag_ == "NNS":
        # "lined the streets" is no one street: a plural stands for a name only in the plural ("the Faroe Islands")
        found = [(sid, name) for sid, name in found if name.split()[-1].lower() == head.lower_]
    if modifiers:
        # "the allied army" is not "the Ottoman army", the one army named before: a description the name does not
        # carry may be of another thing, and writing the name in would change what the sentence says
        found = [(sid, name) for sid, name in found if all(contains_phrase(name, w) for w in modifiers)]
    if not found:
        return None
    if found[0][0] == -1:
        # The title names what the article is about: "the expedition" is that one ("the Franklin expedition" of
        # a paragraph before does not count), unless the sentences just before named another: then it is unclear
        recent = [name for sid, name in found if sid >= sent.id - 2 and corpus.sentences[sid].para == sent.para]
        name = _one_name([found[0][1], *recent])
    else:
        name = _one_name([name for _, name in found])
    if name is None or (head.tag_ == "NN" and _plural_only(name, head)):
        return None  # "the city" is not "the Niger bend cities of Timbuktu": a plural name is no one thing
    if _other_in_reach(corpus, sent, head, name, modifiers) or _titled_other_since(corpus, sent, head, name, found):
        return None
    return name


def _titled_other_since(corpus: Corpus, sent: Sentence, head: Any, name: str, found: list[tuple[int, str]]) -> bool:
    """Whether a sentence between the last naming of ``name`` and this one writes the head word after another
    name ("the Qianlong emperor" after "the Kangxi emperor"), where the parse did not make a name of it: "the
    emperor" is then likelier that one, and writing the older name in puts a ruler outside his reign."""
    last = max(sid for sid, _ in found)
    titled = corpus.kept("titled_words", sent.doc, lambda: _titled_words(corpus, sent.doc))
    return any(
        last < sid < sent.id and not contains_phrase(name, before) for sid, before in titled.get(head.lower_, ())
    )


def _titled_words(corpus: Corpus, doc: int) -> dict[str, list[tuple[int, str]]]:
    """Word (lower case) -> (sentence id, the name before it) for each word of the document written after a
    proper noun: read once per document, as every "the <head>" asks it of the sentences before it."""
    out: dict[str, list[tuple[int, str]]] = {}
    for s in corpus.document_sentences(doc):
        for t in s.tokens[1:]:
            before = t.nbor(-1)
            if before.pos_ == "PROPN":
                out.setdefault(t.lower_, []).append((s.id, before.text))
    return out


def _other_in_reach(corpus: Corpus, sent: Sentence, head: Any, name: str, modifiers: tuple[str, ...]) -> bool:
    """Whether another thing "the <head>" may mean stands nearer than ``name``, in the sentence before or the
    paragraph's sentences before it, back to the last one naming ``name``: "the ship Endeavour" of the opening,
    then "the British ship, Dolphin, reached Tahiti. Many were killed by the ship's guns" (the Dolphin's, which
    the parse did not name); "Teotihuacan covered 20 km2. The city was laid out ..." (not "Mexico City" of an
    earlier paragraph). Writing the older name in would make the sentence false."""
    core = _core_name(name)
    if PLACE_GRAINS.get(head.lower_) == "city" and _town_before(sent, head, core):
        return True  # "Tuareg groups seized Timbuktu, and Sunni Ali took the city": Timbuktu, as likely as not
    for s in reversed(corpus.sentences[max(sent.id - LOOK_BACK, 0) : sent.id]):
        if s.doc != sent.doc or s.heading or (s.id != sent.id - 1 and s.para != sent.para):
            break
        if _rival_of(s, head, name, modifiers) or (head.lower_ in _PLACE_HEADS and _rival_place(s, head, core)):
            return True
        if contains_phrase(s.text, core):
            return False  # named again, nearest
    return False


def _plural_only(name: str, head: Any) -> bool:
    """Whether ``name`` holds the head's word in the plural only ("cities" but not "city")."""
    return not contains_phrase(name, head.lower_) and not contains_phrase(name, head.lemma_)


def _town_before(sent: Sentence, head: Any, core: str) -> bool:
    """Whether the sentence names, before "the city" (or town, port), a place other than ``core`` that may be a
    town: a place of no known grain, or a name of no kind the model saw standing as a subject or object; not
    "the Songhai Empire", whose own word says it is no town. (A country beside "the Empire" is more often the
    other party than the same thing, so only towns are read so.)"""
    for t in sent.tokens:
        if t.i >= head.i:
            return False
        if t.pos_ != "PROPN" or not t.text[:1].isupper() or contains_phrase(core, t.text):
            continue
        m = next((m for m in sent.mentions if m.first.i <= t.i <= m.last.i), None)
        if m is None and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return True
        if m is not None and m.kind == "place" and t.i == m.last.i:
            grain = m.fine.split(":", 1)[1] if ":" in m.fine else PLACE_GRAINS.get(m.last.lower_, "city")
            if grain == "city":
                return True
    return False


def _core_name(name: str) -> str:
    """The words that name a thing without its class word: "Endeavour" of "the ship Endeavour"."""
    words = _strip_the(name).split()
    while len(words) > 1 and words[0][:1].islower():
        words = words[1:]
    return " ".join(words)


def _rival_of(sent: Sentence, head: Any, name: str, modifiers: tuple[str, ...]) -> bool:
    """Whether the sentence speaks of a thing of ``head``'s kind other than ``name`` ("a ship", "the British ship,
    Dolphin", "the ship Dolphin") that the phrase's own modifiers fit ("the new ship" is not "the old ship
    Marigold"); "the ship" again points back itself, and a plural is no one thing."""
    lemma = head.lemma_.lower()
    for t in sent.tokens:
        if t.lemma_.lower() != lemma or t.pos_ not in ("NOUN", "PROPN"):
            continue
        if (t.tag_ in ("NNS", "NNPS") and head.tag_ == "NN") or (t.dep_ == "compound" and t.head.pos_ == "NOUN"):
            continue  # "one of the largest cities", "a ship captain"
        named = _name_around(sent, t) or _comma_name(sent, t)
        if not all(contains_phrase(named or tokens_text(list(t.subtree)), w) for w in modifiers):
            continue
        if named is not None:
            if not (contains_phrase(name, _strip_the(named)) or contains_phrase(named, _strip_the(name))):
                return True
            continue
        if _bare(t) or t.pos_ == "PROPN" or contains_phrase(tokens_text(list(t.subtree)), _core_name(name)):
            continue  # ("the Rideau Canal" parsed with "Canal" a name's word: the name itself)
        return True
    return False


def _rival_place(sent: Sentence, head: Any, core: str) -> bool:
    """Whether the sentence has another place of ``head``'s grain than the one named ("the city" after a sentence
    naming Nimes), or a subject of no kind the model saw that may be one ("Teotihuacan covered ...")."""
    fine = "place:" + PLACE_GRAINS[head.lower_]
    for t in sent.tokens:
        if t.pos_ != "PROPN" or not t.text[:1].isupper():
            continue
        m = next((m for m in sent.mentions if m.first.i <= t.i <= m.last.i), None)
        if m is None:
            # a name of no kind the model saw counts as the subject only ("Teotihuacan covered ..."), not as a
            # gloss in brackets or a word of a person's name it missed
            bracketed = sum(x.text == "(" for x in sent.tokens if x.i < t.i) > sum(
                x.text == ")" for x in sent.tokens if x.i < t.i
            )
            if t.dep_ not in ("nsubj", "nsubjpass") or bracketed:
                continue
        elif m.kind != "place" or (
            m.fine != fine and not (m.fine in ("place", "") and t.dep_ in ("nsubj", "nsubjpass"))
        ):
            continue  # "Bavaria" is no rival for "the Empire", nor "Venice" for "the country"; a place of unknown
            # grain is one as the subject, as a name of no kind is ("By 300 CE Teotihuacan covered ...")
        if not contains_phrase(core, m.text if m is not None else t.text):
            return True
    return False


# "the campaign in the House of Commons" is no name but a thing described by where it was: a later "the campaign"
# of another paragraph may be a larger one ("books of the campaign"), so a description counts in its paragraph only.
_DESCRIBED = re.compile(r"^the [a-z][\w-]*(?: [a-z][\w-]*)* (?:in|at|near|on|of) (?:the )?[A-Z]")


def _told_before(corpus: Corpus, sent: Sentence, phrase: str) -> bool:
    """Whether an earlier sentence of the document has a noun with the head word of "the <noun>": then the phrase
    points back to that one ("a congress ... the congress"), whatever the word, and a reader without the article
    does not know which; a "the <noun>" the article has not spoken of before is a unique or generic one ("the
    north", "the trade" of a sentence that first speaks of it)."""
    word = phrase.split()[-1]
    lemma = next((t.lemma_.lower() for t in sent.tokens if t.text == word), word.lower())
    _, places = _noun_places(corpus, sent.doc)
    return any(s.id < sent.id for s, _ in places.get(lemma, ()))


DONE_LOOK_BACK = 3  # sentences before, where "the order" may name what "ordered" told


def _done_before(corpus: Corpus, sent: Sentence, phrase: str, prompt: str) -> bool:
    """Whether "the <noun>" names an action told just before with its verb ("Charles III ordered their expulsion,
    and the order was carried out ..."; "defended" ... "the defence"), in a sentence before or in a part of the
    sentence the prompt left out: read alone, the phrase does not say whose action, or of what."""
    word = phrase.split()[-1]
    head = next((t for t in sent.tokens if t.text == word), None)
    noun = head.lemma_.lower() if head is not None else word.lower()
    verbs = [
        t
        for s in corpus.sentences[max(sent.id - DONE_LOOK_BACK, 0) : sent.id]
        if s.doc == sent.doc and not s.heading
        for t in s.tokens
    ]
    if head is not None:
        verbs += [t for t in sent.tokens if t.i < head.i and not contains_phrase(prompt, t.text)]
    return any(t.pos_ == "VERB" and len(t.lemma_) >= 4 and _derived(noun, t.lemma_.lower()) for t in verbs)


def _derived(noun: str, verb: str) -> bool:
    """Whether the noun is the verb's action ("order"/"order", "defence"/"defend", "invasion"/"invade"): the same
    word, or the verb's stem (less its last letter) with a short ending."""
    if noun == verb:
        return True
    stem = verb[:-1]
    return len(verb) >= 5 and noun.startswith(stem) and len(noun) - len(stem) <= 5 and noun != stem


# Words no name ends on: "the Dialogue Concerning" is a title the model cut short ("... the Two Chief World Systems")
_CUT_NAME_ENDS = frozenset(
    {"of", "the", "and", "a", "an", "on", "in", "for", "to", "with", "by", "at", "from", "concerning", "or", "de"}
)


def _one_name(names: list[str]) -> str | None:
    """The name all of ``names`` write (the longest form), or None if they name different things or the name is
    cut short."""
    longest = max(names, key=lambda n: (len(n), n))
    if longest.split()[-1].lower() in _CUT_NAME_ENDS:
        return None
    if any(not contains_phrase(longest, _strip_the(n)) for n in names):
        return None
    return longest


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _name_index(corpus: Corpus, doc: int, lemma: str) -> list[tuple[int, str]]:
    """(sentence id, name) of every name in the document whose head word has ``lemma`` (cached per corpus)."""
    cache = corpus.cache.setdefault("names_by_head", {})
    hit = cache.get((doc, lemma))
    if hit is not None:
        return hit
    out: list[tuple[int, str]] = []
    title, places = _noun_places(corpus, doc)
    if title is not None:
        name = _title_name(title, lemma)
        subject = document_subject(corpus, doc) if name and title.text.isupper() else None
        if name and subject is not None and subject.head == lemma and contains_phrase(name, _strip_the(subject.text)):
            name = subject.text  # "THE ERIE CANAL: A TIMELINE": the name as the body writes it
        if name:
            out.append((-1, name))
    for s, t in places.get(lemma, ()):
        name = _name_around(s, t) or _comma_name(s, t)
        if name:
            out.append((s.id, name))
    cache[(doc, lemma)] = out
    return out


def _noun_places(corpus: Corpus, doc: int) -> tuple[Sentence | None, dict[str, list[tuple[Sentence, Any]]]]:
    """The document's title heading, and where each noun lemma stands in its other sentences (built once per
    document: one pass over its tokens serves every "the <noun>" looked up)."""
    by_doc = corpus.cache.setdefault("noun_places", {})
    hit = by_doc.get(doc)
    if hit is not None:
        return hit
    title = None
    places: dict[str, list[tuple[Sentence, Any]]] = {}
    for s in corpus.document_sentences(doc):
        if s.heading:
            if title is None and s.start == 0:
                title = s
            continue
        for t in s.tokens:
            if t.pos_ in ("NOUN", "PROPN"):
                places.setdefault(t.lemma_.lower(), []).append((s, t))
    by_doc[doc] = (title, places)
    return title, places


def _comma_name_tokens(t: Any) -> list[Any]:
    """ "the ship, HMS Challenger": the tokens of a name set after the noun with a comma, however the parser
    attached it; none when the name is the subject of what follows ("At the time of the invasion, Genoa was")."""
    doc = t.doc
    i = t.i + 1
    if i + 1 >= len(doc) or doc[i].text != ",":
        return []  # most nouns: no comma after them, and no need to find the sentence's end (a scan)
    end = t.sent.end
    if i + 1 >= end or doc[i + 1].pos_ != "PROPN":
        return []
    j = i + 1
    while j < end and doc[j].pos_ == "PROPN":
        j += 1
    run = list(doc[i + 1 : j])
    if any(x.dep_ in ("nsubj", "nsubjpass") for x in run) or len(run) > 4:
        return []
    return run


def _name_follows(t: Any) -> bool:
    """ "as the archaeologist James Porter argued": the parser may make the noun and the name two subjects of one
    verb, but the name that follows at once says which one; writing in another (an earlier archaeologist) set two
    names side by side, "the archaeologist Matthew Stirling James Porter"."""
    doc = t.doc
    if t.i + 1 >= len(doc):
        return False
    nxt = doc[t.i + 1]
    if nxt.pos_ != "PROPN" or not nxt.text[:1].isupper():
        return False
    j = t.i + 1
    while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN":
        j += 1
    last = doc[j]
    # the name in the noun's own place: its head, or a second subject or object of the noun's own head
    return last.head.i == t.i or (last.head.i == t.head.i and last.dep_ == t.dep_)


def _comma_name(sent: Sentence, t: Any) -> str | None:
    run = _comma_name_tokens(t)
    return f"the {t.text} {tokens_text(run)}" if run else None


# a year, a span of years or a decade ("1684", "1946–1951", "1840s"), not a number that is part of a name ("Apollo 11")
_YEAR_WORD = re.compile(r"\d{3,4}(?:[–-]\d{2,4})?s?")


def _title_name(heading: Sentence, lemma: str) -> str | None:
    """The document's title as a name for "the <lemma>", when the title's head word is that word
    ("London dock strike of 1889" for "the strike")."""
    span = list(heading.span)
    # "The Dutch East India Company: Trade, Shares and Empire": what stands before a subtitle is the name
    cut = next((i for i, t in enumerate(span) if i and t.text in (":", "–", "—")), len(span))
    span = span[:cut]
    # "The Canton System, 1684-1842": the dates a title gives after its name are no part of it (in a sentence
    # "the Canton system 1684 1842's history" is garbled); "Salt riot of 1672" keeps its year
    while len(span) > 1 and (_YEAR_WORD.fullmatch(span[-1].text) or span[-1].is_punct) and span[-2].pos_ != "ADP":
        span = span[:-1]
    while len(span) > 1 and re.fullmatch(r"[\d.]+", span[0].text):
        span = span[1:]  # "4.3 The Library of Alexandria": a textbook's section number is no part of the name
    root = heading.root if cut == len(heading.span) else _root_of(span)
    if root.lemma_.lower() != lemma and root.lower_ != lemma:
        return None
    # "SILOAM TUNNEL (Hezekiah's Tunnel)": a bracketed other name is no part of the name, and its words without
    # their brackets run two names together ("the Siloam tunnel Hezekiah's Tunnel")
    depth, kept = 0, []
    for t in span:
        depth += t.text == "("
        if depth == 0:
            kept.append(t)
        depth -= t.text == ")" and depth > 0
    toks = [t for t in kept if not t.is_punct and t.dep_ != "det"]
    text = tidy(tokens_text(toks))
    # a title naming something ("Rideau Canal", "Salt riot of 1672"), not a section name ("Background")
    if not any(t.pos_ == "PROPN" or t.like_num for t in toks) or not 2 <= word_count(text) <= MAX_NAME_WORDS:
        return None
    return "the " + text


def _root_of(tokens: list[Any]) -> Any:
    """The token of ``tokens`` whose head lies outside them (the last such one)."""
    inside = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in inside or t.head.i == t.i][-1]


def _name_around(sent: Sentence, t: Any) -> str | None:
    for m in sent.mentions:
        # "Operation" of "Operation Dynamo", "Treaty" of "Treaty of Kiel": a class word that begins a name is what
        # the name names
        front = t.i == m.first.i and t.text in EVENT_WORDS | LAW_WORDS
        if m.first.i <= t.i <= m.last.i and t.i not in (m.root.i, m.last.i) and not front:
            return None  # "Canal" of "Rideau Canal Skateway" is not what the name names
        if m.first.i <= t.i <= m.last.i and m.kind in ("law", "event", "org", "place"):
            text = m.text
            if word_count(text) > MAX_NAME_WORDS:
                return None
            before = t.doc[m.first.i - 1] if m.first.i > sent.span.start else None
            return ("the " + text) if before is not None and before.lower_ == "the" else text
    chunk = next((c for c in sent.chunks if c.start <= t.i < c.end), None)
    if chunk is not None and t.dep_ == "compound" and t.head.pos_ == "PROPN" and chunk.root.i == t.head.i:
        # "the ship HMS Petrel": the common noun describes the name that follows it; its own lower-case
        # modifiers stay ("the lunar module Eagle"), so that "the lunar module" can tell it from another module
        first = t.i
        while (
            first - 1 >= chunk.start
            and t.doc[first - 1].dep_ in ("amod", "compound")
            and t.doc[first - 1].is_lower
            and not (first - 2 >= 0 and t.doc[first - 2].text == "-")  # "named" of "code-named" is half a word
        ):
            first -= 1
        toks = [x for x in chunk if x.dep_ != "det" and not x.is_punct and x.i >= first]
        text = tokens_text(toks)
        if word_count(text) > MAX_NAME_WORDS:
            return None
        # "Operation Dynamo" is a name of its own, written with its capital and no article
        return text if toks[0].text[:1].isupper() else "the " + text
    if chunk is None or chunk.root.i != t.i:
        return None
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children):
        return None  # "a political party in Ghana" says what something is, it does not name it
    # the possessive apostrophe of "the Weavers' Party" stays; other quotes and punctuation go
    toks = [x for x in chunk if x.dep_ != "det" and (x.dep_ == "case" or not (x.is_punct or x.is_quote))]
    for c in t.children:
        # "the tank school in Kazan": a place phrase of the head names it as well as a modifier does
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if (
            c.dep_ == "prep"
            and c.lower_ in ("in", "at", "near", "of", "on")
            and pobj is not None
            and pobj.pos_ == "PROPN"
        ):
            # "of the Soviet Union" keeps its article: the name is written in where the reader expects it; a date
            # keeps its day and year ("the general election of 28 November 1893", not "of November")
            whole = list(pobj.subtree)
            named = next((m for m in sent.mentions if m.first.i <= pobj.i <= m.last.i), None)
            if pobj.ent_type_ == "DATE" and len(whole) <= 4 and whole[-1].i - whole[0].i + 1 == len(whole):
                toks += [c, *whole]
            elif named is not None and named.last.i > pobj.i:
                # "in the House of Commons", not "in the House": the name the object begins goes in whole
                toks += [c, *[g for g in whole if g.i < named.first.i and g.lower_ == "the"]]
                toks += list(t.doc[named.first.i : named.last.i + 1])
            else:
                toks += (
                    [c]
                    + [
                        g
                        for g in pobj.children
                        if g.i < pobj.i and (g.dep_ == "compound" or (g.dep_ == "det" and g.lower_ == "the"))
                    ]
                    + [pobj]
                )
        elif c.dep_ == "appos" and c.pos_ == "PROPN" and c.n_lefts + c.n_rights <= 2:
            toks += [g for g in c.lefts if g.dep_ == "compound"] + [c]  # the tank school "Kama"
    toks.sort(key=lambda x: x.i)
    # The chunk must name the thing ("the tank school Kama"); "a new school" names nothing; nor does a foreign
    # function word the model tags as a name ("du" of "Compagnie universelle du canal": "the du canal").
    if not any(x.pos_ == "PROPN" and x.text[:1].isupper() for x in toks) or any(x.pos_ == "PRON" for x in toks):
        return None
    text = tokens_text(toks)
    if word_count(text) > MAX_NAME_WORDS:
        return None
    # "Canada's Yukon": the possessor is the determiner ("the Canada's Yukon" is no English); "the Weavers' Party"
    # had its article in the text, on the possessor
    possessor = any(c.dep_ == "poss" for c in t.children)
    if possessor and not any(x.dep_ == "det" and x.lower_ == "the" for x in chunk):
        return text
    return "the " + text


def bare_definites(corpus: Corpus, sent: Sentence) -> list[tuple[str, str | None]]:
    """("the school", replacement or None) for each unidentified definite description of the sentence's body
    that the sentence itself does not name earlier."""
    cached = sent.cache.get("definites")
    if cached is not None:
        return cached
    out: list[tuple[str, str | None]] = []
    toks = body_tokens(sent)
    for t in toks:
        if _elided(t) and sent.text.lower().count(t.lower_) == 1:
            # "went to school" after "the tank school Kama" was named: the article was lost (often in
            # translation); with the name written in, the question no longer reads as an idiom
            name = _antecedent(corpus, sent, t)
            if name is not None:
                out.append((t.text, name))
            continue
        if _short_name(t):
            # "the League" after "the Hanseatic League": the class word alone is a name only with the article
            phrase = tokens_text(t.doc[t.i - 1 : t.i + 1])
            name = _antecedent(corpus, sent, t)
            # the longer name is that thing's ("the Dutch Republic"), not another it is part of ("the Despotate of
            # the Morea") nor a description ("the ordinary Athenians")
            if (
                name is not None
                and word_count(name) > 2
                and (name.lower().startswith(phrase.lower()) or not contains_phrase(name, phrase))
                and all(w[:1].isupper() or len(w) <= 3 for w in _strip_the(name).split())
            ):
                out.append((phrase, name))
            elif name is None:
                out.append((phrase, None))  # "the League" of a name the reader cannot see: no question
            continue
        if not _bare(t):
            continue
        lemma = t.lemma_.lower()
        if any(x.i < t.i and x.lemma_.lower() == lemma and x.pos_ != "VERB" for x in sent.tokens):
            continue  # "a school ... the school": named in the sentence itself ("ordered ... the order" is told)
        det = next((k for k in t.children if k.dep_ == "det" and k.lower_ == "the"), None)
        if det is None:
            continue
        phrase = tokens_text(t.doc[det.i : t.i + 1])  # "the chief scientist" as well as "the school"
        modifiers = tuple(x.text for x in t.doc[det.i + 1 : t.i] if x.dep_ == "amod")
        name = _antecedent(corpus, sent, t, modifiers)
        if name is None and not modifiers:
            name = place_named_before(corpus, sent, t)
        out.append((phrase, name))
    sent.cache["definites"] = out
    return out


# Place nouns that stand for a place the paragraph named: "Cortés reached Tenochtitlan. The city held ...". Not
# "the capital" (a role: "moved the capital there" is no city named before) nor a region or a site (too loose).
_PLACE_HEADS = frozenset(w for w, grain in PLACE_GRAINS.items() if grain in ("city", "island", "country", "river"))
_PLACE_HEADS_NOT = frozenset({"capital", "settlement"})


def place_named_before(corpus: Corpus, sent: Sentence, head: Any) -> str | None:
    """The place a singular "the city" / "the island" / "the country" stands for: the one name of that grain (a
    city for "the city", as the article's word or the place list says) that the paragraph's LOOK_BACK sentences
    before give, where no place of unknown grain could be meant instead and the sentence itself names no place
    before it ("Venice signed a treaty, keeping its rights in the city": not Venice). Else None: unresolved."""
    word = head.lower_
    if head.tag_ != "NN" or word not in _PLACE_HEADS or word in _PLACE_HEADS_NOT:
        return None
    if any(m.kind == "place" and m.first.i < head.i for m in sent.mentions):
        return None
    fine = "place:" + PLACE_GRAINS[word]
    found: dict[str, str] = {}
    unknown = False  # a place of unknown grain may be the one meant
    for s in corpus.sentences[max(sent.id - LOOK_BACK, 0) : sent.id]:
        if s.doc != sent.doc or s.para != sent.para or s.heading:
            continue
        for m in s.mentions:
            if m.kind != "place" or m.fine not in (fine, "place", ""):
                continue  # "France" is no rival for "the city" that "Nimes" is
            if m.fine != fine:
                unknown = True
                continue
            before = m.first.doc[m.first.i - 1] if m.first.i > s.span.start else None
            found[m.norm] = ("the " if before is not None and before.lower_ == "the" else "") + m.text
    if len(found) != 1:
        return None
    name = next(iter(found.values()))
    # ... unless it is the place the article is about: "the city" of an article titled "Granada, 1492" is Granada
    title = corpus.documents[sent.doc].title or ""
    return name if not unknown or contains_phrase(title, _strip_the(name)) else None


# What carries a date on after its month or day ("August of that year", "May the same year")
_DATE_GOES_ON = re.compile(r"\b(?:of|year|month|week|day|that|this|same|next|last|following)\b", re.I)


# A sentence that says what happens now or every year ("Today pilgrims gather on 7 January", "is held every year
# on 14 November"): its date is a day of the calendar, not of the events the paragraph dates.
_PRESENT_OR_YEARLY = re.compile(r"\b(?:today|nowadays|every year|each year|annually|yearly)\b", re.I)


def recurring_date(sent: Sentence) -> bool:
    """Whether the sentence, in the present tense, speaks of today or of every year: writing in the year of an
    earlier sentence would date a yearly festival to one past year and make a true sentence false."""
    if not _PRESENT_OR_YEARLY.search(sent.text):
        return False
    root = sent.span.root
    return any(t.tag_ in ("VBZ", "VBP") for t in [root, *(c for c in root.children if c.dep_.startswith("aux"))])


def yearless_dates(corpus: Corpus, sent: Sentence) -> list[tuple[str, str | None]]:
    """(date text, the same with the year of the nearest earlier dated sentence of the paragraph, or None)
    for each date of the sentence that names a month or a day but no year; none for a date that recurs."""
    if _YEAR.search(sent.text) or recurring_date(sent):
        return []
    out: list[tuple[str, str | None]] = []
    for m in sent.mentions:
        if m.label != "DATE" or not _MONTH_WORDS.search(m.text) or _YEAR.search(m.text):
            continue
        year = earlier_year(corpus, sent)
        # "24 May Communards": a date the model ran into the word after it ends at its last day or month word,
        # where the year goes ("On 24 May 1871 Communards shot", never "On 24 May Communards 1871 shot")
        end = re.match(rf"^.*(?:\d|{_MONTH_WORDS.pattern})", m.text)
        if end is not None and _DATE_GOES_ON.search(m.text[end.end() :]):
            end = None  # "August of that year" is one date, and the whole of it
        text = (end.group(0) if end else m.text).rstrip(" ,.")
        if year is None:
            out.append((text, None))
        elif re.match(r"^\d", text.split()[-1]) and _MONTH_WORDS.search(text.split()[0] if text.split() else ""):
            out.append((text, f"{text}, {year},"))  # "November 8-9" -> "November 8-9, 1923,"
        else:
            out.append((text, f"{text} {year}"))  # "7 November" / "June" -> "7 November 1923"
    return out


def earlier_year(corpus: Corpus, sent: Sentence, across_paragraphs: bool = False) -> int | None:
    """The last year an earlier sentence of the paragraph (or, if asked, of the document) gives: the year a
    "23 March" of this one is in."""
    for k in range(1, LOOK_BACK + 2):
        if sent.id - k < 0:
            return None
        prev = corpus.sentences[sent.id - k]
        if prev.doc != sent.doc or (prev.para != sent.para and not across_paragraphs):
            return None
        years = [m.date.year for m in prev.mentions if m.date is not None]
        if years:
            return years[-1]
    return None


def relative_date(corpus: Corpus, sent: Sentence) -> str | None:
    """A leading "One month later," as an absolute date ("In April 1922") from the nearest earlier dated sentence
    of the paragraph, when that date is precise enough to count from; None otherwise."""
    rel = relative_time(sent)
    if rel is None:
        return None
    count, unit, way = rel
    base: DateValue | None = None
    for k in range(1, LOOK_BACK + 1):
        if sent.id - k < 0:
            break
        prev = corpus.sentences[sent.id - k]
        if prev.para != sent.para or prev.doc != sent.doc:
            break
        dated = [m.date for m in prev.mentions if m.date is not None]
        if dated:
            base = dated[-1]
            break
    if base is None:
        return None
    if unit == "year" and base.granularity in ("year", "month", "day"):
        return f"In {base.year + way * count}"
    if unit == "month" and base.granularity in ("month", "day"):
        months = base.year * 12 + base.month - 1 + way * count
        return f"In {MONTHS[months % 12]} {months // 12}"
    return None


def _replace_first(text: str, phrase: str, new: str) -> str:
    pattern = re.compile(r"(?<![\w])" + re.escape(phrase) + r"(?![\w])", re.I)
    match = pattern.search(text)
    if match is None:
        return text
    if match.group(0)[:1].isupper():
        new = new[:1].upper() + new[1:]
    result = text[: match.start()] + new + text[match.end() :]
    return tidy(result.replace(",,", ",").replace(", ,", ","))


# What a phrase after a date's comma begins with when it speaks of that day ("31 July, later marked as ...", "the
# 4th, which", "12 May, now a holiday"): not the main clause after a fronted adverbial ("At dawn on 3 December,
# roughly 276 soldiers stormed ...").
_SPEAKS_OF_THE_DAY = re.compile(
    r"(?:later|now|still|since|today|which|when|known|called|named|marked|remembered|celebrated|commemorated|"
    r"observed|kept)\b"
)


def _drop_date(prompt: str, date: str) -> str | None:
    """The prompt without the phrase "on/in <date>" (fronted or not), or None if the date stands otherwise."""
    pattern = re.compile(r"(?:^|(?<=\s))(?:on|in)\s+(?:the\s+)?" + re.escape(date) + r"(?:,\s*|(?=[\s.,;?]))", re.I)
    match = pattern.search(prompt)
    if match is None:
        return None
    if match.start() > 0 and match.group(0).rstrip().endswith(",") and _SPEAKS_OF_THE_DAY.match(prompt[match.end() :]):
        # "restores sovereignty on 31 July, later marked as a holiday": what follows the comma speaks of the day
        return None
    out = tidy(prompt[: match.start()] + prompt[match.end() :])
    return out[:1].upper() + out[1:] if out else None


def resolve_context(
    corpus: Corpus,
    sentences: list[Sentence],
    prompt: str,
    key: str = "",
    *,
    date_entry: bool = True,
    name_definites: bool = True,
) -> tuple[str, str | None]:
    """The prompt with earlier-named things and years written in, and why it still cannot stand alone (or None);
    ``date_entry=False`` leaves out a timeline entry's date (an ordering's item is to be placed without it);
    ``name_definites=False`` refuses a prompt whose "the <noun>" needs a name written in (a false statement must
    change one fact: a name wrongly written in, "the Gobir capital", "the Kangxi emperor", is a second claim its
    explanation never speaks of)."""
    if len(sentences) != 1:
        return prompt, None
    sent = sentences[0]
    for phrase, name in bare_definites(corpus, sent):
        if not contains_phrase(prompt, phrase) or (name is not None and contains_phrase(prompt, _strip_the(name))):
            continue  # not in the prompt, or the prompt names it itself
        head = phrase.split()[-1].lower().removesuffix("'s")
        # "the islands" points back as "the island" does; "the royal collections" describes a class of things
        lemma = (
            next((t.lemma_.lower() for t in sent.tokens if t.lower_ == head), head)
            if len(phrase.split()) == 2
            else head
        )
        if (
            name is None
            and head not in REFERRING_HEADS
            and lemma not in REFERRING_HEADS
            and head not in TITLES
            and not _told_before(corpus, sent, phrase)
            and not _done_before(corpus, sent, phrase, prompt)
            and not any(w.lower() in POINTING_ADJECTIVES for w in phrase.split()[1:-1])
            and head not in SHELL_NOUNS
            and not _compared(sent, phrase)
            and not _named_in_cut_part(sent, phrase, prompt, key)
        ):
            continue  # "most of the trade": vague, but no particular thing spoken of before is missing
        # ("the chief scientist", "the governor": a role is someone's in particular, of something named before)
        if name is None or (key and contains_phrase(name, key)) or not name_definites:
            return prompt, f"'{phrase}' refers to something named in an earlier sentence"
        prompt = _replace_first(prompt, phrase, _unless_placed(name, prompt))
    prompt = counted_view(sent, lead_in_dropped(sent, unanswered_reply(sent, prompt)))
    dangling = dangling_phrase(sent, prompt)
    if dangling is not None:
        return prompt, f"'{dangling}' leaves its noun or complement to another sentence"
    prompt = written_whose(corpus, sent, subject_written_in(corpus, sent, prompt, key), key)
    if relative_time(sent) is not None and not prompt.lower().startswith("according to"):
        # the question dropped "One month later,": date it from the sentence before, as the reader would
        dated = relative_date(corpus, sent)
        if dated is not None and not _YEAR.search(prompt) and not _YEAR.search(key):
            first = prompt.split(" ", 1)[0]
            lower = first in ("The", "A", "An", "When", "Where", "Who", "Which", "How", "What", "In", "On", "At")
            prompt = f"{dated}, " + (prompt[:1].lower() + prompt[1:] if lower else prompt)
    if not _YEAR.search(prompt) and not _YEAR.search(key):
        for text, dated in yearless_dates(corpus, sent):
            if not contains_phrase(prompt, text):
                continue
            if dated is None:
                # "Manning met the committee in Poplar on 10 September": the date is not what is asked, and the
                # statement stays true without it
                shorter = _drop_date(prompt, text)
                if shorter is None:
                    return prompt, f"date '{text}' without a year"
                prompt = shorter
                continue
            prompt = _replace_first(prompt, text, dated)
    if not date_entry:
        return prompt, None
    # a timeline's line: the date at the head of its entry belongs to the question ("In 1559, where ...?")
    prompt = entry_dated(corpus, sent, prompt, key)
    if raw_label(prompt):
        return prompt, "a timeline line's date is run into the question"
    if undated_entry(corpus, sent):
        return prompt, "a timeline's line told in the present with no date to write in"
    if not historical_present(corpus, sent):
        return prompt, None
    if prompt.rstrip().endswith("?"):
        return past_clauses(corpus, sent, past_question(prompt)), None
    prompt = past_statement(corpus, sent, prompt)
    if left_in_present(sent, prompt, entry=entry_date(corpus, sent) is not None):
        return prompt, "a dated statement left in the present tense"
    return prompt, None


def _phrase_head(sent: Sentence, phrase: str) -> Any:
    """The token heading "the <noun>" in the sentence (its first such word)."""
    word = phrase.split()[-1]
    return next((t for t in sent.tokens if t.text == word), None)


def _compared(sent: Sentence, phrase: str) -> bool:
    """ "the much larger project", "the more costly route": a comparative says "than the one told before", which
    the phrase does not name."""
    head = _phrase_head(sent, phrase)
    return head is not None and any(
        c.dep_ == "amod" and (c.tag_ == "JJR" or any(g.lower_ == "more" for g in c.children)) for c in head.children
    )


_CUT_KINDS = frozenset({"place", "org", "group", "event", "law", "product"})


def _named_in_cut_part(sent: Sentence, phrase: str, prompt: str, key: str) -> bool:
    """Whether the sentence names a thing before "the <noun>" in a part the prompt left out ("Drovers moved onto
    Kell Country, and the land was fought over ..." asked as "The land was fought over ..."): the phrase may well
    stand for it, and the reader of the prompt does not see it."""
    head = _phrase_head(sent, phrase)
    if head is None or head.pos_ != "NOUN" or head.dep_ == "appos":
        return False  # "the Philippines" is a name; "Simplicio, the least convincing speaker" says who it is
    for m in sent.mentions:
        if m.last.i >= head.i or m.kind not in _CUT_KINDS:
            continue
        if contains_phrase(prompt, m.text) or (key and (contains_phrase(m.text, key) or contains_phrase(key, m.text))):
            continue
        after = tokens_text(list(m.last.doc[m.last.i + 1 : min(m.last.i + 4, sent.span.end)]))
        if not after or not contains_phrase(prompt, after):
            return True  # the words after it are gone too (not a blank standing in its place)
    return False


# Modifiers that pick a part or a stage of one thing ("the first section", "the original channel"): of what, the
# article's subject says when the sentence does not.
_PART_MODIFIERS = frozenset(
    {
        "first", "second", "third", "last", "final", "original", "earliest", "eastern", "western", "northern",
        "southern", "central", "middle", "upper", "lower", "main", "entire", "whole",
    }
)  # fmt: skip
# "Work began", "Construction stopped": the building of something the sentence does not name
_WORK_NOUNS = frozenset({"work", "construction", "building", "digging", "excavation", "ground"})
_WORK_VERBS = frozenset({"begin", "start", "resume", "continue", "stop", "halt", "end", "finish", "cease", "break"})


def subject_written_in(corpus: Corpus, sent: Sentence, prompt: str, key: str = "") -> str:
    """The prompt with the article's subject, a work built by hand, written in where the sentence speaks of a part
    or the building of it without naming it: "the first section" -> "the first section of the Erie Canal", "Work
    began" -> "Work on Hadrian's Wall began", "Ground was broken" -> "Ground was broken for the Erie Canal". A
    prompt that names the subject, or whose key is in it, stays as it is."""
    subject = document_subject(corpus, sent.doc)
    if subject is None or not subject.built or contains_phrase(prompt, _strip_the(subject.text)):
        return prompt
    if key and contains_phrase(subject.text, key):
        return prompt
    for t in body_tokens(sent):
        if not (t.pos_ == "NOUN" or t.lower_ in _WORK_NOUNS) or t.lemma_.lower() == subject.head:
            continue  # ("Ground" heading a timeline line is tagged a name); "the canal" is the title's (_title_name)
        kids = list(t.children)
        if any(
            k.dep_ in ("poss", "compound") or (k.dep_ == "prep" and k.i == t.i + 1 and k.lower_ in ("of", "on", "for"))
            for k in kids
        ):
            continue  # "the first section of the railway", "work on the dam": the sentence says of what
        mod = t.doc[t.i - 1] if t.i >= 2 else None
        if (
            mod is not None
            and mod.dep_ == "amod"
            and mod.head == t
            and mod.text in _PART_MODIFIERS  # not "the Western powers": a capital makes it a name's word
            and t.tag_ == "NN"
            and t.doc[t.i - 2].lower_ == "the"
            and t.doc[t.i - 2].head == t
        ):
            phrase = f"the {mod.text} {t.text}"
            addition = f"{phrase} of {subject.text}"
        elif (
            all(k.i < t.i and (k.ent_type_ == "DATE" or k.is_punct) for k in kids)  # no article: whose work?
            and t.dep_ in ("nsubj", "nsubjpass")
            and t.head == sent.root
            and t.lower_ in _WORK_NOUNS
            and t.head.lemma_.lower() in _WORK_VERBS
            and (t.lower_ == "ground") == (t.head.lemma_.lower() == "break")
        ):
            if t.lower_ == "ground":  # "Ground was broken for the Erie Canal"
                phrase, addition = t.head.text, f"{t.head.text} for {subject.text}"
                prompt = re.sub(r"(?<=, )Ground\b", "ground", prompt)  # "On 4 July 1817, ground was ..."
            else:
                phrase, addition = t.text, f"{t.text} on {subject.text}"
        else:
            continue
        found = re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", prompt, re.I)
        if found is None:
            continue
        addition = (str.upper if found.start() == 0 else str.lower)(addition[:1]) + addition[1:]
        return prompt[: found.start()] + addition + prompt[found.end() :]
    return prompt


_PLACED = re.compile(r"^(.*\S)\s+(?:in|at)\s+(.+)$")


def _unless_placed(name: str, prompt: str) -> str:
    """ "the Great Famine in Ireland" for "the famine" in "Before the famine, Ireland had ...": the prompt names
    the place already, so the name goes in without it."""
    m = _PLACED.match(name)
    return m.group(1) if m and contains_phrase(prompt, m.group(2)) else name


def resolvable_subject(corpus: Corpus, sent: Sentence) -> bool:
    """Whether the sentence's subject "the <noun>" is named by an earlier sentence (so it can be written in)."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i == 0 or subj.nbor(-1).lower_ != "the":
        return False
    phrase = tokens_text(subj.doc[subj.i - 1 : subj.i + 1])
    return any(p == phrase and name is not None for p, name in bare_definites(corpus, sent))
