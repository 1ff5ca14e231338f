"""Sentences a guard refused for their form though they state one checkable fact (issue #15, density: "at least
15 questions per 1,000 words"). Texts made up for the tests."""

from __future__ import annotations

from quizapp.generation.clauses import run_on

from ._articles import parsed, sentence

WHEN = (
    "When the duke of Brisk died in 1388, the town of Varro passed to his nephew Otto. "
    "The guild hall burned in 1402, when a lamp fell into the straw of the market. "
    "The harbour silted up, the merchants moved to Lenz."
)


def test_a_when_clause_is_subordinate_not_spliced():
    # the model tags "when" an adverb (not a subordinating mark): the clause still depends on the main one
    corpus = parsed(WHEN)
    assert not run_on(sentence(corpus, "When the duke"))
    assert not run_on(sentence(corpus, "guild hall"))


def test_a_comma_splice_is_still_a_run_on():
    assert run_on(sentence(parsed(WHEN), "silted"))
