"""A statement's length is counted in words, not in tokens (issue #15, density): a sentence of 28 words whose
commas made it look longer was refused outright when it had no second main clause to cut to. (Text made up for
the test.)"""

from __future__ import annotations

from quizapp.generation.clauses import statement

from ._articles import parsed, sentence

# 28 words, and 34 tokens with its six commas; one main clause
COMMAS = (
    "In 1388, after a long siege, the duke of Brisk, Otto, took the town of Varro, its harbour, its mint and its "
    "two stone towers on the river."
)


def test_a_sentence_within_the_word_limit_is_a_statement_whatever_its_commas():
    s = sentence(parsed(COMMAS), "long siege")
    anchor = next(t for t in s.tokens if t.text == "1388")
    made = statement(s, anchor)
    assert made is not None
    assert made[0] == COMMAS
