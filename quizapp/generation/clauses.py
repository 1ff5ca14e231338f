"""Cutting a parsed sentence into a statement, a clause or a cloze, and spotting sentences that read badly.

All functions work on spaCy tokens of one sentence and return None rather than guess.
"""

from __future__ import annotations

import re
from typing import Any

from .analysis import Mention, Sentence
from .asides import without_asides, word_total
from .textutil import BLANK, capitalise, tidy, tokens_text

SUBJ = ("nsubj", "nsubjpass")
# Every dependency that gives a verb a subject of its own, clausal and expletive ones too ("there was", "that he
# left surprised them"), and the tags of a finite verb: what tells a clause from a note or a fragment.
CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJ = SUBJ
END_PUNCT = frozenset({".", ",", ";", ":", "!", "?", "-", "–", "—"})
_END_PUNCT = END_PUNCT


# A sentence may open, with no comma, on a word that answers or continues the one before it ("Yet the costs of
# reform ...", "But the treaty ...", "Soon afterwards the fleet ..."): dropped, the sentence states the same.
_BARE_LINKS = frozenset({"yet", "but", "and"})
_BARE_TIMES = frozenset({"afterwards", "afterward", "thereafter"})
_SOON = frozenset({"soon", "shortly"})
# "Yet another revolt", "Yet more land": "yet" there belongs to the words after it; "But for the war" is "without"
_YET_BOUND = frozenset({"another", "more", "again", "other", "further", "less", "still", "for"})


def _bare_link_end(span: Any) -> int | None:
    """Index after a leading comma-less link to the sentence before, else None."""
    toks = list(span[:3])
    if len(toks) < 3:
        return None
    first, second = toks[0], toks[1]
    if first.lower_ in _BARE_LINKS and first.dep_ in ("cc", "advmod") and first.head.dep_ == "ROOT":
        if second.is_punct or second.lower_ in _YET_BOUND or second.pos_ in ("ADJ", "ADV", "CCONJ"):
            return None
        return second.i
    if (
        first.lower_ in _SOON
        and second.lower_ in _BARE_TIMES
        and first.head == second
        and second.dep_ == "advmod"
        and second.head.dep_ == "ROOT"
        and [c.i for c in second.children] == [first.i]
        and not toks[2].is_punct
    ):
        return toks[2].i
    return None


def _connective_end(span: Any) -> int:
    """Index after a leading discourse connective ("However,", "Ironically,", "Yet") to drop, else span.start."""
    bare = _bare_link_end(span)
    if bare is not None:
        return bare
    toks = list(span[:5])  # the connective ends within four tokens, and the token after its comma is kept
    for i, t in enumerate(toks[:4]):
        if t.text == ",":
            head = toks[:i]
            if head and all(x.dep_ in ("advmod", "cc", "intj") or x.pos_ in ("ADV", "CCONJ") for x in head):
                if any(bounding_adverb(x) for x in head):
                    return span.start
                return toks[i + 1].i if i + 1 < len(toks) else span.start
            return span.start
    return span.start


# Fronted "-ly" adverbs that comment on the statement or link it to the one before: dropped, what it states holds.
_COMMENT_ADVERBS = frozenset(
    {
        "finally",
        "eventually",
        "ultimately",
        "ironically",
        "famously",
        "notoriously",
        "unusually",
        "curiously",
        "notably",
        "importantly",
        "interestingly",
        "significantly",
        "unfortunately",
        "fortunately",
        "surprisingly",
        "unsurprisingly",
        "crucially",
        "tellingly",
        "strikingly",
        "remarkably",
        "predictably",
        "inevitably",
        "additionally",
        "consequently",
        "subsequently",
        "accordingly",
        "similarly",
        "conversely",
        "alternatively",
        "incidentally",
        "admittedly",
        "tragically",
        "sadly",
        "happily",
        "luckily",
        "unluckily",
    }
)


def bounding_adverb(t: Any) -> bool:
    """ "Digitally, at least, the room is filled again", "Nominally, the khan ruled": a fronted adverb of manner,
    means, degree or modality bounds what the sentence states, and without it the statement is false or overstated;
    any "-ly" adverb but those that only comment, and "only"."""
    word = t.lower_
    if word == "only":
        return True
    return t.pos_ == "ADV" and word.endswith("ly") and len(word) > 4 and word not in _COMMENT_ADVERBS


