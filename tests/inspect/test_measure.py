"""Text block, pitch, full page and full line measured on hand-made pages."""

from __future__ import annotations

import pytest

from docgen.inspect.classify import classify
from docgen.inspect.measure import body_figures, fonts_by_role, line_pitch, text_block
from tests.inspect.synthetic import (
    LEFT,
    PITCH,
    RIGHT,
    TOP,
    full_line,
    grid_baseline,
    make_line,
    page,
    page_number,
)


def _pages() -> list:
    """Page 1: title on two grid rows, then 20 body lines; page 2: 22 lines; page 3: 2 lines."""
    title = make_line(1, "关于工作情况的报告", 200, grid_baseline(0, 22) + PITCH / 2, size=22)
    first = [title] + [full_line(1, row, indent=2 if row == 2 else 0) for row in range(2, 22)]
    second = [full_line(2, row) for row in range(22)]
    third = [full_line(3, 0), make_line(3, "完。", LEFT, grid_baseline(1))]
    return [
        page(1, *first, page_number(1)),
        page(2, *second, page_number(2)),
        page(3, *third, page_number(3)),
    ]


def test_pitch_is_the_median_baseline_distance() -> None:
    """Consecutive body lines on a page are one grid pitch apart."""
    assert line_pitch(classify(_pages())) == pytest.approx(PITCH, abs=0.01)


def test_text_block_matches_the_grid() -> None:
    """Top from the line boxes (stepping back over the title), bottom from a full page."""
    doc = classify(_pages())
    block = text_block(doc, PITCH)
    assert block.top == pytest.approx(TOP, abs=0.01)
    assert block.bottom == pytest.approx(TOP + 22 * PITCH, abs=0.01)
    assert block.left == pytest.approx(LEFT)
    assert block.right == pytest.approx(RIGHT)


def test_full_page_excludes_the_last_page() -> None:
    """Page 2 holds 22 lines; a 23-line last page would not count."""
    doc = classify(_pages())
    body = body_figures(doc, text_block(doc, PITCH), PITCH)
    assert body.lines_per_page == 22
    assert body.full_page == 2
    assert body.chars_per_line == 27


def test_single_page_has_no_full_page_and_no_bottom() -> None:
    """Nothing flowed on: no full page, no measured bottom."""
    doc = classify([page(1, full_line(1, 0), full_line(1, 1), page_number(1))])
    assert body_figures(doc, text_block(doc, PITCH), PITCH).lines_per_page is None
    assert text_block(doc, PITCH).bottom is None


def test_fonts_by_role_count_cjk_glyphs() -> None:
    """Body fonts count CJK glyphs only; page numbers count every glyph."""
    doc = classify(_pages())
    fonts = fonts_by_role(doc)
    assert set(fonts["body"]) == {"FandolFang-Regular"}
    assert fonts["page_number"]["FandolSong-Regular"] == 3 * 5


def test_rows_of_the_block_when_no_paragraph_turns_a_page() -> None:
    """Pages that end with paragraph ends (widow control) fall back to block height ÷ pitch."""
    ends = make_line(1, "完。", LEFT, grid_baseline(21))
    first = page(1, *[full_line(1, row) for row in range(21)], ends, page_number(1))
    second = page(2, make_line(2, "另起一段。", LEFT + 32, grid_baseline(0)), page_number(2))
    short = make_line(3, "再起一段。", LEFT + 32, grid_baseline(0))
    doc = classify([first, second, page(3, short, page_number(3))])
    block = text_block(doc, PITCH)
    body = body_figures(doc, block, PITCH)
    assert body.full_page is None
    assert body.lines_per_page == 22
