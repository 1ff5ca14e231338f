"""A question is read alone (issue #15): a "the <noun>" that a clause speaks of names its referent or makes no
question, "it" is never a person, and a timeline's line keeps its date and is asked wholly in the past, or makes
no question. (Texts made up for the tests.)"""

from __future__ import annotations

import pytest

from quizapp.generation.definites import resolve_context
from quizapp.generation.pronouns import links

from ._articles import parsed, sentence


@pytest.mark.parametrize(
    ("text", "words", "prompt", "key", "phrase"),
    [
        # the sentence's cut clause names what "the land" is: the prompt does not show it
        (
            "Wool merchants settled the Harrow Downs in the 1690s. Drovers moved onto Kell Country from the 1730s, "
            "and the land was fought over during what farmers call the Fence Wars, which lasted into the 1750s.",
            "fought over",
            "The land was fought over during what farmers call the Fence Wars, which lasted into the _____.",
            "1750s",
            "the land",
        ),
        # an inverted passive: "accepted" hung on the noun identifies nothing, and a principle is one argued before
        (
            "Dr Anna Veit argued in 1851 that boiling the instruments saved patients. Her colleagues mocked her. "
            "Only after Peter Orm's work on fevers in 1870 was the principle widely accepted.",
            "widely accepted",
            "Only after Peter Orm's work on fevers in _____ was the principle widely accepted.",
            "1870",
            "the principle",
        ),
        # an adverb grading the adjective ("much larger") still says nothing of which project
        (
            "King Osric dug a short canal at Vell in 1201. "
            "The much larger project is associated with his son Edric, who became king in 1210.",
            "much larger",
            "The much larger project is associated with his son _____, who became king in 1210.",
            "Edric",
            "larger project",
        ),
        # an apposition with "a" says what, not which ("the occupation, a revolt" as the parser reads it)
        (
            "1864 - A Varran squadron seizes the Tell Islands, the heart of the salt trade. "
            "The occupation leads to a treaty in 1865, a revolt in Orvel, and war with Varra, which ends in 1866.",
            "occupation leads",
            "The occupation led to a treaty in 1865, a revolt in Orvel, and war with _____.",
            "Varra",
            "occupation",
        ),
        # a comparative is "than the one told before"
        (
            "Traders used a path along the coast of Orvel. The shorter route crossed the Vell hills after 1650.",
            "shorter route",
            "The shorter route crossed the _____ after 1650.",
            "Vell hills",
            "shorter route",
        ),
    ],
)
def test_a_definite_whose_referent_the_prompt_does_not_show_makes_no_question(text, words, prompt, key, phrase):
    c = parsed(text)
    _, problem = resolve_context(c, [sentence(c, words)], prompt, key)
    assert problem is not None
    assert phrase in problem.lower()


def test_it_does_not_mean_a_noun_a_person_is_named_in_apposition_to():
    c = parsed(
        "The northern colony was abandoned first. "
        "A Danish cleric, Olaf Renn, later described an expedition that found its farms empty, with only sheep "
        "running wild."
    )
    s = sentence(c, "its farms")
    its = next(link for link in links(c, s) if link.word == "its")
    assert its.seen != "cleric"
    assert its.antecedent is None


CHRONICLE = (
    "1702 - The guild of Orvel opens a cloth hall.\n"
    "1705 - Duke Anselm besieges Orvel.\n"
    "1711 - The cloth hall burns down.\n"
    "By the 1720s - The river silts up.\n"
    "Prices fall as Flemish cloth and Varran linen compete.\n"
)


def test_an_undated_line_of_a_chronology_told_in_the_present_makes_no_question():
    c = parsed(CHRONICLE)
    s = sentence(c, "Prices fall")
    _, problem = resolve_context(c, [s], "Prices fall as _____ and Varran linen compete.", "Flemish cloth")
    assert problem is not None
    assert "no date" in problem


ENTRIES = (
    "The Orvel bridge: a timeline\n"
    "1702 - The guild of Orvel opens a cloth hall.\n"
    "1705 - Duke Anselm besieges Orvel with 3,000 men.\n"
    "1711 - The old ship Marten sinks in the river.\n"
    "1866 - The barge Heron recovers the lost 1711 anchor from the river bed and carries it to Orvel.\n"
    "1898 - While masons are building a bridge over the Vell, two bears kill a number of workers, and many "
    "carpenters flee.\n"
    "1903\n"
    "The English traveller Hans Ebb, in Orvel in 1903-04, records that building has begun.\n"
    "1905\n"
    "The Dutch merchant Jan Rolf, in Orvel in 1905-06, pays a ransom to Duke Anselm.\n"
)


@pytest.mark.parametrize(
    ("words", "prompt", "key", "expected"),
    [
        # a year describing a thing ("the lost 1711 anchor") does not date the statement: the entry's date does
        (
            "recovers",
            "The barge _____ recovers the lost 1711 anchor from the river bed and carries it to Orvel.",
            "Heron",
            "In 1866, the barge _____ recovered the lost 1711 anchor from the river bed and carried it to Orvel.",
        ),
        # a verb the parser read as a noun after "and" ("carpenters flee") goes into the past with the others
        (
            "carpenters flee",
            "While masons are building a bridge over the _____, two bears kill a number of workers, and many "
            "carpenters flee.",
            "Vell",
            "In 1898, while masons were building a bridge over the _____, two bears killed a number of workers, "
            "and many carpenters fled.",
        ),
        # the entry's date line dates it, though no date leads the prompt
        (
            "records that",
            "The English traveller _____, in Orvel in 1903-04, records that building has begun.",
            "Hans Ebb",
            "The English traveller _____, in Orvel in 1903-04, recorded that building had begun.",
        ),
    ],
)
def test_a_timeline_entry_is_asked_wholly_in_the_past(words, prompt, key, expected):
    c = parsed(ENTRIES)
    assert resolve_context(c, [sentence(c, words)], prompt, key) == (expected, None)


def test_an_entry_left_in_the_present_makes_no_question_whether_or_not_a_date_leads_it():
    c = parsed(ENTRIES)
    s = sentence(c, "pays a ransom")
    # "pays" has two pasts ("paid", "payed") and the text shows neither: it cannot be put in the past with certainty
    _, problem = resolve_context(
        c, [s], "The Dutch merchant _____, in Orvel in 1905-06, pays a ransom to Duke Anselm.", "Jan Rolf"
    )
    assert problem == "a dated statement left in the present tense"


@pytest.mark.parametrize(
    ("text", "words", "prompt", "key"),
    [
        # a superlative says which one: "the most famous text" is no "the much larger project"
        (
            "Scribes of Orvel wrote on clay and stone. The most famous early text is the hymn on the tomb of King "
            "Edric, found in 1923.",
            "most famous",
            "The most famous early text is the hymn on the tomb of King Edric, found in _____.",
            "1923",
        ),
        # a phrase set beside a name says who it is, whatever the clause the prompt left out names
        (
            "In Rome, Anna Veit wrote a dialogue. Worse, in Orvel she gave Piet, the weakest speaker, an "
            "argument of Duke Osric.",
            "weakest speaker",
            "She gave _____, the weakest speaker, an argument of Duke Osric.",
            "Piet",
        ),
    ],
)
def test_a_definite_that_says_which_one_is_kept(text, words, prompt, key):
    c = parsed(text)
    assert resolve_context(c, [sentence(c, words)], prompt, key)[1] is None
