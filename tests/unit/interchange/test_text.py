"""Plain text from Moodle's HTML, and the canonical form of a question."""

from __future__ import annotations

import pytest

from quizapp.bank.interchange import normalise_question
from quizapp.bank.interchange.text import html_to_text, text_to_html
from quizapp.bank.interchange.types import format_size


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>Hello <b>bold</b> &amp; &lt;tag&gt; &eacute;&#233;&nbsp;!</p>", "Hello bold & <tag> éé !"),
        ("<p>One</p><p>Two</p>", "One\nTwo"),
        ("Line<br>break<br/>again", "Line\nbreak\nagain"),
        ("<script>alert('x')</script><style>p{}</style>Shown", "Shown"),
        ("a\n   b", "a b"),
        ("<ul><li>x</li><li>y</li></ul>", "x\ny"),
        ("3 < 5 and 6 > 4", "3 < 5 and 6 > 4"),
        ("<![x[ odd] <b>declaration</b>", "declaration"),
        ("<img src='@@PLUGINFILE@@/a.png' alt='A'>caption", "caption"),
    ],
)
def test_html_to_text(markup, text):
    assert html_to_text(markup) == text


def test_moodle_auto_format_keeps_newlines():
    assert html_to_text("a\nb <i>c</i>", keep_newlines=True) == "a\nb c"


def test_text_to_html_round_trips():
    text = "a < b & c > d\n\n<p>not a paragraph</p> &amp;"
    assert html_to_text(text_to_html(text)) == text


def test_normalise_question():
    q = normalise_question(
        {
            "type": "matching",
            "prompt": "  Match\r\n\r\n  these\x00  ",
            "answer": [("a", " 1 "), ["b", "2"]],
            "options": ["3", "2", "1", "3"],
            "tags": ["x", "X", " ", "y"],
            "title": "Match these",  # only repeats the prompt's opening, so it is dropped
            "id": 7,
        }
    )
    assert q == {
        "type": "matching",
        "prompt": "Match\n\nthese",
        "options": ["1", "2", "3"],
        "answer": [["a", "1"], ["b", "2"]],
        "explanation": "",
        "tags": ["x", "y"],
        "title": "",
        "case_sensitive": False,
    }


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ({"type": "essay", "prompt": "x"}, "unknown question type 'essay'"),
        ({"type": "true_false", "prompt": " ", "answer": True}, "the question has no text"),
        ({"type": "fill_in", "prompt": "x", "answer": [" "]}, "needs at least one accepted answer"),
        ({"type": "ordering", "prompt": "x", "answer": ["a", "a"]}, "at least two distinct"),
        ({"type": "ordering", "prompt": "x", "answer": ["a", "b"], "options": ["a", "c"]}, "answer items"),
        ({"type": "matching", "prompt": "x", "answer": [["a", "1"], ["a", "2"]]}, "not distinct"),
        ({"type": "multiple_choice", "prompt": "x", "options": ["a", "a"], "answer": "a"}, "not distinct"),
    ],
)
def test_normalise_question_refuses(question, reason):
    with pytest.raises(ValueError, match=reason):
        normalise_question(question)


def test_format_size():
    assert [format_size(n) for n in (999, 1_000, 2_500, 5_000_000, 6_234_567)] == [
        "999 bytes",
        "1 KB",
        "2.5 KB",
        "5 MB",
        "6.2 MB",
    ]
