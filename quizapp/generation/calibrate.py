"""The last word on a kept question's confidence: a few adjustments a blind reader's verdicts justify (issue #15).

Confidence orders the teacher's review queue (least confident first) and lets a teacher publish only what is
above a threshold, so it should put the questions a reader rejects at the bottom. Fitted on the verdicts on
articles 04 to 24 of the quality set and checked on those on 25 to 36 (benchmarks/quality, development
material): of the features looked at, these three went with rejects (or with their absence) on both.

Each adjustment reads only the draft (its type, confidence reasons and checks), so it can be recomputed from a
judging sheet's JSON, and it changes only ``confidence``: which questions are kept does not depend on it.
"""

from __future__ import annotations

from collections.abc import Callable

from .types import QuestionDraft

# The reasons the candidate makers give, as they begin (candidates/fill_in.py, multiple_choice.py, true_false.py).
COMMON_TERM_REASON = "key term is a noun phrase"
DATE_REASONS = ("key is a date", "key term is a date", "one date swapped")
REWRITTEN_CHECK = "a name or year from an earlier sentence was written into the question"

COMMON_TERM = (
    -0.15,
    "the blank is a common phrase, not a name or a date: it may be trivial, or other words may fit as well",
)
REWRITTEN_PROMPT = (
    -0.2,
    "a name or year from an earlier sentence was written into the question: check that it reads right",
)
DATE_KEY = (0.1, "the question turns on a date the text states: the surest kind of key")
# An increase takes at most half the distance to 1, so the surest questions keep their order rather than tie at the top.


def _common_term(d: QuestionDraft) -> bool:
    return d.type == "fill_in" and any(r.startswith(COMMON_TERM_REASON) for r in d.confidence_reasons)


def _rewritten(d: QuestionDraft) -> bool:
    return REWRITTEN_CHECK in d.checks


def _date_key(d: QuestionDraft) -> bool:
    return any(r.startswith(DATE_REASONS) for r in d.confidence_reasons)


ADJUSTMENTS: tuple[tuple[Callable[[QuestionDraft], bool], tuple[float, str]], ...] = (
    (_common_term, COMMON_TERM),
    (_rewritten, REWRITTEN_PROMPT),
    (_date_key, DATE_KEY),
)


def calibrate(draft: QuestionDraft) -> None:
    """Adjust ``draft.confidence`` (kept within 0.05 to 0.99) and add a reason for each adjustment made.

    Run once on a finished draft (after its prompt is final); calling it again would adjust twice.
    """
    confidence = draft.confidence
    for applies, (amount, reason) in ADJUSTMENTS:
        if applies(draft):
            confidence += amount if amount < 0 else min(amount, (1 - confidence) / 2)
            draft.confidence_reasons.append(reason)
    draft.confidence = max(0.05, min(confidence, 0.99))
