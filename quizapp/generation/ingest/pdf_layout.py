"""Rebuild paragraphs from a PDF's lines and drop the page furniture (running headers, page numbers).

A PDF has no paragraphs, only lines placed on pages. Two lines belong to one
paragraph unless something separates them: a vertical gap wider than the usual
line spacing, a change of font size, a list bullet, or a line that ends a
sentence well short of the text width. Words hyphenated across lines are mended.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from quizapp.generation.ingest.lines import bullet_text, case_breaks, ends_sentence, is_numbered, join_lines
from quizapp.generation.ingest.pieces import Kind, Piece
from quizapp.generation.ingest.whitespace import clean_line, strip_controls, undo_ligatures

_ROMAN = r"(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_PAGE_NUMBER = re.compile(
    rf"^[\W_]*(?:(?:page|p\.|seite|pag\.|página)\s*)?(?:\d{{1,4}}|{_ROMAN})(?:\s*(?:of|/|von|de)\s*\d{{1,4}})?[\W_]*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_EDGE_LINES = 2
_REPEATED_SHARE = 0.5
_GAP_FACTOR = 1.4
_SIZE_CHANGE = 0.12
_HEADING_SIZE = 1.15
_HEADING_MAX_WORDS = 20
# A wrapped heading's lines are 1.2 to 1.5 of its size apart; a subtitle or section heading below it, more.
_HEADING_LINE_PITCH = 1.55
# "Painting at the Mughal Court, c." / "1550-1700": an abbreviation (circa, reigned, flourished) stops
# mid-phrase, though its full stop looks like a sentence's end.
_ABBREVIATED_END = re.compile(r"\b(?:c|ca|r|fl)\.\s*$")
_SHORT_LINE = 0.8
_WIDTH_PERCENTILE = 0.9


@dataclass
class PdfLine:
    """One line of a page: its text, baseline height on the page, dominant font size, boldness."""

    text: str
    y: float
    size: float
    bold: bool = False


@dataclass
class _Metrics:
    body_size: float
    pitch: float | None
    width: int


def rebuild(pages: list[list[PdfLine]]) -> tuple[list[Piece], list[str]]:
    """Paragraph pieces of the document and the furniture lines removed (each distinct text once)."""
    pages = [[_tidy(line) for line in page if line.text.strip()] for page in pages]
    pages, dropped = _drop_furniture(pages)
    lines = [(number, line) for number, page in enumerate(pages) for line in page]
    if not lines:
        return [], dropped
    metrics = _measure([line for _, line in lines])
    return _paragraphs(lines, metrics), dropped


def _tidy(line: PdfLine) -> PdfLine:
    # A soft hyphen ending a line is where the word was split; keep it visible for join_lines.
    text = line.text.rstrip()
    if text.endswith("\u00ad"):
        text = text[:-1] + "-"
    text = undo_ligatures(strip_controls(text)).replace("\n", " ")
    return PdfLine(text, line.y, line.size, line.bold)


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def _drop_furniture(pages: list[list[PdfLine]]) -> tuple[list[list[PdfLine]], list[str]]:
    """Remove page numbers and the lines repeated at the top or bottom of most pages."""
    edges_per_key: Counter[str] = Counter()
    for page in pages:
        edge_keys = {_furniture_key(line.text) for line in _edges(page)}
        edges_per_key.update(edge_keys)
    needed = max(2, int(len(pages) * _REPEATED_SHARE + 0.999))
    repeated = {key for key, pages_with_it in edges_per_key.items() if pages_with_it >= needed}
    # The running header often repeats the title, which the first page prints larger: keep that one.
    usual_size = {
        key: statistics.median(line.size for page in pages for line in _edges(page) if _furniture_key(line.text) == key)
        for key in repeated
    }
    kept_pages: list[list[PdfLine]] = []
    dropped: list[str] = []
    for page in pages:
        edges = {id(line) for line in _edges(page)}
        kept: list[PdfLine] = []
        for line in page:
            text = clean_line(line.text)
            key = _furniture_key(line.text)
            running = key in repeated and line.size < _HEADING_SIZE * usual_size[key]
            furniture = id(line) in edges and (_PAGE_NUMBER.match(text) or running)
            if furniture:
                if text not in dropped:
                    dropped.append(text)
            else:
                kept.append(line)
        kept_pages.append(kept)
    return kept_pages, dropped


def _edges(page: list[PdfLine]) -> list[PdfLine]:
    return page[:_EDGE_LINES] + page[-_EDGE_LINES:]


def _measure(lines: list[PdfLine]) -> _Metrics:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    body_size = sizes.most_common(1)[0][0]
    gaps = [
        previous.y - line.y
        for previous, line in itertools.pairwise(lines)
        if _same_size(previous.size, body_size)
        and _same_size(line.size, body_size)
        and 0 < previous.y - line.y <= 3 * max(body_size, 1.0)
    ]
    pitch = statistics.median(gaps) if gaps else None
    lengths = sorted(len(line.text.strip()) for line in lines if _same_size(line.size, body_size)) or [0]
    width = lengths[min(len(lengths) - 1, int(len(lengths) * _WIDTH_PERCENTILE))]
    return _Metrics(body_size, pitch, width)


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) <= _SIZE_CHANGE * max(a, b, 1.0)


def _paragraphs(lines: list[tuple[int, PdfLine]], metrics: _Metrics) -> list[Piece]:
    groups: list[tuple[Kind, list[PdfLine]]] = []
    for index, (page, line) in enumerate(lines):
        item = bullet_text(line.text)
        # "2.1 Methods" set large or bold is a numbered heading, not a list item.
        numbered_heading = is_numbered(line.text) and (_heading_sized(line, metrics) or line.bold)
        starts_item = item is not None or (is_numbered(line.text) and not numbered_heading)
        if item is not None:
            line = PdfLine(item, line.y, line.size, line.bold)
        if index == 0 or starts_item or numbered_heading or _breaks(lines[index - 1], (page, line), metrics):
            groups.append(("list_item" if starts_item else "paragraph", [line]))
        else:
            groups[-1][1].append(line)
    pieces: list[Piece] = []
    for position, (kind, group) in enumerate(groups):
        text = clean_line(join_lines([line.text for line in group]))
        if kind == "paragraph" and position + 1 < len(groups) and _is_heading(group, text, metrics):
            kind = "heading"
        pieces.append(Piece(text, kind))
    return [piece for piece in pieces if piece.text]


def _breaks(previous: tuple[int, PdfLine], current: tuple[int, PdfLine], metrics: _Metrics) -> bool:
    """Whether ``current`` starts a new paragraph after ``previous``."""
    (page_before, before), (page, line) = previous, current
    if not _same_size(before.size, line.size) or before.bold != line.bold:
        return True
    if _heading_sized(before, metrics):
        return not _wrapped_heading(before, line, page == page_before)
    if case_breaks(before.text, line.text):
        return True
    ended = ends_sentence(before.text)
    if page != page_before:
        # A paragraph runs on to the next page unless the page ended a sentence.
        return ended
    gap = before.y - line.y
    if metrics.pitch and (gap > _GAP_FACTOR * metrics.pitch or gap < -metrics.pitch):
        return True
    return ended and len(before.text.strip()) < _SHORT_LINE * metrics.width


def _wrapped_heading(before: PdfLine, line: PdfLine, same_page: bool) -> bool:
    """A large title set over two lines: the second follows at its own line spacing, in the same
    font, and the first stops mid-phrase. A subtitle or the next heading is set apart or smaller."""
    gap = before.y - line.y
    return (
        same_page
        and 0 < gap <= _HEADING_LINE_PITCH * before.size
        and (not ends_sentence(before.text) or _ABBREVIATED_END.search(before.text) is not None)
        and not case_breaks(before.text, line.text)
    )


def _heading_sized(line: PdfLine, metrics: _Metrics) -> bool:
    return line.size >= _HEADING_SIZE * metrics.body_size


def _is_heading(group: list[PdfLine], text: str, metrics: _Metrics) -> bool:
    words = len(text.split())
    if words == 0 or words > _HEADING_MAX_WORDS or text[-1] in ".,;:":
        return False
    if all(_heading_sized(line, metrics) for line in group):
        return True
    short = len(group) == 1 and len(text) < _SHORT_LINE * metrics.width and not ends_sentence(text)
    return short and (group[0].bold or words <= 12) and (text[0].isupper() or text[0].isdigit())
