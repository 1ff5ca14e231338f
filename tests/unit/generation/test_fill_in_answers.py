"""Fair fill-ins (issue #15): only specific blanks, and every answer a student may fairly write is accepted."""

from quizapp.generation.analysis import parse_corpus
from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.fill_in import fill_in_candidates, term_counts
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.entities import repair_kinds
from quizapp.generation.nlp import get_nlp

from ._articles import clean


def _fill_ins(text):
    """Every fill-in candidate of the text, by key: its accepted answers."""
    corpus = parse_corpus([clean("s.txt", "Title\n\n" + text)], get_nlp())
    repair_kinds(corpus)
    ctx = Context(corpus, DistractorIndex(corpus))
    counts = term_counts(corpus)
    return {c.key: c.draft.answer for s in corpus.sentences for c in fill_in_candidates(ctx, s, counts)}, ctx


GENERIC = (
    "The fall of Dravenholt in 1412 was the turning point of the Marsh War. "
    "Many chroniclers blamed the defeat on the cowardice of Duke Anselm. "
    "Many chroniclers also praised the courage of the Veldmark militia. "
    "The victory was carved on a basalt obelisk in the market square of Veldmark. "
    "The merchants of Veldmark built a customs barrier on the river road. "
    "The customs barrier was torn down by the peasants of Ostergau in 1420."
)


def test_generic_blanks_are_refused_and_specific_terms_kept():
    keys, ctx = _fill_ins(GENERIC)
    assert not {"turning point", "market square", "river road"} & set(keys)  # common words, said once
    assert not any(k.lower().startswith("many") for k in keys)  # a quantifier, though said twice
    assert "basalt obelisk" in keys  # a word rare in general English
    assert "customs barrier" in keys  # common words, but the article keeps using the term
    assert ctx.rejected["generic_blank"] >= 2
