"""Measure a classified document: text block, body size and pitch, lines and characters, fonts.

The text block is measured from body-size lines (body and headings), never from the page number:

- left and right: the leftmost start and the rightmost end of those lines (a comma hanging
  into the margin does not count, see :attr:`Line.x1_core`);
- top and bottom: a line of pitch *p* set in size *s* is taken to leave (*p* − *s*)/2 above and
  below its ideographic em box, so the block starts that much above the first line. When a page
  opens with a bigger line (the title), whole pitches are stepped back from the first body line
  until the block edge is above the big line; the median over pages is taken. The bottom is the
  lowest such line box on any page but the last, since only a page the text flowed out of is
  full. LibreOffice does not quite centre every face in its grid row: FandolFang sits about
  0.45 mm low, Noto Sans CJK about 0.2 mm high, which moves top and bottom alike and stays
  well inside the ±1 mm tolerance. It also centres the whole line grid in the page's body area,
  so a section whose margins leave room for 22.7 lines prints its block lower than the margin
  says: what is measured is the block as printed;
- a full page: the most body-size lines on a page (not the last) whose last paragraph runs on
  to the next page; a page ending with a paragraph end may be short on purpose (widow and orphan
  control, a heading kept with its text). Without such a page, the rows of the measured block
  are counted instead: (bottom − top) / pitch;
- a full line: the widest body line whose paragraph carries on to the next line (so not a
  paragraph end), counted in characters of the body size (a CJK glyph 1, a digit about ½).
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections import Counter
from dataclasses import dataclass

from docgen.inspect.classify import HEADINGS, Classified, Role, Tagged, heading_glyphs

BODY_ROLES: tuple[Role, ...] = ("body", *HEADINGS)


@dataclass(frozen=True)
class TextBlock:
    """The text block in points from the page's top-left; ``None`` where it cannot be measured."""

    top: float | None
    bottom: float | None
    left: float
    right: float


@dataclass(frozen=True)
class Body:
    """Body size, pitch, the fullest page and the fullest line, each with where it was found."""

    size: float | None
    pitch: float | None
    lines_per_page: int | None
    #: The page the lines were counted on; ``None`` when they are the rows the block holds.
    full_page: int | None
    chars_per_line: float | None
    full_line_page: int | None
    full_line_text: str | None


def body_lines(doc: Classified) -> list[Tagged]:
    """Body and heading lines in reading order."""
    return [t for t in doc.lines if t.role in BODY_ROLES]


def line_pitch(doc: Classified) -> float | None:
    """Median distance between the baselines of consecutive body-size lines on one page."""
    lines = body_lines(doc)
    gaps = [
        b.line.baseline - a.line.baseline
        for a, b in itertools.pairwise(lines)
        if a.line.page == b.line.page
    ]
    return round(statistics.median(gaps), 2) if gaps else None


def text_block(doc: Classified, pitch: float) -> TextBlock:
    """Where the text block is, measured as the module docstring says."""
    lead = (pitch - doc.body_size) / 2
    tops = [t for t in (_page_top(doc, n, pitch, lead) for n in _numbers(doc)) if t is not None]
    last = max(_numbers(doc))
    bottoms = [t.line.em_bottom + lead for t in body_lines(doc) if t.line.page != last]
    return TextBlock(
        top=statistics.median(tops) if tops else None,
        bottom=max(bottoms) if bottoms else None,
        left=doc.left,
        right=doc.right,
    )


def _numbers(doc: Classified) -> list[int]:
    return [p.number for p in doc.pages]


def _page_top(doc: Classified, number: int, pitch: float, lead: float) -> float | None:
    lines = [t.line for t in doc.on_page(number) if t.role != "page_number"]
    body = [t.line for t in doc.on_page(number) if t.role in BODY_ROLES]
    if not lines or not body:
        return None
    top = body[0].em_top - lead
    # Step back over a bigger first line (the title) in whole grid pitches.
    above = top - lines[0].em_top
    if above > 0:
        top -= math.ceil(above / pitch - 1e-6) * pitch
    return top


def body_figures(doc: Classified, block: TextBlock, pitch: float | None) -> Body:
    """Body size and pitch, lines on the fullest page and characters on the fullest line."""
    lines = body_lines(doc)
    count, page = _full_page(doc, lines)
    if count is None and block.top is not None and block.bottom is not None and pitch:
        # No page split a paragraph: count the grid rows the measured block holds.
        count = round((block.bottom - block.top) / pitch)
    running = [t for t in lines if t.role == "body" and t.continued]
    widest = max(running, key=lambda t: t.line.width_in_chars(), default=None)
    return Body(
        size=doc.body_size if lines else None,
        pitch=pitch,
        lines_per_page=count,
        full_page=page,
        chars_per_line=round(widest.line.width_in_chars() * 2) / 2 if widest else None,
        full_line_page=widest.line.page if widest else None,
        full_line_text=widest.line.text if widest else None,
    )


def _full_page(doc: Classified, lines: list[Tagged]) -> tuple[int | None, int | None]:
    """Lines on the fullest page whose last paragraph runs on to the next page, and that page.

    A page that ends with a paragraph end may be short on purpose (widow and orphan control,
    a heading kept with its text), so only pages the text flows out of count as full.
    """
    last = max(_numbers(doc))
    per_page = Counter(t.line.page for t in lines if t.line.page != last)
    enders = {t.line.page: t for t in lines}
    flowing = [n for n in per_page if enders[n].continued]
    if not flowing:
        return None, None
    page = max(flowing, key=lambda n: (per_page[n], -n))
    return per_page[page], page


def fonts_by_role(doc: Classified) -> dict[Role, Counter[str]]:
    """For each role, how many CJK glyphs each embedded font printed."""
    fonts: dict[Role, Counter[str]] = {}
    for tagged in doc.lines:
        glyphs = heading_glyphs(tagged.line) if tagged.role in HEADINGS else tagged.line.glyphs
        counter = fonts.setdefault(tagged.role, Counter())
        counter.update(g.font for g in glyphs if g.is_cjk or tagged.role == "page_number")
    return {role: counter for role, counter in fonts.items() if counter}


def dominant(counter: Counter[str]) -> str | None:
    """The font that printed most of the glyphs."""
    return counter.most_common(1)[0][0] if counter else None
