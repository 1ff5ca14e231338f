"""Check a .docx archive before python-docx unpacks it: a small file must not expand into gigabytes."""

from __future__ import annotations

import io
import zipfile

from quizapp.generation.types import IngestError

MAX_UNCOMPRESSED = 200_000_000
MAX_ENTRIES = 10_000
# Word's XML compresses about 5-20 times; far beyond that an entry is built to explode.
MAX_RATIO = 200
_RATIO_CHECK_FROM = 10_000_000
_XML_HEAD = 4096


def check_archive(name: str, data: bytes) -> None:
    """Raise IngestError when the zip is unreadable, holds too many entries, expands beyond
    MAX_UNCOMPRESSED, has an entry compressed suspiciously well, or declares XML entities."""
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
                    raise IngestError(name, f"the Word file's part {entry.filename} is compressed {ratio:.0f} times; "
                                            "it looks like a zip bomb")
            with archive.open("word/document.xml") as part:
                head = part.read(_XML_HEAD)
    except IngestError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as error:
        raise IngestError(name, "the Word file is damaged (its zip archive cannot be read)") from error
    # Word never writes a DTD; one in the main part can only serve entity expansion tricks.
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise IngestError(name, "the Word file declares XML entities, which Word never writes; it is refused")
