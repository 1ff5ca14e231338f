"""Write Moodle XML, laid out as Moodle's own export lays it out.

Texts Moodle shows as rich text (question text, general feedback, options,
matching left sides, ordering items) are written in ``html`` format, escaped and
in CDATA, so they show exactly as typed; short answers and matching right sides,
which Moodle treats as plain strings, are written as XML-escaped text. A question
without a title gets its prompt's opening words as name (Moodle requires a name);
the importer recognises that and gives an empty title back. A short answer's
accepted answers carry their fractions (``fraction="50"``) and ``<usecase>`` says
whether case matters.

Ordering questions use the qtype_ordering plugin's layout: the items in the right
order (Moodle shuffles them for students), so the shown order is not kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from quizapp.short_answers import accepted_answers, percent

from .text import text_to_html
from .types import InterchangeError, default_title, label, normalise_question


def export_moodle_xml(questions: Iterable[Mapping[str, Any]]) -> bytes:
    """A Moodle XML file (UTF-8, with XML declaration) holding the questions in the order given.

    Raises InterchangeError naming the question when a dict is not a valid question.
    """
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    for number, question in enumerate(questions, start=1):
        try:
            canonical = normalise_question(question)
        except ValueError as err:
            name = label(str(question.get("title") or ""), str(question.get("prompt") or ""))
            raise InterchangeError(f"question {number} {name}: {err}") from None
        parts += [f"<!-- question: {number}  -->", _question(canonical), ""]
    parts.append("</quiz>\n")
    return "\n".join(parts).encode("utf-8")


def _html(text: str, paragraph: bool = False) -> str:
    if not text:
        return "<text></text>"
    body = text_to_html(text)
    # Escaped HTML holds no ">", so it cannot close the CDATA section early.
    return f"<text><![CDATA[{f'<p>{body}</p>' if paragraph else body}]]></text>"


def _plain(text: str) -> str:
    return f"<text>{xml_escape(text)}</text>"


def _html_element(name: str, text: str, indent: str = "    ", paragraph: bool = True) -> list[str]:
    return [f'{indent}<{name} format="html">', f"{indent}  {_html(text, paragraph)}", f"{indent}</{name}>"]


def _combined_feedback() -> list[str]:
    lines = []
    for name in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        lines += _html_element(name, "")
    return [*lines, "    <shownumcorrect/>"]


def _answer(fraction: str, text: str, html: bool = True) -> list[str]:
    fmt = "html" if html else "moodle_auto_format"
    return [
        f'    <answer fraction="{fraction}" format="{fmt}">',
        f"      {_html(text) if html else _plain(text)}",
        *_html_element("feedback", "", "      "),
        "    </answer>",
    ]


def _question(q: dict[str, Any]) -> str:
    moodle_type = {
        "multiple_choice": "multichoice",
        "multiple_answer": "multichoice",
        "true_false": "truefalse",
        "fill_in": "shortanswer",
        "matching": "matching",
        "ordering": "ordering",
    }[q["type"]]
    lines = [
        f'  <question type="{moodle_type}">',
        "    <name>",
        f"      {_plain(q['title'] or default_title(q['prompt']))}",
        "    </name>",
        *_html_element("questiontext", q["prompt"]),
        *_html_element("generalfeedback", q["explanation"]),
        "    <defaultgrade>1.0000000</defaultgrade>",
        f"    <penalty>{'1.0000000' if q['type'] == 'true_false' else '0.3333333'}</penalty>",
        "    <hidden>0</hidden>",
        "    <idnumber></idnumber>",
        *_body(q),
    ]
    if q["tags"]:
        lines += ["    <tags>", *(f"      <tag>{_plain(t)}</tag>" for t in q["tags"]), "    </tags>"]
    lines.append("  </question>")
    return "\n".join(lines)


def _body(q: dict[str, Any]) -> list[str]:
    qtype = q["type"]
    if qtype == "multiple_choice":
        lines = [
            "    <single>true</single>",
            "    <shuffleanswers>true</shuffleanswers>",
            "    <answernumbering>abc</answernumbering>",
            "    <showstandardinstruction>0</showstandardinstruction>",
            *_combined_feedback(),
        ]
        for option in q["options"]:
            lines += _answer("100" if option == q["answer"] else "0", option)
        return lines
    if qtype == "multiple_answer":
        lines = [
            "    <single>false</single>",
            "    <shuffleanswers>true</shuffleanswers>",
            "    <answernumbering>abc</answernumbering>",
            "    <showstandardinstruction>0</showstandardinstruction>",
            *_combined_feedback(),
        ]
        for option, fraction in q["answer"]:
            lines += _answer(f"{fraction * 100:.7f}".rstrip("0").rstrip("."), option)
        return lines
    if qtype == "true_false":
        return [
            *_answer("100" if q["answer"] else "0", "true", False),
            *_answer("0" if q["answer"] else "100", "false", False),
        ]
    if qtype == "fill_in":
        lines = [f"    <usecase>{int(q['case_sensitive'])}</usecase>"]
        for answer in accepted_answers(q["answer"]):
            lines += _answer(percent(answer.fraction), answer.text, html=False)
        return lines
    if qtype == "matching":
        lines = ["    <shuffleanswers>true</shuffleanswers>", *_combined_feedback()]
        rights = {right for _, right in q["answer"]}
        subquestions = [*q["answer"], *([["", o] for o in q["options"] if o not in rights])]
        for left, right in subquestions:
            lines += [
                '    <subquestion format="html">',
                f"      {_html(left)}",
                f"      <answer>{_plain(right)}</answer>",
                "    </subquestion>",
            ]
        return lines
    lines = [
        "    <layouttype>VERTICAL</layouttype>",
        "    <selecttype>ALL</selecttype>",
        f"    <selectcount>{len(q['answer'])}</selectcount>",
        f"    <gradingtype>{q['grading'].upper()}</gradingtype>",
        "    <showgrading>SHOW</showgrading>",
        "    <numberingstyle>none</numberingstyle>",
        *_combined_feedback(),
    ]
    for item in q["answer"]:
        lines += _answer("1", item)
    return lines
