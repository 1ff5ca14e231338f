"""Numbers and text that come with a request (a URL, a query string, a form field, a JSON body), read in one place.

Ids are stored in PostgreSQL ``integer`` columns: a number beyond 2,147,483,647 sent to the database is an
error there (SQLite's integers are wider, so PostgreSQL's bound holds for both). A number is ASCII digits
only: ``str.isdigit()`` is true for '²', which ``int()`` refuses, and ``int()`` reads full-width digits,
which no link of the app ever writes. PostgreSQL refuses a NUL byte in text, and no control character has
a place in a search or a filter.

The functions know nothing of Flask or the database: plain values in, plain values out. The URL converters
(``<id:quiz_id>``, ``<index:position>``) are registered in ``create_app`` and use the same rule, so a URL
with an odd number does not match its route (404) rather than reaching a view.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from werkzeug.routing import BaseConverter, ValidationError

DB_INT_MAX = 2_147_483_647
_DIGITS = re.compile(r"[0-9]{1,10}")  # ten digits hold DB_INT_MAX; more is out of range however it reads


def whole_number(value: Any, *, minimum: int = 0, maximum: int = DB_INT_MAX) -> int | None:
    """``value`` as an int in ``minimum..maximum``, or None.

    Accepts ASCII digits (a str, as in a URL or a form) or an int (as in JSON); refuses everything else,
    including a bool, a float, a sign, spaces and digits of other scripts.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _DIGITS.fullmatch(value):
        number = int(value)
    else:
        return None
    return number if minimum <= number <= maximum else None


def id_arg(value: Any) -> int | None:
    """An id (1..DB_INT_MAX) from a query argument, form field or JSON value; None when it is not one."""
    return whole_number(value, minimum=1)


def ids_arg(values: list[Any]) -> list[int] | None:
    """The ids of a form's checkboxes, in order; None when any of them is not an id (a forged form)."""
    ids = [id_arg(value) for value in values]
    return None if None in ids else [number for number in ids if number is not None]


def page_arg(value: Any, *, last: int = DB_INT_MAX) -> int:
    """A page number from ``?page=`` (or ``?per_page=``): 1 when missing or malformed, at most ``last``."""
    number = whole_number(value, minimum=1)
    return 1 if number is None else min(number, last)


def text_arg(value: Any, *, max_length: int = 200) -> str:
    """Text from a query argument or form field for a search or a filter: control characters (NUL, CR, LF,
    escape ...) become spaces, surrounding spaces go, and it is cut to ``max_length`` characters."""
    if not isinstance(value, str):
        return ""
    cleaned = "".join(" " if unicodedata.category(char) == "Cc" else char for char in value)
    return cleaned.strip()[:max_length]


def has_control_characters(value: str) -> bool:
    """True when ``value`` holds a control character (NUL, CR, LF, tab, escape, DEL, C1)."""
    return any(unicodedata.category(char) == "Cc" for char in value)


def _numbers_up_to(limit: int) -> str:
    """A regular expression for the numbers 1..limit written in ASCII digits without leading zeros.

    The range lives in the pattern, not only in ``to_python``: werkzeug answers 405 rather than 404 when a
    value its pattern took is refused for a POST route that shares its path with a GET one.
    """
    digits = str(limit)
    options = [f"[1-9][0-9]{{0,{len(digits) - 2}}}"] if len(digits) > 1 else []
    for i, digit in enumerate(digits):
        lowest = 1 if i == 0 else 0
        if int(digit) > lowest:  # same length as the limit: its first i digits, then a smaller one, then any
            options.append(f"{digits[:i]}[{lowest}-{int(digit) - 1}][0-9]{{{len(digits) - i - 1}}}")
    options.append(digits)
    return "(?:" + "|".join(options) + ")"


class IdConverter(BaseConverter):
    """``<id:name>``: ASCII digits, 1..DB_INT_MAX, no leading zero; anything else does not match (404)."""

    regex = _numbers_up_to(DB_INT_MAX)
    weight = 50
    minimum = 1

    def to_python(self, value: str) -> int:
        number = whole_number(value, minimum=self.minimum)
        if number is None:
            raise ValidationError()
        return number

    def to_url(self, value: Any) -> str:
        return str(int(value))


class IndexConverter(IdConverter):
    """``<index:name>``: a position counted from 0 (a question in an attempt), 0..DB_INT_MAX."""

    regex = f"(?:0|{IdConverter.regex})"
    minimum = 0


URL_CONVERTERS = {"id": IdConverter, "index": IndexConverter}
