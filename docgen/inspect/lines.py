"""Read a PDF into pages of text lines: glyphs grouped by baseline, with their fonts and boxes.

Coordinates are PDF points from the top-left corner of the page (pdfplumber's ``top``/``bottom``),
so "below" means a larger number. The baseline comes from the text matrix. Glyphs of different
fonts on one line (a CJK face and a Latin face for digits) share the baseline but not their boxes,
which is why lines are grouped by baseline and their vertical extent is rebuilt from it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import PdfminerException

from docgen.exceptions import InspectError
from docgen.inspect.fonts import strip_subset

#: Where CJK fonts put the baseline in the em box (0.88 em above, 0.12 em below). pdfminer's
#: glyph boxes follow each font's declared descent instead, which some embedded subsets give as
#: 0, so the em box is rebuilt from the baseline to compare lines set in different faces.
EM_ABOVE = 0.88
#: Punctuation LibreOffice may hang past the right edge of the text block.
HANGING = "，。、；：！？”’）》」』,.;:!?"
#: Glyphs whose baselines differ by less than this (pt) sit on the same line.
_SAME_LINE = 1.5


@dataclass(frozen=True)
class Glyph:
    """One character as printed."""

    text: str
    font: str
    size: float
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    #: Advance width in points (without justification spacing).
    advance: float
    #: Inside a ruled table (tables are set in their own size and take no part in the body).
    in_table: bool = False

    @property
    def is_cjk(self) -> bool:
        """A Chinese character or full-width punctuation: the glyphs whose face matters."""
        code = ord(self.text[0]) if self.text else 0
        return 0x3000 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF


@dataclass(frozen=True)
class Line:
    """The glyphs of one page that share a baseline, left to right."""

    page: int
    glyphs: tuple[Glyph, ...]

    @property
    def text(self) -> str:
        """The line's text."""
        return "".join(g.text for g in self.glyphs)

    @property
    def x0(self) -> float:
        """Left edge of the first visible glyph."""
        return min(g.x0 for g in self.glyphs if not g.text.isspace())

    @property
    def x1(self) -> float:
        """Right edge of the last visible glyph."""
        return max(g.x1 for g in self.glyphs if not g.text.isspace())

    @property
    def x1_core(self) -> float:
        """Right edge without a closing punctuation mark at the end.

        LibreOffice lets a final comma or full stop hang into the margin (标点悬挂), so a line's
        last glyph may stand up to one character beyond the text block; the glyph before it
        does not.
        """
        visible = [g for g in self.glyphs if not g.text.isspace()]
        if len(visible) > 1 and visible[-1].text in HANGING:
            return visible[-2].x1
        return self.x1

    @property
    def in_table(self) -> bool:
        """Whether most of the line's glyphs sit inside a ruled table."""
        return sum(g.in_table for g in self.glyphs) * 2 > len(self.glyphs)

    @property
    def baseline(self) -> float:
        """The baseline, from the top of the page."""
        return self.glyphs[0].baseline

    @property
    def size(self) -> float:
        """The font size most glyphs of the line are set in."""
        sizes = Counter(round(g.size, 1) for g in self.glyphs if not g.text.isspace())
        return sizes.most_common(1)[0][0] if sizes else self.glyphs[0].size

    @property
    def em_top(self) -> float:
        """Top of the line's ideographic em box: 0.88 em above the baseline."""
        return self.baseline - EM_ABOVE * self.size

    @property
    def em_bottom(self) -> float:
        """Bottom of the line's ideographic em box: 0.12 em below the baseline."""
        return self.baseline + (1 - EM_ABOVE) * self.size

    def width_in_chars(self) -> float:
        """Advance widths summed in units of the line's size: a CJK character counts 1."""
        return sum(g.advance for g in self.glyphs) / self.size


@dataclass(frozen=True)
class Page:
    """One page: its size in points and its lines top to bottom."""

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]
    #: Ruled tables on the page: ``(x0, top, x1, bottom)`` in points.
    tables: tuple[tuple[float, float, float, float], ...] = ()
    #: Whether anything besides text is drawn (images, rules, shapes): a page without it and
    #: without text is blank (the back of a sheet left empty before a right-hand start).
    graphics: bool = False
    #: Lines turned a quarter clockwise on a landscape page (reading top to bottom), in the
    #: frame of the sheet held upright: the page number a bound volume prints at the sheet's
    #: foot, the landscape page's left edge (GB/T 9704 §8, :mod:`docgen.merge.turned`).
    turned: tuple[Line, ...] = ()

    @property
    def blank(self) -> bool:
        """Nothing printed on the page."""
        return not self.lines and not self.tables and not self.graphics

    @property
    def landscape(self) -> bool:
        """A page wider than high (a 横排 table page, GB/T 9704 §8)."""
        return self.width > self.height


