"""What a reader sees in a .docx, for comparing two renders: texts per part, picture count.

A paragraph's text is its ``w:t`` text with line breaks as ``\\n`` and tabs as
``\\t``; a page break ends a paragraph (docxtpl writes it as a paragraph of its
own, docgen inside the paragraph: the page looks the same). Empty paragraphs
are left out for the same reason.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STORY = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml")
_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"
_VML = "{urn:schemas-microsoft-com:vml}imagedata"


@dataclass
class Visible:
    """Texts by part (headers and footers numbered in order), pictures, properties."""

    texts: dict[str, list[str]]
    pictures: int
    properties: dict[str, str]
    cells: list[str]  # merges and shading, in order: "vMerge=restart", "gridSpan=3", "fill=FFC000"


def visible(blob: bytes) -> Visible:
    """Read ``blob`` (a .docx) as a reader would see it."""
    texts: dict[str, list[str]] = {}
    pictures = 0
    cells: list[str] = []
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        names = sorted(n for n in zf.namelist() if _STORY.fullmatch(n))
        counters: dict[str, int] = {}
        for name in names:
            root = etree.fromstring(zf.read(name))
            kind = _STORY.fullmatch(name).group(1).rstrip("0123456789")  # type: ignore[union-attr]
            counters[kind] = counters.get(kind, 0) + 1
            texts[f"{kind}{counters[kind]}"] = _paragraphs(root)
            cells += _cell_marks(root)
            if not name.endswith(("footnotes.xml", "endnotes.xml", "comments.xml")):
                pictures += len(list(root.iter(_PIC, _VML)))
        props: dict[str, str] = {}
        if "docProps/core.xml" in zf.namelist():
            for el in etree.fromstring(zf.read("docProps/core.xml")):
                if el.text and el.text.strip():
                    props[etree.QName(el).localname] = el.text
    return Visible(texts, pictures, props, cells)


def _cell_marks(root: etree._Element) -> list[str]:
    marks: list[str] = []
    for tcpr in root.iter(f"{W}tcPr"):
        for el in tcpr:
            name = etree.QName(el).localname
            if name in ("vMerge", "gridSpan"):
                marks.append(f"{name}={el.get(f'{W}val', 'continue')}")
            elif name == "shd" and el.get(f"{W}fill") not in (None, "auto"):
                marks.append(f"fill={el.get(f'{W}fill')}")
    return marks


def _paragraphs(root: etree._Element) -> list[str]:
    found: list[str] = []
    for para in root.iter(f"{W}p"):
        current = ""
        for el in para.iter(f"{W}t", f"{W}br", f"{W}cr", f"{W}tab"):
            if el.getparent() is not None and _nearest_p(el) is not para:
                continue  # a text box's paragraph is read on its own
            if el.tag == f"{W}t":
                current += el.text or ""
            elif el.tag == f"{W}tab":
                current += "\t"
            elif el.get(f"{W}type") == "page":
                found.append(current)
                current = ""
            else:
                current += "\n"
        found.append(current)
    return [t for t in found if t.strip()]


def _nearest_p(el: etree._Element) -> etree._Element | None:
    return next(el.iterancestors(f"{W}p"), None)
