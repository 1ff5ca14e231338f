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


def read_docx(name: str, data: bytes, max_blocks: int | None = None) -> ReaderOutput:
    """Read the body of a Word document in order. Raises IngestError for a damaged or unsafe file,
    and as soon as the body has more than ``max_blocks`` paragraphs and table rows."""
    check_archive(name, data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        pieces = _body_pieces(name, document, _ParagraphStyles(document), max_blocks)
        dropped = _furniture(document)
        title = clean_line(document.core_properties.title or "") or None
    except IngestError:
        raise
    except (PackageNotFoundError, KeyError, ValueError, AttributeError, TypeError, IndexError) as error:
        raise IngestError(name, "the Word file is damaged or not a .docx document") from error
    except Exception as error:  # lxml's XMLSyntaxError and zip errors surface from deep inside python-docx
        raise IngestError(name, "the Word file is damaged (its XML cannot be read)") from error
    return ReaderOutput(pieces=pieces, title=title, dropped=dropped)


class _ParagraphStyles:
    """Paragraph style names by style id, read once.

    python-docx's ``paragraph.style`` scans every style of the document to find the default one
    each time it is asked: about 3 ms a paragraph, so a 20,000-paragraph file took a minute.
    """

    def __init__(self, document: Any) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        paragraph = WD_STYLE_TYPE.PARAGRAPH
        self._names = {
            style.style_id: (style.name or "").lower() for style in document.styles if style.type == paragraph
        }
        default = document.styles.default(paragraph)
        self._default = ((default.name if default is not None else "") or "").lower()

    def name(self, paragraph: Any) -> str:
        """The lower-cased name of the paragraph's style (the default style when it names none or an unknown one)."""
        style_id = paragraph._p.style
        return self._names.get(style_id, self._default) if style_id else self._default


def _body_pieces(name: str, document: Any, styles: _ParagraphStyles, max_blocks: int | None) -> list[Piece]:
    pieces: list[Piece] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            pieces.extend(_table_rows(block))
        else:
            pieces.append(_paragraph(block, styles))
        if max_blocks is not None and len(pieces) > max_blocks:
            # Each paragraph costs python-docx about 0.1 ms; stop reading rather than finish a file that is refused.
            raise IngestError(
                name,
                f"the file has over {max_blocks:,} paragraphs or lines; "
                f"at most {max_blocks:,} can be read (split it into smaller files)",
            )
    return [piece for piece in pieces if piece.text]


def _paragraph(paragraph: Any, styles: _ParagraphStyles) -> Piece:
    text = clean_line(paragraph.text)
    links = sum(len(clean_line(link.text)) for link in paragraph.hyperlinks)
    return Piece(text, _kind(paragraph, styles.name(paragraph)), min(links, len(text)))


def _kind(paragraph: Any, style: str) -> Kind:
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
