"""Everything ``docgen inspect`` measures on one PDF, in one record (points turned into mm)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.inspect.classify import Classified, Role, classify
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
    #: Whether the page numbers were placed against a measured block bottom (else the nominal).
    bottom_measured: bool

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (sizes in mm and pt as named)."""
        return {
            "file": self.file,
            "pages": [vars(p) for p in self.pages],
            "margins_mm": vars(self.margins),
            "text_block_pt": vars(self.block),
            "body": vars(self.body),
            "fonts": {role: dict(c.most_common()) for role, c in self.fonts.items()},
            "page_numbers": [vars(n) for n in self.page_numbers],
            "bottom_measured": self.bottom_measured,
        }


def measure_pdf(path: Path, spec: LayoutSpec = GBT_9704) -> Measurements:
    """Read and measure the PDF at ``path``."""
    pages = read_pages(path)
    doc = classify(pages)
    pitch = line_pitch(doc)
    block = text_block(doc, pitch or spec.pitch_pt.target)
    body = body_figures(doc, block, pitch)
    edges = _number_edges(pages[0], block, spec, has_body=body.size is not None)
    return Measurements(
        file=str(path),
        pages=tuple(
            PageSize(p.number, round(pt_to_mm(p.width), 2), round(pt_to_mm(p.height), 2))
            for p in pages
        ),
        block=block,
        margins=_margins(doc, block) if body.size is not None else Margins(None, None, None, None),
        body=body,
        fonts=fonts_by_role(doc),
        page_numbers=tuple(page_numbers(doc, path, edges)),
        bottom_measured=block.bottom is not None,
    )


def _number_edges(page: Page, block: TextBlock, spec: LayoutSpec, has_body: bool) -> Edges:
    """The measured block edges, or the nominal ones where the text does not reach them."""
    left, right = mm_to_pt(spec.left_mm.target), page.width - mm_to_pt(spec.right_mm.target)
    if has_body:
        left, right = block.left, block.right
    bottom = block.bottom
    if bottom is None:
        # No page the text flowed out of: the nominal bottom edge.
        bottom = page.height - mm_to_pt(spec.bottom_mm.target)
    return Edges(left, right, bottom)


def _margins(doc: Classified, block: TextBlock) -> Margins:
    page = doc.pages[0]

    def mm(value: float) -> float:
        return round(pt_to_mm(value), 2)

    return Margins(
        top=mm(block.top) if block.top is not None else None,
        bottom=mm(page.height - block.bottom) if block.bottom is not None else None,
        left=mm(block.left),
        right=mm(page.width - block.right),
    )
