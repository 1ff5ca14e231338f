"""Options of the key's fine kind, from the article's own evidence (issue #15; texts made up for the tests)."""

import pytest

from quizapp.generation.distractors import DistractorIndex, usable_key
from quizapp.generation.syntax import wh_word

from ._articles import mention as _mention
from ._articles import parsed


def test_a_role_the_article_gives_types_a_person_and_its_options():
    c = parsed(
        "The engineer Karl Brand built the bridge in 1850. The engineer Otto Hahn built the dam in 1852. "
        "King Ludwig II opened the line in 1853. The poet Anna Roth wrote about the dam in 1856. "
        "The engineer Paul Weiss built the tunnel in 1857. Emil Stern, an engineer, built the station in 1858. "
        "The merchant Johann Fust paid Karl Brand in 1861."
    )
    assert _mention(c, "Karl Brand", "bridge").fine == "person:engineer"
    assert _mention(c, "Emil Stern").fine == "person:engineer"  # an apposition says it too
    assert _mention(c, "Ludwig II").fine == "person:ruler"  # a ruler's number
    options = DistractorIndex(c).choose(_mention(c, "Karl Brand", "bridge"), "Karl Brand", 3)
    assert options is not None
    assert set(options) == {"Otto Hahn", "Paul Weiss", "Emil Stern"}  # no poet, king or merchant among engineers


def test_too_few_options_of_the_key_kind_make_no_question_rather_than_padding():
    c = parsed(
        "The poet Anna Roth wrote about the dam in 1856. The engineer Otto Hahn built the dam in 1852. "
        "The engineer Paul Weiss built the tunnel in 1857. Hugo Lind opened the dam in 1858. "
        "Clara Holm opened the tunnel in 1859. Max Ehrlich crossed the dam in 1860."
    )
    assert DistractorIndex(c).choose(_mention(c, "Anna Roth"), "Anna Roth", 3) is None  # the only poet


def test_the_articles_words_outrank_the_model_and_choose_the_question_word():
    c = parsed(
        "Egypt fell to Ptolemy in 305 BC. Ptolemy I founded the library. His son Ptolemy II enlarged it. "
        "Merchants traded on the island of Tarvik in 1300. The island of Orsa was taken in 1306."
    )
    ptolemy = _mention(c, "Ptolemy", "fell")
    assert ptolemy.kind == "person"  # "fell to Ptolemy" reads like a place; "Ptolemy I" is a king
    assert wh_word(ptolemy) == "Who"
    assert wh_word(_mention(c, "Tarvik")) == "Which island"


def test_an_island_is_no_option_for_a_town_nor_a_town_for_an_island():
    c = parsed(
        "Merchants traded on the island of Tarvik in 1300. They sailed to Hamburg in 1301. Merchants from "
        "Bremen came in 1302. The fleet came to Lübeck in 1305. The island of Orsa was taken in 1306. "
        "The fleet sailed to Rostock in 1311. Traders came from Kiel in 1312."
    )
    index = DistractorIndex(c)
    town = index.choose(_mention(c, "Hamburg"), "Hamburg", 3)
    assert town is not None
    assert not {"Tarvik", "Orsa"} & set(town)
    assert index.choose(_mention(c, "Tarvik"), "Tarvik", 3) is None  # one other island: no question


def test_a_place_that_holds_the_key_or_lies_outside_the_stems_region_is_no_option():
    c = parsed(
        "The fleet reached Kelby, a town in Mossland, in 1310. The fleet reached Mossland in 1309. The "
        "envoys met in Hamburg in 1311. The envoys met in Bremen in 1312. The envoys met in Rostock in 1313. "
        "The envoys met in Danzig in 1314. A fort was built at Lübeck in Germany in 1315."
    )
    index = DistractorIndex(c)
    assert "mossland" in c.cache["inside"]["kelby"]
    wrong = index.choose(_mention(c, "Kelby", "town"), "Kelby", 3) or []
    assert "Mossland" not in wrong  # the region holding the town: also true
    mossland = index.choose(_mention(c, "Mossland", "1309"), "Mossland", 3) or []
    assert "Kelby" not in mossland  # a town inside the key's region: also true
    # "a fort at _____ in Germany": a town the place list puts in another country is ruled out by the stem
    c2 = parsed(
        "A fort was built at Lübeck in Germany in 1315. The envoys met in Hamburg in 1311. The envoys met "
        "in Paris in 1312. The envoys met in Bremen in 1313. The envoys met in Rostock in 1314. The envoys "
        "met in Kiel in 1316."
    )
    wrong = DistractorIndex(c2).choose(_mention(c2, "Lübeck"), "Lübeck", 3)
    assert wrong is not None
    assert "Paris" not in wrong


