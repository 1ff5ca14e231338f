"""ingest(): from a file as a user hands it over to the clean text questions are drawn from."""

from __future__ import annotations

from pathlib import PurePath

from quizapp.generation.ingest.assemble import choose_title, layout
from quizapp.generation.ingest.chrome import strip_chrome
from quizapp.generation.ingest.decode import decode_text, html_charset
from quizapp.generation.ingest.detect import ACCEPTED, check_content, detect_format
from quizapp.generation.ingest.pieces import ReaderOutput
from quizapp.generation.types import FORMATS, CleanDocument, DocumentInput, IngestError

DEFAULT_MAX_BYTES = 20_000_000
# Formats whose headings the author marked; in plain text and PDF they are guessed from the layout.
_MARKED_HEADINGS = frozenset({"html", "md", "docx"})
# Far beyond any article (a 400-page book has about 10,000 paragraphs and 15,000 lines): a file with
# more is data (a log, a table dump). Every block costs the chrome rules about 0.1 ms and a Word
# paragraph python-docx as much again; 250,000 blocks kept a request busy for a minute.
MAX_LINES = 200_000
MAX_BLOCKS = 50_000
# markdown-it needs up to 15 µs a character on crafted input ("[a[a[a...", "![[]()![[]()..."); past
# this size (a 250-page book) Markdown is read with the plain-text rules, which are ten times cheaper.
MAX_MARKDOWN_CHARACTERS = 400_000


def ingest(doc: DocumentInput, *, max_bytes: int = DEFAULT_MAX_BYTES) -> CleanDocument:
    """Read ``doc`` (txt, md, html, pdf or docx) into a CleanDocument: the article's own text,
    paragraphs and headings separated by a blank line, with page chrome removed and listed.

    Raises IngestError, and no other exception, for any input: unsupported or mislabelled
    files, empty or chrome-only documents, undecodable text, damaged, encrypted, scanned or
    oversized files, zip bombs, documents nested too deeply to parse.
    """
    name = doc.name
    try:
        return _ingest(doc, max_bytes)
    except IngestError:
        raise
    except RecursionError as error:
        raise IngestError(name, "the document is nested too deeply to read") from error
    except MemoryError as error:
        raise IngestError(name, "the document is too large to read") from error
    except Exception as error:  # a library failing on input it was not built for; the caller gets one error type
        raise IngestError(name, f"the file could not be read ({type(error).__name__})") from error


def _ingest(doc: DocumentInput, max_bytes: int) -> CleanDocument:
    name = doc.name
    data = doc.data
    if isinstance(data, str) and len(data) > max_bytes:
        # UTF-8 takes at least a byte per character: too large without encoding it.
        raise IngestError(name, f"the file is too large (over {_megabytes(max_bytes)})")
    if isinstance(data, str):
        # Lone surrogates (from a badly decoded upload) cannot be encoded; make them visible instead.
        encoded = data.encode("utf-8", errors="replace")
        data = encoded.decode("utf-8")
        size = len(encoded)
    else:
        size = len(data)
    if size > max_bytes:
        raise IngestError(name, f"the file is too large ({_megabytes(size)}; the limit is {_megabytes(max_bytes)})")
    if size == 0:
        raise IngestError(name, "the file is empty")
    fmt = _format(doc, data)
    output = _read(name, fmt, data)
    if not output.pieces:
        raise IngestError(name, "the file contains no readable text")
    if len(output.pieces) > MAX_BLOCKS:
        raise IngestError(
            name,
            f"the file has {len(output.pieces):,} paragraphs or lines; "
            f"at most {MAX_BLOCKS:,} can be read (split it into smaller files)",
        )
    kept, stripped = strip_chrome(output.pieces)
    if not kept:
        raise IngestError(name, "nothing is left after removing page chrome (menus, links, banners, footers)")
    text, blocks = layout(kept)
    title = choose_title(kept, output.title, PurePath(name).stem, marked=fmt in _MARKED_HEADINGS)
    return CleanDocument(
        name=name, title=title, format=fmt, text=text, blocks=blocks, stripped=tuple(output.dropped + stripped)
    )


def _format(doc: DocumentInput, data: bytes | str) -> str:
    if doc.format is None:
        return detect_format(doc.name, data)
    fmt = doc.format.lower().lstrip(".")
    if fmt not in FORMATS:
        raise IngestError(doc.name, f"unsupported file type '{doc.format}'; {ACCEPTED}")
    check_content(doc.name, fmt, data)
    return fmt


def _read(name: str, fmt: str, data: bytes | str) -> ReaderOutput:
    if fmt == "pdf":
        from quizapp.generation.ingest.pdf_reader import read_pdf

        return read_pdf(name, data)  # type: ignore[arg-type]  # check_content made sure it is bytes
    if fmt == "docx":
        from quizapp.generation.ingest.docx_reader import read_docx

        return read_docx(name, data, MAX_BLOCKS)  # type: ignore[arg-type]
    declared = html_charset(data) if fmt == "html" and isinstance(data, bytes) else None
    text = decode_text(name, data, declared) if isinstance(data, bytes) else data
    if not text.strip():
        raise IngestError(name, "the file contains only whitespace")
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise IngestError(
            name, f"the file has {lines:,} lines; at most {MAX_LINES:,} can be read (split it into smaller files)"
        )
    if fmt == "md" and len(text) <= MAX_MARKDOWN_CHARACTERS:
        from quizapp.generation.ingest.markdown_reader import read_markdown

        return read_markdown(text)
    if fmt == "html":
        from quizapp.generation.ingest.html_reader import read_html

        return read_html(text, MAX_BLOCKS)
    from quizapp.generation.ingest.plain_text import read_plain_text

    return read_plain_text(text)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
