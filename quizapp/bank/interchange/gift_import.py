"""Read Moodle's GIFT format.

Follows Moodle's own reader (question/format/gift/format.php): questions are
separated by blank lines; lines starting with ``//`` are comments, and a comment's
``[tag:name]`` tokens are the question's tags; ``$CATEGORY:`` lines switch category
(read and dropped: the question shape has no category); ``::title::`` names a
question; ``[html]``, ``[moodle]``, ``[plain]`` and ``[markdown]`` set the format of
the question text, which the answers and feedback inherit unless they carry their
own; ``\\`` escapes ``~ = # { } :`` and itself, and ``\\n`` is a line break.

Answer blocks: ``{=right ~wrong#feedback ####general feedback}`` is multiple choice
(``%50%`` weights are read: one option with full credit and no partial credit is
supported); a block with ``~`` and no ``=`` anywhere, ``{~%50%A ~%50%B ~%-100%C}``, is
Moodle's multiple choice with several answers (``single`` = 0), multiple_answer with
each option's weight; ``{>6 ALL VERTICAL ABSOLUTE_POSITION SHOW none`` and one item a
line is qtype_ordering's ordering question, its grading type kept; ``{T}``,
``{TRUE#wrong-answer feedback#right-answer feedback}`` is true/false; ``{=a =%50%b =%0%*}``
is short answer (fill_in: every answer with its weight, in order, ``*`` as Moodle's
wildcard; a ``// quizapp: case-sensitive`` comment, which quizapp's export writes, makes
case matter);
``{=left -> right}`` is matching (``= -> x`` adds a distractor). Text after the
block makes it a missing-word question, read as a prompt with ``_____`` where the
block stood. The general feedback becomes the explanation, or failing that the
right answer's feedback.

Skipped with a reason, not refused: a question with a brace out of place (with
the brace's line: Moodle, too, refuses that question and reads the rest), essays
``{}``, descriptions (no block),
numerical questions with a tolerance, a range or several answers, several answers
whose right weights do not add up to 100%, an ordering question showing a random
subset of its items. A numerical
question with one exact number, ``{#42}``, is read as fill_in with that number as
the accepted answer. A matching question written by :func:`export_gift` for an
ordering question (marked ``// quizapp: ordering``) is read back as ordering.
"""

from __future__ import annotations

import codecs
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

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

_ESCAPABLE = {"\\": "\\", ":": ":", "#": "#", "=": "=", "{": "{", "}": "}", "~": "~", "n": "\n"}
_ESCAPE = re.compile(r"\\([\\:#={}~n])")
_BRACE = re.compile(r"\\[\\:#={}~n]|([{}])")
_TITLE_END = re.compile(r"\\[\\:#={}~n]|(::)")
_FORMATS = ("html", "moodle", "plain", "markdown")
_WEIGHT = re.compile(r"%(-?\d+(?:\.\d+)?)%")
_TAG = re.compile(r"\[tag:((?:\\\]|[^\]])*)\]")
ORDERING_MARK = "quizapp: ordering"
# GIFT cannot say that case matters in a short answer; quizapp's export says so in a comment Moodle ignores.
CASE_MARK = "quizapp: case-sensitive"
_BAD_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class _Skip(ValueError):
    """This question is valid GIFT of a kind the question shape cannot hold."""


class _Marked:
    """GIFT text with its escapes resolved.

    ``text`` holds the characters; ``mask`` is the same string with every escaped
    character replaced by NUL, so searches on it only find real markup. NUL never
    occurs in accepted input.
    """

    __slots__ = ("mask", "text")

    def __init__(self, text: str, mask: str) -> None:
        self.text = text
        self.mask = mask

    @classmethod
    def parse(cls, raw: str) -> _Marked:
        return cls(_ESCAPE.sub(lambda m: _ESCAPABLE[m.group(1)], raw), _ESCAPE.sub("\0", raw))

    def __getitem__(self, index: slice) -> _Marked:
        return _Marked(self.text[index], self.mask[index])

    def __add__(self, other: _Marked) -> _Marked:
        return _Marked(self.text + other.text, self.mask + other.mask)

    def strip(self) -> _Marked:
        start, end = 0, len(self.text)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return self[start:end]

    def find(self, sub: str, start: int = 0) -> int:
        return self.mask.find(sub, start)

    def split_before(self, markers: str) -> list[tuple[str, _Marked]]:
        """Cut before each unescaped marker character: [(marker or "", piece after it)]."""
        pieces, start, marker = [], 0, ""
        for match in re.finditer(f"[{re.escape(markers)}]", self.mask):
            pieces.append((marker, self[start : match.start()]))
            start, marker = match.end(), match.group()
        pieces.append((marker, self[start:]))
        return pieces

    def cut(self, sep: str) -> tuple[_Marked, _Marked | None]:
        at = self.find(sep)
        return (self, None) if at < 0 else (self[:at], self[at + len(sep) :])