def body_tokens(sent: Sentence) -> list[Any]:
    """The sentence's tokens without a leading connective and final punctuation."""
    cached = sent.cache.get("body")
    if cached is not None:
        return list(cached)
    toks = _body_tokens(sent)
    sent.cache["body"] = toks
    return list(toks)


def _body_tokens(sent: Sentence) -> list[Any]:
    span = sent.span
    start = _connective_end(span)
    pointing = pointing_phrase_end(sent)
    if pointing is not None:
        start = max(start, pointing + 1)  # "Either way, the smog changed ...": which way, the reader cannot see
    dropped = connective_tokens(sent)
    toks = [t for t in sent.tokens if t.i >= start and t.i not in dropped]
    while toks and toks[-1].text in _END_PUNCT:
        toks.pop()
    return toks


# Determiners that point at alternatives or a case an earlier sentence told: "Either way,", "In that case,"
_POINTING_DETS = frozenset({"either", "this", "that", "these", "those", "such"})
# ... except a time ("In that year,"), which the dating of questions handles, and a stated cause ("For this reason,")
_NOT_POINTING = frozenset({"year", "month", "day", "week", "time", "period", "decade", "century", "era", "reason"})
OPENER_TOKENS = 4  # the longest fronted phrase read as an opener ("In that very case,")
_CAUSAL_OPENERS = frozenset({"because", "due", "owing", "thanks", "to", "for", "as"})


def pointing_phrase_end(sent: Sentence) -> int | None:
    """The index of the comma after a fronted adverbial that points back ("Either way,", "In this way,", "Amid
    these defeats,"), or None. Its noun heads the phrase (not a subject's "That concentration of people,"); a
    time ("That summer,") and a cause ("Because of these advantages,") are told by other rules."""
    toks = sent.tokens[: OPENER_TOKENS + 1]
    comma = next((i for i, t in enumerate(toks) if t.text == ","), None)
    if comma is None or comma == 0 or toks[0].lower_ in _CAUSAL_OPENERS:
        return None
    for t in toks[:comma]:
        if t.pos_ != "NOUN" or t.lemma_.lower() in _NOT_POINTING or t.ent_type_ in ("DATE", "TIME"):
            continue
        adverbial = t.dep_ in ("npadvmod", "advmod") or (
            t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in ("VERB", "AUX")
        )
        if adverbial and any(c.dep_ == "det" and c.lower_ in _POINTING_DETS for c in t.children):
            return toks[comma].i
    return None


# Sentence adverbs that tie a sentence to the one before ("however", "thus"): removable without changing
# what the sentence states, and a question carrying one reads as if it began halfway through a text.
CONNECTIVES = frozenset(
    {
        "however",
        "thus",
        "therefore",
        "also",
        "moreover",
        "furthermore",
        "nevertheless",
        "nonetheless",
        "consequently",
        "meanwhile",
        "then",
        "hence",
        "accordingly",
        "besides",
        "subsequently",
        "thereafter",
        "afterwards",
        "indeed",
        "likewise",
        "similarly",
        "instead",
        # "In Brazil, too, the boom led to violence": as well as where the sentence before said
        "too",
    }
)


