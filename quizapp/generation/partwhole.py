"""Which names of a corpus hold, lie in, stand beside or go together with which (issue #15, wrong keys).

A wrong option must be wrong. It is not when it holds the key or lies in it (a temple complex offered against the
city it stands in; the Senate against Congress, the Senate being a chamber of it), nor when a false statement swaps
in a value the article pairs with the key ("recovered Delhi and Agra": "X had seized Agra" is no safe False).

The evidence is the article's own wording, read off the parse:

- a name with a phrase that places it: "X in Y", "X, in Y", "X at Y", "X near Y", "X outside Y", "X of Y"
  (between two names of places or bodies), "X, a chamber of Y", "X, the upper house of Y";
- a possessive: "Y's X";
- anchors: a place something else is located by ("the tomb opposite Y", "an office at Y"): a site whose own
  whereabouts the article does not give may lie in such a place, so it is no option against that site;
- pairs: two names joined by "and" / "or" ("Delhi and Agra") go together, and a statement true of one is often
  true of the other.

and one piece of general knowledge: the chambers of a legislature are parts of it (a Senate, a House of
Representatives, a House of Commons of a Congress or a Parliament).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any

from .analysis import Corpus, Mention
from .gazetteer import lies_in, place_class

# Prepositions by which a phrase puts one name in, at or beside another.
_PLACING = frozenset({"in", "at", "near", "outside", "inside", "within", "opposite", "beside", "of", "on"})
# Prepositions by which a thing is located by a place ("the tomb opposite Y"): that place is an anchor.
_ANCHORING = frozenset({"at", "near", "outside", "opposite", "beside", "in", "within"})
_NAMED = frozenset({"place", "org"})
# A shorter name is no stem a longer one is built on ("Ur" in "Uruk").
_MIN_STEM = 4
# Verbs by which a name describes the subject: "X was a kingdom centred on Y", "X became part of Y".
_COPULAS = frozenset({"be", "become", "remain"})
# Verbs that say two names are one place or body: "X, which is usually identified with Y".
_IDENTIFYING = frozenset({"identify", "equate"})

# A legislature and its chambers: the last word of a body's name (or the name itself) tells which it is.
LEGISLATURE_WORDS = frozenset(
    {"congress", "parliament", "diet", "legislature", "assembly", "estates-general", "cortes", "riksdag", "sejm"}
)
CHAMBER_NAMES = frozenset(
    {
        "senate",
        "house of representatives",
        "house of commons",
        "house of lords",
        "house of delegates",
        "house of burgesses",
        "house of councillors",
        "house of peers",
        "chamber of deputies",
        "chamber of peers",
        "commons",
        "lords",
        "upper house",
        "lower house",
        "first estate",
        "second estate",
        "third estate",
    }
)


def _bare(norm: str) -> str:
    """The name without a leading article or country prefix ("the u.s. senate" -> "senate")."""
    words = norm.split()
    while words and words[0] in ("the", "u.s.", "us", "u.s", "united", "states", "national", "federal", "imperial"):
        if words[0] == "united" and words[1:2] != ["states"]:
            break
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=16384)  # asked of every option of every question
def legislature(norm: str) -> bool:
    """ "Congress", "the Parliament", "the Imperial Diet": a body with chambers."""
    bare = _bare(norm)
    return bool(bare) and bare.split()[-1] in LEGISLATURE_WORDS


@lru_cache(maxsize=16384)
def chamber(norm: str) -> bool:
    """ "the Senate", "the U.S. Senate", "the House of Commons": a chamber of a legislature."""
    bare = _bare(norm)
    return bare in CHAMBER_NAMES or (bool(bare) and bare.split()[-1] == "senate")


def _covering(mentions: list[Mention], tok: Any) -> Mention | None:
    return next((m for m in mentions if m.first.i <= tok.i <= m.last.i), None)


def _links(corpus: Corpus) -> tuple[dict[str, set[str]], set[str], dict[str, set[str]]]:
    """(part-whole links, both ways; anchors; pairs), read once per corpus."""
    linked: dict[str, set[str]] = defaultdict(set)
    anchors: set[str] = set()
    pairs: dict[str, set[str]] = defaultdict(set)
    same: list[tuple[str, str]] = []
    for sent in corpus.sentences:
        named = [m for m in sent.mentions if m.kind in _NAMED]
        if not named:
            continue
        for m in named:
            for p in _placing_preps(m):
                other = _placed_name(named, p)
                if other is not None and other is not m:
                    linked[m.norm].add(other.norm)
                    linked[other.norm].add(m.norm)
            other = _identified_with(named, m)
            if other is not None:
                same.append((m.norm, other.norm))
            # "Y's X": the possessor holds the possessed
            for c in m.root.children:
                if c.dep_ == "poss":
                    other = _covering(named, c)
                    if other is not None and other is not m:
                        linked[m.norm].add(other.norm)
                        linked[other.norm].add(m.norm)
            r = m.root
            if (
                m.kind == "place"
                and r.dep_ == "pobj"
                and r.head.lower_ in _ANCHORING
                and r.head.head.pos_ in ("NOUN", "PROPN")
                and _covering(named, r.head.head) is not m
            ):
                anchors.add(m.norm)  # "the tomb opposite Y", "the temple at Y": Y locates something else
            between = r.dep_ == "pobj" and r.head.lower_ == "between"  # "between X and Y": two ends, not a pair
            for c in r.children:
                if c.dep_ == "conj" and not between:
                    other = _covering(named, c)
                    if other is not None and other is not m and other.kind == m.kind:
                        pairs[m.norm].add(other.norm)
                        pairs[other.norm].add(m.norm)
    _merge_identified(linked, same)
    return linked, anchors, pairs


def _describing(m: Mention) -> list[Any]:
    """The nouns that describe a name: itself, its appositives ("X, a district of Y") and what a copula makes of
    it ("X was a kingdom ...", "X became part of Y")."""
    heads = [m.root] + [c for c in m.root.children if c.dep_ == "appos" and c.i > m.last.i]
    r = m.root
    if r.dep_ in ("nsubj", "nsubjpass") and r.head.lemma_.lower() in _COPULAS:
        heads += [c for c in r.head.children if c.dep_ in ("attr", "oprd") and c.pos_ == "NOUN"]
    return heads


def _placing_preps(m: Mention) -> list[Any]:
    """The placing prepositions on a name's describing nouns, and on a participle hung on one ("a kingdom
    centred on Y", "a town situated in Y")."""
    out = []
    for h in _describing(m):
        holders = [h] + [c for c in h.children if c.dep_ == "acl" and c.pos_ == "VERB"]
        for x in holders:
            out += [p for p in x.children if p.dep_ == "prep" and p.lower_ in _PLACING and p.i > m.last.i]
    return out


