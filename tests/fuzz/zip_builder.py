"""Zip archives written by hand, so a test can build what zipfile refuses to: bombs that expand to gigabytes
without compressing gigabytes, and central directories that lie about sizes or point entries at shared data."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

_DEFLATE = 8
_VERSION = 20


@dataclass(frozen=True)
class Entry:
    """One member: its name, its compressed bytes, and what the headers say about it."""

    name: str
    compressed: bytes
    crc: int
    size: int
    method: int = _DEFLATE


def deflated(name: str, data: bytes) -> Entry:
    """An honest entry holding ``data``."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return Entry(name, packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))


def repeated(name: str, head: bytes, chunk: bytes, times: int, tail: bytes, *, crc: bool = True) -> Entry:
    """An entry holding ``head + chunk * times + tail``, built without compressing ``chunk`` more than once.

    After a full flush deflate forgets what came before, so compressing the same chunk again gives the same
    bytes: the compressed stream is that block repeated. Only the CRC has to walk the whole expanded size;
    ``crc=False`` leaves it at zero for a bomb nothing may inflate far enough to check it (3 GB of CRC is
    seconds of a test's time).
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    assert block == again, "deflate did not forget its window after a full flush"
    end = packer.compress(tail) + packer.flush()
    checksum = 0
    if crc:
        checksum = zlib.crc32(head)
        for _ in range(times):
            checksum = zlib.crc32(chunk, checksum)
        checksum = zlib.crc32(tail, checksum)
    return Entry(name, start + block * times + end, checksum, len(head) + len(chunk) * times + len(tail))


def write_zip(entries: list[Entry], *, declared_sizes: dict[str, int] | None = None, shared: int = 0) -> bytes:
    """A zip of ``entries``. ``declared_sizes`` makes both headers claim another expanded size for a name;
    ``shared`` adds that many central directory records all pointing at the last entry's data (the
    overlapping-files bomb: one compressed stream counted many times)."""
    declared_sizes = declared_sizes or {}
    out = bytearray()
    records = []
    for entry in entries:
        size = declared_sizes.get(entry.name, entry.size)
        name = entry.name.encode()
        fields = (_VERSION, 0, entry.method, 0, 0x21, entry.crc, len(entry.compressed), size, len(name), 0)
        records.append((entry, name, size, len(out)))
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + name + entry.compressed
    last_entry, _, last_size, last_offset = records[-1]
    for copy in range(shared):
        records.append((last_entry, f"word/media/copy{copy}.bin".encode(), last_size, last_offset))
    directory = len(out)
    for entry, name, size, offset in records:
        out += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50, _VERSION, _VERSION, 0, entry.method, 0, 0x21, entry.crc, len(entry.compressed), size,
            len(name), 0, 0, 0, 0, 0, offset,
        ) + name  # fmt: skip
    length = len(out) - directory
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(records), len(records), length, directory, 0)
    return bytes(out)
