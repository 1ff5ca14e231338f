"""PDF: pypdf reads the text of each page as positioned lines; pdf_layout rebuilds the paragraphs."""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from typing import Any

from quizapp.generation.ingest.pdf_budget import Budget, OverBudget, content_size
from quizapp.generation.ingest.pdf_layout import PdfLine, rebuild
from quizapp.generation.ingest.pieces import ReaderOutput
from quizapp.generation.types import IngestError

MAX_PAGES = 2000
# pypdf walks the page tree before it can count pages; a tree claiming few pages but holding many
# more entries is refused at this many instead of pypdf's 100,000 (13 s of walking).
_MAX_PAGE_TREE_ENTRIES = 4 * MAX_PAGES
_JUNK_TITLE = re.compile(r"\.(?:docx?|pdf|odt|rtf|txt|indd|tex)\b|^microsoft\s|^untitled|^title$|^document\d*$", re.I)


def read_pdf(name: str, data: bytes) -> ReaderOutput:
    """Read the text of a PDF. Raises IngestError when the PDF is damaged, encrypted, too long
    (pages; drawing instructions, text or time, see pdf_budget) or has no text layer (a scan)."""
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError, PdfReadError, PyPdfError

    with apply_configuration(page_tree_maximum_entries=_MAX_PAGE_TREE_ENTRIES):
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            _unlock(name, reader)
            _check_declared_pages(name, reader)
            count = len(reader.pages)
        except IngestError:
            raise
        except LimitReachedError as error:
            raise IngestError(
                name, f"the PDF has more than {MAX_PAGES} pages, or a page tree too tangled to read"
            ) from error
        except (
            PdfReadError,
            PyPdfError,
            ValueError,
            TypeError,
            KeyError,
            AttributeError,
            IndexError,
            OSError,
        ) as error:
            raise IngestError(name, "the PDF is damaged or not a valid PDF") from error
        if count > MAX_PAGES:
            raise IngestError(name, f"the PDF has {count} pages; at most {MAX_PAGES} can be read")
        try:
            pages = _all_page_lines(reader, count)
        except OverBudget as stop:
            raise IngestError(name, str(stop)) from None
    if not any(line.text.strip() for page in pages for line in page):
        raise IngestError(name, "the PDF has no extractable text (it may be a scanned image; run OCR on it first)")
    pieces, dropped = rebuild(pages)
    return ReaderOutput(pieces=pieces, title=_metadata_title(reader), dropped=dropped)


def _check_declared_pages(name: str, reader: Any) -> None:
    """Refuse a PDF whose page tree says it has too many pages, before pypdf walks the whole tree."""
    try:
        declared = int(reader.trailer["/Root"]["/Pages"]["/Count"])
    except Exception:  # no readable count: pypdf's own walk (bounded by the page tree limit) decides
        return
    if declared > MAX_PAGES:
        raise IngestError(name, f"the PDF has {declared} pages; at most {MAX_PAGES} can be read")


def _all_page_lines(reader: Any, count: int) -> list[list[PdfLine]]:
    budget = Budget(count)
    pages: list[list[PdfLine]] = []
    for number in range(count):
        budget.check_time(number)
        page = reader.pages[number]
        budget.add_content(number, content_size(page))
        pages.append(_page_lines(page, number, budget))
    return pages


def _unlock(name: str, reader: Any) -> None:
    """Open a PDF that is encrypted only against editing; refuse one that needs a password to read."""
    if not reader.is_encrypted:
        return
    try:
        unlocked = reader.decrypt("")
    except Exception as error:  # pypdf raises several types here, e.g. for ciphers it lacks a library for
        raise IngestError(name, "the PDF is encrypted; save an unprotected copy and upload that") from error
    if not unlocked:
        raise IngestError(name, "the PDF is protected by a password; save an unprotected copy and upload that")


def _page_lines(page: Any, number: int, budget: Budget) -> list[PdfLine]:
    """The lines of one page with their height on the page, size, and whether they are bold.

    A page pypdf cannot read is skipped rather than failing the whole document.
    """
    fragments: list[tuple[str, float, float, bool]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        budget.add_text(number, text)
        try:
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            scale = math.hypot(tm[1], tm[3]) * math.hypot(cm[1], cm[3])
            height = float(size or 0) * (scale or 1.0)
            base = str((font or {}).get("/BaseFont", "")) if hasattr(font, "get") else ""
        except (TypeError, ValueError, IndexError, KeyError, AttributeError):
            y, height, base = 0.0, 0.0, ""
        fragments.append((text, float(y), height, "bold" in base.lower() or "black" in base.lower()))

    try:
        page.extract_text(visitor_text=visit, visitor_operand_before=budget.watcher(number, page))
    except (RecursionError, OverBudget):
        raise
    except Exception:  # a broken page (bad stream, unknown font) loses its text, not the document's
        return []
    return _lines(fragments)


def _lines(fragments: list[tuple[str, float, float, bool]]) -> list[PdfLine]:
    lines: list[PdfLine] = []
    parts: list[tuple[str, float, float, bool]] = []

    def finish() -> None:
        text = "".join(part[0] for part in parts)
        if text.strip():
            weights: Counter[float] = Counter()
            bold_chars = 0
            for part_text, _, height, bold in parts:
                chars = len(part_text.strip())
                weights[round(height * 2) / 2] += chars
                bold_chars += chars if bold else 0
            size = weights.most_common(1)[0][0]
            y = next(part[1] for part in parts if part[0].strip())
            lines.append(PdfLine(text, y, size, bold_chars * 2 > sum(weights.values())))
        parts.clear()

    for text, y, height, bold in fragments:
        pieces = text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                finish()
            if piece:
                parts.append((piece, y, height, bold))
    finish()
    return lines


def _metadata_title(reader: Any) -> str | None:
    """The title in the PDF's properties, unless it is a file name or placeholder a tool wrote there."""
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # damaged document information dictionary; the title is only a nicety
        return None
    title = " ".join(str(title or "").split())
    if not title or _JUNK_TITLE.search(title):
        return None
    return title