def _placed_name(named: list[Mention], prep: Any) -> Mention | None:
    """The name a placing preposition puts its noun in, through a common noun and its "of": "in Y", "on the
    island of Y", "on the river port of Y"."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    found = _covering(named, obj)
    if found is None and obj.pos_ == "NOUN":
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        found = _covering(named, inner) if inner is not None else None
    return found


def _identified_with(named: list[Mention], m: Mention) -> Mention | None:
    """The name the article identifies a name with: "X is identified with Y", "X, which is identified with Y"."""
    r = m.root
    verbs = [c for c in r.children if c.dep_ == "relcl"]
    if r.dep_ == "nsubjpass":
        verbs.append(r.head)
    for v in verbs:
        if v.lemma_.lower() not in _IDENTIFYING:
            continue
        with_ = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "with"), None)
        obj = next((c for c in with_.children if c.dep_ == "pobj"), None) if with_ is not None else None
        other = _covering(named, obj) if obj is not None else None
        if other is not None and other is not m:
            return other
    return None


def _merge_identified(linked: dict[str, set[str]], same: list[tuple[str, str]]) -> None:
    """Two names of one place share what holds them and what they hold: a kingdom "identified with" a Sumatran
    one lies in Sumatra too."""
    for a, b in same:
        both = linked[a] | linked[b] | {a, b}
        linked[a] |= both - {a}
        linked[b] |= both - {b}


def _cached(corpus: Corpus) -> tuple[dict[str, set[str]], set[str], dict[str, set[str]]]:
    hit = corpus.cache.get("partwhole")
    if hit is None:
        hit = corpus.cache["partwhole"] = _links(corpus)
    out: tuple[dict[str, set[str]], set[str], dict[str, set[str]]] = hit
    return out


def part_of_each_other(corpus: Corpus, key: Mention, value: str) -> bool:
    """Whether the value (a norm) holds the key or lies in it, or stands beside it, by the article's evidence, or
    the value is named on the key or on a place that holds it ("Budapest" against a district of "Buda") or is
    a word of such a place's name ("Hungary" of "the Kingdom of Hungary"), or one is a chamber of the other as a
    legislature, or the place list puts one inside the other (see gazetteer.lies_in); or the key is a site the
    article does not locate and the value a place it locates other things by."""
    linked, anchors, _ = _cached(corpus)
    inside: dict[str, frozenset[str]] = corpus.cache.get("inside", {})
    near = linked.get(key.norm, set()) | inside.get(key.norm, frozenset())
    if value in near or any(named_after(value, n) or _within(n, value) for n in near | {key.norm}):
        return True
    if (legislature(key.norm) and chamber(value)) or (chamber(key.norm) and legislature(value)):
        return True
    if key.kind == "place" and (lies_in(key.norm, value) or lies_in(value, key.norm)):
        return True  # by the place list: "in what is now North America" for "New York State" is true too
    if key.kind != "place" or value not in anchors:
        return False
    located = (
        key.norm in linked
        or key.norm in inside
        or key.sub in ("country", "region", "state", "city")
        or place_class(key.norm) is not None
    )
    return not located


def named_after(name: str, other: str) -> bool:
    """Whether a name (a norm) is built on another by running on past its end ("budapest" on "buda", "yorkshire"
    on "york"): the successor, the region or the city that grew out of it. Extra words are no such evidence:
    "mexico city" is no holder of every town in Mexico."""
    if " " in other or len(other) < _MIN_STEM:
        return False
    first = name.split()[0]
    return first != other and first.startswith(other)


def _within(name: str, other: str) -> bool:
    """Whether a name's words hold another whole ("kingdom of hungary" holds "hungary")."""
    return name != other and f" {other} " in f" {name} "


def paired(corpus: Corpus, key: Mention, value: str) -> bool:
    """Whether some sentence of the corpus names the value and the key together, joined by "and" / "or"."""
    return value in _cached(corpus)[2].get(key.norm, ())
