"""Read Moodle XML (question/format/xml in Moodle).

Understood: ``multichoice`` (one option worth 100%, the rest 0% or a penalty; with
``<single>false</single>`` "choose all that apply", multiple_answer, each option's
fraction kept), ``truefalse``, ``shortanswer`` (every answer with its fraction, in file
order, and ``<usecase>``), ``matching`` (a subquestion with empty text is a
distractor), ``ordering`` (the qtype_ordering plugin: items in the file order are the
right order, its ``gradingtype`` kept; a random subset of the items, ``selecttype``
RANDOM or CONTIGUOUS with fewer than all, is skipped), and ``numerical`` with one exact number
and no units (read as fill_in). ``category`` entries are read and dropped. Other
types are skipped with a reason.

Texts in ``html`` or ``moodle_auto_format`` become plain text (tags dropped,
entities decoded, CDATA or escaped markup alike); ``plain_text`` and ``markdown``
are kept as written. The general feedback becomes the explanation, or failing that
the right answer's feedback. The name becomes the title unless it only repeats the
start of the question text, which is what Moodle puts there when there is none.

The file is parsed with defusedxml and no DTD is allowed, so entity expansion and
external entities are refused outright.
"""

from __future__ import annotations

import codecs
import math
import re
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .text import clean_block, clean_line, html_to_text
from .types import (
    MAX_ANSWERS,
    ImportResult,
    InterchangeError,
    check_size,
    label,
    moodle_ordering_grading,
    normalise_question,
    several_answers,
)

