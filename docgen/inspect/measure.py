"""Measure a classified document: text block, body size and pitch, lines and characters, fonts.

The text block is measured from body-size lines (body and headings), never from the page number:

- left and right: where body lines start and end (see :func:`docgen.inspect.classify.classify`
  for when these edges count as measured; a comma hanging into the margin does not count, see
  :attr:`Line.x1_core`);
- top and bottom: from the line grid, see :mod:`docgen.inspect.grid`: the top from the first
  line of pages that start with body text, the bottom from a page filled to the last grid row;
- a full page: such a page, its lines counted as the grid rows it fills (an empty row of the
  “空一行” counts, as it does on paper). Without one, lines per page are not measured;
- full lines: see :mod:`docgen.inspect.fullness` (a paragraph that carries on, not ended
  early by the line-breaking rules, set in full-width characters), each counted in characters
  of the body size with its first-line indent; the figure reported is the count of the full
  line furthest from the target (so one short line shows), with how many were counted.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from dataclasses import dataclass

from docgen.inspect.classify import HEADINGS, Classified, Role, Tagged, heading_glyphs
from docgen.inspect.fullness import full_lines
from docgen.inspect.grid import BODY_ROLES, Grid, block_top, full_pages, fullest, grid_pitch
from docgen.inspect.spec import GBT_9704, Band


@dataclass(frozen=True)
class TextBlock:
    """The text block in points from the page's top-left; ``None`` where it cannot be measured.

    ``grid_bottom`` is where the grid puts the bottom edge (top + rows × pitch), known whenever
    the top is; ``full_page`` and ``rows`` tell which page the bottom was measured on.
    """

    top: float | None
    bottom: float | None
    left: float
    right: float
    grid_bottom: float | None = None
    full_page: int | None = None
    rows: int | None = None


@dataclass(frozen=True)
class Body:
    """Body size, pitch, the fullest page and the fullest line, each with where it was found."""

    size: float | None
    pitch: float | None
    lines_per_page: int | None
    #: The page the lines were counted on.
    full_page: int | None
    #: The count of the full line furthest from the target (the common count when all agree).
    chars_per_line: float | None
    full_line_page: int | None
    full_line_text: str | None
    #: How many full lines were counted, and how many of them miss the target.
    full_lines: int = 0
    full_lines_off: int = 0


def body_lines(doc: Classified) -> list[Tagged]:
    """Body and heading lines in reading order."""
    return [t for t in doc.lines if t.role in BODY_ROLES]


def line_pitch(doc: Classified) -> float | None:
    """Median distance between the baselines of consecutive body-size lines on one page.

    With an exact line height the lines sit at one pitch, but LibreOffice places the
    baseline of a line holding Latin glyphs (digits set in the Latin face) about 0.75 pt
    higher in it than in an all-CJK line; in a short document the gaps between a line of
    one sort and a line of the other (28.2 or 29.7 pt) can be the median. So gaps between
    two lines of the same sort, where the shift cancels, are taken when there are any. A
    document with none (a form: a heading, then one numbered line) has its mixed gaps taken
    back by that shift (:data:`LATIN_RAISE`, a fraction of the body size).
    """
    lines = body_lines(doc)
    pairs = [(a, b) for a, b in itertools.pairwise(lines) if a.line.page == b.line.page]
    alike = [(a, b) for a, b in pairs if _latin(a) == _latin(b)]
    if alike:
        gaps = [b.line.baseline - a.line.baseline for a, b in alike]
    else:
        raise_pt = LATIN_RAISE * doc.body_size
        gaps = [b.line.baseline - a.line.baseline + raise_pt * (_latin(b) - _latin(a))
                for a, b in pairs]  # fmt: skip
    return round(statistics.median(gaps), 2) if gaps else None


#: How much higher LibreOffice sets the baseline of a body line holding Latin glyphs in its
#: exact-height line, in body sizes (0.75 pt of 16 pt: gaps of 28.2 and 29.7 pt around 28.95
#: measured on the 主题党日活动记录 and the 党费上交汇总单).
LATIN_RAISE = 0.75 / 16


def _latin(line: Tagged) -> bool:
    return any(g.text.isascii() and g.text.isalnum() for g in line.line.glyphs)


def text_block(
    doc: Classified, pitch: float, rows: int = 22, nominal: Band = GBT_9704.pitch_pt
) -> TextBlock:
    """Where the text block is, measured as :mod:`docgen.inspect.grid` says."""
    top = block_top(doc, pitch) if body_lines(doc) else None
    if top is None:
        return TextBlock(None, None, doc.left, doc.right)
    laid = grid_pitch(doc, pitch, nominal.target, nominal.tolerance, rows)
    grid = Grid(top, laid, (laid - doc.body_size) / 2, rows)
    full = fullest(full_pages(doc, grid))
    return TextBlock(
        top=top,
        bottom=full.bottom if full else None,
        left=doc.left,
        right=doc.right,
        grid_bottom=grid.bottom,
        full_page=full.page if full else None,
        rows=full.rows if full else None,
    )


def body_figures(
    doc: Classified,
    block: TextBlock,
    pitch: float | None,
    chars: float = GBT_9704.chars_per_line.target,
) -> Body:
    """Body size and pitch, lines on the fullest page, and the full lines against ``chars``."""
    lines = body_lines(doc)
    full = full_lines(doc)
    worst = max(full, key=lambda f: abs(f.chars - chars), default=None)
    return Body(
        size=doc.body_size if lines else None,
        pitch=pitch,
        lines_per_page=block.rows,
        full_page=block.full_page,
        chars_per_line=worst.chars if worst else None,
        full_line_page=worst.page if worst else None,
        full_line_text=worst.text if worst else None,
        full_lines=len(full),
        full_lines_off=sum(f.chars != chars for f in full),
    )


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
