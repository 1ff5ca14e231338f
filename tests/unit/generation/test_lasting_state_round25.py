"""Dates (quality, round 25): no choice or fill-in on the date of a state that lasted up to it ("still lit their
homes with kerosene lamps in the 1930s" was as true in the 1920s); "still" in another clause leaves the date asked."""

from quizapp.generation.candidates.base import Candidate
from quizapp.generation.guards import date_of_a_lasting_state
from quizapp.generation.types import QuestionDraft

from .test_fill_in_answers import _fill_ins

VALLEY = (
    "In the early 1930s, most farm families along the river Teme still lit their homes with oil lamps. "
    "The first dam of the Velm Valley Board was finished in 1936, with farming still the valley's leading trade."
)


def _refused(key: str, kind: str = "multiple_choice") -> bool:
    _, ctx = _fill_ins(VALLEY)
    sent = next(s for s in ctx.corpus.sentences if key in s.text)
    prompt = sent.text.replace(key, "_____")
    draft = QuestionDraft(type=kind, prompt=prompt, answer=[key] if kind == "fill_in" else key)
    return date_of_a_lasting_state(Candidate(draft, key, [sent])) is not None


def test_the_date_of_a_state_lasting_up_to_it_is_not_asked():
    assert _refused("1930s")
    assert _refused("1930s", "fill_in")


def test_still_in_another_clause_leaves_the_date_asked():
    assert not _refused("1936")
    assert not _refused("Teme", "fill_in")  # no date: not this rule's
