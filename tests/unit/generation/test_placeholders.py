"""Sentences whose main words hold a place for what another sentence tells give no question (texts made up for
the tests)."""

from functools import cache

import pytest

from quizapp.generation.pipeline import analyse, build_candidates
from quizapp.generation.placeholders import anaphoric_subject, announced_act

from ._articles import clean, parsed, sentence


# One made-up story: sentences whose main words announce or stand for what another sentence tells, and the same
# words with what they stand for said in the sentence.
@cache
def _story():
    return parsed(
        "The regent of Tolmar, Lord Anselm Varo, saw an opportunity. "
        "In 1702 the painter Hedda Strom took a step that still surprises historians. "
        "In 1702 Hedda Strom took a step towards independence from the guild. "
        "The council saw an opportunity to expand the harbour of Tolmar. "
        "Hedda Strom spent six years drawing the moths of Tolmar. "
        "The result sold slowly and expensively, but the guild of Tolmar admired it. "
        "The result was printed in Amsterdam in 1705. "
        "The result of the election surprised the council of Tolmar."
    )


@pytest.mark.parametrize(
    ("test", "words", "expected"),
    [
        (announced_act, "saw an opportunity.", True),
        (announced_act, "still surprises historians", True),
        (announced_act, "towards independence", False),
        (announced_act, "to expand the harbour", False),
        (anaphoric_subject, "sold slowly", True),
        (anaphoric_subject, "printed in Amsterdam", True),
        (anaphoric_subject, "of the election", False),
    ],
)
def test_a_placeholder_sentence_is_no_statement(test, words, expected):
    assert test(sentence(_story(), words)) is expected


def test_no_question_restates_a_placeholder_sentence():
    text = (
        "The Tolmar harbour\n\n"
        "The harbour of Tolmar silted up in the winter of 1699, and trade with Genoa stopped. "
        "The regent of Tolmar, Lord Anselm Varo, saw an opportunity. "
        "Varo ordered the harbour dredged in 1702, and merchants from Genoa returned in 1704. "
        "Strom moved to Leiden in 1709 and taught drawing at the university there until 1720."
    )
    # candidates, not the kept set: a set of one true statement and no false one keeps no true/false question
    _, ctx, _ = analyse([clean("tolmar.txt", text)])
    drafts = [c.draft for c in build_candidates(ctx)]
    assert drafts  # the sentences that say something still give questions
    assert not any("an opportunity" in d.prompt for d in drafts)  # without the rule: "Lord _____, saw an ..."


def test_it_after_the_result_means_what_the_result_was():
    from quizapp.generation.pronouns import stand_alone

    c = parsed(
        "Hedda Strom spent six years drawing the moths of Tolmar. "
        "The result was the Codex Tolmar, printed in Amsterdam in 1705. "
        "It sold slowly, but the guild of Leiden bought ten copies. "
        "Her brother spent two years at sea. "
        "The result was a long illness. "
        "It kept him in Leiden until 1712."
    )
    first = sentence(c, "It sold slowly")
    assert stand_alone(c, first, first.text) == (
        "The Codex Tolmar sold slowly, but the guild of Leiden bought ten copies."
    )
    second = sentence(c, "It kept him")
    assert stand_alone(c, second, second.text) is None  # "the result" is no name to write in
