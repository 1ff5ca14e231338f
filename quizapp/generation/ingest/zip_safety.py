"""Check a .docx archive before python-docx unpacks it: a small file must not expand into gigabytes,
nor hand the XML parser more than a document could need."""

from __future__ import annotations

import codecs
import io
import zipfile
import zlib

from quizapp.generation.types import IngestError

# python-docx reads every part into memory: media (already compressed, so no bigger than the upload)
# plus the XML below, with room to spare.
MAX_UNCOMPRESSED = 100_000_000
# The XML parts are parsed into trees of about ten times their size. A 500-page thesis has under
# 15 MB; 190 MB of plausible paragraphs (compressed 16 times, within the upload limit) took over a
# minute and 1.5 GB before this cap.
MAX_XML_UNCOMPRESSED = 30_000_000
MAX_ENTRIES = 10_000
# Word's XML compresses about 5-30 times; far beyond that an entry is built to explode.
MAX_RATIO = 200
_RATIO_CHECK_FROM = 10_000_000
_XML_PARTS = (".xml", ".rels")
# Word's prolog is one declaration; anything longer before the root element is padding to hide a DTD.
_PROLOG_LIMIT = 65_536
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def check_archive(name: str, data: bytes) -> None:
    """Raise IngestError when the zip is unreadable, holds too many entries, expands beyond
    MAX_UNCOMPRESSED (or its XML beyond MAX_XML_UNCOMPRESSED), has an entry compressed suspiciously
    well, or has an XML part that declares a DTD (where entity expansion tricks live).

    Sizes come from the zip's central directory, before anything is inflated; python-docx's zip reader
    stops at the size the directory states, so a directory that lies ends in a CRC error, not a bomb.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise IngestError(name, f"the Word file holds {len(entries)} parts; it looks like a zip bomb")
            total = sum(entry.file_size for entry in entries)
            if total > MAX_UNCOMPRESSED:
                raise IngestError(
                    name, f"the Word file would expand to {total // 1_000_000} MB; it looks like a zip bomb"
                )
            for entry in entries:
                ratio = entry.file_size / max(1, entry.compress_size)
                if entry.file_size > _RATIO_CHECK_FROM and ratio > MAX_RATIO:
                    raise IngestError(
                        name,
                        f"the Word file's part {entry.filename} is compressed {ratio:.0f} times; "
                        "it looks like a zip bomb",
                    )
            xml_parts = [entry for entry in entries if entry.filename.lower().endswith(_XML_PARTS)]
            xml_size = sum(entry.file_size for entry in xml_parts)
            if xml_size > MAX_XML_UNCOMPRESSED:
                raise IngestError(
                    name,
                    f"the Word file's text and layout take {xml_size // 1_000_000} MB; at most "
                    f"{MAX_XML_UNCOMPRESSED // 1_000_000} MB can be read (split the document)",
                )
            for entry in xml_parts:
                if _declares_dtd(archive, entry):
                    # Word never writes one; a DTD can only serve entity expansion or external entity tricks.
                    raise IngestError(
                        name,
                        f"the Word file's part {entry.filename} declares XML entities, "
                        "which Word never writes; it is refused",
                    )
    except IngestError:
        raise
    except (
        zipfile.BadZipFile,
        KeyError,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
        RuntimeError,
        zlib.error,
    ) as error:
        raise IngestError(name, "the Word file is damaged (its zip archive cannot be read)") from error


def _declares_dtd(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bool:
    """Whether the XML part's prolog (what comes before its root element) declares a DOCTYPE.

    Comments and processing instructions are skipped as a parser would (a ``<`` inside a comment is
    not the root). A prolog too long to be Word's counts as one: it can only be there to push a DTD
    past the check.
    """
    with archive.open(entry) as part:
        head = part.read(_PROLOG_LIMIT)
    if head.startswith(_UTF16_BOMS) or head[:2] in (b"<\0", b"\0<"):
        text = head.decode("utf-16-le" if head[:1] in (b"\xff", b"<") else "utf-16-be", errors="replace")
    else:
        text = head.decode("utf-8", errors="replace")
    at = 1 if text.startswith("\ufeff") else 0
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            return len(head) == _PROLOG_LIMIT
        for opening, closing in (("<?", "?>"), ("<!--", "-->")):
            if text.startswith(opening, at):
                end = text.find(closing, at + len(opening))
                if end < 0:
                    return len(head) == _PROLOG_LIMIT
                at = end + len(closing)
                break
        else:
            # A declaration other than a comment is a DOCTYPE; anything else is the root (or not XML,
            # which the parser will refuse on its own).
            return text.startswith("<!", at)
