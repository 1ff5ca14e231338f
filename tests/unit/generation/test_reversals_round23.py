"""Round 23: a false statement that reverses the one word carrying a claim's direction (reversals.py)."""

from __future__ import annotations

import pytest

from quizapp.generation.calibrate import calibrate
from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.true_false import true_false_candidates
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.reversals import reversal

from ._articles import parsed, sentence

GUILD = "The guild of Kelsby was founded by weavers from Marlow. Its hall stood beside the river Wend."


def _statements(text: str, words: str) -> list[tuple[bool, str]]:
    c = parsed(GUILD + " " + text)
    made = true_false_candidates(Context(c, DistractorIndex(c)), sentence(c, words))
    return [(bool(x.draft.answer), x.draft.prompt) for x in made]


@pytest.mark.parametrize(
    ("text", "false"),
    [
        # a stance verb, with its object
        (
            "The town council of Kelsby rejected the proposal of Duke Orlan.",
            "The town council of Kelsby accepted the proposal of Duke Orlan.",
        ),
        # a direction verb with no object: an irregular past put in the tense of the original
        (
            "Trade with the coast of Marlow declined after the war.",
            "Trade with the coast of Marlow grew after the war.",
        ),
        ("Production at the Kelsby mills rose after 1850.", "Production at the Kelsby mills fell after 1850."),
        # a comparison with "than": one word for two, and two for one
        ("Paper from Samarkand was cheaper than parchment.", "Paper from Samarkand was more expensive than parchment."),
        (
            "Wool from Kelsby was more expensive than cloth from Marlow.",
            "Wool from Kelsby was cheaper than cloth from Marlow.",
        ),
        # "refused to" / "agreed to", and a contest won or lost
        (
            "The weavers of Kelsby refused to sign the petition.",
            "The weavers of Kelsby agreed to sign the petition.",
        ),
        ("The army of Kelsby won the battle of Marlow.", "The army of Kelsby lost the battle of Marlow."),
        # "older" said of a thing reverses to "more recent", not "younger"
        (
            "The idea of a canal at Kelsby was far older than the town of Marlow.",
            "The idea of a canal at Kelsby was far more recent than the town of Marlow.",
        ),
    ],
)
def test_the_main_claim_is_reversed_and_its_true_statement_stands_beside_it(text: str, false: str) -> None:
    made = _statements(text, text[:-1])
    assert (True, text) in made
    assert (False, false) in made


@pytest.mark.parametrize(
    "text",
    [
        "The town council of Kelsby probably rejected the proposal of Duke Orlan.",  # hedged
        "The town council of Kelsby did not reject the proposal of Duke Orlan.",  # negated
        "If the council of Kelsby rejected the proposal, Duke Orlan would leave.",  # conditional
        "The council of Kelsby would reject any proposal of Duke Orlan.",  # modal
        "The council of Kelsby \u201crejected the proposal\u201d of Duke Orlan.",  # quoted
        "Duke Orlan of Kelsby rose to power after the war.",  # "rose to power" is not "fell to power"
        "The army of Kelsby won the prize of Marlow.",  # "lost the prize" is nonsense
        "Kelsby fell after the siege of Marlow.",  # a city that fell did not "rise"
        "Trade with the coast of Marlow rose and then fell.",  # two claims: the reverse of one is the other
        "Grain from Kelsby was cheaper.",  # no "than": nothing compared in the sentence
        "The courts of Kelsby sometimes rejected the records of the guild.",  # partial: both may be true
        "The territory of Duke Orlan expanded south after the war.",  # a movement: "shrank south" is nonsense
        "A cone of rock rises over the town of Kelsby.",  # a place, not an amount: "falls over the town"
        "Duke Orlan ruled Kelsby for 46 years, longer than any other duke.",  # a superlative in disguise
        "The guild of Kelsby resisted Duke Orlan, using strikes and petitions.",  # the means fit one stance only
        "Prices in Kelsby fall after the war; the cooling of trade is debated.",  # a second clause after ";"
        "Maize from the fields of Kelsby supported the growing population.",  # to sustain, not to take a side
        "The assembly of Kelsby approved a drainage scheme, which began in 1667.",  # the clause tells the vote
        "World demand for Kelsby wool was rising, because cloth was becoming cheap.",  # a reason fits one side
        "The crown of Kelsby raised the tax on wool from 2 to 4 per cent.",  # "lowered from 2 to 4"
        "Two blows fell on the merchants of Kelsby in the eighth century.",  # not an amount
        "At 37 metres, the vault at Kelsby was higher than that of any earlier church.",  # a superlative
        "Many historians of Kelsby reject this view of Duke Orlan.",  # a debate, not an event
        "Duke Orlan agreed with the guild of Kelsby to drain the fens.",  # "refused with the guild"
        "The council of Kelsby approved the seizure.",  # which seizure?
        "Almost none of the town of Kelsby is older than the 1950s.",  # negated
        "The charter of Kelsby had been found more than twenty years earlier.",  # "than" belongs to "more"
    ],
)
def test_no_reversal_of_a_clause_the_text_does_not_assert_plainly(text: str) -> None:
    c = parsed(GUILD + " " + text)
    assert reversal(c.sentences[-1]) is None


def test_no_reversal_where_the_article_says_the_reverse_elsewhere() -> None:
    text = "Trade with the coast of Marlow declined after the war. Trade with Marlow recovered in the 1650s."
    made = _statements(text, "declined")
    assert all(answer for answer, _ in made)  # "grew" is arguably true: no false twin
    assert reversal(sentence(parsed(GUILD + " " + text), "declined")) is not None


def test_the_reversed_statement_says_what_was_reversed_and_is_calibrated_as_its_own_kind() -> None:
    c = parsed(GUILD + " The town council of Kelsby rejected the proposal of Duke Orlan.")
    made = true_false_candidates(Context(c, DistractorIndex(c)), sentence(c, "rejected"))
    false = next(x.draft for x in made if x.draft.answer is False)
    assert "The town council of Kelsby rejected the proposal of Duke Orlan." in false.explanation
    said = "\u201crejected\u201d made \u201caccepted\u201d"
    assert any("reversed" in r and said in r for r in false.confidence_reasons)
    calibrate(false)
    assert any("direction reversed" in r and "of such questions were rejected" in r for r in false.confidence_reasons)


def test_the_opposite_verb_takes_the_original_form_including_spelling_changes() -> None:
    from quizapp.generation.reversals import _inflect

    assert _inflect("agree", "VBG") == "agreeing"  # not "agreing"
    assert _inflect("shrink", "VBD") == "shrank"
    assert _inflect("reject", "VBZ") == "rejects"
