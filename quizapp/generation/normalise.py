"""Rewrite forms the small English model misreads, keeping a map back to the original.

The parser sees the normalised text; every offset shown to a user is mapped back
to the cleaned text, so quotes stay verbatim what a reader sees.

Rewrites (all general, none tied to a topic):
- day.month. dates (``15.7.``, ``7.11.``) become ``15 July``: the model splits
  sentences on them and reads them as numbers;
- model numbers (``T 28``, ``HD 40``, ``Ar 65``) get a hyphen (``T-28``) so they are
  one token and not read as dates or counts (same length, offsets unchanged);
- European decimals before a magnitude word (``1,5 million``) get a point, and
  dotted thousands (``2.000.000``) get commas (same length);
- a sentence glued to the next one (``practiced.At``) gets a space;
- footnote markers of a copied encyclopedia page (``[12]``, ``[a]``, ``[citation needed]``) are taken out: the
  parser would read them as words of the sentence, and a question would show them; so is a gloss in brackets
  written mostly in another script (``(Russian: Бои на Халхин-Голе)``), inside which the parser cuts sentences;
- a timeline's line (``1161: King Henry granted ...``) is read as ``In 1161, King Henry granted ...``.

``written_forms`` maps what the same-length rewrites changed back to how the text writes it, for what is shown.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_DAY_MONTH = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(?![\d])")
# Codes of one to three capitals (T, HD, MS) or a capital and a lower-case letter (Ar, He),
# then a one- to three-digit number: a weapon or aircraft model, not a date or a count.
_MODEL = re.compile(r"\b([A-Z]{1,3}|[A-Z][a-z])\s(\d{1,3}[a-z]?)\b(?![.,]\d)")
_NOT_MODEL_CODES = frozenset(
    {
        "In",
        "On",
        "At",
        "By",
        "To",
        "Of",
        "No",
        "As",
        "Is",
        "It",
        "Be",
        "Up",
        "So",
        "Or",
        "An",
        "My",
        "We",
        "Us",
        "Mr",
        "Dr",
        "St",
        "Ms",
        "If",
        "Go",
        "A",
        "I",
        "AD",
        "BC",
        "CE",
        "Am",
    }
)
_EURO_DECIMAL = re.compile(r"\b(\d{1,3}),(\d{1,2})(?=\s?(?:million|billion|thousand|trillion|per\s?cent|percent|%))")
_DOTTED_THOUSANDS = re.compile(r"\b\d{1,3}(?:\.\d{3}){2,}\b")
_PARENTHESIS = re.compile(r"\s?\(([^()]{1,120})\)")
# "1161: King Henry granted ...", a line of a timeline: read as "In 1161, King Henry granted ..."
_TIMELINE_LABEL = re.compile(
    r"^(\d{3,4}(?: (?:BC|BCE|AD|CE))?)\s?[:\u2013\u2014-]\s+"
    r"(?:(The|A|An|At|In|On|After|Before|During|Under|With|By|From|Following|When|While|As|For) )?(?=[^\W\d_])"
)
_FOOTNOTE = re.compile(r"\[(?:\d{1,3}|[a-z]|citation needed|clarification needed|note \d{1,3}|nb \d{1,3})\]", re.I)
_GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=\s[.!?])(?=[A-Z][a-z])")


@dataclass
class DayMonth:
    """A day.month. date found in the text: where it is (normalised offsets) and its value."""

    start: int
    end: int
    day: int
    month: int


@dataclass
class Normalised:
    """Normalised text plus the map from its offsets to those of the original."""

    text: str
    original: str
    # Edits as (normalised start, normalised end, original start, original end), sorted.
    _edits: list[tuple[int, int, int, int]] = field(default_factory=list)
    day_months: list[DayMonth] = field(default_factory=list)

    def to_original(self, pos: int) -> int:
        """Map an offset of the normalised text to the original text.

        Offsets inside a rewritten stretch map to its start (or its end, at the end).
        """
        if not self._edits:
            return pos
        starts = [e[0] for e in self._edits]
        i = bisect.bisect_right(starts, pos) - 1
        if i < 0:
            return pos
        n_start, n_end, o_start, o_end = self._edits[i]
        if pos >= n_end:
            return o_end + (pos - n_end)
        if pos == n_start:
            return o_start
        return o_end if pos == n_end else o_start + min(pos - n_start, o_end - o_start)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) span to the original text, widening over rewrites."""
        o_start = self.to_original(start)
        o_end = self.to_original(end)
        for n_start, n_end, _o_start, e_end in self._edits:
            if n_start < end <= n_end:
                o_end = e_end
        return o_start, max(o_end, o_start)

    def in_day_month(self, start: int, end: int) -> bool:
        """True if the normalised span overlaps a rewritten day.month. date."""
        return any(d.start < end and start < d.end for d in self.day_months)


