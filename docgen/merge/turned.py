"""Page numbers of landscape (横排) sections in a bound volume, at the foot of the sheet.

GB/T 9704-2012 §8: "A4 纸型的表格横排时，页码位置与公文其他页码保持一致，单页码表头在订口一边，
双页码表头在切口一边". Bound into the volume, a landscape page is turned so that its top (the
table's head) lies along the sheet's left edge: the binding edge of an odd (right-hand) page,
the fore-edge of an even one, as the text asks. The sheet's foot is then the landscape page's
left edge, and that is where every other page has its number: so the number goes there,
turned with the sheet (reading top to bottom on the landscape page, upright when the sheet is
held upright), the odd number towards the landscape page's bottom (the sheet's right) and the
even one towards its top (the sheet's left), each one character in from the block's edge.
Left in the footer, the number would sit on the sheet's binding or fore-edge.

A landscape section's footers are replaced by turned copies: the footer's own paragraphs (the
house style's ``— PAGE —`` with its alignment and one-character indent) go into a text box
with vertical text (``wps:bodyPr vert="vert"``, Word's "rotate all text 90°"), anchored to the
page over the turned block's left side. The box spans the band a portrait footer takes (from
the footer distance to the block's edge, the landscape section's own gap between footer and
block) moved 1.2 mm towards the sheet's edge: LibreOffice sets the first line of a rotated box
that much nearer the box's top than it sets a footer's line in its area (measured: 33.1 against
32.0 mm from the edge for the em box's top), so the dash line lands where it lands on the
portrait pages. A footer with relationships of its own (a picture) or no paragraph is left
alone.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lxml import etree

from docgen.engine import ooxml
from docgen.merge.xml import P, element, qn

_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_WPS_URI = _WPS
_NSMAP = {"w": ooxml.W, "r": ooxml.R, "wp": ooxml.WP, "a": ooxml.A, "wps": _WPS}
_EMU_PER_TWIP = 635
#: How much nearer the edge the box goes than the footer band (see the module docstring).
_LO_SHIFT_TWIPS = 68  # 1.2 mm
_TYPE = qn("w:type")
_ANCHOR = {"distT": "0", "distB": "0", "distL": "0", "distR": "0", "simplePos": "0",
           "relativeHeight": "251659264", "behindDoc": "0", "locked": "1",
           "layoutInCell": "0", "allowOverlap": "1"}  # fmt: skip
_BODY = {"rot": "0", "vert": "vert", "wrap": "square", "lIns": "0", "tIns": "0", "rIns": "0",
         "bIns": "0", "anchor": "t", "anchorCtr": "0"}  # fmt: skip
_RID = qn("r:id")

#: Reads a footer by relationship id: its XML, or ``None`` when it cannot be turned.
FooterReader = Callable[[str], "etree._Element | None"]
#: Adds a footer part and returns the relationship id the sections use for it.
FooterWriter = Callable[[bytes], str]


@dataclass(frozen=True)
class _Sheet:
    """A landscape section's page in twips: size, margins and footer distance."""

    height: int
    top: int
    bottom: int
    left: int
    footer: int

    @property
    def band(self) -> tuple[int, int]:
        """Left and right edge (from the page's left) of the turned footer's box."""
        gap = self.bottom - self.footer  # between the block and the footer, as the section has it
        right = self.left - _LO_SHIFT_TWIPS
        return right - gap, right


def turn_landscape_numbers(
    sections: Iterable[etree._Element],
    read: FooterReader,
    write: FooterWriter,
    next_id: Callable[[], str],
) -> int:
    """Point every landscape section's footers at turned copies; how many sections changed.

    ``read`` gives a footer's tree by relationship id, ``write`` stores a new footer and
    returns its id, ``next_id`` hands out drawing ids. Sections sharing footers and page
    setup share the turned footers.
    """
    made: dict[tuple[str, _Sheet], str] = {}
    changed = 0
    for sect in sections:
        sheet = _landscape(sect)
        if sheet is None:
            continue
        touched = False
        for ref in sect.iter(qn("w:footerReference")):
            rid = str(ref.get(_RID, ""))
            key = (rid, sheet)
            if key not in made:
                tree = read(rid)
                if tree is None:
                    continue
                side = "even" if ref.get(_TYPE) == "even" else "odd"
                made[key] = write(turned_footer(tree, sheet, side, next_id()))
            ref.set(_RID, made[key])
            touched = True
        changed += touched
    return changed


