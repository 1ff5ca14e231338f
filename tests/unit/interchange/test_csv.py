"""CSV export: columns, readable answers, and cells a spreadsheet would run as formulas."""

from __future__ import annotations

import csv
import io

import pytest

from quizapp.bank.interchange import escape_csv_cell, export_csv

from .samples import plain_questions


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("=1+1", "'=1+1"),
        ("+x", "'+x"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("a=1", "a=1"),
        ("", ""),
    ],
)
def test_formula_cells_get_a_leading_quote(value, escaped):
    assert escape_csv_cell(value) == escaped


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_columns_and_readable_answers():
    rows = _rows(export_csv(plain_questions()))
    assert rows[0] == ["type", "prompt", "options", "answer", "explanation", "tags"]
    mc, tf, tf_false, fill, ordering, matching = rows[1:]
    assert mc[2] == "Rome | Nicomedia | Alexandria | Carthage"
    assert mc[3] == "Nicomedia"
    assert mc[5] == "rome, tetrarchy"
    assert tf[3] == "True"
    assert tf_false[3] == "False"
    assert fill[3] == "753 | 753 BC"
    assert ordering[3] == "1. Augustus | 2. Tiberius | 3. Nero"
    assert matching[3] == "Actium → 31 BC | Cannae → 216 BC | Teutoburg → 9 AD"


def test_optional_columns_appear_when_present():
    questions = [{**q, "id": i, "status": "approved", "confidence": 0.75} for i, q in enumerate(plain_questions(), 1)]
    questions[1].pop("confidence")
    rows = _rows(export_csv(questions))
    assert rows[0] == ["id", "type", "status", "prompt", "options", "answer", "explanation", "tags", "confidence"]
    assert rows[1][:3] == ["1", "multiple_choice", "approved"]
    assert rows[1][-1] == "0.75"
    assert rows[2][-1] == ""


def test_every_text_cell_is_escaped_and_quoting_keeps_newlines():
    question = {
        "type": "multiple_choice",
        "prompt": '=HYPERLINK("http://evil","x")\nsecond line',
        "options": ["+1", "-1", "@x"],
        "answer": "-1",
        "explanation": "\tTab",
        "tags": ["=tag"],
    }
    text = export_csv([question])
    assert text.endswith("\r\n")
    row = _rows(text)[1]
    assert row == [
        "multiple_choice",
        '\'=HYPERLINK("http://evil","x")\nsecond line',
        "'+1 | -1 | @x",
        "'-1",
        "'\tTab",
        "'=tag",
    ]


def test_empty_export_is_a_header():
    assert export_csv([]) == "type,prompt,options,answer,explanation,tags\r\n"
