"""Fill-in answer lists after readers 23 and 24 (quality, round 28): the forms of a man's name the article itself
uses, letters English writes otherwise, a ruler's title given to a man of another office, and a name "known as"
that belongs to a quarter of the place, not the place."""

from quizapp.generation.candidates.fill_in_answers import latin_letters

from .test_fill_in_answers import _fill_ins


def test_a_titled_name_takes_the_short_forms_the_article_writes():
    text = (
        "In 1218 Orsi travelled to Velmark, where the young King Hakon ruled with the help of Earl Skarvi Bardarson. "
        "Orsi wrote a poem in praise of Hakon and Skarvi. There he sided with Earl Skarvi, who was moving towards "
        "rebellion. Skarvi's revolt failed in 1240."
    )
    answers = _fill_ins(text)[0]["Earl Skarvi Bardarson"]
    assert {"Skarvi", "Earl Skarvi", "Skarvi Bardarson"} <= set(answers)


def test_thorn_and_eth_are_written_in_english_letters():
    assert latin_letters("Sturla Þórðarson") == ["Sturla Thordarson"]
    assert latin_letters("Orsi Velm") == []


def test_no_popes_title_for_a_man_the_article_calls_emperor():
    text = (
        "Pope Hadrian II made Orsu archbishop of Velm. Pope John VIII later confirmed him. "
        "In 862 the prince sent an embassy to the Byzantine emperor Michael III. "
        "Michael III chose two brothers for the mission."
    )
    keys = _fill_ins(text)[0]
    assert not any("Pope Michael III" in answers for answers in keys.values())


def test_a_name_known_as_after_a_place_preposition_is_not_the_places():
    from quizapp.generation.analysis import parse_corpus
    from quizapp.generation.candidates.fill_in_answers import _aliases
    from quizapp.generation.nlp import get_nlp

    from .test_fill_in_answers import clean

    text = (
        "Title\n\nVelmor maintained relations with the great city of Orsavan in the north. "
        "A neighbourhood at Orsavan, known as the Kelby Barrio, contained Velm-style tombs. "
        "The town of Durn, known as Durnholt, paid a ransom."
    )
    aliases = _aliases(parse_corpus([clean("s.txt", text)], get_nlp()), 0)
    assert "orsavan" not in aliases  # the neighbourhood is the Kelby Barrio, not the city
    assert aliases["durn"] == ["Durnholt"]  # after "of", the town is Durn


def test_a_general_noun_is_no_answer_alone():
    text = (
        "Treaties with Velm's rulers in 1822 and 1845 restricted the export of enslaved people beyond the Sultan's "
        "East African dominions. The people of Velm resisted. Abolition was slow, and some enslaved people remained "
        "in bondage until 1909."
    )
    answers = _fill_ins(text)[0]["enslaved people"]
    assert "people" not in answers


def test_a_church_made_a_cathedral_keeps_its_church_name():
    text = (
        "Under Bishop Orsu, the Velm Mission built Kelby Church Cathedral on the spot in 1873. "
        "The building was completed around 1880."
    )
    keys = _fill_ins(text)[0]
    assert "Kelby Church" in keys["Kelby Church Cathedral"]
