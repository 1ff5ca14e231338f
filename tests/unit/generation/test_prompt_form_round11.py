"""Slips of rewriting caught in the last look at a prompt (quality v10): "in" before a day, a noun after an owner
read as a verb and put in the past, a sentence's capital left on a common word in mid-sentence. (Texts made up.)"""

from __future__ import annotations

from quizapp.generation.caps import lower_opening_word
from quizapp.generation.prompt_form import mend
from quizapp.generation.tense import past_statement

from ._articles import parsed, sentence

CHRONICLE = (
    "1770, January - Captain Orren Vask's ships Harrow and Lantern reach Kelsby, the first recorded contact.\n"
    "1817, 4 July - Ground is broken at Tarrow for the new canal.\n"
    "1882 - Tolls are abolished by a vote in Tarrow, as railways take a growing share of traffic.\n"
    "1890 - Field workers strike at Tarrow. Later that year Marla Field opens a school.\n"
    "1891 - Truce of Varro with the duke; the guild agrees to pay a yearly tribute."
)


def test_a_day_takes_on_not_in():
    assert mend("In November 4, 1825, the governor poured a keg of lake water into the sea.").startswith("On ")
    assert mend("The fleet sailed in 4 May 1600.") == "The fleet sailed on 4 May 1600."
    assert mend("In May 1453, the city fell.") == "In May 1453, the city fell."  # a month and a year keep "in"


def test_a_plural_noun_after_an_owner_is_not_put_in_the_past():
    c = parsed(CHRONICLE)
    prompt = "In January 1770, Captain _____'s ships Harrow and Lantern reach Kelsby, the first recorded contact."
    out = past_statement(c, sentence(c, "Harrow"), prompt)
    assert "shipped" not in out
    assert "reached Kelsby" in out


def test_the_sentences_capital_goes_from_a_common_word_put_in_mid_sentence():
    c = parsed(CHRONICLE)
    out = lower_opening_word(c, sentence(c, "Ground"), "On 4 July 1817, Ground was broken at Tarrow for the new canal.")
    assert out == "On 4 July 1817, ground was broken at Tarrow for the new canal."
    out = lower_opening_word(c, sentence(c, "Tolls"), "When were Tolls abolished by a vote of the assembly?")
    assert out == "When were tolls abolished by a vote of the assembly?"
    # a word the article writes with a capital after a lower-case word is a name there ("Marla Field")
    out = lower_opening_word(c, sentence(c, "Field workers"), "In 1890, Field workers struck at Tarrow.")
    assert out == "In 1890, Field workers struck at Tarrow."
    out = lower_opening_word(c, sentence(c, "Truce"), "In 1891, Truce of Varro with the duke; the guild agreed.")
    assert out == "In 1891, Truce of Varro with the duke; the guild agreed."  # a name's class noun before "of"


def test_a_question_in_the_past_puts_its_other_clauses_in_the_past():
    from quizapp.generation.definites import resolve_context

    c = parsed(CHRONICLE)
    prompt = "When were tolls abolished by a vote in Tarrow, as railways take a growing share of traffic?"
    out, _ = resolve_context(c, [sentence(c, "Tolls")], prompt, "1882")
    assert out == "When were tolls abolished by a vote in Tarrow, as railways took a growing share of traffic?"


def test_a_date_a_later_clause_speaks_of_is_not_cut_from_the_middle():
    from quizapp.generation.definites import _drop_date

    assert _drop_date("Admiral Thomas restores sovereignty on 31 July, later marked as a holiday.", "31 July") is None
    assert _drop_date("On 31 July, Admiral Thomas restored sovereignty.", "31 July") == (
        "Admiral Thomas restored sovereignty."
    )
    assert _drop_date("Admiral Thomas restored sovereignty on 31 July.", "31 July") == (
        "Admiral Thomas restored sovereignty."
    )


def test_the_main_verb_after_the_questions_operator_stays_bare():
    from quizapp.generation.tense import past_clauses

    c = parsed("1460 - The Ottomans conquer the Despotate of Varro, which borders Tarrow.")
    out = past_clauses(c, sentence(c, "conquer"), "When did the Ottomans conquer the Despotate of Varro?")
    assert out == "When did the Ottomans conquer the Despotate of Varro?"
    out = past_clauses(c, sentence(c, "conquer"), "When did the Ottomans conquer Varro, which borders Tarrow?")
    assert out == "When did the Ottomans conquer Varro, which bordered Tarrow?"


def test_a_date_in_a_fronted_adverbial_is_still_cut():
    from quizapp.generation.definites import _drop_date

    out = _drop_date("At dawn on 3 December, roughly 276 soldiers stormed the stockade.", "3 December")
    assert out == "At dawn roughly 276 soldiers stormed the stockade."
