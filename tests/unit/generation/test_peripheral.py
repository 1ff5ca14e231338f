"""Names on the edge of a sentence and statements with nothing to get wrong (issue #15, round 14; made-up texts).

A place named once as the scene of a noun or an aside, a person named once by a role that serves another's act,
and a true statement that only announces a theme make no question.
"""

from quizapp.generation.analysis import parse_corpus
from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.true_false import true_false_candidates
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.entities import repair_kinds
from quizapp.generation.nlp import get_nlp

from ._articles import clean
from .test_worth import _keys

TEXT = (
    "Veldmark, at the mouth of the Oster, had a poor harbour, and the grain ships unloaded at Brugeton. "
    "The Salm river, which flowed from Mount Kessel through Brugeton, carried gold dust. "
    "In 1710 the guild of Veldmark built a new hall at Brugeton, designed by the architect Pieter Aalst. "
    "In 1712 the council of Veldmark moved its treasury to Brugeton. "
    "In 1713 the guild of Veldmark lost many men in the massacre at Linz. "
    "In 1714 the council of Veldmark bought the hall from the merchant Henrik Dalberg. "
    "In 1715 Marta Weil founded a bank at Tarvik. Marta Weil lent money to the council of Veldmark in 1720."
)


def test_a_place_named_once_as_the_scene_of_something_else_is_no_key():
    keys, rejected = _keys(TEXT)
    asked = {k for _, k in keys}
    assert not asked & {"Oster", "Mount Kessel"}  # the river at the port's mouth, where another river rose
    assert "Tarvik" in asked  # where the sentence's own act happened
    assert "Linz" in asked  # the place of an event is part of the event
    assert rejected["peripheral_name"] >= 2


def test_a_person_named_once_in_a_service_role_is_no_key():
    keys, _ = _keys(TEXT)
    asked = {k for _, k in keys}
    assert "Pieter Aalst" not in asked  # the architect of a hall the sentence is about
    assert "Henrik Dalberg" in asked  # a party to the sentence's own act


def test_a_topic_sentence_makes_no_true_statement():
    text = (
        "Jonas Weil is remembered above all for his love of maps. Jonas Weil gathered scholars of several schools. "
        "The place of Jonas Weil in the history of Veldmark has been argued over. "
        "Jonas Weil printed the first atlas of Flanders at Brugeton in 1760."
    )
    corpus = parse_corpus([clean("s.txt", "Title\n\n" + text)], get_nlp())
    repair_kinds(corpus)
    ctx = Context(corpus, DistractorIndex(corpus))
    made = {s.text: true_false_candidates(ctx, s) for s in corpus.sentences}

    def of(word):
        return next(made[t] for t in made if word in t)

    assert not of("remembered")
    assert not of("several")
    assert not of("argued")
    assert of("printed")  # a fact a false version contradicts


def test_the_place_of_the_sentences_own_subject_stays_a_key():
    text = (
        "The ministry signed a trade treaty with the republic of Veldmark in 1922. "
        "A joint poison gas plant in Ostwick was closed after two years. "
        "In 1925 the council of Veldmark sold the land at Brugeton to Marta Weil."
    )
    keys, _ = _keys(text)
    assert "Ostwick" in {k for _, k in keys}  # where the thing the sentence tells of stood
