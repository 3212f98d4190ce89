"""Read a rendered .docx back: body outline, styles, section settings (for the template tests)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(name: str) -> str:
    """``w:tag`` as a Clark name."""
    return f"{{{W}}}{name.split(':', 1)[1]}"


@dataclass
class Para:
    """A body paragraph: its style id and text."""

    style: str
    text: str


class Docx:
    """A rendered package, parsed once."""

    def __init__(self, blob: bytes) -> None:
        self.blob = blob
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            self.parts = {n: archive.read(n) for n in archive.namelist()}
        self.body = etree.fromstring(self.parts["word/document.xml"]).find(q("w:body"))
        self.styles = etree.fromstring(self.parts["word/styles.xml"])

    def paragraphs(self) -> list[Para]:
        """Every paragraph of the body, tables included, in order."""
        return [_para(p) for p in self.body.iter(q("w:p"))]

    def outline(self) -> list[str]:
        """The body as lines: ``style<TAB>text`` per top-level paragraph, tables as shapes
        and cell texts — what the golden files hold."""
        lines: list[str] = []
        for child in self.body:
            if child.tag == q("w:p"):
                p = _para(child)
                lines.append(f"{p.style}\t{p.text}")
            elif child.tag == q("w:tbl"):
                rows = child.findall(q("w:tr"))
                cols = len(child.find(q("w:tblGrid")))
                lines.append(f"[table {len(rows)}x{cols}]")
                for row in rows:
                    cells = [_text(c) for c in row.findall(q("w:tc"))]
                    lines.append("  | " + " | ".join(cells))
        return lines

    def sections(self) -> list[etree._Element]:
        """Every ``w:sectPr``, in order."""
        return list(self.body.iter(q("w:sectPr")))

    def style(self, style_id: str) -> etree._Element:
        """The ``w:style`` element with ``style_id``."""
        found = self.styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        assert found is not None, f"style {style_id} missing"
        return found

    def east_asian_font(self, style_id: str) -> str | None:
        """The East Asian font of a style, following ``basedOn``."""
        current: str | None = style_id
        while current:
            style = self.style(current)
            fonts = style.find("w:rPr/w:rFonts", NS)
            if fonts is not None and fonts.get(q("w:eastAsia")):
                return fonts.get(q("w:eastAsia"))
            based = style.find("w:basedOn", NS)
            current = based.get(q("w:val")) if based is not None else None
        return None


def _para(p: etree._Element) -> Para:
    style = p.find("w:pPr/w:pStyle", NS)
    return Para(style.get(q("w:val")) if style is not None else "Normal", _text(p))


def _text(node: etree._Element) -> str:
    out = []
    for el in node.iter(q("w:t"), q("w:br"), q("w:tab")):
        if el.getparent().tag != q("w:r"):
            continue  # a tab stop of the paragraph's properties, not a tab character
        out.append(el.text or "" if el.tag == q("w:t") else ("\n" if el.tag == q("w:br") else "\t"))
    return "".join(out)
