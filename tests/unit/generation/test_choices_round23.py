"""Round 23 (issue #15): no multiple-choice question on a name the document says only once (a made-up text).

Four options dress a passing name up as a point of the article; strict readers rejected 104 such choices and kept
13 (README "Round 23"). A date or a count said once stays a choice, and the sentence may still give a fill-in or a
statement on its own rules.
"""

from quizapp.generation.candidates import Context, fill_in_candidates, multiple_choice_candidates
from quizapp.generation.candidates.fill_in import term_counts
from quizapp.generation.distractors import DistractorIndex

from ._articles import parsed, sentence

TEXT = (
    "The merchant Johann Weber built a cloth business in Hamburg. "
    "In 1710 Johann Weber hired the weaver Thomas Brindle to run a dye works in Hamburg. "
    "In 1712 Weber opened a bank in Bremen. "
    "Weber lent money to the city of Bremen in 1715. "
    "In 1720 Weber moved his warehouse to Rotterdam. "
    "Weber died in Antwerp in 1731."
)


def _made(words: str) -> tuple[set[str], set[str], Context]:
    c = parsed(TEXT)
    ctx = Context(c, DistractorIndex(c))
    sent = sentence(c, words)
    choices = {cand.key for cand in multiple_choice_candidates(ctx, sent)}
    fill_ins = {cand.key for cand in fill_in_candidates(ctx, sent, term_counts(c))}
    return choices, fill_ins, ctx


def test_a_name_said_once_keys_no_choice_but_a_name_said_twice_does():
    choices, _, ctx = _made("hired the weaver")
    assert "Thomas Brindle" not in choices  # said once, in passing
    assert "Hamburg" in choices  # said twice
    assert ctx.rejected["choice_named_once"] >= 1


def test_a_place_said_once_keys_no_choice_and_a_date_said_once_still_does():
    choices, _, _ = _made("moved his warehouse")
    assert "Rotterdam" not in choices
    assert "1720" in choices  # a year is said once as a matter of course: dates are left to their own rules


def test_the_sentence_still_gives_a_fill_in_on_its_own_rules():
    choices, fill_ins, _ = _made("opened a bank")
    assert "Bremen" in choices  # said twice
    _, fill_ins, _ = _made("died in Antwerp")
    assert fill_ins  # the fill-in maker reads the sentence as before
