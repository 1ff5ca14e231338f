"""Turn the bytes of a text file (txt, md, html) into a string, whatever the editor saved them as."""

from __future__ import annotations

import codecs
import re

from quizapp.generation.types import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Bytes below 0x20 that text files do contain: tab, line feed, vertical tab, form feed, carriage return, escape.
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
_SAMPLE = 65_536
_HTML_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)


def decode_text(name: str, data: bytes, declared: str | None = None) -> str:
    """Decode ``data``: a byte-order mark wins, then ``declared`` (an HTML meta charset), then
    UTF-8, then Windows-1252 (what older Windows editors save), then Latin-1, which never fails.

    Raises IngestError when the bytes are not text at all (a binary file renamed).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    if _looks_binary(data):
        raise IngestError(name, "the file is not text: it contains binary data")
    if declared and _known_codec(declared):
        return data.decode(declared, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    decoded = sum(1 for ch in lenient if ord(ch) > 0x7F) - broken
    # Mostly valid multi-byte sequences with a few bad bytes: a damaged UTF-8 file, not another encoding.
    if decoded >= 2 * broken:
        return lenient
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its start, if any."""
    match = _HTML_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _known_codec(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    # A page claiming UTF-16 in an ASCII meta tag is lying: the tag could not be read if it were.
    return not encoding.lower().replace("-", "").startswith(("utf16", "utf32"))


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: every other byte of mostly-ASCII text is zero."""
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(sample) % 2:
        return None
    half = len(sample) // 2
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    if odd_zeros > 0.9 * half and even_zeros < 0.1 * half:
        return "utf-16-le"
    if even_zeros > 0.9 * half and odd_zeros < 0.1 * half:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls > 0.02 * len(sample)
