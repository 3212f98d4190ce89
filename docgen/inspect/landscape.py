"""The text block of landscape (横排) pages: the portrait block turned a quarter.

GB/T 9704 §8 turns the A4 sheet for a wide table; the block keeps its size, so on the turned
page the binding edge (订口, 28 mm) is the top, the cut edge (26 mm) the bottom, the foot
(35 mm) the left and the head (37 mm) the right. What can be seen of it:

- left and right: the ruled tables, which the house style spreads over the whole line;
- top: the first thing on each landscape page, a table's top rule or a line of text set in a
  grid row (its row starts half the difference between pitch and size above its em box);
- bottom: not measured. Table rows are kept whole and end where they end, so nothing marks
  the bottom edge; page numbers are placed against the nominal edge instead.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from docgen.inspect.classify import Classified
from docgen.inspect.lines import Page
from docgen.inspect.spec import LayoutSpec, mm_to_pt, pt_to_mm


@dataclass(frozen=True)
class TurnedBlock:
    """The landscape text block in points from the page's top-left; ``None`` where unseen."""

    top: float | None
    left: float | None
    right: float | None
    #: The nominal bottom edge (page height less the turned bottom margin).
    bottom: float
    pages: tuple[int, ...]


@dataclass(frozen=True)
class TurnedMargins:
    """The landscape margins in millimetres, each against its turned target."""

    top: float | None
    left: float | None
    right: float | None


def turned_targets(spec: LayoutSpec) -> dict[str, float]:
    """The margins a landscape page should show: the portrait ones turned a quarter."""
    return {
        "top": spec.left_mm.target,
        "bottom": spec.right_mm.target,
        "left": spec.bottom_mm.target,
        "right": spec.top_mm.target,
    }


def turned_block(doc: Classified, spec: LayoutSpec, pitch: float) -> TurnedBlock | None:
    """The block of the landscape pages, or ``None`` when every page is upright."""
    pages = [p for p in doc.pages if p.landscape]
    if not pages:
        return None
    tables = [t for p in pages for t in p.tables]
    tops = [t for t in (_page_top(doc, p, pitch) for p in pages) if t is not None]
    bottom = pages[0].height - mm_to_pt(turned_targets(spec)["bottom"])
    return TurnedBlock(
        top=statistics.median(tops) if tops else None,
        left=min((t[0] for t in tables), default=None),
        right=max((t[2] for t in tables), default=None),
        bottom=bottom,
        pages=tuple(p.number for p in pages),
    )


def _page_top(doc: Classified, page: Page, pitch: float) -> float | None:
    lines = [t.line for t in doc.on_page(page.number) if t.role != "page_number"]
    table = min((t[1] for t in page.tables), default=None)
    text = lines[0].em_top - (pitch - lines[0].size) / 2 if lines else None
    if text is not None and lines[0].in_table:
        text = None
    found = [v for v in (table, text) if v is not None]
    return min(found) if found else None


def turned_margins(block: TurnedBlock, width: float) -> TurnedMargins:
    """Top, left and right margins of the landscape block in millimetres."""

    def mm(value: float | None) -> float | None:
        return round(pt_to_mm(value), 2) if value is not None else None

    return TurnedMargins(
        top=mm(block.top),
        left=mm(block.left),
        right=mm(width - block.right) if block.right is not None else None,
    )
