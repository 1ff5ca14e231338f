"""Fill-in keys with Moodle's partial credit, wildcards and case: what each packaged format can carry of them.

The bank holds plain full-marks strings today; keys with fractions and a case flag arrive with another branch's
question model, so the writers and the reader are tested here on that shape directly."""

from __future__ import annotations

import pytest
from defusedxml.ElementTree import fromstring

from quizapp.bank.interchange import canvas_qti, keys, qti21_export, qti21_import

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
KEY = [
    "753",
    {"text": "about 750", "fraction": 0.5},
    "75*",
    {"text": "a \\* star", "fraction": 0.25},
    {"text": "7", "fraction": 0},
]
QUESTION = {"type": "fill_in", "prompt": "Rome was founded in _____ BC.", "options": [], "answer": KEY,
            "explanation": "", "tags": [], "title": "", "case_sensitive": True}  # fmt: skip


def test_entries_and_what_a_format_without_wildcards_keeps() -> None:
    assert keys.entries(KEY) == [("753", 1.0), ("about 750", 0.5), ("75*", 1.0), ("a \\* star", 0.25), ("7", 0.0)]
    assert keys.exact_answers(KEY, full_marks_only=True) == [("753", 1.0)]
    assert keys.exact_answers(KEY, full_marks_only=False) == [("753", 1.0), ("about 750", 0.5), ("a * star", 0.25)]
    assert keys.entry("753", 1.0) == "753"
    assert keys.entry("about 750", 0.5) == {"text": "about 750", "fraction": 0.5}


def test_qti21_maps_each_literal_answer_to_its_fraction_with_the_case_flag_and_reads_them_back() -> None:
    declaration, _, template, _ = qti21_export._ITEM_WRITERS["fill_in"](QUESTION)
    assert template == qti21_export.MAP_RESPONSE
    node = fromstring(f'<x xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1">{declaration}</x>')[0]
    mapped = [(e.get("mapKey"), e.get("mappedValue"), e.get("caseSensitive")) for e in node.iter(f"{QTI}mapEntry")]
    assert mapped == [("753", "1", "true"), ("about 750", "0.5", "true"), ("a * star", "0.25", "true")]
    back = qti21_import._text_entry(fromstring("<i/>"), node, ["753"])
    assert back == {
        "type": "fill_in",
        "options": [],
        "answer": ["753", {"text": "about 750", "fraction": 0.5}, {"text": "a * star", "fraction": 0.25}],
        "case_sensitive": True,
    }


def test_canvas_keeps_the_literal_full_marks_answers_only() -> None:
    _, _, processing = canvas_qti._ITEM_WRITERS["fill_in"](QUESTION, "q1")
    assert [v.text for v in fromstring(f"<x>{processing}</x>").iter("varequal")] == ["753"]


def test_a_key_of_wildcards_only_cannot_go_and_says_why() -> None:
    only_wild = {**QUESTION, "answer": ["*"]}
    with pytest.raises(ValueError, match="wildcard"):
        qti21_export._ITEM_WRITERS["fill_in"](only_wild)
    with pytest.raises(ValueError, match="wildcard"):
        canvas_qti._ITEM_WRITERS["fill_in"](only_wild, "q1")


def test_an_export_that_cannot_hold_a_key_names_the_question() -> None:
    from quizapp.bank.interchange import InterchangeError
    from quizapp.bank.interchange.canvas_qti import export_canvas_qti
    from quizapp.bank.interchange.qti21_export import export_qti21

    wild = {"type": "fill_in", "prompt": "Anything at all: _____", "answer": ["*"], "title": "Wild card"}
    with pytest.raises(InterchangeError, match=r'question 2 "Wild card": QTI 2\.1 cannot hold this fill-in key'):
        export_qti21([{**QUESTION, "answer": ["753"]}, wild])
    with pytest.raises(InterchangeError, match=r'question 1 "Wild card": Canvas cannot hold'):
        export_canvas_qti([wild], title="t")
