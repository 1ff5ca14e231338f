"""Cause-and-effect questions (issue #15): "Why did ...?" keyed on a stated cause, options from the other causes
the document states, a true/false where there are too few (texts made up for the tests)."""

from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.causes import cause_candidates, causes_of
from quizapp.generation.distractors import DistractorIndex

from ._articles import clean, parsed, sentence

MILLS = (
    "The town of Brackwell grew quickly in the nineteenth century. "
    "The mill owners of Brackwell built a canal because the roads were too poor for heavy carts. "
    "The Earl of Fenwick sold Harrow Hall because the family debts had grown too large to pay. "
    "Bishop Aldous Carrow closed the grammar school because the teachers had joined the strike. "
    "The council of Brackwell banned the fair because the crowds had damaged the market hall."
)


def _ctx(*texts):
    corpus = parsed(*texts)
    return corpus, Context(corpus, DistractorIndex(corpus))


def test_a_because_clause_gives_a_why_question_keyed_on_its_reason():
    corpus, ctx = _ctx(MILLS)
    (c,) = cause_candidates(ctx, sentence(corpus, "Earl of Fenwick"))
    assert c.draft.type == "multiple_choice"
    assert c.draft.prompt == "Why did the Earl of Fenwick sell Harrow Hall?"
    assert c.draft.answer == "Because the family debts had grown too large to pay"


def test_the_wrong_options_are_the_other_reasons_the_document_states():
    corpus, ctx = _ctx(MILLS)
    (c,) = cause_candidates(ctx, sentence(corpus, "Bishop Aldous Carrow"))
    wrong = sorted(o for o in c.draft.options if o != c.draft.answer)
    assert wrong == [
        "Because the crowds had damaged the market hall",
        "Because the family debts had grown too large to pay",
        "Because the roads were too poor for heavy carts",
    ]
    assert c.draft.answer == "Because the teachers had joined the strike"


def test_reason_phrases_and_purposes_are_found():
    corpus = parsed(
        "Queen Matilda moved her court to Ashby because of the plague in the capital. "
        "The harbour of Kelso was closed due to the storms of that winter. "
        "Governor Hale dug new wells so that the garrison of Fort Amber could hold out. "
        "The Senate of Varna raised taxes in order to pay for the new fleet."
    )
    found = [(c.family, c.form, c.text) for s in corpus.sentences for c in causes_of(corpus, s)]
    assert found == [
        ("reason", "phrase", "because of the plague in the capital"),
        ("reason", "phrase", "due to the storms of that winter"),
        ("purpose", "so that", "so that the garrison of Fort Amber could hold out"),
        ("purpose", "to", "in order to pay for the new fleet"),
    ]


def test_a_denied_reason_is_no_cause():
    corpus = parsed("The monks of Elbury stayed in the valley because of the quarry, not because of the river.")
    found = [c.text for s in corpus.sentences for c in causes_of(corpus, s)]
    assert found == ["because of the quarry"]


def test_with_one_rival_the_causal_claim_becomes_a_false_statement():
    corpus, ctx = _ctx(
        "The mill owners of Brackwell built a canal because the roads were too poor for heavy carts. "
        "The Earl of Fenwick sold Harrow Hall because the family debts had grown too large to pay."
    )
    (c,) = cause_candidates(ctx, sentence(corpus, "Earl of Fenwick"))
    assert c.draft.type == "true_false"
    assert c.draft.answer is False
    assert c.draft.prompt == "The Earl of Fenwick sold Harrow Hall because the roads were too poor for heavy carts."


def test_without_a_rival_the_causal_claim_is_stated_as_true():
    corpus, ctx = _ctx("Because the roads were too poor for heavy carts, the mill owners of Brackwell built a canal.")
    (c,) = cause_candidates(ctx, corpus.sentences[-1])
    assert c.draft.type == "true_false"
    assert c.draft.answer is True
    assert c.draft.prompt == (
        "The mill owners of Brackwell built a canal because the roads were too poor for heavy carts."
    )


def test_no_question_whose_stem_cannot_read_alone():
    # "her" has nothing to point at (a name stands before it, so only the pronoun resolver can tell)
    corpus, ctx = _ctx(MILLS.replace("built a canal", "bought her farm"))
    assert cause_candidates(ctx, sentence(corpus, "her farm")) == []


def test_a_document_that_states_a_cause_keeps_a_cause_question():
    from quizapp.generation import generate

    text = (
        "The Brackwell Canal\n\n"
        + MILLS
        + (
            " Engineer Ruth Dale surveyed the route in 1821. The canal opened at Lowmoor in 1826."
            " The railway from Leeds reached Brackwell in 1851. Traffic on the canal ended in 1902."
        )
    )
    questions = generate([clean("mills.txt", text)], max_questions=4).questions
    assert any(q.prompt.startswith("Why ") for q in questions)


def test_a_hedged_or_partial_reason_is_no_cause():
    corpus = parsed(
        "The abbey of Elbury was abandoned, probably because the river had changed its course. "
        "The fair of Kelso moved to Ashby, partly because the bridge at Kelso had fallen."
    )
    assert [c.text for s in corpus.sentences for c in causes_of(corpus, s)] == []
