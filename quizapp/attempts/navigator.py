"""The question numbers under an attempt's questions, built once in Python as one piece of HTML.

Rendered by ``_navigator.html`` entry by entry, they were a tenth of a question page's CPU, most of it
markupsafe escaping each of the ~15 values of each of 20 entries. Every value here is a whole number or one
of the fixed words below, so nothing needs escaping: the numbers are formatted with ``:d``, which refuses
anything but an integer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

_MARK = '<span class="nav-mark" aria-hidden="true">{}</span><span class="nav-flag" aria-hidden="true">{}</span>'


@dataclass
class NavEntry:
    position: int
    number: int
    answered: bool
    current: bool
    flagged: bool = False


def _label(entry: NavEntry) -> str:
    # Each says answered or not in words (for screen readers), besides the symbol and the colour.
    answered = ", answered" if entry.answered else ", not answered"
    return f"Question {entry.number:d}{answered}{', flagged to come back to' if entry.flagged else ''}"


def _classes(entry: NavEntry) -> str:
    state = "btn-primary" if entry.current else ("btn-success" if entry.answered else "btn-outline-secondary")
    return f"btn nav-question {state}"


def navigator_items(entries: Sequence[NavEntry], *, paged: bool) -> Markup:
    """The ``<li>`` of each question number. Paged: a button that saves this question and goes to that one
    (``goto-N``); all on one page: a link to the question."""
    items = []
    for entry in entries:
        inside = str(entry.number) + _MARK.format("✓" if entry.answered else "", "⚑" if entry.flagged else "")
        flagged = ' data-flagged="true"' if entry.flagged else ""
        if paged:
            current = ' aria-current="step"' if entry.current else ""
            control = (
                f'<button type="submit" name="action" value="goto-{entry.position:d}" data-nav="{entry.position:d}"'
                f' class="{_classes(entry)}"{current}{flagged} aria-label="{_label(entry)}">{inside}</button>'
            )
        else:
            control = (
                f'<a href="#q{entry.position:d}" data-nav="{entry.position:d}" class="{_classes(entry)}"{flagged}'
                f' aria-label="{_label(entry)}">{inside}</a>'
            )
        items.append(f'<li class="list-inline-item mb-1">{control}</li>')
    return Markup("\n".join(items))  # noqa: S704 - whole numbers and fixed words only (see the module's docstring)
