"""Round 28 (issue #15, density): stems up to the brief's 28 words, true/false statements included (texts made up
for the tests)."""

from quizapp.generation.candidates import Context, true_false_candidates
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.textutil import word_count

from ._articles import parsed, sentence

LONG = (
    "In 1412 the merchant Tomas Rivel of Marlow built a great stone warehouse beside the northern harbour wall, "
    "where grain from the river valleys was stored for winter. "
    "In 1430 Ada Holt of Kelsby sold wool in Dunmore."
)


def test_a_true_statement_of_28_words_is_made():
    c = parsed(LONG)
    ctx = Context(c, DistractorIndex(c))
    made = true_false_candidates(ctx, sentence(c, "stone warehouse"))
    true = [cand.draft.prompt for cand in made if cand.draft.answer is True]
    assert true
    assert word_count(true[0]) == 28
