"""Decide what each name is (person, organisation, place...) by corpus-level votes.

The small model is unreliable on ORG and PERSON for this kind of text (companies and
aircraft read as people, towns as organisations), so each mention casts weighted
votes (the model's label, weighted by how often that label is right; cue words around
it; a place list) and every mention of one string gets the string's majority kind.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise

from .analysis import Corpus, Mention, Sentence, norm_key
from .gazetteer import place_class
from .kinds import assign_fine_kinds
from .lexicon import EVENT_WORDS as _EVENT_WORDS
from .lexicon import FACILITY_WORDS, TITLES
from .lexicon import LAW_WORDS as _LAW_WORDS

# How far the model's label can be trusted on history text (hand-checked precision).
_LABEL_VOTES = {
    "PERSON": ("person", 0.65),
    "ORG": ("org", 0.48),
    "GPE": ("place", 0.94),
    "LOC": ("place", 0.9),
    "FAC": ("place", 0.5),
    "NORP": ("group", 0.9),
    "PRODUCT": ("product", 0.7),
    "EVENT": ("event", 0.8),
    "LAW": ("law", 0.8),
    "WORK_OF_ART": ("other", 0.6),
    "LANGUAGE": ("other", 0.9),
}
_PLACE_PREPS = {
    "in": 0.6,
    "at": 0.5,
    "near": 1.0,
    "outside": 0.8,
    "from": 0.3,
    "to": 0.3,
    "into": 0.5,
    "towards": 0.6,
    "around": 0.6,
    "inside": 0.6,
    # a way or a position across ground: "along the Volga", "across the Sahara", "opposite Thebes"
    "along": 0.8,
    "across": 0.6,
    "beyond": 0.6,
    "opposite": 0.6,
    "via": 0.6,
}
# Parts of ground that only a place has: "the west bank of the Nile", "the mouth of the Tagus".
PLACE_PARTS = frozenset({"bank", "banks", "coast", "shore", "shores", "mouth", "delta", "basin", "outskirts"})
PLACE_NOUNS = frozenset(
    {
        "town",
        "city",
        "village",
        "region",
        "province",
        "port",
        "district",
        "county",
        "river",
        "fortress",
        "island",
        "capital",
        "area",
        "valley",
        "state",
        "republic",
        "oblast",
        "settlement",
        "harbour",
        "harbor",
        "lake",
        "mountains",
        "territory",
    }
)
ORG_NOUNS = frozenset(
    {
        "company",
        "companies",
        "firm",
        "firms",
        "manufacturer",
        "manufacturers",
        "maker",
        "makers",
        "corporation",
        "concern",
        "works",
        "factory",
        "bank",
        "party",
        "organisation",
        "organization",
        "newspaper",
        "agency",
        "shipyard",
        "enterprise",
        "enterprises",
        "producer",
        "airline",
        "university",
        "society",
        "association",
        "union",
        "institute",
        "group",
        "committee",
    }
)
_ORG_SUFFIX = re.compile(
    r"\b(AG|GmbH|Ltd|Inc|Co|Corp|Company|Works|Werke|Werft|Corporation|Bank|Party|"
    r"University|Institute|Society|Association|Office|Ministry|Council|Committee|"
    r"News|Times|Gazette|Herald|Journal|Tribune|Chronicle)\b\.?$"  # newspapers are organisations too
)
# "HMS Challenger", "SS Great Britain": a ship, whatever the model says.
_SHIP_PREFIX = re.compile(r"^(?:HMS|HMAS|HMCS|SMS|SS|RMS|USS|MS|MV|HMY)\s")
_PRODUCT_NOUNS = frozenset(
    {
        "aircraft",
        "plane",
        "planes",
        "tank",
        "tanks",
        "bomber",
        "bombers",
        "fighter",
        "fighters",
        "machine",
        "machines",
        "ship",
        "ships",
        "submarine",
        "submarines",
        "gun",
        "guns",
        "rifle",
        "engine",
        "engines",
        "locomotive",
        "car",
        "cars",
        "vehicle",
        "vehicles",
        "model",
        "vessel",
        "steamship",
        "steamer",
        "frigate",
        "corvette",
        "cruiser",
        "destroyer",
        "battleship",
        "schooner",
        "galleon",
        "airship",
        "shuttle",
    }
)
_MODEL_NUMBER = re.compile(r"[A-Za-z]+[- ]?\d|\d[- ]?[A-Z]")
INSTITUTION_WORDS = frozenset(
    {
        "army",
        "navy",
        "force",
        "forces",
        "corps",
        "fleet",
        "academy",
        "center",
        "centre",
        "school",
        "college",
        "council",
        "office",
        "bureau",
        "ministry",
        "department",
        "agency",
        "guard",
        "police",
        "league",
        "front",
        "command",
        "staff",
        "division",
        "regiment",
        "brigade",
        "squadron",
        "battalion",
        "directorate",
        "commission",
        "parliament",
        "senate",
        "assembly",
        "court",
        "church",
        "order",
        "party",
        "union",
        "bank",
        "company",
        "group",
        "institute",
        "university",
        "society",
        "committee",
        "republic",
        "kingdom",
        "empire",
        "railway",
        "railways",
        "airlines",
        "works",
        "club",
        "association",
        "federation",
        "organisation",
        "organization",
        "service",
        "press",
        "railroad",
        "canal",
        "trust",
        "foundation",
        "museum",
        "library",
        "gazette",
        "times",
        "mint",
        "exchange",
        "guild",
    }
)


def _head_words(m: Mention) -> set[str]:
    """The words that say what a name names: its last word, and a word before "of" ("Treaty of Rapallo"):
    "Convention People's Party" is a party, not a convention."""
    toks = list(m.first.doc[m.first.i : m.last.i + 1])
    out = {toks[-1].text}
    out |= {t.text for t, nxt in pairwise(toks) if nxt.lower_ == "of"}
    return out


def class_word(m: Mention) -> str | None:
    """The word of a law's or event's name that says what it is ("treaty" of "the Treaty of Rapallo", "battle"
    of "the Battle of Kirina"), or None: "the Dust Bowl" and "Black Sunday" are named events, not bowls or Sundays."""
    heads = _head_words(m)
    return next((w.lower() for w in sorted(heads) if w in _LAW_WORDS or w in _EVENT_WORDS), None)


def _cue_votes(m: Mention) -> list[tuple[str, float]]:
    votes: list[tuple[str, float]] = []
    first = m.first
    # A list ("the companies A, B and C") shares the cue of its first member.
    head = m.root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    anchor = head if head.i < first.i else first
    anchor = anchor.doc[min(anchor.left_edge.i, first.i)] if head is not m.root else first
    before = [t for t in first.doc[max(m.sent.span.start, first.i - 4) : first.i] if t.lower_ not in ("the", "a", "an")]
    prev = before[-1] if before else None
    prev2 = before[-2] if len(before) > 1 else None
    # "in Londa Schiebinger's translation": the preposition governs what the name owns, not the name
    if prev is not None and prev.lower_ in _PLACE_PREPS and m.root.dep_ != "poss":
        votes.append(("place", _PLACE_PREPS[prev.lower_]))
        # "built at X", "signed in X": a locative phrase on a verb is a strong sign of a place.
        if prev.dep_ == "prep" and prev.head.pos_ == "VERB" and prev.lower_ in ("in", "at", "near"):
            votes.append(("place", 0.4))
    if prev is not None and prev.lower_ == "of" and prev2 is not None and prev2.lower_ in PLACE_NOUNS | PLACE_PARTS:
        votes.append(("place", 2.0))
    if m.last.i + 1 < m.sent.span.end and m.last.nbor(1).lower_ in PLACE_NOUNS - {"state", "republic", "area"}:
        votes.append(("place", 1.0))
    word_before = anchor.nbor(-1).lower_ if anchor.i > m.sent.span.start else ""
    head_word = head.head.lower_ if head.dep_ in ("appos", "compound") else ""
    if word_before in ORG_NOUNS or head_word in ORG_NOUNS:
        votes.append(("org", 2.0))
    if _ORG_SUFFIX.search(m.text):
        votes.append(("org", 1.5))
    last_word = m.last.lower_
    if last_word in TITLES:
        votes.append(("other", 3.0))  # a title on its own ("Major General") is not a name
    heads = _head_words(m)
    # The class word alone names no particular one: "Congress" passed an act (a legislature), "the Congress of
    # Vienna" met; the model's own label stands for the bare word.
    bare = m.first.i == m.last.i
    if heads & _LAW_WORDS and not bare:
        votes.append(("law", 3.0))
    elif heads & _EVENT_WORDS and not bare:
        votes.append(("event", 3.0))
    if word_before in TITLES or (prev is not None and prev.lower_.rstrip(".") in TITLES):
        votes.append(("person", 1.5))
    if _who_follows(m) and m.last.tag_ != "NNPS" and (prev is None or prev.lower_ != "the"):
        votes.append(("person", 1.0))  # "Henderson, who had not been told": a place takes "which" or "where"
    if _MODEL_NUMBER.search(m.text) or _SHIP_PREFIX.match(m.text):
        votes.append(("product", 3.0))
    nxt = m.last.nbor(1).lower_ if m.last.i + 1 < m.sent.span.end else ""
    if nxt in _PRODUCT_NOUNS or head_word in _PRODUCT_NOUNS:
        votes.append(("product", 1.0))
    locative = prev is not None and prev.lower_ in _PLACE_PREPS
    toks = [t for t in m.first.doc[m.first.i : m.last.i + 1] if t.text != "-"]
    # "Georg-Hans Reinhardt" read as an organisation: two or three bare capitalised words with nothing
    # institutional about them look like a person's name.
    if (
        m.label == "ORG"
        and 2 <= len(toks) <= 4
        and all(t.is_title and t.pos_ == "PROPN" for t in toks)
        # "the British Museum" is a building, not a person
        and not ({t.lower_ for t in toks} & (INSTITUTION_WORDS | FACILITY_WORDS))
        and not _ORG_SUFFIX.search(m.text)
    ):
        votes.append(("person", 0.5))
    if m.first.i == m.last.i and m.first.tag_ == "NNPS" and not locative:
        votes.append(("group", 0.8))
    # "the Bolsheviks", "the Jacobins": a plural name not after a locative preposition is a people.
    if (
        m.label == "GPE"
        and m.text.endswith("s")
        and (prev is None or prev.lower_ not in _PLACE_PREPS)
        and place_class(m.norm) is None
    ):
        votes.append(("group", 1.0))
    return votes


def _who_follows(m: Mention) -> bool:
    """Whether a relative "who" or a "himself" follows the name: "Henderson, who had not been told, ...",
    "Cicero, himself an initiate, ..."."""
    i, end = m.last.i + 1, m.sent.span.end
    if i < end and m.last.doc[i].text == ",":
        i += 1
    return i < end and m.last.doc[i].lower_ in ("who", "whom", "whose", "himself", "herself")


def _base_votes(m: Mention) -> list[tuple[str, float]]:
    if m.label == "DATE":
        return [("date", 2.0)] if m.date is not None else [("vague_date", 1.0)]
    if m.label in ("CARDINAL", "QUANTITY"):
        return [("number", 2.0)] if m.number is not None and not m.day_month else [("other", 1.0)]
    if m.label in ("MONEY", "PERCENT", "ORDINAL", "TIME"):
        return [("other", 2.0)]
    kind, weight = _LABEL_VOTES.get(m.label, ("other", 0.5))
    votes = [(kind, weight)]
    if any(ch.isdigit() for ch in m.text):
        votes.append(("product", 1.0))
    return votes


# The head nouns that make "X and Y <head>" one body ("the Liverpool and Manchester Railway", "the Chesapeake and
# Ohio Canal"), where the model reads a place and a second name.
_JOINT_HEADS = ORG_NOUNS | {"railway", "railroad", "canal", "navigation", "line", "docks", "trust", "bridge"}
_NAME_LABELS = frozenset({"GPE", "LOC", "ORG", "PERSON", "NORP", "FAC"})


def join_coordinated_names(sent: Sentence) -> None:
    """Merge "Liverpool" + "and" + "Manchester Railway" into the one name it is."""
    out: list[Mention] = []
    for m in sent.mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label in _NAME_LABELS
            and m.label in _NAME_LABELS
            and m.first.i == prev.last.i + 2
            and prev.last.nbor(1).lower_ in ("and", "&")
            and m.last.lower_ in _JOINT_HEADS
            and m.last.text[:1].isupper()
            and prev.text[:1].isupper()
        ):
            text = sent.text[prev.start - sent.start : m.end - sent.start]
            out[-1] = Mention(sent, prev.start, m.end, text, "ORG", m.root, prev.first, m.last, norm_key(text))
            continue
        out.append(m)
    sent.mentions = out


def repair_kinds(corpus: Corpus) -> None:
    """Give every mention the majority kind of its string across the whole corpus."""
    for s in corpus.sentences:
        join_coordinated_names(s)
    tallies: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    model_kind: dict[int, str] = {}
    person_surnames: set[str] = set()
    person_tails: set[str] = set()  # "san martín" of "José de San Martín": the end of a person's full name
    capitalised: set[str] = set()
    place_cued: set[str] = set()
    person_cued: set[str] = set()  # "Cicero, himself an initiate", "Henderson, who ...", "King X"
    for m in corpus.mentions():
        base = _base_votes(m)
        if m.text[:1].isupper():
            capitalised.add(m.norm)
        model_kind[id(m)] = base[0][0]
        for kind, w in base:
            tallies[m.norm][kind] += w
        if m.label in ("DATE", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL", "TIME"):
            continue
        for kind, w in _cue_votes(m):
            tallies[m.norm][kind] += w
            if kind == "place":
                place_cued.add(m.norm)
            elif kind == "person" and w >= 1.0:  # a title, "who", "himself"; not the weak shape of a name
                person_cued.add(m.norm)
        if m.label == "PERSON" and m.last.i > m.first.i and " " in m.text:
            person_surnames.add(m.last.lower_)
            words = m.norm.split()
            # not after "of": "Raymond of Toulouse" is a man of a place
            person_tails |= {" ".join(words[i:]) for i in range(1, len(words)) if words[i - 1] != "of"}
    for norm, tally in tallies.items():
        pc = place_class(norm)
        numeric = {"date", "vague_date", "number"} & set(tally)
        # the article's own evidence beats the place list: "the prospector Robert Henderson ... Henderson misses
        # out" is a man, whatever town of that name the list holds, unless the article also writes it where a
        # place goes ("in Washington")
        unplaced = norm not in place_cued
        a_person = unplaced and norm in person_tails | person_cued
        if pc is not None and norm in capitalised and not numeric and not a_person:
            tally["place"] += 1.2
        if (norm in person_surnames or (unplaced and norm in person_tails)) and "date" not in tally:
            tally["person"] += 1.0
    # "Karl Weber (1866–1936) was ... During the war Weber served": the model often sees no name in the surname
    # alone; a pronoun may still mean him (see pronouns._fits)
    full_names: dict[str, set[str]] = defaultdict(set)
    for m in corpus.mentions():
        if m.label == "PERSON" and m.last.lower_ in person_surnames and " " in m.text:
            full_names[m.last.lower_].add(m.text)
    # surname -> the one full name it is the surname of ("" when two people share it: "Pierre" or "Marie Curie")
    surnames = {name: next(iter(full)) if len(full) == 1 else "" for name, full in full_names.items()}
    corpus.cache["surnames"] = surnames  # the distractors offer "Khrushchev" by the full name too
    for s in corpus.sentences:
        s.cache["surnames"] = surnames
    counts: dict[str, int] = defaultdict(int)
    for m in corpus.mentions():
        counts[m.norm] += 1
    for m in corpus.mentions():
        tally = tallies[m.norm]
        kind = max(sorted(tally), key=lambda k: tally[k])
        m.kind = kind
        total = sum(tally.values()) or 1.0
        m.kind_confidence = tally[kind] / total
        m.repaired = kind != model_kind[id(m)]
        # A one-word name seen once (a German noun, a ship) is too often mistaken for a person or company.
        m.solid = m.first.i != m.last.i or counts[m.norm] >= 2 or m.norm in person_surnames
        if (
            m.first.i == m.last.i
            and m.first.i == m.sent.span.start
            and kind in ("person", "org", "place", "product", "group")
            and m.text.lower() in corpus.cache.get("lower_words", ())
        ):
            m.kind = "other"  # "Cholera" opening a sentence, "cholera" elsewhere: a common word, no name
            continue
        if kind == "date" and m.date is not None:
            m.sub = m.date.granularity
        elif kind == "date":
            m.kind = "vague_date"
        elif kind == "number" and m.number is None:
            m.kind = "other"
        elif kind == "place":
            m.sub = place_class(m.norm) or "place"
            # Without a place list entry or a locative cue, a "place" is too unsure to key or fill a slot.
            if m.sub == "place" and m.norm not in place_cued:
                m.kind_confidence = min(m.kind_confidence, 0.55)
    assign_fine_kinds(corpus)  # the article's own words ("the engineer X", "the island of X") come last, and win
