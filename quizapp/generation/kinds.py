"""Fine-grained kinds of names from the article's own evidence (issue #15).

A wrong option must be the same sort of thing as the key: an engineer against an engineer, a town against a
town. The model's label says little of that (and is unreliable on rare names), but the article often says it
outright: "the engineer X", "X, a painter", "King X", "Ptolemy II", "the island of X", "X, the capital of Y",
"X, a town in Y". Each mention gives such evidence; every mention of a name gets the name's majority fine kind
("person:engineer", "place:island", "thing"), and the evidence outranks the model's coarse kind. A place list
(the gazetteer) gives a place's granularity where the article says nothing. Places the article (or the place
list) puts inside others are kept too: a place that holds the key's place is no wrong answer for it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from typing import Any

from .analysis import Corpus, Mention, norm_key
from .datafiles import table_lines
from .gazetteer import CONTINENT_WORDS, containers, place_class

# Role words, by the class of people a wrong option must share with the key.
ROLE_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        ("king", "queen", "emperor", "empress", "tsar", "czar", "pharaoh", "sultan", "shah", "khan", "caliph",
         "shogun", "monarch", "ruler", "prince", "princess", "regent", "dictator", "president", "duke", "duchess",
         "count", "earl"),
        "ruler",
    ),
    **dict.fromkeys(
        ("general", "colonel", "major", "captain", "lieutenant", "admiral", "marshal", "sergeant", "commander",
         "commodore", "officer", "soldier", "warlord",
         # at sea a navigator and a captain are one kind of answer: "the navigator X" among "Captain Y"s
         "explorer", "navigator", "voyager", "discoverer", "conquistador"),
        "officer",
    ),
    **dict.fromkeys(
        ("minister", "chancellor", "governor", "viceroy", "premier", "senator", "mayor", "ambassador", "diplomat",
         "envoy", "secretary", "statesman", "politician", "commissioner", "commissar", "official", "magistrate",
         "consul"),
        "official",
    ),
    **dict.fromkeys(("engineer", "architect", "inventor", "builder", "mason", "contractor", "surveyor"), "engineer"),
    **dict.fromkeys(
        ("scientist", "astronomer", "physicist", "chemist", "mathematician", "physician", "doctor", "philosopher",
         "scholar", "geographer", "botanist", "naturalist", "archaeologist", "anthropologist", "economist",
         "linguist", "epigrapher", "egyptologist", "expert"),
        "scientist",
    ),
    **dict.fromkeys(
        ("writer", "poet", "author", "novelist", "playwright", "historian", "journalist", "editor", "painter",
         "sculptor", "composer", "musician", "photographer", "artist", "singer", "printer"),
        "writer",
    ),
    **dict.fromkeys(
        ("bishop", "archbishop", "priest", "monk", "cardinal", "missionary", "abbot", "saint", "friar", "nun",
         "preacher", "theologian", "imam", "rabbi"),
        "cleric",
    ),
    **dict.fromkeys(("merchant", "banker", "industrialist", "trader", "financier", "goldsmith"), "merchant"),
}  # fmt: skip
# Words of kinship or office that say a person without saying which class ("his son X", "the rebel X").
PERSON_WORDS = frozenset({"son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "rebel"})
# Nouns of a place's granularity: "the town of X", "the river X", "X, a city in Y".
PLACE_GRAINS: dict[str, str] = {
    **dict.fromkeys(("city", "town", "village", "port", "capital", "settlement", "harbour", "harbor"), "city"),
    **dict.fromkeys(("river",), "river"),
    **dict.fromkeys(("island", "isle"), "island"),
    # a state is a region of a larger country, as the place list has it ("the German state of Baden")
    **dict.fromkeys(("region", "province", "county", "district", "territory", "valley", "duchy", "state"), "region"),
    **dict.fromkeys(("country", "kingdom", "empire", "nation"), "country"),
    **dict.fromkeys(("fortress", "castle", "fort", "palace", "temple", "cathedral", "abbey", "monastery"), "site"),
}
_GAZETTEER_GRAINS = {"city": "city", "country": "country", "state": "region", "region": "region"}
# Nouns for what is neither person nor place: "the planet Jupiter", "the relic X", "the ship X".
THING_WORDS = frozenset(
    {
        "planet", "moon", "star", "comet", "relic", "ship", "book", "magazine", "poem", "novel",
        # documents and objects a name may stand for: "the bull Exsurge Domine", "the raft Kon-Tiki"
        "bull", "edict", "decree", "charter", "encyclical", "pamphlet", "manifesto", "newspaper", "painting",
        "statue", "raft", "canoe", "boat", "vessel", "variety",
    }
)  # fmt: skip
# Works, and works of engineering: "the Bengali play X", "X, a regional history", "X is an irrigation system".
# Only before a name, in apposition or as what it is: "the history of X", "the journal of X" tell nothing of X.
WORK_WORDS = frozenset(
    {
        "play", "film", "opera", "essay", "treatise", "epic", "saga", "chronicle", "history", "memoir", "tract",
        "journal", "gazette", "periodical", "ballad", "song", "hymn", "sonnet", "libretto", "system",
    }
)  # fmt: skip
# Heads of buildings named after a saint or founder: "St Peter's Basilica" is a church, "St Peter" in it no one.
_NAMED_BUILDINGS = frozenset({"basilica", "church", "cathedral", "chapel", "mosque", "abbey", "monastery", "temple"})
LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "outside", "inside", "towards", "around", "via"})
# Verbs whose "in X" / "into X" is a language: "translated into Sanskrit", "wrote in Latin", "preached in Welsh"
LANGUAGE_VERBS = frozenset(
    {"write", "translate", "speak", "compose", "print", "publish", "preach", "teach", "render", "transliterate"}
)
LANGUAGE_NOUNS = frozenset({"language", "tongue", "dialect"})  # "the Latin language", "the Tamil tongue"
LANGUAGE = "other:language"  # a language is neither a place nor a people: no option among towns, nor they for it
_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI{0,3})$")
_NAME_KINDS = frozenset({"person", "place", "org", "product", "group", "other"})


# Peoples of a faith and of a party or movement, by the stem of their name: a religious group is no wrong answer
# for a nation ("the Cathars" among "the Burmese"), nor a party for either. Every other group is a people.
FAITH_STEMS = (
    "christian",
    "catholic",
    "protestant",
    "muslim",
    "moslem",
    "jew",
    "hindu",
    "buddhist",
    "sikh",
    "jain",
    "cathar",
    "lutheran",
    "calvinist",
    "huguenot",
    "puritan",
    "quaker",
    "anabaptist",
    "anglican",
    "methodist",
    "baptist",
    "mormon",
    "orthodox",
    "sunni",
    "shia",
    "shiite",
    "copt",
    "maronite",
    "druze",
    "zoroastrian",
    "pagan",
    "jesuit",
    "franciscan",
    "dominican",
    "templar",
    "hospitaller",
    "albigensian",
    "hussite",
    "lollard",
    "presbyterian",
    "confucian",
    "taoist",
    "manichae",
    "gnostic",
    "arian",
    "nestorian",
    "pentecostal",
)
PARTY_STEMS = (
    "bolshevik", "menshevik", "jacobin", "girondin", "whig", "tory", "tories", "federalist", "royalist",
    "republican", "democrat", "communist", "socialist", "nazi", "fascist", "loyalist", "patriot", "unionist",
    "confederate", "nationalist", "liberal", "conservative", "chartist", "luddite", "anarchist", "populist",
    "abolitionist", "suffragist", "suffragette", "ghibelline", "guelph", "guelf", "roundhead", "cavalier",
)  # fmt: skip


def group_class(norm: str) -> str:
    """The fine kind of a people or group: "group:faith", "group:party" or "group:people" (see FAITH_STEMS)."""
    word = norm.split()[-1] if norm.split() else ""
    if word.startswith(FAITH_STEMS):
        return "group:faith"
    if word.startswith(PARTY_STEMS):
        return "group:party"
    return "group:people"


def _noun_class(word: str) -> str | None:
    """The fine kind a common noun gives the name it describes."""
    w = word.lower()
    if w in ROLE_CLASSES:
        return "person:" + ROLE_CLASSES[w]
    if w in PERSON_WORDS:
        return "person"
    if w in PLACE_GRAINS:
        return "place:" + PLACE_GRAINS[w]
    if w in THING_WORDS or w in WORK_WORDS:
        return "thing"
    return None


def _evidence(m: Mention) -> list[str]:
    """What the sentence says a mention is: the fine kinds its own words give it."""
    out: list[str] = []
    start = m.sent.span.start
    before = [t for t in m.first.doc[max(start, m.first.i - 3) : m.first.i] if t.lower_ not in ("the", "a", "an")]
    prev = before[-1] if before else None
    # "the engineer X", "King X", "the river X"; "the town of X", "the island of X"
    if prev is not None and prev.lower_ == "of":
        if len(before) > 1 and before[-2].is_lower:
            kind = _noun_class(before[-2].lemma_)
            # "the son of X", "the king of X" say nothing of what X is; "the capital of X" says it is no town
            if (
                kind is not None
                and not kind.startswith("person")
                and before[-2].lower_ != "capital"
                and before[-2].lemma_.lower() not in WORK_WORDS
            ):
                out.append(kind)
            elif before[-2].lower_ in ROLE_CLASSES or before[-2].ent_type_ == "PERSON":
                out.append("place")  # "Duke of X", "Callimachus of X": where a person is from or rules
    elif prev is not None and prev.is_alpha and (prev.is_lower or prev.lower_ in ROLE_CLASSES):
        kind = _noun_class(prev.lemma_ if prev.lower_ not in ROLE_CLASSES else prev.lower_)
        if kind is not None and (prev.pos_ == "NOUN" or prev.lemma_.lower() not in WORK_WORDS):  # not "to film X"
            out.append(kind)
    # "historians such as X", "two daughters, X": the noun the name stands in apposition to
    head = m.root.head
    if m.root.dep_ == "appos" and head.i < m.first.i and head is not prev:
        # "the Governor of New Zealand, Lord Glasgow": a role word however it is capitalised; a kinship word
        # ("his son, X") is no class and would outvote the role the name has elsewhere
        kind = _noun_class(head.lemma_ if head.pos_ == "NOUN" else head.lower_)
        if kind is not None and kind != "person" and (head.pos_ == "NOUN" or head.lower_ in ROLE_CLASSES):
            out.append(kind)
    # "St Peter's Basilica": the name is part of a building's
    if m.kind == "person" and m.root.dep_ == "poss" and head.lower_ in _NAMED_BUILDINGS:  # not "Marlow's Abbey"
        out.append("thing")
    # "X, a painter", "X, the capital of Y", "X, Duke of Normandy"; "X was a painter"
    for c in m.root.children:
        # a work's noun as a title's word is no apposition: "X, in The Silk Road: A New History, argues"
        if c.dep_ == "appos" and c.i > m.last.i and (c.is_lower or c.lemma_.lower() not in WORK_WORDS):
            kind = _noun_class(c.lemma_)
            if kind is not None:
                out.append(kind)
    if m.root.dep_ == "nsubj" and m.root.head.lemma_ in ("be", "become"):
        attr = next((c for c in m.root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
        if attr is not None:
            kind = _noun_class(attr.lemma_)
            if kind is not None:
                out.append(kind)
    if _is_language(m, prev):
        out.append(LANGUAGE)
    # "Duke Xiao", "Admiral Tojo": a title the model took into the name
    if m.last.i > m.first.i and m.first.lower_ in ROLE_CLASSES and m.first.is_title:
        out.append("person:" + ROLE_CLASSES[m.first.lower_])
    # "Ptolemy II", "Henry VIII": a ruler's name with its number
    if m.last.i > m.first.i and _ROMAN.match(m.last.text) and m.first.text[:1].isupper():
        out.append("person:ruler")
    # its own last word: "Edo Castle", "the Amur River"; "Latin Europe", "Central Asia" (a region by its continent)
    words = m.norm.split()
    if len(words) > 1 and words[-1] in CONTINENT_WORDS and "of" not in words and m.first.text[:1].isupper():
        out.append("place:region")
    elif m.last.i > m.first.i and m.last.text[:1].isupper():
        kind = _noun_class(m.last.lower_)
        if kind is not None and kind.startswith("place") and m.last.lower_ != "capital":  # "Eastern Capital"
            out.append(kind)
    # "Hertfordshire": an English county by its own last syllable
    # (one word of letters: "the Yorkshire-Lincolnshire border" names no county of its own)
    word = words[0] if len(words) == 1 else ""
    if word.isalpha() and len(word) > len(_SHIRE) and word.endswith(_SHIRE) and m.text[:1].isupper():
        out.append("place:region")
    return out


_SHIRE = "shire"
# Members of a list that share a grain: "spread to Hertfordshire, Suffolk, Norfolk and Cambridgeshire" makes
# Suffolk and Norfolk counties too, where two or more members are typed regions and none another grain.
LISTED_GRAIN_MIN = 2


def _list_grains(names: list[Mention], votes: dict[str, dict[str, float]]) -> None:
    """Give the untyped members of a list of places the region grain its typed members share (see above)."""
    lists: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    for m in names:
        head = m.root
        while head.dep_ == "conj":
            head = head.head
        if head is not m.root or any(c.dep_ == "conj" for c in m.root.children):
            lists[(m.sent.id, head.i)].append(m)
    for members in lists.values():
        grains = [max(votes[n.norm], key=lambda k: votes[n.norm][k]) if votes.get(n.norm) else "" for n in members]
        typed = [g for g in grains if g]
        if len(typed) < LISTED_GRAIN_MIN or set(typed) != {"place:region"}:
            continue
        for n, grain in zip(members, grains, strict=True):
            if not grain and n.kind == "place":
                votes[n.norm]["place:region"] += 1


def _is_language(m: Mention, prev: Any) -> bool:
    """The sentence says the name is a language: "translated X into Sanskrit", "wrote in Latin", "the Tamil
    language"."""
    after = m.last.nbor(1) if m.last.i + 1 < m.sent.span.end else None
    if after is not None and after.lower_ in LANGUAGE_NOUNS:
        return True
    return (
        prev is not None
        and prev.lower_ in ("in", "into")
        and m.root.head.i == prev.i
        and prev.head.lemma_.lower() in LANGUAGE_VERBS
    )


