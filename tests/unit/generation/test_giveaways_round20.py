"""Answers a pupil gives without the article (issue #15, round 20; texts made up for the tests): a world-famous
event or place the stem itself names, and a fill-in answer the stem prints (``fill_in.not_in_stem``)."""

import pytest

from quizapp.generation import guards
from quizapp.generation.candidates.fill_in import fill_in_candidates, term_counts
from quizapp.generation.famous import famous_cue

from .test_fill_in_answers import _fill_ins, _settled
from .test_guards import _mc


@pytest.mark.parametrize(
    ("prompt", "key", "cue"),
    [
        ("In 1914, shortly after the outbreak of the _____, Kelby troops occupied Orsk.", "First World War",
         "outbreak of"),
        ("Ada Moor was born in Tarn, Ohio, on 3 May 1863, during the _____.", "American Civil War", "during"),
        ("In 1916 the mill at Tarn made uniforms while the _____ went on.", "World War I", "1916"),
        ("The square at Dresk was rebuilt after the _____.", "the Second World War", "after"),
        ("In 1496 Askar Ture made the pilgrimage to _____.", "Mecca", "pilgrimage"),
    ],
)  # fmt: skip
def test_a_famous_event_or_place_the_stem_names(prompt, key, cue):
    assert famous_cue(prompt, key) == cue
    bad = _mc(prompt=prompt, answer=key, options=(key, "Orsk", "Tarn", "Dresk"))
    assert guards.key_not_in_prompt(bad)


@pytest.mark.parametrize(
    ("prompt", "key"),
    [
        ("In 1820 the mill at Tarn made uniforms for the _____.", "First World War"),  # no year of the war
        ("The _____ changed the mill at Tarn.", "Second World War"),  # not the time the sentence is set in
        ("In 1496 Askar Ture sent gold to _____.", "Mecca"),  # nothing points at it
        ("In 1914, shortly after the outbreak of the _____, Kelby troops occupied Orsk.", "Marsh War"),  # not famous
    ],
)
def test_a_key_the_stem_does_not_name(prompt, key):
    assert famous_cue(prompt, key) is None


def test_a_fill_in_accepts_no_name_its_stem_prints():
    text = (
        "The Vache (also called Vachica) were a people of the north coast of Orsk. The Vache built the Huaca "
        "del Tarn. The Vachica made pottery. The Vache traded with the Nasca people in 300."
    )
    _, ctx = _fill_ins(text)
    counts = term_counts(ctx.corpus)
    sentences = ctx.corpus.sentences
    made = {c.draft.prompt: c.draft.answer for s in sentences for c in _settled(fill_in_candidates(ctx, s, counts))}
    called = next(answers for prompt, answers in made.items() if "(called _____)" in prompt)
    assert called == ["Vachica"]  # not "Vache", which the stem prints
    assert "Vache" in made["The _____ made pottery."]  # where the stem does not print it, it is an answer
