"""Zip packages: written the same byte for byte each time, and read with limits against zip bombs.

QTI content packages (Canvas's QTI 1.2, QTI 2.1) are zip files with an ``imsmanifest.xml`` at the root.
Writing fixes every member's date, so the same questions give the same file (a teacher who exports twice can
compare them); reading refuses an archive that would expand past fixed limits before anything is parsed.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Mapping
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from .types import InterchangeError, format_size

# The date every member carries (zip cannot hold dates before 1980).
_FIXED_DATE = (2026, 1, 1, 0, 0, 0)

# A question package holds one small XML file per question: these leave room for thousands of them.
MAX_PACKAGE_BYTES = 16 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 5_000_000
MAX_EXPANDED_BYTES = 100_000_000
MAX_COMPRESSION_RATIO = 200

_IDENTIFIER_CHARS = re.compile(r"[^A-Za-z0-9_.-]")


def zip_package(files: Mapping[str, bytes]) -> bytes:
    """A deflated zip of ``files`` (name to content) in the order given, every member dated the same."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return out.getvalue()


def open_package(data: bytes) -> dict[str, bytes]:
    """The members of a zip package (name to content), or InterchangeError saying why it is refused.

    Nothing is extracted to disk: names are only keys, so a ``../`` in one cannot write anywhere.
    """
    if len(data) > MAX_PACKAGE_BYTES:
        raise InterchangeError(f"the file is {format_size(len(data))}; at most {format_size(MAX_PACKAGE_BYTES)}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InterchangeError("the file is not a zip package (a QTI export is a .zip file)") from None
    if len(members) > MAX_MEMBERS:
        raise InterchangeError(f"the package holds {len(members)} files; at most {MAX_MEMBERS}")
    expanded = 0
    for info in members:
        if info.file_size > MAX_MEMBER_BYTES:
            raise InterchangeError(f"{info.filename} would expand to {format_size(info.file_size)}; at most "
                                   f"{format_size(MAX_MEMBER_BYTES)} a file")  # fmt: skip
        if info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            raise InterchangeError(
                f"{info.filename} is compressed more than {MAX_COMPRESSION_RATIO} times (a zip bomb?)"
            )
        expanded += info.file_size
    if expanded > MAX_EXPANDED_BYTES:
        raise InterchangeError(f"the package would expand to {format_size(expanded)}; at most "
                               f"{format_size(MAX_EXPANDED_BYTES)}")  # fmt: skip
    contents = {}
    try:
        for info in members:
            # The sizes in the directory can lie: read at most one byte past what it claims.
            with archive.open(info) as member:
                content = member.read(info.file_size + 1)
            if len(content) > info.file_size:
                raise InterchangeError(f"{info.filename} is larger than the package says")
            contents[info.filename] = content
    except InterchangeError:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        raise InterchangeError("the zip package is damaged or encrypted") from None
    return contents


def identifier(*parts: object) -> str:
    """An identifier QTI and XML accept (an NCName: a letter first, then letters, digits, ``_ . -``)."""
    text = "_".join(str(p) for p in parts)
    return "Q" + _IDENTIFIER_CHARS.sub("_", text) if not text[:1].isalpha() else _IDENTIFIER_CHARS.sub("_", text)


def element(name: str, text: str = "", **attributes: str) -> str:
    """``<name a="v">text</name>`` with the text and attribute values escaped (``<name/>`` when empty)."""
    attrs = "".join(f" {key.rstrip('_').replace('__', ':')}={quoteattr(value)}" for key, value in attributes.items())
    return f"<{name}{attrs}>{xml_escape(text)}</{name}>" if text else f"<{name}{attrs}/>"
