"""Fill-ins that take the fair answer (quality v12, round 13): the fuller name the article gives a person named by
a given name, the surname after initials, the law named after a body, the substance of its form, and the name a
place had before or since."""

import pytest

from .test_fill_in_answers import _fill_ins
from .test_fill_in_answers_fair import TEXT, _answers


def test_a_given_name_accepts_the_one_full_name_the_article_writes():
    text = (
        "The painter Hubert van Orle began the panel. Piet van Orle finished it in 1432. "
        "In 1550 a biographer credited Piet with inventing the glaze."
    )
    assert "Piet van Orle" in _answers(text, "Piet", "person", nth=1)
    two = text + " Piet Haskel, a rival, disputed the claim."
    assert "Piet van Orle" not in _answers(two, "Piet", "person", nth=1)  # which Piet, the given name leaves open


@pytest.mark.parametrize(
    ("text", "key", "surname", "spoiler"),
    [
        # initials go before a surname, however common the word: not where two men share it
        (
            "Raiders advised by officers including T. E. Marshall blew up bridges in 1917. Vask stayed in Medina.",
            "T. E. Marshall",
            "Marshall",
            " His brother A. W. Marshall served in Cairo.",
        ),
        # a common word after a given name is a surname: not where the article uses it as its own noun
        (
            "In May 1854 the investors, including Peter Baker, obtained a charter. The line opened in 1858.",
            "Peter Baker",
            "Baker",
            " The village baker sold bread to the crews.",
        ),
    ],
)
def test_a_common_word_is_accepted_as_the_surname_it_is(text, key, surname, spoiler):
    keys, _ = _fill_ins(text)
    assert surname in keys[key]
    keys, _ = _fill_ins(text + spoiler)
    assert surname not in keys.get(key, [])


def test_a_body_accepts_the_one_law_named_after_it():
    text = (
        "The Treaty of Union joined Ostergau and Velm in 1707. "
        "The Union gave Velm's merchants access to the colonial trade of Ostergau."
    )
    assert "Treaty of Union" in _answers(text, "Union", "org", nth=1)
    assert "Treaty of Union" in _answers(text, "Union", "place", nth=1)  # "the Union" taken for a town
    battle = text + " The Battle of Union was fought in 1708."
    assert "Treaty of Union" not in _answers(battle, "Union", "org", nth=1)  # the name holds a battle too


def test_a_town_does_not_accept_the_treaty_signed_there():
    text = "The Treaty of Harlsburg ended the war in 1712. Envoys met in Harlsburg in May."
    assert "Treaty of Harlsburg" not in _answers(text, "Harlsburg", "place", nth=1)


def test_the_substance_is_accepted_for_the_form_it_comes_in():
    text = "In 1891 the colony exported 80 pounds of kola beans. Twenty years later farmers grew kola everywhere."
    assert "kola" in _answers(text, "kola beans", "term")
    only_before = "In 1891 the colony exported 80 pounds of kola beans. The kola trade grew fast."
    assert "kola" not in _answers(only_before, "kola beans", "term")  # never the goods alone
    mine = "The paintings were hidden in a salt mine. Salt was scarce in the valley."
    assert "salt" not in _answers(mine, "salt mine", "term")  # a mine is no form of salt


def test_a_place_accepts_the_name_it_has_now_or_had_before():
    text = (
        "Cocoa was grown on the island of Marrowby (now Veska) in the gulf. "
        "Harl worked on Marrowby before 1879. The town of Dask, today Ostra, grew fast."
    )
    assert "Veska" in _answers(text, "Marrowby", "place", nth=1)
    assert "Marrowby" in _answers(text, "Veska", "place")
    assert "Ostra" in _answers(text, "Dask", "place")


def test_the_curated_table_names_the_treaty_and_the_byname_one_way():
    from quizapp.generation.candidates.fill_in_answers import _variant_names

    assert "Act of Union" in _variant_names()["treaty of union"]
    assert "act of union" not in _variant_names()  # the Act of Union of 1800 is another law
    assert "Lawrence of Arabia" in _variant_names()["t. e. lawrence"]


def test_a_past_state_does_not_accept_the_state_on_its_land_today():
    text = "Harl was born near Dask (Velm Empire, present-day Ostra) in 1556. Dask was a city of the Velm Empire."
    assert "Ostra" not in _answers(text, "Velm Empire", "org", nth=1)


def test_a_title_accepts_the_short_name_the_article_calls_it_by():
    text = (
        "Harl began writing The Song of Velmor in 1001. "
        "The Velmor runs to fifty chapters. Readers in Dask copied the Velmor for centuries."
    )
    assert "Velmor" in _answers(text, "Song of Velmor", "place")
    never = "Harl began writing The Song of Velmor in 1001. The Velmor scrolls are treasures."
    assert "Velmor" not in _answers(never, "Song of Velmor", "place")  # only before another noun
    law = "The Treaty of Union joined Dask and Velm. The Union gave Velm's merchants the colonial trade."
    assert "Union" not in _answers(law, "Treaty of Union", "law")  # the body the treaty made


def test_a_river_named_after_its_kind_word_accepts_the_name_alone_and_back():
    text = "In 1703 there was no city at the mouth of the River Velka. Russian forces advanced along the Velka."
    assert "Velka" in _answers(text, "River Velka", "place")
    assert "River Velka" in _answers(text, "Velka", "place", nth=1)
    after = "The Dask River floods each spring. Farmers along the Dask sow in May."
    assert "Dask River" in _answers(after, "Dask", "place", nth=1)  # the article's own order


def test_a_ruler_with_his_realm_read_as_a_body_accepts_his_name_alone():
    assert {"Tarsin", "Tarsin I"} <= set(_answers(TEXT, "Tarsin of Ostergau Island", "org"))


def test_a_name_is_accepted_without_the_honorific_after_it():
    text = "In 1523 the sultan appointed his friend Harun Pasha as grand vizier. In 1536 Harun Pasha was executed."
    assert "Harun" in _answers(text, "Harun Pasha", "person", nth=1)
    two = text + " His rival Harun Bey governed Egypt."
    assert "Harun" not in _answers(two, "Harun Pasha", "person", nth=1)


def test_an_epithet_or_a_name_after_a_title_is_no_surname():
    keys, _ = _fill_ins("The bankers lent to Charles the Bold, who was killed in 1477. The bank failed in 1494.")
    assert "Bold" not in keys.get("Charles the Bold", [])
    keys, _ = _fill_ins("The empire under Sunni Ali took the river cities in 1468. Its armies grew large.")
    assert "Ali" not in keys.get("Sunni Ali", [])
