"""Centuries and decades as keys: "In which century was the city at its height?" with the neighbouring ones.

Articles on ancient and medieval subjects date their events by century ("in the twelfth century", "during the
late 3rd century BCE", "in the mid-1500s") far more often than by year, and no year-based question reads those
phrases. A teacher asks for the century (or decade) and offers its neighbours. The key is the century alone:
an "early", "mid" or "late" qualifier is dropped with the phrase, and the prompt asks "In which century ...?".

A century phrase keys a question only where it dates the sentence's main event: the object of "in" or "during"
on the main verb (not "since", "by", "from ... to", which bound a stretch; not a state or a report of what
someone argued). Options are neighbours inside the window the article's dates cover (or before it; after its
last date only the key's next century: "the twenty-first" for events of the nineteenth is absurd), never a
century the article gives to the same subject elsewhere; a question is not made where another date puts the same
event in a neighbouring century (the sources differ).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..analysis import Corpus, Mention, Sentence
from ..distractors import stable_hash
from ..lexicon import ORDINAL_WORDS
from ..syntax import _invert, gapped
from ..textutil import drop_parentheticals
from ..timeline import has_year
from ..types import QuestionDraft
from .base import Candidate, Context, mention_once, source_of
from .open_dates import STATE_VERBS

_ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(ORDINAL_WORDS)} | {"twenty-first": 21}
_ORDINAL_NAMES = {n: w for w, n in _ORDINAL_WORDS.items()}
_QUALIFIER = (
    r"(?:(?P<q>early|late|mid|middle|later|earlier|end|beginning|start|(?:first|second|latter)\s+half)[\s-]+"
    r"(?:of\s+the\s+)?)?"
)
_ERA = r"(?:\s+(?P<era>BC|BCE|AD|CE|B\.C\.E?\.?|A\.D\.?|C\.E\.?))?"
_CENTURY = re.compile(
    rf"^(?:the\s+)?{_QUALIFIER}(?:(?P<num>\d{{1,2}})(?:st|nd|rd|th)|(?P<word>[a-z]+(?:-[a-z]+)?))[\s-]century{_ERA}$",
    re.I,
)
_HUNDREDS = re.compile(rf"^(?:the\s+)?{_QUALIFIER}(?P<h>1\d|20?)00s$", re.I)  # "the mid-1500s": the 16th century
_DECADE = re.compile(rf"^(?:the\s+)?{_QUALIFIER}(?P<d>1\d\d|20\d)0s$", re.I)
# Prepositions that put an event inside the period; "since", "by", "from", "until" bound a stretch instead.
_INSIDE = frozenset({"in", "during", "at"})  # "at the end of the 14th century"
# Verbs that report a view rather than tell an event: "in the 19th century historians argued that ..." dates the
# view, and the century of the view is not what the article teaches.
_REPORTING = frozenset({"argue", "believe", "claim", "think", "suggest", "say", "write", "consider", "regard"})
# Verbs of a lasting condition: "in the sixth century BCE Athens was dominated by aristocrats" was as true a
# century before, so the neighbouring centuries are no wrong options.
_LASTING = frozenset({"dominate", "rule", "govern", "control", "hold", "occupy", "inhabit", "know", "use", "flourish"})
_BEFORE_CHRIST = frozenset({"bc", "bce", "b.c.", "b.c.e.", "b.c", "b.c.e"})
_ERA_MARKS = _BEFORE_CHRIST | {"ad", "ce", "a.d.", "c.e.", "a.d", "c.e"}
NEIGHBOURS = 3  # options beside the key


@dataclass(frozen=True)
class Era:
    """A century (``unit`` 100) or decade (``unit`` 10): ``index`` is the century's number, negative before
    Christ (the 3rd century BCE is -3), or the decade's first year; ``style`` says how the article writes it."""

    unit: int
    index: int
    style: str = "ordinal"  # "ordinal" ("12th century"), "words" ("twelfth century"), "hundreds" ("1500s"), "decade"
    era: str = ""  # "BC", "BCE", "AD" or "CE" as written

    def shifted(self, steps: int) -> Era | None:
        """The era ``steps`` away (no century 0 between the 1st BCE and the 1st CE), or None out of range."""
        if self.unit == 10:
            year = self.index + 10 * steps
            return Era(10, year, "decade") if 1000 <= year <= 2020 else None
        # count on a line without a century 0: the 1st century BCE is 0 on it, the 1st CE 1
        line = (self.index if self.index > 0 else self.index + 1) + steps
        i = line if line > 0 else line - 1
        if not (-40 if self.style == "ordinal" else -20) <= i <= 21 or (self.style == "hundreds" and not 11 <= i <= 21):
            return None
        return Era(100, i, self.style, self.era)

    def span(self) -> tuple[int, int]:
        """The first and last year of the era (a year before Christ negative)."""
        if self.unit == 10:
            return self.index, self.index + 9
        if self.index > 0:
            return (self.index - 1) * 100 + 1, self.index * 100
        return self.index * 100, self.index * 100 + 99

    def render(self) -> str:
        """The era as the article writes it, without an article or qualifier, so that the key stands in its
        sentence ("in the late twelfth century" holds "twelfth century")."""
        if self.unit == 10:
            return f"{self.index}s"
        if self.style == "hundreds":
            return f"{(self.index - 1) * 100}s"
        n = abs(self.index)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        text = f"{_ORDINAL_NAMES[n]} century" if self.style == "words" else f"{n}{suffix} century"
        if self.index < 0:
            return f"{text} {self.era if self.era in ('BC', 'BCE') else 'BCE'}"
        if self.era:
            return f"{text} {'CE' if self.era in ('BCE', 'CE') else 'AD'}"
        return text


