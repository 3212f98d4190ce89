"""Reading a workbook template and writing a workbook as reproducible bytes.

openpyxl stamps the save time into every zip entry; :func:`workbook_bytes` gives every
entry one fixed time and the workbook the created/modified moment its caller names
(:mod:`docgen.stamp`: the render time, or a fixed one when determinism is asked for), so
the same template, data and moment give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from docgen.exceptions import TemplateError

#: The zip time of every entry (zip's own epoch).
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def open_workbook(blob: bytes, name: str = "<workbook>") -> Any:
    """The openpyxl workbook in ``blob``; anything else is a :class:`TemplateError`."""
    import openpyxl  # deferred: only workbook users pay for importing it

    try:
        return openpyxl.load_workbook(io.BytesIO(blob), rich_text=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as err:
        raise TemplateError(
            f"{name} 不是可读的 Excel 工作簿（.xlsx）：{err}",
            f"{name} is not a readable Excel workbook (.xlsx): {err}",
        ) from err


class _FixedTimeZip(zipfile.ZipFile):
    """A zip whose entries all carry :data:`ZIP_TIME`."""

    def writestr(  # type: ignore[override]
        self, zinfo_or_arcname: str | zipfile.ZipInfo, data: bytes | str, *args: Any, **kw: Any
    ) -> None:
        name = (
            zinfo_or_arcname.filename
            if isinstance(zinfo_or_arcname, zipfile.ZipInfo)
            else zinfo_or_arcname
        )
        info = zipfile.ZipInfo(name, ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        super().writestr(info, data, *args, **kw)

    def write(  # type: ignore[override]
        self, filename: str, arcname: str | None = None, *args: Any, **kw: Any
    ) -> None:
        # openpyxl writes each worksheet through a temporary file; its mtime must not leak.
        with open(filename, "rb") as handle:
            self.writestr(arcname or filename, handle.read())


def workbook_bytes(book: Any, moment: dt.datetime) -> bytes:
    """``book`` saved as .xlsx bytes, created and modified at ``moment``: the same bytes on
    every call for the same content and moment."""
    from openpyxl.writer.excel import ExcelWriter

    # openpyxl writes a naive time as UTC (with a Z).
    naive = moment.astimezone(dt.UTC).replace(tzinfo=None)
    book.properties.created = book.properties.modified = naive
    buffer = io.BytesIO()
    with _FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return buffer.getvalue()


__all__ = ["ZIP_TIME", "open_workbook", "workbook_bytes"]
