"""The author's present-tense comment on the topic makes no true statement (issue #15, round 19: "Arikamedu matters
because it shows early long-distance trade from both ends", "For students, Hagia Sophia offers a case study in how
politics, religion and technology meet", "The central historical question is whether Darius told the truth")."""

from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.true_false import true_false_candidates
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.peripheral import commentary

from ._articles import parsed, sentence

# Made up for these tests: Arbroath is the most-named name, so the topic.
ARBROATH = (
    "Arbroath was a river port on the Tarn founded by wool merchants in 1120. "
    "In 1180 the merchants of Arbroath built a stone quay beside the river. "
    "Arbroath traded wool with Kelso and cloth with Bruges until 1390. "
    "The abbot Hugh Calder recorded the tolls of Arbroath in a ledger in 1302. "
    "Medieval Arbroath matters because its ledger of 1302 shows the wool trade of Kelso and Bruges. "
    "For students, Arbroath offers a case study in how Kelso and Bruges traded wool after 1302. "
    "The central question is whether Hugh Calder recorded every toll at Arbroath in 1302. "
    "Our best witness to Arbroath is the ledger of Hugh Calder, which Kelso kept after 1302. "
    "The ledger of Hugh Calder shows tolls on wool, salt and timber at the quay of Arbroath. "
    "Arbroath lost its trade to Kelso after the great flood of 1390. "
    "In 1395 Arbroath offers its quay to the merchants of Bruges."
)


def _true_statements(ctx: Context, words: str) -> list[str]:
    return [c.draft.prompt for c in true_false_candidates(ctx, sentence(ctx.corpus, words)) if c.draft.answer is True]


def test_a_comment_on_the_topic_in_the_present_is_no_statement():
    c = parsed(ARBROATH)
    ctx = Context(c, DistractorIndex(c))
    for words in ("matters because", "For students", "central question", "Our best witness"):
        assert commentary(c, sentence(c, words)), words
        assert _true_statements(ctx, words) == [], words


def test_a_fact_in_the_present_or_the_past_is_still_stated():
    c = parsed(ARBROATH)
    ctx = Context(c, DistractorIndex(c))
    # a record shows what it holds: its subject is no topic of the article
    assert not commentary(c, sentence(c, "The ledger of Hugh Calder"))
    # the past is no comment, nor a past event told in the present with its year
    assert not commentary(c, sentence(c, "lost its trade"))
    assert not commentary(c, sentence(c, "In 1395 Arbroath offers"))
    assert _true_statements(ctx, "In 1180 the merchants")
