"""Timeline lines in the historical present (quality, round 26): a "When did ...?" question takes the base form
of a present verb the parser read as the subject's noun. (Texts made up.)"""

from __future__ import annotations

from quizapp.generation.syntax import wh_adjunct
from quizapp.generation.timeline import dated

from ._articles import parsed, sentence


def test_a_present_verb_read_as_the_subjects_noun_takes_the_base_form_under_did():
    c = parsed(
        "In 1970, Velmar Fruit merges with a company controlled by the banker Tom Orsk and becomes Velmar Brands."
    )
    s = sentence(c, "becomes")
    year = next(m for m in s.mentions if m.text == "1970")
    question = wh_adjunct(s, year)
    assert question is not None
    assert "merges" not in question
    assert "Velmar Fruit merge with" in question
    assert "and become Velmar Brands" in question


def test_a_sentence_that_speaks_of_today_is_not_put_under_its_entrys_date():
    c = parsed(
        "1958 - The town of Kelvar is renamed Orskgrad. It is today Velmagrad, the capital of Tarrow.\n\n"
        "1960 - The harvest fails."
    )
    s = sentence(c, "today")
    assert dated(c, s, "The town of Kelvar is today _____, the capital of Tarrow.") == (
        "The town of Kelvar is today _____, the capital of Tarrow."
    )


def test_an_asides_today_leaves_the_entrys_date():
    c = parsed(
        "1611 - Work begins on the Velm Mosque (today the Orsk Mosque) in the square.\n\n1612 - The harvest fails."
    )
    s = sentence(c, "Work begins")
    assert dated(c, s, "Work begins on the Velm Mosque (today the _____) in the square.").startswith("In 1611, work")
