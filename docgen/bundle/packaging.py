"""Packaging a bundle's documents: one zip, and one merged .docx through :mod:`docgen.merge`."""

from __future__ import annotations

import datetime as dt
import importlib
import io
import zipfile
from collections.abc import Sequence
from typing import Any

from docgen.bundle.compiled import Merged
from docgen.bundle.recipe import MergeSpec
from docgen.bundle.volume import Layout, VolumePart, build_volume
from docgen.engine.rich.watermark import Watermark
from docgen.exceptions import BundleError

#: Fixed member timestamps: the same documents always give the same zip bytes (and sha256).
_EPOCH = (1980, 1, 1, 0, 0, 0)


def make_zip(entries: Sequence[tuple[str, bytes]]) -> bytes:
    """A zip of ``(name, bytes)`` entries, in order, with UTF-8 names and fixed timestamps.

    .docx files are zips already; storing them uncompressed costs little space
    and saves the time of deflating them again.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, blob in entries:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.external_attr = 0o644 << 16
            archive.writestr(info, blob)
    return buffer.getvalue()


def make_merged(
    parts: Sequence[tuple[bytes, MergeSpec, str]],
    merged: Merged,
    cover: bytes | tuple[str, tuple[str, ...]] | None,
    *,
    title: str | None = None,
    paginate: bool = False,
    watermark: Watermark | None = None,
    moment: dt.datetime | None = None,
) -> bytes:
    """One .docx of ``parts`` (bytes, the step's merge options, a title), via ``docgen.merge``,
    laid out as a volume (:mod:`docgen.bundle.volume`).

    ``cover`` is a rendered cover document, or ``(title, lines)`` of a generated one;
    ``title`` is the volume's ``dc:title`` (default: the generated cover's title);
    ``paginate`` lays the volume out with LibreOffice to print the 目录's page numbers;
    ``watermark`` goes in every section's header (the parts' own watermarks stay);
    ``moment`` dates the volume (:mod:`docgen.stamp`; default: the merge's time).

    Raises :class:`BundleError` when the merge engine is not available; errors
    of the merge itself pass through as the merge engine raised them.
    """
    engine = _merge_engine()
    items = [
        VolumePart(blob, name, spec.start, spec.restart_page_numbers, spec.keep_headers)
        for blob, spec, name in parts
    ]
    first: Any = None
    if isinstance(cover, bytes):
        first = engine.Part(cover, start="section", title="cover")
    elif cover is not None:
        first = engine.CoverPage(cover[0], cover[1])
    layout = Layout(merged.toc, merged.duplex, merged.page_numbers, title, watermark, moment)
    return build_volume(engine, items, layout, first, paginate=paginate)


def _merge_engine() -> Any:
    # Imported when first needed: the merge engine is a separate, heavier module, and
    # bundles that only write a folder or a zip never need it.
    try:
        return importlib.import_module("docgen.merge")
    except ModuleNotFoundError as err:
        raise BundleError(
            "此版本的 docgen 没有合并引擎（docgen.merge），无法生成合并文档",
            "this docgen has no merge engine (docgen.merge); cannot build the merged document",
        ) from err


__all__ = ["make_merged", "make_zip"]
