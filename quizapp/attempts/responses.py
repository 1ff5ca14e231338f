"""Reading a student's answer from form fields, and writing it back for the page.

Pure: plain values in, plain values out. The page never names options by their
text or by their index in the stored question: it names them by the position
they were *shown* at, which the attempt fixed when it started. A forged value
(a position that was not shown, a text for a choice) is refused here.

Canonical responses, as stored and graded:
multiple_choice -> option text; multiple_answer -> the option texts ticked, in shown order;
true_false -> bool; fill_in -> str;
ordering -> item texts in the student's order, or, while unfinished (some items without a position,
or two at one), {"positions": {item text: position from 1}} as the student left it;
matching -> [[left, right], ...].
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from quizapp.request_args import whole_number
from quizapp.wording import count as count_of

FILL_IN_MAX = 300


class InvalidResponse(ValueError):
    """The fields do not make an answer to this question; ``str()`` says why, for the student."""


@dataclass(frozen=True)
class Shown:
    """What the student was shown of one question (no key in here)."""

    type: str
    options: Sequence[str]  # as stored on the question version
    option_order: Sequence[int]  # indexes into options, in shown order
    lefts: Sequence[str] = ()  # matching: the left-hand items, in shown order

    def shown_options(self) -> list[str]:
        return [self.options[i] for i in self.option_order]


def _shown_index(value: Any, count: int) -> int:
    index = whole_number(value.strip() if isinstance(value, str) else value, maximum=count - 1)
    if index is None:
        raise InvalidResponse("That answer is not one of the choices shown.")
    return index


def read_response(shown: Shown, fields: Mapping[str, Any]) -> Any:
    """The canonical response from the question's fields; None when nothing is answered."""
    reader = _READERS.get(shown.type)
    if reader is None:
        raise InvalidResponse("This question cannot be answered.")
    return reader(shown, fields)


def _read_choice(shown: Shown, fields: Mapping[str, Any]) -> str | None:
    value = fields.get("choice")
    if value in (None, ""):
        return None
    return shown.shown_options()[_shown_index(value, len(shown.option_order))]


def _read_picks(shown: Shown, fields: Mapping[str, Any]) -> list[str] | None:
    """Choose all that apply: one checkbox a shown option, ``pick-<shown index>``, sent only when ticked."""
    items = shown.shown_options()
    picked = set()
    for name, value in fields.items():
        if not name.startswith("pick-"):
            raise InvalidResponse("That answer is not one of the choices shown.")
        if value in (None, "", False):
            continue
        picked.add(_shown_index(name.removeprefix("pick-"), len(items)))
    return [items[index] for index in sorted(picked)] or None


def _read_true_false(shown: Shown, fields: Mapping[str, Any]) -> bool | None:
    value = str(fields.get("choice", "")).strip().lower()
    if value == "":
        return None
    if value not in ("true", "false"):
        raise InvalidResponse("Answer with true or false.")
    return value == "true"


def _read_text(shown: Shown, fields: Mapping[str, Any]) -> str | None:
    value = fields.get("text")
    if value is None:
        return None
    text = " ".join(str(value).split())
    if len(text) > FILL_IN_MAX:
        raise InvalidResponse(f"An answer can have at most {FILL_IN_MAX} characters.")
    return text or None


def _read_ordering(shown: Shown, fields: Mapping[str, Any]) -> list[str] | dict[str, dict[str, int]] | None:
    """The items in the student's order; an unfinished order is kept as it was left (never dropped)."""
    items = shown.shown_options()
    positions: dict[int, int] = {}
    for index in range(len(items)):
        value = str(fields.get(f"position-{index}", "")).strip()
        if value == "":
            continue
        number = whole_number(value, minimum=1, maximum=len(items))
        if number is None:
            raise InvalidResponse(f"Positions go from 1 to {len(items)}.")
        positions[index] = number
    if not positions:
        return None
    if len(positions) < len(items) or len(set(positions.values())) != len(items):
        return {"positions": {items[index]: rank for index, rank in positions.items()}}
    return [items[index] for index, _ in sorted(positions.items(), key=lambda pair: pair[1])]


def unfinished_positions(response: Any) -> dict[str, int] | None:
    """An unfinished order's positions by item text (None for any other response)."""
    if isinstance(response, dict) and isinstance(response.get("positions"), dict):
        return response["positions"]
    return None


def response_problem(shown: Shown, response: Any) -> str | None:
    """What is unfinished about a saved response, for the student, at the question; None when nothing is."""
    positions = unfinished_positions(response) if shown.type == "ordering" else None
    if positions is None:
        return None
    count = len(shown.option_order)
    missing = count - len(positions)
    taken = Counter(positions.values())
    twice = sorted(rank for rank, times in taken.items() if times > 1)
    parts = []
    if twice:
        given = "position " if len(twice) == 1 else "positions "
        parts.append(given + ", ".join(str(rank) for rank in twice) + " given to more than one item")
    if missing:
        parts.append(f"{count_of(missing, 'item has', 'items have')} no position")
    return (
        f"This order is saved as you left it but not finished: {' and '.join(parts)}. "
        f"Give every item a different position from 1 to {count}."
    )


def _read_matching(shown: Shown, fields: Mapping[str, Any]) -> list[list[str | None]] | None:
    rights = shown.shown_options()
    pairs: list[list[str | None]] = []
    for index, left in enumerate(shown.lefts):
        value = fields.get(f"match-{index}")
        if value in (None, ""):
            pairs.append([left, None])
            continue
        pairs.append([left, rights[_shown_index(value, len(rights))]])
    if all(right is None for _, right in pairs):
        return None
    return pairs


_READERS = {
    "multiple_choice": _read_choice,
    "multiple_answer": _read_picks,
    "true_false": _read_true_false,
    "fill_in": _read_text,
    "ordering": _read_ordering,
    "matching": _read_matching,
}


def fields_for(shown: Shown, response: Any) -> dict[str, str]:
    """The form fields that show a saved response again (the inverse of read_response)."""
    if response is None:
        return {}
    items = shown.shown_options()
    if shown.type == "multiple_choice":
        return {"choice": str(items.index(response))} if response in items else {}
    if shown.type == "multiple_answer":
        return {f"pick-{items.index(item)}": "1" for item in response if item in items}
    if shown.type == "true_false":
        return {"choice": "true" if response else "false"}
    if shown.type == "fill_in":
        return {"text": str(response)}
    if shown.type == "ordering":
        ranks = unfinished_positions(response) or {item: rank + 1 for rank, item in enumerate(response)}
        return {f"position-{items.index(item)}": str(rank) for item, rank in ranks.items() if item in items}
    if shown.type == "matching":
        chosen = dict(response)
        return {
            f"match-{index}": str(items.index(chosen[left]))
            for index, left in enumerate(shown.lefts)
            if chosen.get(left) in items
        }
    return {}