def _container(m: Mention) -> str | None:
    """The place an apposition or phrase puts a place in: "X, the capital of Y", "X, a town in Y", "X in Y"."""
    heads: list[Any] = [c for c in m.root.children if c.dep_ == "appos" and c.i > m.last.i] + [m.root]
    for h in heads:
        for p in h.children:
            if p.dep_ == "prep" and p.lower_ in ("of", "in") and p.i > m.last.i:
                obj = next((c for c in p.children if c.dep_ == "pobj"), None)
                if obj is not None and (h is m.root or h.lower_ in PLACE_GRAINS) and obj.pos_ == "PROPN":
                    if h is m.root and p.lower_ == "of":
                        continue  # "Adolf of Nassau" is a man, "the Peace of X" an event
                    return " ".join(t.text for t in obj.subtree if t.pos_ == "PROPN")
    return None


def _name_of(tok: Any) -> str:
    """The proper name a noun phrase gives: "Edo", or "Kelby" of "the town of Kelby"."""
    if tok.pos_ != "PROPN":
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        tok = next((c for c in of.children if c.dep_ == "pobj"), tok) if of is not None else tok
    words = [t.text for t in tok.subtree if t.pos_ == "PROPN" and t.i <= tok.i]
    return norm_key(" ".join(words)) if tok.pos_ == "PROPN" else ""


