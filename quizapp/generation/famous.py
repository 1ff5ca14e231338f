"""Keys a pupil answers without the article: a world-famous event or place that the stem itself names.

"In 1914, at the outbreak of the _____" is the First World War to anyone, and "made the pilgrimage to _____" is
Mecca: the question tests nothing the article taught. The table (``data/famous_events.txt``) holds only events and
places of general history; each stands for its other names in ``data/name_variants.txt``.
"""

from __future__ import annotations

import re
from functools import cache

from .datafiles import table_lines
from .textutil import BLANK, contains_phrase

_YEAR = re.compile(r"(?<![\d,.])(\d{3,4})(?!\d|,\d)(?!\s*(?:BC|BCE)\b)")
# The blank as the time the sentence is set in ("reconstructed after the _____"): a famous event there is asked
# for as a date, which the stem's own setting gives away as surely as a year would.
_TIME_BEFORE_BLANK = re.compile(
    rf"\b(?:after|during|before|since|until|(?:outbreak|end|start|eve|aftermath) of)\s+the\s+{re.escape(BLANK)}",
    re.I,
)


@cache
def _famous() -> dict[str, tuple[tuple[int, int] | None, tuple[str, ...]]]:
    """Every name of a famous event or place, lower case -> (the years it spans, or None; its cue words)."""
    table: dict[str, tuple[tuple[int, int] | None, tuple[str, ...]]] = {}
    for line in table_lines("famous_events.txt"):
        name, spec = (s.strip() for s in line.split("=", 1))
        years: tuple[int, int] | None = None
        words: tuple[str, ...] = ()
        for part in spec.split("|"):
            label, _, value = part.strip().partition(" ")
            if label == "years":
                start, end = value.split("-")
                years = (int(start), int(end))
            elif label == "words":
                words = tuple(w.strip() for w in value.split(",") if w.strip())
        table[name.lower()] = (years, words)
    for line in table_lines("name_variants.txt"):
        if ">" in line:  # a one-way line names no new event
            continue
        names = [n.strip() for n in line.split("|") if n.strip()]
        known = next((table[n.lower()] for n in names if n.lower() in table), None)
        if known:
            for n in names:
                table.setdefault(n.lower(), known)
    return table


def famous_cue(prompt: str, key: str) -> str | None:
    """What in the stem names a world-famous key without the article (a year within the event's span, a word
    that points at the place alone), or None."""
    bare = re.sub(r"^the\s+", "", key.strip(), flags=re.I).lower()
    found = _famous().get(bare)
    if found is None:
        return None
    years, words = found
    stem = prompt.replace(BLANK, " ")
    setting = _TIME_BEFORE_BLANK.search(prompt) if years else None
    if setting:
        return setting.group(0).rsplit(" the ", 1)[0]
    if years:
        for y in _YEAR.findall(stem):
            if years[0] <= int(y) <= years[1]:
                return y
    return next((w for w in words if contains_phrase(stem, w)), None)
