"""Page images for looking before printing: PDF pages to PNG with poppler's ``pdftoppm``.

A .docx (or any file LibreOffice reads) is converted to PDF first, in a scratch folder. Images
are named ``<name>-<page>.png`` (page numbers not zero-padded, so the name of page 3 does not
depend on how many pages the document has).
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

from docgen.convert.pdf import DEFAULT_TIMEOUT, to_pdf
from docgen.convert.result import ConversionResult, converted
from docgen.convert.tools import find_pdfinfo, find_pdftoppm
from docgen.exceptions import ConversionError
from docgen.fileio import write_atomic

__all__ = ["page_count", "preview"]

_TOOL_TIMEOUT = 120.0


def preview(
    path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str] | None = None,
    *,
    page: int | None = None,
    dpi: int = 100,
    timeout: float = DEFAULT_TIMEOUT,
) -> ConversionResult:
    """Write PNG images of every page (or of ``page`` only) of ``path`` into ``out_dir``.

    The result lists one output per image; warnings are those of the PDF conversion.
    """
    source = Path(path)
    target_dir = Path(out_dir) if out_dir is not None else source.parent
    pdftoppm = find_pdftoppm()
    with tempfile.TemporaryDirectory(prefix="docgen-preview-") as scratch:
        result = ConversionResult()
        pdf = source
        if source.suffix.lower() != ".pdf":
            as_pdf = to_pdf([source], scratch, workers=1, timeout=timeout)
            as_pdf.raise_for_failures()
            result.warnings = as_pdf.warnings
            pdf = as_pdf.paths[0]
        pages = page_count(pdf)
        if page is not None and not 1 <= page <= pages:
            raise ConversionError(
                f"{source} 没有第 {page} 页（共 {pages} 页）",
                f"{source} has no page {page} (it has {pages})",
            )
        images = Path(scratch) / "pages"
        images.mkdir()
        command = [pdftoppm, "-png", "-r", str(dpi)]
        if page is not None:
            command += ["-f", str(page), "-l", str(page)]
        _run([*command, str(pdf), str(images / "p")], source)
        for image in sorted(images.glob("p-*.png"), key=_page_of):
            target = target_dir / f"{source.stem}-{_page_of(image)}.png"
            write_atomic(target, image.read_bytes())
            result.outputs.append(converted(source, target))
    return result


def page_count(pdf: str | os.PathLike[str]) -> int:
    """Number of pages of a PDF, from ``pdfinfo``."""
    done = _run([find_pdfinfo(), str(pdf)], Path(pdf))
    match = re.search(r"^Pages:\s+(\d+)", done, re.MULTILINE)
    if match is None:
        raise ConversionError(f"无法读取 {pdf} 的页数", f"cannot read the page count of {pdf}")
    return int(match.group(1))


def _run(command: list[str], source: Path) -> str:
    try:
        done = subprocess.run(  # noqa: S603 - fixed argument list, no shell
            command, capture_output=True, timeout=_TOOL_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired as err:
        raise ConversionError(
            f"{source}：{Path(command[0]).name} 超时",
            f"{source}: {Path(command[0]).name} timed out",
        ) from err
    if done.returncode != 0:
        error = done.stderr.decode("utf-8", "replace").strip()
        name = Path(command[0]).name
        raise ConversionError(
            f"{source}：{name} 出错：{error}", f"{source}: {name} failed: {error}"
        )
    return done.stdout.decode("utf-8", "replace")


def _page_of(image: Path) -> int:
    return int(image.stem.rsplit("-", 1)[-1])
