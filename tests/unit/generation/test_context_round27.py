"""Stems that lean on a sentence the question does not show (round 27; texts made up for the tests): a comparison
with no standard ("a very different plan"), a sentence that announces what the next tells ("faced a problem."), a
bare ordinal with a bracket after it ("The first (1702-1704) charted ..."), a lead-in before a colon ("The first
blames the weather: ..."), and an additive "too" ("In Varro, too, ...")."""

from __future__ import annotations

from types import SimpleNamespace

from quizapp.generation import guards
from quizapp.generation.candidates import Candidate
from quizapp.generation.clauses import connective_tokens
from quizapp.generation.dangling import counted_view, dangling_phrase, lead_in_dropped
from quizapp.generation.definites import resolve_context
from quizapp.generation.pronouns import links
from quizapp.generation.types import QuestionDraft, Source

from ._articles import parsed, sentence

TEXT = (
    "Anselm Kroll built terraces on the hills of Orvel. Mara Voss, who dug at the lake shore, put forward a very "
    "different plan. A similar dispute surrounds the founding of Kell in 1410. The new governor, Piet Hale, faced "
    "a problem. The salt merchants took a different route from the weavers. Two voyages reached the north. The "
    "first (1702-1704) charted the coast of Orvel and the islands of Kell. Historians give two reasons for the "
    "fall of Orvel. The first blames the weather: heavy rains destroyed the harvests of 1710 and 1711. "
    "The fever spread through the towns of Varro. In Kell, too, the fever killed many children."
)


def _dangling(text: str, anchor: str, prompt: str) -> str | None:
    return dangling_phrase(sentence(parsed(text), anchor), prompt)


def test_a_comparison_with_no_standard_leans_on_a_sentence_before():
    plan = "_____, who dug at the lake shore, put forward a very different plan."
    assert _dangling(TEXT, "different plan", plan) == "a very different plan"
    dispute = "A similar dispute surrounds the founding of Kell in _____."
    assert _dangling(TEXT, "similar dispute", dispute) == "A similar dispute"
    # the standard in the sentence: "different ... from the weavers"
    route = "The salt merchants took a different route from the _____."
    assert _dangling(TEXT, "different route", route) is None
    # compared within the sentence: the main clause is the standard of the clause that compares
    ending = "In Orvel, nouns often end in -e where other dialects have a different ending."
    assert _dangling(ending, "dialects", ending.replace("nouns", "_____")) is None


def test_an_announced_problem_leans_on_the_sentence_after():
    assert _dangling(TEXT, "faced", "The new governor, Piet _____, faced a problem.") == "a problem"
    supply = "The new governor faced a problem of supply in the winter of 1702."
    assert _dangling(supply, "supply", supply.replace("1702", "_____")) is None


def test_a_bare_ordinal_before_a_bracket_leans_on_a_sentence_before():
    c = parsed(TEXT)
    s = sentence(c, "charted")
    prompt = "The first charted the coast of Orvel and the islands of _____."
    assert dangling_phrase(s, prompt) == "The first"
    _, why = resolve_context(c, [s], prompt, "Kell")
    assert why is not None


def test_a_lead_in_before_a_colon_is_dropped_where_the_clause_after_stands_alone():
    c = parsed(TEXT)
    s = sentence(c, "blames")
    prompt = "The first blames the weather: heavy rains destroyed the harvests of 1710 and _____."
    assert lead_in_dropped(s, prompt) == "Heavy rains destroyed the harvests of 1710 and _____."
    # a lead-in changed by a false statement is never dropped
    changed = "The first blames the war: heavy rains destroyed the harvests of 1710 and 1711."
    assert lead_in_dropped(s, changed) == changed


def test_an_additive_too_is_dropped_with_its_comma():
    c = parsed(TEXT)
    s = sentence(c, "In Kell")
    dropped = {s.span.doc[i].text for i in connective_tokens(s)}
    assert "too" in dropped
    kept = [t.text for t in s.tokens if t.i not in connective_tokens(s)]
    assert " ".join(kept).startswith("In Kell , the fever")


def test_a_name_set_off_after_a_prepositions_object_is_not_the_subject_pronoun():
    text = (
        "Mara Voss sailed to Orvel in 1702 and opened a shop. "
        "With a business partner, Thomas Day, she established a hotel near the harbour in 1705."
    )
    c = parsed(text)
    found = links(c, sentence(c, "business partner"))
    assert found
    assert found[0].antecedent != "Thomas Day"


def test_a_key_that_stands_in_for_an_earlier_noun_makes_no_question():
    quote = "One was a walled town with twelve mosques, where merchants lived."
    draft = QuestionDraft(
        type="fill_in",
        prompt="_____ was a walled town with twelve mosques, where merchants lived.",
        answer=["One"],
        options=[],
        sources=[Source("a.txt", 0, len(quote), quote)],
    )
    sent = SimpleNamespace(id=1, para=0, doc=0, heading=False, start=0, mentions=[])
    assert guards.no_anaphora(Candidate(draft, "One", [sent], 0.5, "cloze", "1:One")) is not None
    draft.answer = ["Kumbi"]
    assert guards.no_anaphora(Candidate(draft, "Kumbi", [sent], 0.5, "cloze", "1:Kumbi")) is None
    # the guard reads the fill-in maker's list of stand-in words too ("Many fled")
    draft.answer = ["Many"]
    assert guards.no_anaphora(Candidate(draft, "Many", [sent], 0.5, "cloze", "1:Many")) is not None


def test_a_view_counted_from_an_earlier_one_is_written_as_one_of_them():
    c = parsed(
        "Two explanations of the fall of Orvel exist. The second explanation, developed by Mara Voss in 1931, "
        "stresses the salt tax. The second wife of Anselm Kroll was born in Kell."
    )
    s = sentence(c, "second explanation")
    prompt = "The second explanation, developed by _____ in 1931, stresses the salt tax."
    assert counted_view(s, prompt) == "One explanation, developed by _____ in 1931, stresses the salt tax."
    s = sentence(c, "second wife")
    assert counted_view(s, "The second wife of Anselm Kroll was born in _____.").startswith("The second wife")
