"""Terms an article defines: "the waterwheel, or saqiya,", "the shaduf, a pole with ...", "Kemet, "the black
land"", "asabiyya, usually translated as ...", "what he called itibar".

A teacher asks first for the words a section teaches. A word rare in general English that the sentence itself
glosses or names is such a word, and a blank on it is fair: the gloss beside the blank says what is asked, and
the term is one checkable answer. Found by the sentence's surface form (the cue words around the term), so the
rule carries to any article; the term's rarity keeps ordinary words ("the king, a cruel man") out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .analysis import Sentence
from .textutil import zipf

# Every word of a defined term is this rare in general English (Zipf scale; 3 is about one word in a million):
# "shaduf" 0, "saqiya" 0, "nilometer" 1.2, against "pole" 4.6 or "historian" 4.1.
TERM_ZIPF = 3.0
MAX_TERM_TOKENS = 4
NAMING = frozenset({"called", "named", "termed", "dubbed"})
NAMING_LEMMAS = frozenset({"call", "name", "term", "dub", "nickname"})
TRANSLATING = frozenset({"translated", "rendered", "meaning", "means", "glossed", "literally"})
KIND_WORDS = frozenset({"kind", "type", "form", "sort", "variety"})
HEDGES = frozenset({"usually", "often", "commonly", "sometimes", "roughly", "loosely", "literally", "best"})
QUOTES = frozenset("'\"‘’“”")
_LETTERS_TOO = frozenset("ʿʾ'’-")


@dataclass(frozen=True)
class Gloss:
    """A defined term (its first and last token) and the token where its gloss or naming cue starts."""

    first: Any
    last: Any
    cue: Any
    bracketed: bool  # the gloss stands in brackets: a prompt must keep them


def _wordlike(t: Any) -> bool:
    text = t.text
    if text.isalpha():
        return True  # most words: the test by character below is asked of every token of every sentence
    return bool(text) and all(ch.isalpha() or ch in _LETTERS_TOO for ch in text) and any(c.isalpha() for c in text)


def _rare(tokens: list[Any]) -> bool:
    words = [t.text.lower().strip("ʿʾ'’-") for t in tokens if _wordlike(t)]
    # "al" in "Kitab al-Manazir": a particle of two letters says nothing of the term's rarity
    long = [w for w in words if len(w) > 2]
    return bool(long) and all(zipf(w) < TERM_ZIPF for w in long)


_NAME_POS = frozenset({"PROPN", "NOUN", "X"})


# What may stand just before a term glossed after it: "the Pinakes (...)", "compiled Scivias", "is asabiyya,".
# A word of content there ("De mundi systemate", "Umkhonto we Sizwe") may be the start of the same name.
_OPENING_POS = frozenset({"DET", "ADP", "VERB", "AUX", "PUNCT", "CCONJ", "SCONJ", "PART", "ADV"})


def _extend_left(sent: Sentence, last: Any) -> Any | None:
    """The first token of the term ending at ``last``: wordlike tokens (and hyphens between them) leftwards that
    modify a word of the term ("Kitab al-Manazir"), not a noun beside it ("called the Carthaginians Poeni");
    None when the word before the term may belong to it."""
    doc = sent.span.doc
    if not _wordlike(last):
        return None
    first = last
    i = last.i - 1
    while i >= sent.span.start and last.i - i < MAX_TERM_TOKENS:
        t = doc[i]
        joined = (t.text[:1].isupper() and t.i < t.head.i <= last.i) or doc[i + 1].text == "-"
        if t.text == "-" or (_wordlike(t) and t.pos_ in _NAME_POS and joined):
            if t.text == "-" and (i - 1 < sent.span.start or not _wordlike(doc[i - 1])):
                break
            first = t if t.text != "-" else first
            i -= 1
            continue
        break
    while first.text == "-":
        first = doc[first.i + 1]
    if first.i > sent.span.start and doc[first.i - 1].pos_ not in _OPENING_POS:
        return None
    return first


def _extend_right(sent: Sentence, first: Any) -> Any | None:
    doc = sent.span.doc
    if not _wordlike(first):
        return None
    last = first
    i = first.i + 1
    while i < sent.span.end and i - first.i < MAX_TERM_TOKENS:
        t = doc[i]
        if t.text == "-" and i + 1 < sent.span.end and _wordlike(doc[i + 1]):
            last = doc[i + 1]
            i += 2
            continue
        # one name with the words before it ("Malama Honua"), not a second noun ("the Carthaginians Poeni")
        bound = first.i <= t.head.i <= last.i or any(x.head.i == t.i for x in doc[first.i : last.i + 1])
        if _wordlike(t) and t.text[:1].isupper() and first.text[:1].isupper() and t.pos_ == "PROPN" and bound:
            last = t
            i += 1
            continue
        break
    return last


# Words that may follow a named term: "called Kemet, ...", "known as vici in ...", "called a milecastle stood".
_CLOSING_POS = frozenset({"PUNCT", "ADP", "CCONJ", "SCONJ", "AUX", "VERB", "DET", "PART", "ADV"})


def _closed(sent: Sentence, last: Any) -> bool:
    """The term after a naming cue ends at ``last``: a word of content next ("called Opticae thesaurus") may
    belong to it, and half a name is no key."""
    doc = sent.span.doc
    nxt = last.i + 1
    if nxt + 1 < sent.span.end and doc[nxt].lower_ == "of" and doc[nxt + 1].text[:1].isupper():
        return False  # "called the Cippi of Melqart": the name goes on
    return nxt >= sent.span.end or doc[nxt].pos_ in _CLOSING_POS


def _gloss_after(sent: Sentence, last: Any) -> tuple[Any, bool] | None:
    """The gloss cue right after a term: ', "the black land"', ' ("Introduction")', ', usually translated as',
    ', a word often translated as', ', a pole with ...' (an appositive); with whether it is bracketed."""
    doc = sent.span.doc
    end = sent.span.end
    at = last.i + 1
    if at + 1 >= end:
        return None
    nxt, after = doc[at], doc[at + 1]
    if nxt.text == "(" and after.text in QUOTES:
        return nxt, True
    if nxt.text != ",":
        return None
    if after.text in QUOTES:
        # ', "the black land"' opens a gloss; 'of Amun," a priestly office' closes a quotation
        return (after, False) if nxt.whitespace_ and not after.whitespace_ else None
    k = at + 1
    if doc[k].lower_ in ("a", "an") and k + 1 < end and doc[k + 1].lower_ in ("word", "term", "name"):
        k += 2
    while k < end and doc[k].lower_ in HEDGES:
        k += 1
    if k < end and doc[k].lower_ in TRANSLATING:
        return after, False
    # "houses of daga, a kind of earth plaster": says what the word is, however the parser attached it
    if (
        after.lower_ in ("a", "an")
        and k + 2 < end
        and doc[k + 1].lower_ in KIND_WORDS
        and doc[k + 2].lower_ == "of"
        and last.pos_ in _NAME_POS
        and last.text.islower()
    ):
        return after, False
    # "The shaduf, a pole with a bucket ...": an indefinite appositive describes what a common noun is
    if (
        after.lower_ in ("a", "an")
        and after.head.dep_ == "appos"
        and after.head.head.i == last.i
        and last.pos_ == "NOUN"
        and last.text.islower()
    ):
        return after, False
    return None


def _named_after(sent: Sentence, first: Any) -> Any | None:
    """The naming cue the term follows, if any: "called (the) X", "known as (the) X", ", or X"."""
    doc = sent.span.doc
    i = first.i - 1
    if i >= sent.span.start and doc[i].lower_ in ("the", "a", "an"):
        i -= 1
    if i < sent.span.start:
        return None
    if doc[i].lower_ in NAMING:
        return doc[i]
    if doc[i].lower_ == "as" and i - 1 >= sent.span.start and doc[i - 1].lower_ == "known":
        return doc[i]
    # "The animal-powered waterwheel, or saqiya, came ...": an other name for a thing just described
    other_name = (
        doc[i].lower_ == "or"
        and i - 2 >= sent.span.start
        and doc[i - 1].text == ","
        and doc[i - 2].pos_ == "NOUN"
        and (first.i + 1 >= sent.span.end or doc[first.i + 1].text in (",", ".", ";", ")"))
    )
    return doc[i] if other_name else None


# A quoted gloss of a term runs to about twice its words ("Pinakes ("Tables")", "Malama Honua ("care for the
# Earth")"); a longer one translates a longer phrase, of which the term is only the end.
MAX_GLOSS_RATIO = 2


def _one_word(sent: Sentence, first: Any, last: Any) -> bool:
    toks = list(sent.span.doc[first.i : last.i + 1])
    return all(k == 0 or t.text == "-" or toks[k - 1].text == "-" for k, t in enumerate(toks))


def _quoted_words(sent: Sentence, last: Any) -> int | None:
    """The words of a quoted gloss right after the term (', "the black land"', ' ("Tables")'), or None."""
    doc = sent.span.doc
    at = last.i + 1
    while at < sent.span.end and doc[at].text in (",", "("):
        at += 1
    if at >= sent.span.end or doc[at].text not in QUOTES:
        return None
    words = 0
    for k in range(at + 1, sent.span.end):
        if doc[k].text in QUOTES:
            return words
        words += 0 if doc[k].is_punct else 1
    return None


_CUES_BEFORE = NAMING | {"as", "or"}


def _cue_beside(tokens: list[Any], k: int) -> bool:
    """Whether the sentence's token ``k`` has beside it what every cue of ``_named_after`` or ``_gloss_after`` starts
    with: a comma or a bracket after it, or a naming word, "as" or "or" before it (and its article). Most words have
    neither, and are passed over without the token walks those make."""
    if k + 1 < len(tokens) and tokens[k + 1].text in ("(", ","):
        return True
    before = k - 1
    if before >= 0 and tokens[before].lower_ in ("the", "a", "an"):
        before -= 1
    return before >= 0 and tokens[before].lower_ in _CUES_BEFORE


def glossed_terms(sent: Sentence, people: set[int] | None = None) -> list[Gloss]:
    """The terms the sentence defines or names, with the cue that says so. A name of several words read as a
    person (token indexes in ``people``) is none: "Ibn Battuta, "the traveller"" names a man, not a term; a
    single rare word the model takes for a person ("Kemet, "the black land"") is kept, as its gloss says what
    it is."""
    out: list[Gloss] = []
    seen: set[int] = set()
    people = people or set()
    doc = sent.span.doc
    tokens = sent.tokens
    for k, t in enumerate(tokens):
        if not _wordlike(t) or t.i in seen or not _cue_beside(tokens, k):
            continue
        found: Gloss | None = None
        cue = _named_after(sent, t)
        if cue is not None:
            last = _extend_right(sent, t)
            # one word (or words joined by hyphens) after "called": "called the Carthaginians Poeni" names two
            # "a Norwegian named Ohthere": a minor person is no term, unless a gloss says what the word is
            if (
                last is not None
                and _closed(sent, last)
                and _one_word(sent, t, last)
                and (t.i not in people or _gloss_after(sent, last) is not None)
            ):
                found = Gloss(t, last, cue, False)
        if found is None:
            gloss = _gloss_after(sent, t)
            if gloss is not None:
                # "called their land Kemet, "...", "called the Carthaginians Poeni, meaning ...": the name a naming
                # verb gives is one word, whatever stands before it
                named = t.head.lemma_.lower() in NAMING_LEMMAS and t.dep_ in ("oprd", "dobj", "attr", "xcomp")
                first = t if named and t.pos_ in _NAME_POS else _extend_left(sent, t)
                if first is not None:
                    found = Gloss(first, t, gloss[0], gloss[1])
        if found is None:
            continue
        toks = list(doc[found.first.i : found.last.i + 1])
        if not _rare(toks) or (len([x for x in toks if _wordlike(x)]) > 1 and any(x.i in people for x in toks)):
            continue
        if any(x.pos_ in ("PRON", "NUM") or x.like_num for x in toks):
            continue
        quoted = _quoted_words(sent, found.last)
        if quoted is not None and quoted > MAX_GLOSS_RATIO * len([x for x in toks if _wordlike(x)]) + 1:
            continue  # "in gyrum ("On the motion of bodies in an orbit")": the gloss translates a longer name
        seen.update(x.i for x in toks)
        out.append(found)
    return out
