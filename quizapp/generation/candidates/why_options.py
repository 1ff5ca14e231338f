"""Wrong options for a "Why ...?" question: other reasons the document states for what the same actor did.

A student must not be able to rule a wrong option out without knowing the history: so each is a cause of the same
family and shape as the key ("Because ..." against "Because ...", "In order to ..." against "In order to ..."),
stated in the article for something the same actor (the subject of the effect) did, far from the key. A history
article states two or three reasons, so most stated causes find too few and become a true/false claim instead.
Round 5 widened the options with causes of other actors and with facts told far from the key ("Because the
merchants of Kelso built a new quay"); the blind reader rejected 9 of the 10 such questions as options "ruled out
without knowledge" (issue #15, round 6). ``fact_clause`` still reads a sentence as a "Because ..." clause for the
questions keyed on the sentence before an "As a result, ..." (see result_causes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..analysis import Sentence
from ..clauses import hedge, root_clause
from ..distractors import stable_hash
from ..pronouns import stand_alone
from ..textutil import anaphora_problem, capitalise, content_tokens, keeps_capital, tidy, tokens_text, word_count
from .base import Context

if TYPE_CHECKING:
    from .causes import Cause

MIN_FACT_WORDS = 5
MAX_FACT_WORDS = 14
MIN_PARAGRAPHS_AWAY = 2  # a fact of the key's paragraph or the one beside it may well be part of the story told
MAX_RATIO = 2.0  # characters, longest option against the key


def off_topic(ctx: Context, sent: Sentence, option: str) -> bool:
    """Whether a wrong option leaves out the words of the document's title: the article's subject ("the Black
    Death", "the canal") is a cause of much that it tells, so an option naming it may well be right too."""
    return not (content_tokens(option) & content_tokens(ctx.title(sent)))


def actor(ctx: Context, cause: Cause) -> str | None:
    """The lower-case head word of the subject of the effect a cause explains ("Peter" of "Peter the Great moved
    the court"), its pronoun read through to the name it means; None where there is none to read."""
    if not cause.on_root:
        return None
    subj = next((c for c in cause.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i in cause.removed:
        return None
    if subj.pos_ in ("NOUN", "PROPN"):
        return str(subj.lemma_ if subj.pos_ == "NOUN" else subj.text).lower()
    if subj.lower_ not in ("he", "she", "they", "it"):
        return None
    written = stand_alone(ctx.corpus, cause.sent, subj.text)
    names = [w for w in (written or "").split() if w[:1].isupper() and w not in ("The", "A", "An")]
    return names[0].lower() if names else None


def why_options(ctx: Context, cause: Cause, wanted: int) -> list[str]:
    """Up to ``wanted`` wrong options: the other causes the document states for what the same actor did, of the
    same family (reasons against a reason, purposes against a purpose) and tense, each from a sentence at least
    MIN_PARAGRAPHS_AWAY paragraphs from the key's (causes told together are often links of one chain), none naming
    the document's subject. Fewer than ``wanted`` means no question: the caller states the claim as true instead.
    (Facts told far from the key, and causes of what someone else did, were offered before: a blind reader ruled
    them out without knowledge, "a naming anecdote offered as a reason for a war aim": 9 of 10 such rejected.)"""
    from .causes import _document_causes, _tense

    out: list[str] = []
    key = cause.text.lower()
    who = actor(ctx, cause)
    if who is None:
        return out

    def fits(text: str) -> bool:
        low = text.lower()
        if not off_topic(ctx, cause.sent, text):
            return False
        if low in key or key in low or any(low in c.lower() or c.lower() in low for c in out):
            return False
        return max(len(low), len(key)) <= MAX_RATIO * min(len(low), len(key))

    causes = []
    for other, alone in _document_causes(ctx, cause.sent.doc):
        if abs(other.sent.para - cause.sent.para) < MIN_PARAGRAPHS_AWAY or alone != other.text:
            continue  # near the key, or read alone only with a pronoun written in (which may be the wrong one)
        if other.family != cause.family or other.form != cause.form or _tense(other) != _tense(cause):
            continue  # "In order to pay" against "Because the harvest failed": told apart by shape alone
        if actor(ctx, other) != who:
            continue  # a cause of what someone else did is no reason this actor might have had
        causes.append((abs(len(alone) - len(key)), stable_hash(alone, cause.sent.id), capitalise(alone)))
    for text in [c[-1] for c in sorted(causes)]:
        if len(out) == wanted:
            break
        if fits(text):
            out.append(text)
    return out


def fact_clause(ctx: Context, s: Sentence, tense: str, longest: int = MAX_FACT_WORDS) -> str | None:
    """The sentence's main clause as "Because ...", where it is a plain statement of the wanted tense whose subject
    is named (no pronoun, no "this"), of MIN_FACT_WORDS to ``longest`` words; else None (cached)."""
    cache: dict[tuple[str, int], str | None] = s.cache.setdefault("fact_clause", {})
    if (tense, longest) not in cache:
        cache[(tense, longest)] = _fact_clause(ctx, s, tense, longest)
    return cache[(tense, longest)]


def _to_purpose(t: Any) -> bool:
    """ "to defeat Y": a to-infinitive with no subject or marker of its own."""
    kids = list(t.children)
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in kids
    )


def _fact_clause(ctx: Context, s: Sentence, tense: str, longest: int) -> str | None:
    from .causes import causes_of

    root = s.root
    if (
        s.table_row
        or s.cut
        or root.pos_ != "VERB"
        or s.text.rstrip().endswith("?")
        or hedge(s)
        or causes_of(ctx.corpus, s)
    ):
        return None
    wanted = ("VBD",) if tense == "past" else ("VBZ", "VBP")
    finite = [root, *(c for c in root.children if c.dep_ in ("aux", "auxpass"))]
    if not any(t.tag_ in wanted for t in finite) or any(t.tag_ == "MD" for t in finite):
        return None
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.right_edge.i >= root.i:
        return None  # no named subject before the verb (or the parse took a description for the verb)
    toks: list[Any] = root_clause(s)
    front = [t for t in toks if t.i < subj.left_edge.i]
    if any(t.dep_ in ("cc", "mark") or (t.head.i >= subj.left_edge.i and t.head != root) for t in front):
        return None
    toks = [t for t in toks if t.i >= subj.left_edge.i]  # "In 1520, the guild ...": the fronted phrase goes
    if not toks or any(t.dep_ in ("advcl", "ccomp", "parataxis", "csubj") and not _to_purpose(t) for t in toks):
        return None  # a second clause: not one plain fact (a purpose, "joined X to defeat Y", is part of it)
    if any(t.lower_ in ('"', "\u201c", "(", ";", ":") or _points_back(t) for t in toks):
        return None  # a quote, an aside, or a word that points to something told before ("their", "these")
    text = tidy(tokens_text(toks)).rstrip(" ,;:")
    if not MIN_FACT_WORDS <= word_count(text) <= longest:
        return None
    if not keeps_capital(toks[0]):
        text = text[:1].lower() + text[1:]
    clause = f"Because {text}"
    return None if anaphora_problem(clause) else clause


_POINTING = frozenset({"this", "these", "that", "those", "such", "same", "other", "another", "former", "latter"})


def _points_back(t: Any) -> bool:
    return bool(t.tag_ in ("PRP", "PRP$", "WP", "WDT") or (t.dep_ in ("det", "amod") and t.lower_ in _POINTING))
