"""Fill-ins that take the short name the article itself uses (quality, round 15): a word of a person's name the
article writes alone, and a name without "Great" where the article writes it so; neither where another name of
the article holds the shorter form."""

from .test_fill_in_answers_fair import _answers


def test_a_person_accepts_a_word_of_his_name_the_article_writes_alone():
    text = (
        "In March the Velm captain Orsino Drellani Pask arrived with 300 archers. "
        "Drellani held the eastern gate until he was wounded."
    )
    assert "Drellani" in _answers(text, "Orsino Drellani Pask", "person")
    never = "In March the Velm captain Orsino Drellani Pask arrived with 300 archers. He held the eastern gate."
    assert "Drellani" not in _answers(never, "Orsino Drellani Pask", "person")


def test_a_word_of_a_name_another_person_holds_is_no_answer():
    text = (
        "In March the Velm captain Orsino Drellani Pask arrived with 300 archers. Drellani held the gate. "
        "His cousin Marco Drellani commanded the fleet."
    )
    assert "Drellani" not in _answers(text, "Orsino Drellani Pask", "person")


def test_a_name_accepts_itself_without_great_where_the_article_writes_it_so():
    text = (
        "The road descends into the Great Skarn Valley and climbs again to the pass. "
        "Herders were moved out of the Skarn Valley in 1904."
    )
    assert "Skarn Valley" in _answers(text, "Great Skarn Valley", "place")
    never = "The road descends into the Great Skarn Valley and climbs again to the pass."
    assert "Skarn Valley" not in _answers(never, "Great Skarn Valley", "place")
    other = text + " The Skarn Valley Company ran the herds."
    assert "Skarn Valley" not in _answers(other, "Great Skarn Valley", "place")


def test_a_given_name_before_a_particle_or_naming_a_place_is_no_answer():
    particle = "The canal was the work of the French diplomat Ferrand de Pask. He had no training as an engineer."
    assert "Ferrand" not in _answers(particle, "Ferrand de Pask", "person")
    place = "Velm Shi Dask ruled China from 221 BC. He was born in Velm, a kingdom in the west of China."
    assert "Velm" not in _answers(place, "Velm Shi Dask", "person")


def test_a_word_another_person_bears_after_a_title_is_no_answer():
    text = (
        "The shrine of the saint Shaikh Orren Vask stood near the new city. Orren was born there in 1569. "
        "Prince Orren later rebelled against his father."
    )
    assert "Orren" not in _answers(text, "Shaikh Orren Vask", "person")
