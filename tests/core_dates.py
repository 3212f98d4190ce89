"""Reading the created/modified dates (and the title) of a .docx or .xlsx, for tests."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree

from docgen import stamp

_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"


def core(blob: bytes) -> etree._Element:
    """The parsed ``docProps/core.xml`` of a package."""
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return etree.fromstring(archive.read("docProps/core.xml"))


def dates(blob: bytes) -> tuple[dt.datetime, dt.datetime]:
    """``(created, modified)`` of a package, each parsed from its W3CDTF text."""
    root = core(blob)
    return tuple(  # type: ignore[return-value]
        stamp.parse_w3cdtf(root.findtext(f"{_DCTERMS}{name}") or "")
        for name in ("created", "modified")
    )


def title(blob: bytes) -> str:
    """The package's ``dc:title``."""
    return core(blob).findtext(f"{_DC}title") or ""


@contextmanager
def clock_window() -> Iterator[list[dt.datetime]]:
    """``[start, end]`` of the block, whole seconds (the stamp drops the fraction)."""
    window = [dt.datetime.now(dt.UTC).replace(microsecond=0)]
    yield window
    window.append(dt.datetime.now(dt.UTC))


def within(blob: bytes, window: list[dt.datetime]) -> bool:
    """Whether both dates of ``blob`` fall inside ``window`` and agree."""
    created, modified = dates(blob)
    return created == modified and window[0] <= created <= window[1]
