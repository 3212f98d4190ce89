"""Everything ``docgen inspect`` measures on one PDF, in one record (points turned into mm).

Page numbers are placed against the bottom of the text block: the measured one (a page filled
to the last grid row), else the one the grid implies (top + 22 × pitch), else the nominal edge
of the house style; :attr:`Measurements.bottom_from` says which. Numbers on landscape pages are
placed against the turned block (:mod:`docgen.inspect.landscape`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from docgen.inspect.classify import Classified, Role, classify
from docgen.inspect.landscape import TurnedBlock, TurnedMargins, turned_block, turned_margins
from docgen.inspect.lines import Page, read_pages
from docgen.inspect.measure import (
    Body,
    TextBlock,
    body_figures,
    fonts_by_role,
    line_pitch,
    text_block,
)
from docgen.inspect.pagenum import Edges, PageNumber, page_numbers
from docgen.inspect.spec import GBT_9704, LayoutSpec, mm_to_pt, pt_to_mm

BottomFrom = Literal["measured", "grid", "nominal"]


@dataclass(frozen=True)
class PageSize:
    """One page's size in millimetres."""

    page: int
    width_mm: float
    height_mm: float


@dataclass(frozen=True)
class Margins:
    """The four margins in millimetres; ``None`` where the text never reaches that edge."""

    top: float | None
    bottom: float | None
    left: float | None
    right: float | None


@dataclass(frozen=True)
class Measurements:
    """The printed page, measured."""

    file: str
    pages: tuple[PageSize, ...]
    block: TextBlock
    margins: Margins
    body: Body
    fonts: dict[Role, Counter[str]]
    page_numbers: tuple[PageNumber, ...]
    #: Whether the page numbers were placed against a measured block bottom.
    bottom_measured: bool
    #: What the page numbers were placed against: ``measured``, ``grid`` or ``nominal`` bottom.
    bottom_from: BottomFrom = "measured"
    #: The landscape block and its margins, when the document has landscape pages.
    turned: TurnedBlock | None = None
    turned_margins: TurnedMargins | None = None
    #: The title as printed (its lines joined), empty when none was found.
    title: str = ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (sizes in mm and pt as named)."""
        return {
            "file": self.file,
            "title": self.title,
            "pages": [vars(p) for p in self.pages],
            "margins_mm": vars(self.margins),
            "text_block_pt": vars(self.block),
            "body": vars(self.body),
            "fonts": {role: dict(c.most_common()) for role, c in self.fonts.items()},
            "page_numbers": [vars(n) for n in self.page_numbers],
            "bottom_measured": self.bottom_measured,
            "bottom_from": self.bottom_from,
            "landscape_block_pt": vars(self.turned) if self.turned else None,
            "landscape_margins_mm": vars(self.turned_margins) if self.turned_margins else None,
        }


def measure_pdf(
    path: Path, spec: LayoutSpec = GBT_9704, pages: Sequence[Page] | None = None
) -> Measurements:
    """Read and measure the PDF at ``path``, or only ``pages`` of it (one part of a volume)."""
    pages = list(pages) if pages is not None else read_pages(path)
    upright = next((p for p in pages if not p.landscape), pages[0])
    nominal = (mm_to_pt(spec.left_mm.target), upright.width - mm_to_pt(spec.right_mm.target))
    doc = classify(pages, nominal)
    pitch = line_pitch(doc)
    rows = round(spec.lines_per_page.target)
    block = text_block(doc, pitch or spec.pitch_pt.target, rows, spec.pitch_pt)
    body = body_figures(doc, block, pitch, spec.chars_per_line.target)
    edges, bottom_from = _number_edges(upright, block, spec)
    turned = turned_block(doc, spec, pitch or spec.pitch_pt.target)
    return Measurements(
        file=str(path),
        pages=tuple(
            PageSize(p.number, round(pt_to_mm(p.width), 2), round(pt_to_mm(p.height), 2))
            for p in pages
        ),
        block=block,
        margins=_margins(doc, block, upright) if body.size is not None else Margins(*[None] * 4),
        body=body,
        fonts=fonts_by_role(doc),
        page_numbers=tuple(
            page_numbers(
                doc, path, edges, _turned_edges(turned, spec), _sheet_edges(pages, edges, spec)
            )
        ),
        bottom_measured=block.bottom is not None,
        bottom_from=bottom_from,
        turned=turned,
        turned_margins=turned_margins(turned, doc.page(turned.pages[0]).width) if turned else None,
        title="".join(t.line.text for t in doc.lines if t.role == "title"),
    )


def _number_edges(page: Page, block: TextBlock, spec: LayoutSpec) -> tuple[Edges, BottomFrom]:
    """The block edges page numbers are placed against, and where the bottom came from."""
    if block.bottom is not None:
        return Edges(block.left, block.right, block.bottom), "measured"
    if block.grid_bottom is not None:
        # No page is full: the grid still says where its last row ends.
        return Edges(block.left, block.right, block.grid_bottom), "grid"
    left, right = mm_to_pt(spec.left_mm.target), page.width - mm_to_pt(spec.right_mm.target)
    return Edges(left, right, page.height - mm_to_pt(spec.bottom_mm.target)), "nominal"


def _sheet_edges(pages: Sequence[Page], edges: Edges, spec: LayoutSpec) -> Edges:
    """The upright block a number turned to the sheet's foot stands under: the one measured on
    the upright pages, or the nominal one when every page is landscape."""
    if any(not p.landscape for p in pages):
        return edges
    width, height = spec.page_width_mm.target, spec.page_height_mm.target
    return Edges(mm_to_pt(spec.left_mm.target), mm_to_pt(width - spec.right_mm.target),
                 mm_to_pt(height - spec.bottom_mm.target))  # fmt: skip


def _turned_edges(turned: TurnedBlock | None, spec: LayoutSpec) -> Edges | None:
    """The landscape block's edges, the nominal ones standing in for any not seen."""
    if turned is None:
        return None
    left = turned.left if turned.left is not None else mm_to_pt(spec.bottom_mm.target)
    right = turned.right
    if right is None:
        right = mm_to_pt(spec.page_height_mm.target - spec.top_mm.target)
    return Edges(left, right, turned.bottom)


def _margins(doc: Classified, block: TextBlock, page: Page) -> Margins:
    """The portrait margins; an edge the body lines never showed is not measured."""

    def mm(value: float) -> float:
        return round(pt_to_mm(value), 2)

    return Margins(
        top=mm(block.top) if block.top is not None else None,
        bottom=mm(page.height - block.bottom) if block.bottom is not None else None,
        left=mm(block.left) if doc.left_known else None,
        right=mm(page.width - block.right) if doc.right_known else None,
    )
