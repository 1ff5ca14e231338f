"""The causal claim of "A, so B" stated as "Because A, B." (issue #15; texts made up for the tests)."""

from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.so_results import so_candidates
from quizapp.generation.distractors import DistractorIndex

from ._articles import parsed


def _claims(text):
    corpus = parsed(text)
    ctx = Context(corpus, DistractorIndex(corpus))
    return [c.draft for s in corpus.sentences for c in so_candidates(ctx, s)]


def test_a_result_told_with_so_is_stated_as_true_with_because():
    (d,) = _claims("The guild of Kelso paid the masons well, so the masons of Kelso finished the bridge in two years.")
    assert (d.type, d.answer) == ("true_false", True)
    assert d.prompt == (
        "Because the guild of Kelso paid the masons well, the masons of Kelso finished the bridge in two years."
    )


def test_either_parse_of_the_two_clauses_is_read():
    # here the parse makes the result the main clause and the cause its complement
    (d,) = _claims("The mould of the Varna bells was broken once the metal cooled, so every bell is unique.")
    assert d.prompt == "Because the mould of the Varna bells was broken once the metal cooled, every bell is unique."


def test_so_that_and_so_many_are_no_result():
    assert _claims("Queen Amara raised pay for jurors, so that poorer men of Varna could serve.") == []
    assert (
        _claims("Later research in Varna found that wages rose, so many economists argue that the poor gained.") == []
    )


def test_a_cause_with_a_cause_of_its_own_is_no_one_step_claim():
    assert _claims("Because the roads of Kelso were poor, the guild paid well, so the masons stayed in Kelso.") == []


def test_a_cause_with_a_contrast_of_its_own_is_no_claim():
    # what followed came of the "but" clause: "Because A, but B, C" says A caused it
    assert (
        _claims("Many merchants of Kelso bought shares, but the shares sold abroad went unsold, so the Earl took them.")
        == []
    )
