"""The line grid LibreOffice lays body lines on, and the text block edges it gives away.

With ``w:docGrid w:type="lines"`` LibreOffice sets every body line in a row of one pitch, rows
stacked from the top of the text block (the grid is centred in the page's body area when the
margins leave room for a fraction of a row, which is what is measured: the block as printed).
A line of size *s* is taken to leave (*p* − *s*)/2 above and below its ideographic em box, so
its row starts that much above the em box. Confirmed on LibreOffice 7.4 PDFs of every shipped
template: the first lines of pages sit within 0.7 pt of one another, consecutive body lines one
pitch apart within 0.8 pt (LibreOffice rounds positions, and FandolHei sits a little lower in
its row than FandolFang).

- **top**: the row of the first line of every upright page that starts with body text (not a
  title, not a table, not a page number); the highest of them, since a page may open with an
  empty line (the blank row above a sign-off pushed onto its own page) but never above the top.
  A page that opens with a title and a table says nothing reliable: table rows are not on the
  grid, so counting whole pitches back from the first body line under a table misses the top.
  Only when no page starts with body text are whole pitches stepped back from the first body
  line over the bigger lines above it (the title), on pages without a table above that line;
- **full page**: an upright page whose lowest printed line is a body line sitting on a grid row
  (within a tenth of a pitch) at or below the last row a full page should hold (row 22 of 22).
  Pages ending short (widow and orphan control moving two lines on, a heading kept with its
  text, a speech that ends) are not full, whether or not their last paragraph carries over; a
  page whose lines were pushed off the grid by a table cannot end on the last row either;
- **bottom**: the lower edge of the lowest row of a full page. Without a full page the bottom is
  not measured; the grid still implies where it is (top + rows × pitch), and page numbers are
  placed against that.

The grid's pitch is taken over long spans (first to last body line of each page, or of each
run of body lines between tables, divided by the rows between them), since single gaps vary
by up to 1.5 pt. With less than a page's worth of rows to go on, an error of 0.2 pt a row
would move the implied bottom by more than a millimetre, so the nominal pitch stands in when
the measured one is within its tolerance.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

from docgen.inspect.classify import HEADINGS, Classified, Role, Tagged

BODY_ROLES: tuple[Role, ...] = ("body", *HEADINGS)
#: A line sits on a grid row when it is within this fraction of a pitch of one.
ON_GRID = 0.1


@dataclass(frozen=True)
class Grid:
    """Rows of ``pitch`` from ``top`` (pt from the top of the page); ``rows`` on a full page."""

    top: float
    pitch: float
    lead: float
    rows: int

    def row(self, tagged: Tagged) -> float:
        """The (fractional) row a line sits on, 0 for the first."""
        return (tagged.line.em_top - self.lead - self.top) / self.pitch

    def on_row(self, tagged: Tagged) -> bool:
        """Whether the line sits on a grid row."""
        row = self.row(tagged)
        return abs(row - round(row)) <= ON_GRID

    def line_bottom(self, tagged: Tagged) -> float:
        """The lower edge of the line's row."""
        return tagged.line.em_bottom + self.lead

    @property
    def bottom(self) -> float:
        """Where the grid puts the bottom of the block: the lower edge of the last row."""
        return self.top + self.rows * self.pitch


@dataclass(frozen=True)
class FullPage:
    """A page filled to the last grid row: its number, rows used, body lines and bottom edge."""

    page: int
    rows: int
    lines: int
    bottom: float


def grid_pitch(
    doc: Classified, measured: float, nominal: float, tolerance: float, rows: int
) -> float:
    """The pitch to lay the grid with (see the module docstring)."""
    span = 0.0
    count = 0
    for page in doc.pages:
        for run in _runs_off_tables(upright_lines(doc, page.number)):
            if len(run) > 1:
                delta = run[-1].line.baseline - run[0].line.baseline
                span += delta
                count += round(delta / measured)
    if count >= rows:
        return span / count
    return nominal if abs(measured - nominal) <= tolerance else measured


def _runs_off_tables(lines: list[Tagged]) -> list[list[Tagged]]:
    """A page's body lines in runs that no table interrupts: table rows are not on the grid,
    so a span over a table (a 申请's text above its 情况表, its 落款 below) is no whole
    number of pitches, and counting one would stretch the pitch (29.9 pt against 28.95 on
    two such pages, the implied bottom 7 mm low)."""
    runs: list[list[Tagged]] = [[]]
    for tagged in lines:
        if tagged.role == "table":
            if runs[-1]:
                runs.append([])
        elif tagged.role in BODY_ROLES:
            runs[-1].append(tagged)
    return runs


def upright_lines(doc: Classified, number: int) -> list[Tagged]:
    """The lines of an upright page without its page number; none for a landscape page."""
    if doc.page(number).landscape:
        return []
    return [t for t in doc.on_page(number) if t.role != "page_number"]


def block_top(doc: Classified, pitch: float) -> float | None:
    """The top of the text block as printed (see the module docstring)."""
    lead = (pitch - doc.body_size) / 2
    numbers = [p.number for p in doc.pages]
    firsts = [lines[0] for n in numbers if (lines := upright_lines(doc, n))]
    tops = [t.line.em_top - lead for t in firsts if t.role in BODY_ROLES]
    if tops:
        return min(tops)
    stepped = (_stepped_top(upright_lines(doc, n), pitch, lead) for n in numbers)
    backs = [t for t in stepped if t is not None]
    return statistics.median(backs) if backs else None


def _stepped_top(lines: list[Tagged], pitch: float, lead: float) -> float | None:
    """Whole pitches back from the first body line over the bigger lines above it."""
    first = next((n for n, t in enumerate(lines) if t.role in BODY_ROLES), None)
    if first is None or any(t.role == "table" for t in lines[:first]):
        return None
    top = lines[first].line.em_top - lead
    above = top - lines[0].line.em_top
    if above > 0:
        top -= math.ceil(above / pitch - 1e-6) * pitch
    return top


def full_pages(doc: Classified, grid: Grid) -> list[FullPage]:
    """The upright pages filled to the last grid row, in page order."""
    found = []
    for page in doc.pages:
        lines = upright_lines(doc, page.number)
        if not lines or lines[-1].role not in BODY_ROLES or not grid.on_row(lines[-1]):
            continue
        last = round(grid.row(lines[-1]))
        if last + 1 < grid.rows:
            continue
        body = sum(t.role in BODY_ROLES for t in lines)
        found.append(FullPage(page.number, last + 1, body, grid.line_bottom(lines[-1])))
    return found


def fullest(pages: list[FullPage]) -> FullPage | None:
    """The full page to count: most rows (an overfull page must show), then most body lines."""
    return max(pages, key=lambda p: (p.rows, p.lines, -p.page), default=None)
