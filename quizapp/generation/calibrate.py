"""A kept question's confidence: how likely a strict reader is to accept it, from what kind of question it is.

Confidence orders the teacher's review queue (least confident first) and lets a teacher approve in one go what is
above a threshold, so it should put the questions a reader rejects at the bottom. The generator's own scores say
how sure it is of a parse; they barely ranked the readers' verdicts. What ranks them best of what the draft shows is
the kind of question, and which kinds are rejected has changed with the generator and the readers.

So the confidence is one minus the share of questions of the draft's kind that readers 10 to 18 rejected or
wrong-keyed (the paired readings of v13 to v21 of ``benchmarks/quality``, generators of rounds 13 to 22: 794
judged questions, each kind's share smoothed toward their mean of 51% as if ten more had the mean's verdicts),
plus a few points for each sign that still went with rejects there. Until round 23 the table was fitted on the v1 to
v3 verdicts (345 questions), where a date asked was rejected one time in eight; readers 10 to 18 rejected 70% of the
choices among dates, and the old table ranked their rejects no better than chance (AUC 0.41 to 0.65, 0.50 on
average, reader by reader). Fitted on eight of those readers and checked on the ninth, the refit table ranked better
for six of the nine (AUC 0.44 to 0.75, 0.61 on average: ``benchmarks/quality/calibration.py --loo``; README
"Calibration"). It separates the kinds only so far: its most confident kind, a true statement taken from the
text, was still rejected 28% of the time, so no confidence here says a draft may be handed out unread.

A sign's points are what its questions were rejected beyond their kind's share, never below 0: a name or year
written in from an earlier sentence and a statement with no date, which went with rejects on v1 to v3, did not with
readers 10 to 18, and now give none. Two signs no recent reader saw often enough to refit (documents that disagree, a
sentence the source hedges) keep their earlier points. Kinds the recent readers have not judged are not in the table:
a true statement of a named scholar's view (round 23) counts as a true statement taken from the text, and a blank
on a name the document says once (round 23's fill-ins in place of choices) as a blank on a name, as the draft does
not say how often the document names its key. Every step is written into ``confidence_reasons`` in words a teacher
reads ("Why this confidence"). Only the draft is read (its type, its reasons, checks and prompt), so the confidence
can be recomputed from a judging sheet's JSON; which questions are kept does not depend on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .types import QuestionDraft

REWRITTEN_CHECK = "a name or year from an earlier sentence was written into the question"
# The reason a reversed false statement carries (candidates.true_false.REVERSED_REASON holds it).
REVERSED_MARK = "direction reversed"
# Reasons calibrate writes: a draft calibrated before (a sheet's JSON) is read without them.
CALIBRATION_MARK = "on the reader's verdicts"


@dataclass(frozen=True)
class Kind:
    name: str
    rejected: float  # share of such questions readers 10 to 18 rejected or wrong-keyed (smoothed toward the mean)
    applies: Callable[[QuestionDraft], bool]


def _reasons(d: QuestionDraft) -> str:
    return " | ".join(r for r in d.confidence_reasons if CALIBRATION_MARK not in r)


def _key_kind(d: QuestionDraft) -> str:
    m = re.search(r"key (?:term )?is an? (date|place|person|org|number|law|event|noun phrase)", _reasons(d))
    return m.group(1) if m else ""


def _swapped(d: QuestionDraft) -> str:
    m = re.search(r"one (\w+) swapped", _reasons(d))
    return m.group(1) if m else ""


# "How many soldiers ...?", "How long did ...?" ask a number or a span, not a cause or a means.
_WHY_HOW = re.compile(
    r"^(?:according to [^,]{1,80},\s*)?(?:why|how)\b"
    r"(?!\s+(?:many|much|long|old|far|often|large|big|high|tall|wide|deep)\b)",
    re.I,
)


def _why(d: QuestionDraft) -> bool:
    return bool(_WHY_HOW.match(d.prompt.strip())) or "cause" in _reasons(d).lower()


# First match wins. The shares are those of readers 10 to 18 (see the module's docstring), rounded;
# ``calibration.py --loo`` prints them.
KINDS: tuple[Kind, ...] = (
    Kind("a cause-and-effect question", 0.47, _why),
    Kind(
        "a false statement with a date swapped",
        0.61,
        lambda d: d.type == "true_false" and d.answer is False and _swapped(d) == "date",
    ),
    Kind("a choice among dates", 0.68, lambda d: d.type == "multiple_choice" and _key_kind(d) == "date"),
    # No reader has judged one yet (round 23): a cautious share, between a true statement's and a name swap's.
    Kind(
        "a false statement with its claim's direction reversed",
        0.42,
        lambda d: d.type == "true_false" and d.answer is False and REVERSED_MARK in _reasons(d),
    ),
    Kind("a question on a date the text states", 0.45, lambda d: _key_kind(d) == "date" or _swapped(d) == "date"),
    Kind("a matching of pairs each stated in one sentence", 0.54, lambda d: d.type == "matching"),
    Kind("a true statement taken from the text", 0.30, lambda d: d.type == "true_false" and d.answer is True),
    Kind(
        "a false statement with a name swapped",
        0.54,
        lambda d: d.type == "true_false" and _swapped(d) not in ("", "date"),
    ),
    Kind(
        "a blank on a name",
        0.50,
        lambda d: d.type == "fill_in" and _key_kind(d) in ("person", "org", "law", "event"),
    ),
    Kind("a blank on a place", 0.52, lambda d: d.type == "fill_in" and _key_kind(d) == "place"),
    Kind("a blank on a common phrase", 0.48, lambda d: d.type == "fill_in" and _key_kind(d) == "noun phrase"),
    Kind("a choice among places", 0.65, lambda d: d.type == "multiple_choice" and _key_kind(d) == "place"),
    Kind("a choice among people", 0.56, lambda d: d.type == "multiple_choice" and _key_kind(d) == "person"),
    Kind(
        "a choice among organisations or counts",
        0.62,
        lambda d: d.type == "multiple_choice" and _key_kind(d) in ("org", "number", "law", "event"),
    ),
    Kind("an ordering of dated events", 0.36, lambda d: d.type == "ordering"),
)
OTHER_REJECTED = 0.51  # the mean over readers 10 to 18

_PRIVATE_LIFE = re.compile(r"\b(?:born|died|dies|death|married|marries|marriage|buried|birth|funeral)\b", re.I)
_DATED = re.compile(r"\b(?:1\d{3}|20\d\d|\d{1,3}0s|\d{1,3}\s*(?:BC|BCE|AD|CE))\b|\bcentury\b", re.I)

# Signs, as points of risk added to the kind's share: what their questions were rejected beyond it by readers 10 to
# 18, never below 0; the two no recent reader saw twenty times (documents that disagree, a hedge) keep their v1 to v3
# points. A sign at 0 points writes no reason.
SIGNS: tuple[tuple[float, str, Callable[[QuestionDraft], bool]], ...] = (
    (
        0.0,
        "a name or year from an earlier sentence was written into the question: check that it reads right",
        lambda d: REWRITTEN_CHECK in d.checks,
    ),
    (
        0.0,
        "a statement with no date: it may be vague or a matter of opinion",
        lambda d: d.type == "true_false" and not _DATED.search(d.prompt),
    ),
    (
        0.05,
        "it turns on a birth, death or marriage: a personal detail may not be worth asking",
        lambda d: bool(_PRIVATE_LIFE.search(d.prompt)),
    ),
    (0.15, "the documents disagree on this fact", lambda d: "documents disagree" in _reasons(d)),
    (0.01, "the source sentence parses oddly", lambda d: "parses oddly" in _reasons(d)),
    (0.05, "the source hedges this sentence", lambda d: "hedges" in _reasons(d)),
)


def risk(draft: QuestionDraft) -> tuple[float, list[str]]:
    """(the estimated chance a strict reader rejects the draft, the reasons in words)."""
    kind = next((k for k in KINDS if k.applies(draft)), None)
    share = kind.rejected if kind is not None else OTHER_REJECTED
    what = kind.name if kind is not None else "a question of this kind"
    reasons = [
        f"{what}: {share:.0%} of such questions were rejected {CALIBRATION_MARK} (recent readers, development articles)"
    ]
    for points, reason, applies in SIGNS:
        if points > 0 and applies(draft):
            share += points
            reasons.append(f"{reason} ({CALIBRATION_MARK}: -{points:.2f})")
    return share, reasons


def calibrate(draft: QuestionDraft) -> None:
    """Set ``draft.confidence`` to one minus its estimated risk (kept within 0.05 to 0.95) and add the reasons.

    Reads only the draft, and ignores reasons an earlier calibration wrote: calling it twice gives the same.
    """
    share, reasons = risk(draft)
    draft.confidence_reasons = [r for r in draft.confidence_reasons if CALIBRATION_MARK not in r] + reasons
    draft.confidence = round(max(0.05, min(1 - share, 0.95)), 3)
