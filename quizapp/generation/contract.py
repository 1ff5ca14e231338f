"""The question contract: what any question (generated or hand-written) must satisfy.

``validate_draft`` accepts a QuestionDraft or a plain dict (type / prompt / options /
answer, optionally sources), so the web app can check questions a teacher wrote.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from quizapp.question_types import QUESTION_TYPES
from quizapp.short_answers import accepted_answers

from .types import CleanDocument

_BLANK = re.compile(r"_{3,}")


def _get(draft: Any, name: str, default: Any = None) -> Any:
    if isinstance(draft, Mapping):
        return draft.get(name, default)
    return getattr(draft, name, default)


def _texts(documents: Sequence[CleanDocument] | Mapping[str, str] | None) -> dict[str, str]:
    if documents is None:
        return {}
    if isinstance(documents, Mapping):
        return dict(documents)
    return {d.name: d.text for d in documents}


def _strings(values: Any) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) and v.strip() for v in values)


# A question a teacher writes or imports may be longer than a generated one (Moodle's own fixtures order six
# items, and its matching questions carry extra right-hand values that match nothing).
MAX_ITEMS = 20


def _between(low: int, high: int) -> str:
    words = {2: "two", 3: "three", 5: "five", 8: "eight", MAX_ITEMS: str(MAX_ITEMS)}
    return f"{words.get(low, low)} to {words.get(high, high)}"


def _matching_problems(answer: Any, options: list[Any], *, strict: bool) -> list[str]:
    """A generated matching question shows exactly its pairs' right-hand values; a written one may add
    distractors (Moodle's subquestions with an answer and no text)."""
    pairs = answer if isinstance(answer, list) else []
    low, high = (3, 5) if strict else (2, MAX_ITEMS)
    ok = all(isinstance(p, (list, tuple)) and len(p) == 2 and _strings(list(p)) for p in pairs)
    if not ok or not low <= len(pairs) <= high:
        return [f"matching needs {_between(low, high)} [left, right] pairs"]
    problems = []
    lefts = [p[0].lower() for p in pairs]
    rights = [p[1] for p in pairs]
    if len(set(lefts)) != len(lefts) or len({r.lower() for r in rights}) != len(rights):
        problems.append("matching pairs are not distinct")
    if strict and sorted(options) != sorted(rights):
        problems.append("matching options must be the right-hand values")
    elif not strict:
        if not _strings(options) or len({str(o).strip().lower() for o in options}) != len(options):
            problems.append("matching options must be distinct, non-empty values")
        elif not set(rights) <= set(options):
            problems.append("matching options must hold every right-hand value (and any distractors)")
        elif len(options) > MAX_ITEMS:
            problems.append(f"matching shows at most {MAX_ITEMS} right-hand values")
    return problems


def _multiple_answer_problems(answer: Any, options: list[Any], *, strict: bool) -> list[str]:
    """Choose all that apply: ``answer`` is one [option, fraction] pair per option, in the options' order."""
    if strict:
        return ["the generator does not draft multiple-answer questions"]
    n = len(options)
    if not _strings(options) or not 2 <= n <= MAX_ITEMS:
        return [f"choose-all-that-apply needs {_between(2, MAX_ITEMS)} non-empty options"]
    if len({str(o).strip().lower() for o in options}) != n:
        return ["options are not distinct"]
    pairs = answer if isinstance(answer, list) else []
    if [p[0] if isinstance(p, (list, tuple)) and p else None for p in pairs] != options:
        return ["every right answer must be one of the options, and each option needs its fraction"]
    if not any(isinstance(p[1], (int, float)) and not isinstance(p[1], bool) and p[1] > 0 for p in pairs):
        return ["at least one option must be right"]
    return []


def _fill_in_key_problems(answer: Any) -> list[str]:
    # Accepted answers may carry a fraction (Moodle's partial credit); the generator's are plain strings.
    try:
        entries = accepted_answers(answer)
    except ValueError as error:
        return [f"fill-in needs a non-empty list of accepted answers ({error})"]
    if not entries or not all(entry.text.strip() for entry in entries):
        return ["fill-in needs a non-empty list of accepted answers"]
    return []


def validate_draft(
    draft: Any, documents: Sequence[CleanDocument] | Mapping[str, str] | None = None, *, strict: bool = True
) -> list[str]:
    """Problems with a question, as short sentences; an empty list means it is sound.

    ``documents`` (CleanDocuments or a name -> text mapping) lets sources be checked:
    each quote must equal the document text between its offsets. ``strict`` applies
    the generator's own rules (exactly four choices, a blank in a fill-in prompt, the
    ordering shown differently from the answer); hand-written questions may relax them.
    """
    problems: list[str] = []
    qtype = _get(draft, "type")
    prompt = _get(draft, "prompt")
    options = _get(draft, "options") or []
    answer = _get(draft, "answer")
    if qtype not in QUESTION_TYPES:
        return [f"unknown question type {qtype!r}"]
    if not isinstance(prompt, str) or not prompt.strip():
        problems.append("prompt is empty")
    if not isinstance(options, list):
        problems.append("options must be a list")
        options = []
    if qtype == "multiple_choice":
        n = len(options)
        if not _strings(options) or (n != 4 if strict else not 2 <= n <= 8):
            problems.append("multiple choice needs " + ("four" if strict else "two to eight") + " non-empty options")
        if len({str(o).strip().lower() for o in options}) != len(options):
            problems.append("options are not distinct")
        if not isinstance(answer, str) or options.count(answer) != 1:
            problems.append("the answer must be one of the options, exactly once")
    elif qtype == "true_false":
        if not isinstance(answer, bool):
            problems.append("a true/false answer must be true or false")
        if options:
            problems.append("true/false takes no options")
    elif qtype == "fill_in":
        problems += _fill_in_key_problems(answer)
        if strict and isinstance(prompt, str) and not _BLANK.search(prompt):
            problems.append("fill-in prompt has no blank")
        if options:
            problems.append("fill-in takes no options")
    elif qtype == "ordering":
        low, high = (3, 5) if strict else (2, MAX_ITEMS)
        if not _strings(answer) or not low <= len(answer) <= high or len(set(answer)) != len(answer):
            problems.append(f"ordering needs {_between(low, high)} distinct items")
        elif sorted(options) != sorted(answer):
            problems.append("ordering options must be the answer items in shown order")
        elif strict and options == answer:
            problems.append("ordering items are shown in the right order")
    elif qtype == "matching":
        problems += _matching_problems(answer, options, strict=strict)
    elif qtype == "multiple_answer":
        problems += _multiple_answer_problems(answer, options, strict=strict)
    for name in ("confidence", "difficulty"):
        value = _get(draft, name)
        if value is not None and not (isinstance(value, (int, float)) and 0.0 <= value <= 1.0):
            problems.append(f"{name} must be between 0 and 1")
    problems += _check_sources(_get(draft, "sources") or [], _texts(documents))
    return problems


def _check_sources(sources: list[Any], texts: dict[str, str]) -> list[str]:
    problems = []
    for src in sources:
        name, start, end, quote = (_get(src, k) for k in ("document", "start", "end", "quote"))
        if not texts:
            continue
        text = texts.get(name)
        if text is None:
            problems.append(f"source document {name!r} is unknown")
        elif not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"source offsets {start}-{end} out of range")
        elif text[start:end] != quote:
            problems.append(f"source quote does not match {name} at {start}-{end}")
    return problems
