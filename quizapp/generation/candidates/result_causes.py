""" "Why ...?" questions where the cause is the sentence before: "X happened. As a result, Y." (issue #15).

A sentence that opens with "As a result," "Therefore," "Consequently," "Thus," "Hence," or "For this reason," states
an effect whose cause the sentence before it, in the same paragraph, gives. The effect, without its opening
words, becomes the stem ("Why could the scholars spend their time on research?"); the cause is the main clause of
the sentence before, as a plain statement with a named subject ("Because the scholars received a salary from the
king"); the wrong options are chosen as for any other cause (see why_options). Both sentences are quoted.
"""

from __future__ import annotations

from typing import Any

from ..analysis import Sentence
from .base import Candidate, Context
from .causes import Cause, _claim, _why
from .why_options import fact_clause, why_options

MAX_KEY_WORDS = 18  # the key is the cause as the article tells it; a far fact, a wrong option, is kept shorter
# Openings that say the sentence is the result of the one before (lower case, word by word).
RESULT_LEADS: tuple[tuple[str, ...], ...] = (
    ("as", "a", "result"),
    ("as", "a", "consequence"),
    ("for", "this", "reason"),
    ("therefore",),
    ("consequently",),
    ("thus",),
    ("hence",),
)


def result_lead(sent: Sentence) -> set[int] | None:
    """Token indices of a result opening and the comma after it ("As a result,"), or None."""
    toks = list(sent.span[:5])
    words = [t.lower_ for t in toks]
    for lead in RESULT_LEADS:
        n = len(lead)
        if tuple(words[:n]) == lead and len(toks) > n and toks[n].text == ",":
            return {t.i for t in toks[: n + 1]}
    return None


def _before(ctx: Context, sent: Sentence) -> Sentence | None:
    """The sentence just before, in the same paragraph of the same document."""
    if sent.id == 0:
        return None
    prev = ctx.corpus.sentences[sent.id - 1]
    return prev if prev.doc == sent.doc and prev.para == sent.para and not prev.heading else None


def result_cause(ctx: Context, sent: Sentence) -> Cause | None:
    """The cause of a sentence that opens with a result word: the sentence before, as "because ..."."""
    removed = result_lead(sent)
    prev = _before(ctx, sent) if removed is not None else None
    if prev is None or removed is None:
        return None
    tense = _tense_of(prev)
    if tense != _tense_of(sent) or _turns(prev):
        return None
    clause = fact_clause(ctx, prev, tense, MAX_KEY_WORDS)
    if clause is None:
        return None
    toks: list[Any] = list(prev.tokens)
    lead = "partly" if one_of_several(ctx, prev) else ""
    return Cause(sent, "reason", "clause", clause[:1].lower() + clause[1:], toks, removed, True, lead)


# a word saying the sentence adds one more to what the paragraph told before it ("Producers also turned ...")
_ADDING = frozenset({"also", "too", "meanwhile", "moreover", "furthermore", "besides", "likewise"})
# a paragraph that announces several causes before it tells them ("Several causes came together.")
_MANY = frozenset({"several", "many", "various", "multiple", "two", "three", "four", "five", "numerous"})
_CAUSE_NOUNS = frozenset({"cause", "reason", "factor", "blow", "problem", "pressure", "development"})


def one_of_several(ctx: Context, prev: Sentence) -> bool:
    """Whether the sentence before a result ("... As a result, Y") is only the last of several causes the paragraph
    tells: it says it adds one ("also", "meanwhile", "in addition"), or a sentence earlier in the paragraph
    announces several causes ("Several causes came together", "Two blows fell"). "Y because <that sentence>"
    would then give one cause as the only one; readers asked for "partly because"."""
    opening = tuple(t.lower_ for t in prev.tokens[:3])
    if opening == ("in", "addition", ",") or any(
        t.lower_ in _ADDING and t.dep_ in ("advmod", "cc") for t in prev.tokens
    ):
        return True
    for i in range(prev.id - 1, -1, -1):
        s = ctx.corpus.sentences[i]
        if s.doc != prev.doc or s.para != prev.para or s.heading:
            break
        if any(
            t.lemma_.lower() in _CAUSE_NOUNS
            and any(c.lower_ in _MANY for c in t.children if c.dep_ in ("amod", "nummod"))
            for t in s.tokens
        ):
            return True
    return False


def _tense_of(sent: Sentence) -> str:
    root = sent.root
    return "past" if root.tag_ == "VBD" or any(c.tag_ == "VBD" for c in root.children) else "present"


def _turns(sent: Sentence) -> bool:
    """ "A had planned X, but B persuaded them to do Y": the result comes of the turn, which the main clause alone
    leaves out (keyed on X, the claim would give the plan that was dropped as the cause)."""
    kids = list(sent.root.children)
    contrast = any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in kids)
    return contrast and any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in kids)


def result_candidates(ctx: Context, sent: Sentence) -> list[Candidate]:
    """A "Why ...?" multiple choice on a sentence whose cause is the one before, else the claim as true."""
    cause = result_cause(ctx, sent)
    before = _before(ctx, sent)
    if cause is None or before is None:
        return []
    wrong = why_options(ctx, cause, 3) if not cause.lead else []  # "partly because" keys no "Why"
    made = _why(ctx, sent, cause, wrong, before) if len(wrong) == 3 else None
    if made is None:
        made = _claim(ctx, sent, cause, before)  # too few rival reasons: the claim, stated as true
    return [made] if made is not None else []
