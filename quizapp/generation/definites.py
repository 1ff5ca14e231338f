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
from .clauses import body_tokens
from .textutil import contains_phrase, tidy, tokens_text, word_count

LOOK_BACK = 6  # earlier sentences of the same document searched for an antecedent
MAX_NAME_WORDS = 7
# Heads that name one thing in any text ("the world", "the past") or a part of the sentence's own frame.
GENERIC_HEADS = frozenset({"world", "past", "future", "present", "public", "sun", "moon", "earth", "sky", "sea",
                           "ocean", "west", "east", "north", "south", "time", "end", "beginning", "start", "rest",
                           "majority", "minority", "most", "first", "last", "same", "following", "century",
                           "period", "era", "day", "night", "morning", "evening", "year", "month", "week",
                           "population", "people", "environment", "economy", "way", "case", "fact", "idea",
                           "truth", "result", "number", "amount", "top", "bottom", "middle", "side", "front",
                           "back", "other", "others", "latter", "former"})
# Dependents that pin down which thing is meant: "the school in Kazan", "the treaty that ...", "the Soviet army".
_IDENTIFYING = frozenset({"prep", "relcl", "acl", "poss", "appos", "compound", "nummod", "npadvmod", "nmod"})
_YEAR = re.compile(r"\b(?:1\d{3}|20\d{2})\b")
_MONTH_WORDS = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                          r"December)\b")


def _bare(t: Any) -> bool:
    """A common noun with "the" and nothing that identifies it."""
    if t.pos_ != "NOUN" or t.ent_type_ or t.lemma_.lower() in GENERIC_HEADS or t.lower_ in GENERIC_HEADS:
        return False
    if t.dep_ in ("compound", "npadvmod", "poss"):
        return False
    kids = list(t.children)
    if not kids or kids[0].dep_ != "det" or kids[0].lower_ != "the" or kids[0].i != t.i - 1 and not all(
            k.dep_ == "amod" and k.text[:1].islower() for k in t.doc[kids[0].i + 1:t.i]):
        return False
    for k in kids[1:]:
        if k.dep_ in _IDENTIFYING or k.dep_ == "amod" and k.text[:1].isupper():
            return False
        if k.dep_ not in ("amod", "punct"):
            return False
    return True


def _antecedent(corpus: Corpus, sent: Sentence, head: Any) -> str | None:
    """The nearest earlier name in the paragraph whose head word is ``head`` ("the Treaty of Rapallo",
    "the Kama tank school"), written as it may replace "the <head>"."""
    lemma = head.lemma_.lower()
    for k in range(1, LOOK_BACK + 1):
        if sent.id - k < 0:
            return None
        prev = corpus.sentences[sent.id - k]
        if prev.doc != sent.doc or prev.heading:
            return None
        for t in reversed(list(prev.span)):
            if t.lemma_.lower() != lemma or t.pos_ not in ("NOUN", "PROPN"):
                continue
            name = _name_around(prev, t)
            if name:
                return name
    return None