def parse_era(text: str, after: str = "") -> tuple[Era, str] | None:
    """The century or decade a phrase names, and its qualifier ("early", "mid", "late" or ""); ``after`` is the
    word following the phrase, where the era marker may stand outside the entity ("the 3rd century" "BCE")."""
    t = " ".join(text.split()).strip(" ,.")
    m = _CENTURY.match(t)
    if m is not None:
        n = int(m.group("num")) if m.group("num") else _ORDINAL_WORDS.get((m.group("word") or "").lower(), 0)
        if not 1 <= n <= 21:
            return None
        era = m.group("era") or (after if after.lower() in _ERA_MARKS else "")
        era_norm = era.upper().replace(".", "")
        before = era_norm in ("BC", "BCE")
        style = "ordinal" if m.group("num") else "words"
        return Era(100, -n if before else n, style, era_norm), (m.group("q") or "").lower()
    m = _HUNDREDS.match(t)
    if m is not None:
        return Era(100, int(m.group("h")) + 1, "hundreds"), (m.group("q") or "").lower()
    m = _DECADE.match(t)
    if m is not None and not m.group("d").endswith("0"):
        return Era(10, int(m.group("d")) * 10, "decade"), (m.group("q") or "").lower()
    return None


def _after(m: Mention) -> str:
    return m.last.nbor(1).text if m.last.i + 1 < m.sent.span.end else ""


def _era_of(m: Mention) -> Era | None:
    if m.kind not in ("date", "vague_date"):
        return None
    parsed = parse_era(m.text, _after(m))
    return parsed[0] if parsed else None


def _eras_of_year(year: int, unit: int) -> int:
    """The index of the century (or the first year of the decade) a year falls in."""
    if unit == 10:
        return year // 10 * 10
    return (year - 1) // 100 + 1 if year > 0 else -((-year - 1) // 100 + 1)


def _dated(s: Sentence, unit: int) -> set[int]:
    """The centuries (or decades) a sentence gives: its years and its century phrases."""
    out = set()
    for o in s.mentions:
        if o.kind == "date" and o.date is not None and (unit == 100 or o.date.year > 0):
            out.add(_eras_of_year(o.date.year, unit))
        era = _era_of(o)
        if era is not None and era.unit == unit:
            out.add(era.index)
    return out


def _window(corpus: Corpus, doc: int) -> tuple[int, int] | None:
    """The first and last year the document dates anything to (a century counts with its whole span)."""
    return corpus.kept("era_windows", doc, lambda: _span(corpus.document_sentences(doc)))


