"""The machine-checkable signs of question quality, computed from generated questions.

Pure functions on plain values (question dicts as ``QuestionDraft.to_dict()`` writes them), so that they can be
tested without running the generator. ``measure.py`` feeds them and prints the table; the README says what each
sign means and why its target is what it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields

# --- malformed prompts -------------------------------------------------------------------------------------------

_PAIRS = {")": "(", "]": "[", "}": "{"}
_DETERMINERS = r"the|a|an|this|these|those|his|its|their"
_DOUBLED_DETERMINER = re.compile(
    rf"\b(?:the|a|an)\s+(?:{_DETERMINERS})\b|\b(?:this|these|those|his|its|their)\s+(?:the|a|an)\b", re.I
)
# Words that never end an English question: the phrase they begin was cut off.
_NEVER_LAST = frozenset(
    ["the", "a", "an", "and", "or", "but", "nor", "than", "whose", "its", "their", "our", "your", "my", "his", "very"]
)
# Prepositions: grammatical at the end of 'What was he king of?', not after a wh-word that already holds their place.
_PREPOSITIONS = frozenset(
    ["in", "on", "at", "of", "to", "for", "with", "by", "from", "into", "about", "as", "during", "after", "before"]
)
_PLACE_PREPOSITIONS = frozenset(["in", "on", "at", "during"])
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s[,.;:!?%)\]}]")
_WORD_BEFORE_QUESTION_MARK = re.compile(r"([A-Za-z]+)\s*\?")
# Beyond the first list: a quotation mark with a letter on both sides ('"idle pyramids"of'), a question that ends
# in a full stop ('Why did Roman engineers prefer _____ to arches.'), an exercise's number left at the front.
_GLUED_QUOTE = re.compile(r"[^\W\d_][\"\u201c\u201d][^\W\d_]")
_QUESTION_WITH_FULL_STOP = re.compile(
    r"^(?:why|how|when|where|who|whom|which|what)\s+(?:\w+\s+)?"
    r"(?:did|do|does|was|were|is|are|had|has|have|can|could|would|should|will)\b.*\.$",
    re.I | re.S,
)
_LEFTOVER_NUMBERING = re.compile(r"^\d{1,2}[.)]\s")


def _quote_problem(prompt: str) -> bool:
    if prompt.count('"') % 2:
        return True
    depth = 0
    for ch in prompt:
        if ch == "\u201c":
            depth += 1
        elif ch == "\u201d":
            depth -= 1
            if depth < 0:
                return True
    if depth:
        return True
    # A typographic single quote that opens must close; a lone closing one is an apostrophe.
    return bool(re.search(r"\u2018(?![^\u2019]*\u2019)", prompt))


def _bracket_problem(prompt: str) -> bool:
    stack: list[str] = []
    for ch in prompt:
        if ch in "([{":
            stack.append(ch)
        elif ch in _PAIRS and (not stack or stack.pop() != _PAIRS[ch]):
            return True
    return bool(stack)


def _stranded_word(prompt: str) -> bool:
    opening = prompt.strip().lower()
    opening = re.sub(r"^according to [^,]{1,80},\s*", "", opening)
    for match in _WORD_BEFORE_QUESTION_MARK.finditer(prompt):
        last = match.group(1).lower()
        if last in _NEVER_LAST:
            return True
        if last in _PREPOSITIONS and re.match(r"(?:when|why|how|in what year|in which year)\b", opening):
            return True
        if last in _PLACE_PREPOSITIONS and opening.startswith("where"):
            return True
    return False


def _lowercase_start(prompt: str) -> bool:
    body = prompt.lstrip(" \"'\u201c\u2018([")
    return bool(body) and body[0].isalpha() and body[0].islower()


MALFORMED_CHECKS: dict[str, Callable[[str], bool]] = {
    "unbalanced quotes": _quote_problem,
    "unbalanced brackets": _bracket_problem,
    "stranded word before '?'": _stranded_word,
    "doubled determiner": lambda prompt: bool(_DOUBLED_DETERMINER.search(prompt)),
    "lowercase first letter": _lowercase_start,
    "whitespace before punctuation": lambda prompt: bool(_SPACE_BEFORE_PUNCTUATION.search(prompt)),
    "quote glued to words": lambda prompt: bool(_GLUED_QUOTE.search(prompt)),
    "question ending in a full stop": lambda prompt: bool(
        _QUESTION_WITH_FULL_STOP.match(_LEFTOVER_NUMBERING.sub("", prompt.strip()))
    ),
    "numbering left in": lambda prompt: bool(_LEFTOVER_NUMBERING.match(prompt.strip())),
}


def prompt_problems(prompt: str) -> list[str]:
    """The names of the ways ``prompt`` is malformed (keys of MALFORMED_CHECKS); empty when it is well formed."""
    return [name for name, check in MALFORMED_CHECKS.items() if check(prompt)]


# --- keys ----------------------------------------------------------------------------------------------------------

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ERA = r"(?:BCE|BC|B\.C\.|CE|AD|A\.D\.)"
_ORDINAL = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)"
)
_YEAR = rf"(?:(?:AD|A\.D\.)\s*\d{{1,4}}|\d{{1,4}}\s*{_ERA}|1\d{{3}}|20\d{{2}})"
_ONE_DATE = (
    rf"(?:(?:\d{{1,2}}\s+)?{_MONTH}(?:\s+{_YEAR})?|{_MONTH}\s+\d{{1,2}}(?:,\s*{_YEAR})?"
    rf"|(?:spring|summer|autumn|fall|winter)(?:\s+of)?\s+{_YEAR}"
    rf"|{_YEAR}|\d{{3}}0s(?:\s*{_ERA})?"
    rf"|(?:the\s+)?(?:(?:early|late|middle of the)\s+)?{_ORDINAL}[\s-]century(?:\s+{_ERA})?)"
)
_DATE_KEY = re.compile(
    rf"(?:(?:c\.|ca\.|about|around|in|on|by|from|between|the)\s+)?{_ONE_DATE}(?:\s*(?:[-\u2013]|to|and)\s*{_ONE_DATE}|\s*[-\u2013]\s*\d{{1,4}}(?:\s*{_ERA})?)?",
    re.I,
)
_WHEN_QUESTION = re.compile(
    r"^(?:according to [^,]{1,80},\s*)?(?:when\b|(?:in\s+)?(?:what|which)\s+(?:year|century|decade)\b)", re.I
)
_BLANK_AFTER_TIME_PREPOSITION = re.compile(r"\b(?:in|by|since|until|from|after|before|c\.)\s+_{3,}", re.I)


def is_date_key(key: str, prompt: str = "") -> bool:
    """Whether a choice or fill-in key is a date: written as one, or a bare number a 'When' or 'In _____' asks for."""
    key = key.strip().rstrip(".")
    if _DATE_KEY.fullmatch(key):
        return True
    if _WHEN_QUESTION.match(prompt.strip()):
        return True
    return bool(re.fullmatch(r"\d{2,4}", key) and _BLANK_AFTER_TIME_PREPOSITION.search(prompt))


_WHY_HOW = re.compile(
    r"^(?:according to [^,]{1,80},\s*)?(?:why|how)\b"
    r"(?!\s+(?:many|much|long|old|far|often|large|big|high|tall|wide|deep)\b)",
    re.I,
)


def is_why_how(prompt: str) -> bool:
    """Whether the prompt is a question asking why or how (not 'how many', 'how long' and the like)."""
    return prompt.rstrip().endswith("?") and bool(_WHY_HOW.match(prompt.strip()))


def text_key(question: dict) -> str | None:
    """The key written as text: the right option of a multiple-choice question, the first accepted fill-in answer."""
    if question["type"] == "multiple_choice":
        return str(question["answer"])
    if question["type"] == "fill_in":
        return str(question["answer"][0])
    return None


def mentions(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words, ignoring case."""
    phrase = phrase.strip()
    return bool(phrase) and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.I) is not None


