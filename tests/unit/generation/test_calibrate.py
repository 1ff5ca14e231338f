"""Confidence that ranks (issue #15): one minus the share of the draft's kind of question a strict reader
rejected, less points for signs that went with rejects; explained in words, recomputable from a sheet, and only
the confidence changes (drafts made up for the tests)."""

import quizapp.generation.pipeline as pipeline
from quizapp.generation import generate
from quizapp.generation.calibrate import CALIBRATION_MARK, KINDS, REWRITTEN_CHECK, SIGNS, calibrate, risk
from quizapp.generation.types import QuestionDraft

from ._articles import CANAL, clean


def _draft(type_="fill_in", reasons=(), checks=(), confidence=0.8, prompt="The weavers of Harlow bought a _____."):
    return QuestionDraft(
        type=type_,
        prompt=prompt,
        answer=["power loom"] if type_ == "fill_in" else True,
        confidence=confidence,
        confidence_reasons=list(reasons),
        checks=list(checks),
    )


def test_the_kind_of_question_sets_the_confidence_whatever_the_generator_scored():
    choice = _draft("multiple_choice", ["key is a date (model label, vote share 1.00)"], confidence=0.95)
    statement = ["statement taken from one sentence of the text"]
    true = _draft("true_false", statement, confidence=0.5, prompt="Harlow fell.")
    name = _draft(reasons=["key term is a person"], confidence=0.5)
    for d in (choice, true, name):
        calibrate(d)
    # the recent readers kept true statements most often, and rejected choices among dates most often
    assert true.confidence > name.confidence > choice.confidence
    assert choice.confidence_reasons[-1].startswith("a choice among dates: ")
    assert "of such questions were rejected" in choice.confidence_reasons[-1]


def test_a_choice_among_dates_is_its_own_kind_below_a_blank_on_a_date():
    date = ["key is a date (model label, vote share 1.00)"]
    choice = _draft("multiple_choice", date)
    blank = _draft("fill_in", date, prompt="The weavers of Harlow rose in _____.")
    for d in (choice, blank):
        calibrate(d)
    assert any(r.startswith("a question on a date the text states") for r in blank.confidence_reasons)
    assert choice.confidence < blank.confidence


def test_signs_that_went_with_rejects_lower_it_and_say_why_and_the_others_say_nothing():
    plain = _draft("true_false", ["statement taken from one sentence of the text"], prompt="Harlow fell in 1821.")
    private = _draft("true_false", ["statement taken from one sentence of the text"], prompt="Ann Lee died in 1821.")
    undated = _draft("true_false", ["statement taken from one sentence of the text"], prompt="Harlow was rich.")
    for d in (plain, private, undated):
        calibrate(d)
    assert plain.confidence > private.confidence
    assert any("birth, death or marriage" in r for r in private.confidence_reasons)
    # a statement with no date went with rejects on v1 to v3, not with the recent readers: no points, no reason
    assert undated.confidence == plain.confidence
    assert not any("no date" in r for r in undated.confidence_reasons)


def test_a_sign_never_raises_the_confidence():
    for d in (
        _draft("true_false", ["statement taken from one sentence of the text"], prompt="Harlow was rich."),
        _draft(reasons=["key term is a person"], checks=[REWRITTEN_CHECK]),
    ):
        share, _ = risk(d)
        kind_share = next(k.rejected for k in KINDS if k.applies(d))
        assert share >= kind_share
    assert all(points >= 0 for points, _, _ in SIGNS)


def test_calibrating_twice_or_from_a_sheet_gives_the_same():
    d = _draft("multiple_choice", ["key is a place (model label, vote share 1.00)", "cloze stem"])
    calibrate(d)
    first = (d.confidence, list(d.confidence_reasons))
    calibrate(d)  # a sheet's JSON carries the reasons written the first time
    assert (d.confidence, d.confidence_reasons) == first
    assert sum(CALIBRATION_MARK in r for r in d.confidence_reasons) == 1


def test_every_kind_is_reachable_and_between_the_bounds():
    assert len({k.name for k in KINDS}) == len(KINDS)
    assert all(0 < k.rejected < 1 for k in KINDS)


def test_calibration_changes_the_confidence_only(monkeypatch):
    calibrated = generate([clean("canal.txt", CANAL)]).questions
    monkeypatch.setattr(pipeline, "calibrate", lambda draft: None)
    plain = generate([clean("canal.txt", CANAL)]).questions
    assert [(q.type, q.prompt, q.answer, q.options) for q in calibrated] == [
        (q.type, q.prompt, q.answer, q.options) for q in plain
    ]
    assert any(q.confidence != p.confidence for q, p in zip(calibrated, plain, strict=True))
    assert all(0.05 <= q.confidence <= 0.95 for q in calibrated)


def test_a_how_many_question_is_no_cause_and_effect_question():
    number = ["key is a number (model label, vote share 1.00)"]
    how_many = _draft("multiple_choice", number, prompt="How many ships sailed?")
    how = _draft("multiple_choice", number, prompt="How did Lee reach Harlow?")
    for d in (how_many, how):
        calibrate(d)
    assert not any("cause-and-effect" in r for r in how_many.confidence_reasons)
    assert any("cause-and-effect" in r for r in how.confidence_reasons)


def test_a_false_statement_with_a_date_swapped_is_its_own_kind():
    # reader 8 rejected most date-swapped false statements on v11, where a date question's share ranked them high
    swapped = QuestionDraft(
        type="true_false",
        prompt="The weavers of Harlow rebelled in 1826.",
        answer=False,
        confidence=0.8,
        confidence_reasons=["one date swapped for another from the corpus that this sentence does not support"],
    )
    true = _draft("true_false", ["statement taken from one sentence of the text"], prompt="Harlow fell in 1821.")
    calibrate(swapped)
    calibrate(true)
    assert swapped.confidence_reasons[1].startswith("a false statement with a date swapped: ")
    assert swapped.confidence < true.confidence
