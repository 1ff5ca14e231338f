"""Terms an article defines ("the waterwheel, or noria,", "the gorod, a walled town ...", "called Velmar, "the
green land"") become fill-ins on the term, the gloss kept beside the blank. (Texts made up for the tests.)"""

from __future__ import annotations

from quizapp.generation.candidates.base import Candidate, Context
from quizapp.generation.candidates.fill_in import fill_in_candidates, term_counts
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.glosses import glossed_terms
from quizapp.generation.guards import first_failure

from ._articles import parsed, sentence

TERMS = (
    "The farmers of the Orvel valley lifted water with simple machines. "
    "The zarvat, a pole with a leather bag at one end and a stone weight at the other, appears in carvings from "
    "the reign of King Anselm. "
    "The ox-driven wheel, or tevrani, came much later, under the Varro dynasty. "
    'The settlers called the coast Velmar, "the green land", after its meadows. '
    "The old king, a cruel man, taxed the valley heavily. "
    "Most farmers lived in houses of zellak, a kind of mud brick, beside the river."
)


def _settled(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with their accepted answers worked out, as the ranker has them (they wait until then)."""
    for c in candidates:
        c.settle()
    return candidates


def _terms(corpus, words):
    s = sentence(corpus, words)
    return [s.span.doc[g.first.i : g.last.i + 1].text for g in glossed_terms(s)]


def test_a_rare_word_the_sentence_glosses_is_a_defined_term():
    c = parsed(TERMS)
    assert _terms(c, "zarvat") == ["zarvat"]  # an appositive says what it is
    assert _terms(c, "tevrani") == ["tevrani"]  # ", or X,": another name for the thing just described
    assert _terms(c, "Velmar") == ["Velmar"]  # "called X, "gloss""
    assert _terms(c, "zellak") == ["zellak"]  # "X, a kind of ...", however the parser attached it


def test_a_common_word_with_an_appositive_is_no_term():
    c = parsed(TERMS)
    assert _terms(c, "cruel man") == []  # "king" is an everyday word: no term to learn


def _fill_ins(corpus, words):
    ctx = Context(corpus, DistractorIndex(corpus))
    return {c.key: c for c in _settled(fill_in_candidates(ctx, sentence(corpus, words), term_counts(corpus)))}


def test_a_defined_term_is_a_fill_in_whose_prompt_keeps_its_gloss():
    c = parsed(TERMS)
    made = _fill_ins(c, "zarvat")
    assert "zarvat" in made
    prompt = made["zarvat"].draft.prompt
    assert prompt.startswith("The _____, a pole with a leather bag")  # the gloss says what is asked
    made = _fill_ins(c, "tevrani")
    assert made["tevrani"].draft.prompt.startswith("The ox-driven wheel, or _____,")
    assert first_failure(made["tevrani"]) is None


NOT_TERMS = (
    'In 1702 the scholar Piet Anvers wrote De motu aquarum in gyrum ("On the motion of waters in a circle"). '
    'The queen held the title "Lady of Zarvos," a priestly office at the temple of Orvel. '
    "In 1705 a sailor named Orrik Haldsson sailed from Varro to the island of Kesh. "
    "The Varrans called the Orvelians Tessari, meaning hill people, after their villages. "
    "The envoys built a shrine called the Kovat of Anselm near the harbour."
)


def test_a_word_that_ends_a_longer_name_or_quotation_is_no_term():
    c = parsed(NOT_TERMS)
    assert _terms(c, "De motu") == []  # the gloss translates the whole title, not its last word
    assert _terms(c, "Lady of Zarvos") == []  # a closing quotation mark opens no gloss
    assert _terms(c, "Orrik") == []  # a person named is no term
    assert _terms(c, "Kovat") == []  # "called the Kovat of Anselm": the name goes on
    assert _terms(c, "Tessari") == ["Tessari"]  # "called A B": the name is B, not "A B"


def test_a_name_that_calls_something_is_not_its_other_name():
    from quizapp.generation.candidates.fill_in_answers import _aliases

    c = parsed(
        "In 1377 Anselm Varro finished the Tessarion, his history of the hill towns. "
        "Later the critic Piet Anvers called the Tessarion the finest book of its age. "
        "The Orvel Canal, also called the Old Cut, linked the towns."
    )
    aliases = _aliases(c, 0)
    assert "piet anvers" not in aliases  # "Anvers called X": he calls, he is not X
    assert "tessarion" not in aliases
    assert aliases["orvel canal"] == ["Old Cut"]  # ", also called" gives another name