def connective_tokens(sent: Sentence) -> set[int]:
    """Token indices of removable connectives ("X, however, did", "The army thus had", "in turn") with the
    commas that set them off; a connective that heads a phrase of its own is kept."""
    cached = sent.cache.get("connectives")
    if cached is not None:
        return cached
    span = sent.span
    doc = span.doc
    out: set[int] = set()
    for t in sent.tokens:
        if t.dep_ not in ("advmod", "prep") or t.head.pos_ not in ("VERB", "AUX"):
            continue
        if t.dep_ == "advmod" and t.lower_ in CONNECTIVES and t.n_lefts == 0 and t.n_rights == 0:
            if t.i > span.start and doc[t.i - 1].lower_ in ("but", "and", "if"):
                continue  # "not only ... but also", "and then": part of a construction, not a link back
            if t.i + 1 < span.end and doc[t.i + 1].lower_ in ("and", "or"):
                continue  # "critics then and later argued": one of two times, not a link back
            first, last = t.i, t.i
        elif t.lower_ == "in" and [c.lower_ for c in t.children] == ["turn"] and t.nbor(1).lower_ == "turn":
            first, last = t.i, t.i + 1
        elif _in_reply(t):
            first, last = t.i, t.i + 1  # "In response, Spain sent forces": in response to what the text told before
        elif _by_contrast(t):
            first, last = t.i, t.i + 1  # "Critics, by contrast, insisted": contrasted with what the text told before
        else:
            continue
        prev = doc[first - 1] if first > span.start else None
        nxt = doc[last + 1] if last + 1 < span.end else None
        ids = set(range(first, last + 1))
        if prev is not None and prev.text == "," and nxt is not None and nxt.text == ",":
            ids.add(nxt.i)
            # between subject and verb both commas go ("The treaty, however, did not ..."); after a fronted
            # phrase the first one stays ("In 1929, however, the army ..." -> "In 1929, the army ...")
            after = doc[nxt.i + 1] if nxt.i + 1 < span.end else None
            if after is not None and (
                after == t.head or (after.head == t.head and after.dep_ in ("aux", "auxpass", "neg"))
            ):
                ids.add(prev.i)
        elif prev is not None and prev.text == "," and (nxt is None or nxt.is_punct):
            ids.add(prev.i)  # "..., however."
        elif prev is None and nxt is not None and nxt.text == ",":
            ids.add(nxt.i)  # "However, ..."
        out |= ids
    lead = relative_lead(sent)
    if lead is not None:
        out |= set(range(span.start, lead))
    sent.cache["connectives"] = out
    return out


# "In response," "In retaliation,": a reply to something the sentence does not say; dropped, the sentence still
# states what was done (with "to ..." it says what it replies to, and stays)
_REPLY_NOUNS = frozenset({"response", "reply", "retaliation", "return", "answer", "protest", "revenge", "exchange"})


def _in_reply(t: Any) -> bool:
    kids = list(t.children)
    if t.lower_ != "in" or len(kids) != 1 or kids[0].lower_ not in _REPLY_NOUNS or kids[0].i != t.i + 1:
        return False
    return not list(kids[0].children) and t.i + 2 < len(t.doc) and t.doc[t.i + 2].text == ","


# "by contrast", "in contrast": set against a sentence the question leaves behind ("in contrast to X" says what
# it is set against, and stays)
_CONTRAST_NOUNS = frozenset({"contrast", "comparison"})


def _by_contrast(t: Any) -> bool:
    kids = list(t.children)
    if t.lower_ not in ("by", "in") or len(kids) != 1 or kids[0].lower_ not in _CONTRAST_NOUNS:
        return False
    return kids[0].i == t.i + 1 and not list(kids[0].children)


_COUNT_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
RELATIVE_UNITS = ("day", "week", "month", "year")


def relative_time(sent: Sentence) -> tuple[int, str, int] | None:
    """(count, unit, +1 later / -1 earlier) of a leading "One month later," / "Two years earlier,"."""
    toks = list(sent.span[:5])
    if len(toks) < 4 or toks[3].text != ",":
        return None
    count = _COUNT_WORDS.get(toks[0].lower_) or (int(toks[0].text) if toks[0].text.isdigit() else 0)
    unit = toks[1].lower_.rstrip("s")
    way = {"later": 1, "after": 1, "earlier": -1, "before": -1}.get(toks[2].lower_, 0)
    if not count or unit not in RELATIVE_UNITS or not way or count > 100:
        return None
    return count, unit, way


def relative_lead(sent: Sentence) -> int | None:
    """Index after a leading "One month later," (the phrase a question drops, and dates from the text before)."""
    return sent.span.start + 4 if relative_time(sent) is not None else None


_CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})


def root_clause(sent: Sentence) -> list[Any]:
    """Body tokens of the root clause only: coordinated clauses with their own subject and
    contrastive 'while ...' clauses are cut, so a question asks about one thing."""
    span = sent.span
    root = span.root
    cut: set[int] = set()
    for c in root.children:
        own = c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(g.dep_ in _SUBJ for g in c.children)
        contrast = c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _CONTRAST_MARKS for g in c.children)
        if own or contrast:
            cut |= {t.i for t in c.subtree}
            left = c.left_edge.i
            for t in span.doc[max(left - 2, span.start) : left]:
                if t.dep_ in ("cc", "punct") and t.head in (root, c):
                    cut.add(t.i)
    if cut:
        # "A became X, and B became Y, ruled by Z": a verb with no subject of its own after a cut clause is read
        # with that clause's subject, whatever the parse hung it on; left alone it would say X was ruled by Z
        last = max(cut)
        for c in root.children:
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.left_edge.i > last and c.i not in cut:
                cut |= {t.i for t in c.subtree}
                cut |= {t.i for t in span.doc[last + 1 : c.left_edge.i] if t.dep_ in ("cc", "punct")}
    toks = [t for t in body_tokens(sent) if t.i not in cut]
    while toks and toks[-1].text in _END_PUNCT:
        toks.pop()
    return toks


