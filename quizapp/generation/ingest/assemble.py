"""Lay the kept pieces out as the cleaned text, with block offsets and a title."""

from __future__ import annotations

from quizapp.generation.ingest.pieces import Piece
from quizapp.generation.types import Block

SEPARATOR = "\n\n"
_TITLE_MAX_WORDS = 15
_TITLE_MAX_CHARS = 150
_TITLE_CUT = 80


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


def choose_title(pieces: list[Piece], named: str | None, fallback: str) -> str:
    """The first heading; else the title the file names (HTML ``<title>``, document properties);
    else the first short line; else the start of the first paragraph; else ``fallback``."""
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


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _TITLE_MAX_CHARS else _cut(line)


def _cut(text: str) -> str:
    """The first words of ``text``, cut at a word boundary, marked as shortened."""
    if len(text) <= _TITLE_CUT:
        return text
    head = text[:_TITLE_CUT].rsplit(" ", 1)[0] or text[:_TITLE_CUT]
    return head.rstrip(" ,;:-") + "…"
