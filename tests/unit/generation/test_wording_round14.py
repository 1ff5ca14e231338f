"""A timeline's present is asked in the past in every verb a statement keeps, and a date or a title written into a
prompt goes where it reads as English (round 14). (Texts made up for the tests.)"""

from __future__ import annotations

from quizapp.generation.dangling import dangling_phrase
from quizapp.generation.definites import resolve_context, yearless_dates
from quizapp.generation.prompt_form import form_problems

from ._articles import parsed, sentence

LINES = (
    "10-12 June 1788: Soldiers of the garrison march into the market square of Orvel. "
    "On 12 June rioters burn the toll house of Orvel, among them Jan Kort, a weaver.\n"
    "3 May 1790: The French army is defeated at Vell and Duke Anselm is taken prisoner.\n"
    "1790s: The merchant Pieter Haas becomes one of the richest men in Holland and invests in Baltic ventures.\n"
)

COLUMNS = """THE ORVEL SALT SYSTEM, 1702-1790: A TIMELINE

1702   The duke lifts the ban on salt. Under the Orvel salt system, only licensed merchants may trade salt.
1771   The guild is dissolved. Debt among licensed merchants remains a recurring problem throughout the system's history.
"""  # noqa: E501


def test_a_verb_standing_twice_in_a_dated_statement_is_put_in_the_past_both_times():
    c = parsed(LINES)
    s = sentence(c, "taken prisoner")
    assert resolve_context(c, [s], "The French army is defeated at Vell and Duke Anselm is taken prisoner.")[0] == (
        "On 3 May 1790, the French army was defeated at Vell and Duke Anselm was taken prisoner."
    )


def test_a_coordinated_verb_the_parser_read_as_a_noun_is_put_in_the_past_with_the_first():
    c = parsed(LINES)
    s = sentence(c, "invests")
    prompt = "The merchant _____ becomes one of the richest men in Holland and invests in Baltic ventures."
    assert resolve_context(c, [s], prompt, "Pieter Haas")[0] == (
        "In the 1790s, the merchant _____ became one of the richest men in Holland and invested in Baltic ventures."
    )


def test_a_title_s_date_range_is_no_part_of_the_name_written_in():
    c = parsed(COLUMNS)
    s = sentence(c, "recurring")
    prompt = "Debt among _____ remains a recurring problem throughout the system's history."
    # the name without "1702 1790" glued into the possessive
    assert resolve_context(c, [s], prompt, "licensed merchants") == (
        "Debt among _____ remains a recurring problem throughout the Orvel salt system's history.",
        None,
    )


def test_a_year_goes_after_the_day_and_month_not_after_a_word_the_model_ran_into_the_date():
    c = parsed("In 1788 soldiers marched into Orvel. On 12 June rioters burned the toll house of Orvel.")
    s = sentence(c, "toll house")
    date = next(m for m in s.mentions if m.label == "DATE")
    date.text = "12 June rioters"  # as the model sometimes spans it ("24 May Communards")
    assert yearless_dates(c, s) == [("12 June", "12 June 1788")]


DANGLING = """The Orvel guild had two charters. The first was granted in 1011, when Duke Anselm held Orvel.
Several preachers toured Holland. The most extreme, Jan Kort, burned books in Orvel in 1743.
The office of harbour master was created under Duke Anselm. Pieter Haas, the first known holder, was still in office when Anselm died.
In 1914 the guild announced a response that made headlines. Two pressures changed Orvel's policy in 1790. Excavations found a mint at Orvel. The discovery showed that Orvel struck coins.
The first regular scheme was the Orvel dole, passed in 1123. The largest of the guilds was the weavers' guild. Haas was the first to cross the Rhine.
The guild fell for two reasons: the cost of wool and the war.
"""  # noqa: E501


def test_a_phrase_without_its_noun_or_complement_makes_no_question():
    c = parsed(DANGLING)
    for word, phrase in [
        ("granted", "The first"),
        ("burned", "The most extreme"),
        ("Haas, the", "the first known holder"),
        ("headlines", "a response"),
        ("struck", "The discovery"),
        ("policy", "Two pressures"),
    ]:
        s = sentence(c, word)
        assert resolve_context(c, [s], s.text)[1] == f"'{phrase}' leaves its noun or complement to another sentence"


def test_a_ranked_phrase_with_its_noun_or_complement_stands():
    c = parsed(DANGLING)
    for word in ("regular scheme", "largest", "first to cross", "two reasons"):
        s = sentence(c, word)
        assert dangling_phrase(s, s.text) is None


def test_a_noun_ending_a_list_after_and_stays_a_noun():
    c = parsed(
        "1552: The architect Pieter Haas builds the guild hall of Orvel, with schools, a hospital, a kitchen "
        "and baths around the hall."
    )
    s = sentence(c, "baths")
    prompt = resolve_context(c, [s], s.text)[0]
    assert "builds" not in prompt
    assert "baths around" in prompt


def test_a_date_that_goes_on_after_its_month_is_kept_whole():
    c = parsed(
        "Duke Anselm died in March 1619. In August of that year the estates deposed his son, "
        "and on 26 August they elected Pieter Haas as their duke."
    )
    s = sentence(c, "deposed")
    assert [text for text, _ in yearless_dates(c, s)] == ["August of that year", "26 August"]


def test_a_ranked_phrase_the_prompt_gives_context_for_or_the_sentence_defines_stands():
    c = parsed(
        "The Orvel hoard holds 82 coins, of which seven larger coins are marked A to G. "
        "The largest, Coin A, weighs 14 grams. The most startling discovery was that the coins had been recut."
    )
    s = sentence(c, "weighs")
    assert dangling_phrase(s, "The hoard holds 82 coins. The largest, Coin A, weighs _____ grams.") is None
    assert dangling_phrase(s, "The largest, Coin A, weighs _____ grams.") == "The largest"
    s = sentence(c, "recut")
    assert dangling_phrase(s, s.text) is None


def test_an_aside_that_lost_its_first_comma_is_a_form_problem():
    assert "an aside that lost its first comma" in form_problems(
        "In which century were in particular, the tables compiled at the Orvel observatory?"
    )
    assert form_problems("He read the Orvel tables and, in particular, the star charts of _____.") == []
    assert form_problems("In particular, the tables were compiled at _____.") == []