def main_clause(sent: Sentence, token: Any) -> list[Any] | None:
    """The main clause (root or a coordinated clause with its own subject) holding ``token``."""
    span = sent.span
    root = span.root
    own = [
        c
        for c in root.children
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(g.dep_ in _SUBJ for g in c.children)
    ]
    if not own:
        return None
    verb = next((c for c in own if c.left_edge.i <= token.i <= c.right_edge.i), root)
    if verb is root:
        cut = set()
        for c in own:
            cut |= {t.i for t in c.subtree}
            # drop the "and" / "," that joined the cut clause
            for t in span[max(c.left_edge.i - 2 - span.start, 0) : c.left_edge.i - span.start]:
                if t.dep_ in ("cc", "punct") and t.head in (root, c):
                    cut.add(t.i)
        toks = [t for t in root.subtree if t.i not in cut and t.i >= _connective_end(span)]
    else:
        toks = list(verb.subtree)
    while toks and (toks[0].dep_ in ("cc", "punct")):
        toks.pop(0)
    kept = {t.i for t in toks}
    for t in toks:
        # A conjunction left without its second conjunct means the parse cut the clause wrongly.
        if t.dep_ == "cc" and not any(c.dep_ == "conj" and c.i in kept for c in t.head.children):
            return None
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks or toks[-1].i - toks[0].i + 1 != len(toks):
        return None
    dropped = connective_tokens(sent)
    return [t for t in toks if t.i not in dropped] or None


def statement(sent: Sentence, anchor: Any | None = None, max_words: int = 28) -> tuple[str, list[Any]] | None:
    """A self-contained statement from the sentence: the whole of it, or its clause holding ``anchor``; if both
    are too long, the same without their comma-set asides (see asides.py). Kept on the sentence: the choice,
    fill-in and true/false makers ask it of the same anchor."""
    found: dict[tuple[int | None, int], tuple[str, list[Any]] | None] = sent.cache.setdefault("statement", {})
    key = (None if anchor is None else anchor.i, max_words)
    if key not in found:
        found[key] = _statement(sent, anchor, max_words)
    hit = found[key]
    return None if hit is None else (hit[0], list(hit[1]))


def _statement(sent: Sentence, anchor: Any | None, max_words: int) -> tuple[str, list[Any]] | None:
    toks = _statement_tokens(sent, anchor, max_words)
    if toks is None:
        # No main clause short enough to cut to: the whole sentence serves if its words (not its commas) are few
        # enough, else the sentence or that clause with as few of their comma-set asides as that takes.
        toks = without_asides(sent, body_tokens(sent), anchor, max_words)
        if word_total(toks) > max_words:
            clause = main_clause(sent, anchor) if anchor is not None else None
            toks = without_asides(sent, clause, anchor, max_words) if clause is not None else []
    if not toks or word_total(toks) > max_words:
        return None
    return capitalise(tidy(tokens_text(toks))) + ".", toks


def _statement_tokens(sent: Sentence, anchor: Any | None, max_words: int) -> list[Any] | None:
    toks = body_tokens(sent)
    if len(toks) > max_words and anchor is not None:
        clause = main_clause(sent, anchor)
        if clause is None:
            return None
        toks = clause
    if not toks or word_total(toks) > max_words:
        return None
    return toks


def cloze(tokens: list[Any], m: Mention) -> str | None:
    """The tokens as a sentence with the mention blanked out."""
    return cloze_tokens(tokens, m.first, m.last)


def cloze_tokens(tokens: list[Any], first: Any, last: Any) -> str | None:
    """The tokens as a sentence with first..last blanked out."""
    if not tokens or not (tokens[0].i <= first.i and last.i <= tokens[-1].i) or inside_a_word(first, last):
        return None
    before = tokens_text([t for t in tokens if t.i < first.i])
    after = tokens_text([t for t in tokens if t.i > last.i])
    text = before + (" " if before else "") + BLANK + (" " if after and after[0] not in ",.;:" else "") + after
    return capitalise(tidy(text)) + "."


