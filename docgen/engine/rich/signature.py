"""A signature picture fitted into its table cell: ``{{ m.sign|signature }}``.

A scanned signature is a wide strip of any pixel size; placed at its own size it
overflows the cell or stretches the row. :class:`Signature` gives it a height
(12 mm by default) and, after the render, shrinks it, aspect kept, until it fits
the width of the cell it stands in (the cell's width less its margins) and the
row's height when the row has a fixed one. Outside a table it keeps its height.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from lxml import etree
from markupsafe import Markup

from docgen.engine import ooxml
from docgen.engine.images import InlineImage, Mm, drawing_xml
from docgen.engine.ooxml import qn
from docgen.engine.rich.anchored import mm_or_none
from docgen.engine.rich.lines import auto_spacing
from docgen.engine.rich.sources import image_bytes
from docgen.i18n import tr

if TYPE_CHECKING:
    from os import PathLike

    from docgen.engine.values import RenderState

DEFAULT_HEIGHT_MM = 12.0
#: The ``wp:docPr`` name that marks a picture for :func:`fit_signatures`.
SHAPE_NAME = "签名图片"
#: Word's cell margins when neither the cell nor the table sets any: 0.19 cm a side.
_DEFAULT_MARGIN = 108
_EMU_PER_TWIP = 635


class Signature(InlineImage):
    """``image`` ``height`` EMU high (12 mm), shrunk after the render to fit its cell."""

    docgen_kind = "custom"

    def __init__(
        self,
        image: str | PathLike[str] | bytes | IO[bytes] | InlineImage,
        height: int | None = None,
        descr: str = "",
    ) -> None:
        if isinstance(image, InlineImage):
            self.info = image.info
        else:
            super().__init__(image, descr=descr)
        tall = Mm(DEFAULT_HEIGHT_MM) if height is None else int(height)
        native_w, native_h = self.info.px_width, max(self.info.px_height, 1)
        self.width, self.height = round(native_w * tall / native_h), tall
        self.descr = descr or tr("签名", "signature")

    def docgen_render(self, state: RenderState, index: int) -> Markup:
        """The picture's run at site ``index``; fitted to its cell once the part is rendered."""
        rid = state.add_media(self.info)
        xml = drawing_xml(rid, state.new_id(), self, state.site(index).rpr, SHAPE_NAME)
        state.finish(fit_signatures)
        return state.fragment(index, xml, "run")


def fit_signatures(xml: bytes) -> bytes:
    """``xml`` (a rendered part) with every signature picture shrunk to fit its cell, its
    paragraph's line grown to it (a table's exact line would cut it or let it overlap the
    row above)."""
    root = ooxml.parse(xml)
    for doc_pr in root.iter(qn("wp:docPr")):
        inline = doc_pr.getparent()
        if inline is None or inline.tag != qn("wp:inline"):
            continue
        if not doc_pr.get("name", "").startswith(SHAPE_NAME):
            continue
        cell = ooxml.ancestor(inline, qn("w:tc"))
        if cell is not None:
            _fit(inline, *_room(cell))
        paragraph = ooxml.ancestor(inline, qn("w:p"))
        if paragraph is not None:
            auto_spacing(paragraph)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _fit(inline: etree._Element, width: int | None, height: int | None) -> None:
    extent = inline.find(qn("wp:extent"))
    if extent is None:
        return
    cx, cy = int(extent.get("cx", "0")), int(extent.get("cy", "0"))
    scale = min(
        1.0,
        width / cx if width and cx else 1.0,
        height / cy if height and cy else 1.0,
    )
    if scale >= 1.0:
        return
    cx, cy = int(cx * scale), int(cy * scale)
    for el in (extent, *inline.iter(qn("a:ext"))):
        el.set("cx", str(cx))
        el.set("cy", str(cy))


def _room(cell: etree._Element) -> tuple[int | None, int | None]:
    """The width (EMU) inside ``cell``'s margins, and its row's fixed height, if known."""
    width = _cell_width(cell)
    left = right = _DEFAULT_MARGIN
    table = ooxml.ancestor(cell, qn("w:tbl"))
    for margins in (
        None if table is None else table.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}"),
        cell.find(f"{qn('w:tcPr')}/{qn('w:tcMar')}"),
    ):
        if margins is not None:
            left = _twips(margins, ("left", "start"), left)
            right = _twips(margins, ("right", "end"), right)
    inner = None if width is None else max(width - left - right, 1) * _EMU_PER_TWIP
    row = cell.getparent()
    tall = None if row is None else row.find(f"{qn('w:trPr')}/{qn('w:trHeight')}")
    height = None
    if tall is not None and tall.get(qn("w:hRule")) == "exact":
        height = int(tall.get(qn("w:val"), "0")) * _EMU_PER_TWIP or None
    return inner, height


def _cell_width(cell: etree._Element) -> int | None:
    """The cell's width in twips: its own ``tcW``, else its columns in the table grid."""
    own = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    if own is not None and own.get(qn("w:type"), "dxa") == "dxa" and own.get(qn("w:w")):
        return int(own.get(qn("w:w"), "0")) or None
    row, table = cell.getparent(), ooxml.ancestor(cell, qn("w:tbl"))
    if row is None or table is None:
        return None
    grid = [int(c.get(qn("w:w"), "0")) for c in table.iter(qn("w:gridCol"))]
    start = 0
    for other in row.findall(qn("w:tc")):
        if other is cell:
            break
        start += _span(other)
    covered = grid[start : start + _span(cell)]
    return sum(covered) or None


def _span(cell: etree._Element) -> int:
    span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return 1 if span is None else int(span.get(qn("w:val"), "1"))


def _twips(margins: etree._Element, sides: tuple[str, ...], fallback: int) -> int:
    for side in sides:
        el = margins.find(qn(f"w:{side}"))
        if el is not None and el.get(qn("w:type"), "dxa") == "dxa":
            return int(el.get(qn("w:w"), "0"))
    return fallback


def signature_filter(value: Any, height_mm: float = DEFAULT_HEIGHT_MM) -> Signature | str:
    """``{{ m.sign|signature }}``, ``|signature(10)``: the signature picture ``height_mm``
    high at most, fitted to its cell; nothing (empty) leaves the cell blank to sign by hand."""
    height = mm_or_none(height_mm, tr("签名高度", "signature height"), 3, 60)
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    return Signature(image_bytes(value, tr("签名图片", "signature image")), height)