def read_pages(path: Path) -> list[Page]:
    """Every page of the PDF at ``path`` as lines of glyphs."""
    try:
        with pdfplumber.open(path) as pdf:
            pages = [_read_page(n, page) for n, page in enumerate(pdf.pages, start=1)]
    except (PdfminerException, PSException) as err:
        raise InspectError(
            f"{path}：无法作为 PDF 读取（{err}）",
            f"{path}: cannot be read as a PDF ({err})",
        ) from err
    if not pages:
        raise InspectError(f"{path}：PDF 没有页面", f"{path}: the PDF has no pages")
    return pages


def _read_page(number: int, page: Any) -> Page:
    tables = [_box(t.bbox) for t in page.find_tables()]
    glyphs = [_glyph(c, float(page.height), tables) for c in page.chars if c.get("upright", True)]
    lines = tuple(group_lines(number, glyphs))
    graphics = bool(page.images or page.rects or page.lines or page.curves)
    width = float(page.width)
    turned: tuple[Line, ...] = ()
    if width > float(page.height):
        sideways = [_sheet_glyph(c, width) for c in page.chars if _clockwise(c)]
        turned = tuple(group_lines(number, sideways))
    return Page(number, width, float(page.height), lines, tuple(tables), graphics, turned)


def _clockwise(char: dict[str, Any]) -> bool:
    """A glyph turned a quarter clockwise: its advance points down the page, its top right."""
    a, b, c, d = (float(v) for v in (char.get("matrix") or (1, 0, 0, 1))[:4])
    return not char.get("upright", True) and b < 0 < c and abs(a) < 1e-6 > abs(d)


def _sheet_glyph(char: dict[str, Any], width: float) -> Glyph:
    """A clockwise-turned glyph as seen on the sheet held upright (the page turned back).

    The landscape page's top becomes the sheet's left and its left edge the sheet's foot, so
    a point ``(x, y)`` of the page is ``(y, width - x)`` on the sheet. pdfminer gives a turned
    glyph's box across the line as its size; the advance runs down the page.
    """
    x0, x1 = float(char["x0"]), float(char["x1"])
    return Glyph(
        text=str(char["text"]),
        font=strip_subset(str(char["fontname"])),
        size=x1 - x0,
        x0=float(char["top"]),
        x1=float(char["bottom"]),
        top=width - x1,
        bottom=width - x0,
        baseline=width - float(char["matrix"][4]),
        advance=float(char.get("adv") or char["bottom"] - char["top"]),
    )


def _box(bbox: Sequence[Any]) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = map(float, bbox)
    return (x0, top, x1, bottom)


def _inside(char: dict[str, Any], boxes: Sequence[tuple[float, ...]]) -> bool:
    x = (float(char["x0"]) + float(char["x1"])) / 2
    y = (float(char["top"]) + float(char["bottom"])) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _glyph(char: dict[str, Any], height: float, tables: Sequence[tuple[float, ...]]) -> Glyph:
    matrix = char.get("matrix") or (1, 0, 0, 1, char["x0"], height - char["bottom"])
    return Glyph(
        text=str(char["text"]),
        font=strip_subset(str(char["fontname"])),
        size=float(char["size"]),
        x0=float(char["x0"]),
        x1=float(char["x1"]),
        top=float(char["top"]),
        bottom=float(char["bottom"]),
        baseline=height - float(matrix[5]),
        advance=float(char.get("adv") or char["x1"] - char["x0"]),
        in_table=_inside(char, tables),
    )


def group_lines(page: int, glyphs: Iterable[Glyph]) -> list[Line]:
    """Glyphs grouped by baseline into lines, top to bottom, each left to right."""
    rows: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: g.baseline):
        if rows and glyph.baseline - rows[-1][0].baseline < _SAME_LINE:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    return [Line(page, tuple(sorted(row, key=lambda g: g.x0))) for row in rows if _visible(row)]


def _visible(row: Sequence[Glyph]) -> bool:
    return any(not g.text.isspace() for g in row)
