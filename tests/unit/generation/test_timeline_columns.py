"""A chronology laid out in columns ("1854 (May)   Field and ..."; "28 August 1883 Activity dies down"), whose
spacing ingestion folds, is read like one with a colon or a dash; and a blank is never only a date's day or era.
(Texts made up for the tests.)"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from quizapp.generation.date_parts import date_part_key
from quizapp.generation.definites import resolve_context
from quizapp.generation.timeline import entry_date, label_of, merged_lines, raw_label, short_line

from ._articles import parsed, sentence


def ingested(text: str):
    """A corpus of the text read as a .txt file is read: the columns' spacing folded, as the app reads it."""
    from quizapp.generation import DocumentInput
    from quizapp.generation.analysis import parse_corpus
    from quizapp.generation.ingest import ingest
    from quizapp.generation.nlp import get_nlp

    return parse_corpus([ingest(DocumentInput("orvel.txt", "ORVEL: A TIMELINE\n\n" + text))], get_nlp())


COLUMNS = (
    "1702 (May)   The merchant guild of Orvel opens a new cloth hall beside the river Sabel.\n\n"
    "1705 (12 Mar)  Duke Anselm of Varro besieges Orvel with three thousand men from the hills.\n\n"
    "1711         Workers from Flanders arrive in Orvel with new looms and dyes.\n\n"
    "28 August 1714 Activity dies down.\n\n"
    "1720 (Sep)\n\nThe river Sabel silts up, and barges can no longer reach the cloth hall."
)


def test_a_column_label_with_a_bracketed_month_is_a_label():
    c = ingested(COLUMNS)
    assert label_of(sentence(c, "merchant guild")) == "May 1702"
    assert label_of(sentence(c, "besieges")) == "12 Mar 1705"
    prompt, problem = resolve_context(
        c,
        [sentence(c, "merchant guild")],
        "1702 The merchant guild of _____ opens a new cloth hall beside the river Sabel.",
        "Orvel",
    )
    assert problem is None
    # the prompt lost its bracket; the sentence's label gives the month back
    assert prompt.startswith("In May 1702, the merchant guild of _____ opened")


def test_a_bracketed_label_on_a_line_of_its_own_dates_the_line_after_it():
    c = ingested(COLUMNS)
    assert entry_date(c, sentence(c, "silts up")) == "Sep 1720"


def test_a_blank_where_the_label_was_is_asked_in_a_sentence():
    c = ingested(COLUMNS)
    s = sentence(c, "Workers from Flanders")
    prompt, problem = resolve_context(
        c, [s], "_____ Workers from Flanders arrive in Orvel with new looms and dyes.", "1711"
    )
    assert problem is None
    assert prompt.startswith("In _____, workers from Flanders")


def test_a_label_left_at_the_head_of_a_prompt_is_refused():
    assert raw_label("1705 (_____ Mar) Duke Anselm of Varro besieges Orvel.")
    assert not raw_label("In 1705, Duke Anselm of Varro besieged Orvel.")


def test_a_line_of_a_few_words_after_its_label_makes_no_question():
    c = ingested(COLUMNS)
    assert short_line(sentence(c, "Activity dies down"))
    assert not short_line(sentence(c, "Workers from Flanders"))


def test_column_entries_run_together_are_merged_lines():
    c = parsed(
        "Key dates: 1702 Guild of Orvel opens a cloth hall 1705 Duke Anselm besieges Orvel after the great fire "
        "1711 Workers from Flanders arrive."
    )
    assert merged_lines(sentence(c, "Key dates"))
    c = parsed("In 1702 Orvel built a hall, and by 1705 Duke Anselm of Varro besieged the town.")
    assert not merged_lines(sentence(c, "Orvel built"))


def _candidate(kind: str, key: str, quote: str) -> SimpleNamespace:
    answer = key if kind == "multiple_choice" else [key]
    return SimpleNamespace(draft=SimpleNamespace(type=kind, answer=answer, sources=[SimpleNamespace(quote=quote)]))


@pytest.mark.parametrize(
    ("kind", "key", "quote"),
    [
        ("multiple_choice", "16", "1858 (16 Aug) The message of the queen is received."),
        ("fill_in", "16", "The message arrived on 16 August 1858 in Orvel."),
        ("fill_in", "BC", "The hall was built between about 150 and 100 BC."),
    ],
)
def test_a_blank_on_a_day_or_an_era_alone_is_refused(kind, key, quote):
    assert date_part_key(_candidate(kind, key, quote)) is not None  # type: ignore[arg-type]


def test_a_count_beside_no_month_is_a_fair_key():
    assert date_part_key(_candidate("multiple_choice", "16", "The guild sent 16 ships to Orvel.")) is None  # type: ignore[arg-type]


def test_a_surname_that_is_also_a_word_keeps_its_capital_after_the_date():
    c = ingested(
        "1854 (Jan)   The merchant Cyrus Field meets the engineer Gisborne, and Field decides to build a line.\n\n"
        "1866 (Nov)   The engineer Gisborne is knighted by the queen in London. Field later receives a gold medal."
    )
    s = sentence(c, "gold medal")
    prompt, _ = resolve_context(c, [s], "Field later receives a gold medal from the _____.", "Congress")
    assert prompt.startswith("In November 1866, Field later")


def test_a_date_goes_before_an_according_to_phrase_that_runs_past_its_comma():
    c = ingested("1064 (Jun)   According to Norman sources, including the Orvel Tapestry, Harold swears an oath.")
    s = sentence(c, "swears")
    prompt, _ = resolve_context(
        c, [s], "According to Norman sources, including the Orvel Tapestry, Harold swears an oath to _____.", "William"
    )
    assert prompt.startswith("In June 1064, according to Norman sources, including the Orvel Tapestry, Harold")
