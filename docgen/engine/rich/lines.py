"""Keep a tall inline picture from being cut off by a fixed line height.

The house style sets body text at an exact line height (28.95 pt). Word clips
an inline picture taller than that line to a strip; a QR code or seal in body
text would print as a sliver. A paragraph holding such a picture gets automatic
line spacing instead, so the line grows to the picture; its text lines stay as
they are where no picture stands.
"""

from __future__ import annotations

from lxml import etree

from docgen.engine import ooxml
from docgen.engine.ooxml import qn

#: Pictures up to this height (EMU, 10 mm) fit a 28.95 pt line and are left alone.
FITS_A_LINE = 360000


def unclip_pictures(xml: bytes) -> bytes:
    """``xml`` (a rendered part) with every paragraph of a tall inline picture spaced ``auto``."""
    root = ooxml.parse(xml)
    for extent in root.iter(qn("wp:extent")):
        inline = extent.getparent()
        if inline is None or inline.tag != qn("wp:inline"):
            continue
        if int(extent.get("cy", "0")) <= FITS_A_LINE:
            continue
        paragraph = ooxml.ancestor(inline, qn("w:p"))
        if paragraph is not None:
            auto_spacing(paragraph)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def auto_spacing(paragraph: etree._Element) -> None:
    """Give ``paragraph`` single automatic line spacing, so its line grows to a picture."""
    props = paragraph.find(qn("w:pPr"))
    if props is None:
        props = etree.Element(qn("w:pPr"))
        paragraph.insert(0, props)  # the paragraph's properties come first
    spacing = ooxml.ensure_child(props, "spacing", ooxml.PPR_ORDER)
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
