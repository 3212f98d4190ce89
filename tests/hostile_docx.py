"""Hostile and damaged .docx packages, built byte by byte, for the security and corruption tests."""

from __future__ import annotations

import dataclasses
import io
import zipfile
import zlib

from docgen.engine import zipout
from tests.docx_builder import make_docx, p

GOOD = make_docx(p("{{ a }}"))
MB = 1024 * 1024


def _entries(blob: bytes) -> list[zipout.Entry]:
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return [
            zipout.deflated_entry(info.filename, zf.read(info.filename)) for info in zf.infolist()
        ]


def with_entries(blob: bytes, *extra: zipout.Entry) -> bytes:
    """``blob`` rewritten with ``extra`` entries appended (names may repeat)."""
    return zipout.write_zip([*_entries(blob), *extra])


def replaced(blob: bytes, name: str, data: bytes) -> bytes:
    """``blob`` with member ``name`` holding ``data`` instead (honest headers)."""
    entries = [
        zipout.deflated_entry(name, data) if e.name.decode() == name else e for e in _entries(blob)
    ]
    return zipout.write_zip(entries)


def zeros_stream(total: int) -> bytes:
    """A raw deflate stream of ``total`` zero bytes, built without ever holding them.

    After a full flush the compressor starts afresh, so every 1 MB block of
    zeros compresses to the same bytes; repeating them makes gigabytes cheaply.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(bytes(MB)) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(bytes(MB)) + packer.flush(zlib.Z_FULL_FLUSH)
    assert block == again
    return block * (total // MB) + packer.flush()


def lying_member(name: str, declared: int, actual: int) -> zipout.Entry:
    """A member whose directory entry says ``declared`` bytes but inflates to ``actual``."""
    honest = zipout.deflated_entry(name, bytes(declared))
    return dataclasses.replace(honest, compressed=zeros_stream(actual))


def bad_crc(blob: bytes, *names: str) -> bytes:
    """``blob`` with the CRC of each member in ``names`` off by one."""
    entries = [
        dataclasses.replace(e, crc=e.crc ^ 1) if e.name.decode() in names else e
        for e in _entries(blob)
    ]
    return zipout.write_zip(entries)


DTD_DOCUMENT = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>\n'
)
