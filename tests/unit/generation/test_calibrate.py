"""Confidence calibrated on the reader's verdicts (issue #15): a blank on a common phrase and a prompt with an
earlier sentence's name written in go down, a date key goes up; only the confidence changes (drafts made up for
the tests)."""

import quizapp.generation.pipeline as pipeline
from quizapp.generation import generate
from quizapp.generation.calibrate import COMMON_TERM, DATE_KEY, REWRITTEN_PROMPT, calibrate
from quizapp.generation.types import QuestionDraft

from ._articles import CANAL, clean


def _draft(type_="fill_in", reasons=(), checks=(), confidence=0.8):
    return QuestionDraft(
        type=type_,
        prompt="The weavers of Harlow bought a _____ in 1821.",
        answer=["power loom"],
        confidence=confidence,
        confidence_reasons=list(reasons),
        checks=list(checks),
    )


def test_a_blank_on_a_common_phrase_is_less_sure_than_one_on_a_name():
    term = _draft(reasons=["key term is a noun phrase used across the text"])
    name = _draft(reasons=["key term is a place"])
    calibrate(term)
    calibrate(name)
    assert term.confidence == 0.8 + COMMON_TERM[0]
    assert COMMON_TERM[1] in term.confidence_reasons
    assert name.confidence == 0.8
    assert name.confidence_reasons == ["key term is a place"]


def test_a_prompt_rewritten_with_an_earlier_name_is_less_sure():
    d = _draft(
        "multiple_choice",
        ["key is a person"],
        ["a name or year from an earlier sentence was written into the question", "not taken from page chrome"],
    )
    calibrate(d)
    assert d.confidence == 0.8 + REWRITTEN_PROMPT[0]
    assert d.confidence_reasons[-1] == REWRITTEN_PROMPT[1]


def test_a_date_key_is_surer_without_tying_the_surest_at_the_top():
    low = _draft("multiple_choice", ["key is a date (model label, vote share 1.00)"], confidence=0.6)
    high = _draft("multiple_choice", ["key is a date (model label, vote share 1.00)"], confidence=0.9)
    higher = _draft("true_false", ["one date swapped for another from the corpus"], confidence=0.95)
    for d in (low, high, higher):
        calibrate(d)
        assert d.confidence_reasons[-1] == DATE_KEY[1]
    assert low.confidence == 0.6 + DATE_KEY[0]
    assert 0.9 < high.confidence < higher.confidence < 1.0


def test_calibration_changes_the_confidence_only(monkeypatch):
    calibrated = generate([clean("canal.txt", CANAL)]).questions
    monkeypatch.setattr(pipeline, "calibrate", lambda draft: None)
    plain = generate([clean("canal.txt", CANAL)]).questions
    assert [(q.type, q.prompt, q.answer, q.options) for q in calibrated] == [
        (q.type, q.prompt, q.answer, q.options) for q in plain
    ]
    assert any(q.confidence != p.confidence for q, p in zip(calibrated, plain, strict=True))
    assert all(0.05 <= q.confidence <= 0.99 for q in calibrated)
