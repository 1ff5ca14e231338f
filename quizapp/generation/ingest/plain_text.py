"""Plain text: paragraphs are separated by blank lines; inside one, lines may be wrapped or be items."""

from __future__ import annotations

import re

from quizapp.generation.ingest.lines import bullet_text, case_breaks, ends_sentence, is_numbered, join_lines
from quizapp.generation.ingest.pieces import Kind, Piece, ReaderOutput
from quizapp.generation.ingest.whitespace import clean_line, strip_controls

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_RULE = re.compile(r"^\s*([=\-_*~#])(?:\s*\1){2,}\s*$")
# Hard-wrapped text is cut near a fixed width (60-100 characters in practice); lines far
# longer than that are whole paragraphs written on one line, so the width test stops there.
_MIN_WRAP_WIDTH = 40
_MAX_WRAP_WIDTH = 120
_WRAP_SLACK = 0.9
_LABEL_WORDS = 4
_CONTINUED_MIN_WORDS = 4
_HEADING_MAX_WORDS = 12
_HEADING_MAX_CHARS = 100


def read_plain_text(text: str) -> ReaderOutput:
    """Split plain text into pieces: paragraphs, list items, short standalone lines as headings."""
    dropped: list[str] = []
    pieces: list[Piece] = []
    standalone: list[int] = []
    for chunk in _chunks(strip_controls(text).split("\n")):
        heading = _underlined_heading(chunk, dropped)
        if isinstance(heading, Piece):
            pieces.append(heading)
            continue
        made = [piece for piece in _chunk_pieces(chunk, dropped) if piece.text]
        if len(chunk) == 1 and len(made) == 1:
            standalone.append(len(pieces))
        pieces.extend(made)
    _mark_headings(pieces, standalone)
    return ReaderOutput(pieces=[p for p in pieces if p.text], dropped=dropped)


def _chunks(lines: list[str]) -> list[list[str]]:
    chunks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def _underlined_heading(chunk: list[str], dropped: list[str]) -> list[str] | Piece:
    """A Setext-style heading (a line underlined with ``===`` or ``---``) is a heading."""
    if len(chunk) == 2 and _RULE.match(chunk[1]) and chunk[1].strip()[0] in "=-" and not _RULE.match(chunk[0]):
        dropped.append(chunk[1].strip())
        return Piece(clean_line(chunk[0]), "heading")
    return chunk


def _chunk_pieces(chunk: list[str], dropped: list[str]) -> list[Piece]:
    width = max(len(line.strip()) for line in chunk)
    pieces: list[Piece] = []
    lines: list[str] = []
    kind: Kind = "paragraph"

    def flush() -> None:
        if lines:
            pieces.append(Piece(clean_line(join_lines(lines)), kind))
            lines.clear()

    for line in chunk:
        if _RULE.match(line):
            flush()
            dropped.append(line.strip())
            continue
        item = bullet_text(line)
        starts_item = item is not None or is_numbered(line)
        if lines and not starts_item and _continues(lines[-1], line, width, kind):
            lines.append(line)
            continue
        flush()
        kind = "list_item" if starts_item else "paragraph"
        lines.append(item if item is not None else line)
    flush()
    return pieces


def _continues(previous: str, line: str, width: int, kind: Kind) -> bool:
    """Whether ``line`` goes on with the paragraph (or list item) that ``previous`` belongs to."""
    if _URL.search(previous) or _URL.search(line):
        # Lines carrying addresses are link lists far more often than wrapped prose.
        return False
    if case_breaks(previous, line):
        return False
    if kind == "list_item":
        # A wrapped list item continues on an indented line.
        return (line[:1].isspace() and not previous[:1].isspace()) or _lowercase_continuation(previous, line)
    # An editor wraps a line when the next word would not fit: the previous line plus that word
    # (nearly) overflows the width. A short line followed by a short word was ended on purpose.
    first_word = line.split()[0] if line.split() else ""
    overflows = len(previous.strip()) + 1 + len(first_word) > _WRAP_SLACK * width
    hard_wrapped = _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH and overflows
    if hard_wrapped and ends_sentence(previous) and not ends_sentence(line) and len(line.split()) <= _LABEL_WORDS:
        # "...our use of cookies." then "Accept all": a button or label after a sentence, not its last words.
        hard_wrapped = False
    return hard_wrapped or _lowercase_continuation(previous, line)


def _lowercase_continuation(previous: str, line: str) -> bool:
    """A line starting in lower case after a line ending mid-sentence (a word, comma or hyphen) goes on with it."""
    stripped = line.strip()
    ending = previous.rstrip()[-1:]
    # A one-word line ("de:Vulkan") is an entry of its own, not the start of a wrapped sentence.
    long_enough = len(previous.split()) >= _CONTINUED_MIN_WORDS
    return bool(stripped) and stripped[0].islower() and long_enough and (ending.isalpha() or ending in ",;-–")


def _mark_headings(pieces: list[Piece], standalone: list[int]) -> None:
    """A short line standing alone, without a sentence's end, and followed by text is a heading."""
    for index in standalone:
        piece = pieces[index]
        if piece.kind != "paragraph" or index + 1 >= len(pieces):
            continue
        text = piece.text
        if (
            len(text) <= _HEADING_MAX_CHARS
            and len(text.split()) <= _HEADING_MAX_WORDS
            and not ends_sentence(text)
            and text[-1] not in ",;:"
            and (text[0].isupper() or text[0].isdigit())
            and not _URL.search(text)
        ):
            piece.kind = "heading"
