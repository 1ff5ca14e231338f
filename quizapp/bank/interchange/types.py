"""The question shape every importer returns and every exporter takes, and the errors they raise.

A question is a plain dict::

    {"type": "multiple_choice" | "multiple_answer" | "true_false" | "fill_in" | "ordering" | "matching",
     "prompt": str, "options": list[str], "answer": ..., "explanation": str,
     "tags": list[str], "title": str, "case_sensitive": bool}

and, for ordering only, ``"grading"``: one of ``ORDERING_GRADINGS`` (Moodle's grading types).

``answer`` by type: multiple_choice, the right option; multiple_answer ("choose all
that apply"), one [option, fraction] pair per option in the options' order (fractions
from -1 to 1); true_false, a bool; fill_in, the accepted answers in the order they are
tried, each a string (full marks) or ``{"text", "fraction"}`` (see
:mod:`quizapp.short_answers`: ``*`` is Moodle's wildcard); ordering, the items in the
right order; matching, a list of [left, right] pairs. ``options``: multiple_choice and
multiple_answer, the choices in shown order; ordering, the items in shown order;
matching, the right-hand values (pairs first, then distractors that match no left);
empty for true_false and fill_in.
``title`` is the question's name (Moodle's ``::name::`` or ``<name>``), "" when it has
none; ``case_sensitive`` is Moodle's "case matters" (``usecase``), fill_in only.

:func:`normalise_question` gives the canonical form: what an export followed by an
import hands back.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from quizapp.question_types import DEFAULT_ORDERING_GRADING, ORDERING_GRADINGS, QUESTION_TYPES
from quizapp.short_answers import AcceptedAnswer, accepted_answers, key_from

from .text import clean_block, clean_line

# No real question has more; the cap keeps a hostile file from costing minutes of parsing.
MAX_ANSWERS = 200

# Moodle names a question after the start of its text when the file gives no name.
_TITLE_LENGTH = 80
# Moodle's question names are at most 255 characters; it shortens a longer one on import, and so do we.
NAME_LENGTH = 255


def several_answers(options: list[str], percents: list[float]) -> dict[str, Any]:
    """Moodle's multiple choice with several answers (``single`` = 0) from each option's weight in percent, as
    both formats write them; ValueError when Moodle's editor would refuse the weights (quizapp could not grade
    them: full marks out of reach, or had too cheaply)."""
    outside = [p for p in percents if not -100 <= p <= 100]
    if outside:
        raise ValueError(f"an option is worth {outside[0]:g}%; options are worth -100% to 100%")
    positive = math.fsum(p for p in percents if p > 0)
    if positive == 0:
        raise ValueError("no option is marked right (choose all that apply needs weights such as ~%50%)")
    if round(positive / 100, 2) != 1:
        raise ValueError(f"the right options add up to {positive:g}%, not 100% (Moodle's editor refuses that too)")
    return {
        "type": "multiple_answer",
        "options": options,
        "answer": [[option, percent / 100] for option, percent in zip(options, percents, strict=True)],
    }


def moodle_ordering_grading(name: str) -> str:
    """quizapp's name for one of Moodle's ordering grading types as its files write them (``ABSOLUTE_POSITION``,
    ``ABS``...). As qtype_ordering's set_options_for_import: any other name, or none, is its default, relative to
    the next item excluding the last."""
    name = clean_line(name).upper()
    if name in ("ABS", "ABSOLUTE"):
        return "absolute_position"
    return name.lower() if name.lower() in ORDERING_GRADINGS else "relative_next_exclude_last"


class InterchangeError(ValueError):
    """The whole file is refused; ``str()`` is one line saying why."""


@dataclass
class ImportResult:
    """What an import produced: the questions, and one line per question left out and why.

    ``places`` says where each question stands in the file ("line 12", "question 3"), in the order of
    ``questions``, so that a question refused later (by the bank) can be named as the file names it.
    """

    questions: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    def place(self, index: int) -> str:
        """Where the question at ``index`` stands in the file, with its name or opening words."""
        question = self.questions[index]
        where = self.places[index] if index < len(self.places) else f"question {index + 1}"
        return f"{where} {label(str(question.get('title') or ''), str(question.get('prompt') or ''))}"


def default_title(prompt: str) -> str:
    """The name Moodle-style tools give a question without one: the prompt's opening words."""
    return _shortened(clean_line(prompt), _TITLE_LENGTH)


