"""CSV for spreadsheets, shared by every export (the question bank's, the gradebook's, the item analysis'). Pure.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula ("CSV injection"): every
text cell is escaped with a leading single quote. When serving the text for Excel, encode it as ``utf-8-sig``
so Excel recognises UTF-8.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_csv_cell(value: str) -> str:
    """The cell text with a leading single quote when a spreadsheet would otherwise read it as a formula."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def table_to_csv(rows: Iterable[Iterable[object]]) -> str:
    """Any table (header first) as CSV text: numbers stay numbers (a negative figure is not a formula),
    every other cell is text escaped with :func:`escape_csv_cell`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow(
            [
                cell if isinstance(cell, int | float) and not isinstance(cell, bool) else escape_csv_cell(str(cell))
                for cell in row
            ]
        )
    return out.getvalue()
