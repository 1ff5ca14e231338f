"""Each question type from small made-up history texts, checked against the contract."""

import re

import pytest

from quizapp.generation import validate_draft
from quizapp.generation.textutil import contains_phrase
from quizapp.question_types import GENERATED_TYPES

from ._articles import corpus, generated


def _of(qtype):
    return [q for q in generated().questions if q.type == qtype]


def test_every_type_is_produced():
    types = {q.type for q in generated().questions}
    assert types == set(GENERATED_TYPES)


def test_every_question_passes_the_contract_and_quotes_are_verbatim():
    docs = {d.name: d for d in corpus()}
    for q in generated().questions:
        assert validate_draft(q, list(corpus())) == [], q
        assert 0.0 <= q.confidence <= 1.0
        assert 0.0 <= q.difficulty <= 1.0
        assert q.confidence_reasons
        assert q.explanation
        for s in q.sources:
            assert docs[s.document].text[s.start : s.end] == s.quote


def test_multiple_choice_contract():
    mcs = _of("multiple_choice")
    assert mcs
    for q in mcs:
        assert len(q.options) == 4
        assert len(set(q.options)) == 4
        assert q.options.count(q.answer) == 1
        quote = q.sources[0].quote
        assert q.answer in quote
        for wrong in (o for o in q.options if o != q.answer):
            assert not contains_phrase(quote, wrong), (wrong, quote)
        if re.fullmatch(r"\d{4}", q.answer):  # a year against years
            assert all(re.fullmatch(r"\d{4}", o) for o in q.options)
        lengths = [len(o) for o in q.options]
        assert max(lengths) <= 2.5 * min(lengths)


def test_multiple_choice_uses_real_wh_stems():
    from quizapp.generation.report import has_wh_stem

    mcs = _of("multiple_choice")
    # Most wh-stems of these date-heavy texts ask "When ...?", and date keys are held to 40% of choice and
    # fill-in keys (rank.select): a little over a third of the multiple choice keep a real wh-stem.
    assert sum(has_wh_stem(q.prompt) for q in mcs) / len(mcs) >= 0.35


def test_person_distractors_are_people():
    people = {
        "Samuel Pryce",
        "Thomas Brindle",
        "William Pickering",
        "Margaret Holt",
        "Alonso Reyes",
        "Viktor Hallam",
        "Clara Benn",
    }
    for q in _of("multiple_choice"):
        if q.answer in people:
            assert set(q.options) <= people, q.options


def test_true_false_contract():
    tfs = _of("true_false")
    assert tfs
    for q in tfs:
        assert isinstance(q.answer, bool)
        assert not q.options
        if q.answer is False:
            assert "not" in q.explanation  # states the correct fact
            assert q.prompt.rstrip(".") not in q.sources[0].quote


def test_fill_in_contract():
    fis = _of("fill_in")
    assert fis
    for q in fis:
        assert "_____" in q.prompt
        assert q.answer[0] in q.sources[0].quote
        assert not contains_phrase(q.prompt, q.answer[0])


def test_ordering_contract():
    for q in _of("ordering"):
        assert 3 <= len(q.answer) <= 5
        assert len(set(q.answer)) == len(q.answer)
        assert sorted(q.options) == sorted(q.answer)
        assert q.options != q.answer
        assert len(q.sources) == len(q.answer)
        for item in q.answer:
            assert not re.search(r"\b1[0-9]{3}\b", item), item  # no dates in items
            assert len(item.split()) >= 4  # a clause, not a fragment
    assert _of("ordering")


def test_matching_contract():
    ms = _of("matching")
    assert ms
    for q in ms:
        assert 3 <= len(q.answer) <= 5
        lefts = [a for a, _ in q.answer]
        rights = [b for _, b in q.answer]
        assert len(set(lefts)) == len(lefts)
        assert len(set(rights)) == len(rights)
        assert sorted(q.options) == sorted(rights)
        assert len(q.sources) == len(q.answer)
        for (left, _), src in zip(q.answer, q.sources, strict=False):
            assert left in src.quote


@pytest.mark.parametrize(("date", "variants"), [("1839", ["1839"]), ("June 3, 1839", ["3 June 1839", "June 3, 1839"])])
def test_fill_in_answer_variants(date, variants):
    from quizapp.generation.candidates.fill_in import answer_variants
    from quizapp.generation.dates import parse_date

    out = answer_variants(date, parse_date(date))
    for v in variants:
        assert v in out
    assert "Canal" in answer_variants("the Canal")


def test_fill_in_answers_have_no_case_only_repeats():
    """Grading ignores case: "Venezuela" and "venezuela" would be one answer listed twice; the article's form
    (the key's, which comes first) is the one kept."""
    from quizapp.generation.candidates.fill_in import answer_variants, case_blind_unique

    assert answer_variants("the Canal") == ["the Canal", "Canal"]
    assert answer_variants("Kelsby Mill", source="the Kelsby Mill burned") == ["Kelsby Mill", "the Kelsby Mill"]
    assert case_blind_unique(["Venezuela", "venezuela", "VENEZUELA ", "Caracas"]) == ["Venezuela", "Caracas"]


def _ordering_over(*texts):
    """The ordering drafts made (before ranking) from these texts, each its own document."""
    from quizapp.generation import DocumentInput
    from quizapp.generation.pipeline import analyse, build_candidates, to_clean

    docs = [to_clean(DocumentInput(f"article_{i}.txt", text, "txt")) for i, text in enumerate(texts)]
    _, ctx, _ = analyse(docs)
    return [c.draft for c in build_candidates(ctx) if c.draft.type == "ordering"]


_MILL = (
    "The Varden Mill\n\nThe weaver Ruth Calloway opened the Varden Mill at Hollinford in 1804. "
    "The engineer Amos Pell installed a steam engine at Hollinford in 1811.\n"
)
_MILL_LATER = (
    "Strikes at the Varden Mill\n\nThe workers of the Varden Mill at Hollinford struck for higher pay "
    "in 1826. The owners of the Varden Mill closed the weaving sheds at Hollinford in 1842.\n"
)
_VOYAGE = (
    "The Voyage of the Tern\n\nThe sloop Tern left Port Esker with forty settlers in 1767. "
    "Captain Ilse Moreau charted the coast of the Brannock Islands in 1770.\n"
)


def test_ordering_mixes_documents_only_when_they_tell_one_history():
    # each article alone has two dated events, too few for an ordering question
    assert not _ordering_over(_MILL)
    mixed = _ordering_over(_MILL, _VOYAGE)
    assert not mixed  # a mill and a voyage share no names: their events are not one chronology
    related = _ordering_over(_MILL, _MILL_LATER)
    assert related
    assert {s.document for s in related[0].sources} == {"article_0.txt", "article_1.txt"}


def test_a_sentence_cut_inside_brackets_gives_no_question():
    from quizapp.generation import DocumentInput, generate

    text = (
        "Forts of Varna\n\nThe fort at Varna (built in 1820 was taken by the army of General Otto Lenz in 1828. "
        "The army of General Otto Lenz left Varna in 1830. The works at Varna closed in 1836 after a fire."
    )
    questions = generate([DocumentInput("a.txt", text, "txt")], max_questions=20).questions
    assert questions
    assert not any("built in 1820" in s.quote for q in questions for s in q.sources)


def test_a_polity_read_as_a_person_gets_no_surname_answer():
    from quizapp.generation.candidates.fill_in import answer_variants

    assert "Hale" in answer_variants("Osric Hale", person=True)
    assert "Colony" not in answer_variants("Chile Colony", person=True)  # a colony, whatever the vote read
