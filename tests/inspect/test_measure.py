"""Text block, pitch, full page and full line measured on hand-made pages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from docgen.inspect.classify import classify
from docgen.inspect.lines import Line
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
    """Pages 1 and 2 reach the last grid row; page 2, with more body lines, is counted."""
    doc = classify(_pages())
    body = body_figures(doc, text_block(doc, PITCH), PITCH)
    assert body.lines_per_page == 22
    assert body.full_page == 2
    assert body.chars_per_line == 28


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


def test_page_ending_a_paragraph_on_the_last_row_is_full() -> None:
    """A page is full when its lowest line sits on row 22, whether or not its paragraph ends."""
    ends = make_line(1, "完。", LEFT, grid_baseline(21))
    first = page(1, *[full_line(1, row) for row in range(21)], ends, page_number(1))
    second = page(2, make_line(2, "另起一段。", LEFT + 32, grid_baseline(0)), page_number(2))
    short = make_line(3, "再起一段。", LEFT + 32, grid_baseline(0))
    doc = classify([first, second, page(3, short, page_number(3))])
    block = text_block(doc, PITCH)
    body = body_figures(doc, block, PITCH)
    assert body.full_page == 1
    assert body.lines_per_page == 22
    assert block.bottom == pytest.approx(TOP + 22 * PITCH, abs=0.01)


def test_pages_ending_short_are_not_full() -> None:
    """Widow control ends pages on row 21 with the paragraph carrying on: nothing to count."""
    pages = [
        page(n, *[full_line(n, row, indent=2 if row == 5 else 0) for row in range(21)])
        for n in (1, 2)
    ]
    doc = classify([*pages, page(3, full_line(3, 0), make_line(3, "完。", LEFT, grid_baseline(1)))])
    block = text_block(doc, PITCH)
    body = body_figures(doc, block, PITCH)
    assert body.lines_per_page is None
    assert body.full_page is None
    assert block.bottom is None
    assert block.top == pytest.approx(TOP, abs=0.01)
    assert block.grid_bottom == pytest.approx(TOP + 22 * PITCH, abs=0.01)


def test_an_overfull_page_counts_its_rows() -> None:
    """A page whose margins leave room for 23 rows reports 23, so the check can fail."""
    first = page(1, *[full_line(1, row, indent=2 if row == 3 else 0) for row in range(23)])
    doc = classify([first, page(2, full_line(2, 0))])
    body = body_figures(doc, text_block(doc, PITCH), PITCH)
    assert body.lines_per_page == 23
    assert body.full_page == 1


def test_top_from_body_pages_not_from_a_table_page() -> None:
    """Page 1 opens with a title and a table pushing lines off the grid; page 2 gives the top."""
    title = make_line(1, "党课记录", 250, grid_baseline(0, 22), size=22)
    table = [make_line(1, "时间地点", LEFT + 30, 200 + 21.5 * k, size=14) for k in range(8)]
    table = [Line(1, tuple(replace(g, in_table=True) for g in ln.glyphs)) for ln in table]
    off = [full_line(1, row, indent=2 if row == 12 else 0) for row in range(12, 20)]
    off = [
        Line(1, tuple(replace(g, baseline=g.baseline + 0.45 * PITCH) for g in ln.glyphs))
        for ln in off
    ]
    second = [full_line(2, row) for row in range(12)]
    doc = classify([page(1, title, *table, *off), page(2, *second)])
    block = text_block(doc, PITCH)
    assert block.top == pytest.approx(TOP, abs=0.01)
    assert block.full_page is None


def test_an_indented_first_line_counts_its_indent() -> None:
    """A paragraph's only full line is its first: 26 characters after a 2-character indent."""
    first = full_line(1, 0, indent=2)
    # “完成了。”, not “完。”: a line opening with a character and a closing mark was pushed.
    tail = make_line(1, "完成了。", LEFT, grid_baseline(1))
    doc = classify([page(1, first, tail)])
    body = body_figures(doc, text_block(doc, PITCH), PITCH)
    assert body.chars_per_line == 28


def test_edges_not_shown_are_not_measured() -> None:
    """One-line indented paragraphs show neither edge: the nominal ones stand in, unmeasured."""
    lines = [make_line(1, "一句话。", LEFT + 32, grid_baseline(row)) for row in range(3)]
    doc = classify([page(1, *lines)], nominal=(LEFT, RIGHT))
    assert not doc.left_known
    assert not doc.right_known
    assert doc.left == pytest.approx(LEFT)
    assert not any(t.continued for t in doc.lines)


def test_line_pitch_is_not_thrown_by_lines_holding_digits() -> None:
    """A line with Latin digits sits 0.75 pt higher in its exact-height line; in a short
    document the gaps to and from such lines (28.2 / 29.7 pt) must not make the pitch."""
    shift = 0.75
    texts = [
        "为推动党支部各项工作开展",
        "实际，制定2026年工作计划。",
        "一、主要任务",
        "1.抓好党员日常学习。",
    ]
    texts += ["2.规范落实组织生活制度。"]
    lines = [
        make_line(
            1, text, LEFT, grid_baseline(row) - (shift if any(c.isdigit() for c in text) else 0)
        )
        for row, text in enumerate(texts, start=2)
    ]
    doc = classify([page(1, *lines, page_number(1))])
    assert line_pitch(doc) == pytest.approx(PITCH, abs=0.01)


def test_line_pitch_of_a_heading_and_one_numbered_line() -> None:
    """Only a mixed pair (一、 heading, then a line opening with "1."): its gap is 0.75 pt short,
    and the pitch is the gap taken back by that shift (the 主题党日活动记录 read 28.2 pt)."""
    shift = 0.75
    heading = make_line(1, "一、活动安排", LEFT + 32, grid_baseline(5), font="FandolHei-Regular")
    numbered = make_line(1, "1.《条例》有关章节", LEFT + 32, grid_baseline(6) - shift)
    doc = classify([page(1, heading, numbered, page_number(1))], nominal=(LEFT, RIGHT))
    assert line_pitch(doc) == pytest.approx(PITCH, abs=0.01)