_JOINERS = frozenset({"-", "/", "\u2010", "\u2011"})


def inside_a_word(first: Any, last: Any) -> bool:
    """Whether first..last is part of a hyphenated or slashed word ("two-way", "451/450"): a blank there would
    leave half of the word in the sentence ("two- _____")."""
    doc = first.doc
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (
        before is not None
        and before.text in _JOINERS
        and not before.whitespace_
        and first.i >= 2
        and not doc[first.i - 2].whitespace_
    ) or (
        after is not None
        and after.text in _JOINERS
        and not last.whitespace_
        and after.i + 1 < len(doc)
        and not after.whitespace_
    )


def run_on(sent: Sentence) -> bool:
    """Two clauses spliced with a bare comma ("The plan was simple, November 7 is ..."): such sentences,
    common in translations, read badly as prompts whichever way they are cut."""
    root = sent.root
    doc = sent.span.doc
    for c in root.children:
        if c.dep_ not in ("ccomp", "parataxis", "advcl", "conj"):
            continue
        if not any(g.dep_ in _SUBJ for g in c.children):
            continue
        if any(g.dep_ in ("mark", "cc") or g.lower_ in ("that", "which", "who") for g in c.children):
            continue
        if c.dep_ == "advcl" and any(g.tag_ == "WRB" and g.i == c.left_edge.i for g in c.children):
            continue  # "When the town fell, ...": the model tags "when" an adverb, yet it subordinates its clause
        if c.i > root.i:
            joint = doc[c.left_edge.i - 1] if c.left_edge.i > sent.span.start else None
            between = doc[joint.i : c.left_edge.i + 1] if joint is not None else []
        else:
            joint = doc[c.right_edge.i + 1] if c.right_edge.i + 1 < sent.span.end else None
            between = doc[c.right_edge.i : joint.i + 1] if joint is not None else []
        if joint is not None and joint.text in (",", ";") and not any(t.dep_ == "cc" for t in between):
            return True
    return False


def vague_subject(sent: Sentence) -> bool:
    """The subject is 'the' plus a bare common noun ("The school was ...", "the base"): it points back to
    something named earlier, so a question on the sentence is weaker out of context."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in _SUBJ), None)
    if subj is None or subj.pos_ != "NOUN":
        return False
    kids = list(subj.children)
    return len(kids) == 1 and kids[0].lower_ in ("the", "this", "that", "these", "those")


def hollow(sent: Sentence) -> bool:
    """Only dates around a subject that names no one ("In June 1941, a mutual death match ended in May 1945"):
    such a sentence, often a garbled translation, gives a question nothing to ask but a date of a vague event."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    subj = next((c for c in root.children if c.dep_ in _SUBJ), None)
    if subj is None or any(t.pos_ == "PROPN" or t.ent_type_ not in ("", "DATE") for t in subj.subtree):
        return False
    dated = False
    for c in root.children:
        if c.i == subj.i or c.dep_ in ("aux", "auxpass", "neg", "punct", "cc"):
            continue
        if c.dep_ == "prep":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ == "DATE":
                dated = True
                continue
        if c.dep_ in ("npadvmod", "advmod") and c.ent_type_ == "DATE":
            dated = True
            continue
        return False
    return dated


def odd_parse(sent: Sentence) -> bool:
    """The parser found no subject for the main verb, or a dependent it could not attach ('dep'): the sentence
    is often broken (a translation, a list run into prose), and questions restating it read badly."""
    root = sent.root
    if any(c.dep_ == "dep" for c in root.children):
        return True
    if root.tag_ == "VB" and root.i == sent.span.start:
        return False  # an imperative has no subject
    return not any(c.dep_ in (*_SUBJ, "expl", "csubj", "csubjpass") for c in root.children)


# Verbs whose object, when left out, is something told before: "The station at Abbey Mills followed in 1868".
# So are replies whose object is left out: "Snow disagreed", "The council refused", "Castile retaliated".
_ELLIPTICAL = frozenset(
    {"follow", "succeed", "precede", "ensue", "disagree", "agree", "refuse", "retaliate", "respond", "reply", "object"}
    | {"comply", "decline", "relent", "concur", "protest"}
)


