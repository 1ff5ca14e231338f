"""A question cut from a timeline's entry carries the entry's date, and a line without its subject makes no question;
replies with nothing said of what they answer ("In response,", "X disagreed.") are not restated alone.
(Texts made up for the tests.)"""

from __future__ import annotations

import pytest

from quizapp.generation import DocumentInput, generate
from quizapp.generation.clauses import body_tokens, elliptical
from quizapp.generation.definites import _one_name, resolve_context
from quizapp.generation.ingest import ingest
from quizapp.generation.prompt_form import mend
from quizapp.generation.textutil import tokens_text
from quizapp.generation.timeline import adverbial, entry_date, subjectless_line

from ._articles import parsed, sentence
from .test_question_types import _ordering_over

LINES = (
    "1702: The merchant guild of Orvel opens a new cloth hall beside the river.\n"
    "March 1705: Duke Anselm of Varro besieges Orvel with 3,000 men. "
    "Mayor Hendrik Stoel pays a ransom of 9,000 florins to Duke Anselm.\n"
    "1711: The cloth hall burns down."
)
BULLETS = "".join(f"- {line}\n" for line in LINES.splitlines())

DATE_LINES = """The Orvel cloth trade: a timeline

1702

The merchant guild of Orvel opens a new cloth hall beside the river.

12 May 1705

Duke Anselm of Varro besieges Orvel with 3,000 men. The guild pays a ransom of 9,000 florins to the duke.

1711

Workers from Flanders arrive in Orvel and bring new looms with them.

1720s

The river silts up, and barges can no longer reach the cloth hall.
"""


@pytest.mark.parametrize(
    ("label", "phrase"),
    [
        ("1559", "In 1559"),
        ("12 May 1705", "On 12 May 1705"),
        ("March 1705", "In March 1705"),
        ("1550s", "In the 1550s"),
        ("c. 1640", "In about 1640"),
        ("Winter 1636-1637", "In the winter of 1636-1637"),
        ("Early June 1453", "In early June 1453"),
        ("3 February 1637 (approximately)", "On about 3 February 1637"),
        ("Before 1550", "Before 1550"),
    ],
)
def test_a_timeline_label_reads_as_an_adverbial(label, phrase):
    assert adverbial(label) == phrase


def test_the_second_sentence_of_a_timeline_entry_gets_the_entry_date():
    c = parsed(LINES)
    s = sentence(c, "ransom")
    assert entry_date(c, s) == "March 1705"
    prompt, problem = resolve_context(
        c, [s], "Mayor Hendrik Stoel pays a ransom of _____ florins to Duke Anselm.", "9,000"
    )
    assert prompt == "In March 1705, Mayor Hendrik Stoel pays a ransom of _____ florins to Duke Anselm."
    # "pays" has two pasts ("paid", "payed") and the text shows neither: left in the present, it is refused
    assert problem == "a dated statement left in the present tense"


def test_a_question_that_dropped_its_line_label_gets_it_back():
    c = parsed(LINES)
    s = sentence(c, "besieges")
    prompt, _ = resolve_context(c, [s], "Who besieges Orvel with 3,000 men?", "Duke Anselm of Varro")
    assert prompt == "In March 1705, who besieged Orvel with 3,000 men?"  # asked in the past (round 9)


def test_a_prompt_or_key_with_its_own_year_is_left_as_it_is():
    c = parsed(LINES)
    s = sentence(c, "besieges")
    # no date is added (the key has one); the chronology's present is asked in the past (see tense.py)
    assert resolve_context(c, [s], "When does Duke Anselm besiege Orvel?", "March 1705")[0] == (
        "When did Duke Anselm besiege Orvel?"
    )


def test_a_label_at_the_front_of_a_prompt_becomes_an_adverbial():
    c = parsed(LINES)
    s = sentence(c, "burns down")
    assert resolve_context(c, [s], "1711: The cloth hall burns down.")[0] == "In 1711, the cloth hall burns down."
    assert resolve_context(c, [s], "_____: The cloth hall burns down.", "1711")[0] == (
        "In _____, the cloth hall burns down."
    )


def test_a_date_on_a_line_of_its_own_dates_the_paragraph_under_it():
    doc = ingest(DocumentInput("orvel.txt", DATE_LINES))
    # a single date line is a page's date stamp; four, each over an entry, are the timeline's dates
    assert "12 May 1705" in doc.text
    c = parsed(DATE_LINES.split("\n\n", 1)[1])
    s = sentence(c, "looms")
    assert entry_date(c, s) == "1711"
    prompt, _ = resolve_context(c, [s], "Workers from _____ arrive in Orvel and bring new looms with them.", "Flanders")
    # a common noun lowered after the date, a name not
    assert prompt == "In 1711, workers from _____ arrive in Orvel and bring new looms with them."
    assert entry_date(c, sentence(c, "silts")) == "1720s"


