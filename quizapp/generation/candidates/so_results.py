"""The causal claim of a sentence "A, so B" (issue #15): B happened because A did, stated as true.

History articles state a result with ", so" about as often as with "because" (in the development set, 52 against
149), and the parse hangs the two clauses either way round (B a conjunct of A, or A a complement of B), so the
split is read off the text: one ", so" whose "so" opens a clause with a subject and a verb of its own (not "so
that", a purpose, nor "so many", a degree). The claim keeps the sentence's order, "Because A, B", so a pronoun of B
still comes after the name it means ("Because Banting and Best believed ..., they sold their patent").
"""

from __future__ import annotations

from typing import Any

from ..analysis import Sentence
from ..clauses import body_tokens, hedge
from ..stem_class import RANK_TITLES
from ..textutil import capitalise, keeps_capital, tidy, tokens_text, word_count
from .base import Candidate, Context
from .causes import stated_claim
from .result_causes import RESULT_LEADS

CLAIM_OF_SO = "the causal claim of one sentence ('..., so ...'), as stated"
# "so that" is a purpose, "so many / so much / so far" a degree: neither says what followed from what
_NOT_RESULT = frozenset({"that", "as", "many", "much", "few", "little", "far", "long", "well", "too", "on"})
MIN_PART_WORDS = 3
# in the cause, words that make "Because A, B" claim more or other than the text: a cause or a contrast of its own
# ("A bought shares, but many went unsold, so ...": what followed came of the "but" clause), a quotation
_NOT_ONE_STEP = frozenset(
    {"so", "because", "since", "but", "yet", "although", "though", "while", ";", ":", '"', "\u201c"}
)


def _finite_clause(toks: list[Any]) -> bool:
    """Whether the tokens hold a verb with its subject, both among them."""
    inside = {t.i for t in toks}
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i in inside for t in toks)


# ", and as a result B", ", and therefore B": the same claim as ", so B" (the openings of result_causes, and "so")
_AND_RESULT: tuple[tuple[str, ...], ...] = (*RESULT_LEADS, ("so",))


def _and_result_cuts(toks: list[Any]) -> list[tuple[int, int]]:
    """(end of the cause, start of the result) of each ", and as a result" (or "therefore", "thus" ...) in ``toks``,
    the result read from after the words and a comma after them."""
    words = [t.lower_ for t in toks]
    out = []
    for i in range(1, len(toks) - 2):
        if words[i] != "and" or toks[i - 1].text != ",":
            continue
        for lead in _AND_RESULT:
            n = len(lead)
            if tuple(words[i + 1 : i + 1 + n]) == lead:
                start = i + 1 + n
                out.append((i - 1, start + 1 if start < len(toks) and toks[start].text == "," else start))
    return out


def so_split(sent: Sentence) -> tuple[list[Any], list[Any]] | None:
    """(cause, result) tokens of "A, so B" (or "A, and as a result B", "A, and therefore B"), or None."""
    toks = body_tokens(sent)
    cuts = [
        (i - 1, i + 1)
        for i in range(1, len(toks) - 1)
        if toks[i].lower_ == "so" and toks[i - 1].text == "," and toks[i].dep_ in ("cc", "advmod", "mark")
    ]
    cuts += _and_result_cuts(toks)
    if len(cuts) != 1 or cuts[0][1] >= len(toks):
        return None
    end, start = cuts[0]
    first = toks[start]
    if first.lower_ in _NOT_RESULT or first.pos_ in ("ADJ", "ADV", "AUX") or first.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return None  # "and so were land disputes": "so" stands for what was said, no result follows
    cause, result = toks[:end], toks[start:]
    if any(t.lower_ in _NOT_ONE_STEP for t in cause):
        return None  # a cause of its own inside the cause, a contrast ("A, but B, so C"), a quote: not one step
    if min(word_count(tokens_text(cause)), word_count(tokens_text(result))) < MIN_PART_WORDS:
        return None
    if not (_finite_clause(cause) and _finite_clause(result)):
        return None
    return cause, result


def _bare_title(toks: list[Any]) -> bool:
    """Whether the tokens hold "the <title>" ("the king", "the emperor's"), which finalize names from earlier
    sentences, not always rightly ("the king's government" under Louis XIV written "King Henry IV's")."""
    return any(t.lower_ == "the" and t.nbor(1).lower_ in RANK_TITLES for t in toks if t.i + 1 < len(t.doc))


def so_candidates(ctx: Context, sent: Sentence) -> list[Candidate]:
    """The claim "Because A, B." of a sentence "A, so B.", a true statement, or nothing."""
    split = so_split(sent)
    if split is None or hedge(sent):
        return []
    cause, result = split
    if _and_result_cuts(body_tokens(sent)) and _bare_title(cause + result):
        return []  # "the king's government": the name written in may be the wrong king (a new kind: kept narrow)
    first = tidy(tokens_text(cause))
    if not keeps_capital(cause[0]):
        first = first[:1].lower() + first[1:]
    claim = f"Because {first}, {tidy(tokens_text(result)).rstrip(' ,;:')}."
    text = ctx.stand_alone(sent, capitalise(claim))
    if text is None or ctx.early_reject(text):
        return []
    return [stated_claim(ctx, [sent], text, CLAIM_OF_SO)]