# Going away, back or to a place: "30,000 people fled" - fled from where? "Xu arrived in 637" - where? The place is
# in the sentences before.
_MOVE_FROM = frozenset({"flee", "escape", "emigrate", "withdraw", "retreat", "defect", "return", "arrive"})
# Adverbs that say when or how much, not where to ("fled alone", "returned later")
_NOT_WHERE = frozenset(
    {"alone", "then", "later", "soon", "again", "also", "finally", "eventually", "quickly", "only", "too"}
)


def _time_phrase(prep: Any) -> bool:
    """ "in July 1961", "after the war", "during the night": a phrase that says when, not where."""
    if prep.lower_ in ("during", "after", "before", "until", "since", "within", "for"):
        return True
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") or o.like_num for o in objs)


def _number_taken_for_object(t: Any) -> bool:
    """ "arrived around 637": a year the parser made the verb's object."""
    return t.dep_ == "dobj" and (t.like_num or t.ent_type_ in ("DATE", "CARDINAL")) and not list(t.children)[1:]


def elliptical(sent: Sentence) -> bool:
    """The main verb leaves out what it relates to ("X followed in 1868" - followed what?; "thousands fled" - from
    where?): read alone, the sentence says nothing a question could ask."""
    root = sent.root
    lemma = root.lemma_.lower()
    if lemma == "arrive" and any(c.dep_ == "conj" and any(g.dep_ in _SUBJ for g in c.children) for c in root.children):
        return False  # "Traders had arrived in 1543, and missionaries had converted ...": a second clause stands
    if lemma in _MOVE_FROM:
        return not any(
            (c.dep_ in ("dobj", "prt", "xcomp", "ccomp", "advcl") and not _number_taken_for_object(c))
            or (c.dep_ == "prep" and not _time_phrase(c))
            or (c.dep_ in ("advmod", "npadvmod") and c.pos_ == "ADV" and c.lower_ not in _NOT_WHERE)
            for c in root.children
        )
    return lemma in _ELLIPTICAL and not any(
        c.dep_ in ("dobj", "prep", "xcomp", "ccomp", "advcl")
        and (c.dep_ != "prep" or c.lower_ not in ("in", "on", "at", "during"))
        for c in root.children
    )


# Words by which a source marks what it states as uncertain ("its capital was probably at X").
_HEDGE_ADVERBS = frozenset(
    {"probably", "possibly", "perhaps", "reportedly", "allegedly", "supposedly", "apparently", "presumably"}
)
# "is said to have designed", "was thought to be", "is believed to have": hearsay, not the author's claim.
_HEARSAY_VERBS = frozenset({"say", "think", "believe", "report", "rumour", "rumor", "claim", "suppose"})


def hedge(sent: Sentence) -> str | None:
    """The word or phrase by which the sentence says its claim is uncertain, or None (kept on the sentence: the
    loop and four makers ask it)."""
    if "hedge" not in sent.cache:
        sent.cache["hedge"] = _hedge(sent)
    return sent.cache["hedge"]


def _hedge(sent: Sentence) -> str | None:
    for t in sent.tokens:
        lower = t.lower_
        if lower in _HEDGE_ADVERBS:
            return lower
        if (
            t.tag_ == "VBN"
            and t.lemma_.lower() in _HEARSAY_VERBS
            and any(c.dep_ == "auxpass" for c in t.children)
            and any(c.dep_ == "xcomp" for c in t.children)
        ):
            return f"{tokens_text([c for c in t.children if c.dep_ == 'auxpass'])} {t.text} to"
        if lower in ("may", "might") and t.tag_ == "MD":
            nxt = t.nbor(1) if t.i + 1 < sent.span.end else None
            if nxt is not None and nxt.lower_ == "have":
                return f"{lower} have"
    return None


# Who holds a view when a sentence reports one rather than stating a fact ("Historians still debate ...",
# "Some scholars argue that ...", "People long believed that ..."): unnamed people, not an actor of the story.
_VIEW_HOLDERS = frozenset(
    {
        "historian", "scholar", "researcher", "expert", "critic", "commentator", "archaeologist", "writer",
        "people", "some", "many", "most", "others", "few", "observer", "biographer",
    }
)  # fmt: skip
_VIEW_VERBS = frozenset(
    {
        "argue", "believe", "think", "doubt", "debate", "suggest", "claim", "contend", "dispute", "disagree",
        "question", "speculate", "assume", "maintain", "consider", "agree", "see", "regard", "view", "interpret",
    }
)  # fmt: skip


