"""Lay the kept pieces out as the cleaned text, with block offsets and a title."""

from __future__ import annotations

import re

from quizapp.generation.ingest.lines import ends_sentence
from quizapp.generation.ingest.pieces import Piece
from quizapp.generation.types import Block

SEPARATOR = "\n\n"
_TITLE_MAX_WORDS = 15
_TITLE_MAX_CHARS = 150
_TITLE_CUT = 80
_OPENING_MAX_WORDS = 20
# A line over the title naming the section, series or kind of page ("Features | History", "Unit 3 ·
# Medieval Europe", "Lives in Science - Biography Series, No. 12"), not what the article is called.
_KICKER = re.compile(
    r"\s[|·]\s|\bseries\b|\bno\.\s*\d|\bhandout$|^(?:unit|chapter|part)\s+\d+\s*[:.–—-]\s|^(?:section|unit|chapter)\s+[\d.]+$",
    re.IGNORECASE,
)


def layout(pieces: list[Piece]) -> tuple[str, tuple[Block, ...]]:
    """Join the pieces with one blank line between them; each block spans one piece's text."""
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for piece in pieces:
        if not piece.text:
            continue
        if parts:
            offset += len(SEPARATOR)
        parts.append(piece.text)
        blocks.append(Block(offset, offset + len(piece.text), piece.kind))
        offset += len(piece.text)
    return SEPARATOR.join(parts), tuple(blocks)


def choose_title(pieces: list[Piece], named: str | None, fallback: str, *, marked: bool = True) -> str:
    """The line that opens the document when it reads as a title; else the first heading; else the
    title the file names (HTML ``<title>``, document properties); else the first short line; else
    the start of the first paragraph; else ``fallback``.

    ``marked`` says the format marks its headings (HTML, Markdown, Word): there a short line before
    the first heading is a kicker ("Ancient China" over the ``<h1>``). In plain text and PDF the
    headings are guessed, and a title with a subtitle under it is not guessed to be one."""
    opening = _opening_title(pieces, marked)
    if opening:
        return _one_line(opening)
    for piece in pieces:
        if piece.kind == "heading" and piece.text:
            return _one_line(piece.text)
    if named and named.strip():
        return _one_line(named)
    for piece in pieces:
        if piece.text and len(piece.text.split()) <= _TITLE_MAX_WORDS and len(piece.text) <= _TITLE_MAX_CHARS:
            return _one_line(piece.text)
    for piece in pieces:
        if piece.text:
            return _cut(piece.text)
    return _one_line(fallback) or "Untitled"


def _opening_title(pieces: list[Piece], marked: bool) -> str | None:
    """The first of the document's first two pieces that reads as a title and is not a kicker over it,
    when a heading follows; in a format that marks headings, only a heading after a kicker."""
    if not any(piece.kind == "heading" for piece in pieces[1:]):
        return None
    for index, piece in enumerate(pieces[:2]):
        if not _title_like(piece.text):
            return None
        if _KICKER.search(piece.text):
            continue
        if marked and not (index == 1 and piece.kind == "heading"):
            return None
        return piece.text
    return None


def _title_like(text: str) -> bool:
    return (
        bool(text)
        and len(text.split()) <= _OPENING_MAX_WORDS
        and len(text) <= _TITLE_MAX_CHARS
        and (not ends_sentence(text) or text.endswith("?"))
    )


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _TITLE_MAX_CHARS else _cut(line)


def _cut(text: str) -> str:
    """The first words of ``text``, cut at a word boundary, marked as shortened."""
    if len(text) <= _TITLE_CUT:
        return text
    head = text[:_TITLE_CUT].rsplit(" ", 1)[0] or text[:_TITLE_CUT]
    return head.rstrip(" ,;:-") + "…"