def count_words(text: str) -> int:
    """Words of an article: whitespace-separated tokens with at least one letter or digit."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


# --- signs of one article and of many ----------------------------------------------------------------------------


@dataclass
class Counts:
    """What the signs are computed from; counts add up over articles."""

    questions: int = 0
    words: int = 0
    true_false: int = 0
    false_keys: int = 0
    text_keys: int = 0
    date_keys: int = 0
    why_how: int = 0
    keys_in_title: int = 0
    keys_in_other_prompts: int = 0
    malformed: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


def count(questions: Sequence[dict], title: str, words: int) -> Counts:
    """The counts of one document's questions (its title and its word count given)."""
    c = Counts(questions=len(questions), words=words)
    for i, q in enumerate(questions):
        if q["type"] == "true_false":
            c.true_false += 1
            c.false_keys += q["answer"] is False
        if is_why_how(q["prompt"]):
            c.why_how += 1
        if prompt_problems(q["prompt"]):
            c.malformed += 1
        key = text_key(q)
        if key is None:
            continue
        c.text_keys += 1
        c.date_keys += is_date_key(key, q["prompt"])
        c.keys_in_title += mentions(title, key)
        c.keys_in_other_prompts += any(mentions(o["prompt"], key) for j, o in enumerate(questions) if j != i)
    return c


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Sign:
    name: str
    target: str
    value: Callable[[Counts], float | None]
    ok: Callable[[float], bool]
    percent: bool = True


SIGNS: tuple[Sign, ...] = (
    Sign("q/1kw", ">=15", lambda c: 1000 * c.questions / c.words if c.words else None, lambda v: v >= 15, False),
    Sign("false", "35-65%", lambda c: _share(c.false_keys, c.true_false), lambda v: 0.35 <= v <= 0.65),
    Sign("dates", "<=40%", lambda c: _share(c.date_keys, c.text_keys), lambda v: v <= 0.40),
    Sign("why/how", ">=5%", lambda c: _share(c.why_how, c.questions), lambda v: v >= 0.05),
    Sign("key in title", "0", lambda c: c.keys_in_title, lambda v: v == 0, False),
    Sign("key in prompt", "<=5%", lambda c: _share(c.keys_in_other_prompts, c.text_keys), lambda v: v <= 0.05),
    Sign("malformed", "0", lambda c: c.malformed, lambda v: v == 0, False),
)


def verdicts(c: Counts) -> list[tuple[Sign, float | None, bool | None]]:
    """Each sign with its value and whether it meets its target (None when there is nothing to measure)."""
    out = []
    for sign in SIGNS:
        value = sign.value(c)
        out.append((sign, value, None if value is None else sign.ok(value)))
    return out


def _cell(sign: Sign, value: float | None, ok: bool | None) -> str:
    if value is None:
        return "-"
    shown = f"{value:.0%}" if sign.percent else (f"{value:.1f}" if isinstance(value, float) else str(value))
    return f"{shown} {'PASS' if ok else 'FAIL'}"


def table(rows: Iterable[tuple[str, Counts]]) -> str:
    """A plain-text table: one row per (label, counts), the signs' values marked PASS or FAIL against their targets."""
    head = ["article", "q", "words", *(f"{s.name} ({s.target})" for s in SIGNS)]
    body = [[label, str(c.questions), f"{c.words:,}", *(_cell(*v) for v in verdicts(c))] for label, c in rows]
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
        )

    return "\n".join([line(head), "  ".join("-" * w for w in widths), *(line(r) for r in body)])
