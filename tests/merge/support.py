"""Shared inputs of the merge tests: the test documents and a LibreOffice converter."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

from lxml import etree

from tests.merge.builder import Doc, bookmark, page_break, page_field, para

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def doc_a() -> Doc:
    """Portrait, a numbered list, header 甲, PAGE footer, a picture, a bookmark."""
    body = (para("甲部分标题", "Heading1") + para("甲一项", num=True) + para("甲二项", num=True)
            + bookmark("mark", "甲书签") + page_break())  # fmt: skip
    return Doc(body, header="甲页眉", footer=page_field(), image=True)


def doc_b() -> Doc:
    """Landscape, its own list, header 乙, another default font and Heading1 size."""
    body = para("乙部分标题", "Heading1") + para("乙一项", num=True) + para("乙二项", num=True)
    body += bookmark("mark", "乙书签")
    return Doc(body, landscape=True, header="乙页眉", footer=page_field(), image=True,
               font="Noto Serif CJK SC", heading_size="44")  # fmt: skip


def doc_c() -> Doc:
    """Portrait, no header of its own, a footer with PAGE."""
    return Doc(para("丙部分标题", "Heading1") + para("丙正文"), footer=page_field())


def doc_d() -> Doc:
    """Portrait text ending in a page break (which must not leave a blank page)."""
    return Doc(para("丁部分标题", "Heading1") + para("丁正文") + page_break() + page_break())


def xml(blob: bytes, name: str = "word/document.xml") -> etree._Element:
    """One part of a package, parsed."""
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return etree.fromstring(zf.read(name))


def names(blob: bytes) -> list[str]:
    """The members of a package."""
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return zf.namelist()


def to_pdf(docs: dict[str, bytes], outdir: Path) -> dict[str, Path]:
    """Convert every document with one soffice call and a private profile; the PDFs."""
    soffice = shutil.which("soffice")
    assert soffice is not None, "LibreOffice (soffice) is required for the real merge tests"
    paths = []
    for name, blob in docs.items():
        path = outdir / f"{name}.docx"
        path.write_bytes(blob)
        paths.append(str(path))
    profile = (outdir / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(outdir), *paths],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return {name: outdir / f"{name}.pdf" for name in docs}


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext; pages split at form feeds)."""
    assert shutil.which("pdftotext") is not None, "pdftotext (poppler-utils) is required"
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout  # fmt: skip
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Width and height in points of every page (pdfinfo)."""
    assert shutil.which("pdfinfo") is not None, "pdfinfo (poppler-utils) is required"
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True,
                         capture_output=True, text=True).stdout  # fmt: skip
    sizes = []
    for line in out.splitlines():
        if line.startswith("Page") and "size:" in line:
            dims = line.split("size:")[1].split("pts")[0].split("x")
            sizes.append((float(dims[0]), float(dims[1])))
    return sizes
