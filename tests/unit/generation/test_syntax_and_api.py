"""Stem transformations on made-up sentences, option order, the model setting and progress reports."""

import pytest

from quizapp.generation import generate
from quizapp.generation.analysis import parse_corpus
from quizapp.generation.candidates.multiple_choice import ordered_options
from quizapp.generation.entities import repair_kinds
from quizapp.generation.nlp import DEFAULT_MODEL, ENV_VAR, get_nlp, model_name
from quizapp.generation.syntax import wh_question

from ._articles import clean, corpus


def _questions(text):
    c = parse_corpus([clean("s.txt", "Title\n\n" + text)], get_nlp())
    repair_kinds(c)
    return {m.text: wh_question(s, m) for s in c.sentences for m in s.mentions}


@pytest.mark.parametrize(
    ("sentence", "key", "expected"),
    [
        (
            "The engineer Otto Falk built the Rhine bridge at Arnheim in 1872.",
            "1872",
            "When did the engineer Otto Falk build the Rhine bridge at Arnheim?",
        ),
        ("A naval school was founded at Kiel in 1865.", "Kiel", "Where was a naval school founded in 1865?"),
        (
            "The London Steelyard was closed by Queen Mary Tudor in 1554.",
            "Mary Tudor",
            "Who closed the London Steelyard in 1554?",
        ),
    ],
)
def test_wh_stems(sentence, key, expected):
    got = _questions(sentence)
    assert got.get(key) == expected, got


def test_dates_and_counts_are_listed_in_order():
    assert ordered_options(["1901", "1846", "1866", "1874"]) == ["1846", "1866", "1874", "1901"]
    assert ordered_options(["June 3, 1839", "May 1, 1801", "July 9, 1840", "March 2, 1839"])[0] == "May 1, 1801"
    assert ordered_options(["2,000", "450", "60", "1,300"]) == ["60", "450", "1,300", "2,000"]
    assert sorted(ordered_options(["Kiel", "Bremen", "Danzig", "Stettin"])) == ["Bremen", "Danzig", "Kiel", "Stettin"]


def test_model_name_argument_env_and_default(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert model_name() == DEFAULT_MODEL
    monkeypatch.setenv(ENV_VAR, "en_core_web_sm")
    assert model_name() == "en_core_web_sm"
    assert model_name("custom_model") == "custom_model"


def test_unknown_model_fails_loudly():
    with pytest.raises(OSError, match="no_such_model_xyz"):
        generate(list(corpus()), model="no_such_model_xyz")


def test_progress_is_reported_in_stages():
    seen = []
    generate(list(corpus()), progress=lambda stage, fraction: seen.append((stage, fraction)))
    stages = [s for s, _ in seen]
    assert stages[0] == "ingest"
    assert stages[-1] == "done"
    assert {"parse", "candidates", "rank"} <= set(stages)
    assert all(0.0 <= f <= 1.0 for _, f in seen)


def test_max_questions_caps_the_result():
    assert len(generate(list(corpus()), max_questions=5).questions) <= 5
    assert generate(list(corpus()), max_questions=0).questions == []
