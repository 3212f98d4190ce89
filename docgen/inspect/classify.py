"""Tell the kinds of lines apart: title, the four heading levels, body, page number, other.

Rules (GB/T 9704 7.3.1/7.3.3 and 7.5, as the house style sets them):

- the page number is the lowest line of a page when it reads like one (``— 3 —``, ``- 3 -``,
  ``3``, ``第 3 页``), on a landscape page also the lowest line turned to the sheet's foot;
- text inside ruled tables (pdfplumber's table finder) is "table"; the text of landscape pages
  (横排 tables, §8) is "other"; neither takes part in the body measurements;
- the body size is the size most remaining glyphs are set in; lines in another size (notes,
  captions) are "other";
- the title is the largest text on page 1, larger than the body and centred on the text block;
- a body-size line that starts a paragraph and begins with ``一、``, ``（一）``, ``1.`` or ``（1）``
  is a heading of level 1 to 4; a line continues the paragraph above when that line ran to the
  right edge and this one starts at the left edge (no first-line indent); a heading that wraps
  keeps its level on the next line unless it was a run-in heading whose sentence already ended;
- everything else of body size is body.

The left edge of the text block is where body lines start, but only when the document shows
it: some body line starts two characters (the first-line indent) right of the leftmost start.
A short document of one-line indented paragraphs starts every line at the indent, and the
right edge is only reached by a line whose paragraph carries on, at the left edge, on the next
line. Where the document does not show an edge, the nominal edge (from the house style) stands
in for telling paragraphs apart, and the edge is marked as not measured.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from docgen.inspect.lines import Glyph, Line, Page

Role = Literal["title", "h1", "h2", "h3", "h4", "body", "page_number", "table", "other"]
HEADINGS: tuple[Role, ...] = ("h1", "h2", "h3", "h4")

_PAGE_NUMBER = re.compile(r"^(?:[-—–－─~]*\s*(\d{1,4})\s*[-—–－─~]*|第\s*(\d{1,4})\s*页)$")
_HAN = "一二三四五六七八九十"
_LEVELS: tuple[tuple[Role, re.Pattern[str]], ...] = (
    ("h1", re.compile(rf"^[{_HAN}]+、")),
    ("h2", re.compile(rf"^[（(][{_HAN}]+[）)]")),
    ("h3", re.compile(r"^\d+[.．](?!\d)")),
    ("h4", re.compile(r"^[（(]\d+[）)]")),
)
_SENTENCE_END = "。！？；"
#: Body lines count as the same size within this many points.
_SIZE_SLACK = 0.3


@dataclass(frozen=True)
class Tagged:
    """A line with its role; ``continued``: the next line carries on the same paragraph."""

    line: Line
    role: Role
    continued: bool = False


@dataclass(frozen=True)
class Classified:
    """Every line of the document, tagged, with the body size and the body's left/right edges."""

    pages: tuple[Page, ...]
    lines: tuple[Tagged, ...]
    body_size: float
    left: float
    right: float
    #: Whether ``left`` and ``right`` were seen on the page (else they are the nominal edges).
    left_known: bool = True
    right_known: bool = True

    def page(self, number: int) -> Page:
        """The page numbered ``number`` (a part of a volume starts at any page of its PDF)."""
        return next(p for p in self.pages if p.number == number)

    def on_page(self, number: int) -> list[Tagged]:
        """The tagged lines of one page, top to bottom."""
        return [t for t in self.lines if t.line.page == number]


def page_number_value(text: str) -> int | None:
    """The number a page-number line shows, or ``None`` when the text is not one."""
    match = _PAGE_NUMBER.match(text.strip())
    if not match:
        return None
    return int(match.group(1) or match.group(2))


def heading_glyphs(line: Line) -> tuple[Glyph, ...]:
    """The glyphs of a heading up to its sentence end (a run-in heading is followed by body)."""
    for n, glyph in enumerate(line.glyphs):
        if glyph.text in _SENTENCE_END:
            return line.glyphs[: n + 1]
    return line.glyphs


def number_line(page: Page) -> Line | None:
    """The page's number: its lowest line, or the lowest line turned to the sheet's foot."""
    for lines in (page.turned, page.lines):
        if lines and _is_page_number(lines[-1]):
            return lines[-1]
    return None


