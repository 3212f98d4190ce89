"""Making the documents a request asks for: .docx through the engine, then PDF/HTML/Markdown.

Rendering is :func:`docgen.load` + ``render`` (compiled templates are cached),
PDF goes through the server's warm offices, HTML and Markdown through pandoc,
exactly as ``docgen render`` and ``docgen convert`` do.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from docgen.api import load
from docgen.convert import to_html, to_markdown
from docgen.serve.catalog import TemplateRef
from docgen.serve.office import PdfService

MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "zip": "application/zip",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "yaml": "application/yaml; charset=utf-8",
}
_ACCEPTED = {
    "application/pdf": "pdf",
    "text/html": "html",
    "text/markdown": "md",
    MEDIA_TYPES["docx"]: "docx",
}


@dataclass(frozen=True)
class Document:
    """Bytes to send, with their media type and file name."""

    content: bytes
    media_type: str
    filename: str

    def headers(self) -> dict[str, str]:
        """``Content-Disposition`` with an ASCII fallback and the UTF-8 name (RFC 6266)."""
        fallback = "document." + self.filename.rsplit(".", 1)[-1]
        return {
            "Content-Disposition": f'attachment; filename="{fallback}"; '
            f"filename*=UTF-8''{quote(self.filename)}"
        }


def format_from(asked: str | None, accept: str | None) -> str:
    """The output format: ``format`` when given, else the first known type in ``Accept``."""
    if asked:
        return asked
    for item in (accept or "").split(","):
        found = _ACCEPTED.get(item.split(";")[0].strip())
        if found:
            return found
    return "docx"


def output_name(ref: TemplateRef, context: dict[str, Any], fmt: str) -> str:
    """The file name: the manifest's pattern, with the format's suffix."""
    base = ref.manifest.output_name(context) if ref.manifest is not None else "document.docx"
    base = base.replace("/", "_").replace("\\", "_") or "document.docx"
    return base.rsplit(".", 1)[0] + "." + fmt


def render_docx(
    ref: TemplateRef, context: dict[str, Any], *, keep_web_links: bool = False
) -> bytes:
    """The .docx bytes of ``ref`` filled with ``context`` (.xlsx for a workbook template;
    web links taken out unless kept)."""
    return load(ref.path).render(context, keep_web_links=keep_web_links)


def produce(
    ref: TemplateRef,
    context: dict[str, Any],
    fmt: str,
    folder: Path,
    pdf: PdfService,
    *,
    keep_web_links: bool = False,
) -> Document:
    """The document in ``fmt`` (docx, pdf, html or md), made in the scratch ``folder``; a
    workbook template's own format is xlsx (and html/md of a workbook are refused by pandoc)."""
    own = ref.path.suffix.lower().lstrip(".") or "docx"  # xlsx for a workbook template
    if fmt in ("docx", "xlsx"):
        fmt = own  # the template's own format is the one to download
    name = output_name(ref, context, fmt)
    content = render_docx(ref, context, keep_web_links=keep_web_links)
    if fmt == own:
        return Document(content, MEDIA_TYPES[own], name)
    source = folder / f"document.{own}"
    source.write_bytes(content)
    if fmt == "pdf":
        target = pdf.pdf(source, folder / "out")
    else:
        convert = to_html if fmt == "html" else to_markdown
        target = convert([source], folder / "out").raise_for_failures().paths[0]
    return Document(target.read_bytes(), MEDIA_TYPES[fmt], name)


def page_images(
    ref: TemplateRef,
    context: dict[str, Any],
    folder: Path,
    pdf: PdfService,
    *,
    dpi: int = 50,
    keep_web_links: bool = False,
) -> list[str]:
    """Every page as a ``data:image/png`` URL (for the live preview)."""
    source = folder / f"preview{ref.path.suffix.lower() or '.docx'}"
    source.write_bytes(render_docx(ref, context, keep_web_links=keep_web_links))
    pages = pdf.pages(source, folder / "pages", dpi=dpi)
    return ["data:image/png;base64," + base64.b64encode(p.read_bytes()).decode() for p in pages]
