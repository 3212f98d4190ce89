"""A small deterministic zip writer that can copy members without recompressing them.

``zipfile`` can only write members by compressing them again; copying the
template's untouched members as their stored bytes is the main saving of a
compile-once render. Output is deterministic: member order, timestamps and
header fields depend only on the inputs.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass

# 1980-01-01 00:00, the zip epoch: rendered members get this fixed stamp so the
# same inputs always give the same bytes.
_FIXED_TIME = 0
_FIXED_DATE = (0 << 9) | (1 << 5) | 1
_UTF8_FLAG = 0x800


@dataclass(frozen=True)
class Entry:
    """One member ready to write: header fields plus its stored (compressed) bytes."""

    name: bytes
    flags: int
    method: int
    dos_time: int
    dos_date: int
    crc: int
    compressed: bytes
    size: int

    def local_block(self) -> bytes:
        """Local file header followed by the member's data."""
        header = struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            self.flags,
            self.method,
            self.dos_time,
            self.dos_date,
            self.crc,
            len(self.compressed),
            self.size,
            len(self.name),
            0,
        )
        return header + self.name + self.compressed

    def central_record(self, offset: int) -> bytes:
        """This member's central directory record, for a local header at ``offset``."""
        header = struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            self.flags,
            self.method,
            self.dos_time,
            self.dos_date,
            self.crc,
            len(self.compressed),
            self.size,
            len(self.name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        return header + self.name


def copied_entry(info: zipfile.ZipInfo, raw: bytes) -> Entry:
    """An entry that reuses a source member's stored bytes and header fields."""
    name = info.filename.encode("utf-8")
    flags = _UTF8_FLAG if not info.filename.isascii() else 0
    year, month, day, hour, minute, second = info.date_time
    dos_date = (max(year - 1980, 0) << 9) | (month << 5) | day
    dos_time = (hour << 11) | (minute << 5) | (second // 2)
    return Entry(name, flags, info.compress_type, dos_time, dos_date, info.CRC, raw, info.file_size)


def deflated_entry(name: str, data: bytes, level: int = 6) -> Entry:
    """An entry for freshly produced bytes, deflated at ``level``.

    The window is no larger than the data (at least 512 bytes, at most zip's 32 KiB): it
    finds the same matches, and a small part (relationships, content types, a chart's
    references) is then packed in half the time, most of which was setting up the window.
    """
    window = min(max((len(data) - 1).bit_length(), 9), 15)
    packer = zlib.compressobj(level, zlib.DEFLATED, -window)
    return _new_entry(name, data, zipfile.ZIP_DEFLATED, packer.compress(data) + packer.flush())


#: Parts smaller than this are stored: deflating a relationships or content-types part
#: of a kilobyte or two takes longer than the kilobyte it saves is worth.
STORE_BELOW = 2048


def packed_entry(name: str, data: bytes, level: int = 6) -> Entry:
    """A rendered part: deflated at ``level``, or stored when it is small (:data:`STORE_BELOW`)."""
    if len(data) < STORE_BELOW:
        return stored_entry(name, data)
    return deflated_entry(name, data, level)


def stored_entry(name: str, data: bytes) -> Entry:
    """An entry kept uncompressed (already-compressed media such as PNG or JPEG)."""
    return _new_entry(name, data, zipfile.ZIP_STORED, data)


def _new_entry(name: str, data: bytes, method: int, stored: bytes) -> Entry:
    flags = _UTF8_FLAG if not name.isascii() else 0
    encoded = name.encode("utf-8")
    return Entry(
        encoded, flags, method, _FIXED_TIME, _FIXED_DATE, zlib.crc32(data), stored, len(data)
    )


def write_zip(entries: list[Entry], local_blocks: dict[int, bytes] | None = None) -> bytes:
    """Assemble a zip archive from ``entries`` in order.

    ``local_blocks`` may supply precomputed :meth:`Entry.local_block` bytes by
    position, so members copied on every render are not re-packed each time.
    """
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for index, entry in enumerate(entries):
        block = local_blocks.get(index) if local_blocks else None
        if block is None:
            block = entry.local_block()
        central.append(entry.central_record(offset))
        chunks.append(block)
        offset += len(block)
    directory = b"".join(central)
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), offset, 0
    )
    return b"".join(chunks) + directory + end
