"""Wrong options for a "Why ...?" question where the document states too few other causes of the key's family.

A history article of a thousand words states two or three reasons: too few to fill three wrong options from
reasons alone, so most stated causes became a true/false claim, or nothing (issue #15: why/how questions were
0-1% of the set). The options are widened in two steps, each only as far as needed:

1. causes of the other family ("In order to pay for the fleet" against "Because the harvest failed"): both answer
   "Why?", and a reader sees nothing odd in a list that mixes them (those of the key's family come first);
2. facts the document states far from the key (another paragraph, no name or content word shared with the key's
   sentence), as a clause of the key's tense with a named subject: "Because the merchants of Kelso built a new
   quay". Each is true in the article but of something else, the usual "true but not the reason" distractor.
   Facts close to the key, or sharing its words, might be read as a cause of it too, and are never taken.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..analysis import Sentence
from ..clauses import hedge, root_clause
from ..distractors import stable_hash
from ..textutil import anaphora_problem, capitalise, content_tokens, keeps_capital, tidy, tokens_text, word_count
from .base import Context

if TYPE_CHECKING:
    from .causes import Cause

MIN_FACT_WORDS = 5
MAX_FACT_WORDS = 14
MIN_PARAGRAPHS_AWAY = 2  # a fact of the key's paragraph or the one beside it may well be part of the story told
MAX_RATIO = 2.0  # characters, longest option against the key
MAX_SHARED_WORDS = 1  # the article's subject ("Gutenberg", "the canal") is in most of its sentences


def off_topic(ctx: Context, sent: Sentence, option: str) -> bool:
    """Whether a wrong option leaves out the words of the document's title: the article's subject ("the Black
    Death", "the canal") is a cause of much that it tells, so an option naming it may well be right too."""
    return not (content_tokens(option) & content_tokens(ctx.title(sent)))


def why_options(ctx: Context, cause: Cause, wanted: int) -> list[str]:
    """Up to ``wanted`` wrong options: the document's other causes, then far facts; each from a sentence at least
    MIN_PARAGRAPHS_AWAY paragraphs from the key's (causes told together are often links of one chain: "Because
    of the spread of Old World diseases" is no wrong answer to why planters turned to enslaved Africans when the
    next sentence tells that the diseases killed the Native labourers), none naming the document's subject."""
    from .causes import _document_causes, _tense

    out: list[str] = []
    key = cause.text.lower()

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
        if _tense(other) and _tense(cause) and _tense(other) != _tense(cause):
            continue  # "were erased because the code is long": a cause in another tense reads as nonsense
        order = (other.family != cause.family, other.form != cause.form, abs(len(alone) - len(key)))
        causes.append((*order, stable_hash(alone, cause.sent.id), capitalise(alone)))
    tense = _tense(cause) or "past"
    facts = sorted(
        (abs(len(text) - len(key)), stable_hash(text, cause.sent.id), text)
        for text in far_facts(ctx, cause.sent, tense)
    )
    for text in [c[-1] for c in sorted(causes)] + [f[-1] for f in facts]:
        if len(out) == wanted:
            break
        if fits(text):
            out.append(text)
    return out


def far_facts(ctx: Context, sent: Sentence, tense: str) -> list[str]:
    """ "Because ..." clauses from sentences of the document far from ``sent`` that share no content word with it."""
    mine = content_tokens(sent.text)
    return [
        text
        for para, text, words in _facts_of(ctx, sent.doc, tense)
        if abs(para - sent.para) >= MIN_PARAGRAPHS_AWAY and len(words & mine) <= MAX_SHARED_WORDS
    ]


def _facts_of(ctx: Context, doc: int, tense: str) -> list[tuple[int, str, set[str]]]:
    """(paragraph, clause, content words) of every fact a document states in a tense, built once per document."""
    index: dict[tuple[int, str], list[tuple[int, str, set[str]]]] = ctx.corpus.cache.setdefault("why_facts", {})
    if (doc, tense) not in index:
        if "sentences_by_doc" not in ctx.corpus.cache:
            by_doc: dict[int, list[Sentence]] = {}
            for s in ctx.corpus.sentences:
                by_doc.setdefault(s.doc, []).append(s)
            ctx.corpus.cache["sentences_by_doc"] = by_doc
        facts = []
        for s in ctx.corpus.cache["sentences_by_doc"].get(doc, []):
            text = None if s.heading else fact_clause(ctx, s, tense)
            if text is not None:
                facts.append((s.para, text, content_tokens(text)))
        index[(doc, tense)] = facts
    out: list[tuple[int, str, set[str]]] = index[(doc, tense)]
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
    if root.pos_ != "VERB" or s.text.rstrip().endswith("?") or hedge(s) or causes_of(ctx.corpus, s):
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
