"""Which reader a file needs: its extension, checked against what the bytes really are."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from quizapp.generation.types import FORMATS, IngestError

EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".mdown": "md",
    ".mkd": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
ACCEPTED = "use .txt, .md, .html, .pdf or .docx"
PDF_MAGIC = b"%PDF-"
# The PDF standard lets a header follow up to 1 KB of junk; some generators do prepend bytes.
PDF_HEADER_WINDOW = 1024
ZIP_MAGIC = b"PK\x03\x04"
DOCX_MAIN_PART = "word/document.xml"
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


def detect_format(name: str, data: bytes | str) -> str:
    """Return the format (one of FORMATS) of the file ``name`` holding ``data``.

    The extension decides; the content is checked against it: a ``.pdf`` must start
    with ``%PDF``, a ``.docx`` must be a zip holding ``word/document.xml``. A text
    file that is in fact a whole HTML page, a PDF or a Word file is read as what it
    is. A name without an extension is recognised by its content.

    Raises IngestError for an unknown extension or content that contradicts it.
    """
    extension = PurePath(name.strip()).suffix.lower()
    if extension and extension not in EXTENSIONS:
        raise IngestError(name, f"unsupported file type '{extension}'; {ACCEPTED}")
    claimed = EXTENSIONS.get(extension)
    sniffed = sniff_format(data)
    if claimed is None:
        if sniffed is None:
            raise IngestError(name, f"unsupported file type (the name has no extension); {ACCEPTED}")
        return sniffed
    check_content(name, claimed, data)
    if claimed == "txt" and sniffed in ("html", "pdf", "docx"):
        return sniffed
    if claimed in ("md", "html") and sniffed in ("pdf", "docx"):
        return sniffed
    return claimed


def check_content(name: str, fmt: str, data: bytes | str) -> None:
    """Raise IngestError when ``data`` cannot be a file of format ``fmt``."""
    if fmt not in FORMATS:
        raise IngestError(name, f"unsupported file type '{fmt}'; {ACCEPTED}")
    if fmt == "pdf":
        if isinstance(data, str) or not is_pdf(data):
            raise IngestError(name, "the file is named .pdf but is not a PDF (it does not start with %PDF)")
    elif fmt == "docx" and (isinstance(data, str) or not is_docx(data)):
        raise IngestError(name, "the file is named .docx but is not a Word document (not a zip with word/document.xml)")


def sniff_format(data: bytes | str) -> str | None:
    """Guess a format from content alone; None when it is not recognisable."""
    if isinstance(data, bytes):
        if is_pdf(data):
            return "pdf"
        if is_docx(data):
            return "docx"
        head = data[:2048].decode("utf-8", errors="replace")
    else:
        head = data[:2048]
    if _HTML_START.match(head.lstrip("\ufeff")):
        return "html"
    if not head.strip():
        return None
    return "txt" if isinstance(data, str) or _mostly_printable(head) else None


def is_pdf(data: bytes) -> bool:
    """True when ``data`` has a PDF header where the standard allows one."""
    return PDF_MAGIC in data[:PDF_HEADER_WINDOW]


def is_docx(data: bytes) -> bool:
    """True when ``data`` is a readable zip archive that holds a Word main document part."""
    if not data.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return DOCX_MAIN_PART in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return False


def _mostly_printable(head: str) -> bool:
    printable = sum(1 for ch in head if ch.isprintable() or ch in "\t\n\r")
    return printable >= 0.95 * len(head)
