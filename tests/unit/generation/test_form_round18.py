"""Form slips that made a fair question a light edit or a reject (round 18): a present modal in a dated line, a
pseudo-cleft opening, a second "when" in a question asking when, a date label run into a noun phrase, a cause cut
in the middle of its coordination. (Texts made up for the tests.)"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from quizapp.generation.candidates.causes import _coordination_cut
from quizapp.generation.definites import resolve_context
from quizapp.generation.prompt_form import form_problems, mend

from ._articles import parsed, sentence

CHRONICLE = (
    "1620 - War with Brisk resumes. Orvel's fleet must guard the grain ships across the Vell and blockade the "
    "ports of Brisk.\n"
    "1622 - The duke can no longer pay his soldiers.\n"
    "1624 - The guild says it will build a new hall.\n"
    "1626 - The old ship Marten must have sunk near Orvel.\n"
    "1628 - Anselm builds a hall."
)


@pytest.mark.parametrize(
    ("words", "prompt", "key", "expected"),
    [
        (
            "grain ships",
            "Orvel's fleet must guard the grain ships across the _____ and blockade the ports of Brisk.",
            "Vell",
            "In 1620, Orvel's fleet had to guard the grain ships across the _____ and blockade the ports of Brisk.",
        ),
        (
            "no longer",
            "The _____ can no longer pay his soldiers.",
            "duke",
            "In 1622, the _____ could no longer pay his soldiers.",
        ),
        (
            "will build",
            "The _____ says it will build a new hall.",
            "guild",
            "In 1624, the _____ said it would build a new hall.",
        ),
        # "must have sunk" says what is thought now: it stays
        (
            "must have",
            "The old ship _____ must have sunk near Orvel.",
            "Marten",
            "In 1626, the old ship _____ must have sunk near Orvel.",
        ),
    ],
)
def test_a_present_modal_in_a_dated_line_goes_into_the_past(words, prompt, key, expected):
    c = parsed(CHRONICLE)
    assert resolve_context(c, [sentence(c, words)], prompt, key) == (expected, None)


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        (
            "What few dispute is that the plague of _____ changed the city.",
            "Few dispute that the plague of _____ changed the city.",
        ),
        (
            "What most historians accept is that the dam failed in _____.",
            "Most historians accept that the dam failed in _____.",
        ),
        ("What is clear is that the dam of _____ failed.", "It is clear that the dam of _____ failed."),
        # no plain form by moving words: left as it is
        (
            "What the sources agree on is that the dam of _____ failed.",
            "What the sources agree on is that the dam of _____ failed.",
        ),
        ("What Anselm built was a hall at _____.", "What Anselm built was a hall at _____."),
    ],
)
def test_a_pseudo_cleft_opening_is_said_plainly(prompt, expected):
    assert mend(prompt) == expected


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        (
            "When were the first coins found by chance, when a farmer, Jan Rolf, struck a jar while ploughing?",
            "When were the first coins found by chance?",
        ),
        ("When was Anselm killed when he fell from his horse at Varro?", "When was Anselm killed?"),
        ("When did the guild build the hall?", "When did the guild build the hall?"),
    ],
)
def test_a_question_asking_when_keeps_one_when(prompt, expected):
    assert mend(prompt) == expected


def test_a_date_label_run_into_a_noun_phrase_is_malformed():
    assert "a date run into a noun phrase" in form_problems(
        "Oversight of the hall passed to Spring 1627 Rolf's assistant, _____."
    )
    assert "a date run into a noun phrase" in form_problems("The fleet sailed to May 1648 Anselm's port of _____.")
    assert form_problems("In May 1648 Anselm signed the treaty of _____.") == []
    assert form_problems("Oversight of the hall passed in spring 1627 to Rolf's assistant, _____.") == []


def _parse(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_a_cause_cut_inside_its_coordination_is_not_stated():
    # the parse the model gave a paragraph's "Because it was clear and already in force, many states kept it": the
    # second member hung on the main verb, so the clause ends on "and"
    words = ["Because", "it", "was", "clear", "and", "already", "in", "force", ",", "towns", "kept", "it"]
    heads = [2, 2, 10, 2, 3, 6, 10, 6, 10, 10, 10, 10]
    deps = ["mark", "nsubj", "advcl", "acomp", "cc", "advmod", "prep", "pobj", "punct", "nsubj", "ROOT", "dobj"]
    doc = _parse(words, heads, deps)
    assert _coordination_cut(list(doc[2].subtree))
    heads[6] = 3  # "in force" joined to "clear": the clause is whole
    deps[6] = "conj"
    assert not _coordination_cut(list(_parse(words, heads, deps)[2].subtree))
