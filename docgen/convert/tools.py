"""Finding the external programs conversions run, with an install hint when one is missing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from docgen.exceptions import ToolNotFound

__all__ = ["find_pandoc", "find_pdfinfo", "find_pdftoppm", "find_soffice"]


def find_soffice() -> str:
    """The ``soffice`` to run: ``$DOCGEN_SOFFICE`` when set, else ``soffice`` on PATH.

    Only PATH is searched (no guessing of install folders), so what runs is what the user sees.
    """
    explicit = os.environ.get("DOCGEN_SOFFICE")
    if explicit:
        if Path(explicit).is_file() and os.access(explicit, os.X_OK):
            return explicit
    else:
        for name in ("soffice", "libreoffice"):
            found = shutil.which(name)
            if found:
                return found
    raise ToolNotFound(
        "LibreOffice（soffice）" if not explicit else f"LibreOffice（{explicit}）",
        "把文档转换为 PDF",
        "convert documents to PDF",
        "libreoffice-writer-nogui",
    )


def find_pandoc() -> str:
    """``pandoc`` from PATH."""
    return _which("pandoc", "转换为 HTML 或 Markdown", "convert to HTML or Markdown", "pandoc")


def find_pdftoppm() -> str:
    """``pdftoppm`` (poppler) from PATH."""
    return _which("pdftoppm", "生成页面预览图", "render page previews", "poppler-utils")


def find_pdfinfo() -> str:
    """``pdfinfo`` (poppler) from PATH."""
    return _which("pdfinfo", "读取 PDF 页数", "read the page count of a PDF", "poppler-utils")


def _which(tool: str, purpose_zh: str, purpose_en: str, package: str) -> str:
    found = shutil.which(tool)
    if found is None:
        raise ToolNotFound(tool, purpose_zh, purpose_en, package)
    return found
