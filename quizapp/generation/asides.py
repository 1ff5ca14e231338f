"""Comma-set asides: the parts of a long sentence a statement can leave out without changing what it states.

"In 1412 the abbot Gerard of Velm, who had also founded the small hospital beside the river crossing at Orsk,
built the first stone bridge over the Sel at Varro" is too long for a prompt, and it has no second main clause
to cut away, so it made no question at all. Its aside (a non-restrictive relative clause, an apposition to a
name, a participle phrase, each set off by commas) only adds a fact about a name; without it the sentence says
the same about the rest ("In 1412 the abbot Gerard of Velm built the first stone bridge over the Sel at
Varro"). Long sentences of this shape are common in any encyclopedia-style article.
"""

from __future__ import annotations

from typing import Any

from .analysis import Sentence

# Relative words that open a non-restrictive clause ("X, who ...", "Y, where ..."); "that" opens a restrictive
# one, which the sentence needs.
_RELATIVES = frozenset({"who", "whom", "whose", "which", "where", "when"})
# A participle phrase after a comma that describes the noun before it (", built in 1150,", ", ruled by X,").
_PARTICIPLES = frozenset({"VBN", "VBG"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def without_asides(sent: Sentence, tokens: list[Any], anchor: Any | None, max_words: int) -> list[Any]:
    """``tokens`` (of ``sent``, in order) without as few comma-set asides not holding ``anchor`` as bring them to
    ``max_words`` words, the longest cut first; all it can cut if that is not enough.

    An aside is cut with its opening comma, and with its closing comma when the statement goes on after it; an
    aside that does not start and end inside the tokens, or that opens the statement, is kept."""
    if not tokens:
        return tokens
    found = _asides(sent, tokens)
    cut: set[int] = set()
    for first, last, aside in found:
        if word_total([t for t in tokens if t.i not in cut]) <= max_words:
            break
        if anchor is None or not first <= anchor.i <= last:
            cut |= aside
    return [t for t in tokens if t.i not in cut] if cut else tokens


def _asides(sent: Sentence, tokens: list[Any]) -> list[tuple[int, int, set[int]]]:
    """The asides of ``tokens`` as (first, last, indices to cut), longest first; kept on the sentence, as every
    mention of a long sentence asks again."""
    key = f"asides:{tokens[0].i}:{tokens[-1].i}:{len(tokens)}"
    cached = sent.cache.get(key)
    if cached is not None:
        return list(cached)
    found: list[tuple[int, int, set[int]]] = []
    root = sent.span.root
    if any(c.dep_ in _SUBJECTS for c in root.children):  # no subject on the main verb: the parse is off
        kept = {t.i for t in tokens}
        for t in tokens:
            if _is_aside(t) and (a := _aside_span(t, kept, tokens[0].i, root)) is not None:
                found.append(a)
    found.sort(key=lambda a: len(a[2]), reverse=True)
    sent.cache[key] = found
    return list(found)


def _aside_span(t: Any, kept: set[int], opening: int, root: Any) -> tuple[int, int, set[int]] | None:
    """The aside headed by ``t``: its first and last token and the indices to cut (with its commas), or None if
    it cannot go."""
    sub = list(t.subtree)
    while len(sub) > 1 and sub[-1].is_punct:
        sub.pop()  # the parser may hang the closing comma on the aside itself
    first, last = sub[0].i, sub[-1].i
    if first not in kept or last not in kept:
        return None
    doc = t.doc
    if first - 1 not in kept or doc[first - 1].text != "," or first - 1 == opening:
        return None  # set off by a comma before it, and not the statement's own opening
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is not None and after.i in kept and after.text not in (",", ";"):
        return None  # the aside must end at a comma or at the end of the statement
    if any(not x.is_punct and first <= x.head.i <= last for x in doc[last + 1 : root.sent.end]):
        return None  # what follows the aside hangs on a word inside it: the cut would strand it
    span = set(range(first - 1, last + 1)) & kept
    if after is None or after.i not in kept or last + 2 not in kept:
        return first, last, span  # the aside ends the statement
    if _closes_opening(root, last):
        return first, last, span  # its closing comma stays: it ends the opening phrase too
    going_on = doc[last + 2]
    if going_on.tag_ not in _FINITE and not (going_on.pos_ == "ADV" and going_on.head.tag_ in _FINITE):
        # "Renn of Tesk, who designed the hall, begun around 1327": what follows is one more aside, not the
        # verb the subject waits for, and the cut would run the two together ("Renn of Tesk begun around").
        return None
    # "The new duke, Otto Brenn, who ruled the valley, summoned": the comma closes the name's apposition too
    apposed = t.head.dep_ == "appos" or any(c.dep_ == "appos" and c.right_edge.i == first - 2 for c in t.head.children)
    if not apposed:
        span.add(after.i)
    return first, last, span


def _closes_opening(verb: Any, last: int) -> bool:
    """Whether the comma after the aside (ending at ``last``) also closes an opening phrase that the aside ends
    ("Compared with the script of Velm, which used hundreds of signs, the new alphabet ..."): that comma stays."""
    return any(c.i < verb.i and c.right_edge.i in (last, last + 1) and c.dep_ not in _SUBJECTS for c in verb.children)


def _is_aside(t: Any) -> bool:
    """Whether ``t`` heads an aside of the kinds the module describes, hung on a noun, or a participle phrase that
    closes the sentence after its main verb's object."""
    if _closing_participle(t):
        return True
    if t.head.pos_ not in ("NOUN", "PROPN") or t.head.i > t.i:
        return False
    if t.dep_ == "appos":
        # "Otto Brenn, the third duke of Varro": a name's description can go; "the immediate cause, the grey
        # rot": the apposition names what a common noun only points at, and the statement needs it.
        return t.head.pos_ == "PROPN"
    left = t.left_edge
    if t.dep_ == "relcl":
        return left.lower_ in _RELATIVES
    return t.dep_ == "acl" and t.tag_ in _PARTICIPLES and left.i == t.i


def _closing_participle(t: Any) -> bool:
    """ "Renn replied to the council in a long letter, arguing that the bridge was unsafe" (or "..., written a
    decade later"): a participle phrase after the main verb, set off by a comma and ending the sentence, adds
    how, when or with what result; without it the sentence still states what its subject did. Not one that opens
    with its own subject or a subordinator."""
    if t.dep_ != "advcl" or t.tag_ not in _PARTICIPLES or t.head.dep_ != "ROOT":
        return False
    if t.i < t.head.i or t.left_edge.i < t.i:
        return False
    after = t.right_edge.i + 1
    doc = t.doc
    return after >= t.sent.end or (doc[after].is_punct and doc[after].text in (".", "!", ";"))


def word_total(tokens: list[Any]) -> int:
    """The words among the tokens, punctuation not counted."""
    return len([t for t in tokens if not t.is_punct])