def _span(sentences: list[Sentence]) -> tuple[int, int] | None:
    years: list[int] = []
    for s in sentences:
        for o in s.mentions:
            if o.kind == "date" and o.date is not None:
                years.append(o.date.year)
            era = _era_of(o)
            if era is not None:
                years += list(era.span())
    return (min(years), max(years)) if years else None


def _subject_names(sent: Sentence) -> set[str]:
    """The names standing in the subject of the sentence's main verb (or, with none named there, its
    object's): what another sentence must name to tell of the same subject."""
    root = sent.root
    for deps in (("nsubj", "nsubjpass"), ("dobj",)):
        names: set[str] = set().union(*(_names_in(sent, h) for h in root.children if h.dep_ in deps))
        if names:
            return names
    return set()


_NAMED_KINDS = ("person", "org", "place", "event", "group", "law")


def _names_in(sent: Sentence, head: Any) -> set[str]:
    return {
        o.norm for o in sent.mentions if o.kind in _NAMED_KINDS and head.left_edge.i <= o.root.i <= head.right_edge.i
    }


def _same_subject(corpus: Corpus, sent: Sentence, names: set[str]) -> list[Sentence]:
    return [s for s in corpus.document_sentences(sent.doc) if s.id != sent.id and names & {o.norm for o in s.mentions}]


def dates_event(sent: Sentence, m: Mention) -> bool:
    """Whether the phrase dates the sentence's main event: the object of "in"/"during" on the main verb (or on a
    participle describing a noun, "the tower, built in the twelfth century, ..."), a verb of an event (not a
    state), not negated, not reporting a view."""
    r, root = m.root, sent.root
    if r.dep_ != "pobj" or r.head.dep_ != "prep" or r.head.lower_ not in _INSIDE:
        return False
    verb = r.head.head
    if verb != root and _participle(verb) is None:
        return False
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in STATE_VERBS | _REPORTING | _LASTING:
        return False
    if _unnamed_subject(verb):
        return False
    if any(c.dep_ in ("neg", "ccomp") for c in verb.children):
        return False
    # the phrase is the whole object: "in the 12th century and the 13th", "in the early part of the ..." are not
    sub = list(r.subtree)
    return (
        all(
            m.first.i <= t.i <= m.last.i or t.dep_ == "det" or (t.i == m.last.i + 1 and t.lower_ in _ERA_MARKS)
            for t in sub
        )
        and len(list(r.head.children)) == 1
    )


def _unnamed_subject(verb: Any) -> bool:
    """Whether the event's subject is a pronoun or a definite common noun naming nothing ("the ore grew poorer",
    "it declined"): which ore, a question cut from the sentence cannot say, and a name written in reads badly."""
    noun = _participle(verb)
    if noun is None:
        noun = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if noun is None:
        return False
    if noun.pos_ == "PRON":
        return True
    named = any(t.pos_ == "PROPN" or t.ent_type_ for t in noun.subtree)
    return (
        noun.pos_ == "NOUN"
        and not named
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
    )


def _participle(verb: Any) -> Any | None:
    """The noun a past participle describes ("the tower, built in ..."), or None."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return verb.head


def _participle_question(sent: Sentence, m: Mention, head: str) -> str | None:
    """ "In which century was the south tower built?" from "The south tower, built in the twelfth century, has
    ...": the noun phrase the participle describes, with the participle's own words but the date."""
    verb = m.root.head.head
    noun = _participle(verb)
    if noun is None:
        return None
    inside = range(verb.left_edge.i, verb.right_edge.i + 1)
    np = [t for t in noun.subtree if t.i not in inside]
    while np and np[-1].is_punct:
        np.pop()
    if not np or len(np) > 10 or np[-1].i - np[0].i + 1 != len(np):
        return None
    if any(t.dep_ in ("relcl", "appos", "acl", "conj") for t in np):
        return None
    cut = set(m.root.head.subtree)
    rest = [t for t in verb.subtree if t not in cut and t.i != verb.i and t.i > verb.i and not t.is_punct]
    if rest and rest[-1].i - rest[0].i + 1 != len(rest):
        return None
    doc = noun.doc
    phrase = doc[np[0].i : np[-1].i + 1].text
    if np[0].pos_ not in ("PROPN",) and np[0].ent_type_ == "":
        phrase = phrase[:1].lower() + phrase[1:]
    be = "were" if noun.tag_ in ("NNS", "NNPS") else "was"
    tail = " " + doc[rest[0].i : rest[-1].i + 1].text if rest else ""
    return f"{head} {be} {phrase} {verb.text}{tail}?"


