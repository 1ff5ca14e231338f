"""Word (.docx) through python-docx: Heading and Title styles become headings, list styles list items,
table rows paragraphs. Page headers and footers are furniture and are listed as removed."""

from __future__ import annotations

import io
from typing import Any

from quizapp.generation.ingest.pieces import Kind, Piece, ReaderOutput
from quizapp.generation.ingest.whitespace import clean_line
from quizapp.generation.ingest.zip_safety import check_archive
from quizapp.generation.types import IngestError

_HEADING_STYLES = ("heading", "title", "subtitle")
_LIST_STYLES = ("list",)


def read_docx(name: str, data: bytes) -> ReaderOutput:
    """Read the body of a Word document in order. Raises IngestError for a damaged or unsafe file."""
    check_archive(name, data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        pieces = _body_pieces(document)
        dropped = _furniture(document)
        title = clean_line(document.core_properties.title or "") or None
    except (PackageNotFoundError, KeyError, ValueError, AttributeError, TypeError, IndexError) as error:
        raise IngestError(name, "the Word file is damaged or not a .docx document") from error
    except Exception as error:  # lxml's XMLSyntaxError and zip errors surface from deep inside python-docx
        raise IngestError(name, "the Word file is damaged (its XML cannot be read)") from error
    return ReaderOutput(pieces=pieces, title=title, dropped=dropped)


def _body_pieces(document: Any) -> list[Piece]:
    pieces: list[Piece] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            pieces.extend(_table_rows(block))
        else:
            pieces.append(_paragraph(block))
    return [piece for piece in pieces if piece.text]


def _paragraph(paragraph: Any) -> Piece:
    text = clean_line(paragraph.text)
    links = sum(len(clean_line(link.text)) for link in paragraph.hyperlinks)
    return Piece(text, _kind(paragraph), min(links, len(text)))


def _kind(paragraph: Any) -> Kind:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    style = style.lower()
    if style.startswith(_HEADING_STYLES):
        return "heading"
    properties = paragraph._p.pPr
    numbered = properties is not None and properties.numPr is not None
    if numbered or style.startswith(_LIST_STYLES):
        return "list_item"
    return "paragraph"


def _table_rows(table: Any) -> list[Piece]:
    """One paragraph per row, its cells joined by ' | '; a merged cell counts once."""
    pieces: list[Piece] = []
    for row in table.rows:
        seen: set[int] = set()
        cells: list[str] = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            text = clean_line(" ".join(p.text for p in cell.paragraphs))
            if text:
                cells.append(text)
        pieces.append(Piece(" | ".join(cells)))
    return pieces


def _furniture(document: Any) -> list[str]:
    texts: list[str] = []
    for section in document.sections:
        for part in (section.header, section.footer):
            if part.is_linked_to_previous:
                continue
            for paragraph in part.paragraphs:
                text = clean_line(paragraph.text)
                if text and text not in texts:
                    texts.append(text)
    return texts