def renamings(corpus: Corpus) -> list[tuple[str, str]]:
    """The pairs of names the corpus says one place took in turn ("Edo is renamed Tokyo"): the other name is
    the same place, no wrong answer."""
    out = []
    for sent in corpus.sentences:
        for verb in sent.tokens:
            if verb.lemma_ != "rename":
                continue
            old = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)
            new = next((c for c in verb.children if c.dep_ == "oprd"), None)
            if old is not None and new is not None and _name_of(old) and _name_of(new):
                out.append((_name_of(old), _name_of(new)))
    return out


def assign_fine_kinds(corpus: Corpus) -> None:
    """Give every name mention its fine kind (``Mention.fine``) and let the article's evidence override the
    model's coarse kind; record what contains what (``corpus.cache["inside"]``: place -> places holding it)."""
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    inside: dict[str, set[str]] = defaultdict(set)
    names = [m for m in corpus.mentions() if m.kind in _NAME_KINDS and m.text[:1].isupper()]
    # names the model reads as a state or town, or the article writes where a place goes ("in X", "from X"):
    # the place list applies to them
    located = set()
    for m in names:
        before = m.first.nbor(-1) if m.first.i > m.sent.span.start else None
        if before is not None and before.lower_ in ("the",) and before.i > m.sent.span.start:
            before = before.nbor(-1)
        if (before is not None and before.lower_ in LOCATIVE) or m.label == "GPE":
            located.add(m.norm)
        evidence = _evidence(m)
        for kind in evidence:
            votes[m.norm][kind] += 1
            # "Ptolemy II" tells of "Ptolemy"; "the merchant Johann Fust" of "Fust"
            if kind.startswith("person") and " " in m.norm:
                first, last = m.norm.split()[0], m.norm.split()[-1]
                votes[first if _ROMAN.match(m.last.text) else last][kind] += 0.5
        holder = _container(m)
        if holder is not None and (m.kind == "place" or any(k.startswith("place") for k in evidence)):
            inside[m.norm].add(norm_key(holder))
    _list_grains(names, votes)
    for m in names:
        tally = votes.get(m.norm)
        if tally:
            fine = max(sorted(tally), key=lambda k: tally[k])
        elif m.kind == "place" and place_class(m.norm) is not None and m.norm in located:
            # not to a name only seen elsewhere: "four moons circling Jupiter" is no town in Florida
            fine = "place:" + _GAZETTEER_GRAINS[place_class(m.norm) or ""]
        else:
            continue
        m.fine = fine
        coarse = fine.split(":")[0]
        if coarse == "thing":
            m.kind = "other"
        elif tally:
            # the article's word outranks the model's label, and where they agree it is evidence all the same:
            # "the Amur River" is a river by its own words, whatever the vote share of the model's labels
            m.repaired = m.repaired or coarse != m.kind
            m.kind = coarse
            m.kind_confidence = max(m.kind_confidence, 0.75)
        if m.kind == "place" and fine in ("place:city", "place:country", "place:region"):
            m.sub = fine.split(":")[1] if m.sub in ("", "place") else m.sub
    for m in corpus.mentions():
        if m.kind == "group" and not m.fine:
            m.fine = group_class(m.norm)
    for a, b in renamings(corpus):
        inside[a].add(b)  # a place is no wrong answer for itself under its other name
        inside[b].add(a)
    for norm in {m.norm for m in names if m.kind == "place"}:
        inside[norm] |= containers(norm)
    corpus.cache["inside"] = {k: frozenset(v) for k, v in inside.items() if v}


def said_kinds(m: Mention) -> list[str]:
    """The fine kinds a mention's own sentence gives it (see assign_fine_kinds), for rules that weigh one
    mention's evidence rather than the name's majority."""
    return _evidence(m)


# A name the text glosses with a month or a season ("Boedromion (September-October)") is a time
_TIME_GLOSS = re.compile(
    r"^\s*\([^()]*\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"spring|summer|autumn|winter)\b",
    re.I,
)


@cache
def calendar_months() -> frozenset[str]:
    """Names of months of other calendars, lower case, from the curated table."""
    return frozenset(line.lower() for line in table_lines("calendar_months.txt"))


def is_time_name(key: str, quote: str) -> bool:
    """Whether a name is a time: a month of some calendar, or one its sentence glosses with a month or season."""
    if key.strip().lower() in calendar_months():
        return True
    at = quote.find(key)
    return at >= 0 and bool(_TIME_GLOSS.match(quote[at + len(key) :]))
