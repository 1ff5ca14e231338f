"""Reading dates and counts out of entity text, and writing them in other forms."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from .normalise import MONTHS

_MONTH_RE = "|".join(MONTHS) + "|" + "|".join(m[:3] + r"\.?" for m in MONTHS if len(m) > 3)
_MONTH_INDEX = {m.lower(): i + 1 for i, m in enumerate(MONTHS)} | {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)}
MONTH_INDEX = _MONTH_INDEX  # month names and their three-letter forms, lower case -> 1..12
# A month as a line or a date stub writes it, case as written: the name, or its short form with or without a dot.
MONTH_PATTERN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_MDY = re.compile(rf"^(?:(?:on|in)\s+)?(?:the\s+)?({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{3,4}})$", re.I)
_DMY = re.compile(
    rf"^(?:(?:on|in)\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE}),?\s+"
    rf"(\d{{3,4}})$",
    re.I,
)
_MY = re.compile(rf"^(?:(?:on|in)\s+)?({_MONTH_RE}),?\s+(\d{{3,4}})$", re.I)
_Y = re.compile(r"^(?:(?:in|the year)\s+)?(\d{3,4})$", re.I)
_WEEKDAY = re.compile(r"^(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+", re.I)
_BEFORE_CHRIST = re.compile(r"^(?:(?:in|by|about|around|c\.)\s+)?(\d{1,4})\s*(BC|BCE|B\.C\.?|B\.C\.E\.?)$", re.I)
_ANNO_DOMINI = re.compile(r"^(?:(?:in|by)\s+)?(?:(\d{1,4})\s*(AD|CE|A\.D\.?|C\.E\.?)|(AD|A\.D\.)\s*(\d{1,4}))$", re.I)
ERA_WORDS = frozenset({"bc", "bce", "b.c.", "b.c.e.", "ad", "ce", "a.d.", "c.e."})
_DECADE = re.compile(r"^(?:the\s+)?(?:early\s+|late\s+|mid-)?(\d{3})0s$", re.I)


@dataclass(frozen=True)
class DateValue:
    """A parsed date: ``granularity`` is 'day', 'month', 'year' or 'decade'; ``style`` 'mdy' or 'dmy'."""

    year: int
    month: int = 0
    day: int = 0
    granularity: str = "year"
    style: str = "mdy"
    era: str = ""  # "BC", "BCE", "AD" or "CE" as the text wrote it; a year before Christ is negative

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month, self.day)

    def as_day(self) -> datetime.date | None:
        """The calendar day (the first of a month or year that names none), or None before year 1."""
        try:
            return datetime.date(self.year, max(self.month, 1), max(self.day, 1))
        except ValueError:
            return None

    def render(self, style: str | None = None) -> str:
        """Write the date in ``style`` (defaults to its own): 'April 16, 1922' or '16 April 1922'."""
        style = style or self.style
        if self.granularity == "day":
            month = MONTHS[self.month - 1]
            return f"{month} {self.day}, {self.year}" if style == "mdy" else f"{self.day} {month} {self.year}"
        if self.granularity == "month":
            return f"{MONTHS[self.month - 1]} {self.year}"
        if self.granularity == "decade":
            return f"the {self.year}s"
        if self.year < 0:
            return f"{-self.year} {self.era or 'BC'}"
        if self.era:
            return f"AD {self.year}" if self.era == "AD" else f"{self.year} {self.era}"
        return str(self.year)

    def variants(self) -> list[str]:
        """All the ways a student may write this date."""
        out = [self.render("mdy"), self.render("dmy")]
        if self.granularity == "day":
            month = MONTHS[self.month - 1]
            out += [
                f"{month} {self.day} {self.year}",
                f"{self.day}. {self.month}. {self.year}",
                f"{self.day}.{self.month}.{self.year}",
                f"{self.year}-{self.month:02d}-{self.day:02d}",
            ]
        if self.granularity == "decade":
            out += [f"{self.year}s"]
        if self.year < 0:
            out += [f"{-self.year} {era}" for era in ("BC", "BCE", "B.C.", "B.C.E.")]
        elif self.era:
            out += [f"{self.year} AD", f"AD {self.year}", f"{self.year} CE", str(self.year)]
        return list(dict.fromkeys(out))


def _year_ok(year: int) -> bool:
    return 100 <= year <= 2100


@lru_cache(maxsize=8192)  # the makers and guards ask it of the same few date texts thousands of times
def parse_date(text: str) -> DateValue | None:
    """Parse an entity's text as a date of a known granularity; None for vague or odd forms."""
    t = " ".join(text.replace("\u00a0", " ").split()).strip(" ,.")
    t = _WEEKDAY.sub("", t)
    for rx, style in ((_MDY, "mdy"), (_DMY, "dmy")):
        m = rx.match(t)
        if m:
            a, b, y = m.groups()
            month_s, day_s = (a, b) if style == "mdy" else (b, a)
            month = _MONTH_INDEX.get(month_s.lower().rstrip("."), 0)
            day, year = int(day_s), int(y)
            if month and 1 <= day <= 31 and _year_ok(year):
                return DateValue(year, month, day, "day", style)
            return None
    m = _MY.match(t)
    if m:
        month = _MONTH_INDEX.get(m.group(1).lower().rstrip("."), 0)
        year = int(m.group(2))
        return DateValue(year, month, 0, "month") if month and _year_ok(year) else None
    m = _Y.match(t)
    if m:
        year = int(m.group(1))
        return DateValue(year) if _year_ok(year) and len(m.group(1)) == 4 else None
    m = _BEFORE_CHRIST.match(t)
    if m and 1 <= int(m.group(1)) <= 9999:
        return DateValue(-int(m.group(1)), era="BCE" if "E" in m.group(2).upper() else "BC")
    m = _ANNO_DOMINI.match(t)
    if m:
        year = int(m.group(1) or m.group(4))
        era = (m.group(2) or m.group(3) or "").upper().replace(".", "")
        return DateValue(year, era="CE" if era == "CE" else "AD") if 1 <= year <= 2100 else None
    m = _DECADE.match(t)
    if m and not re.search(r"early|late|mid", t, re.I):
        return DateValue(int(m.group(1)) * 10, granularity="decade")
    return None


_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
# "1,5 million" as much of Europe writes it: a comma before fewer than three digits is a decimal comma.
_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_COUNT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1,
}  # fmt: skip


def parse_number(text: str) -> float | None:
    """Parse a count: digits (``1,300``, ``450``, ``2.5``, ``1,5``), optionally with a scale word (``8.5 million``,
    ``one million``, ``two thousand``); None otherwise (a bare word like "one" is no count to ask about)."""
    parts = text.strip().split()
    if not parts or len(parts) > 2:
        return None
    scale = 1.0
    if len(parts) == 2:
        if parts[1].lower() not in _SCALE_WORDS:
            return None
        scale = _SCALE_WORDS[parts[1].lower()]
    t = parts[0]
    if len(parts) == 2 and t.lower() in _COUNT_WORDS:
        return _COUNT_WORDS[t.lower()] * scale
    if _DECIMAL_COMMA.match(t) and len(parts) == 2:
        t = t.replace(",", ".")
    if not _NUMBER.match(t):
        return None
    return float(t.replace(",", "")) * scale


def number_variants(text: str) -> list[str]:
    """Ways to write a count: with and without thousands separators."""
    value = parse_number(text)
    if value is None:
        return [text]
    plain = str(int(value)) if value.is_integer() else str(value)
    grouped = f"{int(value):,}" if value.is_integer() else plain
    return list(dict.fromkeys([text, plain, grouped]))
