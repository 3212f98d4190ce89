"""Decoding text files: UTF-8 with or without BOM, and GB18030/GBK from Chinese Windows."""

from __future__ import annotations

import codecs

from docgen.data.loaders.base import unreadable
from docgen.exceptions import Location, Problem


def decode_text(raw: bytes, display: str, *, allow_gb: bool = True) -> str:
    """``raw`` as text: a BOM decides; else UTF-8; else GB18030 (a superset of GBK).

    UTF-8 is tried first because GB18030 decodes almost any byte string, while
    text that is valid UTF-8 is very rarely meant as GBK. Raises ``DataError``
    when nothing fits (or, with ``allow_gb=False``, when the text is not UTF-8).
    """
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            return _decode(raw[len(bom) :], codec, display)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        if not allow_gb:
            raise _bad_encoding(display, "UTF-8") from err
    return _decode(raw, "gb18030", display)


def _decode(raw: bytes, codec: str, display: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as err:
        raise _bad_encoding(display, codec.upper()) from err


def _bad_encoding(display: str, codec: str) -> Exception:
    return unreadable(
        display,
        Problem(
            "bad_encoding",
            f"无法识别文件编码（已尝试 {codec}），请另存为 UTF-8",
            f"cannot decode the file (tried {codec}); save it as UTF-8",
            Location(file=display),
        ),
    )


__all__ = ["decode_text"]