@dataclass
class _Block:
    lines: list[tuple[int, str]]  # (line number, text) of the question's non-comment lines
    comments: list[str]


MAX_BYTES = 5_000_000


def import_gift(data: bytes | str, *, max_bytes: int = MAX_BYTES, max_questions: int = 5000) -> ImportResult:
    """Read a GIFT file into question dicts (see the module docstring for what is understood).

    Raises InterchangeError, and returns nothing partial, when the file is too big,
    not text, holds no question or more than ``max_questions``. Questions of a kind
    the shape cannot hold, or with a brace out of place, go to ``skipped`` with their
    line.
    """
    size = len(data.encode("utf-8", "surrogatepass")) if isinstance(data, str) else len(data)
    check_size(size, max_bytes)
    text = data if isinstance(data, str) else _decode(data)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    bad = _BAD_CONTROLS.search(text) or re.search(r"[\ud800-\udfff]", text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise InterchangeError(
            f"line {line}: the file contains binary data (character U+{ord(bad.group()):04X}), not GIFT text"
        )
    blocks = [b for b in _blocks(text) if b.lines]
    candidates = [b for b in blocks if not _is_category(b)]
    if not any(_has_brace(b) for b in candidates):
        raise InterchangeError("the file contains no questions: no answer block {…} was found")
    if len(candidates) > max_questions:
        raise InterchangeError(f"the file has {len(candidates)} questions; at most {max_questions}")
    result = ImportResult()
    for block in candidates:
        try:
            result.questions.append(_read_question(block))
            result.places.append(f"line {block.lines[0][0]}")
        except _Skip as skip:
            result.skipped.append(str(skip))
    return result


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as err:
            raise _not_text(data, err) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows Notepad's "Unicode" is UTF-16 with a byte order mark.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise _not_text(data, err) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    # Older Windows editors save Western European text as cp1252; take it only when it looks like text.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise _not_text(data, utf8_error) from None
    non_ascii = len(data) - len(data.translate(None, bytes(range(0x80, 0x100))))
    if _BAD_CONTROLS.search(text) or non_ascii * 5 > len(data):
        raise _not_text(data, utf8_error)
    return text


def _not_text(data: bytes, err: UnicodeDecodeError) -> InterchangeError:
    line = data.count(b"\n", 0, err.start) + 1
    return InterchangeError(
        f"line {line}: the file is not UTF-8 text (byte 0x{data[err.start]:02X}); save it as UTF-8 and try again"
    )


def _blocks(text: str) -> Iterator[_Block]:
    block = _Block([], [])
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            if block.lines or block.comments:
                yield block
            block = _Block([], [])
        elif stripped.startswith("//"):
            block.comments.append(stripped)
        else:
            block.lines.append((number, stripped))
    if block.lines or block.comments:
        yield block


def _raw(block: _Block) -> str:
    return "\n".join(line for _, line in block.lines)


def _is_category(block: _Block) -> bool:
    return _raw(block).startswith("$CATEGORY:")


def _has_brace(block: _Block) -> bool:
    return any(m.group(1) for m in _BRACE.finditer(_raw(block)))


def _line_of(block: _Block, raw: str, pos: int) -> int:
    return block.lines[raw.count("\n", 0, pos)][0]


def _title_end(raw: str) -> int:
    """Where the ``::title::`` ends (the index after it), or 0 when there is no title."""
    if not raw.startswith("::"):
        return 0
    for match in _TITLE_END.finditer(raw, 2):
        if match.group(1):
            return match.end()
    return 2  # Moodle drops an unclosed "::" and reads on without a title


class _BraceError(ValueError):
    """A brace out of place: ``line`` is where, ``str()`` says what."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def _braces(block: _Block, raw: str, start: int) -> tuple[int, int] | None:
    """Positions of the answer block's braces, or None for a question without one."""
    opening = closing = -1
    for match in _BRACE.finditer(raw, start):
        i, ch = match.start(), match.group(1)
        if ch == "{":
            if opening >= 0:
                where = "inside an answer block" if closing < 0 else "after the answer block"
                raise _BraceError(
                    _line_of(block, raw, i),
                    f"a second '{{' {where}; a question has one {{…}} block, and a literal brace is written \\{{",
                )
            opening = i
        elif ch == "}":
            if opening < 0 or closing >= 0:
                raise _BraceError(
                    _line_of(block, raw, i), "'}' without an opening '{' (a literal brace is written \\})"
                )
            closing = i
    if opening >= 0 and closing < 0:
        raise _BraceError(_line_of(block, raw, opening), "'{' is never closed by '}' (a blank line ends a question)")
    return None if opening < 0 else (opening, closing)


def _read_question(block: _Block) -> dict[str, Any]:
    raw = _raw(block)
    line = block.lines[0][0]
    title_end = _title_end(raw)
    title = clean_line(_Marked.parse(raw[2 : title_end - 2]).text) if title_end > 2 else ""
    try:
        braces = _braces(block, raw, title_end)
    except _BraceError as error:
        # As Moodle does, one question's stray brace costs that question alone, not the file.
        opening = _BRACE.search(raw, title_end)
        text = _Marked.parse(raw[title_end : opening.start() if opening else len(raw)]).strip().text
        raise _Skip(f"line {error.line} {label(title, clean_line(text))}: {error}") from None
    before = _Marked.parse(raw[title_end : braces[0] if braces else len(raw)])
    where = f"line {line}"
    if braces is None:
        prompt, _ = _formatted(before.strip(), "moodle")
        raise _Skip(f"{where} {label(title, prompt)}: a description without an answer block is not a question")
    after = _Marked.parse(raw[braces[1] + 1 :])
    question_text = before.strip()
    if after.strip().text:
        question_text = before + _Marked("_____", "_____") + after
    prompt, fmt = _formatted(question_text.strip(), "moodle")
    try:
        question = _read_answers(_Marked.parse(raw[braces[0] + 1 : braces[1]]).strip(), fmt)
        question.update(prompt=prompt, title=title, tags=_tags(block.comments))
        if any(comment.startswith("// " + ORDERING_MARK) for comment in block.comments):
            question = _as_ordering(question)
        if question["type"] == "fill_in" and any(c.startswith("// " + CASE_MARK) for c in block.comments):
            question["case_sensitive"] = True
        return normalise_question(question)
    except ValueError as err:
        raise _Skip(f"{where} {label(title, prompt)}: {err}") from None


def _format_prefix(part: _Marked) -> tuple[str | None, _Marked]:
    """The ``[name]`` format prefix of a part, if it has one, and the part without it."""
    if part.mask.startswith("["):
        end = part.find("]")
        if end > 0 and part.text[1:end].lower() in _FORMATS:
            return part.text[1:end].lower(), part[end + 1 :]
    return None, part


def _formatted(part: _Marked, default: str) -> tuple[str, str]:
    """Plain text of a format-carrying part, and its format (the ``[name]`` prefix or ``default``)."""
    fmt, part = _format_prefix(part)
    fmt = fmt or default
    text = part.text
    if fmt == "html":
        return html_to_text(text), fmt
    if fmt == "moodle":
        return html_to_text(text, keep_newlines=True), fmt
    return clean_block(text), fmt


def _tags(comments: list[str]) -> list[str]:
    # No tag can close after the comment's last "]": searching only up to it keeps a comment of
    # "[tag:[tag:[tag:..." linear (every opener would otherwise scan to the end of the line, and
    # 4 MB of them took minutes).
    return [m.group(1).replace("\\]", "]").strip() for c in comments for m in _TAG.finditer(c, 0, c.rfind("]") + 1)]


def _weight(piece: _Marked, default: float) -> tuple[float, _Marked]:
    match = _WEIGHT.match(piece.mask)
    if not match:
        return default, piece
    return float(match.group(1)), piece[match.end() :].strip()


def _answers(answer_text: _Marked, markers: str) -> list[tuple[str, _Marked]]:
    count = sum(answer_text.mask.count(marker) for marker in markers)
    if count > MAX_ANSWERS:
        raise _Skip(f"the question has {count} answers; at most {MAX_ANSWERS}")
    pieces = answer_text.split_before(markers)
    # Text before the first marker counts as an answer, as in Moodle ({cat} is a short answer).
    if not pieces[0][1].strip().text:
        pieces = pieces[1:]
    return [(marker, piece.strip()) for marker, piece in pieces]


def _read_answers(answer_text: _Marked, fmt: str) -> dict[str, Any]:
    general = ""
    split = answer_text.mask.rfind("####")
    if split >= 0:
        general, _ = _formatted(answer_text[split + 4 :].strip(), fmt)
        answer_text = answer_text[:split].strip()
    if not answer_text.text:
        raise _Skip("essay questions (an empty answer block {}) are not supported")
    if answer_text.mask.startswith("#"):
        return _numerical(answer_text[1:].strip(), general, fmt)
    ordering = _ORDERING.match(answer_text.mask)
    if ordering:
        return _ordering(answer_text, ordering, general, fmt)
    if "~" in answer_text.mask:
        return _multiple_choice(answer_text, general, fmt)
    if "=" in answer_text.mask and "->" in answer_text.mask:
        return _matching(answer_text, general, fmt)
    head, _ = answer_text.cut("#")
    if head.strip().mask in ("T", "TRUE", "F", "FALSE"):
        parts = answer_text.split_before("#")
        right = _formatted(parts[2][1].strip(), fmt)[0] if len(parts) > 2 else ""
        value = head.strip().mask.startswith("T")
        return {"type": "true_false", "answer": value, "options": [], "explanation": general or right}
    return _short_answer(answer_text, general, fmt)


def _multiple_choice(answer_text: _Marked, general: str, fmt: str) -> dict[str, Any]:
    options, weights, feedbacks = [], [], []
    for marker, piece in _answers(answer_text, "~="):
        weight, piece = (100.0, piece) if marker == "=" else _weight(piece, 0.0)
        text, feedback = piece.cut("#")
        options.append(_formatted(text.strip(), fmt)[0])
        feedbacks.append(_formatted(feedback.strip(), fmt)[0] if feedback else "")
        weights.append(weight)
    # As Moodle's reader: no "=" anywhere in the block (escaped or in feedback too) means several answers.
    if "=" not in answer_text.text:
        return _multiple_answer(options, weights, general)
    right = [i for i, w in enumerate(weights) if math.isclose(w, 100.0)]
    if any(0 < w < 100 and not math.isclose(w, 100.0) for w in weights) or any(w > 100 for w in weights):
        raise _Skip("multiple choice with partial-credit weights is not supported (one option must be worth 100%)")
    if len(right) != 1:
        reason = "no option is marked right" if not right else f"{len(right)} options are marked right"
        raise _Skip(f"{reason}; only multiple choice with exactly one right option is supported")
    return {
        "type": "multiple_choice",
        "options": options,
        "answer": options[right[0]],
        "explanation": general or feedbacks[right[0]],
    }


def _multiple_answer(options: list[str], weights: list[float], general: str) -> dict[str, Any]:
    """``{~%50%A ~%50%B ~%-100%C}``: Moodle's multiple choice with several answers (``single`` = 0)."""
    if len(set(options)) != len(options):
        raise _Skip("the options are not distinct")
    return {**several_answers(options, weights), "explanation": general}


# Moodle's ordering block, after qtype_ordering's import_from_gift: ">count [select] [layout] [grading] [show]
# [numbering]" and then one item per line. Two slips of its pattern are not copied: its grading alternatives
# run "REL" and "LONGEST_ORDERED_SUBSET" together (so Moodle reads that grading type as the first item), and a
# keyword may end inside the next word (an item "Victoria" would lose its "V" to the layout).
_ORDERING = re.compile(
    r"\s*>\s*(?P<count>\d+)\s*"
    r"(?:(?P<select>ALL|EXACT|RANDOM|REL|CONTIGUOUS|CONTIG)\b)?\s*"
    r"(?:(?P<layout>HORIZONTAL|HORI|H|1|VERTICAL|VERT|V|0)\b)?\s*"
    r"(?:(?P<grading>ALL_OR_NOTHING|ABSOLUTE_POSITION|ABSOLUTE|ABS|RELATIVE_NEXT_EXCLUDE_LAST|"
    r"RELATIVE_NEXT_INCLUDE_LAST|RELATIVE_ONE_PREVIOUS_AND_NEXT|RELATIVE_ALL_PREVIOUS_AND_NEXT|RELATIVE_TO_CORRECT|"
    r"RELATIVE|REL|LONGEST_ORDERED_SUBSET|LONGEST_CONTIGUOUS_SUBSET)\b)?\s*"
    r"(?:(?P<show>SHOW|TRUE|YES|1|HIDE|FALSE|NO|0)\b)?\s*"
    r"(?:(?P<numbering>none|123|abc|ABCD|iii|IIII)\b)?\s*"
)


def _ordering(answer_text: _Marked, header: re.Match[str], general: str, fmt: str) -> dict[str, Any]:
    """``{>6 ALL VERTICAL ABSOLUTE_POSITION SHOW none`` and one item a line: Moodle's ordering question."""
    lines = answer_text[header.end() :].split_before("\n")
    items = [text for text in (_formatted(line.strip(), fmt)[0] for _, line in lines) if text]
    if len(items) > MAX_ANSWERS:
        raise _Skip(f"the question has {len(items)} items; at most {MAX_ANSWERS}")
    select = header["select"] or "RANDOM"
    count = int(header["count"])
    shown = count if 2 <= count <= len(items) else min(6, len(items))
    if select not in ("ALL", "EXACT") and shown < len(items):
        raise _Skip(
            f"it shows {shown} of its {len(items)} items, chosen anew each attempt ({select}); "
            "quizapp shows every item (write ALL to keep them all)"
        )
    grading = header["grading"] or ""
    return {
        "type": "ordering",
        "answer": items,
        "options": items,
        "grading": moodle_ordering_grading(grading),
        "explanation": general,
    }


def _short_answer(answer_text: _Marked, general: str, fmt: str) -> dict[str, Any]:
    # As in Moodle, every answer is kept with its weight (100% without one), in order: the first that matches a
    # response grades it, so a "%0%" answer before a wildcard matters too.
    accepted: list[dict[str, Any]] = []
    feedback = ""
    for _, piece in _answers(answer_text, "="):
        weight, piece = _weight(piece, 100.0)
        text, note = piece.cut("#")
        if not 0 <= weight <= 100:
            raise _Skip(f"the short answer {clean_line(text.text)!r} is worth {weight:g}%; a weight is from 0% to 100%")
        # Moodle drops a [format] prefix here too, but keeps the rest as typed: it is compared, not shown.
        accepted.append({"text": clean_line(_format_prefix(text.strip())[1].text), "fraction": weight / 100})
        if note and not feedback and math.isclose(weight, 100.0):
            feedback = _formatted(note.strip(), fmt)[0]
    if not any(math.isclose(entry["fraction"], 1.0) for entry in accepted):
        raise _Skip("no short answer is worth 100%")
    return {"type": "fill_in", "options": [], "answer": accepted, "explanation": general or feedback}


def _matching(answer_text: _Marked, general: str, fmt: str) -> dict[str, Any]:
    pairs, distractors = [], []
    for _, piece in _answers(answer_text, "="):
        left, right = piece.cut("->")
        if right is None:
            raise _Skip(f"matching line {clean_line(piece.text)!r} has no '->'")
        # The right side is plain in Moodle (it is a choice in a drop-down), only the left has a format.
        left_text = _formatted(left.strip(), fmt)[0]
        right_text = clean_line(right.text)
        if left_text:
            pairs.append([left_text, right_text])
        else:
            distractors.append(right_text)
    return {"type": "matching", "answer": pairs, "options": distractors, "explanation": general}


def _numerical(answer_text: _Marked, general: str, fmt: str) -> dict[str, Any]:
    # As in Moodle, "~feedback" at the end is the feedback for any other answer; it has no place here.
    answer_text, _ = answer_text.cut("~")
    answers = _answers(answer_text, "=")
    unsupported = "numerical questions with a tolerance, a range or several answers are not supported"
    if len(answers) != 1:
        raise _Skip(unsupported)
    weight, piece = _weight(answers[0][1], 100.0)
    value, note = piece.cut("#")
    number, tolerance = value.cut(":")
    number_text = clean_line(number.text)
    if not math.isclose(weight, 100.0) or ".." in number_text or (tolerance and not _is_zero(tolerance.text)):
        raise _Skip(unsupported)
    if not _is_number(number_text):
        raise _Skip(f"the numerical answer {number_text!r} is not a number")
    feedback = _formatted(note.strip(), fmt)[0] if note else ""
    return {"type": "fill_in", "options": [], "answer": [number_text], "explanation": general or feedback}


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def _is_zero(text: str) -> bool:
    return _is_number(text.strip()) and float(text) == 0


def _as_ordering(question: dict[str, Any]) -> dict[str, Any]:
    # The mark is only a comment: on any other type (a true/false's answer is a bool) it means nothing.
    if question["type"] != "matching" or question["options"]:
        return question
    pairs = question.get("answer") or []
    if [p[0] for p in pairs] != [str(i) for i in range(1, len(pairs) + 1)]:
        return question
    items = [right for _, right in pairs]
    return {**question, "type": "ordering", "answer": items, "options": items}
