"""A question read alone: a contrast with a sentence left behind ("by contrast", "instead") is dropped.
(Texts made up for the tests.)"""

from __future__ import annotations

from quizapp.generation.clauses import body_tokens
from quizapp.generation.textutil import tokens_text

from ._articles import parsed, sentence


def test_by_contrast_and_instead_are_dropped_from_what_a_question_restates():
    c = parsed(
        "Northern doctors credited the engineer Paul Ruden with the cure. "
        "Southern doctors, by contrast, insisted that the monks had found it. "
        "In contrast, the guild kept its old rules. The monks instead kept the cure secret."
    )
    assert tokens_text(body_tokens(sentence(c, "insisted"))) == "Southern doctors insisted that the monks had found it"
    assert tokens_text(body_tokens(sentence(c, "old rules"))).startswith("the guild kept")
    assert tokens_text(body_tokens(sentence(c, "secret"))) == "The monks kept the cure secret"
    kept = parsed("In contrast to the guild, the monks kept the cure secret.")
    assert tokens_text(body_tokens(sentence(kept, "secret"))).startswith("In contrast to the guild")