_DECLARATION = re.compile(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']")
_DECLARATION_TEXT = re.compile(r"\A\s*<\?xml[^>]*\?>")
_NOT_SUPPORTED = {
    "essay": "essay questions are not supported",
    "description": "a description is not a question",
    "multianswer": "cloze (embedded answers) questions are not supported",
    "random": "a random question is drawn from a category; it has no content of its own",
    "randomsamatch": "random short-answer matching is not supported",
}


class _Skip(ValueError):
    """This question is valid Moodle XML of a kind the question shape cannot hold."""


MAX_BYTES = 20_000_000


def import_moodle_xml(data: bytes | str, *, max_bytes: int = MAX_BYTES, max_questions: int = 5000) -> ImportResult:
    """Read a Moodle XML question file into question dicts (see the module docstring).

    Raises InterchangeError, and returns nothing partial, when the file is too big,
    not text in its declared encoding or UTF-8, not well-formed, declares a DTD or
    entities, is not a ``<quiz>``, holds no question or more than ``max_questions``.
    """
    if isinstance(data, str):
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError:
            raise InterchangeError("the text contains unpaired surrogate characters, which XML cannot hold") from None
    else:
        raw = data
    check_size(len(raw), max_bytes)
    if not raw.strip():
        raise InterchangeError("the file is empty: it contains no questions")
    root = _parse(_decode(raw))
    if root.tag != "quiz":
        raise InterchangeError(f"this is not a Moodle XML question file: the root element is <{root.tag}>, not <quiz>")
    elements = [e for e in root.findall("question") if e.get("type") != "category"]
    if not elements:
        raise InterchangeError("the file contains no questions")
    if len(elements) > max_questions:
        raise InterchangeError(f"the file has {len(elements)} questions; at most {max_questions}")
    result = ImportResult()
    for number, element in enumerate(elements, start=1):
        try:
            result.questions.append(_read_question(element, number))
            result.places.append(f"question {number}")
        except _Skip as skip:
            result.skipped.append(str(skip))
    return result


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        match = _DECLARATION.match(data)
        declared = match.group(1).decode("ascii") if match else None
        encodings = ["utf-8"]
        if declared:
            try:
                codec = codecs.lookup(declared).name
            except LookupError:
                codec = None
            # A declaration readable as ASCII rules out the UTF-16 and UTF-32 it may claim.
            if codec and not codec.startswith(("utf-16", "utf-32")):
                encodings.insert(0, codec)
    for encoding in dict.fromkeys(encodings):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    tried = " nor ".join(dict.fromkeys(encodings))
    raise InterchangeError(f"the file is not valid {tried} text")


def _parse(text: str) -> Element:
    # The text is already decoded: drop the declaration (keeping line numbers) so its encoding is not applied twice.
    text = _DECLARATION_TEXT.sub(lambda m: "\n" * m.group().count("\n"), text, count=1)
    try:
        return fromstring(text.encode("utf-8"), forbid_dtd=True)
    except DefusedXmlException:
        raise InterchangeError("the file declares entities or a DTD, which are not accepted") from None
    except ParseError as err:
        raise InterchangeError(f"the file is not well-formed XML ({err})") from None
    except (ValueError, UnicodeError) as err:
        raise InterchangeError(f"the file could not be read as XML ({err})") from None


def _raw_text(parent: Element | None) -> str:
    if parent is None:
        return ""
    node = parent.find("text")
    return "" if node is None else "".join(node.itertext())


def _formatted(parent: Element | None) -> str:
    """Plain text of an element holding ``<text>`` in the format its ``format`` attribute names."""
    text = _raw_text(parent)
    fmt = "moodle_auto_format" if parent is None else parent.get("format", "moodle_auto_format")
    if fmt in ("plain_text", "markdown"):
        return clean_block(text)
    return html_to_text(text, keep_newlines=fmt == "moodle_auto_format")


def _fraction(answer: Element) -> float:
    try:
        value = float(answer.get("fraction", "0"))
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise _Skip(f"an answer has an invalid fraction {answer.get('fraction')!r}")
    return value


def _is_full(fraction: float) -> bool:
    return math.isclose(fraction, 100.0, abs_tol=1e-4)


def _read_question(element: Element, number: int) -> dict[str, Any]:
    qtype = element.get("type", "")
    title = clean_line(_raw_text(element.find("name")))
    prompt = _formatted(element.find("questiontext"))
    where = f"question {number} {label(title, prompt)}"
    readers = {
        "multichoice": _multiple_choice,
        "truefalse": _true_false,
        "shortanswer": _short_answer,
        "matching": _matching,
        "ordering": _ordering,
        "numerical": _numerical,
    }
    reader = readers.get(qtype)
    try:
        if reader is None:
            raise _Skip(_NOT_SUPPORTED.get(qtype, f"{qtype or 'untyped'} questions are not supported"))
        count = len(element.findall("answer")) + len(element.findall("subquestion"))
        if count > MAX_ANSWERS:
            raise _Skip(f"the question has {count} answers; at most {MAX_ANSWERS}")
        question = reader(element)
        feedback = question.pop("feedback", "")
        question.update(
            prompt=prompt,
            title=title,
            explanation=_formatted(element.find("generalfeedback")) or feedback,
            tags=[clean_line(_raw_text(tag)) for tag in element.findall("tags/tag")],
        )
        return normalise_question(question)
    except ValueError as err:
        raise _Skip(f"{where}: {err}") from None


def _multiple_choice(element: Element) -> dict[str, Any]:
    answers = [
        (_fraction(a), clean_line(_formatted(a)), _formatted(a.find("feedback"))) for a in element.findall("answer")
    ]
    # As Moodle's trans_single: "false", "0" or nothing mean several answers; the element missing means one.
    single = element.findtext("single")
    if single is not None and single.strip() in ("false", "0", ""):
        return _multiple_answer(answers)
    right = [a for a in answers if _is_full(a[0])]
    if any(0 < f < 100 and not _is_full(f) for f, _, _ in answers) or any(f > 100 for f, _, _ in answers):
        raise _Skip("multiple choice with partial-credit fractions is not supported (one option must be worth 100%)")
    if len(right) != 1:
        reason = "no option is worth 100%" if not right else f"{len(right)} options are right"
        raise _Skip(f"{reason}; only multiple choice with exactly one right option is supported")
    return {
        "type": "multiple_choice",
        "options": [text for _, text, _ in answers],
        "answer": right[0][1],
        "feedback": right[0][2],
    }


def _multiple_answer(answers: list[tuple[float, str, str]]) -> dict[str, Any]:
    return several_answers([text for _, text, _ in answers], [fraction for fraction, _, _ in answers])


def _true_false(element: Element) -> dict[str, Any]:
    answers = element.findall("answer")
    if len(answers) != 2:
        raise _Skip(f"a true/false question needs two answers, not {len(answers)}")
    value = None
    feedback = ""
    for position, answer in enumerate(answers):
        text = clean_line(_raw_text(answer)).lower()
        # As Moodle does: answers not named true/false are taken as true first, false second.
        says_true = text == "true" if text in ("true", "false") else position == 0
        if _is_full(_fraction(answer)):
            value, feedback = says_true, _formatted(answer.find("feedback"))
    if value is None:
        raise _Skip("neither true nor false is worth 100%")
    return {"type": "true_false", "options": [], "answer": value, "feedback": feedback}


def _short_answer(element: Element) -> dict[str, Any]:
    # Short answers are compared with what students type, so they are plain text whatever the format says.
    # Every answer is kept with its fraction, in file order: Moodle grades with the first that matches.
    answers = element.findall("answer")
    accepted = []
    for answer in answers:
        fraction = _fraction(answer)
        text = clean_line(_raw_text(answer))
        if not 0 <= fraction <= 100:
            raise _Skip(f"the short answer {text!r} is worth {fraction:g}%; a fraction is from 0 to 100")
        accepted.append({"text": text, "fraction": 1.0 if _is_full(fraction) else fraction / 100})
    full = [a for a in answers if _is_full(_fraction(a))]
    if not full:
        raise _Skip("no short answer is worth 100%")
    feedback = next((f for f in (_formatted(a.find("feedback")) for a in full) if f), "")
    return {
        "type": "fill_in",
        "options": [],
        "answer": accepted,
        "feedback": feedback,
        "case_sensitive": _flag(element.findtext("usecase")),
    }


def _flag(value: str | None) -> bool:
    """A Moodle yes/no setting: 1 (or true, yes) is yes; empty, 0 or anything else no."""
    text = (value or "").strip().lower()
    if text in ("true", "yes"):
        return True
    try:
        return float(text) != 0
    except ValueError:
        return False


def _matching(element: Element) -> dict[str, Any]:
    pairs, distractors = [], []
    for sub in element.findall("subquestion"):
        left = _formatted(sub)
        right = clean_line(_raw_text(sub.find("answer")))
        if left and right:
            pairs.append([left, right])
        elif right:
            distractors.append(right)
        elif left:
            raise _Skip(f"the matching item {clean_line(left)!r} has no answer")
    return {"type": "matching", "answer": pairs, "options": distractors}


def _ordering(element: Element) -> dict[str, Any]:
    # qtype_ordering imports items in file order as the right order (it resets the fractions itself).
    items = [clean_line(_formatted(a)) for a in element.findall("answer")]
    # Its import_from_xml: older files name selecttype "logical" and selectcount "studentsee".
    select = clean_line(element.findtext("selecttype") or element.findtext("logical") or "RANDOM").upper()
    count_text = clean_line(element.findtext("selectcount") or element.findtext("studentsee") or "6")
    count = int(count_text) if count_text.isdigit() else 2
    shown = min(len(items), max(2, count))
    if select not in ("ALL", "EXACT") and shown < len(items):
        raise _Skip(
            f"it shows {shown} of its {len(items)} items, chosen anew each attempt ({select}); "
            "quizapp shows every item (set it to select all items)"
        )
    grading = moodle_ordering_grading(element.findtext("gradingtype") or "")
    return {"type": "ordering", "answer": items, "options": items, "grading": grading}


def _numerical(element: Element) -> dict[str, Any]:
    unsupported = "numerical questions with a tolerance, units or several answers are not supported"
    answers = element.findall("answer")
    full = [a for a in answers if _is_full(_fraction(a))]
    others = [a for a in answers if not _is_full(_fraction(a))]
    units = [u for u in element.findall("units/unit") if clean_line(u.findtext("unit_name") or "")]
    if len(full) != 1 or any(_fraction(a) != 0 for a in others) or units:
        raise _Skip(unsupported)
    tolerance = clean_line(full[0].findtext("tolerance") or "0")
    number = clean_line(_raw_text(full[0]))
    try:
        exact = float(tolerance) == 0
        valid = math.isfinite(float(number))
    except ValueError:
        raise _Skip(f"the numerical answer {number!r} or its tolerance is not a number") from None
    if not exact:
        raise _Skip(unsupported)
    if not valid:
        raise _Skip(f"the numerical answer {number!r} is not a number")
    feedback = _formatted(full[0].find("feedback"))
    return {"type": "fill_in", "options": [], "answer": [number], "feedback": feedback}
