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
from .gazetteer import place_class

# Prepositions by which a phrase puts one name in, at or beside another.
_PLACING = frozenset({"in", "at", "near", "outside", "inside", "within", "opposite", "beside", "of"})
# Prepositions by which a thing is located by a place ("the tomb opposite Y"): that place is an anchor.
_ANCHORING = frozenset({"at", "near", "outside", "opposite", "beside", "in", "within"})
_NAMED = frozenset({"place", "org"})

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
    for sent in corpus.sentences:
        named = [m for m in sent.mentions if m.kind in _NAMED]
        if not named:
            continue
        for m in named:
            heads = [m.root] + [c for c in m.root.children if c.dep_ == "appos" and c.i > m.last.i]
            for h in heads:
                for p in h.children:
                    if p.dep_ != "prep" or p.lower_ not in _PLACING or p.i <= m.last.i:
                        continue
                    obj = next((c for c in p.children if c.dep_ == "pobj"), None)
                    other = _covering(named, obj) if obj is not None else None
                    if other is not None and other is not m:
                        linked[m.norm].add(other.norm)
                        linked[other.norm].add(m.norm)
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
    return linked, anchors, pairs


def _cached(corpus: Corpus) -> tuple[dict[str, set[str]], set[str], dict[str, set[str]]]:
    hit = corpus.cache.get("partwhole")
    if hit is None:
        hit = corpus.cache["partwhole"] = _links(corpus)
    out: tuple[dict[str, set[str]], set[str], dict[str, set[str]]] = hit
    return out


def part_of_each_other(corpus: Corpus, key: Mention, value: str) -> bool:
    """Whether the value (a norm) holds the key or lies in it, or stands beside it, by the article's evidence, or
    one is a chamber of the other as a legislature; or the key is a site the article does not locate and the value
    a place it locates other things by."""
    linked, anchors, _ = _cached(corpus)
    if value in linked.get(key.norm, ()):
        return True
    if (legislature(key.norm) and chamber(value)) or (chamber(key.norm) and legislature(value)):
        return True
    if key.kind != "place" or value not in anchors:
        return False
    inside: dict[str, frozenset[str]] = corpus.cache.get("inside", {})
    located = (
        key.norm in linked
        or key.norm in inside
        or key.sub in ("country", "region", "state", "city")
        or place_class(key.norm) is not None
    )
    return not located


def paired(corpus: Corpus, key: Mention, value: str) -> bool:
    """Whether some sentence of the corpus names the value and the key together, joined by "and" / "or"."""
    return value in _cached(corpus)[2].get(key.norm, ())
