"""A question read alone: a contrast with a sentence left behind ("by contrast", "instead") is dropped, and a person
named by surname alone is written as the document first introduced him. (Texts made up for the tests.)"""

from __future__ import annotations

from quizapp.generation.clauses import body_tokens
from quizapp.generation.definites import resolve_context
from quizapp.generation.textutil import tokens_text

from ._articles import parsed, sentence


def test_by_contrast_and_instead_are_dropped_from_what_a_question_restates():
    c = parsed(
        "Northern doctors credited the engineer Paul Ruden with the cure. "
        "Southern doctors, by contrast, insisted that the monks had found it. "
        "In contrast, the guild kept its old rules. The monks instead kept the cure secret."
    )
    assert tokens_text(body_tokens(sentence(c, "insisted"))) == "Southern doctors insisted that the monks had found it"
    assert tokens_text(body_tokens(sentence(c, "old rules"))).startswith("the guild kept")
    assert tokens_text(body_tokens(sentence(c, "secret"))) == "The monks kept the cure secret"
    kept = parsed("In contrast to the guild, the monks kept the cure secret.")
    assert tokens_text(body_tokens(sentence(kept, "secret"))).startswith("In contrast to the guild")


def test_a_surname_alone_is_written_as_the_document_introduced_the_person():
    c = parsed(
        "The guild hired the shipbuilder Henrik Vantor in 1702. The hall was finished in 1705. "
        "In 1706 Vantor fell ill and died.",
        titles=("The Orvel Guild: a history",),
    )
    s = sentence(c, "fell ill")
    prompt, problem = resolve_context(c, [s], "In 1706, Vantor fell ill and died.")
    assert problem is None
    assert prompt == "In 1706, the shipbuilder Henrik Vantor fell ill and died."
    at_start, _ = resolve_context(c, [s], "Vantor fell ill and died in 1706.")
    assert at_start.startswith("The shipbuilder Henrik Vantor fell ill")
    # the key is not rewritten, nor a name already written in full
    assert resolve_context(c, [s], "In 1706, _____ fell ill and died.", "Vantor")[0].startswith("In 1706, _____")
    assert resolve_context(c, [s], "In 1706, Henrik Vantor fell ill.")[0] == "In 1706, Henrik Vantor fell ill."


def test_the_documents_own_subject_keeps_its_surname():
    c = parsed(
        "Henrik Vantor was a shipbuilder of Orvel. Vantor built the hall in 1705. In 1706 Vantor fell ill and died.",
        titles=("Henrik Vantor: a life",),
    )
    s = sentence(c, "fell ill")
    assert resolve_context(c, [s], "In 1706, Vantor fell ill and died.")[0] == "In 1706, Vantor fell ill and died."
