"""A pronoun or "the <noun>" that two things nearby could mean is left unresolved, and a name whose life the
document dates otherwise is not written in (texts made up for the tests)."""

import pytest

from quizapp.generation.definites import bare_definites
from quizapp.generation.pronouns import links, stand_alone

from ._articles import parsed, sentence


def _resolved(text, words, pronoun, titles=()):
    c = parsed(text, titles=titles)
    s = sentence(c, words)
    return next(link.antecedent for link in links(c, s) if link.word == pronoun)


def _definite(text, words, phrase):
    c = parsed(text)
    s = sentence(c, words)
    return {p.lower(): name for p, name in bare_definites(c, s)}.get(phrase, "absent")


ASTRONOMERS = (
    "Anders Brun was a Danish astronomer who built an observatory on the island of Sorø.\n\n"
    "In 1600 the young Niels Holt ({life}) joined him at the castle of Vedby. "
    "Niels Holt wrote that the old man refused to leave the table at a feast in Lund. "
    "He died on 24 October 1601 and was buried in Lund."
)


MAPMAKER = (
    "Sten Ulfeldt was a Danish mapmaker. He drew the coasts of Scania for the crown.\n\n{before} "
    "He died on 24 October 1601."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Holt is the subject before, but the article has him live until 1630: "Holt died in 1601" would be false
        (ASTRONOMERS.format(life="1571–1630"), None),
        (ASTRONOMERS.format(life="1571–1601"), "Niels Holt"),
        # "Sten" is Sten Ulfeldt, whatever the model made of the bare word: two men before "He died"
        (
            MAPMAKER.format(before="Sten fell ill in Lund in 1601; Rasmus Berg recorded that he had refused to leave."),
            None,
        ),
        (MAPMAKER.format(before="Rasmus Berg fell ill after a feast in Lund in 1601."), "Rasmus Berg"),
    ],
)
def test_he_is_left_unresolved_where_another_man_may_be_meant(text, expected):
    assert _resolved(text, "He died on", "he") == expected


SHIPS = (
    "Pieter Vos joined the ship Zeemeeuw in 1650 as its pilot.\n\n"
    "In June 1648 a Danish ship commanded by Jens Lund reached Bergen. "
    "Many sailors were killed by the ship's guns before the town surrendered."
)


def test_the_ship_is_not_an_older_name_when_another_ship_came_between():
    assert _definite(SHIPS, "Many sailors", "the ship") is None


def test_the_ship_is_the_one_named_ship():
    text = SHIPS.replace("a Danish ship commanded by Jens Lund", "Jens Lund")
    assert _definite(text, "Many sailors", "the ship") == "the ship Zeemeeuw"


CITIES = (
    "The ruins of Tolanco lie forty kilometres north of Vela City.\n\n"
    "By 300 CE Tolanco covered some twenty square kilometres.\n\n"
    "The city was laid out on a grid aligned with the mountains. Its main avenue runs for two kilometres."
)


def test_the_city_is_not_a_city_named_before_the_place_just_spoken_of():
    assert _definite(CITIES, "laid out on a grid", "the city") is None
    c = parsed(CITIES)
    s = sentence(c, "main avenue")
    assert stand_alone(c, s, "Its main avenue runs for two kilometres.") is None


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "Vela City was founded by the Spanish.\n\nThe city was laid out on a grid aligned with the mountains.",
            "laid out on a grid",
            "Vela City",
        ),
        # the sentence itself names a town before "the city": that one, as likely as not
        (
            "Vela City was founded by the Spanish.\n\n"
            "Raiders seized Tolanco in 1433, and the army of Koro took the city in 1468.",
            "Raiders",
            None,
        ),
        # a name of several cities is no name for one
        (
            "Traders crossed to the river cities of Gao and Tolanco in 1300. In 1468 the army of Koro took the city.",
            "took the city",
            None,
        ),
    ],
)
def test_the_city_is_the_one_city_named_and_nothing_nearer(text, words, expected):
    assert _definite(text, words, "the city") == expected
