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


LIFE = (
    "Anselm Varro was born in Orvel in 1702, the son of a cloth merchant. He studied law at Kesh. "
    "He married a weaver's daughter in 1730. Anselm Varro moved to the hill town of Tessa in 1735.\n\n"
    "A quarrel with the guild made Varro famous. He drafted the Tessarion in 1740.\n\n"
    "A letter from the bishop Orso Lind praised Varro. He printed the Tessarion in 1744."
)


def test_he_after_a_thing_that_names_only_the_life_s_person_is_that_person():
    from quizapp.generation.pronouns import stand_alone

    c = parsed(LIFE, titles=("Anselm Varro (1702-1761)",))
    s = sentence(c, "drafted the Tessarion")
    assert stand_alone(c, s, "He drafted the _____ in 1740.", "Tessarion") == "Anselm Varro drafted the _____ in 1740."


def test_he_after_a_sentence_that_names_another_person_too_stays_unresolved():
    from quizapp.generation.pronouns import stand_alone

    c = parsed(LIFE, titles=("Anselm Varro (1702-1761)",))
    s = sentence(c, "printed the Tessarion")
    assert stand_alone(c, s, "He printed the _____ in 1744.", "Tessarion") is None