def reported_view(sent: Sentence) -> str | None:
    """The words by which the sentence's main clause reports a view or a guess instead of stating a fact, or
    None: "Historians still debate the Mau's character", "Some scholars argue that ...", "According to some
    historians, ...", "The library may have been smaller than its fame". A true/false statement made of it turns a
    debate into a flat claim, and a student cannot know which side the key takes."""
    root = sent.root
    for c in root.children:
        if (
            c.dep_ in ("aux", "auxpass")
            and c.lower_ in ("may", "might")
            and c.i + 1 < sent.span.end
            and c.nbor(1).lower_ == "have"
        ):
            return f"{c.lower_} have"
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if root.lemma_.lower() in _VIEW_VERBS and subject is not None and subject.lemma_.lower() in _VIEW_HOLDERS:
        return f"{subject.text} {root.text}"
    for t in sent.tokens:
        if t.lower_ == "according" and t.i + 2 < sent.span.end and t.nbor(1).lower_ == "to":
            holder = next((c for c in t.nbor(1).children if c.dep_ == "pobj"), None)
            if holder is not None and holder.lemma_.lower() in _VIEW_HOLDERS:
                return f"according to {holder.text}"
    return None


# Adjectives that grade rather than state ("famous", "the boldest", "the leading"): a sentence whose predicate is
# one of them gives the author's verdict, which a student cannot check and calls true unread.
_EVALUATIVE = frozenset(
    {
        "famous", "celebrated", "renowned", "notable", "remarkable", "important", "significant", "influential",
        "successful", "great", "bold", "brilliant", "impressive", "leading", "good", "bad", "extraordinary",
    }
)  # fmt: skip


def evaluation(sent: Sentence) -> str | None:
    """The graded word of a main clause that judges instead of stating: "Several entries made Shen famous",
    "St Petersburg was one of the boldest projects", "X were the leading traders"; None for a fact ("The largest
    building was the Apadana": the size is in the subject, the statement names the building)."""
    root = sent.root
    for c in root.children:
        if c.dep_ not in ("acomp", "attr", "oprd", "ccomp", "xcomp"):
            continue
        for t in c.subtree:
            if t.i != c.i and (t.dep_ != "amod" or _inside_a_verb(t, c)):
                continue  # "one of the boldest projects" grades; "a town that grew famous later" describes
            if t.lemma_.lower() in _EVALUATIVE or t.lower_ in _EVALUATIVE:
                return t.text
    return None


# Words of a sentence that frames or grades instead of stating ("is often told as a lesson", "changes how many ...
# understand", "two main types of", "Historians still debate", "No single motive"): taken from the readers' notes on
# rejected true statements (issue #15, round 18), so the list is fitted, not fixed in advance.
FRAMING_WORDS = re.compile(
    r"\b(debated?|argued|argument|remembered|often told|is told|famous|reputation|understand|lesson|several|many|"
    r"one of the|biggest|greatest|most \w+|still|changes? how|types of|kinds of|no single|historians)\b",
    re.IGNORECASE,
)


def framing(sent: Sentence, text: str | None = None) -> str | None:
    """The framing word of a statement (``text``, made from ``sent``; the sentence itself by default) with nothing a
    student could check in it: no number or date, at most one of the sentence's names, and a word that frames or
    grades ("Norse Greenland is often told as a lesson about climate", "Historians still debate the Mau's
    character"); None otherwise. Over all judged true statements of this shape readers kept 5 as they were and
    rejected 20 (4.0 per as-is; 0.4 over all true statements)."""
    text = sent.text if text is None else text
    if any(ch.isdigit() for ch in text) or sum(m.text in text for m in sent.mentions) > 1:
        return None
    found = FRAMING_WORDS.search(text)
    return found.group(0) if found else None


def _inside_a_verb(t: Any, top: Any) -> bool:
    """Whether a verb stands between ``t`` and ``top`` (a clause of its own inside the predicate)."""
    while t.i != top.i and t.head.i != t.i:
        t = t.head
        if t.i != top.i and t.pos_ in ("VERB", "AUX"):
            return True
    return False