def test_a_name_the_stem_prints_is_no_option():
    text = (
        "The envoys met in Hamburg in 1311. The envoys met in Bremen in 1312. The envoys met in Rostock in 1313. "
        "The envoys met in Riga in 1314."
    )
    prompt = "After the meeting in Hamburg, where did the envoys meet in 1312?"
    c = parsed(text)
    # the stem's own name taken away, two towns are left: no question rather than a padded one
    assert DistractorIndex(c).choose(_mention(c, "Bremen"), "Bremen", 3, prompt=prompt) is None
    c = parsed(text + " The envoys met in Kiel in 1315.")
    wrong = DistractorIndex(c).choose(_mention(c, "Bremen"), "Bremen", 3, prompt=prompt)
    assert wrong is not None
    assert "Hamburg" not in wrong


def test_a_value_the_corpus_gives_for_the_same_slot_is_no_option():
    c = parsed(
        "Wallace Brook edited the Clarion magazine. Later Nora Vance edited the Clarion magazine too. "
        "Ida Kern wrote poems in 1922. Ruth Hale painted murals in 1923. Tom Orr sang in clubs in 1924. "
        "Max Dorn sold paintings in 1926."
    )
    wrong = DistractorIndex(c).choose(_mention(c, "Wallace Brook"), "Wallace Brook", 3)
    assert wrong is not None
    assert "Nora Vance" not in wrong  # she edited it too: a second right answer


def test_years_stay_inside_the_articles_window_and_other_articles_need_a_shared_topic():
    a = "Hans Vogt built the mill at Ennis in 1801. The mill at Ennis burned in 1805. Hans Vogt sold the mill in 1810."
    other = "The railway reached Quebec in 1851. The bridge at Quebec opened in 1859. The port of Quebec grew in 1867."
    c = parsed(a, other)
    assert DistractorIndex(c).choose(_mention(c, "1805"), "1805", 3) is None  # another article, on another subject
    same = "Hans Vogt came to Ennis in 1803. Hans Vogt left Ennis in 1808. Hans Vogt died at Ennis in 1851."
    c = parsed(a, same)
    wrong = DistractorIndex(c).choose(_mention(c, "1805"), "1805", 3)
    assert wrong is not None
    assert "1803" in wrong  # an article on the same mill and man
    assert "1851" not in wrong  # after the last year the key's article tells of


def test_a_places_other_name_is_no_wrong_option_for_it():
    c = parsed(
        "In 1868 the town of Kelby was renamed Mossburg. The envoys met in Kelby in 1869. The envoys met in "
        "Hamburg in 1870. The envoys met in Bremen in 1871. The fleet reached the town of Mossburg in 1873. "
        "The envoys met in Riga in 1874."
    )
    key = _mention(c, "Kelby", "envoys")
    wrong = DistractorIndex(c).choose(key, "Kelby", 3)
    assert wrong is not None
    assert "Mossburg" not in wrong  # the same town under its new name


def test_the_place_list_types_only_a_name_the_article_uses_as_a_place():
    c = parsed(
        "In 1610 the astronomer saw four moons circling Jupiter. He taught in Padua in 1592. He lived in "
        "Florence in 1612. He was tried in Rome in 1633. He visited Venice in 1609. He saw Jupiter in 1611."
    )
    assert _mention(c, "Florence").fine == "place:city"
    jupiter = _mention(c, "Jupiter")
    assert jupiter.fine == ""  # a town in Florida by the place list, but not as the article uses it
    wrong = DistractorIndex(c).choose(_mention(c, "Rome"), "Rome", 3) or []
    assert "Jupiter" not in wrong


def test_no_choice_question_on_a_date_that_bounds_a_stretch_of_time_or_a_place_in_a_name():
    """ "Before 1492" stays true of "before 1520", "by 1434" of "by 1439": the options would hold two keys; "Adolf
    of Nassau" names a family, and the place he ruled ("Adolf of Mainz") may be among the options."""
    from quizapp.generation.candidates.base import Context
    from quizapp.generation.candidates.multiple_choice import multiple_choice_candidates
    from quizapp.generation.distractors import DistractorIndex

    from ._articles import parsed

    c = parsed(
        "Before 1492 the Americas had few large domesticated animals. By 1434 Gutenberg was living in Strasbourg. "
        "In 1465 Archbishop Adolf of Nassau gave Gutenberg a title. In 1450 Gutenberg returned to Mainz. "
        "Gutenberg died in Mainz in 1468."  # Mainz named twice: no choice on a name said once (round 23)
    )
    ctx = Context(c, DistractorIndex(c))
    keys = {k.key for s in c.sentences for k in multiple_choice_candidates(ctx, s)}
    assert not {"1492", "1434", "Nassau"} & keys
    assert {"1450", "1465", "Mainz"} <= keys