def era_candidates(ctx: Context, sent: Sentence) -> list[Candidate]:
    """ "In which century ...?" / "In which decade ...?" on a century or decade phrase dating the main event."""
    if gapped(sent):
        return []
    out: list[Candidate] = []
    for m in sent.mentions:
        era = _era_of(m) if m.kind == "vague_date" else None  # a plain "1880s" is a date the others ask
        if era is None or not mention_once(sent, m) or not dates_event(sent, m):
            continue
        rest = " ".join(t.text for t in sent.tokens if not m.first.i <= t.i <= m.last.i)
        if has_year(rest) or any(o is not m and o.kind in ("date", "vague_date") for o in sent.mentions):
            continue  # a second date in the sentence dates the event too, or prints the answer
        cand = _candidate(ctx, sent, m, era)
        if cand is not None:
            out.append(cand)
    return out


def _candidate(ctx: Context, sent: Sentence, m: Mention, era: Era) -> Candidate | None:
    corpus = ctx.corpus
    noun = _participle(m.root.head.head)
    names = _subject_names(sent) if noun is None else _names_in(sent, noun)
    others = _same_subject(corpus, sent, names) if names else []
    dated = {s.id: _dated(s, era.unit) for s in others}
    given: set[int] = set().union(*dated.values())
    near = {e.index for e in (era.shifted(-1), era.shifted(1)) if e is not None}
    if given & near and any(
        sent.root.lemma_ in {t.lemma_ for t in s.tokens if t.pos_ in ("VERB", "AUX")} and dated[s.id] & near
        for s in others
    ):
        ctx.rejected["era_conflict"] += 1  # the same subject does the same thing a century off: sources differ
        return None
    word = "century" if era.unit == 100 else "decade"
    head = f"In which {word}"
    prep = m.root.head
    removed = {t.i for t in prep.subtree}
    after = m.last.i + 1
    if after < sent.span.end and sent.span.doc[after].lower_ in _ERA_MARKS:
        removed.add(after)  # "in the sixth century BCE Athens ...": the parse may hang the marker on the next name
    prompt = _invert(sent, removed, head) if prep.head == sent.root else _participle_question(sent, m, head)
    if prompt is None:
        return None
    prompt = ctx.stand_alone(sent, drop_parentheticals(prompt), era.render())
    if prompt is None or ctx.early_reject(prompt):
        return None
    draft = QuestionDraft(
        type="multiple_choice",
        prompt=prompt,
        answer=era.render(),
        options=[],
        explanation=f"The text says: \u201c{sent.text.strip()}\u201d",
        confidence=0.8,
        confidence_reasons=[f"key is the {word} the sentence dates its main event to", "wh-question"],
        difficulty=0.5,
        sources=[source_of(ctx, sent)],
    )
    cand = Candidate(draft, era.render(), [sent], 0.85, "wh", f"{sent.id}:{m.norm}")
    cand.finish = _options(ctx, cand, sent, era, given)
    return cand


def _options(ctx: Context, cand: Candidate, sent: Sentence, era: Era, given: set[int]) -> Callable[[], bool]:
    def finish() -> bool:
        window = _window(ctx.corpus, sent.doc)
        pool: list[tuple[int, int, int, Era]] = []
        for steps in (-3, -2, -1, 1, 2, 3):
            other = era.shifted(steps)
            if other is None or other.index in given:
                continue
            lo, hi = other.span()
            if window is not None and lo > window[1] and steps > 1:
                continue  # "the twenty-first century" for events of the nineteenth that end in 1882: absurd at a glance
            outside = window is not None and (hi < window[0] or lo > window[1])
            pool.append((int(outside), abs(steps), stable_hash(sent.id, steps), other))
        if len(pool) < NEIGHBOURS:
            return False
        chosen = [p[3] for p in sorted(pool, key=lambda p: p[:3])[:NEIGHBOURS]]
        options = sorted([era, *chosen], key=lambda e: e.span())
        cand.draft.options = [e.render() for e in options]
        return True

    return finish