def classify(pages: Sequence[Page], nominal: tuple[float, float] | None = None) -> Classified:
    """Tag every line of ``pages``; ``nominal`` left and right edges stand in for unseen ones.

    A page number turned to the sheet's foot (:attr:`Page.turned`) is tagged with the page's
    lines; other turned lines are left out.
    """
    numbers = {id(line) for p in pages if (line := number_line(p)) is not None}
    tables = {id(ln) for p in pages for ln in p.lines if ln.in_table and id(ln) not in numbers}
    # Text of 横排 (landscape) pages and of tables is laid out on its own terms.
    rest = [
        ln
        for p in pages
        if not p.landscape
        for ln in p.lines
        if id(ln) not in numbers and id(ln) not in tables
    ]
    size = body_size(rest)
    others = [ln for ln in rest if abs(ln.size - size) > _SIZE_SLACK]
    if others and _title_only(rest, size):
        # A form (a record printed as a table) has more title than body outside its table:
        # the title's size is not the body's.
        size = body_size(others)
    body = [ln for ln in rest if abs(ln.size - size) <= _SIZE_SLACK]
    edges = _edges(body, size, nominal)
    left, right = edges.left, edges.right
    titles = {id(ln) for ln in _title_lines(rest, size, (left + right) / 2)}
    roles: dict[int, Role] = dict.fromkeys(numbers, "page_number")
    roles.update(dict.fromkeys(tables, "table"))
    roles.update(dict.fromkeys(titles, "title"))
    roles.update(_body_roles(body, left, right))
    continued = _continued(body, left, right)
    tagged = tuple(
        Tagged(ln, roles.get(id(ln), "other"), id(ln) in continued)
        for p in pages
        for ln in (*p.lines, *(t for t in p.turned if id(t) in numbers))
    )
    return Classified(tuple(pages), tagged, size, left, right, edges.left_known, edges.right_known)


@dataclass(frozen=True)
class _Edges:
    left: float
    right: float
    left_known: bool
    right_known: bool


def _edges(body: Sequence[Line], size: float, nominal: tuple[float, float] | None) -> _Edges:
    """The block's left and right edges as the body lines show them (see the module docstring)."""
    left = min((ln.x0 for ln in body), default=0.0)
    right = max((ln.x1_core for ln in body), default=0.0)
    half = size / 2
    left_known = any(abs(ln.x0 - left - 2 * size) <= half for ln in body)
    if not left_known and nominal is not None:
        left = nominal[0]
    right_known = left_known and any(
        a.page == b.page and a.x1_core >= right - half and b.x0 <= left + half
        for a, b in itertools.pairwise(body)
    )
    if not right_known and nominal is not None:
        right = nominal[1]
    return _Edges(left, right, left_known, right_known)


def _title_only(lines: Sequence[Line], size: float) -> bool:
    """Whether the lines of ``size`` are a title: the largest text, all on the first page,
    centred on one axis (within a character)."""
    sized = [ln for ln in lines if abs(ln.size - size) <= _SIZE_SLACK]
    if max(ln.size for ln in lines) - size > _SIZE_SLACK or len({ln.page for ln in sized}) > 1:
        return False
    if sized[0].page != lines[0].page:
        return False
    centres = [(ln.x0 + ln.x1) / 2 for ln in sized]
    return max(centres) - min(centres) <= size


def _is_page_number(line: Line) -> bool:
    return page_number_value(line.text) is not None


def body_size(lines: Sequence[Line]) -> float:
    """The size most visible glyphs are set in (0 when there is no text)."""
    sizes = Counter(round(g.size, 1) for ln in lines for g in ln.glyphs if not g.text.isspace())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _title_lines(lines: Sequence[Line], size: float, centre: float) -> list[Line]:
    first = [ln for ln in lines if ln.page == lines[0].page] if lines else []
    if not first:
        return []
    largest = max(ln.size for ln in first)
    if largest < size + 1:
        return []
    return [
        ln
        for ln in first
        if abs(ln.size - largest) <= _SIZE_SLACK and abs((ln.x0 + ln.x1) / 2 - centre) <= size
    ]


def _continues(prev: Line | None, line: Line, left: float, right: float) -> bool:
    """Whether ``line`` carries on the paragraph of ``prev``: ``prev`` ran full, no indent here."""
    if prev is None:
        return False
    half = line.size / 2
    return prev.x1 >= right - half and line.x0 <= left + half


def _body_roles(body: Sequence[Line], left: float, right: float) -> dict[int, Role]:
    roles: dict[int, Role] = {}
    prev: Line | None = None
    prev_role: Role = "body"
    open_heading = False
    for line in body:
        role: Role = "body"
        if _continues(prev, line, left, right):
            role = prev_role if open_heading else "body"
        else:
            text = line.text.lstrip(" \u3000")
            role = next((level for level, rx in _LEVELS if rx.match(text)), "body")
            open_heading = role != "body"
        if role != "body":
            open_heading = len(heading_glyphs(line)) == len(line.glyphs)
        roles[id(line)] = role
        prev, prev_role = line, role
    return roles


def _continued(body: Sequence[Line], left: float, right: float) -> set[int]:
    return {
        id(prev) for prev, line in itertools.pairwise(body) if _continues(prev, line, left, right)
    }
