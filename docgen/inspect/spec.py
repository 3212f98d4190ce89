"""What the printed page should measure: GB/T 9704-2012 numbers and the tolerances we judge by.

The numbers are those of ``domain.md`` §1. The tolerances and why:

- margins ±1 mm: the standard's own tolerance for 天头 and 订口 (5.2.1), applied to all four;
- 22 ± 0 lines on a full page: the grid of 579 twips fits exactly 22 lines into 225 mm;
- 28 ± 0 characters on every full line: the house style's −0.25 pt character spacing sets 28 in
  Word and LibreOffice alike; lines ended early by the line-breaking rules or holding digits do
  not count as full (:mod:`docgen.inspect.fullness` says which and why);
- body 16 ± 0.25 pt and pitch 28.95 ± 0.5 pt: the pitch band holds the 28.8 and 29 pt variants in
  use and still fits 22 lines, a size off by a half point is a different 字号;
- page number: its dash line 7 mm below the text block ±1 mm (7.5 gives no tolerance, so the
  margin tolerance is used; the dash is found in the rendered pixels, so font metrics do not move
  it); "空一字" between the number and the text block edge, where 一字 is read as one 4号 (14 pt,
  4.94 mm) or one 3号 (16 pt, 5.64 mm) character — both readings are in use — widened by 1 mm on
  either side: 3.9 to 6.6 mm.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

PT_PER_MM = 72 / 25.4

Placement = Literal["outside", "centre"]


def mm_to_pt(value: float) -> float:
    """Millimetres to PDF points."""
    return value * PT_PER_MM


def pt_to_mm(value: float) -> float:
    """PDF points to millimetres."""
    return value / PT_PER_MM


@dataclass(frozen=True)
class Band:
    """A target value with a symmetric tolerance."""

    target: float
    tolerance: float

    def holds(self, value: float) -> bool:
        """Whether ``value`` is within the band (with a hair of slack for float rounding)."""
        return abs(value - self.target) <= self.tolerance + 1e-6

    def describe(self, unit: str) -> str:
        """``37 ± 1 mm``."""
        return f"{self.target:g} ± {self.tolerance:g} {unit}".rstrip()


@dataclass(frozen=True)
class FontRoles:
    """The font family each kind of line must be embedded in (keys of :data:`FAMILIES`)."""

    title: str = "xiaobiaosong"
    body: str = "fangsong"
    h1: str = "heiti"
    h2: str = "kaiti"
    h3: str = "fangsong"
    h4: str = "fangsong"


@dataclass(frozen=True)
class LayoutSpec:
    """The house style as measurable quantities; defaults are GB/T 9704 for LibreOffice output."""

    page_width_mm: Band = Band(210, 1)
    page_height_mm: Band = Band(297, 1)
    top_mm: Band = Band(37, 1)
    bottom_mm: Band = Band(35, 1)
    left_mm: Band = Band(28, 1)
    right_mm: Band = Band(26, 1)
    body_pt: Band = Band(16, 0.25)
    pitch_pt: Band = Band(28.95, 0.5)
    lines_per_page: Band = Band(22, 0)
    chars_per_line: Band = Band(28, 0)
    page_number_pt: Band = Band(14, 0.5)
    dash_below_block_mm: Band = Band(7, 1)
    #: The "空一字" gap between the page number and the text block edge, in millimetres.
    page_number_gap_mm: tuple[float, float] = (3.9, 6.6)
    page_number_placement: Placement = "outside"
    fonts: FontRoles = field(default_factory=FontRoles)


GBT_9704 = LayoutSpec()

#: A form handed out to be filled in, one sheet a copy (the 民主测评表): its text is the
#: tables' small type, 小四 (12 pt) on an 18 pt line, so that a ballot of two dozen names
#: keeps to one sheet; page, margins, faces and page numbers are GB/T 9704's. The body
#: rules of §5.2.3 (3号 on 22 lines of 28) are those of a 公文's text, which a form has none of.
FORM = replace(GBT_9704, body_pt=Band(12, 0.25), pitch_pt=Band(18, 0.5))
