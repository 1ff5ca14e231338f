"""Normalising free-text answers, so that a student's wording compares equal to an accepted one.

Standard library only. Both sides of a comparison (the student's response and each accepted
variant) go through :func:`normalise_free_text`, so a rule only has to be *consistent*; what
matters is that it joins forms that mean the same and never joins forms that mean different
things. The steps, in order:

1. Unicode: NFKC, straight quotes and dashes, casefold, accents stripped (NFKD without
   combining marks, plus the few letters that do not decompose: ø, ł, đ, æ, œ, ...), any
   Unicode decimal digit written as ASCII.
2. Ordinal suffixes go (``16th`` → ``16``); number words become digits (``forty-two`` → ``42``,
   ``first`` → ``1``, ``one hundred and one`` → ``101``, ``a thousand`` → ``1000``). A bare
   ``hundred``/``thousand``/``million`` with no count before it stays a word
   (``Hundred Years' War``).
3. Dates become one canonical form: ``1922-04-16`` for a day, ``1922-04`` for a month,
   ``--04-16`` for a day without a year. Read: ``16 April 1922``, ``16th of April, 1922``,
   ``April 16, 1922``, ``16.4.1922``, ``16/4/1922``, ``16-4-1922`` (numeric dates are always
   day first), ``1922-04-16``, ``1922/4/16``, ``April 1922``, ``1922-04`` (only with a
   two-digit month 01-12, so the range ``1914-18`` is left alone, though ``1910-12`` reads as
   December 1910), ``16 April``, ``April 16``,
   ``16.4.``; month names full or abbreviated (``Sept.``); a leading weekday is dropped.
   Two-digit years and impossible dates (``31 June``) are not dates.
4. Numbers become plain digits with ``.`` as decimal point: ``1,000`` = ``1 000`` = ``1000``;
   ``1,5`` = ``1.5``; ``1.000.000`` = ``1.000.000,0`` = ``1000000``; a count followed by
   ``hundred``/``thousand``/``million``/``billion`` is multiplied out (``1.5 million`` =
   ``1,5 million`` = ``1500000``). The ambiguous cases: a single comma followed by exactly
   three digits groups thousands (``1,500`` = 1500, as English writes it), with one, two or
   four or more digits it is a decimal comma (``1,50`` = 1.5); a single dot is always a
   decimal point (``1.500`` = 1.5), two or more dotted three-digit groups are thousands.
   Leading and trailing zeros that carry no value go (``007`` = ``7``, ``2.50`` = ``2.5``).
5. ``%``/``per cent`` become ``percent``, ``&`` becomes ``and``, dotted initials close up
   (``U.S.A.`` = ``USA``); other punctuation becomes a space (an apostrophe just goes:
   ``O'Brien`` = ``OBrien``), symbols such as ``$`` or ``+`` stay as words of their own.
6. Leading articles (``the``, ``a``, ``an``) go unless nothing else would be left; whitespace
   collapses.

Not handled, on purpose or for now: Roman numerals (they would turn ``I``, ``mix`` or
``civil`` into numbers), negative numbers (``-5`` reads as ``5``), two-digit years,
month-first numeric dates, prepositions before dates (``in 1922`` is not ``1922``).
"""

from __future__ import annotations

import calendar
import re
import unicodedata

__all__ = ["fold_text", "normalise_free_text"]

_STRAIGHTEN = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02bb\u0060\u00b4", "'")
    | dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb", '"')
    | dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d", "-")
)
# Letters with a stroke or ligatures have no decomposition, so NFKD alone would keep them apart.
_UNDECOMPOSABLE = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "þ": "th", "æ": "ae", "œ": "oe"}
)
_ARTICLES = frozenset({"the", "a", "an"})

