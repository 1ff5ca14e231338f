"""Markdown, parsed by markdown-it-py: headings, paragraphs and list items, link text without URLs."""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt

from quizapp.generation.ingest.html_walker import walk_html
from quizapp.generation.ingest.pieces import Kind, Piece, ReaderOutput
from quizapp.generation.ingest.plain_text import read_plain_text
from quizapp.generation.ingest.whitespace import clean_line, strip_controls

_CONTAINERS = frozenset({"blockquote_open", "bullet_list_open", "ordered_list_open", "list_item_open"})
_FRONT_MATTER_FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")
_FRONT_MATTER_TITLE = re.compile(r"^title\s*:(.*)$", re.IGNORECASE)
_FRONT_MATTER_MAX_LINES = 200
_INVISIBLE_INLINE = re.compile(r"^<\s*(script|style|template|noscript)\b", re.IGNORECASE)
_CLOSING_INLINE = re.compile(r"^<\s*/\s*(script|style|template|noscript)\b", re.IGNORECASE)


def read_markdown(text: str) -> ReaderOutput:
    """Split Markdown into pieces; a YAML front matter block is dropped and its ``title`` kept."""
    text = strip_controls(text)
    body, front_matter, title = _split_front_matter(text)
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    tokens = parser.parse(body)
    if _nesting_cut_off(tokens, parser.options["maxNesting"]):
        # markdown-it stops parsing (and drops the rest of the file) at its nesting limit, which
        # keeps it off the recursion limit; losing text is worse than keeping a few '>' or '-'.
        plain = read_plain_text(body)
        return ReaderOutput(pieces=plain.pieces, title=title, dropped=front_matter + plain.dropped)
    pieces = _pieces(tokens)
    return ReaderOutput(pieces=[p for p in pieces if p.text], title=title, dropped=front_matter)


def _nesting_cut_off(tokens: list[Any], max_nesting: int) -> bool:
    """Whether a container opened at the deepest level markdown-it allows, where it stops reading."""
    return any(token.type in _CONTAINERS and token.level >= max_nesting - 1 for token in tokens)


def _split_front_matter(text: str) -> tuple[str, list[str], str | None]:
    """Front matter is metadata, not Markdown: ``---`` on the first line, closed by ``---`` or ``...``."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return text, [], None
    for index in range(1, min(len(lines), _FRONT_MATTER_MAX_LINES)):
        if _FRONT_MATTER_FENCE.match(lines[index]):
            block = lines[1:index]
            title = next((value for value in map(_front_matter_title, block) if value), None)
            dropped = [clean_line(" ".join(block))] if any(line.strip() for line in block) else []
            return "\n".join(lines[index + 1 :]), dropped, clean_line(title) if title else None
    return text, [], None


def _front_matter_title(line: str) -> str:
    """The value of a ``title:`` line, without one pair of quotes; "" for other lines.

    Trimmed with string methods: a lazy regex ending in ``\\s*$`` went quadratic on a line of spaces.
    """
    match = _FRONT_MATTER_TITLE.match(line)
    if not match:
        return ""
    value = match.group(1).strip()
    value = value[1:] if value[:1] in "\"'" else value
    return value[:-1] if value[-1:] in "\"'" else value


def _pieces(tokens: list[Any]) -> list[Piece]:
    pieces: list[Piece] = []
    heading = False
    lists = 0
    row: list[tuple[str, int]] | None = None
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            cells = [cell for cell in row if cell[0]]
            pieces.append(Piece(" | ".join(text for text, _ in cells), "paragraph", sum(n for _, n in cells)))
            row = None
        elif kind == "inline":
            text, links = _inline_text(token.children or [])
            if row is not None:
                row.append((text, links))
            else:
                block_kind: Kind = "heading" if heading else "list_item" if lists else "paragraph"
                pieces.append(Piece(text, block_kind, min(links, len(text))))
        elif kind in ("fence", "code_block"):
            pieces.append(Piece(clean_line(token.content), "list_item" if lists else "paragraph"))
        elif kind == "html_block":
            pieces.extend(walk_html(token.content).pieces)
    return pieces


def _inline_text(children: list[Any]) -> tuple[str, int]:
    """Text of an inline run: link text kept (URL dropped), images and HTML tags dropped."""
    parts: list[str] = []
    links = 0
    in_link = 0
    hidden = 0
    for child in children:
        kind = child.type
        if kind == "html_inline":
            if _INVISIBLE_INLINE.match(child.content):
                hidden += 1
            elif _CLOSING_INLINE.match(child.content):
                hidden = max(0, hidden - 1)
            elif re.match(r"^<\s*br\b", child.content, re.IGNORECASE):
                parts.append(" ")
            continue
        if hidden:
            continue
        if kind == "link_open":
            in_link += 1
        elif kind == "link_close":
            in_link = max(0, in_link - 1)
        elif kind in ("text", "code_inline"):
            parts.append(child.content)
            if in_link:
                links += len(child.content.strip())
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
    return clean_line("".join(parts)), links