def _shortened(line: str, length: int) -> str:
    if len(line) <= length:
        return line
    cut = line[: length - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut + "…"


def label(title: str, prompt: str) -> str:
    """A short quoted name for messages: the title, or else the prompt's first words."""
    name = clean_line(title) or clean_line(prompt)
    words = name.split(" ")
    if len(words) > 8 or len(name) > 60:
        name = " ".join(words[:8])[:60].rstrip() + "…"
    return f'"{name}"' if name else "(no text)"


def format_size(size: int) -> str:
    """Bytes in the unit a person reads: bytes, KB or MB (decimal, as file managers show)."""
    if size >= 1_000_000:
        value, unit = size / 1_000_000, "MB"
    elif size >= 1_000:
        value, unit = size / 1_000, "KB"
    else:
        return f"{size} bytes"
    text = f"{value:.1f}".removesuffix(".0")
    return f"{text} {unit}"


def check_size(size: int, max_bytes: int) -> None:
    """Refuse a file over ``max_bytes`` before any work is spent on it."""
    if size > max_bytes:
        raise InterchangeError(f"the file is {format_size(size)}; at most {format_size(max_bytes)}")


def _strings(value: Any, what: str) -> list[str]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{what} must be a list of strings")
    return [clean_line(v) for v in value]


def _dedupe(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _dedupe_tags(tags: list[str]) -> list[str]:
    # Moodle treats tags that differ only in case as one tag.
    seen: set[str] = set()
    kept = []
    for tag in tags:
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            kept.append(tag)
    return kept


def normalise_question(question: Mapping[str, Any]) -> dict[str, Any]:
    """Check a question dict and return its canonical form, or raise ValueError saying what is wrong.

    Canonical means: text cleaned (control characters dropped, runs of spaces made
    one, lines trimmed; only prompt and explanation keep line breaks), tags and
    fill-in answers without blanks or repeats, ordering options defaulting to the
    answer order, matching options listing the pairs' right-hand values first and
    then the distractors, and a title that only repeats the prompt's opening made
    empty. Keys other than the eight of the shape are dropped.
    """
    qtype = question.get("type")
    if qtype not in QUESTION_TYPES:
        raise ValueError(f"unknown question type {qtype!r}")
    prompt = question.get("prompt")
    if not isinstance(prompt, str) or not clean_block(prompt):
        raise ValueError("the question has no text")
    prompt = clean_block(prompt)
    explanation = question.get("explanation") or ""
    if not isinstance(explanation, str):
        raise ValueError("the explanation must be a string")
    title = question.get("title") or ""
    if not isinstance(title, str):
        raise ValueError("the title must be a string")
    title = _shortened(clean_line(title), NAME_LENGTH)
    if title == default_title(prompt):
        title = ""
    tags = _strings(question.get("tags") or [], "tags")
    options, answer = _options_and_answer(qtype, question.get("options") or [], question.get("answer"))
    case_sensitive = question.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        raise ValueError("case_sensitive must be true or false")
    if case_sensitive and qtype != "fill_in":
        raise ValueError("only a fill-in question can be case-sensitive")
    canonical = {
        "type": qtype,
        "prompt": prompt,
        "options": options,
        "answer": answer,
        "explanation": clean_block(explanation),
        "tags": _dedupe_tags(tags),
        "title": title,
        "case_sensitive": case_sensitive,
    }
    if qtype == "ordering":
        grading = question.get("grading") or DEFAULT_ORDERING_GRADING
        if grading not in ORDERING_GRADINGS:
            raise ValueError(f"unknown ordering grading type {grading!r}")
        canonical["grading"] = grading
    return canonical


def _fill_in_key(raw_answer: Any) -> list[Any]:
    # The first entry with a given text is the one Moodle's first-match grading would ever reach.
    entries: dict[str, AcceptedAnswer] = {}
    for entry in accepted_answers(raw_answer):
        text = clean_line(entry.text)
        if text and text not in entries:
            entries[text] = AcceptedAnswer(text, entry.fraction)
    if not entries:
        raise ValueError("a fill-in question needs at least one accepted answer")
    if not any(entry.full_marks for entry in entries.values()):
        raise ValueError("no accepted answer is worth 100%")
    return key_from(entries.values())


def _options_and_answer(qtype: str, raw_options: Any, raw_answer: Any) -> tuple[list[str], Any]:
    options = _strings(raw_options, "options")
    if qtype == "multiple_choice":
        if len(options) < 2 or not all(options):
            raise ValueError("a multiple choice question needs at least two non-empty options")
        if len(set(options)) != len(options):
            raise ValueError("the options are not distinct")
        if not isinstance(raw_answer, str) or clean_line(raw_answer) not in options:
            raise ValueError("the answer must be one of the options")
        return options, clean_line(raw_answer)
    if qtype == "multiple_answer":
        return _multiple_answer(options, raw_answer)
    if qtype == "true_false":
        if not isinstance(raw_answer, bool):
            raise ValueError("a true/false answer must be true or false")
        return [], raw_answer
    if qtype == "fill_in":
        return [], _fill_in_key([raw_answer] if isinstance(raw_answer, str) else raw_answer)
    if qtype == "ordering":
        items = _strings(raw_answer, "the answer")
        if len(items) < 2 or not all(items) or len(set(items)) != len(items):
            raise ValueError("an ordering question needs at least two distinct non-empty items")
        if options and sorted(options) != sorted(items):
            raise ValueError("the ordering options must be the answer items in shown order")
        return options or items, items
    pairs = raw_answer
    if not isinstance(pairs, (list, tuple)) or not all(isinstance(p, (list, tuple)) and len(p) == 2 for p in pairs):
        raise ValueError("a matching answer must be a list of [left, right] pairs")
    cleaned = [_strings(list(p), "a matching pair") for p in pairs]
    if len(cleaned) < 2 or not all(left and right for left, right in cleaned):
        raise ValueError("a matching question needs at least two pairs with both sides filled in")
    if len({left for left, _ in cleaned}) != len(cleaned):
        raise ValueError("the left-hand sides of a matching question are not distinct")
    return _dedupe([right for _, right in cleaned] + options), [[left, right] for left, right in cleaned]


def _multiple_answer(options: list[str], raw_answer: Any) -> tuple[list[str], list[list[Any]]]:
    if len(options) < 2 or not all(options) or len(set(options)) != len(options):
        raise ValueError("a choose-all-that-apply question needs at least two distinct non-empty options")
    if not isinstance(raw_answer, (list, tuple)) or not all(
        isinstance(p, (list, tuple)) and len(p) == 2 and isinstance(p[0], str) for p in raw_answer
    ):
        raise ValueError("a choose-all-that-apply answer must be a list of [option, fraction] pairs")
    fractions = {clean_line(option): fraction for option, fraction in raw_answer}
    if sorted(fractions) != sorted(options) or len(fractions) != len(raw_answer):
        raise ValueError("a choose-all-that-apply answer must give each option one fraction")
    if not all(isinstance(f, (int, float)) and not isinstance(f, bool) and -1 <= f <= 1 for f in fractions.values()):
        raise ValueError("each option's fraction must be a number from -1 to 1")
    # Moodle keeps fractions to 7 places (33.33333% is 0.3333333): so does the canonical form.
    return options, [[option, round(float(fractions[option]), 7)] for option in options]
