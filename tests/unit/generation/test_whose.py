"""Relational nouns ("the side wings", "Fragments") get "of <the article's subject>" written in when the question
leaves the complement out. (Texts made up for the tests.)"""

from __future__ import annotations

import pytest

from quizapp.generation.definites import resolve_context
from quizapp.generation.setting import document_subject

from ._articles import parsed, sentence

ALTARPIECE = (
    "The Varno Altarpiece was painted for the church of Saint Bavo in Kess between 1420 and 1432. "
    "Pilgrims came to see the Varno Altarpiece, which has twelve panels and hinged shutters. "
    "In 1821 the side wings were bought for the collection of the king of Dorrel. "
    "Fragments began to reach dealers in Osel in the 1860s. "
    "The members of the guild of Kess paid for a new frame in 1850. "
    "Members met in the chapel every year. "
    "A painter of Osel made a copy with a crypt scene, and the frame carried a gilded crown. "
    "World demand was rising, because churches in Osel wanted copies. "
    "Pilgrims told the story that Piet Varo had gone blind. "
    "The north tower of Kess carried the spire until 1506. "
    "In 1920 the Varno Altarpiece returned to Kess, and the city celebrated for a week."
)


@pytest.mark.parametrize(
    ("words", "prompt", "expected"),
    [
        ("side wings", "In _____ the side wings were bought for the collection of the king of Dorrel.",
         "In _____ the side wings of the Varno Altarpiece were bought for the collection of the king of Dorrel."),
        ("Fragments", "Fragments began to reach dealers in _____ in the 1860s.",
         "Fragments of the Varno Altarpiece began to reach dealers in _____ in the 1860s."),
        # the article writes "the members of the guild": bare "Members" may be the guild's
        ("met in the chapel", "Members met in the _____ every year.", "Members met in the _____ every year."),
        # demand is for something, not of the altarpiece: not in the table, left as it is
        ("World demand", "World demand was rising, because churches in _____ wanted copies.",
         "World demand was rising, because churches in _____ wanted copies."),
        # a clause says which story: "the story of the Varno Altarpiece that ..." would be wrong
        ("gone blind", "Pilgrims told the story that Piet Varo had gone _____.",
         "Pilgrims told the story that Piet Varo had gone _____."),
        # what the sentence's subject has is its own: the tower's spire
        ("north tower", "The north tower of Kess carried the spire until _____.",
         "The north tower of Kess carried the spire until _____."),
    ],
)  # fmt: skip
def test_a_relational_noun_gets_the_articles_subject(words, prompt, expected):
    c = parsed(ALTARPIECE, titles=("The Varno Altarpiece",))
    assert resolve_context(c, [sentence(c, words)], prompt)[0] == expected


def test_no_subject_no_rewrite_and_a_person_has_no_parts():
    c = parsed(ALTARPIECE, titles=("Paintings of the North",))
    prompt = "Fragments began to reach dealers in _____ in the 1860s."
    assert resolve_context(c, [sentence(c, "Fragments")], prompt) == (prompt, None)
    life = (
        "Piet Varo was born in Kess in 1801. Piet Varo trained as a painter in Osel. "
        "In 1840 the side wings were bought by the king of Dorrel. Piet Varo died in 1860."
    )
    c = parsed(life, titles=("Piet Varo",))
    prompt = "In _____ the side wings were bought by the king of Dorrel."
    assert resolve_context(c, [sentence(c, "side wings")], prompt) == (prompt, None)


def test_a_title_in_capitals_is_named_as_a_sentence_of_the_body_writes_it():
    text = (
        "The Osel Mysteries were rites held at Kess every autumn. "
        "Initiates swore to keep the Mysteries secret. Few writers describe the Mysteries in full."
    )
    subject = document_subject(parsed(text, titles=("OSEL MYSTERIES",)), 0)
    assert subject is not None
    assert subject.text == "the Osel Mysteries"


def test_a_name_of_the_form_x_of_y_is_counted_by_its_first_noun():
    text = (
        "The Code of Varo is a collection of laws from Kess. Kings of Osel copied the code for centuries, "
        "and scribes learned to write from the code. Today the Code of Varo stands in a museum in Dorrel."
    )
    subject = document_subject(parsed(text, titles=("Code of Varo",)), 0)  # "the code", not "the Varo", is its head
    assert subject is not None
    assert (subject.text, subject.head) == ("the Code of Varo", "code")


def test_an_event_has_no_ruins():
    text = (
        "The Kess Earthquake struck the port of Kess on 1 November 1755. Fires spread through the ruins for days. "
        "Preachers called the Kess Earthquake a punishment, and the Kess Earthquake changed how Osel built houses."
    )
    c = parsed(text, titles=("The Kess Earthquake",))
    assert document_subject(c, 0) is not None
    prompt = "Fires spread through the ruins for _____."
    assert resolve_context(c, [sentence(c, "Fires spread")], prompt)[0] == prompt


def test_the_walls_are_not_written_as_of_an_epidemic():
    c = parsed(
        "In 1346 the Grey Death swept Varnia. Within a year the Grey Death had killed a third of the people. "
        "Merchants carried the Grey Death along the trade roads. Besiegers catapulted the bodies of the dead over "
        "the walls.",
        titles=("4.2 The Grey Death",),
    )
    s = sentence(c, "catapulted")
    prompt, _ = resolve_context(c, [s], "_____ catapulted the bodies of the dead over the walls.", "Besiegers")
    assert "of the Grey Death" not in prompt