def is_landscape(sect: etree._Element) -> bool:
    """Whether the section's page is wider than it is high."""
    size = sect.find(qn("w:pgSz"))
    return size is not None and twips(size, "w") > twips(size, "h")


def _landscape(sect: etree._Element) -> _Sheet | None:
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    if size is None or margins is None:
        return None
    width, height = twips(size, "w"), twips(size, "h")
    if width <= height:
        return None
    return _Sheet(height, twips(margins, "top"), twips(margins, "bottom"),
                  twips(margins, "left"), twips(margins, "footer"))  # fmt: skip


def twips(el: etree._Element, name: str) -> int:
    """The whole number of twips in ``el``'s ``w:name`` attribute (0 when absent or not one)."""
    value = str(el.get(qn(f"w:{name}"), "0"))
    return int(value) if value.lstrip("-").isdigit() else 0


def turned_footer(footer: etree._Element, sheet: _Sheet, side: str, drawing_id: str) -> bytes:
    """A footer holding ``footer``'s paragraphs in a box turned to the sheet's foot."""
    paragraphs = [copy.deepcopy(el) for el in footer if el.tag in (P, qn("w:tbl"))]
    root = etree.Element(qn("w:ftr"), nsmap=_NSMAP)
    carrier = etree.SubElement(root, P)
    ppr = etree.SubElement(carrier, qn("w:pPr"))
    ppr.append(element("w:spacing", before="0", after="0", line="20", lineRule="exact"))
    run = etree.SubElement(carrier, qn("w:r"))
    run.append(_anchored_box(paragraphs, sheet, side, drawing_id))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _anchored_box(
    paragraphs: list[etree._Element], sheet: _Sheet, side: str, drawing_id: str
) -> etree._Element:
    left, right = sheet.band
    top, bottom = sheet.top, sheet.height - sheet.bottom
    x, y = left * _EMU_PER_TWIP, top * _EMU_PER_TWIP
    cx, cy = (right - left) * _EMU_PER_TWIP, (bottom - top) * _EMU_PER_TWIP
    name = "页码（横排，单页）" if side == "odd" else "页码（横排，双页）"
    drawing = etree.Element(qn("w:drawing"))
    anchor = etree.SubElement(drawing, qn("wp:anchor"), _ANCHOR)
    etree.SubElement(anchor, qn("wp:simplePos"), x="0", y="0")
    for axis, offset in (("H", x), ("V", y)):
        pos = etree.SubElement(anchor, qn(f"wp:position{axis}"), relativeFrom="page")
        etree.SubElement(pos, qn("wp:posOffset")).text = str(offset)
    etree.SubElement(anchor, qn("wp:extent"), cx=str(cx), cy=str(cy))
    etree.SubElement(anchor, qn("wp:effectExtent"), l="0", t="0", r="0", b="0")
    etree.SubElement(anchor, qn("wp:wrapNone"))
    etree.SubElement(anchor, qn("wp:docPr"), id=drawing_id, name=name)
    etree.SubElement(anchor, qn("wp:cNvGraphicFramePr"))
    graphic = etree.SubElement(anchor, qn("a:graphic"))
    data = etree.SubElement(graphic, qn("a:graphicData"), uri=_WPS_URI)
    shape = etree.SubElement(data, f"{{{_WPS}}}wsp")
    etree.SubElement(shape, f"{{{_WPS}}}cNvSpPr", txBox="1")
    props = etree.SubElement(shape, f"{{{_WPS}}}spPr")
    xfrm = etree.SubElement(props, qn("a:xfrm"))
    etree.SubElement(xfrm, qn("a:off"), x="0", y="0")
    etree.SubElement(xfrm, qn("a:ext"), cx=str(cx), cy=str(cy))
    geometry = etree.SubElement(props, qn("a:prstGeom"), prst="rect")
    etree.SubElement(geometry, qn("a:avLst"))
    etree.SubElement(props, qn("a:noFill"))
    etree.SubElement(etree.SubElement(props, qn("a:ln")), qn("a:noFill"))
    box = etree.SubElement(etree.SubElement(shape, f"{{{_WPS}}}txbx"), qn("w:txbxContent"))
    box.extend(paragraphs or [etree.Element(P)])
    # vert: every character turned 90° clockwise, lines from the right, the first at the top
    # of the turned box (its right side), as both Word and LibreOffice lay it out.
    body = etree.SubElement(shape, f"{{{_WPS}}}bodyPr", _BODY)
    etree.SubElement(body, qn("a:noAutofit"))
    return drawing