def test_prose_paragraphs_are_not_dated_by_a_date_in_an_earlier_sentence():
    c = parsed("In 1702 the guild of Orvel opened a cloth hall. Workers from Flanders brought new looms to the town.")
    assert entry_date(c, sentence(c, "looms")) is None


def test_a_timeline_line_without_its_subject_makes_no_question():
    c = parsed("Key dates\n\n1799 \u2013 born in the port of Orvel\n\n1826 \u2013 opens a cloth shop in Varro")
    assert subjectless_line(sentence(c, "opens"))
    whole = parsed("1826 \u2013 Anna Berg opens a cloth shop in Varro.")
    assert not subjectless_line(sentence(whole, "opens"))


def test_generated_questions_on_a_timeline_carry_their_dates():
    text = (
        "# The Orvel cloth trade\n\n"
        "The town of Orvel on the river Lenne grew rich on cloth between 1700 and 1730.\n\n" + BULLETS + "\n"
    )
    result = generate([DocumentInput("orvel.md", text)])
    on_the_entry = [q for q in result.questions if "ransom" in q.prompt or "besiege" in q.prompt]
    assert on_the_entry
    for q in on_the_entry:
        assert "1705" in q.prompt or "1705" in str(q.answer), q.prompt


def test_in_response_is_dropped_from_what_a_question_restates():
    c = parsed(
        "The duke raised the toll on the river in 1704. In response, the guild moved its market to the town of Varro."
    )
    s = sentence(c, "In response")
    assert tokens_text(body_tokens(s)).startswith("the guild moved")
    kept = parsed("In response to the toll, the guild moved its market to the town of Varro.")
    assert tokens_text(body_tokens(sentence(kept, "toll"))).startswith("In response to the toll")


def test_a_reply_without_what_it_answers_is_elliptical():
    c = parsed("The duke asked the guild for a loan. The master of the guild, Pieter Hals, refused.")
    assert elliptical(sentence(c, "refused"))
    full = parsed("The master of the guild, Pieter Hals, refused the loan in 1704.")
    assert not elliptical(sentence(full, "refused"))


def test_a_quotation_that_ends_the_prompt_keeps_one_full_stop():
    assert mend('The town was renamed Neuburg, "New Castle.".') == 'The town was renamed Neuburg, "New Castle."'
    assert mend("The town was renamed Neuburg.") == "The town was renamed Neuburg."


def test_a_name_cut_short_by_the_model_is_not_written_in():
    # the model's entity for "the Treatise Concerning the Two Rivers" may stop at "Concerning": no name ends so
    assert _one_name(["the Treatise Concerning"]) is None
    assert _one_name(["the Treatise", "the Treatise Concerning the Two Rivers"]) == (
        "the Treatise Concerning the Two Rivers"
    )


def test_a_first_word_the_article_writes_in_lower_case_is_lowered_after_the_date():
    text = (
        "The ducal guard kept the imperial seal at Orvel.\n1705: Imperial troops occupy Orvel and seize the town hall."
    )
    prompts = {
        # (and the chronology's present is put in the past: see tense.py)
        "Imperial troops occupy Orvel and seize _____.": "In 1705, imperial troops occupied Orvel and seized _____.",
        "Imperial troops occupy _____.": "In 1705, imperial troops occupied _____.",
    }
    c = parsed(text)
    assert {p: resolve_context(c, [sentence(c, "seize")], p, "x")[0] for p in prompts} == prompts


def test_an_ordering_of_timeline_entries_is_made_without_their_dates():
    text = "# The Orvel cloth trade\n\n" + "".join(
        f"- {line}\n"
        for line in (
            "1702: The merchant guild of Orvel opens a new cloth hall beside the river Lenne.",
            "1705: Duke Anselm of Varro besieges Orvel with three thousand soldiers.",
            "1711: Weavers from Flanders settle in Orvel and bring new looms.",
            "1718: Mayor Hendrik Stoel builds a stone bridge over the Lenne at Orvel.",
            "1724: The Orvel guild signs a trade treaty with the Hanseatic town of Bruges.",
        )
    )
    # before ranking: a ranked set may drop the ordering, as its items print the keys of better questions
    orderings = _ordering_over(text.replace("# The Orvel cloth trade\n\n", "The Orvel cloth trade\n\n"))
    assert orderings
    assert not any("17" in item for q in orderings for item in q.options)


def test_a_title_before_a_name_keeps_its_capital_after_the_date():
    c = parsed("The king of Varro taxed the guild.\n1705: King Anselm of Varro besieges Orvel with his army.")
    prompt, _ = resolve_context(c, [sentence(c, "besieges")], "King Anselm of Varro besieges _____ with his army.", "x")
    assert prompt == "In 1705, King Anselm of Varro besieged _____ with his army."
