"""Round 8 (issue #15): a false statement swaps in for a person only a name the article shows acting as one (texts
made up for the tests)."""

from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.swap_kinds import not_people
from quizapp.generation.distractors import DistractorIndex

from ._articles import parsed


def test_a_name_never_shown_acting_as_a_person_is_not_swapped_in_for_one():
    corpus = parsed(
        "Tomas Rivel painted the panels of the hall in 1932. The panels were paid for by Edsel Marrow. "
        "In 1935 the main work of Rivel was dedicated to Anna Quist."
    )
    ctx = Context(corpus, DistractorIndex(corpus))
    people = {v.norm for v in ctx.distractors.pools.get("person", [])}
    assert {"tomas rivel", "anna quist"} <= people
    ruled = not_people(ctx)
    assert "tomas rivel" not in ruled  # the subject of "painted"
    assert "edsel marrow" not in ruled  # the agent after "by"
    assert "anna quist" in ruled  # named only as the one a work was dedicated to
