"""Who held which view: "Who claimed that ...?" with the article's other scholars as options, never padded with
people who state no view. (Texts made up for the tests.)"""

from __future__ import annotations

import pytest

from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.debates import debate_candidates
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.guards import first_failure

from ._articles import parsed, sentence

DEBATE = (
    "In 1702 the royal tax collector Piet Anvers claimed that the river trade of Orvel had not really declined. "
    "The historian Klara Haldsson has argued that the guilds of Orvel kept prices high for a century. "
    "The economist Jan Orrik replied that the guilds had little power after 1700. "
    "The scholar Marta Venn doubted both accounts. "
    "King Anselm ruled Orvel from 1690 to 1720."
)


def _views(text):
    c = parsed(text)
    ctx = Context(c, DistractorIndex(c))
    return [x for s in c.sentences for x in debate_candidates(ctx, s)], c


def test_a_view_a_named_scholar_states_is_asked_with_the_other_scholars_as_options():
    made, _ = _views(DEBATE)
    by_key = {x.key: x for x in made}
    q = by_key["Piet Anvers"].draft
    assert q.prompt == "In 1702, who claimed that the river trade of Orvel had not really declined?"
    assert sorted(q.options) == ["Jan Orrik", "Klara Haldsson", "Marta Venn", "Piet Anvers"]
    assert "King Anselm" not in q.options  # a king states no view here: no option for a thesis
    assert first_failure(by_key["Piet Anvers"]) is None
    assert by_key["Klara Haldsson"].draft.prompt.startswith("Who has argued that the guilds of Orvel")


def test_too_few_scholars_make_no_question():
    made, _ = _views(DEBATE.replace("The scholar Marta Venn doubted both accounts. ", ""))
    assert made == []  # two other people state views: three wrong options would need padding


def test_a_view_with_a_pronoun_is_not_asked():
    from quizapp.generation.candidates.debates import view_clause

    c = parsed("The guilds of Orvel were rich. The historian Klara Haldsson has argued that they kept prices high.")
    s = sentence(c, "has argued")
    verb = next(t for t in s.span if t.lemma_ == "argue")
    assert view_clause(s, verb) is None  # "they" written out by guess may name the wrong thing


def test_a_thing_that_shows_something_is_no_scholar():
    made, _ = _views(DEBATE.replace("King Anselm", "The Orvel Tapestry shows the guild halls. King Anselm"))
    q = next(x for x in made if x.key == "Piet Anvers").draft
    assert "Orvel Tapestry" not in q.options  # "the tapestry shows" is a scholar's verb, but no one's name


@pytest.mark.parametrize(
    ("holders", "asked"),
    [
        ("Later historians, such as Marta Venn, have argued", "Who has argued"),
        ("Historians such as Marta Venn argue", "Who argues"),  # the verb agrees with the one named
    ],
)
def test_a_view_held_by_scholars_such_as_one_named_is_asked_with_that_name(holders, asked):
    text = DEBATE.replace(
        "The scholar Marta Venn doubted both accounts. ",
        f"{holders} that the guilds of Orvel welcomed foreign traders. ",
    )
    made, _ = _views(text)
    q = next(x for x in made if x.key == "Marta Venn").draft
    assert q.prompt == f"{asked} that the guilds of Orvel welcomed foreign traders?"
    assert sorted(q.options) == ["Jan Orrik", "Klara Haldsson", "Marta Venn", "Piet Anvers"]


def test_a_view_of_scholars_naming_two_people_is_not_asked_of_one():
    text = DEBATE.replace(
        "The scholar Marta Venn doubted both accounts. ",
        "Historians such as Marta Venn and Ola Brenn argue that the guilds of Orvel welcomed foreign traders. ",
    )
    made, _ = _views(text)
    assert not [x for x in made if "welcomed" in x.draft.prompt]


def test_the_wrong_options_are_people_written_as_scholars_before_people_who_only_wrote():
    text = DEBATE + (
        " The poet Amin Orla wrote a long poem about the guilds. "
        "The merchant Dirk Volle wrote letters to his brother in Orvel. "
        "The traveller Hugo Sarn published a diary of his journey."
    )
    made, _ = _views(text)
    q = {x.key: x for x in made}["Piet Anvers"].draft
    assert sorted(q.options) == ["Jan Orrik", "Klara Haldsson", "Marta Venn", "Piet Anvers"]
