"""Timeline lines in the historical present (quality, round 26): a "When did ...?" question takes the base form
of a present verb the parser read as the subject's noun. (Texts made up.)"""

from __future__ import annotations

from quizapp.generation.syntax import wh_adjunct

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