PEOPLE = (
    "Henrik Dalberg founded the bank of Veldmark in 1741. Jonas Weil opened the bank of Ostergau in 1744. "
    "Anna Orlan sold the bank of Tarvik in 1746. The sultan's ships sailed through the Rovamar in 1747. "
    "The merchants of the Rovamar paid Henrik Dalberg in 1748. "
    'Famous bulbs included "Aurum Regis", of which only a few were ever sold. '
    "The guild reported to the Board of Guardians of St Elmar in 1750. "
    "The interior was held by powerful states such as the Kessa Caliphate in 1751. "
    "Marta Kessel was buried at the parish church of St Ambrose in 1771."
)


def test_only_names_the_article_lets_stand_among_people_are_options_for_a_person():
    c = parsed(PEOPLE)
    index = DistractorIndex(c)
    options = index.choose(_mention(c, "Henrik Dalberg", "founded"), "Henrik Dalberg", 3)
    shown = set(options or [])
    # "the Rovamar" (written with "the"), a quoted bulb, a parish and a caliphate are no people
    assert not shown & {"Rovamar", "Aurum Regis", "St Elmar", "Kessa Caliphate"}
    assert options is None or shown <= {"Jonas Weil", "Anna Orlan", "Marta Kessel"}


def test_a_name_that_completes_a_churchs_is_no_person_to_ask_about():
    from quizapp.generation.distractors import named_for_a_place

    c = parsed(PEOPLE)
    assert named_for_a_place(_mention(c, "St Ambrose"))  # "the parish church of St Ambrose"
    assert not named_for_a_place(_mention(c, "Henrik Dalberg", "founded"))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # only their own last word says these are rivers: the article's word agreeing with the model's is evidence
        (
            "Grain barges sailed down the Varn River to the sea. The mills of the Varn River were famous for a "
            "century. The Orlo River was dammed in 1820.",
            ("Varn River", "Orlo River"),
        ),
        # the way and the ground say "place": along it, on its bank, opposite it
        (
            "Grain barges moved along the Vessa to the sea in 1820. Twenty mills stood on the west bank of the "
            "Vessa by 1840. The old temple stood opposite Ombara.",
            ("Vessa", "Ombara"),
        ),
    ],
)
def test_a_place_the_place_list_lacks_and_no_in_or_at_precedes_is_trusted_as_one(text, names):
    c = parsed(text)
    for name in names:
        place = _mention(c, name)
        assert place.kind == "place"
        assert usable_key(place)


def test_a_language_is_no_option_among_places_nor_places_for_it():
    c = parsed(
        "The monk Aldo translated the sutras into Sanskrit in 1120. Merchants from Tarvik came in 1121. "
        "The fleet sailed to Orsa in 1122. Traders came from Kelby in 1123. The envoy travelled to Marrow in 1124. "
        "The scribes wrote in Persian in 1125. The abbot preached in Halm in 1126."
    )
    velish = _mention(c, "Sanskrit")
    assert velish.fine == "other:language"
    assert _mention(c, "Persian").fine == "other:language"
    index = DistractorIndex(c)
    assert not {"Tarvik", "Orsa", "Kelby", "Marrow"} & set(index.choose(velish, "Sanskrit", 3) or ())
    assert "Sanskrit" not in set(index.choose(_mention(c, "Tarvik"), "Tarvik", 3) or ())


def test_a_day_key_is_never_the_only_option_outside_the_year_the_others_share():
    c = parsed(
        "The rising began on 18 March 1871. The council met on 11 April 1871. The guard marched on 1 May 1871. "
        "The last barricade fell on 28 May 1871. An amnesty let the exiles return on 11 July 1880."
    )
    index = DistractorIndex(c)
    assert index.choose(_mention(c, "11 July 1880"), "11 July 1880", 3) is None
    assert index.choose(_mention(c, "11 April 1871"), "11 April 1871", 3) is not None
