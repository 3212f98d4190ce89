"""Page numbers as printed: text, size, face, side of the page, and distance from the text block.

GB/T 9704 7.5: 4号 half-width 宋体 digits between two dash lines (``— 3 —``), the dash line
7 mm below the text block; odd numbers at the right one character in, even numbers at the left
one character in. The side is read from the position: within one character of the block's
centre is "centre", otherwise the side the number's centre is on; the gap is measured from the
text block edge on that side. A landscape page's number is measured against the landscape
block (the portrait block turned, :mod:`docgen.inspect.landscape`) when there is one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from docgen.inspect.classify import Classified, page_number_value
from docgen.inspect.ink import Box, dash_columns, dash_lines
from docgen.inspect.lines import Glyph, Line
from docgen.inspect.spec import pt_to_mm

Side = Literal["left", "right", "centre"]
_DASHES = "—–-－─~"


@dataclass(frozen=True)
class PageNumber:
    """One page's number line, measured."""

    page: int
    text: str
    value: int | None
    size: float
    font: str
    x0: float
    x1: float
    side: Side
    #: Distance from the text block edge on ``side`` (from the centre line when centred), mm.
    gap_mm: float
    #: Centre of the dash line, pt from the top of the page; ``None`` without a dash.
    dash_y: float | None
    #: Distance of the dash line below the bottom of the text block, mm.
    below_block_mm: float | None
    #: Whether ``dash_y`` comes from the rendered pixels (else from the glyph box).
    from_ink: bool
    #: On a landscape (横排) page.
    landscape: bool = False
    #: Measured against the landscape block (else a landscape number is not judged).
    turned_block: bool = False
    #: Turned with the sheet to its foot, the landscape page's left edge (GB/T 9704 §8): its
    #: position is measured on the sheet held upright, against the upright block.
    turned: bool = False


@dataclass(frozen=True)
class Edges:
    """The text block edges page numbers are placed against, in points from the top-left."""

    left: float
    right: float
    bottom: float


def page_numbers(
    doc: Classified,
    pdf: Path,
    block: Edges,
    turned: Edges | None = None,
    sheet: Edges | None = None,
) -> list[PageNumber]:
    """Measure every page-number line of ``doc`` against the text block ``block``.

    Numbers on landscape pages are measured against ``turned`` when it is given; a number
    turned to the sheet's foot (:attr:`Page.turned`) against ``sheet``, the upright block it
    stands under when the sheet is held upright (``block`` when not given).
    """
    lines = [t.line for t in doc.lines if t.role == "page_number"]
    if not lines:
        return []
    sideways = {ln.page for ln in lines if any(ln is t for t in doc.page(ln.page).turned)}
    dashes = {ln.page: _dash(ln) for ln in lines}
    boxes, columns = {}, {}
    for ln in lines:
        g = dashes[ln.page]
        if g is None:
            continue
        if ln.page in sideways:
            # Back on the landscape page: the sheet's (x, y) is the page's (width − y, x).
            width = doc.page(ln.page).width
            columns[ln.page] = Box(width - ln.em_bottom, g.x0, width - ln.em_top, g.x1)
        else:
            boxes[ln.page] = Box(g.x0, ln.em_top, g.x1, ln.em_bottom)
    ink = dash_lines(pdf, max(p.width for p in doc.pages), boxes) if boxes else {}
    across = dash_columns(pdf, max(p.height for p in doc.pages), columns) if columns else {}
    found = None if ink is None or across is None else {**ink, **{
        page: doc.page(page).width - x for page, x in across.items()}}  # fmt: skip
    measured = []
    for ln in lines:
        landscape = doc.page(ln.page).landscape
        if ln.page in sideways:
            number = _measure(doc, ln, dashes[ln.page], found, sheet or block)
            measured.append(replace(number, turned=True))
            continue
        edges = turned if landscape and turned is not None else block
        number = _measure(doc, ln, dashes[ln.page], found, edges)
        measured.append(replace(number, turned_block=landscape and turned is not None))
    return measured


def _dash(line: Line) -> Glyph | None:
    return next((g for g in line.glyphs if g.text in _DASHES), None)


def _measure(
    doc: Classified, line: Line, dash: Glyph | None, ink: dict[int, float] | None, block: Edges
) -> PageNumber:
    from_ink = ink is not None and line.page in ink
    dash_y: float | None = None
    if dash is not None:
        # Without pixels: the middle of the em box, where CJK faces draw the dash.
        middle = (line.em_top + line.em_bottom) / 2
        dash_y = ink[line.page] if ink is not None and from_ink else middle
    side, gap = _side(block, line, doc.body_size or line.size)
    digits = Counter(g.font for g in line.glyphs if g.text.isdigit()) or Counter(
        g.font for g in line.glyphs
    )
    return PageNumber(
        page=line.page,
        text=line.text.strip(),
        value=page_number_value(line.text),
        size=line.size,
        font=digits.most_common(1)[0][0],
        x0=line.x0,
        x1=line.x1,
        side=side,
        gap_mm=round(pt_to_mm(gap), 2),
        dash_y=dash_y,
        below_block_mm=round(pt_to_mm(dash_y - block.bottom), 2) if dash_y is not None else None,
        from_ink=from_ink,
        landscape=doc.page(line.page).landscape,
    )


def _side(block: Edges, line: Line, em: float) -> tuple[Side, float]:
    centre = (line.x0 + line.x1) / 2
    block_centre = (block.left + block.right) / 2
    if abs(centre - block_centre) <= em:
        return "centre", abs(centre - block_centre)
    if centre > block_centre:
        return "right", block.right - line.x1
    return "left", line.x0 - block.left
