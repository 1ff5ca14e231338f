"""Questions as CSV for spreadsheets: one row each, answers written for people to read.

The text is returned as a ``str``; when serving it for Excel, encode it as
``utf-8-sig`` so Excel recognises UTF-8.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from quizapp.short_answers import describe_key
from quizapp.spreadsheets import escape_csv_cell

_SEPARATOR = " | "


def readable_answer(question: Mapping[str, Any]) -> str:
    """The answer as a person reads it: the option, True/False, accepted answers, numbered order, or pairs."""
    answer = question.get("answer")
    qtype = question.get("type")
    if qtype == "true_false" or isinstance(answer, bool):
        return "True" if answer else "False"
    if isinstance(answer, str):
        return answer
    if not isinstance(answer, (list, tuple)):
        return "" if answer is None else str(answer)
    if qtype == "ordering":
        return _SEPARATOR.join(f"{i}. {item}" for i, item in enumerate(answer, start=1))
    if qtype == "multiple_answer":
        return _SEPARATOR.join(
            f"{p[0]} ({p[1] * 100:g}%)" for p in answer if isinstance(p, (list, tuple)) and len(p) == 2 and p[1]
        )
    if qtype == "matching":
        return _SEPARATOR.join(
            f"{p[0]} → {p[1]}" if isinstance(p, (list, tuple)) and len(p) == 2 else str(p) for p in answer
        )
    if qtype == "fill_in":
        return describe_key(answer).replace(" / ", _SEPARATOR)
    return _SEPARATOR.join(str(a) for a in answer)


def export_csv(questions: Iterable[Mapping[str, Any]]) -> str:
    """CSV text with a header row: id (when any question has one), type, status (likewise), prompt,
    options (joined with " | "), answer (readable), explanation, tags (comma-separated), confidence (likewise).

    Every text cell is escaped with :func:`quizapp.spreadsheets.escape_csv_cell`; rows end in CRLF as RFC 4180 says.
    """
    rows = list(questions)
    present = {name for name in ("id", "status", "confidence") if any(name in row for row in rows)}
    columns = [
        *(["id"] if "id" in present else []),
        "type",
        *(["status"] if "status" in present else []),
        "prompt",
        "options",
        "answer",
        "explanation",
        "tags",
        *(["confidence"] if "confidence" in present else []),
    ]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([escape_csv_cell(_cell(row, column)) for column in columns])
    return out.getvalue()


def _cell(row: Mapping[str, Any], column: str) -> str:
    if column == "answer":
        return readable_answer(row)
    value = row.get(column)
    if value is None:
        return ""
    if column == "options":
        return _SEPARATOR.join(str(v) for v in value) if isinstance(value, (list, tuple)) else str(value)
    if column == "tags":
        return ", ".join(str(v) for v in value) if isinstance(value, (list, tuple)) else str(value)
    return str(value)