def _name_around(sent: Sentence, t: Any) -> str | None:
    for m in sent.mentions:
        if m.first.i <= t.i <= m.last.i and m.kind in ("law", "event", "org", "place"):
            text = m.text
            if word_count(text) > MAX_NAME_WORDS:
                return None
            before = t.doc[m.first.i - 1] if m.first.i > sent.span.start else None
            return ("the " + text) if before is not None and before.lower_ == "the" else text
    chunk = next((c for c in sent.chunks if c.start <= t.i < c.end), None)
    if chunk is None or chunk.root.i != t.i:
        return None
    toks = [x for x in chunk if x.dep_ != "det" and not x.is_punct and not x.is_quote]
    for c in t.children:
        # "the tank school in Kazan": a place phrase of the head names it as well as a modifier does
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "of", "on") and pobj is not None \
                and pobj.pos_ == "PROPN":
            toks += [c] + [g for g in pobj.children if g.dep_ == "compound" and g.i < pobj.i] + [pobj]
        elif c.dep_ == "appos" and c.pos_ == "PROPN" and c.n_lefts + c.n_rights <= 2:
            toks.append(c)  # the tank school "Kama"
    toks.sort(key=lambda x: x.i)
    # The chunk must name the thing ("the tank school Kama"); "a new school" names nothing.
    if not any(x.pos_ == "PROPN" for x in toks) or any(x.pos_ == "PRON" for x in toks):
        return None
    text = tokens_text(toks)
    if word_count(text) > MAX_NAME_WORDS:
        return None
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
        if not _bare(t):
            continue
        lemma = t.lemma_.lower()
        if any(x.i < t.i and x.lemma_.lower() == lemma for x in sent.span):
            continue  # "a school ... the school": named in the sentence itself
        phrase = tokens_text(t.doc[t.i - 1:t.i + 1]) if t.nbor(-1).lower_ == "the" else None
        if phrase is None:
            continue
        out.append((phrase, _antecedent(corpus, sent, t)))
    sent.cache["definites"] = out
    return out


def yearless_dates(corpus: Corpus, sent: Sentence) -> list[tuple[str, str | None]]:
    """(date text, the same with the year of the nearest earlier dated sentence of the paragraph, or None)
    for each date of the sentence that names a month or a day but no year."""
    if _YEAR.search(sent.text):
        return []
    out: list[tuple[str, str | None]] = []
    for m in sent.mentions:
        if m.label != "DATE" or not _MONTH_WORDS.search(m.text) or _YEAR.search(m.text):
            continue
        year = _earlier_year(corpus, sent)
        text = m.text.rstrip(" ,.")
        if year is None:
            out.append((text, None))
        elif re.match(r"^\d", text.split()[-1]) and _MONTH_WORDS.search(text.split()[0] if text.split() else ""):
            out.append((text, f"{text}, {year},"))  # "November 8-9" -> "November 8-9, 1923,"
        else:
            out.append((text, f"{text} {year}"))  # "7 November" / "June" -> "7 November 1923"
    return out


def _earlier_year(corpus: Corpus, sent: Sentence) -> int | None:
    for k in range(1, LOOK_BACK + 2):
        if sent.id - k < 0:
            return None
        prev = corpus.sentences[sent.id - k]
        if prev.para != sent.para or prev.doc != sent.doc:
            return None
        years = [m.date.year for m in prev.mentions if m.date is not None]
        if years:
            return years[-1]
    return None


def _replace_first(text: str, phrase: str, new: str) -> str:
    pattern = re.compile(r"(?<![\w])" + re.escape(phrase) + r"(?![\w])", re.I)
    match = pattern.search(text)
    if match is None:
        return text
    if match.group(0)[:1].isupper():
        new = new[:1].upper() + new[1:]
    result = text[:match.start()] + new + text[match.end():]
    return tidy(result.replace(",,", ",").replace(", ,", ","))


def resolve_context(corpus: Corpus, sentences: list[Sentence], prompt: str, key: str = "") -> tuple[str, str | None]:
    """The prompt with earlier-named things and years written in, and why it still cannot stand alone (or None)."""
    if len(sentences) != 1:
        return prompt, None
    sent = sentences[0]
    for phrase, name in bare_definites(corpus, sent):
        if not contains_phrase(prompt, phrase):
            continue
        if name is None or (key and contains_phrase(name, key)):
            return prompt, f"'{phrase}' refers to something named in an earlier sentence"
        prompt = _replace_first(prompt, phrase, name)
    if not _YEAR.search(prompt) and not _YEAR.search(key):
        for text, dated in yearless_dates(corpus, sent):
            if not contains_phrase(prompt, text):
                continue
            if dated is None:
                return prompt, f"date '{text}' without a year"
            prompt = _replace_first(prompt, text, dated)
    return prompt, None
