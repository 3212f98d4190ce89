"""Which body lines are full, and how many characters each holds (GB/T 9704 §5.2.3: 28).

A line is **full** when its paragraph carries on to the next line and the line's width alone
ended it. Two things end a line early by rule, and such a line is not counted:

- **the next line's first character was pushed.** Chinese line breaking (禁则) keeps a closing
  mark (，。、；：！？”）》…) from starting a line and an opening mark (“（《…) from ending one.
  When the 29th position would hold a closing mark, LibreOffice moves the 28th character down
  with it; when the 28th would hold an opening mark, the mark moves down. Either way the line
  holds 27 because of the text, not the grid, which shows on the next line: it opens with a
  character followed by a closing mark, or with an opening mark. A digit or Latin run is not
  broken either, so a next line opening with one was pushed as a whole;
- **the line holds half-width glyphs** (digits, Latin letters). Between a Chinese character and
  a digit LibreOffice inserts its automatic Asian/non-Asian spacing (about a fifth of an em on
  each side), which a .docx cannot switch off in LibreOffice: its import ignores
  ``w:autoSpaceDE``/``w:autoSpaceDN`` (writerfilter ``DomainMapper.cxx``). A line holding a date
  therefore sums to 26.5–27.5 characters of advance while filling the line, and its sum is not a
  count of the grid's characters.

Every other continued body line is full and must hold exactly the house style's 28 characters,
its first-line indent counted in (measured on every shipped template: all 289 such lines hold
28, while the lines left out hold 19.5 to 28). A justified line is stretched to the right edge
whatever it holds, so the count is the sum of advance widths, not the line's extent.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from docgen.inspect.classify import Classified, Tagged
from docgen.inspect.grid import BODY_ROLES
from docgen.inspect.lines import Glyph
from docgen.zh.punctuation import LINE_END_FORBIDDEN, LINE_START_FORBIDDEN

#: The line-start and line-end rules (行首/行尾禁则), shared with the title breaker.
NO_START = LINE_START_FORBIDDEN
NO_END = LINE_END_FORBIDDEN


@dataclass(frozen=True)
class FullLine:
    """A full body line: where it is, its text and how many characters it holds."""

    page: int
    text: str
    chars: float


def is_full_width(glyph: Glyph) -> bool:
    """A glyph one em wide: a Chinese character or a full-width mark."""
    return glyph.is_cjk or glyph.text in "“”‘’…—"


def was_pushed(following: Tagged) -> bool:
    """Whether the line ``following`` a continued line opens with a character moved down by
    the line-breaking rules (see the module docstring)."""
    visible = [g for g in following.line.glyphs if not g.text.isspace()]
    if not visible:
        return False
    first = visible[0]
    if first.text in NO_END or not is_full_width(first):
        return True
    return len(visible) > 1 and visible[1].text in NO_START


def line_chars(doc: Classified, tagged: Tagged) -> float:
    """Characters on a line, to the half, its first-line indent included when it opens a
    paragraph (an indented first line is as full as the lines under it)."""
    line = tagged.line
    indent = max(line.x0 - doc.left, 0.0) / line.size if doc.left_known else 0.0
    return round((line.width_in_chars() + indent) * 2) / 2


def full_lines(doc: Classified) -> list[FullLine]:
    """The full body lines of ``doc`` in reading order (see the module docstring)."""
    body = [t for t in doc.lines if t.role in BODY_ROLES]
    found = []
    for line, following in itertools.pairwise(body):
        if line.role != "body" or not line.continued or was_pushed(following):
            continue
        if not all(is_full_width(g) for g in line.line.glyphs if not g.text.isspace()):
            continue
        found.append(FullLine(line.line.page, line.line.text, line_chars(doc, line)))
    return found


__all__ = [
    "NO_END",
    "NO_START",
    "FullLine",
    "full_lines",
    "is_full_width",
    "line_chars",
    "was_pushed",
]