# Number words. Ordinals are read as their cardinal and may only end a number.
_UNITS = {
    word: value
    for value, word in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    )
}  # fmt: skip
_TENS = {
    word: 10 * (i + 2)
    for i, word in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
}
_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9}
_ORDINALS = {
    "first": "one", "second": "two", "third": "three", "fifth": "five", "eighth": "eight", "ninth": "nine",
    "twelfth": "twelve",
} | {
    word + "th": word
    for word in list(_UNITS)[4:] + list(_SCALES)
    if word not in ("five", "eight", "nine", "twelve")
} | {word[:-1] + "ieth": word for word in _TENS}  # fmt: skip
_NUMBER_WORD = "(?:" + "|".join(sorted([*_UNITS, *_TENS, *_SCALES, *_ORDINALS], key=len, reverse=True)) + r")\b"
_NUMBER_WORD_RUN = re.compile(rf"\b{_NUMBER_WORD}(?:(?:\s+and\s+|\s+|-){_NUMBER_WORD})*")
_A_SCALE = re.compile(r"\ban?\s+(?=(?:hundred|thousand|million|billion)\b)")
_ORDINAL_SUFFIX = re.compile(r"\b([0-9]+)(?:st|nd|rd|th)\b")

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip
_M = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_D = r"(?P<day>[0-9]{1,2})"
_Y = r"(?P<year>[0-9]{3,4})\b"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b,?\s*)?"
_NOT_AFTER_NUMBER = r"(?<![0-9][.,/-])\b"
_NOT_BEFORE_NUMBER = r"(?![.,/-]?[0-9])"
# Most specific first: a full date must be taken before its "April 1922" or "16 April" part.
_DATE_PATTERNS = [
    re.compile(rf"{_NOT_AFTER_NUMBER}(?P<year>[0-9]{{4}})(?P<sep>[-/.])(?P<month>[0-9]{{1,2}})(?P=sep){_D}\b"
               rf"{_NOT_BEFORE_NUMBER}"),
    re.compile(rf"{_NOT_AFTER_NUMBER}{_D}(?P<sep>[-/.])(?P<month>[0-9]{{1,2}})(?P=sep)(?P<year>[0-9]{{4}})\b"
               rf"{_NOT_BEFORE_NUMBER}"),
    re.compile(rf"\b{_WEEKDAY}{_D}\s*(?:of\s+)?{_M},?\s*{_Y}{_NOT_BEFORE_NUMBER}"),
    re.compile(rf"\b{_WEEKDAY}{_M}\s*{_D}(?:,\s*|\s+){_Y}{_NOT_BEFORE_NUMBER}"),
    re.compile(rf"\b{_M},?\s*(?:of\s+)?{_Y}{_NOT_BEFORE_NUMBER}"),
    re.compile(rf"{_NOT_AFTER_NUMBER}(?P<year>[0-9]{{4}})-(?P<month>0[1-9]|1[0-2])\b{_NOT_BEFORE_NUMBER}"),
    re.compile(rf"\b{_WEEKDAY}{_D}\s*(?:of\s+)?{_M}"),
    re.compile(rf"\b{_WEEKDAY}{_M}\s*{_D}\b{_NOT_BEFORE_NUMBER}"),
    re.compile(rf"{_NOT_AFTER_NUMBER}{_D}\.(?P<month>[0-9]{{1,2}})\.(?![0-9])"),
]  # fmt: skip

_NUMBER = re.compile(
    r"(?<![\w.,])(?:"
    r"(?P<comma_thousands>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?)"
    r"|(?P<dot_thousands>[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]+|[0-9]{1,3}(?:\.[0-9]{3}){2,})"
    r"|(?P<space_thousands>[0-9]{1,3}(?: [0-9]{3})+(?:[.,][0-9]+)?)"
    r"|(?P<plain>[0-9]+(?:[.,][0-9]+)?)"
    r")(?!\w|[.,][0-9])"
    r"(?P<scales>(?:\s+(?:hundred|thousand|million|billion)\b)*)"
)
_SCALE_EXPONENTS = {"hundred": 2, "thousand": 3, "million": 6, "billion": 9}
_PERCENT = re.compile(r"\s*%|\bper\s+cent\b")
_DOTTED_INITIALS = re.compile(r"\b[^\W\d_](?:\.\s*[^\W\d_]\b)+\.?")

# Recognised dates and numbers are parked as private-use placeholders, so that later steps
# (punctuation, articles) cannot take them apart; private-use characters in the input are dropped.
_PARK_OPEN, _PARK_CLOSE, _PARK_DIGIT0 = "\ue000", "\ue001", 0xE010
_PARKED = re.compile("\ue000([\ue010-\ue019]+)\ue001")


