"""Round 21 (issue #15): a key the sentence denies ("not in Britain", "rather than Kelsby") asks for the one value
ruled out, so every other option is right; no question is keyed on it (texts made up for the tests)."""

from quizapp.generation.candidates import Context, multiple_choice_candidates, true_false_candidates
from quizapp.generation.distractors import DistractorIndex

from ._articles import parsed, sentence

PORTS = (
    "Merchants from Dunmore traded salt in Kelsby. "
    "It was in Varland, not in Ostmark, that the printed ballot came first. "
    "The new harbour was built at Marlow rather than Kelsby in 1851. "
    "Ships from Ostmark reached Marlow in 1850. "
    "The council of Varland met in Dunmore in 1849. "
    "Later the merchants of Marlow sailed to Varland."  # both named twice: round 23 asks no choice on a name said once
)


def _made(maker, text: str, words: str) -> list:
    c = parsed(text)
    return maker(Context(c, DistractorIndex(c)), sentence(c, words))


def _keys(words: str, text: str = PORTS) -> set[str]:
    return {cand.key for cand in _made(multiple_choice_candidates, text, words)}


def test_a_place_after_not_in_is_no_key():
    keys = _keys("printed ballot")
    assert "Ostmark" not in keys, keys
    assert "Varland" in keys, keys  # the place the sentence affirms is still asked


def test_a_place_after_rather_than_is_no_key():
    keys = _keys("new harbour")
    assert "Kelsby" not in keys, keys
    assert "Marlow" in keys, keys


def test_the_subject_of_a_denied_verb_is_no_key():
    # "The 1851 harbour was not the first": any other year makes the sentence as true
    text = "The harbour of 1851 was not the first pier at Marlow. Ships from Ostmark reached Marlow in 1850."
    keys = _keys("not the first", text)
    assert "1851" not in keys, keys


def test_a_denied_value_is_not_swapped_but_the_true_statement_stays():
    # "Admiral Reel never captured Marlow": "... never captured Kelsby" is as true, so no false statement
    text = (
        "Admiral Tomas Reel never captured Marlow. Admiral Ada Venn captured Dunmore in 1704. "
        "General Piet Holm took Kelsby in 1706."
    )
    made = _made(true_false_candidates, text, "never captured")
    assert any(cand.draft.answer is True for cand in made)
    assert not any(cand.draft.answer is False for cand in made), [cand.draft.prompt for cand in made]
