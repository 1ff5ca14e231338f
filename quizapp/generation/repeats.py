"""Events an article tells more than once: a question on one of them must say when.

A timeline tells "The Great Eastern sets out from Valentia" under 1865 and "The Great Eastern leaves Valentia"
under 1866; a question cut from either without its year ("The Great Eastern leaves Valentia with a new cable",
"Which ships set out from Valentia?") is true of both, or asks which of two the student cannot tell apart. A
prompt with no year is refused when another sentence of the article, dated otherwise, has every name the prompt
has and tells the same kind of thing: the same verb, or the same named subject and another of the same names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .analysis import Corpus, Sentence
from .definites import earlier_year
from .textutil import BLANK, contains_phrase
from .timeline import entry_date

_YEAR = re.compile(r"(?<![\d,.])(1\d{3}|20\d{2})(?![\d,])")
_NAMED = frozenset({"person", "place", "org", "product", "group", "event", "law"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
_LIGHT_VERBS = frozenset({"be", "have", "do", "become", "make", "take", "get"})


def _year(corpus: Corpus, sent: Sentence) -> int | None:
    """The year a sentence tells of: its own, its timeline entry's, or the last one given before it in its
    paragraph."""
    own = [m.date.year for m in sent.mentions if m.date is not None]
    if own:
        return own[0]
    entry = entry_date(corpus, sent)
    found = _YEAR.search(entry) if entry else None
    if found is not None:
        return int(found.group(1))
    return earlier_year(corpus, sent)


def _names(sent: Sentence) -> list[str]:
    """The names of the sentence: its mentions of named things (a ship the model took for a work's title too)."""
    return [
        m.text
        for m in sent.mentions
        if (m.kind in _NAMED or m.label in _NAME_LABELS) and m.date is None and m.number is None and not m.gloss
    ]


def _verbs(sent: Sentence) -> set[str]:
    """The lemmas of the verbs that tell what happens: the main verb and the verbs joined to it."""
    root = sent.root
    out = {
        t.lemma_.lower()
        for t in sent.tokens
        if t.pos_ == "VERB" and (t.i == root.i or (t.dep_ == "conj" and t.head.i == root.i))
    }
    return out - _LIGHT_VERBS


def _subject_name(sent: Sentence) -> str | None:
    """The name that is the main verb's subject ("The Great Eastern, designed by Brunel, sets out ..."), if any."""
    names = _names(sent)
    for subj in sent.root.children:
        # a timeline's label may be parsed as a second subject ("1865 (Jul) The Great Eastern ... sets out")
        if subj.dep_ in ("nsubj", "nsubjpass"):
            found = next((n for n in names if contains_phrase(n, subj.text)), None)
            if found is not None:
                return found
    return None


def _subject_names(sent: Sentence) -> list[str]:
    """The names inside the main verb's subject ("The warships HMS Agamemnon and USS Niagara")."""
    subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    words = " ".join(" ".join(t.text for t in c.subtree) for c in subjects)
    return [n for n in _names(sent) if contains_phrase(words, n)]


def _same_modifiers(sent: Sentence, other: Sentence) -> bool:
    """Whether the words describing the subject ("first", "general" of "the first general Diet") are in the other
    sentence too."""
    words = {t.lower_ for t in other.tokens}
    for subj in sent.root.children:
        if subj.dep_ in ("nsubj", "nsubjpass"):
            for t in subj.children:
                if t.dep_ in ("amod", "nummod") and t.text[:1].islower() and t.lower_ not in words:
                    return False
    return True


def _same_actor(sent: Sentence, other: Sentence) -> bool:
    """Whether both sentences tell what one named thing did ("The Great Eastern leaves Valentia", "The Great
    Eastern sets out from Valentia"): with the same other names, that may be one kind of event told twice."""
    mine, theirs = _subject_name(sent), _subject_name(other)
    return mine is not None and theirs is not None and _same_name(mine, theirs)


@lru_cache(maxsize=65536)  # asked of every name of a prompt against every name of its document's sentences
def _same_name(a: str, b: str) -> bool:
    """ "Valentia Island" and "Valentia", "the Great Eastern" and "Great Eastern" name one thing."""
    return contains_phrase(a, b) or contains_phrase(b, a)


Told = tuple[Sentence, list[str], set[str]]
_WORD_RUN = re.compile(r"\w+")


def _runs(name: str) -> frozenset[str]:
    """The runs of word characters of a name, in lower case: one name holds another (``contains_phrase``) only
    where every run of the one held is a run of the other, so two names that share none are never the same."""
    return frozenset(_WORD_RUN.findall(name.lower()))


@dataclass
class _Document:
    """A document's sentences that tell something (no headings), with their names and verbs, and which of them
    name a given word (``named``; ``unindexed``: those with a name of no word, which any name might hold)."""

    told: list[Told] = field(default_factory=list)
    named: dict[str, list[int]] = field(default_factory=dict)
    unindexed: list[int] = field(default_factory=list)

    def sharing(self, names: list[str]) -> list[Told]:
        """The sentences that may name one of ``names`` (all of them, where a name has no word to look up)."""
        runs = [_runs(n) for n in names]
        if not all(runs):
            return self.told
        found = set(self.unindexed)
        for run in set().union(*runs):
            found.update(self.named.get(run, ()))
        return [self.told[i] for i in sorted(found)]


def _told(corpus: Corpus, doc: int) -> _Document:
    """The document's sentences that tell something, read once per corpus: every prompt without a year is compared
    with those that share a name with it."""
    by_doc: dict[int, _Document] | None = corpus.cache.get("repeats_told")
    if by_doc is None:
        by_doc = {}
        for other in corpus.sentences:
            if other.heading:
                continue
            entry = by_doc.setdefault(other.doc, _Document())
            at = len(entry.told)
            names = _names(other)
            entry.told.append((other, names, _verbs(other)))
            for name in names:
                runs = _runs(name)
                if not runs:
                    entry.unindexed.append(at)
                for run in runs:
                    entry.named.setdefault(run, []).append(at)
        corpus.cache["repeats_told"] = by_doc
    return by_doc.get(doc, _Document())


def told_twice(corpus: Corpus, sent: Sentence, prompt: str, key: str = "") -> bool:
    """Whether the prompt, which gives no year, could be about another sentence of the article dated otherwise:
    one with the same verb and the same names besides the doer's ("set out from Valentia", whoever set out), or
    one with the same named doer and all of the prompt's other names."""
    if _YEAR.search(prompt.replace(BLANK, "")) or any(
        m.date is not None and contains_phrase(prompt, m.text) for m in sent.mentions
    ):
        return False  # dated, in figures or in words ("at the end of the fourteenth century")
    names = [n for n in _names(sent) if contains_phrase(prompt, n) and not (key and _same_name(n, key))]
    if not names:
        return False
    year = _year(corpus, sent)
    if year is None:
        return False
    verbs = _verbs(sent)
    doers = _subject_names(sent)
    done_to = [n for n in names if n not in doers]
    # a sentence that shares no name with the prompt is passed over below in any case
    for other, theirs, their_verbs in _told(corpus, sent.doc).sharing(names):
        if other.id == sent.id:
            continue
        shared = [n for n in names if any(_same_name(n, t) for t in theirs)]
        if verbs & their_verbs:
            # the same deed done to or at the same things: who did it may differ ("the warships" in 1857, "the
            # Great Eastern" in 1865, both "set out from Valentia"); with nothing else named, the doer must match
            if not shared or not all(n in shared for n in done_to):
                continue
            others = _subject_names(other)
            if doers and others and not any(_same_name(a, b) for a in doers for b in others):
                continue  # "Spain expelled the Jesuits" is not "Portugal expelled the Jesuits"
        elif len(names) < 2 or len(shared) < len(names) or not _same_actor(sent, other):
            continue  # "declared the Mau seditious" / "recognised the Mau": two things told of the same names
        if not _same_modifiers(sent, other):
            continue  # "the first general Diet met" / "the last Diet met": told apart by the words
        when = _year(corpus, other)
        if when is not None and when != year:
            return True
    return False
