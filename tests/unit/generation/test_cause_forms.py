"""Round 27 (issue #15): causal claims that keep every cause the text names (texts made up for the tests)."""

from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.result_causes import result_candidates
from quizapp.generation.distractors import DistractorIndex

from ._articles import parsed, sentence


def _ctx(*texts):
    corpus = parsed(*texts)
    return corpus, Context(corpus, DistractorIndex(corpus))


def test_a_result_of_the_last_of_several_causes_is_claimed_partly_of_it():
    # "Producers also turned ...": the sentence before is one cause among those the paragraph told
    corpus, ctx = _ctx(
        "A long drought ruined the harvests of Brackwell. "
        "The weavers of Brackwell also lost the wool market in the south. "
        "As a result, the population of Brackwell fell by a third."
    )
    (c,) = result_candidates(ctx, sentence(corpus, "As a result"))
    assert c.draft.prompt == (
        "The population of Brackwell fell by a third partly because the weavers of Brackwell lost the wool market "
        "in the south."
    )
    # a paragraph that announces several causes before it tells them
    corpus, ctx = _ctx(
        "Several causes came together in Brackwell. A long drought ruined the harvests. "
        "The town treasury of Brackwell ran out of money in the spring. "
        "As a result, the council of Brackwell closed the grammar school."
    )
    (c,) = result_candidates(ctx, sentence(corpus, "As a result"))
    assert "closed the grammar school partly because the town treasury" in c.draft.prompt
    # the sentence before is the whole cause the paragraph gives: no "partly"
    corpus, ctx = _ctx(
        "The town treasury of Brackwell ran out of money in the spring. "
        "As a result, the council of Brackwell closed the grammar school."
    )
    (c,) = result_candidates(ctx, sentence(corpus, "As a result"))
    assert "closed the grammar school because the town treasury" in c.draft.prompt
