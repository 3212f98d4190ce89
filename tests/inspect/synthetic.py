"""Hand-made lines and pages for inspection unit tests (no PDF, no external tool)."""

from __future__ import annotations

from docgen.inspect.lines import Glyph, Line, Page

A4_W, A4_H = 595.28, 841.89
LEFT, RIGHT = 79.37, 521.57  # 28 mm and 210 − 26 mm
TOP = 104.88  # 37 mm
PITCH = 28.95


def make_line(
    page: int,
    text: str,
    x0: float,
    baseline: float,
    size: float = 16,
    font: str = "FandolFang-Regular",
    spread: float = 0.0,
) -> Line:
    """A line of ``text`` from ``x0``: glyphs one em wide (ASCII half), ``spread`` apart."""
    glyphs = []
    x = x0
    for ch in text:
        adv = size / 2 if ch.isascii() else size
        glyphs.append(Glyph(ch, font, size, x, x + adv, baseline - size, baseline, baseline, adv))
        x += adv + spread
    return Line(page, tuple(glyphs))


def full_line(
    page: int, row: int, text: str = "", indent: int = 0, font: str = "FandolFang-Regular"
) -> Line:
    """A justified body line on grid row ``row``, from the left (or ``indent`` in) to the right."""
    count = 28 - indent
    body = (text * 28)[:count] if text else "党" * count
    x0 = LEFT + indent * 16
    spread = (RIGHT - x0 - 16 * count) / (count - 1)
    return make_line(page, body, x0, grid_baseline(row), font=font, spread=spread)


def grid_baseline(row: int, size: float = 16) -> float:
    """The baseline of grid row ``row`` (0 = first) for text of ``size`` centred in the row."""
    return TOP + row * PITCH + (PITCH - size) / 2 + 0.88 * size


def page(number: int, *lines: Line) -> Page:
    """An A4 page holding ``lines``."""
    return Page(number, A4_W, A4_H, tuple(lines))


def page_number(number: int, text: str | None = None, size: float = 14) -> Line:
    """``— N —`` in 4号, right on odd pages and left on even ones, one character in."""
    label = text or f"— {number} —"
    width = sum(size / 2 if ch.isascii() else size for ch in label)
    x0 = RIGHT - size - width if number % 2 else LEFT + size
    return make_line(number, label, x0, 765.2, size=size, font="FandolSong-Regular")
