"""The house style: GB/T 9704-2012 page setup, fonts and sizes as one frozen dataclass.

Every number a shipped template uses comes from :class:`HouseStyle`; the options
(an internal document without 版头/版记, centred page numbers, bold second and
third levels) are switches on it, so a variant is a different instance, never a
fork of the code. Numbers follow ``domain.md`` §1: A4, margins 37/35/28/26 mm,
a 579-twip line pitch (28.95 pt; 22 lines fit the 225 mm type area), body in
3号 仿宋_GB2312, title in 2号 方正小标宋简体, page numbers ``— 1 —`` in 4号 宋体.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

#: Chinese type sizes (字号) in points; ``w:sz`` is twice the value.
SIZES: dict[str, float] = {
    "初号": 42,
    "小初": 36,
    "一号": 26,
    "小一": 24,
    "二号": 22,
    "小二": 18,
    "三号": 16,
    "小三": 15,
    "四号": 14,
    "小四": 12,
    "五号": 10.5,
    "小五": 9,
}

TWIPS_PER_MM = 1440 / 25.4


def mm(value: float) -> int:
    """Millimetres to twips (1/20 pt), rounded: 37 mm → 2098."""
    return round(value * TWIPS_PER_MM)


def half_points(points: float) -> int:
    """Points to the half-points of ``w:sz``: 16 pt → 32."""
    return round(points * 2)


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float = 37
    bottom: float = 35
    left: float = 28
    right: float = 26


@dataclass(frozen=True)
class HeadingLevel:
    """One of the four GB/T 9704 heading levels: its font and whether it is bold."""

    font: str
    bold: bool = False


@dataclass(frozen=True)
class HouseStyle:
    """The whole house style; the defaults are GB/T 9704-2012 for an internal document.

    ``internal`` leaves out 版头 and 版记 (``domain.md`` §1.9: branch documents have
    neither); ``centred_page_numbers`` puts ``— 1 —`` in the middle of every page
    instead of outside alternating; ``bold_levels`` makes the second and third
    heading levels bold, a common local custom.
    """

    margins: Margins = field(default_factory=Margins)
    page_width_mm: float = 210
    page_height_mm: float = 297
    footer_mm: float = 25
    line_twips: int = 579
    latin_font: str = "Times New Roman"
    body_font: str = "仿宋_GB2312"
    title_font: str = "方正小标宋简体"
    subtitle_font: str = "楷体_GB2312"
    page_number_font: str = "宋体"
    table_header_font: str = "黑体"
    #: The face of an attachment's “附件2” label (GB/T 9704 §7.3.7: 3号黑体).
    label_font: str = "黑体"
    body_pt: float = SIZES["三号"]
    title_pt: float = SIZES["二号"]
    page_number_pt: float = SIZES["四号"]
    table_pt: float = SIZES["四号"]
    table_small_pt: float = SIZES["小四"]
    chars_per_line: int = 28
    internal: bool = True
    centred_page_numbers: bool = False
    bold_levels: bool = False

    @property
    def headings(self) -> tuple[HeadingLevel, HeadingLevel, HeadingLevel, HeadingLevel]:
        """Levels 1–4: 黑体 一、, 楷体 （一）, 仿宋 1., 仿宋 （1）."""
        bold = self.bold_levels
        return (
            HeadingLevel("黑体"),
            HeadingLevel("楷体_GB2312", bold=bold),
            HeadingLevel(self.body_font, bold=bold),
            HeadingLevel(self.body_font),
        )

    @property
    def char_spacing_twentieths(self) -> int:
        """Character spacing (``w:spacing``, 1/20 pt) that sets ``chars_per_line`` body
        characters on a full line: −5 (−0.25 pt) for 28 × 16 pt on 156 mm.

        Both Word and LibreOffice honour it, unlike Word's character grid
        (``linesAndChars``), which LibreOffice lays out differently. The spacing is the
        largest (least negative) whole twentieth with which the line holds the count,
        so it never holds one character more.
        """
        width = self.text_width_twips()
        body = self.body_pt * 20
        # n characters each body + s wide must fit the line: n × (body + s) ≤ width.
        return min(0, math.floor(width / self.chars_per_line - body))

    def chars_fitting(self, points: float, landscape: bool = False) -> float:
        """How many full-width characters of ``points`` fit on a line of the type area, the
        character spacing included: 28.07 of 3号, 20.33 of 2号 on the 156 mm line."""
        advance = points * 20 + self.char_spacing_twentieths
        return self.text_width_twips(landscape) / advance

    @property
    def line_pt(self) -> float:
        """The exact line height in points (28.95 by default)."""
        return self.line_twips / 20

    def indent_twips(self, points: float, chars: int = 2) -> int:
        """``chars`` characters of a ``points``-sized font in twips: 2 × 16 pt → 640."""
        return round(points * 20 * chars)

    def landscape_margins(self) -> Margins:
        """Margins of a landscape page: the portrait page turned a quarter clockwise.

        The binding edge (订口, left in portrait) becomes the top, so a wide table's
        head sits on the binding side as GB/T 9704 §8 asks.
        """
        m = self.margins
        return Margins(top=m.left, bottom=m.right, left=m.bottom, right=m.top)

    def text_width_twips(self, landscape: bool = False) -> int:
        """Width of the type area: 156 mm portrait, 225 mm landscape."""
        if landscape:
            return mm(self.page_height_mm - self.margins.top - self.margins.bottom)
        return mm(self.page_width_mm - self.margins.left - self.margins.right)


#: The default: GB/T 9704 for a branch's internal document.
DEFAULT_STYLE = HouseStyle()

__all__ = [
    "DEFAULT_STYLE",
    "SIZES",
    "HeadingLevel",
    "HouseStyle",
    "Margins",
    "half_points",
    "mm",
]
