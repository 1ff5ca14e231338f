"""Fill-ins that give their answer away or admit another (issue #15, round 27; texts made up for the tests): the
country a whole article stands on, a name of the stem built on the key's name, a decade the stem's own years date,
and a decade's blank that says it wants a decade."""

import pytest

from quizapp.generation import guards
from quizapp.generation.candidates.fill_in import decade_blank
from quizapp.generation.giveaways import name_built_on, shared_name_word, year_of_decade
from quizapp.generation.pipeline import analyse
from quizapp.generation.setting import named_throughout
from quizapp.generation.textutil import MAX_PROMPT_WORDS, word_count

from ._articles import clean
from .test_fill_in_answers import _fill_ins
from .test_guards import _mc


@pytest.mark.parametrize(
    ("prompt", "key", "built"),
    [
        ("In 1928, the _____ began Brandtlândia, a plantation town, to grow rubber for its cars.",
         "Brandt Motor Company", "Brandtlândia"),
        ("The shrine stands in the old quarter of Kelmo, near the modern capital, in _____.", "Kelmoria", "Kelmo"),
    ],
)  # fmt: skip
def test_a_name_of_the_stem_built_on_the_key(prompt, key, built):
    assert name_built_on(prompt, key) == built
    bad = _mc(prompt=prompt, answer=key, options=(key, "Osterland", "Veldmark", "Tarn"))
    assert "built on it" in (guards.key_not_in_prompt(bad) or "")


@pytest.mark.parametrize(
    ("prompt", "key"),
    [
        ("In 1902, the _____ of the East Protectorate was moved to Tarn.", "Eastern Province"),  # a dictionary word
        ("In 1840 Johnson wrote to _____ about the mill.", "John Tyndale"),  # a given name
        ("The fleet sailed from Tarn to _____.", "Karvonia"),  # nothing built on it
    ],
)
def test_no_name_built_on_the_key(prompt, key):
    assert name_built_on(prompt, key) is None


def test_a_polity_head_is_no_family_name():
    prompt = "The adviser said to have helped Chandra Velmaurya found the _____ in the fourth century BCE."
    assert shared_name_word(prompt, "Velmaurya Empire") == "Velmaurya"
    assert shared_name_word("In 1840 Karl met _____.", "Karl Velmaurya") is None  # a given name stays one


def test_the_stem_s_years_date_the_decade():
    famine = "In the _____ famines struck Tarn in 1843–1844 and Osk around 1849–1850."
    assert year_of_decade(famine, "1840s") == "1843"
    assert year_of_decade(famine, "the 1860s") is None
    assert year_of_decade("Tarn became Christian in the _____; its bishop came in 864.", "860s") == "864"
    assert year_of_decade("Tarn became Christian in the _____; its bishop came in 1864.", "860s") is None
    assert year_of_decade("In the _____ famines struck Tarn in 1843.", "Osk") is None
    assert "dates the decade" in (guards.key_not_in_prompt(_mc(prompt=famine, answer="1840s",
                                  options=("1840s", "1850s", "1860s", "1870s"))) or "")  # fmt: skip


@pytest.mark.parametrize(
    ("prompt", "hinted"),
    [
        ("In _____, prisoners were shipped to Tarn.", "In the _____ (decade), prisoners were shipped to Tarn."),
        ("Osk became Christian in the _____ under Boris.", "Osk became Christian in the _____ (decade) under Boris."),
        ("Osk had won independence in the _____.", "Osk had won independence in the _____ (decade)."),
        ("In the _____ (decade), Osk grew.", "In the _____ (decade), Osk grew."),
    ],
)  # fmt: skip
def test_a_decade_blank_says_it_wants_a_decade(prompt, hinted):
    assert decade_blank(prompt) == hinted


# A life of a made-up chronicler: he is named in most sentences, Peru in four of fourteen (more than 6%), the Andes
# as often (so neither is the setting by the count of places).
CHRONICLER = (
    "Tomas Quillo was a chronicler of the southern Andes. "
    "Quillo was born in 1560 in a village of Peru. "
    "As a young man Quillo served a priest in Quito. "
    "Quillo learned to read and write in Quito. "
    "Quillo travelled through the provinces of Peru for twenty years. "
    "Quillo drew pictures of the roads and mines of the Andes. "
    "In 1603 Quillo sent a long letter from Quito to the king. "
    "The letter described the abuses of officials in Peru. "
    "Quillo asked the king to protect the villagers of the Andes. "
    "The king never answered Quillo. "
    "The letter was found in a library in 1908. "
    "Quillo is remembered in Peru as a defender of the villagers. "
    "Quillo died in Quito in 1616. "
    "Scholars of the Andes still read Quillo's letter today."
)


def test_the_country_an_article_stands_on_is_no_blank():
    corpus, _ctx, _report = analyse([clean("quillo.txt", "Tomas Quillo\n\n" + CHRONICLER)], None, None)
    assert named_throughout(corpus, 0, "Peru", "place", "country")
    assert not named_throughout(corpus, 0, "Quito", "place", "city")  # a city, in fewer than five sentences
    assert not named_throughout(corpus, 0, "Tomas Quillo", "person", "")
    keys, _ctx = _fill_ins(CHRONICLER)
    assert "Peru" not in keys
    assert "Tomas Quillo" in keys


def test_a_word_standing_for_a_noun_is_no_term():
    keys, _ctx = _fill_ins(
        "Three towns grew on the salt road across the desert. "
        "One was a market town with twelve mosques, where merchants and scholars lived. "
        "One was a market town with a famous well."
    )
    assert "One" not in keys


def test_the_decade_hint_is_no_word_of_the_stem():
    words = " ".join(["Osk"] + ["grew"] * (MAX_PROMPT_WORDS - 4)) + " in the _____."
    assert word_count(words) == MAX_PROMPT_WORDS
    hinted = _mc(prompt=decade_blank(words), answer="1840s", options=("1840s", "1850s", "1860s", "1870s"))
    assert guards.prompt_length(hinted) is None
    unnamed = _mc(prompt=decade_blank("From the _____ Nok sculpture became prized by collectors."), answer="1990s")
    assert guards.has_context(unnamed) is None  # "Nok" after the hint still names something
