"""Dated lines left in the present (quality, round 20): an entry whose label spans months, and a relative clause's
verb the parser took for a noun. (Texts made up.)"""

from __future__ import annotations

from quizapp.generation.definites import resolve_context
from quizapp.generation.tense import past_clauses
from quizapp.generation.timeline import entry_date

from ._articles import parsed, sentence

SPANNED = (
    "1950\n\nThe Velm company refuses to share its profits.\n\n"
    "1951 (March-May)\n\nGovernor Tavel Orsk, who opposed nationalisation, is shot in Kelsby on 7 March.\n\n"
    "1952\n\nThe company leaves Kelsby."
)


def test_an_entry_whose_label_spans_months_is_dated_by_its_year():
    c = parsed(SPANNED)
    s = sentence(c, "shot")
    assert entry_date(c, s) == "1951"
    prompt, problem = resolve_context(
        c, [s], "Governor _____, who opposed nationalisation, is shot in Kelsby on 7 March.", ""
    )
    assert problem is None
    assert "was shot" in prompt
    assert "1951" in prompt


def test_a_relative_clauses_verb_read_as_a_noun_is_put_in_the_past():
    c = parsed(
        "In 1943 about 1,200 Velmans are deported to Orsk in the Tarrow Islands, where several hundred die of hunger."
    )
    s = sentence(c, "deported")
    question = (
        "When were about 1,200 Velmans deported to Orsk in the Tarrow Islands, where several hundred die of hunger?"
    )
    assert past_clauses(c, s, question) == question.replace(" die ", " died ")