def _day_month_edits(text: str) -> list[tuple[int, int, str, DayMonth | None]]:
    edits: list[tuple[int, int, str, DayMonth | None]] = []
    for m in _DAY_MONTH.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        # The second point may also end the sentence: keep it when a capital follows.
        after = text[m.end() : m.end() + 2]
        keep_point = (
            bool(re.match(r"\s[A-Z]", after)) and m.start() > 0 and not text[: m.start()].rstrip().endswith(".")
        )
        new = f"{day} {MONTHS[month - 1]}" + ("." if keep_point else "")
        edits.append((m.start(), m.end(), new, DayMonth(0, 0, day, month)))
    return edits


def _same_length_rewrites(text: str) -> str:
    chars = list(text)
    for m in _MODEL.finditer(text):
        if m.group(1) in _NOT_MODEL_CODES:
            continue
        chars[m.start(2) - 1] = "-"
    for m in _EURO_DECIMAL.finditer(text):
        chars[m.end(1)] = "."
    for m in _DOTTED_THOUSANDS.finditer(text):
        for i in range(m.start(), m.end()):
            if chars[i] == ".":
                chars[i] = ","
    return "".join(chars)


def _other_script(gloss: str) -> bool:
    """ "(Russian: Бои на Халхин-Голе)": a gloss mostly in a script other than the Latin one, which the small
    English model cuts sentences inside; it is left out of what is parsed (and stays in every quote)."""
    letters = [c for c in gloss if c.isalpha()]
    return bool(letters) and sum(ord(c) > 0x24F for c in letters) * 2 > len(letters)


def normalise(text: str) -> Normalised:
    """Return ``text`` rewritten for parsing, with the offset map back to ``text``."""
    base = _same_length_rewrites(text)
    edits: list[tuple[int, int, str, DayMonth | None]] = _day_month_edits(base)
    edits += [(m.start(), m.start(), " ", None) for m in _GLUED_SENTENCE.finditer(base)]
    edits += [(m.start(), m.end(), "", None) for m in _FOOTNOTE.finditer(base)]
    label = _TIMELINE_LABEL.match(base)
    if label is not None:
        # the year itself is not rewritten, so a question keying it finds it where the reader does
        edits.append((0, 0, "In ", None))
        edits.append((label.end(1), label.start(2) if label.group(2) else label.end(), ", ", None))
        if label.group(2):
            edits.append((label.start(2), label.start(2) + 1, label.group(2)[0].lower(), None))
    edits += [(m.start(), m.end(), "", None) for m in _PARENTHESIS.finditer(base) if _other_script(m.group(1))]
    edits.sort(key=lambda e: (e[0], e[1]))
    out: list[str] = []
    result = Normalised(text="", original=text)
    pos = 0
    n_pos = 0
    for start, end, new, dm in edits:
        if start < pos:
            continue  # overlapping rewrites: keep the first
        out.append(base[pos:start])
        n_pos += start - pos
        result._edits.append((n_pos, n_pos + len(new), start, end))
        if dm is not None:
            dm.start, dm.end = n_pos, n_pos + len(new)
            result.day_months.append(dm)
        out.append(new)
        n_pos += len(new)
        pos = end
    out.append(base[pos:])
    result.text = "".join(out)
    return result


# a rewritten stretch: letters and digits joined by the rewrites' hyphens, points and commas
_WORD_RUN = re.compile(r"\w+(?:[-.,]\w+)*")


def written_forms(texts: list[str]) -> dict[str, str]:
    """ "Ju-52" -> "Ju 52", "1.5" -> "1,5": each word the same-length rewrites changed, as the texts write it
    (unless they also write the rewritten form somewhere, which then is theirs too)."""
    out: dict[str, str] = {}
    for text in texts:
        base = _same_length_rewrites(text)
        if base == text:
            continue
        for m in _WORD_RUN.finditer(base):
            written = text[m.start() : m.end()]
            if written != m.group(0):
                out[m.group(0)] = written
    return {rewritten: written for rewritten, written in out.items() if not any(rewritten in t for t in texts)}