def normalise_free_text(text: str) -> str:
    """Return ``text`` in the canonical form used to compare fill-in answers.

    Two answers are taken to be the same when their normalisations are equal. See the module
    docstring for the rules, including how ambiguous numbers and dates are read. An empty
    result means there was nothing to compare (blank, or punctuation only).
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a string, got {type(text).__name__}")
    parked: list[str] = []
    text = _clean_unicode(text)
    text = _ORDINAL_SUFFIX.sub(r"\1", text)
    text = _A_SCALE.sub("one ", text)
    text = _NUMBER_WORD_RUN.sub(_number_words_to_digits, text)
    for pattern in _DATE_PATTERNS:
        text = pattern.sub(lambda m: _date(m, parked), text)
    text = _NUMBER.sub(lambda m: _number(m, parked), text)
    text = _PERCENT.sub(" percent ", text).replace("&", " and ")
    text = _DOTTED_INITIALS.sub(lambda m: re.sub(r"[.\s]", "", m.group(0)) + " ", text)
    words = _strip_punctuation(text).split()
    while len(words) > 1 and words[0] in _ARTICLES:
        del words[0]
    return _PARKED.sub(lambda m: parked[_unpark_index(m.group(1))], " ".join(words))


def fold_text(text: str) -> str:
    """``text`` with only case, accents, quote and dash styles and runs of spaces forgiven (step 1 above).

    What a wildcard pattern and a response are compared in: unlike :func:`normalise_free_text` it keeps
    punctuation and words in place, so the literal pieces around a ``*`` keep their meaning.
    """
    return " ".join(_clean_unicode(text).split())


def _clean_unicode(text: str) -> str:
    text = unicodedata.normalize("NFKC", text.translate(_STRAIGHTEN)).translate(_STRAIGHTEN).casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = unicodedata.normalize("NFC", text.translate(_UNDECOMPOSABLE))
    out = []
    for c in text:
        if c.isascii():
            out.append(c)
        elif c.isdecimal():
            out.append(str(unicodedata.decimal(c)))
        elif unicodedata.category(c) != "Co":
            out.append(c)
    return "".join(out)


def _number_words_to_digits(match: re.Match[str]) -> str:
    words = re.split(r"\s+|-", match.group(0))
    out: list[str] = []
    i = 0
    while i < len(words):
        found = _longest_number(words, i)
        if found is None:
            out.append(words[i])
            i += 1
        else:
            value, i = found
            out.append(str(value))
    return " ".join(out)


def _longest_number(words: list[str], start: int) -> tuple[int, int] | None:
    """The value and end of the longest well-formed number starting at ``words[start]``, if any.

    One left-to-right pass, so a long run of words that do not form one number ("one two
    three ...") costs linear time, not quadratic.
    """
    best = None
    total = current = 0
    last = ""  # kind of the previous word: "", unit, tens, hundred, scale, and
    last_scale = 0
    for i in range(start, len(words)):
        word = words[i]
        ordinal = word in _ORDINALS
        word = _ORDINALS.get(word, word)
        if word == "and":
            if last not in ("hundred", "scale"):
                break
            last = "and"
            continue
        if word == "zero":
            if i == start:
                best = (0, i + 1)
            break
        if word in _UNITS:
            value = _UNITS[word]
            if not (last in ("", "hundred", "scale", "and") or (last == "tens" and value < 10)):
                break
            current, last = current + value, "unit"
        elif word in _TENS:
            if last not in ("", "hundred", "scale", "and"):
                break
            current, last = current + _TENS[word], "tens"
        elif word == "hundred":
            if last not in ("unit", "tens") or not 0 < current < 100:
                break
            current, last = current * 100, "hundred"
        else:
            scale = _SCALES[word]
            if current == 0 or (last_scale and scale >= last_scale) or last == "and":
                break
            total, current, last, last_scale = total + current * scale, 0, "scale", scale
        best = (total + current, i + 1)
        if ordinal:
            break
    return best


def _date(match: re.Match[str], parked: list[str]) -> str:
    parts = match.groupdict()
    month_text = parts["month"]
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
    year = int(parts["year"]) if parts.get("year") else None
    day = int(parts["day"]) if parts.get("day") else None
    if not 1 <= month <= 12 or (year is not None and year < 1):
        return match.group(0)
    if day is not None:
        # 2000 is a leap year, so a day without a year may be 29 February.
        if not 1 <= day <= calendar.monthrange(year or 2000, month)[1]:
            return match.group(0)
        if year is None:
            return _park(f"--{month:02d}-{day:02d}", parked)
        return _park(f"{year:04d}-{month:02d}-{day:02d}", parked)
    return _park(f"{year:04d}-{month:02d}", parked)


def _number(match: re.Match[str], parked: list[str]) -> str:
    kind = next(k for k in ("comma_thousands", "dot_thousands", "space_thousands", "plain") if match.group(k))
    raw = match.group(kind)
    if kind == "comma_thousands":
        whole, _, fraction = raw.replace(",", "").partition(".")
    elif kind == "dot_thousands":
        whole, _, fraction = raw.replace(".", "").partition(",")
    else:
        whole, _, fraction = raw.replace(" ", "").replace(",", ".").partition(".")
    shift = sum(_SCALE_EXPONENTS[word] for word in match.group("scales").split())
    whole, fraction = whole + fraction[:shift].ljust(shift, "0"), fraction[shift:]
    whole, fraction = whole.lstrip("0") or "0", fraction.rstrip("0")
    return _park(f"{whole}.{fraction}" if fraction else whole, parked)


def _strip_punctuation(text: str) -> str:
    out: list[str] = []
    for c in text:
        if c.isalnum() or c == " ":
            out.append(c)
            continue
        category = unicodedata.category(c)
        if c == "'" or category == "Cf":
            continue
        if category in ("Sm", "Sc", "So"):
            out.append(f" {c} ")
        elif category == "Co":  # only our placeholders survive this far
            out.append(c)
        else:
            out.append(" ")
    return "".join(out)


def _park(value: str, parked: list[str]) -> str:
    digits = "".join(chr(_PARK_DIGIT0 + int(d)) for d in str(len(parked)))
    parked.append(value)
    return f" {_PARK_OPEN}{digits}{_PARK_CLOSE} "


def _unpark_index(digits: str) -> int:
    return int("".join(str(ord(c) - _PARK_DIGIT0) for c in digits))
