"""A sentence with nothing to check (no number or date, one name at most, a framing word) makes no true/false
statement (issue #15, round 18: "Norse Greenland is often told as a lesson about climate")."""

from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.causes import agent_claims
from quizapp.generation.candidates.true_false import true_false_candidates
from quizapp.generation.clauses import framing
from quizapp.generation.distractors import DistractorIndex

from ._articles import parsed, sentence

# Made up for these tests.
MARKET = (
    "In 1820 the merchants of Dunmore built a toll bridge over the Tarn. "
    "The bridge of Dunmore is often told as a lesson about greed. "
    "Historians still debate the bridge's cost. "
    "The bridge brought Dunmore into contact with several markets. "
    "The merchants of Dunmore sold wool to Kelso and Hawick. "
    "Many merchants of Dunmore traded with Kelso and Hawick in 1822. "
    "The fire of Dunmore led directly to the town's greatest project."
)


def test_a_frame_with_nothing_to_check_is_no_statement():
    c = parsed(MARKET)
    ctx = Context(c, DistractorIndex(c))
    for words in ("often told", "still debate", "several markets"):
        sent = sentence(c, words)
        assert framing(sent), words
        assert true_false_candidates(ctx, sent) == [], words
    assert agent_claims(ctx, sentence(c, "led directly")) == []


def test_a_sentence_with_names_or_a_year_to_check_is_still_stated():
    c = parsed(MARKET)
    assert framing(sentence(c, "sold wool")) is None  # no framing word
    assert framing(sentence(c, "Many merchants")) is None  # a year and two towns to check


def test_the_names_counted_are_those_of_the_statement_made():
    # a clause cut from a longer sentence is judged by what it keeps
    c = parsed("The bridge of Dunmore changes how many people understand the past, as Kelso and Hawick found.")
    sent = sentence(c, "changes how")
    assert framing(sent) is None  # three names in the sentence
    assert framing(sent, "The bridge of Dunmore changes how many people understand the past.")
